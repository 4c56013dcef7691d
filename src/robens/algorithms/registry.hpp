#pragma once
// The algorithms robens knows, by name (as LAMMPS registers its styles): each algorithm's folder
// defines an AlgorithmInfo, and algorithm_list.inc adds it here with one line. Front ends (CLI,
// sweeps, Python) list them, show their parameter tables and make them from a key/value map.
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "robens/algorithms/algorithm.hpp"
#include "robens/core/parameter_spec.hpp"

namespace robens {

struct AlgorithmInfo {
  std::string name;      // the value of --algo / algo=
  std::string summary;   // one line for help texts
  std::string networks;  // which networks it trains, for help texts
  StepUnits units;
  std::vector<ParameterSpec> parameters;  // its table, in order
  // Builds the algorithm from parameter values (keys of `parameters`; others rejected),
  // validating each value and the combination (InputError).
  std::function<std::unique_ptr<Algorithm>(const nlohmann::json& values)> make;
  // Reads the algorithm's own state files for warm starts (fBP: message files); null if none.
  std::function<std::shared_ptr<const RunState>(const std::filesystem::path&)> read_state;

  const ParameterSpec* find_parameter(std::string_view key) const;
  // Why the algorithm with default parameters cannot train `shape` ("" if it can).
  std::string unsupported(const NetworkShape& shape) const;
};

// Every registered algorithm, in registration order.
const std::vector<AlgorithmInfo>& algorithm_registry();
// Throws InputError naming the registered algorithms if `name` is not one of them.
const AlgorithmInfo& find_algorithm(std::string_view name);
std::unique_ptr<Algorithm> make_algorithm(std::string_view name,
                                          const nlohmann::json& values = nlohmann::json::object());

}  // namespace robens
