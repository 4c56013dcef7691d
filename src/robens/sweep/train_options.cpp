#include "robens/sweep/train_options.hpp"

#include "robens/algorithms/registry.hpp"
#include "robens/core/error.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run_options.hpp"

namespace robens::sweep {
namespace {

const ParameterSpec* find_in(const std::vector<ParameterSpec>& specs, const std::string& key) {
  for (const auto& s : specs)
    if (s.key == key) return &s;
  return nullptr;
}

// Keys a job may set that are not in a table: "algo" (the registry decides its values).
bool is_algo_key(const std::string& key) {
  return key == "algo";
}

void check_value(const ParameterSpec& spec, const nlohmann::json& value) {
  if (value.is_string() && spec.type != ParameterType::text && spec.type != ParameterType::choice)
    spec.parse(value.get<std::string>());  // numbers and booleans may be written as text
  else
    spec.check(value);
}

}  // namespace

std::string algorithm_of(const nlohmann::json& point) {
  if (!point.contains("algo")) return "rsgd";
  require(point["algo"].is_string(), "algo: expected a string, got {}", point["algo"].dump());
  return point["algo"].get<std::string>();
}

const ParameterSpec* find_train_option(const std::string& key, const std::string& algorithm) {
  static const auto problem = problem_parameter_table().specs();
  static const auto run = run_option_table().specs();
  if (const auto* s = find_in(problem, key)) return s;
  if (const auto* s = find_in(run, key)) return s;
  const auto* s = find_in(find_algorithm(algorithm).parameters, key);
  return s != nullptr && s->settable ? s : nullptr;
}

nlohmann::json canonical_train_point(const nlohmann::json& point) {
  const std::string algorithm = algorithm_of(point);
  (void)find_algorithm(algorithm);  // names the registered ones if unknown
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [raw, value] : point.items()) {
    std::string key = canonical_key(raw);
    nlohmann::json v = value;
    if (is_algo_key(key)) {
      out[key] = v;
      continue;
    }
    const ParameterSpec* spec = find_train_option(key, algorithm);
    if (spec == nullptr && key.starts_with("no_") && v.is_boolean()) {
      const ParameterSpec* positive = find_train_option(key.substr(3), algorithm);
      if (positive != nullptr && positive->type == ParameterType::boolean) {
        spec = positive;
        key = key.substr(3);
        v = !v.get<bool>();
      }
    }
    require(spec != nullptr, "option '{}' is not an option of train --algo {}", raw, algorithm);
    if (spec->type == ParameterType::boolean && v.is_string())
      v = spec->parse(v.get<std::string>());
    try {
      check_value(*spec, v);
    } catch (const InputError& e) {
      fail("option '{}': {}", raw, e.what());
    }
    require(!out.contains(key), "option '{}' is set twice (as '{}' and another spelling)", key,
            raw);
    out[key] = v;
  }
  return out;
}

std::string unsupported_network(const nlohmann::json& point) {
  if (point.contains("patterns")) return "";
  const std::string algorithm = algorithm_of(point);
  const AlgorithmInfo& info = find_algorithm(algorithm);
  static const auto problem_specs = problem_parameter_table().specs();
  nlohmann::json problem = nlohmann::json::object(), parameters = nlohmann::json::object();
  for (const auto& [key, value] : point.items()) {
    const ParameterSpec* spec = find_train_option(key, algorithm);
    if (spec == nullptr) continue;
    const nlohmann::json v = value.is_string() && spec->type != ParameterType::text &&
                                     spec->type != ParameterType::choice
                                 ? spec->parse(value.get<std::string>())
                                 : value;
    if (find_in(problem_specs, key) != nullptr)
      problem[key] = v;
    else if (find_in(info.parameters, key) != nullptr && !spec->output)
      parameters[key] = v;
  }
  return info.make(parameters)->unsupported(problem_shape(problem));
}

std::vector<std::string> train_option_words(const std::string& key, const nlohmann::json& value,
                                            const std::string& algorithm, const std::string& text) {
  if (is_algo_key(key)) return {"--algo", text};
  const ParameterSpec* spec = find_train_option(key, algorithm);
  require(spec != nullptr, "option '{}' is not an option of train --algo {}", key, algorithm);
  const std::string flag = spec->cli_flag();
  if (value.is_boolean()) return {value.get<bool>() ? flag : "--no-" + flag.substr(2)};
  return {flag, text};
}

}  // namespace robens::sweep
