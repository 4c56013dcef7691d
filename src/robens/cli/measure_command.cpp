// `robens measure NETWORK PATTERNS`: robustness curves (input noise, weight flips), stability
// distribution, and replica/centre overlaps of saved networks (robens train --save).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "robens/cli/commands.hpp"
#include "robens/cli/parameter_options.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/io/files.hpp"
#include "robens/io/network_file.hpp"
#include "robens/io/output_policy.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/measure/robustness.hpp"

namespace robens::cli {
namespace {

// The networks to measure, by name ("center", "majority", "replica1", ...).
using NamedNetworks = std::vector<std::pair<std::string, BinaryNetwork>>;

nlohmann::json curve_json(const std::vector<RobustnessPoint>& c) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : c)
    out.push_back({{"eta", p.eta},
                   {"error_probability", p.error_probability},
                   {"standard_error", p.standard_error}});
  return out;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A comma list of `option`: every item non-empty (",,," is a mistake, not "nothing").
std::vector<std::string> split_list(const std::string& s, const char* option) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto end = std::min(s.find(',', start), s.size());
    out.push_back(trimmed(s.substr(start, end - start)));
    require(!out.back().empty(), "{}: empty item in '{}' (a value must stand between commas)",
            option, excerpt(s));
    if (end == s.size()) return out;
    start = end + 1;
  }
}

bool wants(const std::vector<std::string>& v, const char* x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The command line, as given.
struct MeasureOptions {
  std::string network_path, patterns_path, out_path, stabilities_path, etas_text, noise = "exact";
  std::string what = "input-noise,weight-noise,overlaps,stabilities",
              which = "center,majority,replicas";
  double eta_max = 0.3;
  int eta_steps = 7, perturbations = 50;
  std::uint64_t seed = 1;

  void add_to(CLI::App& app);
};

void MeasureOptions::add_to(CLI::App& app) {
  app.add_option("network", network_path,
                 "network FILE (robens train --save, or a bare network JSON)")
      ->required();
  app.add_option("patterns", patterns_path, "pattern FILE (text or .rbp), usually the training set")
      ->required();
  app.add_option("--what", what, "comma list of: input-noise, weight-noise, overlaps, stabilities")
      ->capture_default_str();
  app.add_option("--networks", which,
                 "comma list of: center (the saved answer), majority (spin-wise majority of the "
                 "replicas), replicas")
      ->capture_default_str();
  app.add_option("--eta-max", eta_max, "largest noise fraction of the eta grid")
      ->capture_default_str();
  app.add_option("--eta-steps", eta_steps, "points of the eta grid 0..eta-max")
      ->capture_default_str();
  app.add_option("--etas", etas_text, "explicit comma list of eta values (overrides the grid)");
  app.add_option("--perturbations", perturbations,
                 "perturbations per pattern (input noise) or per eta (weights); PRL: 50")
      ->capture_default_str();
  app.add_option(
         "--noise", noise,
         "exact: flip exactly round(eta N) distinct entries | bernoulli: each with probability eta")
      ->check(CLI::IsMember(enum_choices<NoiseMode>()))
      ->capture_default_str();
  add_seed_option(app, seed, "seed of the perturbations and of majority ties");
  app.add_option("--out", out_path, "write to FILE instead of stdout (.csv: curves as CSV rows)");
  app.add_option("--stabilities", stabilities_path,
                 "write every network's normalised stabilities to FILE (CSV)");
}

// The options checked and decoded (InputError on a bad value).
struct MeasureRequest {
  std::vector<std::string> measures, networks;
  std::vector<double> etas;
  NoiseMode mode = NoiseMode::exact_count;
};

std::vector<double> parse_etas(const MeasureOptions& o) {
  if (o.etas_text.empty()) return eta_grid(o.eta_max, o.eta_steps);
  std::vector<double> etas;
  for (const auto& s : split_list(o.etas_text, "--etas")) {
    double eta = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), eta);
    require(ec == std::errc() && end == s.data() + s.size(), "--etas: '{}' is not a number",
            excerpt(s));
    require(eta >= 0 && eta <= 1, "--etas: each eta must be in [0, 1] (got {})", s);
    etas.push_back(eta);
  }
  return etas;
}

