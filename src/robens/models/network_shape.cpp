#include "robens/models/network_shape.hpp"

#include <cstdint>

#include "robens/core/error.hpp"

namespace robens {
namespace {

// get<std::size_t> would also take -1 (wrapped) or 1e30 (undefined behaviour) or 21.9 (21).
std::size_t count_value(const nlohmann::json& v, const char* key) {
  require(v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0),
          "network shape: '{}' must be a non-negative integer, got {}", key, v.dump());
  return v.get<std::size_t>();
}

}  // namespace

NetworkShape NetworkShape::committee(Architecture arch, std::size_t n, std::size_t k,
                                     Activation act) {
  return {arch, n, k, act};
}

void NetworkShape::validate() const {
  require(units >= 1, "the number of hidden units K must be at least 1");
  require(inputs >= 1, "the number of inputs N must be at least 1");
  require(inputs <= (1U << 28), "N = {} is too large", inputs);
  require(units <= 4096, "K = {} is too large (at most 4096 hidden units)", units);
  if (architecture == Architecture::tree) {
    require(inputs % units == 0,
            "tree committee: N = {} inputs cannot be split evenly among K = {} units", inputs,
            units);
  }
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
  NetworkShape s;
  try {
    s.architecture =
        parse_enum<Architecture>(j.at("architecture").get<std::string>(), "architecture");
    s.inputs = count_value(j.at("inputs"), "inputs");
    s.units = count_value(j.at("units"), "units");
    s.activation = parse_enum<Activation>(j.value("activation", std::string("sign")), "activation");
  } catch (const nlohmann::json::exception& e) {
    fail("network shape: {}", e.what());
  }
  s.validate();
  return s;
}

}  // namespace robens
