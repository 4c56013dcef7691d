#include "robens/python/json_convert.hpp"

namespace robens::python {

py::object to_python(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(j.get<long long>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(j.get<unsigned long long>());
    case nlohmann::json::value_t::number_float:
      return py::float_(j.get<double>());
    case nlohmann::json::value_t::string:
      return py::str(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      py::list out;
      for (const auto& v : j) out.append(to_python(v));
      return out;
    }
    case nlohmann::json::value_t::object: {
      py::dict out;
      for (const auto& [key, v] : j.items()) out[py::str(key)] = to_python(v);
      return out;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  throw py::type_error("cannot convert binary JSON data to Python");
}

namespace {

// numpy.bool_ is not a subclass of bool; recognised by its type name to avoid importing numpy.
bool is_numpy_bool(py::handle value) {
  const std::string name = py::str(py::type::handle_of(value).attr("__name__"));
  return name == "bool_" || name == "bool";
}

}  // namespace

nlohmann::json from_python(py::handle value, const std::string& what) {
  if (value.is_none()) return nullptr;
  if (PyBool_Check(value.ptr())) return value.cast<bool>();
  if (is_numpy_bool(value)) return static_cast<bool>(PyObject_IsTrue(value.ptr()));
  if (PyLong_Check(value.ptr()) || (!PyFloat_Check(value.ptr()) && PyIndex_Check(value.ptr()))) {
    const py::int_ i = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
    if (!i) throw py::error_already_set();
    return i.cast<long long>();
  }
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (PyFloat_Check(value.ptr()) || py::hasattr(value, "__float__")) {
    const double x = PyFloat_AsDouble(value.ptr());
    if (x == -1.0 && PyErr_Occurred()) throw py::error_already_set();
    return x;
  }
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    nlohmann::json out = nlohmann::json::array();
    for (auto item : value) out.push_back(from_python(item, what));
    return out;
  }
  if (py::isinstance<py::dict>(value)) {
    nlohmann::json out = nlohmann::json::object();
    for (auto [k, v] : value.cast<py::dict>()) {
      if (!py::isinstance<py::str>(k)) throw py::type_error(what + ": dictionary keys must be str");
      out[k.cast<std::string>()] = from_python(v, what + "." + k.cast<std::string>());
    }
    return out;
  }
  throw py::type_error(what + ": unsupported value of type " +
                       py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>());
}

}  // namespace robens::python
