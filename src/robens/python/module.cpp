// robens._robens: the extension module behind `import robens` (the package robens/ wraps it).
// The library's InputError becomes robens.InputError, a ValueError, with the library's message;
// malformed JSON input (a network dict, a record) is a ValueError too.
#include <nlohmann/json.hpp>

#include "robens/core/error.hpp"
#include "robens/python/bindings.hpp"

PYBIND11_MODULE(_robens, m) {
  namespace py = pybind11;
  using namespace robens::python;
  m.doc() = "robens C++ bindings (use the robens package, not this module directly)";
  py::register_exception<robens::InputError>(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const nlohmann::json::exception& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
  // The robens binary of the same build, which sweeps run (robens/_executable.py looks here last
  // but one, before PATH).
  m.attr("_build_executable") = ROBENS_CLI_PATH;
  bind_parameters(m);
  bind_network(m);
  bind_data(m);
  bind_results(m);
  bind_training(m);
  bind_measure(m);
  bind_theory(m);
  bind_sweeps(m);
}
