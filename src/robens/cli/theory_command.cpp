// `robens theory SUBCOMMAND`: replica-theory reference values and curves (docs/theory.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/cli/commands.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/theory/franz_parisi.hpp"
#include "robens/theory/large_deviation.hpp"
#include "robens/theory/replica_symmetric.hpp"
#include "robens/theory/replicon.hpp"

namespace robens::cli {
namespace {

using namespace robens::theory;

// Options shared by every theory subcommand.
struct ModelOptions {
  std::string model = "committee";
  std::string activation = "sign";
  std::string weights = "binary";
  std::string variant = "centred";
  bool json = false;
  int digits = 4;

  void add_to(CLI::App& app) {
    app.add_option("--model", model,
                   "perceptron (K = 1, identity kernel) or committee (tree, K -> infinity)")
        ->check(CLI::IsMember({"perceptron", "committee"}))
        ->capture_default_str();
    app.add_option("--activation", activation,
                   "hidden-unit activation of the committee: sign or relu")
        ->check(CLI::IsMember({"sign", "relu"}))
        ->capture_default_str();
    app.add_option("--weights", weights, "weight prior: binary (+-1) or spherical")
        ->check(CLI::IsMember({"binary", "spherical"}))
        ->capture_default_str();
    app.add_option(
           "--kernel-variant", variant,
           "centred (physical: +-1 output weights cancel the ReLU mean) or uncentred (ReLU only; "
           "drops the Delta_-1 subtraction, for the PRL-discrepancy study in docs/theory.md)")
        ->check(CLI::IsMember({"centred", "uncentred"}))
        ->capture_default_str();
    app.add_flag("--json", json,
                 "print one JSON object (version, parameters, results) instead of text/CSV");
    app.add_option("--digits", digits, "decimals in text output")
        ->check(CLI::Range(1, 15))
        ->capture_default_str();
  }
  Kernel kernel() const {
    const auto v = variant == "uncentred" ? KernelVariant::uncentred : KernelVariant::centred;
    if (model == "perceptron") {
      require(v == KernelVariant::centred,
              "--kernel-variant uncentred needs --model committee --activation relu");
      return Kernel(Transfer::identity);
    }
    return Kernel(parse_transfer(activation), v);
  }
  WeightPrior prior() const { return parse_weight_prior(weights); }
  nlohmann::json to_json() const {
    return {{"model", model},
            {"activation", model == "perceptron" ? "identity" : activation},
            {"weights", weights},
            {"kernel_variant", variant},
            {"K", model == "perceptron" ? "1" : "infinity"}};
  }
  std::string describe() const {
    return fmt::format("model={} activation={} weights={} kernel-variant={}", model,
                       model == "perceptron" ? "identity" : activation, weights, variant);
  }
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

nlohmann::json saddle_json(const RsSaddlePoint& p) {
  return {{"alpha", p.alpha},           {"q", p.q},
          {"q_hat", p.q_hat},           {"entropic", p.entropic},
          {"energetic", p.energetic},   {"free_entropy", p.free_entropy},
          {"iterations", p.iterations}, {"residual", p.residual}};
}

// Number printed with `digits` decimals; infinity as "inf".
std::string number(double x, int digits) {
  if (std::isinf(x)) return "inf";
  return fmt::format("{:.{}f}", x, digits);
}

void print_header(const std::string& sub, const ModelOptions& m, const std::string& extra) {
  fmt::print("# robens {} theory {} {} {}\n", kVersion, sub, m.describe(), extra);
}

void add_rs_settings(CLI::App& app, RsSettings& s) {
  app.add_option("--nodes", s.nodes,
                 "trapezoid nodes on [-12, 12] (0: 2401 binary, 4001 spherical)")
      ->capture_default_str();
  app.add_option("--tolerance", s.tolerance, "convergence tolerance in q")->capture_default_str();
  app.add_option("--damping", s.damping, "fixed-point damping in (0, 1]")->capture_default_str();
}

nlohmann::json rs_settings_json(const RsSettings& s, WeightPrior prior) {
  return {{"nodes", s.resolved_nodes(prior)}, {"tolerance", s.tolerance}, {"damping", s.damping}};
}

}  // namespace

int theory_command(int argc, char** argv) {
  CLI::App app(
      "Replica-theory reference values for the perceptron and the K -> infinity tree committee "
      "(sign or ReLU "
      "hidden units, binary or spherical weights). Formulas and choices: docs/theory.md.",
      "robens theory");
  app.require_subcommand(1);

  ModelOptions cap_m, sad_m, at_m, rsb_m, fp_m, ld_m;
  RsSettings cap_s, sad_s, at_s;

  auto* capacity = app.add_subcommand(
      "capacity", "critical capacity alpha_c (RS; binary: F = 0, spherical: 2 phi'(1))");
  cap_m.add_to(*capacity);
  add_rs_settings(*capacity, cap_s);

  auto* saddle = app.add_subcommand(
      "saddle", "RS saddle point (q, q_hat) and free entropy at one or more alphas (CSV)");
  sad_m.add_to(*saddle);
  add_rs_settings(*saddle, sad_s);
  std::vector<double> sad_alphas;
  std::vector<double> sad_range;
  saddle->add_option("--alpha", sad_alphas, "constraint density alpha (repeatable)");
  saddle->add_option("--alpha-range", sad_range, "LO HI POINTS: evenly spaced alphas")->expected(3);

  auto* at = app.add_subcommand(
      "at", "de Almeida-Thouless point: where the RS replicon eigenvalue turns positive");
  at_m.add_to(*at);
  add_rs_settings(*at, at_s);

  auto* rsb = app.add_subcommand(
      "1rsb", "1RSB capacity of the spherical committee (q1 -> 1, m -> 0 limit)");
  rsb_m.weights = "spherical";
  rsb_m.activation = "relu";
  rsb_m.add_to(*rsb);
  OneRsbSettings rsb_s;
  std::string rsb_variant = "full";
  rsb->add_option("--nodes", rsb_s.nodes, "trapezoid nodes in z0 on [-10, 10]")
      ->capture_default_str();
  rsb->add_option("--mu-min", rsb_s.mu_min, "smallest mu = m/(1 - q1) searched")
      ->capture_default_str();
  rsb->add_option("--mu-max", rsb_s.mu_max, "largest mu searched")->capture_default_str();
  rsb->add_option("--ansatz", rsb_variant,
                  "full (minimise over q0 and mu) or q0-zero (q0 fixed to 0)")
      ->check(CLI::IsMember({"full", "q0-zero"}))
      ->capture_default_str();

  auto* fp = app.add_subcommand(
      "franz-parisi", "Franz-Parisi entropy vs distance d from a typical solution (CSV curve)");
  fp_m.add_to(*fp);
  FpSettings fp_s;
  double fp_alpha = 0.6, fp_dmin = 0.005, fp_dmax = 0.3;
  int fp_points = 50;
  fp->add_option("--alpha", fp_alpha,
                 "constraint density alpha (PRL Fig. 1: 0.6 binary, 1 spherical)")
      ->capture_default_str();
  fp->add_option("--d-min", fp_dmin, "smallest distance d = (1 - S)/2")->capture_default_str();
  fp->add_option("--d-max", fp_dmax, "largest distance")->capture_default_str();
  fp->add_option("--points", fp_points, "number of distances")->capture_default_str();
  fp->add_option("--outer-nodes", fp_s.outer_nodes, "z0 quadrature nodes")->capture_default_str();
  fp->add_option("--inner-nodes", fp_s.inner_nodes, "z1 / zeta quadrature nodes")
      ->capture_default_str();
  fp->add_option("--eta-nodes", fp_s.eta_nodes, "eta quadrature nodes")->capture_default_str();
  fp->add_option("--table-points", fp_s.table_points,
                 "grid of the tabulated inner Gaussian average")
      ->capture_default_str();
  fp->add_option("--tolerance", fp_s.tolerance, "convergence tolerance |dq| + |dp|")
      ->capture_default_str();
  fp->add_option("--damping", fp_s.damping, "fixed-point damping in (0, 1]")->capture_default_str();

  auto* ld = app.add_subcommand(
      "large-deviation", "large-deviation free entropy F_LD(q1)/y at y -> infinity (CSV curve)");
  ld_m.add_to(*ld);
  LdSettings ld_s;
  double ld_alpha = 0.6, ld_qmin = 0.5, ld_qmax = 0.99;
  int ld_points = 50;
  ld->add_option("--alpha", ld_alpha, "constraint density alpha")->capture_default_str();
  ld->add_option("--q1-min", ld_qmin, "smallest intra-cluster overlap q1")->capture_default_str();
  ld->add_option("--q1-max", ld_qmax, "largest q1")->capture_default_str();
  ld->add_option("--points", ld_points, "number of q1 values")->capture_default_str();
  ld->add_option("--nodes", ld_s.nodes, "z0 trapezoid nodes on [-10, 10] (energetic term)")
      ->capture_default_str();

  auto* le = app.add_subcommand("local-entropy-bound",
                                "alpha = 0 local entropy H2(d) (PNAS Fig. 6 grey curve, CSV)");
  int le_points = 51;
  bool le_json = false;
  le->add_option("--points", le_points, "number of distances in [0, 0.5]")->capture_default_str();
  le->add_flag("--json", le_json, "print JSON instead of CSV");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  const auto t0 = std::chrono::steady_clock::now();

  if (capacity->parsed()) {
    const auto r = rs_capacity(cap_m.kernel(), cap_m.prior(), cap_s);
    nlohmann::json j = {
        {"version", kVersion},
        {"command", "theory capacity"},
        {"parameters", cap_m.to_json()},
        {"settings", rs_settings_json(cap_s, cap_m.prior())},
        {"alpha_c", std::isinf(r.alpha_c) ? nlohmann::json("inf") : nlohmann::json(r.alpha_c)},
        {"method", r.method},
        {"evaluations", r.evaluations},
        {"seconds", seconds_since(t0)}};
    if (cap_m.prior() == WeightPrior::binary) j["saddle_point"] = saddle_json(r.at_capacity);
    if (cap_m.json) {
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("{}\n", number(r.alpha_c, cap_m.digits));
      fmt::print("# alpha_c (RS), {}; {}; robens {}", cap_m.describe(), r.method, kVersion);
      if (cap_m.prior() == WeightPrior::binary)
        fmt::print("; q = {:.6f}, q_hat = {:.6f}", r.at_capacity.q, r.at_capacity.q_hat);
      fmt::print("\n");
    }
    return 0;
  }

  if (saddle->parsed()) {
    std::vector<double> alphas = sad_alphas;
    if (!sad_range.empty()) {
      const int n = static_cast<int>(sad_range[2]);
      require(n >= 1 && sad_range[2] == n, "--alpha-range POINTS must be a positive integer");
      for (int i = 0; i < n; ++i)
        alphas.push_back(n == 1 ? sad_range[0]
                                : sad_range[0] + (sad_range[1] - sad_range[0]) * i / (n - 1));
    }
    require(!alphas.empty(), "give --alpha or --alpha-range");
    for (double a : alphas)
      require(std::isfinite(a) && a >= 0.0, "alpha must be a finite number >= 0 (got {})", a);
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory saddle"},
                        {"parameters", sad_m.to_json()},
                        {"settings", rs_settings_json(sad_s, sad_m.prior())},
                        {"points", nlohmann::json::array()}};
    if (!sad_m.json) {
      print_header("saddle", sad_m, "");
      fmt::print("alpha,q,q_hat,entropic,energetic,free_entropy,replicon,iterations,residual\n");
    }
    double q_warm = 0.5;
    for (double a : alphas) {
      const auto p = solve_rs(sad_m.kernel(), sad_m.prior(), a, sad_s, q_warm);
      q_warm = p.q;
      const double lam =
          a > 0.0 ? replicon_eigenvalue(sad_m.kernel(), sad_m.prior(), p, sad_s) : -1.0;
      auto pj = saddle_json(p);
      pj["replicon"] = lam;
      j["points"].push_back(pj);
      if (!sad_m.json)
        fmt::print("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.6g},{},{:.3g}\n", a, p.q, p.q_hat,
                   p.entropic, p.energetic, p.free_entropy, lam, p.iterations, p.residual);
    }
    if (sad_m.json) fmt::print("{}\n", j.dump());
    return 0;
  }

