#pragma once
// Pattern data on the Python side: the packed `Patterns` object (made once from numpy arrays or a
// file, reused by every call without packing again) and the reading of X, y arguments.
#include <pybind11/pybind11.h>

#include <string>

#include "robens/core/pattern_set.hpp"

namespace robens::python {

namespace py = pybind11;

struct Patterns {
  PatternSet set;
  std::string source;  // where they came from: a file name, "<numpy>", "<generated>"
};

// X, y as a pattern set: a Patterns object (y must be None) or two arrays. `source` receives
// the name recorded in the run's parameters.
PatternSet patterns_of(py::handle x, py::handle y, std::string& source);

}  // namespace robens::python
