#include "robens/python/parameter_values.hpp"

#include "robens/core/error.hpp"
#include "robens/python/json_convert.hpp"

namespace robens::python {
namespace {

const char* type_name(ParameterType t) {
  switch (t) {
    case ParameterType::boolean:
      return "boolean";
    case ParameterType::integer:
      return "integer";
    case ParameterType::count:
      return "count";
    case ParameterType::real:
      return "real";
    case ParameterType::choice:
      return "choice";
    case ParameterType::text:
      return "text";
  }
  return "?";
}

// Whether the JSON value is of the kind the spec takes (its range aside).
bool kind_fits(const ParameterSpec& spec, const nlohmann::json& v) {
  switch (spec.type) {
    case ParameterType::boolean:
      return v.is_boolean();
    case ParameterType::integer:
    case ParameterType::count:
    case ParameterType::real:
      return v.is_number();
    case ParameterType::choice:
    case ParameterType::text:
      return v.is_string();
  }
  return false;
}

}  // namespace

py::dict spec_to_python(const ParameterSpec& spec) {
  py::dict d;
  d["key"] = spec.key;
  d["type"] = type_name(spec.type);
  d["default"] = to_python(spec.default_value);
  d["help"] = spec.help;
  d["range"] = spec.range_text();
  d["choices"] = py::cast(spec.choices);
  d["settable"] = spec.settable;
  d["sweepable"] = spec.sweepable;
  d["output"] = spec.output;
  d["file"] = spec.file;
  d["cli_flag"] = spec.cli_flag();
  return d;
}

py::list specs_to_python(const std::vector<ParameterSpec>& specs) {
  py::list out;
  for (const auto& s : specs) out.append(spec_to_python(s));
  return out;
}

nlohmann::json checked_value(const ParameterSpec& spec, py::handle value) {
  // os.PathLike file names (pathlib.Path) are strings to the library.
  const bool path_like = spec.type == ParameterType::text && !py::isinstance<py::str>(value) &&
                         py::hasattr(value, "__fspath__");
  const nlohmann::json v =
      path_like ? nlohmann::json(py::str(value.attr("__fspath__")()).cast<std::string>())
                : from_python(value, spec.key);
  try {
    return spec.check(v);
  } catch (const InputError& e) {
    if (!kind_fits(spec, v)) throw py::type_error(e.what());
    throw;
  }
}

}  // namespace robens::python

namespace robens::python {

nlohmann::json checked_values(const std::vector<ParameterSpec>& specs, const py::dict& kwargs) {
  nlohmann::json out = nlohmann::json::object();
  for (auto [k, v] : kwargs) {
    const std::string key = k.cast<std::string>();
    const ParameterSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.key == canonical_key(key)) spec = &s;
    out[key] = spec != nullptr ? checked_value(*spec, v) : from_python(v, key);
  }
  return out;
}

}  // namespace robens::python
