// Pattern data: the Patterns class, generated and teacher-student data (the same library calls
// as `robens generate`, so the same seed gives the same patterns), and both pattern file formats.
#include "robens/python/data.hpp"

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/models/teacher.hpp"
#include "robens/python/arrays.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/json_convert.hpp"
#include "robens/python/parameter_values.hpp"
#include "robens/run/problem.hpp"

namespace robens::python {

PatternSet patterns_of(py::handle x, py::handle y, std::string& source) {
  if (py::isinstance<Patterns>(x)) {
    if (!y.is_none()) throw py::type_error("y: give either a Patterns object or X and y");
    const auto& p = x.cast<const Patterns&>();
    source = p.source;
    return p.set;
  }
  source = "<numpy>";
  return patterns_from_arrays(x, y);
}

namespace {

PatternFormat format_of(const std::filesystem::path& path, const std::string& name) {
  if (name == "auto") return format_for_path(path);
  if (name == "text") return PatternFormat::text;
  if (name == "binary") return PatternFormat::binary;
  throw py::value_error(fmt::format("format: expected auto, text or binary, got '{}'", name));
}

// Every file robens writes records the version; the caller's metadata is added to it.
std::string metadata_of(py::handle metadata) {
  nlohmann::json meta = {{"version", kVersion}, {"source", "python"}};
  if (!metadata.is_none()) {
    const nlohmann::json given = from_python(metadata, "metadata");
    if (!given.is_object()) throw py::type_error("metadata: expected a dict");
    meta.update(given);
  }
  return meta.dump();
}

TrainingProblem generated_problem(const py::dict& kwargs, std::uint64_t seed) {
  const nlohmann::json values = checked_values(problem_parameter_table().specs(), kwargs);
  require(!values.contains("patterns"),
          "patterns: generate makes patterns; read a file with read_patterns");
  return build_problem(values, seed);
}

py::tuple generate(const py::dict& kwargs, std::uint64_t seed) {
  const TrainingProblem problem = generated_problem(kwargs, seed);
  return py::make_tuple(rows_to_array(problem.patterns.inputs),
                        labels_to_array(problem.patterns.labels));
}

py::tuple teacher_student(const py::dict& kwargs, std::uint64_t seed) {
  py::dict values(kwargs);
  values["teacher"] = true;
  TrainingProblem problem = generated_problem(values, seed);
  return py::make_tuple(rows_to_array(problem.patterns.inputs),
                        labels_to_array(problem.patterns.labels),
                        py::cast(std::move(*problem.teacher)));
}

// A read-only view of the packed words (M rows of ceil(N/64) uint64), no copy.
py::array packed_view(py::object self) {
  const auto& p = self.cast<const Patterns&>();
  const auto& bits = p.set.inputs;
  const auto rows = static_cast<py::ssize_t>(bits.rows());
  const auto stride = static_cast<py::ssize_t>(bits.stride());
  const Word* data = rows > 0 ? bits.row(0).data() : nullptr;
  py::array view(
      py::dtype::of<std::uint64_t>(), {rows, stride},
      {stride * static_cast<py::ssize_t>(sizeof(Word)), static_cast<py::ssize_t>(sizeof(Word))},
      data, self);
  view.attr("setflags")(py::arg("write") = false);
  return view;
}

void bind_patterns_class(py::module_& m) {
  py::class_<Patterns>(m, "Patterns",
                       "Patterns in robens' bit-packed layout: packed once, used by any number of "
                       "train / predict calls without packing again.")
      .def(py::init([](py::handle x, py::handle y) {
             return Patterns{patterns_from_arrays(x, y), "<numpy>"};
           }),
           py::arg("X"), py::arg("y"),
           "Packs X (M, N) and labels y (M,) once (X binarised: > 0 is +1; y +1/-1 or booleans).")
      .def_static(
          "read",
          [](const std::filesystem::path& path) {
            return Patterns{read_patterns(path), path.string()};
          },
          py::arg("path"), "Reads a pattern file (text or .rbp, recognised by content).")
      .def(
          "write",
          [](const Patterns& p, const std::filesystem::path& path, const std::string& format,
             py::handle metadata) {
            write_patterns(path, p.set, format_of(path, format), metadata_of(metadata));
          },
          py::arg("path"), py::arg("format") = "auto", py::arg("metadata") = py::none(),
          "Writes a pattern file: format 'text', 'binary' (.rbp) or 'auto' (by the name).")
      .def_property_readonly(
          "X", [](const Patterns& p) { return rows_to_array(p.set.inputs); },
          "The inputs, (M, N) int8 of +1/-1 (unpacked: a copy).")
      .def_property_readonly(
          "y", [](const Patterns& p) { return labels_to_array(p.set.labels); },
          "The labels, (M,) int8 of +1/-1.")
      .def_property_readonly(
          "M", [](const Patterns& p) { return p.set.size(); }, "Number of patterns.")
      .def_property_readonly(
          "N", [](const Patterns& p) { return p.set.input_size(); }, "Inputs per pattern.")
      .def_property_readonly("packed", &packed_view,
                             "The packed inputs without a copy: a read-only (M, ceil(N/64)) "
                             "uint64 view, bit i of a row = input i, 1 = +1 (the .rbp layout).")
      .def_readonly("source", &Patterns::source,
                    "Where the patterns came from (a file name, '<numpy>'), as runs record it.")
      .def("__len__", [](const Patterns& p) { return p.set.size(); })
      .def("__eq__", [](const Patterns& a, const Patterns& b) { return a.set == b.set; })
      .def("__eq__", [](const Patterns&, py::handle) { return false; })
      .def("__repr__", [](const Patterns& p) {
        return fmt::format("robens.Patterns(M={}, N={}, source='{}')", p.set.size(),
                           p.set.input_size(), p.source);
      });
}

}  // namespace

void bind_data(py::module_& m) {
  bind_patterns_class(m);
  m.def("_generate", &generate, py::arg("kwargs"), py::arg("seed"));
  m.def("_teacher_student", &teacher_student, py::arg("kwargs"), py::arg("seed"));
  m.def(
      "_read_patterns",
      [](const std::filesystem::path& path) {
        const PatternSet set = read_patterns(path);
        return py::make_tuple(rows_to_array(set.inputs), labels_to_array(set.labels));
      },
      py::arg("path"));
  m.def(
      "_write_patterns",
      [](const std::filesystem::path& path, py::handle x, py::handle y, const std::string& format,
         py::handle metadata) {
        const PatternSet set = patterns_from_arrays(x, y);
        write_patterns(path, set, format_of(path, format), metadata_of(metadata));
      },
      py::arg("path"), py::arg("X"), py::arg("y"), py::arg("format") = "auto",
      py::arg("metadata") = py::none());
}

}  // namespace robens::python
