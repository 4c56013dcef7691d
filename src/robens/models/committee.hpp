#pragma once
// Forward pass, errors, stabilities and the "minimum number of weight flips" energy of binary
// perceptrons and committee machines (a perceptron is the K = 1 sign committee).
#include <cstddef>
#include <span>
#include <vector>

#include "robens/models/binary_network.hpp"

namespace robens {

inline int hidden_field(const BinaryNetwork& net, const UnitInputs& in, std::size_t k,
                        std::size_t a) {
  return packed_dot(net.units[k].words(), in.input(k, a), in.unit_inputs());
}

// Output pre-activation: Σ_k sign(h_k) for sign units, Σ_k c_k max(0, h_k) for ReLU units.
int output_field(const BinaryNetwork& net, const UnitInputs& in, std::size_t a);

// label · output field; a pattern is classified correctly iff this is > 0 (0 counts as an error).
inline int stability(const BinaryNetwork& net, const UnitInputs& in, std::size_t a) {
  return in.label(a) * output_field(net, in, a);
}
std::vector<int> stabilities(const BinaryNetwork& net, const UnitInputs& in);
std::size_t count_errors(const BinaryNetwork& net, const UnitInputs& in);

// Minimum number of weight flips that fixes one pattern, given label·h_k for every unit (sign
// units only). Perceptron: R(−Δ) = (|Δ|+1)/2 if Δ < 0. Committee (docs/rsa.md, "Energies"):
// among the wrong units, the cheapest (|x_k|+1)/2 costs of the w − (K−1)/2 units that must change
// sign.
long pattern_min_flips(std::span<const int> signed_fields);
// Σ over patterns of pattern_min_flips: the PNAS energy.
long min_flip_energy(const BinaryNetwork& net, const UnitInputs& in);

}  // namespace robens
