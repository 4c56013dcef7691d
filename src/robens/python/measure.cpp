// Measurements on trained networks (measure/robustness.hpp), the ones `robens measure` reports:
// robustness to input noise and to weight flips, the majority network, replica overlaps.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "robens/core/error.hpp"
#include "robens/measure/robustness.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/data.hpp"
#include "robens/python/json_convert.hpp"

namespace robens::python {
namespace {

using CurveFn = std::vector<RobustnessPoint> (*)(const BinaryNetwork&, const PatternSet&,
                                                 const std::vector<double>&, int, std::uint64_t,
                                                 NoiseMode);

py::dict curve_dict(const std::vector<RobustnessPoint>& curve) {
  std::vector<double> eta, p, se;
  for (const auto& point : curve) {
    eta.push_back(point.eta);
    p.push_back(point.error_probability);
    se.push_back(point.standard_error);
  }
  py::dict d;
  d["eta"] = py::array_t<double>(static_cast<py::ssize_t>(eta.size()), eta.data());
  d["error_probability"] = py::array_t<double>(static_cast<py::ssize_t>(p.size()), p.data());
  d["standard_error"] = py::array_t<double>(static_cast<py::ssize_t>(se.size()), se.data());
  return d;
}

// Perturbations between 1 and 10^6, as `robens measure --perturbations`.
py::dict noise_curve(CurveFn fn, const BinaryNetwork& net, py::handle x, py::handle y,
                     const std::vector<double>& etas, int perturbations, std::uint64_t seed,
                     const std::string& noise) {
  require(perturbations >= 1 && perturbations <= 1000000,
          "perturbations must be between 1 and 10^6 (got {})", perturbations);
  require(!etas.empty(), "etas: give at least one noise fraction");
  const NoiseMode mode = parse_enum<NoiseMode>(noise, "noise");
  std::string source;
  const PatternSet set = patterns_of(x, y, source);
  std::vector<RobustnessPoint> curve;
  {
    py::gil_scoped_release release;
    curve = fn(net, set, etas, perturbations, seed, mode);
  }
  return curve_dict(curve);
}

}  // namespace

void bind_measure(py::module_& m) {
  m.def(
      "_input_noise",
      [](const BinaryNetwork& net, py::handle x, py::handle y, const std::vector<double>& etas,
         int perturbations, std::uint64_t seed, const std::string& noise) {
        return noise_curve(&input_noise_curve, net, x, y, etas, perturbations, seed, noise);
      },
      py::arg("network"), py::arg("X"), py::arg("y"), py::arg("etas"), py::arg("perturbations"),
      py::arg("seed"), py::arg("noise"));
  m.def(
      "_weight_noise",
      [](const BinaryNetwork& net, py::handle x, py::handle y, const std::vector<double>& etas,
         int perturbations, std::uint64_t seed, const std::string& noise) {
        return noise_curve(&weight_noise_curve, net, x, y, etas, perturbations, seed, noise);
      },
      py::arg("network"), py::arg("X"), py::arg("y"), py::arg("etas"), py::arg("perturbations"),
      py::arg("seed"), py::arg("noise"));
  m.def("_majority", &majority_network, py::arg("networks"), py::arg("seed"));
  m.def(
      "_overlaps",
      [](const std::vector<BinaryNetwork>& replicas, const BinaryNetwork& centre) {
        const EnsembleOverlaps o = ensemble_overlaps(replicas, centre);
        py::dict d = to_python(o.to_json()).cast<py::dict>();
        d["unit_replica_overlap"] = py::array_t<double>(
            static_cast<py::ssize_t>(o.unit_replica_overlap.size()), o.unit_replica_overlap.data());
        return d;
      },
      py::arg("replicas"), py::arg("center"));
  m.def(
      "eta_grid",
      [](double max, int steps) {
        const auto g = eta_grid(max, steps);
        return py::array_t<double>(static_cast<py::ssize_t>(g.size()), g.data());
      },
      py::arg("max") = 0.3, py::arg("steps") = 7,
      "The noise grid 0, max/(steps-1), ..., max of `robens measure` (--eta-max, --eta-steps).");
}

}  // namespace robens::python
