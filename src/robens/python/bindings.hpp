#pragma once
// The Python extension robens._robens (module.cpp) is made of one bind_* function per concept:
// parameter tables, pattern data, networks, training, results, measurements, theory, sweeps. The
// pure-Python package (robens/__init__.py) wraps it with docstrings, progress bars and stubs.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

namespace robens::python {

namespace py = pybind11;

void bind_parameters(py::module_& m);
void bind_data(py::module_& m);
void bind_network(py::module_& m);
void bind_results(py::module_& m);
void bind_training(py::module_& m);
void bind_measure(py::module_& m);
void bind_theory(py::module_& m);
void bind_sweeps(py::module_& m);

}  // namespace robens::python
