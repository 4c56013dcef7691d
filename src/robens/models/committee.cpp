#include "robens/models/committee.hpp"

#include <algorithm>

#include "robens/core/error.hpp"

namespace robens {

int output_field(const BinaryNetwork& net, const UnitInputs& in, std::size_t a) {
  const auto& shape = net.shape;
  int out = 0;
  if (shape.activation == Activation::sign) {
    for (std::size_t k = 0; k < shape.units; ++k) out += hidden_field(net, in, k, a) > 0 ? 1 : -1;
  } else {
    for (std::size_t k = 0; k < shape.units; ++k)
      out += shape.output_weight(k) * std::max(0, hidden_field(net, in, k, a));
  }
  return out;
}

std::vector<int> stabilities(const BinaryNetwork& net, const UnitInputs& in) {
  std::vector<int> out(in.size());
  for (std::size_t a = 0; a < in.size(); ++a) out[a] = stability(net, in, a);
  return out;
}

std::size_t count_errors(const BinaryNetwork& net, const UnitInputs& in) {
  std::size_t errors = 0;
  if (net.shape.activation == Activation::sign) {
    // The hot case (every epoch of rSGD), kept in one inlined loop.
    const std::size_t units = net.shape.units, n = in.unit_inputs();
    for (std::size_t a = 0; a < in.size(); ++a) {
      int out = 0;
      for (std::size_t k = 0; k < units; ++k)
        out += packed_dot(net.units[k].words(), in.input(k, a), n) > 0 ? 1 : -1;
      errors += in.label(a) * out <= 0;
    }
    return errors;
  }
  for (std::size_t a = 0; a < in.size(); ++a) errors += stability(net, in, a) <= 0;
  return errors;
}

long pattern_min_flips(std::span<const int> signed_fields) {
  const std::size_t k = signed_fields.size();
  if (k == 1) return signed_fields[0] < 0 ? (1 - signed_fields[0]) / 2 : 0;
  int costs[4096];
  std::size_t wrong = 0;
  for (int x : signed_fields)
    if (x < 0) costs[wrong++] = (1 - x) / 2;
  const std::size_t majority = (k - 1) / 2;
  if (wrong <= majority) return 0;
  const std::size_t to_fix = wrong - majority;
  std::partial_sort(costs, costs + to_fix, costs + wrong);
  long total = 0;
  for (std::size_t i = 0; i < to_fix; ++i) total += costs[i];
  return total;
}

long min_flip_energy(const BinaryNetwork& net, const UnitInputs& in) {
  require(net.shape.activation == Activation::sign,
          "the minimum-flip energy is defined for sign units only; use the error count for ReLU");
  std::vector<int> fields(net.shape.units);
  long energy = 0;
  for (std::size_t a = 0; a < in.size(); ++a) {
    for (std::size_t k = 0; k < net.shape.units; ++k)
      fields[k] = in.label(a) * hidden_field(net, in, k, a);
    energy += pattern_min_flips(fields);
  }
  return energy;
}

}  // namespace robens
