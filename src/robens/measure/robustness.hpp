#pragma once
// Measurements on trained binary networks, usable on the output of any algorithm (PRL 2019 Fig. 3;
// docs/rsa.md, "robens measure"):
//  * normalised stabilities: sign units Ξ = label·Σ_k sign(h_k)/√K (perceptron: label·h/√N),
//    ReLU units Ξ = label·Σ_k c_k max(0, h_k)/√N (= Δ2/√N since h_k/√K1 and 1/√K);
//  * robustness to input noise: for every pattern, `perturbations` copies with a fraction η of its
//    entries flipped (exactly round(ηN) distinct entries, or each entry with probability η), and
//    the fraction misclassified (label·output ≤ 0), averaged over patterns and copies;
//  * robustness to weight flips: the training error rate after flipping a fraction η of the
//    weights, averaged over `perturbations` random flip sets;
//  * overlaps and distances between replicas and a centre.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/core/enum_names.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/models/binary_network.hpp"

namespace robens {

std::vector<double> normalized_stabilities(const BinaryNetwork& net, const PatternSet& patterns);

enum class NoiseMode { exact_count, bernoulli };
template <>
struct EnumNames<NoiseMode> {
  static constexpr std::pair<NoiseMode, const char*> values[] = {
      {NoiseMode::exact_count, "exact"}, {NoiseMode::bernoulli, "bernoulli"}};
};

struct RobustnessPoint {
  double eta = 0;
  double error_probability = 0;  // mean over patterns × perturbations
  double standard_error = 0;     // over patterns (each pattern's mean over its perturbations)
};

// Every random choice comes from Rng(seed, measurement, ...), so results do not depend on order.
std::vector<RobustnessPoint> input_noise_curve(const BinaryNetwork& net, const PatternSet& patterns,
                                               const std::vector<double>& etas, int perturbations,
                                               std::uint64_t seed,
                                               NoiseMode mode = NoiseMode::exact_count);
std::vector<RobustnessPoint> weight_noise_curve(const BinaryNetwork& net,
                                                const PatternSet& patterns,
                                                const std::vector<double>& etas, int perturbations,
                                                std::uint64_t seed,
                                                NoiseMode mode = NoiseMode::exact_count);

// Spin-wise majority of the networks; ties (even count) broken by Rng(seed, measurement) bits.
BinaryNetwork majority_network(const std::vector<BinaryNetwork>& nets, std::uint64_t seed);

struct EnsembleOverlaps {
  double replica_overlap = 0;   // mean over pairs a < b of q_ab = (1/N) Σ W^a W^b
  double center_overlap = 0;    // mean over a of q(W^a, centre)
  double replica_distance = 0;  // (1 − q)/2: mean fraction of differing weights
  double center_distance = 0;
  std::vector<double> unit_replica_overlap;  // per hidden unit (PRL Eq. 8 overlaps are per unit)
  nlohmann::json to_json() const;
};
EnsembleOverlaps ensemble_overlaps(const std::vector<BinaryNetwork>& replicas,
                                   const BinaryNetwork& centre);

// η grid 0, max/(steps−1), …, max.
std::vector<double> eta_grid(double max, int steps);

}  // namespace robens