  if (at->parsed()) {
    const auto r = at_line(at_m.kernel(), at_m.prior(), at_s);
    const nlohmann::json j = {
        {"version", kVersion},          {"command", "theory at"},
        {"parameters", at_m.to_json()}, {"settings", rs_settings_json(at_s, at_m.prior())},
        {"alpha_at", r.alpha_at},       {"saddle_point", saddle_json(r.at_point)},
        {"evaluations", r.evaluations}, {"seconds", seconds_since(t0)}};
    if (at_m.json) {
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("{}\n", number(r.alpha_at, at_m.digits));
      fmt::print("# alpha_AT (RS replicon = 0), {}; q = {:.6f}; robens {}\n", at_m.describe(),
                 r.at_point.q, kVersion);
    }
    return 0;
  }

  if (rsb->parsed()) {
    require(rsb_m.prior() == WeightPrior::spherical,
            "1rsb is the spherical q1 -> 1 limit: use --weights spherical");
    rsb_s.fix_q0_zero = rsb_variant == "q0-zero";
    const auto r = one_rsb_capacity(rsb_m.kernel(), rsb_s);
    const nlohmann::json j = {{"version", kVersion},
                              {"command", "theory 1rsb"},
                              {"parameters", rsb_m.to_json()},
                              {"settings",
                               {{"nodes", rsb_s.nodes},
                                {"mu_min", rsb_s.mu_min},
                                {"mu_max", rsb_s.mu_max},
                                {"ansatz", rsb_variant}}},
                              {"alpha_c_1rsb", r.alpha_c},
                              {"q0", r.q0},
                              {"mu", r.mu},
                              {"alpha_c_rs", r.rs_limit},
                              {"evaluations", r.evaluations},
                              {"seconds", seconds_since(t0)}};
    if (rsb_m.json) {
      fmt::print("{}\n", j.dump());
    } else {
      fmt::print("{}\n", number(r.alpha_c, rsb_m.digits));
      fmt::print(
          "# alpha_c^1RSB (q1 -> 1, m = mu (1 - q1) -> 0), {} ansatz={}; q0 = {:.4f}, mu = {:.3f}; "
          "RS limit {:.6f}; "
          "robens {}\n",
          rsb_m.describe(), rsb_variant, r.q0, r.mu, r.rs_limit, kVersion);
    }
    return 0;
  }

