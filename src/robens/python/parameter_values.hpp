#pragma once
// Parameter specs (core/parameter_spec.hpp) as Python dicts, and Python values checked against
// them. The library's check gives the message; a value of the wrong kind (a string for a number,
// a number for a choice) raises TypeError with it, a value out of range ValueError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "robens/core/parameter_spec.hpp"

namespace robens::python {

namespace py = pybind11;

// {"key", "type", "default", "help", "range", "choices", "settable", "sweepable", "output",
//  "file", "cli_flag"}; type is boolean | integer | count | real | choice | text.
py::dict spec_to_python(const ParameterSpec& spec);
py::list specs_to_python(const std::vector<ParameterSpec>& specs);

nlohmann::json checked_value(const ParameterSpec& spec, py::handle value);

}  // namespace robens::python

namespace robens::python {

// The values of `kwargs` whose keys `specs` has, each checked (TypeError / ValueError); other keys
// are kept as given, for the library to reject with its own message.
nlohmann::json checked_values(const std::vector<ParameterSpec>& specs, const py::dict& kwargs);

}  // namespace robens::python
