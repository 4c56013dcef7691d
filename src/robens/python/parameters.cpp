// The parameter tables as data: the Python package builds its keyword arguments, defaults,
// docstrings and checks from these, so there is no second list of parameters in Python.
#include "robens/algorithms/registry.hpp"
#include "robens/core/version.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/json_convert.hpp"
#include "robens/python/parameter_values.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run_options.hpp"

namespace robens::python {
namespace {

py::dict algorithm_to_python(const AlgorithmInfo& a) {
  py::dict d;
  d["name"] = a.name;
  d["summary"] = a.summary;
  d["networks"] = a.networks;
  d["record_unit"] = a.units.record;
  d["count_unit"] = a.units.count;
  d["parameters"] = specs_to_python(a.parameters);
  return d;
}

const ParameterSpec& find_spec(const std::vector<ParameterSpec>& specs, const std::string& key) {
  for (const auto& s : specs)
    if (s.key == canonical_key(key)) return s;
  throw py::key_error(key);
}

}  // namespace

void bind_parameters(py::module_& m) {
  m.attr("__version__") = kVersion;
  m.def(
      "algorithms",
      [] {
        py::list out;
        for (const auto& a : algorithm_registry()) out.append(algorithm_to_python(a));
        return out;
      },
      "Every registered algorithm: name, summary, networks, record_unit, count_unit and its "
      "parameter table (a list of dicts).");
  m.def(
      "algorithm",
      [](const std::string& name) { return algorithm_to_python(find_algorithm(name)); },
      py::arg("name"), "One algorithm's entry (InputError naming the registered ones if unknown).");
  m.def(
      "problem_parameters", [] { return specs_to_python(problem_parameter_table().specs()); },
      "The problem's parameter table (model, arch, activation, N, K, alpha, patterns, teacher, "
      "data_seed).");
  m.def(
      "run_options", [] { return specs_to_python(run_option_table().specs()); },
      "The run options' table (init_from, init_which, init_schedule, trace, save).");
  m.def(
      "check_parameter",
      [](const std::string& algo, const std::string& key, py::handle value) {
        const auto& specs =
            algo.empty() ? problem_parameter_table().specs() : find_algorithm(algo).parameters;
        return to_python(checked_value(find_spec(specs, key), value));
      },
      py::arg("algo"), py::arg("key"), py::arg("value"),
      "The value checked by the library (TypeError / ValueError) in canonical form; algo '' "
      "checks a problem parameter.");
}

}  // namespace robens::python
