#include "robens/models/network_shape.hpp"

#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"

namespace robens {
NetworkShape NetworkShape::committee(Architecture arch, std::size_t n, std::size_t k,
                                     Activation act) {
  return {arch, n, k, act};
}

void NetworkShape::validate() const {
  require(units >= 1, "the number of hidden units K must be at least 1");
  require(inputs >= 1, "the number of inputs N must be at least 1");
  require(inputs <= kMaxInputs, "N = {} is too large (at most {})", inputs, kMaxInputs);
  require(units <= kMaxUnits, "K = {} is too large (at most {} hidden units)", units, kMaxUnits);
  if (architecture == Architecture::tree) {
    require(inputs % units == 0,
            "tree committee: N = {} inputs cannot be split evenly among K = {} units", inputs,
            units);
  }
  require(weights() <= kMaxWeights, "N = {}, K = {}: {} weights, over the limit of {}", inputs,
          units, weights(), kMaxWeights);
  const std::size_t n = unit_inputs();
  if (activation == Activation::sign) {
    require(n % 2 == 1,
            "{}: each unit sees N = {} inputs, which must be odd so that no field is zero",
            units == 1 ? "perceptron" : "sign committee", n);
    require(units % 2 == 1, "sign committee: K = {} must be odd so that the output is never tied",
            units);
  } else {
    require(units % 2 == 0 && units >= 2,
            "ReLU committee: K = {} must be even (half the output weights are +1, half -1)", units);
  }
}

nlohmann::json NetworkShape::to_json() const {
  return {{"architecture", to_string(architecture)},
          {"inputs", inputs},
          {"units", units},
          {"activation", to_string(activation)}};
}

NetworkShape NetworkShape::from_json(const nlohmann::json& j) {
  get_object(j, "network");
  require(j.contains("architecture"), "network: missing 'architecture'");
  require(j.contains("inputs"), "network: missing 'inputs'");
  require(j.contains("units"), "network: missing 'units'");
  NetworkShape s;
  s.architecture =
      parse_enum<Architecture>(get_string(j["architecture"], "'architecture'"), "architecture");
  s.inputs = get_integer<std::size_t>(j["inputs"], "'inputs'", 1, kMaxInputs);
  s.units = get_integer<std::size_t>(j["units"], "'units'", 1, kMaxUnits);
  if (j.contains("activation"))
    s.activation =
        parse_enum<Activation>(get_string(j["activation"], "'activation'"), "activation");
  s.validate();
  return s;
}

}  // namespace robens
