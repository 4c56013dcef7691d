#include "robens/algorithms/registry.hpp"

#include <fmt/format.h>

#include "robens/core/error.hpp"

namespace robens {

#define ROBENS_ALGORITHM(x) AlgorithmInfo x##_algorithm();
#include "robens/algorithms/algorithm_list.inc"
#undef ROBENS_ALGORITHM

const std::vector<AlgorithmInfo>& algorithm_registry() {
  static const std::vector<AlgorithmInfo> all = {
#define ROBENS_ALGORITHM(x) x##_algorithm(),
#include "robens/algorithms/algorithm_list.inc"
#undef ROBENS_ALGORITHM
  };
  return all;
}

const AlgorithmInfo& find_algorithm(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& info : algorithm_registry()) {
    if (info.name == name) return info;
    names.push_back(info.name);
  }
  fail("unknown algorithm '{}' (available: {})", name, fmt::join(names, ", "));
}

std::unique_ptr<Algorithm> make_algorithm(std::string_view name, const nlohmann::json& values) {
  return find_algorithm(name).make(values);
}

const ParameterSpec* AlgorithmInfo::find_parameter(std::string_view key) const {
  for (const auto& p : parameters)
    if (p.key == key) return &p;
  return nullptr;
}

std::string AlgorithmInfo::unsupported(const NetworkShape& shape) const {
  return make(nlohmann::json::object())->unsupported(shape);
}

}  // namespace robens
