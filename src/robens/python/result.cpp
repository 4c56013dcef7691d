#include "robens/python/result.hpp"

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "robens/python/bindings.hpp"
#include "robens/python/json_convert.hpp"
#include "robens/run/saved_run.hpp"

namespace robens::python {

RunResult result_of(const RunSummary& summary) {
  RunResult r;
  r.file = network_file_of(summary);
  r.summary = summary.to_json();
  r.seconds = summary.seconds;
  r.best = summary.best;
  r.best_errors = summary.best_errors;
  r.final_state = summary.result.final_state;
  return r;
}

// The summary of a saved run, with the keys and order of RunSummary::to_json but "seconds"
// (files do not record it); a bare network has no run info.
RunResult result_of_file(NetworkFile file) {
  RunResult r;
  nlohmann::json j = {{"solved", file.solved},
                      {file.step_unit, file.steps},
                      {"errors", file.errors},
                      {"min_errors", file.min_errors},
                      {"interrupted", file.interrupted}};
  for (const char* key : {"seed", "version", "algorithm", "params"})
    if (file.run.contains(key)) j[key] = file.run[key];
  for (const auto& [key, value] : file.extra.items())
    if (!j.contains(key)) j[key] = value;
  r.summary = std::move(j);
  r.best = file.center;
  r.best_errors = file.errors;
  r.file = std::move(file);
  return r;
}

void bind_results(py::module_& m) {
  py::class_<RunResult>(m, "RunResult", "A finished or loaded run (wrapped by robens.Result).")
      .def_property_readonly("summary", [](const RunResult& r) { return to_python(r.summary); })
      .def_property_readonly("run", [](const RunResult& r) { return to_python(r.file.run); })
      .def_property_readonly("extra", [](const RunResult& r) { return to_python(r.file.extra); })
      .def_property_readonly("solved", [](const RunResult& r) { return r.file.solved; })
      .def_property_readonly("interrupted", [](const RunResult& r) { return r.file.interrupted; })
      .def_property_readonly("step_unit", [](const RunResult& r) { return r.file.step_unit; })
      .def_property_readonly("steps", [](const RunResult& r) { return r.file.steps; })
      .def_property_readonly("errors", [](const RunResult& r) { return r.file.errors; })
      .def_property_readonly("min_errors", [](const RunResult& r) { return r.file.min_errors; })
      .def_readonly("seconds", &RunResult::seconds)
      .def_property_readonly("center", [](const RunResult& r) { return r.file.center; })
      .def_property_readonly("replicas", [](const RunResult& r) { return r.file.replicas; })
      .def_readonly("best", &RunResult::best)
      .def_readonly("best_errors", &RunResult::best_errors)
      .def_readonly("history", &RunResult::history)
      .def_readonly("stop_reason", &RunResult::stop_reason)
      .def("network_file", [](const RunResult& r) { return to_python(r.file.to_json()); })
      .def(
          "save",
          [](const RunResult& r, const std::filesystem::path& path) {
            save_network_file(path, r.file);
          },
          py::arg("path"));
  m.def(
      "_load",
      [](const std::filesystem::path& path) { return result_of_file(load_network_file(path)); },
      py::arg("path"));
}

}  // namespace robens::python
