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
#include "robens/cli/parse_error.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/theory/franz_parisi.hpp"
#include "robens/theory/large_deviation.hpp"
#include "robens/theory/quadrature_nodes.hpp"
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
        ->check(CLI::IsMember(enum_choices<WeightPrior>()))
        ->capture_default_str();
    app.add_option(
           "--kernel-variant", variant,
           "centred (physical: +-1 output weights cancel the ReLU mean) or uncentred (ReLU only; "
           "drops the Delta_-1 subtraction, for the PRL-discrepancy study in docs/theory.md)")
        ->check(CLI::IsMember(enum_choices<KernelVariant>()))
        ->capture_default_str();
    app.add_flag("--json", json,
                 "print one JSON object (version, parameters, results) instead of text/CSV");
    app.add_option("--digits", digits, "decimals in text output")
        ->check(CLI::Range(1, 15))
        ->capture_default_str();
  }
  Kernel kernel() const {
    const auto v = parse_enum<KernelVariant>(variant, "--kernel-variant");
    if (model == "perceptron") {
      require(v == KernelVariant::centred,
              "--kernel-variant uncentred needs --model committee --activation relu");
      return Kernel(Transfer::identity);
    }
    return Kernel(parse_enum<Transfer>(activation, "--activation"), v);
  }
  WeightPrior prior() const { return parse_enum<WeightPrior>(weights, "--weights"); }
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

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
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
                 "trapezoid nodes on [-12, 12]: 0 (2401 binary, 4001 spherical) or 201 to 10^6")
      ->capture_default_str();
  app.add_option("--tolerance", s.tolerance, "convergence tolerance in q")->capture_default_str();
  app.add_option("--damping", s.damping, "fixed-point damping in (0, 1]")->capture_default_str();
}

nlohmann::json rs_settings_json(const RsSettings& s, WeightPrior prior) {
  return {{"nodes", s.resolved_nodes(prior)}, {"tolerance", s.tolerance}, {"damping", s.damping}};
}

// One struct per subcommand: its options (bound by add_to) and its output (run). Kept alive by
// theory_command for the whole parse, since CLI11 writes into the members.
struct CapacityCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  RsSettings s;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand(
        "capacity", "critical capacity alpha_c (RS; binary: F = 0, spherical: 2 phi'(1))");
    m.add_to(*app);
    add_rs_settings(*app, s);
  }

  void run(Clock::time_point t0) const {
    const auto r = rs_capacity(m.kernel(), m.prior(), s);
    nlohmann::json j = {
        {"version", kVersion},
        {"command", "theory capacity"},
        {"parameters", m.to_json()},
        {"settings", rs_settings_json(s, m.prior())},
        {"alpha_c", std::isinf(r.alpha_c) ? nlohmann::json("inf") : nlohmann::json(r.alpha_c)},
        {"method", r.method},
        {"evaluations", r.evaluations},
        {"seconds", seconds_since(t0)}};
    if (m.prior() == WeightPrior::binary) j["saddle_point"] = saddle_json(r.at_capacity);
    if (m.json) {
      fmt::print("{}\n", j.dump());
      return;
    }
    fmt::print("{}\n", number(r.alpha_c, m.digits));
    fmt::print("# alpha_c (RS), {}; {}; robens {}", m.describe(), r.method, kVersion);
    if (m.prior() == WeightPrior::binary)
      fmt::print("; q = {:.6f}, q_hat = {:.6f}", r.at_capacity.q, r.at_capacity.q_hat);
    fmt::print("\n");
  }
};