  if (fp->parsed()) {
    const auto curve = franz_parisi_curve(fp_m.kernel(), fp_m.prior(), fp_alpha, fp_dmin, fp_dmax,
                                          fp_points, fp_s);
    nlohmann::json j = {
        {"version", kVersion},
        {"command", "theory franz-parisi"},
        {"parameters", fp_m.to_json()},
        {"alpha", fp_alpha},
        {"d_min", fp_dmin},
        {"d_max", fp_dmax},
        {"points", fp_points},
        {"settings",
         {{"outer_nodes", fp_s.outer_nodes},
          {"inner_nodes", fp_s.inner_nodes},
          {"eta_nodes", fp_s.eta_nodes},
          {"table_points", fp_s.table_points},
          {"tolerance", fp_s.tolerance},
          {"damping", fp_s.damping}}},
        {"reference", saddle_json(curve.reference)},
        {"d_star", curve.d_star < 0 ? nlohmann::json(nullptr) : nlohmann::json(curve.d_star)},
        {"curve", nlohmann::json::array()}};
    for (const auto& p : curve.points)
      j["curve"].push_back({{"d", p.distance},
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
    j["seconds"] = seconds_since(t0);
    if (fp_m.json) {
      fmt::print("{}\n", j.dump());
    } else {
      print_header("franz-parisi", fp_m,
                   fmt::format("alpha={} q_ref={:.6f} F_eq={:.6f} d_star={}", fp_alpha,
                               curve.reference.q, curve.reference.free_entropy,
                               curve.d_star < 0 ? "none" : fmt::format("{:.5f}", curve.d_star)));
      fmt::print("d,S,F_FP,F_FP_alpha0,F_FP_normalised,q,p,iterations,residual\n");
      for (const auto& p : curve.points)
        fmt::print("{:.6g},{:.6g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{},{:.3g}\n", p.distance,
                   p.overlap, p.free_entropy, p.alpha_zero, p.free_entropy - p.alpha_zero, p.q, p.p,
                   p.iterations, p.residual);
    }
    return 0;
  }

  if (ld->parsed()) {
    const auto curve = large_deviation_curve(ld_m.kernel(), ld_m.prior(), ld_alpha, ld_qmin,
                                             ld_qmax, ld_points, ld_s);
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory large-deviation"},
                        {"parameters", ld_m.to_json()},
                        {"alpha", ld_alpha},
                        {"q1_min", ld_qmin},
                        {"q1_max", ld_qmax},
                        {"points", ld_points},
                        {"y", "infinity"},
                        {"settings", {{"nodes", ld_s.nodes}, {"tolerance", ld_s.tolerance}}},
                        {"curve", nlohmann::json::array()}};
    for (const auto& p : curve)
      j["curve"].push_back({{"q1", p.q1},
                            {"F_LD_per_y", p.free_entropy},
                            {"F_LD_alpha0", p.alpha_zero},
                            {"F_LD_normalised", p.normalised},
                            {"delta_q", p.delta_q},
                            {"delta_q_hat", p.delta_q_hat},
                            {"q_hat0", p.q_hat0},
                            {"flat", p.flat},
                            {"replica_symmetric", p.replica_symmetric},
                            {"iterations", p.iterations}});
    j["seconds"] = seconds_since(t0);
    if (ld_m.json) {
      fmt::print("{}\n", j.dump());
    } else {
      print_header("large-deviation", ld_m, fmt::format("alpha={} y=infinity", ld_alpha));
      fmt::print(
          "q1,F_LD_per_y,F_LD_alpha0,F_LD_normalised,delta_q,delta_q_hat,q_hat0,flat,replica_"
          "symmetric,iterations\n");
      for (const auto& p : curve)
        fmt::print("{:.6g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{},{},{}\n", p.q1,
                   p.free_entropy, p.alpha_zero, p.normalised, p.delta_q, p.delta_q_hat, p.q_hat0,
                   p.flat ? 1 : 0, p.replica_symmetric ? 1 : 0, p.iterations);
    }
    return 0;
  }

  if (le->parsed()) {
    require(le_points >= 2, "--points must be at least 2");
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory local-entropy-bound"},
                        {"points", le_points},
                        {"curve", nlohmann::json::array()}};
    if (!le_json) {
      fmt::print(
          "# robens {} theory local-entropy-bound points={} (alpha = 0: S(d) = H2(d), nats)\n",
          kVersion, le_points);
      fmt::print("d,S\n");
    }
    for (int i = 0; i < le_points; ++i) {
      const double d = 0.5 * i / (le_points - 1);
      const double s = local_entropy_bound(d);
      j["curve"].push_back({{"d", d}, {"S", s}});
      if (!le_json) fmt::print("{:.6g},{:.10g}\n", d, s);
    }
    if (le_json) fmt::print("{}\n", j.dump());
    return 0;
  }
  return 0;
}

}  // namespace robens::cli