MeasureRequest decode(const MeasureOptions& o) {
  MeasureRequest r{
      split_list(o.what, "--what"), split_list(o.which, "--networks"), {}, NoiseMode::exact_count};
  for (const auto& m : r.measures)
    require(m == "input-noise" || m == "weight-noise" || m == "overlaps" || m == "stabilities",
            "--what: unknown measurement '{}'", m);
  for (const auto& n : r.networks)
    require(n == "center" || n == "majority" || n == "replicas", "--networks: unknown choice '{}'",
            n);
  r.etas = parse_etas(o);
  r.mode = parse_enum<NoiseMode>(o.noise, "--noise");
  require(o.perturbations >= 1 && o.perturbations <= 1000000,
          "--perturbations must be between 1 and 10^6 (got {})", o.perturbations);
  return r;
}

NamedNetworks networks_to_measure(const NetworkFile& nets, const MeasureRequest& r,
                                  const MeasureOptions& o) {
  const bool needs_replicas = wants(r.networks, "majority") || wants(r.networks, "replicas") ||
                              wants(r.measures, "overlaps");
  require(!needs_replicas || !nets.replicas.empty(),
          "{} holds no replicas; use --networks center and leave out overlaps", o.network_path);
  NamedNetworks targets;
  if (wants(r.networks, "center")) targets.emplace_back("center", nets.center);
  if (wants(r.networks, "majority"))
    targets.emplace_back("majority", majority_network(nets.replicas, o.seed));
  if (wants(r.networks, "replicas"))
    for (std::size_t a = 0; a < nets.replicas.size(); ++a)
      targets.emplace_back(fmt::format("replica{}", a + 1), nets.replicas[a]);
  return targets;
}

nlohmann::json report_header(const MeasureOptions& o, const MeasureRequest& r,
                             const NetworkFile& nets, const PatternSet& patterns) {
  return {{"version", kVersion},
          {"network_file", o.network_path},
          {"patterns_file", o.patterns_path},
          {"M", patterns.size()},
          {"shape", nets.center.shape.to_json()},
          {"params",
           {{"seed", o.seed},
            {"etas", r.etas},
            {"perturbations", o.perturbations},
            {"noise", to_string(r.mode)},
            {"what", r.measures},
            {"networks", r.networks}}},
          {"run", nets.run}};
}

// report[key][name] = curve(net) for every target, plus the replicas' mean; the same rows in csv.
template <class Curve>
void add_curves(nlohmann::json& report, std::string& csv, const char* key,
                const NamedNetworks& targets, const std::vector<double>& etas, Curve curve_of) {
  nlohmann::json& block = report[key] = nlohmann::json::object();
  std::vector<double> replica_mean(etas.size(), 0.0);
  int replicas_seen = 0;
  for (const auto& [name, net] : targets) {
    const auto curve = curve_of(net);
    block[name] = curve_json(curve);
    for (const auto& p : curve)
      csv +=
          fmt::format("{},{},{},{},{}\n", name, key, p.eta, p.error_probability, p.standard_error);
    if (name.rfind("replica", 0) == 0) {
      ++replicas_seen;
      for (std::size_t e = 0; e < curve.size(); ++e) replica_mean[e] += curve[e].error_probability;
    }
  }
  if (replicas_seen == 0) return;
  nlohmann::json mean = nlohmann::json::array();
  for (std::size_t e = 0; e < etas.size(); ++e) {
    mean.push_back({{"eta", etas[e]}, {"error_probability", replica_mean[e] / replicas_seen}});
    csv += fmt::format("replica_mean,{},{},{},\n", key, etas[e], replica_mean[e] / replicas_seen);
  }
  block["replica_mean"] = mean;
}