struct SaddleCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  RsSettings s;
  std::vector<double> alphas;
  std::vector<double> range;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand(
        "saddle", "RS saddle point (q, q_hat) and free entropy at one or more alphas (CSV)");
    m.add_to(*app);
    add_rs_settings(*app, s);
    app->add_option("--alpha", alphas, "constraint density alpha (repeatable)");
    app->add_option("--alpha-range", range, "LO HI POINTS: evenly spaced alphas")->expected(3);
  }

  // --alpha values followed by the --alpha-range grid.
  std::vector<double> all_alphas() const {
    std::vector<double> all = alphas;
    if (!range.empty()) {
      // Checked before the cast: a double beyond int's range would be undefined behaviour.
      require(range[2] >= 1 && range[2] <= kMaxCurvePoints && range[2] == std::floor(range[2]),
              "--alpha-range POINTS must be a whole number in [1, {}] (got {})", kMaxCurvePoints,
              range[2]);
      const int n = static_cast<int>(range[2]);
      for (int i = 0; i < n; ++i)
        all.push_back(n == 1 ? range[0] : range[0] + (range[1] - range[0]) * i / (n - 1));
    }
    require(!all.empty(), "give --alpha or --alpha-range");
    for (double a : all)
      require(std::isfinite(a) && a >= 0.0, "alpha must be a finite number >= 0 (got {})", a);
    return all;
  }

  void run() const {
    const std::vector<double> all = all_alphas();
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory saddle"},
                        {"parameters", m.to_json()},
                        {"settings", rs_settings_json(s, m.prior())},
                        {"points", nlohmann::json::array()}};
    if (!m.json) {
      print_header("saddle", m, "");
      fmt::print("alpha,q,q_hat,entropic,energetic,free_entropy,replicon,iterations,residual\n");
    }
    double q_warm = 0.5;
    for (double a : all) {
      const auto p = solve_rs(m.kernel(), m.prior(), a, s, q_warm);
      q_warm = p.q;
      const double lam = a > 0.0 ? replicon_eigenvalue(m.kernel(), m.prior(), p, s) : -1.0;
      auto pj = saddle_json(p);
      pj["replicon"] = lam;
      j["points"].push_back(pj);
      if (!m.json)
        fmt::print("{},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.6g},{},{:.3g}\n", a, p.q, p.q_hat,
                   p.entropic, p.energetic, p.free_entropy, lam, p.iterations, p.residual);
    }
    if (m.json) fmt::print("{}\n", j.dump());
  }
};

struct AtCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  RsSettings s;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand(
        "at", "de Almeida-Thouless point: where the RS replicon eigenvalue turns positive");
    m.add_to(*app);
    add_rs_settings(*app, s);
  }

  void run(Clock::time_point t0) const {
    const auto r = at_line(m.kernel(), m.prior(), s);
    const nlohmann::json j = {
        {"version", kVersion},          {"command", "theory at"},
        {"parameters", m.to_json()},    {"settings", rs_settings_json(s, m.prior())},
        {"alpha_at", r.alpha_at},       {"saddle_point", saddle_json(r.at_point)},
        {"evaluations", r.evaluations}, {"seconds", seconds_since(t0)}};
    if (m.json) {
      fmt::print("{}\n", j.dump());
      return;
    }
    fmt::print("{}\n", number(r.alpha_at, m.digits));
    fmt::print("# alpha_AT (RS replicon = 0), {}; q = {:.6f}; robens {}\n", m.describe(),
               r.at_point.q, kVersion);
  }
};

struct OneRsbCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  OneRsbSettings s;
  std::string ansatz = "full";

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand("1rsb",
                                "1RSB capacity of the spherical committee (q1 -> 1, m -> 0 limit)");
    m.weights = "spherical";
    m.activation = "relu";
    m.add_to(*app);
    app->add_option("--nodes", s.nodes, "trapezoid nodes in z0 on [-10, 10]")
        ->capture_default_str();
    app->add_option("--mu-min", s.mu_min, "smallest mu = m/(1 - q1) searched")
        ->capture_default_str();
    app->add_option("--mu-max", s.mu_max, "largest mu searched")->capture_default_str();
    app->add_option("--ansatz", ansatz, "full (minimise over q0 and mu) or q0-zero (q0 fixed to 0)")
        ->check(CLI::IsMember({"full", "q0-zero"}))
        ->capture_default_str();
  }

  void run(Clock::time_point t0) {
    require(m.prior() == WeightPrior::spherical,
            "1rsb is the spherical q1 -> 1 limit: use --weights spherical");
    s.fix_q0_zero = ansatz == "q0-zero";
    const auto r = one_rsb_capacity(m.kernel(), s);
    const nlohmann::json j = {
        {"version", kVersion},
        {"command", "theory 1rsb"},
        {"parameters", m.to_json()},
        {"settings",
         {{"nodes", s.nodes}, {"mu_min", s.mu_min}, {"mu_max", s.mu_max}, {"ansatz", ansatz}}},
        {"alpha_c_1rsb", r.alpha_c},
        {"q0", r.q0},
        {"mu", r.mu},
        {"alpha_c_rs", r.rs_limit},
        {"evaluations", r.evaluations},
        {"seconds", seconds_since(t0)}};
    if (m.json) {
      fmt::print("{}\n", j.dump());
      return;
    }
    fmt::print("{}\n", number(r.alpha_c, m.digits));
    fmt::print(
        "# alpha_c^1RSB (q1 -> 1, m = mu (1 - q1) -> 0), {} ansatz={}; q0 = {:.4f}, mu = {:.3f}; "
        "RS limit {:.6f}; robens {}\n",
        m.describe(), ansatz, r.q0, r.mu, r.rs_limit, kVersion);
  }
};

