// robens.Network: a binary network (models/binary_network.hpp) with its weights as numpy arrays
// and the forward pass, errors and stabilities of models/committee.hpp and measure/robustness.hpp.
#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "robens/core/error.hpp"
#include "robens/core/json_parse.hpp"
#include "robens/core/version.hpp"
#include "robens/io/network_file.hpp"
#include "robens/measure/robustness.hpp"
#include "robens/models/committee.hpp"
#include "robens/python/arrays.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/data.hpp"
#include "robens/python/json_convert.hpp"

namespace robens::python {
namespace {

py::array_t<std::int8_t> weights_of(const BinaryNetwork& net) {
  BitMatrix rows(net.units.size(), net.shape.unit_inputs());
  for (std::size_t k = 0; k < net.units.size(); ++k) rows.set_row(k, net.units[k]);
  return rows_to_array(rows);
}

// Weights (K, n) binarised like pattern inputs; n inputs per unit (fc) or K·n in total (tree).
BinaryNetwork network_of_weights(py::handle weights, const std::string& architecture,
                                 const std::string& activation) {
  const BitMatrix rows = pack_rows(weights, "weights");
  const auto arch = parse_enum<Architecture>(architecture, "architecture");
  NetworkShape shape;
  shape.architecture = arch;
  shape.units = rows.rows();
  shape.inputs = arch == Architecture::tree ? rows.rows() * rows.cols() : rows.cols();
  shape.activation = parse_enum<Activation>(activation, "activation");
  shape.validate();
  BinaryNetwork net(shape);
  for (std::size_t k = 0; k < rows.rows(); ++k) net.units[k] = rows.row_vector(k);
  return net;
}

PatternSet labelled(const BinaryNetwork& net, py::handle x, py::handle y) {
  std::string source;
  PatternSet set = patterns_of(x, y, source);
  require(set.input_size() == net.shape.inputs,
          "X: the patterns have {} inputs but the network expects {}", set.input_size(),
          net.shape.inputs);
  return set;
}

py::array_t<std::int64_t> output_fields(const BinaryNetwork& net, const PatternSet& set) {
  const UnitInputs in(set, net.shape);
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(in.size()));
  auto* data = out.mutable_data();
  for (std::size_t a = 0; a < in.size(); ++a) data[a] = output_field(net, in, a);
  return out;
}

py::array_t<std::int8_t> predict(const BinaryNetwork& net, py::handle x) {
  const PatternSet set = py::isinstance<Patterns>(x) ? x.cast<const Patterns&>().set
                                                     : unlabelled_patterns(x, net.shape.inputs);
  require(set.input_size() == net.shape.inputs,
          "X: the patterns have {} inputs but the network expects {}", set.input_size(),
          net.shape.inputs);
  const auto fields = output_fields(net, set);
  py::array_t<std::int8_t> out(fields.size());
  for (py::ssize_t a = 0; a < fields.size(); ++a)
    out.mutable_data()[a] =
        static_cast<std::int8_t>((fields.data()[a] > 0) - (fields.data()[a] < 0));
  return out;
}

py::object stabilities_of(const BinaryNetwork& net, py::handle x, py::handle y, bool normalized) {
  const PatternSet set = labelled(net, x, y);
  if (normalized) {
    const auto s = normalized_stabilities(net, set);
    return py::array_t<double>(static_cast<py::ssize_t>(s.size()), s.data());
  }
  const auto s = stabilities(net, UnitInputs(set, net.shape));
  std::vector<std::int64_t> wide(s.begin(), s.end());
  return py::array_t<std::int64_t>(static_cast<py::ssize_t>(wide.size()), wide.data());
}

void require_same_shape(const BinaryNetwork& a, const BinaryNetwork& b) {
  require(a.shape == b.shape, "the networks have different shapes ({} vs {})",
          a.shape.to_json().dump(), b.shape.to_json().dump());
}

using NetworkClass = py::class_<BinaryNetwork>;

// Construction and shape.
void add_shape(NetworkClass& c) {
  c.def(py::init(&network_of_weights), py::arg("weights"), py::arg("architecture") = "fc",
        py::arg("activation") = "sign",
        "A network from its weights, a (K, n) array binarised like patterns (> 0: +1): n inputs "
        "per unit; architecture 'fc' (every unit sees all n inputs) or 'tree' (unit k sees "
        "block k of K*n inputs); activation 'sign' (n and K odd) or 'relu' (K even).")
      .def_property_readonly("weights", &weights_of,
                             "The weights, (K, unit_inputs) int8 of +1/-1 (a copy).")
      .def_property_readonly(
          "architecture", [](const BinaryNetwork& n) { return to_string(n.shape.architecture); },
          "'fc' or 'tree'")
      .def_property_readonly(
          "activation", [](const BinaryNetwork& n) { return to_string(n.shape.activation); },
          "'sign' or 'relu'")
      .def_property_readonly(
          "inputs", [](const BinaryNetwork& n) { return n.shape.inputs; },
          "Pattern length N the network reads (K * unit_inputs for a tree).")
      .def_property_readonly(
          "K", [](const BinaryNetwork& n) { return n.shape.units; },
          "Hidden units (1: perceptron).")
      .def_property_readonly(
          "unit_inputs", [](const BinaryNetwork& n) { return n.shape.unit_inputs(); },
          "Inputs each hidden unit sees.")
      .def_property_readonly(
          "n_weights", [](const BinaryNetwork& n) { return n.shape.weights(); },
          "Number of weights K * unit_inputs.");
}

// Forward pass, errors, stabilities, distances.
void add_evaluation(NetworkClass& c) {
  c.def("predict", &predict, py::arg("X"),
        "Outputs on patterns X (M, inputs) or Patterns: int8 +1/-1, the sign of the output "
        "field (0 where a ReLU committee's field is exactly 0, which counts as an error).")
      .def(
          "fields",
          [](const BinaryNetwork& n, py::handle x) {
            return output_fields(n, unlabelled_patterns(x, n.shape.inputs));
          },
          py::arg("X"),
          "Output fields: sum_k sign(h_k) (sign units) or sum_k c_k max(0, h_k) (ReLU), int64.")
      .def(
          "errors",
          [](const BinaryNetwork& n, py::handle x, py::handle y) {
            return count_errors(n, UnitInputs(labelled(n, x, y), n.shape));
          },
          py::arg("X"), py::arg("y") = py::none(),
          "Misclassified patterns of (X, y) (or of a Patterns object): label * field <= 0.")
      .def("stabilities", &stabilities_of, py::arg("X"), py::arg("y") = py::none(),
           py::arg("normalized") = false,
           "Stabilities label * output field (int64, as `robens eval --stabilities`), or with "
           "normalized=True the normalised ones of `robens measure` (sign: / sqrt(K), "
           "perceptron: / sqrt(N), ReLU: / sqrt(N); float64).")
      .def(
          "min_flip_energy",
          [](const BinaryNetwork& n, py::handle x, py::handle y) {
            return min_flip_energy(n, UnitInputs(labelled(n, x, y), n.shape));
          },
          py::arg("X"), py::arg("y") = py::none(),
          "The PNAS energy: the fewest weight flips that fix each pattern, summed (sign units).")
      .def(
          "overlap",
          [](const BinaryNetwork& a, const BinaryNetwork& b) {
            require_same_shape(a, b);
            return a.overlap(b);
          },
          py::arg("other"), "Overlap q = (1/N_w) sum_j W_j W'_j with a network of the same shape.")
      .def(
          "hamming",
          [](const BinaryNetwork& a, const BinaryNetwork& b) {
            require_same_shape(a, b);
            return a.hamming(b);
          },
          py::arg("other"), "Number of weights that differ from a network of the same shape.");
}

// Dicts, files, equality, copies, pickling.
void add_conversions(NetworkClass& c) {
  c.def(
       "to_dict", [](const BinaryNetwork& n) { return to_python(n.to_json()); },
       "The network as in network files: architecture, inputs, units, activation, weights "
       "(one string of '+'/'-' per unit).")
      .def_static(
          "from_dict",
          [](py::handle d) { return BinaryNetwork::from_json(from_python(d, "network")); },
          py::arg("d"), "The network of a dict as to_dict() makes (ValueError if malformed).")
      .def(
          "save",
          [](const BinaryNetwork& n, const std::filesystem::path& path) {
            NetworkFile file;
            file.run = {{"version", kVersion}};
            file.solved = false;
            file.center = n;
            save_network_file(path, file);
          },
          py::arg("path"),
          "Writes a network file (read by robens.load, `robens eval`, `robens measure`).")
      .def("__eq__", [](const BinaryNetwork& a, const BinaryNetwork& b) { return a == b; })
      .def("__eq__", [](const BinaryNetwork&, py::handle) { return false; })
      .def("__copy__", [](const BinaryNetwork& n) { return n; })
      .def("__deepcopy__", [](const BinaryNetwork& n, py::handle) { return n; })
      .def(py::pickle(
          [](const BinaryNetwork& n) { return n.to_json().dump(); },
          [](const std::string& s) { return BinaryNetwork::from_json(parse_json(s, "network")); }))
      .def("__repr__", [](const BinaryNetwork& n) {
        return fmt::format("robens.Network(architecture='{}', K={}, inputs={}, activation='{}')",
                           to_string(n.shape.architecture), n.shape.units, n.shape.inputs,
                           to_string(n.shape.activation));
      });
}

}  // namespace

void bind_network(py::module_& m) {
  NetworkClass c(m, "Network", "A binary network: K hidden units of +1/-1 weights.");
  add_shape(c);
  add_evaluation(c);
  add_conversions(c);
}

}  // namespace robens::python