// report["stabilities"]: summary per network; every value to `path` as CSV (unless empty).
void add_stabilities(nlohmann::json& report, const NamedNetworks& targets,
                     const PatternSet& patterns, const std::string& path) {
  std::string stab_csv = "network,pattern,stability\n";
  nlohmann::json& block = report["stabilities"] = nlohmann::json::object();
  for (const auto& [name, net] : targets) {
    const auto s = normalized_stabilities(net, patterns);
    double mean = 0;
    for (double v : s) mean += v / static_cast<double>(s.size());
    const auto [lo, hi] = std::minmax_element(s.begin(), s.end());
    block[name] = {
        {"mean", mean},
        {"min", *lo},
        {"max", *hi},
        {"negative_or_zero", std::count_if(s.begin(), s.end(), [](double v) { return v <= 0; })}};
    for (std::size_t a = 0; a < s.size(); ++a)
      stab_csv += fmt::format("{},{},{}\n", name, a + 1, s[a]);
  }
  if (!path.empty()) write_file_atomically(path, stab_csv);
}

// stdout (JSON), a .csv file (one row per curve point) or a JSON file.
void write_report(const nlohmann::json& report, const std::string& csv, const MeasureOptions& o) {
  const std::string& out_path = o.out_path;
  if (out_path.empty()) {
    fmt::print("{}\n", report.dump());
  } else if (out_path.size() > 4 && out_path.substr(out_path.size() - 4) == ".csv") {
    const nlohmann::json meta{{"params", report["params"]}, {"network_file", o.network_path}};
    write_file_atomically(out_path,
                          fmt::format("# robens {} measure: {}\n", kVersion, meta.dump()) + csv);
  } else {
    write_file_atomically(out_path, report.dump(1) + "\n");
  }
}

}  // namespace

int measure_command(int argc, char** argv) {
  CLI::App app(
      "Measure saved networks (robens train --save) on a pattern file: robustness to input noise "
      "and to weight flips as curves over eta (PRL 2019 Fig. 3), stability distribution, and the "
      "overlaps/distances between replicas and centre. Output: JSON on stdout (or --out FILE; "
      "a .csv name gives one row per curve point).",
      "robens measure");
  MeasureOptions o;
  o.add_to(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  const MeasureRequest r = decode(o);
  OutputPolicy files;
  files.add_input(o.network_path, "network file");
  files.add_input(o.patterns_path, "pattern file");
  files.add_output(o.out_path, "--out");
  files.add_output(o.stabilities_path, "--stabilities");
  files.check();
  const NetworkFile nets = load_network_file(o.network_path);
  const PatternSet patterns = read_patterns(o.patterns_path);
  require(patterns.input_size() == nets.center.shape.inputs,
          "{} has {} inputs but the network expects {}", o.patterns_path, patterns.input_size(),
          nets.center.shape.inputs);
  const NamedNetworks targets = networks_to_measure(nets, r, o);

  nlohmann::json report = report_header(o, r, nets, patterns);
  std::string csv = "network,measure,eta,error_probability,standard_error\n";
  if (wants(r.measures, "input-noise"))
    add_curves(report, csv, "input_noise", targets, r.etas, [&](const BinaryNetwork& n) {
      return input_noise_curve(n, patterns, r.etas, o.perturbations, o.seed, r.mode);
    });
  if (wants(r.measures, "weight-noise"))
    add_curves(report, csv, "weight_noise", targets, r.etas, [&](const BinaryNetwork& n) {
      return weight_noise_curve(n, patterns, r.etas, o.perturbations, o.seed, r.mode);
    });
  if (wants(r.measures, "overlaps")) {
    report["overlaps_majority"] =
        ensemble_overlaps(nets.replicas, majority_network(nets.replicas, o.seed)).to_json();
    report["overlaps_center"] = ensemble_overlaps(nets.replicas, nets.center).to_json();
  }
  if (wants(r.measures, "stabilities"))
    add_stabilities(report, targets, patterns, o.stabilities_path);
  write_report(report, csv, o);
  return 0;
}

}  // namespace robens::cli