struct FranzParisiCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  FpSettings s;
  double alpha = 0.6, d_min = 0.005, d_max = 0.3;
  int points = 50;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand(
        "franz-parisi", "Franz-Parisi entropy vs distance d from a typical solution (CSV curve)");
    m.add_to(*app);
    app->add_option("--alpha", alpha,
                    "constraint density alpha (PRL Fig. 1: 0.6 binary, 1 spherical)")
        ->capture_default_str();
    app->add_option("--d-min", d_min, "smallest distance d = (1 - S)/2")->capture_default_str();
    app->add_option("--d-max", d_max, "largest distance")->capture_default_str();
    app->add_option("--points", points, "number of distances")->capture_default_str();
    app->add_option("--outer-nodes", s.outer_nodes, "z0 quadrature nodes")->capture_default_str();
    app->add_option("--inner-nodes", s.inner_nodes, "z1 / zeta quadrature nodes")
        ->capture_default_str();
    app->add_option("--eta-nodes", s.eta_nodes, "eta quadrature nodes")->capture_default_str();
    app->add_option("--table-points", s.table_points,
                    "grid of the tabulated inner Gaussian average")
        ->capture_default_str();
    app->add_option("--tolerance", s.tolerance, "convergence tolerance |dq| + |dp|")
        ->capture_default_str();
    app->add_option("--damping", s.damping, "fixed-point damping in (0, 1]")->capture_default_str();
  }

  nlohmann::json to_json(const FpCurve& curve) const {
    nlohmann::json j = {
        {"version", kVersion},
        {"command", "theory franz-parisi"},
        {"parameters", m.to_json()},
        {"alpha", alpha},
        {"d_min", d_min},
        {"d_max", d_max},
        {"points", points},
        {"settings",
         {{"outer_nodes", s.outer_nodes},
          {"inner_nodes", s.inner_nodes},
          {"eta_nodes", s.eta_nodes},
          {"table_points", s.table_points},
          {"tolerance", s.tolerance},
          {"damping", s.damping}}},
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
    return j;
  }

  void run(Clock::time_point t0) const {
    const auto curve = franz_parisi_curve(m.kernel(), m.prior(), alpha, d_min, d_max, points, s);
    nlohmann::json j = to_json(curve);
    j["seconds"] = seconds_since(t0);
    if (m.json) {
      fmt::print("{}\n", j.dump());
      return;
    }
    print_header("franz-parisi", m,
                 fmt::format("alpha={} q_ref={:.6f} F_eq={:.6f} d_star={}", alpha,
                             curve.reference.q, curve.reference.free_entropy,
                             curve.d_star < 0 ? "none" : fmt::format("{:.5f}", curve.d_star)));
    fmt::print("d,S,F_FP,F_FP_alpha0,F_FP_normalised,q,p,iterations,residual\n");
    for (const auto& p : curve.points)
      fmt::print("{:.6g},{:.6g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{},{:.3g}\n", p.distance,
                 p.overlap, p.free_entropy, p.alpha_zero, p.free_entropy - p.alpha_zero, p.q, p.p,
                 p.iterations, p.residual);
  }
};

