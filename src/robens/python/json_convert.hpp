#pragma once
// JSON (the library's key/value maps, summaries, step records) to Python objects and back.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>
#include <string>

namespace robens::python {

namespace py = pybind11;

// Objects → dict, arrays → list, numbers → int / float, null → None.
py::object to_python(const nlohmann::json& j);

// bool, int (and numpy integers), float (and numpy floats), str, None, list / tuple, dict with
// str keys. Anything else raises TypeError naming `what` (e.g. the parameter).
nlohmann::json from_python(py::handle value, const std::string& what);

}  // namespace robens::python
