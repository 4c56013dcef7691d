// robens.theory: every `robens theory` quantity (docs/theory.md) as a function returning floats,
// dicts or curves of numpy arrays (robens._curve.Curve: a dict of columns plus `.info`). Defaults
// are the library's settings structs and the CLI's defaults.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>

#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/json_convert.hpp"
#include "robens/theory/franz_parisi.hpp"
#include "robens/theory/large_deviation.hpp"
#include "robens/theory/replica_symmetric.hpp"
#include "robens/theory/replicon.hpp"

namespace robens::python {
namespace {

using namespace robens::theory;

// The model options shared by every theory function (`robens theory --model ... --weights ...`).
struct Model {
  std::string model, activation, weights, variant;

  Kernel kernel() const {
    require(model == "perceptron" || model == "committee",
            "model: expected perceptron or committee, got '{}'", model);
    require(variant == "centred" || variant == "uncentred",
            "kernel_variant: expected centred or uncentred, got '{}'", variant);
    const auto v = variant == "uncentred" ? KernelVariant::uncentred : KernelVariant::centred;
    if (model == "perceptron") {
      require(v == KernelVariant::centred,
              "kernel_variant uncentred needs model committee, activation relu");
      return Kernel(Transfer::identity);
    }
    require(activation == "sign" || activation == "relu",
            "activation: expected sign or relu, got '{}'", activation);
    return Kernel(parse_enum<Transfer>(activation, "activation"), v);
  }
  WeightPrior prior() const { return parse_enum<WeightPrior>(weights, "weights"); }
  nlohmann::json to_json() const {
    return {{"model", model},
            {"activation", model == "perceptron" ? "identity" : activation},
            {"weights", weights},
            {"kernel_variant", variant},
            {"K", model == "perceptron" ? "1" : "infinity"}};
  }
};

nlohmann::json saddle_json(const RsSaddlePoint& p) {
  return {{"alpha", p.alpha},           {"q", p.q},
          {"q_hat", p.q_hat},           {"entropic", p.entropic},
          {"energetic", p.energetic},   {"free_entropy", p.free_entropy},
          {"iterations", p.iterations}, {"residual", p.residual}};
}

RsSettings rs_settings(int nodes, double tolerance, double damping) {
  RsSettings s;
  s.nodes = nodes;
  s.tolerance = tolerance;
  s.damping = damping;
  return s;
}

// Columns (one numpy array per key of the rows) and info, as a robens._curve.Curve.
py::object curve(const nlohmann::json& rows, nlohmann::json info) {
  py::dict columns;
  if (!rows.empty()) {
    for (const auto& [key, first] : rows.front().items()) {
      std::vector<double> values;
      for (const auto& row : rows)
        values.push_back(row[key].is_boolean() ? (row[key].get<bool>() ? 1.0 : 0.0)
                                               : row[key].get<double>());
      py::array_t<double> a(static_cast<py::ssize_t>(values.size()), values.data());
      columns[py::str(key)] =
          first.is_boolean() ? py::object(a.attr("astype")("bool")) : py::object(a);
    }
  }
  info["version"] = kVersion;
  return py::module_::import("robens._curve").attr("Curve")(columns, to_python(info));
}

py::object capacity(const Model& m, const RsSettings& s, bool full_output) {
  const auto r = rs_capacity(m.kernel(), m.prior(), s);
  if (!full_output) return py::float_(r.alpha_c);
  nlohmann::json j = {{"alpha_c", r.alpha_c},
                      {"method", r.method},
                      {"evaluations", r.evaluations},
                      {"parameters", m.to_json()},
                      {"nodes", s.resolved_nodes(m.prior())},
                      {"version", kVersion}};
  if (m.prior() == WeightPrior::binary) j["saddle_point"] = saddle_json(r.at_capacity);
  py::dict d = to_python(j).cast<py::dict>();
  d["alpha_c"] = r.alpha_c;  // JSON has no infinity
  return d;
}

// The CLI's saddle rows: each alpha warm-started from the previous q; replicon -1 at alpha = 0.
py::object saddle(const Model& m, const std::vector<double>& alphas, const RsSettings& s) {
  require(!alphas.empty(), "alpha: give at least one value");
  nlohmann::json rows = nlohmann::json::array();
  double q_warm = 0.5;
  for (double a : alphas) {
    require(std::isfinite(a) && a >= 0.0, "alpha must be a finite number >= 0 (got {})", a);
    const auto p = solve_rs(m.kernel(), m.prior(), a, s, q_warm);
    q_warm = p.q;
    auto row = saddle_json(p);
    row["replicon"] = a > 0.0 ? replicon_eigenvalue(m.kernel(), m.prior(), p, s) : -1.0;
    rows.push_back(row);
  }
  return curve(rows, {{"parameters", m.to_json()}, {"nodes", s.resolved_nodes(m.prior())}});
}

py::object at_point(const Model& m, const RsSettings& s, bool full_output) {
  const auto r = at_line(m.kernel(), m.prior(), s);
  if (!full_output) return py::float_(r.alpha_at);
  return to_python({{"alpha_at", r.alpha_at},
                    {"saddle_point", saddle_json(r.at_point)},
                    {"evaluations", r.evaluations},
                    {"parameters", m.to_json()},
                    {"version", kVersion}});
}

py::object one_rsb(const Model& m, OneRsbSettings s, const std::string& ansatz, bool full_output) {
  require(m.prior() == WeightPrior::spherical,
          "one_rsb_capacity is the spherical q1 -> 1 limit: use weights='spherical'");
  require(ansatz == "full" || ansatz == "q0-zero", "ansatz: expected full or q0-zero, got '{}'",
          ansatz);
  s.fix_q0_zero = ansatz == "q0-zero";
  const auto r = one_rsb_capacity(m.kernel(), s);
  if (!full_output) return py::float_(r.alpha_c);
  return to_python({{"alpha_c_1rsb", r.alpha_c},
                    {"q0", r.q0},
                    {"mu", r.mu},
                    {"alpha_c_rs", r.rs_limit},
                    {"evaluations", r.evaluations},
                    {"ansatz", ansatz},
                    {"parameters", m.to_json()},
                    {"version", kVersion}});
}

py::object franz_parisi(const Model& m, double alpha, double d_min, double d_max, int points,
                        const FpSettings& s) {
  FpCurve c;
  {
    py::gil_scoped_release release;
    c = franz_parisi_curve(m.kernel(), m.prior(), alpha, d_min, d_max, points, s);
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : c.points)
    rows.push_back({{"d", p.distance},
                    {"S", p.overlap},
                    {"F_FP", p.free_entropy},
                    {"F_FP_alpha0", p.alpha_zero},
                    {"F_FP_normalised", p.free_entropy - p.alpha_zero},
                    {"q", p.q},
                    {"p", p.p},
                    {"q_hat", p.q_hat},
                    {"p_hat", p.p_hat},
                    {"S_hat", p.s_hat},
                    {"iterations", p.iterations},
                    {"residual", p.residual}});
  return curve(rows,
               {{"parameters", m.to_json()},
                {"alpha", alpha},
                {"reference", saddle_json(c.reference)},
                {"d_star", c.d_star < 0 ? nlohmann::json(nullptr) : nlohmann::json(c.d_star)}});
}

py::object large_deviation(const Model& m, double alpha, double q1_min, double q1_max, int points,
                           const LdSettings& s) {
  std::vector<LdPoint> c;
  {
    py::gil_scoped_release release;
    c = large_deviation_curve(m.kernel(), m.prior(), alpha, q1_min, q1_max, points, s);
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : c)
    rows.push_back({{"q1", p.q1},
                    {"F_LD_per_y", p.free_entropy},
                    {"F_LD_alpha0", p.alpha_zero},
                    {"F_LD_normalised", p.normalised},
                    {"delta_q", p.delta_q},
                    {"delta_q_hat", p.delta_q_hat},
                    {"q_hat0", p.q_hat0},
                    {"flat", p.flat},
                    {"replica_symmetric", p.replica_symmetric},
                    {"iterations", p.iterations}});
  return curve(rows, {{"parameters", m.to_json()}, {"alpha", alpha}, {"y", "infinity"}});
}

constexpr const char* kModelDoc =
    "model: 'perceptron' (K = 1, identity kernel) or 'committee' (tree, K -> infinity); "
    "activation: 'sign' or 'relu' hidden units; weights: 'binary' (+-1) or 'spherical'; "
    "kernel_variant: 'centred' (physical) or 'uncentred' (ReLU only, docs/theory.md).";

// Capacity, saddle point, AT line, 1RSB: the RS-level numbers.
void bind_replica_symmetric(py::module_& m) {
  const RsSettings rs;
  const OneRsbSettings one;
  m.def(
      "capacity",
      [](const std::string& model, const std::string& activation, const std::string& weights,
         const std::string& variant, int nodes, double tolerance, double damping,
         bool full_output) {
        return capacity({model, activation, weights, variant},
                        rs_settings(nodes, tolerance, damping), full_output);
      },
      py::arg("model") = "committee", py::arg("activation") = "sign", py::arg("weights") = "binary",
      py::arg("kernel_variant") = "centred", py::arg("nodes") = rs.nodes,
      py::arg("tolerance") = rs.tolerance, py::arg("damping") = rs.damping,
      py::arg("full_output") = false,
      (std::string("RS critical capacity alpha_c (`robens theory capacity`; PRL 2019 Eqs. 5-6): "
                   "binary weights: the zero of the free entropy, spherical: 2 phi'(1) (inf for "
                   "the sign committee). A float; full_output=True: a dict with the method and "
                   "the saddle point. nodes 0: 2401 (binary) / 4001 (spherical) quadrature "
                   "nodes. ") +
       kModelDoc)
          .c_str());
  m.def(
      "saddle",
      [](const std::vector<double>& alphas, const std::string& model, const std::string& activation,
         const std::string& weights, const std::string& variant, int nodes, double tolerance,
         double damping) {
        return saddle({model, activation, weights, variant}, alphas,
                      rs_settings(nodes, tolerance, damping));
      },
      py::arg("alpha"), py::arg("model") = "committee", py::arg("activation") = "sign",
      py::arg("weights") = "binary", py::arg("kernel_variant") = "centred",
      py::arg("nodes") = rs.nodes, py::arg("tolerance") = rs.tolerance,
      py::arg("damping") = rs.damping,
      (std::string("RS saddle points at the alphas given (a list or array; `robens theory "
                   "saddle`): a Curve with columns alpha, q, q_hat, entropic, energetic, "
                   "free_entropy, iterations, residual, replicon (the replicon eigenvalue; RS is "
                   "unstable where it is > 0; -1 at alpha = 0). ") +
       kModelDoc)
          .c_str());
  m.def(
      "at_line",
      [](const std::string& model, const std::string& activation, const std::string& weights,
         const std::string& variant, int nodes, double tolerance, double damping,
         bool full_output) {
        return at_point({model, activation, weights, variant},
                        rs_settings(nodes, tolerance, damping), full_output);
      },
      py::arg("model") = "committee", py::arg("activation") = "sign", py::arg("weights") = "binary",
      py::arg("kernel_variant") = "centred", py::arg("nodes") = rs.nodes,
      py::arg("tolerance") = rs.tolerance, py::arg("damping") = rs.damping,
      py::arg("full_output") = false,
      (std::string("De Almeida-Thouless point alpha_AT, where the RS replicon eigenvalue turns "
                   "positive (`robens theory at`). A float; full_output=True: a dict. ") +
       kModelDoc)
          .c_str());
  m.def(
      "one_rsb_capacity",
      [](const std::string& model, const std::string& activation, const std::string& weights,
         const std::string& variant, int nodes, double mu_min, double mu_max,
         const std::string& ansatz, bool full_output) {
        OneRsbSettings s;
        s.nodes = nodes;
        s.mu_min = mu_min;
        s.mu_max = mu_max;
        return one_rsb({model, activation, weights, variant}, s, ansatz, full_output);
      },
      py::arg("model") = "committee", py::arg("activation") = "relu",
      py::arg("weights") = "spherical", py::arg("kernel_variant") = "centred",
      py::arg("nodes") = one.nodes, py::arg("mu_min") = one.mu_min, py::arg("mu_max") = one.mu_max,
      py::arg("ansatz") = "full", py::arg("full_output") = false,
      "1RSB capacity of the spherical committee in the q1 -> 1, m -> 0 limit (`robens theory "
      "1rsb`); ansatz 'full' (minimise over q0 and mu) or 'q0-zero'. Spherical weights and the "
      "identity or ReLU kernel only. A float; full_output=True: a dict with q0, mu and the RS "
      "limit.");
}

// The curves: Franz-Parisi and large-deviation entropies, the alpha = 0 bound, the kernel.
void bind_curves(py::module_& m) {
  const FpSettings fp;
  const LdSettings ld;
  m.def(
      "franz_parisi",
      [](double alpha, double d_min, double d_max, int points, const std::string& model,
         const std::string& activation, const std::string& weights, const std::string& variant,
         int outer_nodes, int inner_nodes, int eta_nodes, int table_points, double tolerance,
         double damping) {
        FpSettings s;
        s.outer_nodes = outer_nodes;
        s.inner_nodes = inner_nodes;
        s.eta_nodes = eta_nodes;
        s.table_points = table_points;
        s.tolerance = tolerance;
        s.damping = damping;
        return franz_parisi({model, activation, weights, variant}, alpha, d_min, d_max, points, s);
      },
      py::arg("alpha") = 0.6, py::arg("d_min") = 0.005, py::arg("d_max") = 0.3,
      py::arg("points") = 50, py::arg("model") = "committee", py::arg("activation") = "sign",
      py::arg("weights") = "binary", py::arg("kernel_variant") = "centred",
      py::arg("outer_nodes") = fp.outer_nodes, py::arg("inner_nodes") = fp.inner_nodes,
      py::arg("eta_nodes") = fp.eta_nodes, py::arg("table_points") = fp.table_points,
      py::arg("tolerance") = fp.tolerance, py::arg("damping") = fp.damping,
      "Franz-Parisi entropy at `points` distances d in [d_min, d_max] from a typical "
      "equilibrium solution (PRL 2019 Eq. 7; `robens theory franz-parisi`): a Curve with columns "
      "d, S, F_FP, F_FP_alpha0, F_FP_normalised, q, p, q_hat, p_hat, S_hat, iterations, residual; "
      "info['d_star'] (the zero crossing, None if none) and info['reference'] (the RS point).");
  m.def(
      "large_deviation",
      [](double alpha, double q1_min, double q1_max, int points, const std::string& model,
         const std::string& activation, const std::string& weights, const std::string& variant,
         int nodes) {
        LdSettings s;
        s.nodes = nodes;
        return large_deviation({model, activation, weights, variant}, alpha, q1_min, q1_max, points,
                               s);
      },
      py::arg("alpha") = 0.6, py::arg("q1_min") = 0.5, py::arg("q1_max") = 0.99,
      py::arg("points") = 50, py::arg("model") = "committee", py::arg("activation") = "sign",
      py::arg("weights") = "binary", py::arg("kernel_variant") = "centred",
      py::arg("nodes") = ld.nodes,
      "Large-deviation (local-entropy) free entropy F_LD(q1)/y at y -> infinity (PRL 2019 Eqs. "
      "8-9; `robens theory large-deviation`): a Curve with columns q1, F_LD_per_y, F_LD_alpha0, "
      "F_LD_normalised, delta_q, delta_q_hat, q_hat0, flat, replica_symmetric, iterations.");
  m.def("local_entropy_bound", py::vectorize(&local_entropy_bound), py::arg("d"),
        "The alpha = 0 local entropy H2(d) in nats at Hamming distance fraction d (PNAS 2016 "
        "Fig. 6 grey curve; `robens theory local-entropy-bound`); a float or an array like d.");
  m.def(
      "phi",
      [](const py::array_t<double>& q, const std::string& model, const std::string& activation,
         const std::string& variant) {
        const Kernel k = Model{model, activation, "binary", variant}.kernel();
        return py::vectorize([&k](double x) { return k.phi(x); })(q);
      },
      py::arg("q"), py::arg("model") = "committee", py::arg("activation") = "sign",
      py::arg("kernel_variant") = "centred",
      "The effective overlap c = phi(q) of the K -> infinity committee's kernel (identity for "
      "the perceptron); a float or an array like q.");
}

}  // namespace

void bind_theory(py::module_& parent) {
  py::module_ m = parent.def_submodule("theory", "Replica theory (docs/theory.md).");
  bind_replica_symmetric(m);
  bind_curves(m);
}

}  // namespace robens::python