struct LargeDeviationCommand {
  CLI::App* app = nullptr;
  ModelOptions m;
  LdSettings s;
  double alpha = 0.6, q1_min = 0.5, q1_max = 0.99;
  int points = 50;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand(
        "large-deviation", "large-deviation free entropy F_LD(q1)/y at y -> infinity (CSV curve)");
    m.add_to(*app);
    app->add_option("--alpha", alpha, "constraint density alpha")->capture_default_str();
    app->add_option("--q1-min", q1_min, "smallest intra-cluster overlap q1")->capture_default_str();
    app->add_option("--q1-max", q1_max, "largest q1")->capture_default_str();
    app->add_option("--points", points, "number of q1 values")->capture_default_str();
    app->add_option("--nodes", s.nodes, "z0 trapezoid nodes on [-10, 10] (energetic term)")
        ->capture_default_str();
  }

  nlohmann::json to_json(const std::vector<LdPoint>& curve) const {
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory large-deviation"},
                        {"parameters", m.to_json()},
                        {"alpha", alpha},
                        {"q1_min", q1_min},
                        {"q1_max", q1_max},
                        {"points", points},
                        {"y", "infinity"},
                        {"settings", {{"nodes", s.nodes}, {"tolerance", s.tolerance}}},
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
    return j;
  }

  void run(Clock::time_point t0) const {
    const auto curve =
        large_deviation_curve(m.kernel(), m.prior(), alpha, q1_min, q1_max, points, s);
    nlohmann::json j = to_json(curve);
    j["seconds"] = seconds_since(t0);
    if (m.json) {
      fmt::print("{}\n", j.dump());
      return;
    }
    print_header("large-deviation", m, fmt::format("alpha={} y=infinity", alpha));
    fmt::print(
        "q1,F_LD_per_y,F_LD_alpha0,F_LD_normalised,delta_q,delta_q_hat,q_hat0,flat,replica_"
        "symmetric,iterations\n");
    for (const auto& p : curve)
      fmt::print("{:.6g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{:.8g},{},{},{}\n", p.q1,
                 p.free_entropy, p.alpha_zero, p.normalised, p.delta_q, p.delta_q_hat, p.q_hat0,
                 p.flat ? 1 : 0, p.replica_symmetric ? 1 : 0, p.iterations);
  }
};

struct LocalEntropyBoundCommand {
  CLI::App* app = nullptr;
  int points = 51;
  bool json = false;

  void add_to(CLI::App& parent) {
    app = parent.add_subcommand("local-entropy-bound",
                                "alpha = 0 local entropy H2(d) (PNAS Fig. 6 grey curve, CSV)");
    app->add_option("--points", points, "number of distances in [0, 0.5]")->capture_default_str();
    app->add_flag("--json", json, "print JSON instead of CSV");
  }

  void run() const {
    require(points >= 2 && points <= kMaxCurvePoints, "--points must be in [2, {}] (got {})",
            kMaxCurvePoints, points);
    nlohmann::json j = {{"version", kVersion},
                        {"command", "theory local-entropy-bound"},
                        {"points", points},
                        {"curve", nlohmann::json::array()}};
    if (!json) {
      fmt::print(
          "# robens {} theory local-entropy-bound points={} (alpha = 0: S(d) = H2(d), nats)\n",
          kVersion, points);
      fmt::print("d,S\n");
    }
    for (int i = 0; i < points; ++i) {
      const double d = 0.5 * i / (points - 1);
      const double s = local_entropy_bound(d);
      j["curve"].push_back({{"d", d}, {"S", s}});
      if (!json) fmt::print("{:.6g},{:.10g}\n", d, s);
    }
    if (json) fmt::print("{}\n", j.dump());
  }
};

}  // namespace

int theory_command(int argc, char** argv) {
  CLI::App app(
      "Replica-theory reference values for the perceptron and the K -> infinity tree committee "
      "(sign or ReLU "
      "hidden units, binary or spherical weights). Formulas and choices: docs/theory.md.",
      "robens theory");
  app.require_subcommand(1);
  CapacityCommand capacity;
  SaddleCommand saddle;
  AtCommand at;
  OneRsbCommand rsb;
  FranzParisiCommand fp;
  LargeDeviationCommand ld;
  LocalEntropyBoundCommand le;
  capacity.add_to(app);
  saddle.add_to(app);
  at.add_to(app);
  rsb.add_to(app);
  fp.add_to(app);
  ld.add_to(app);
  le.add_to(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  const auto t0 = Clock::now();
  if (capacity.app->parsed()) {
    capacity.run(t0);
  } else if (saddle.app->parsed()) {
    saddle.run();
  } else if (at.app->parsed()) {
    at.run(t0);
  } else if (rsb.app->parsed()) {
    rsb.run(t0);
  } else if (fp.app->parsed()) {
    fp.run(t0);
  } else if (ld.app->parsed()) {
    ld.run(t0);
  } else if (le.app->parsed()) {
    le.run();
  }
  return 0;
}

}  // namespace robens::cli
