// `robens measure NETWORK PATTERNS`: robustness curves (input noise, weight flips), stability
// distribution, and replica/centre overlaps of saved networks (robens train --save).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <sstream>

#include "robens/io/network_file.hpp"
#include "robens/cli/commands.hpp"
#include "robens/core/error.hpp"
#include "robens/io/files.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/core/version.hpp"
#include "robens/measure/robustness.hpp"

namespace robens::cli {
namespace {

nlohmann::json curve_json(const std::vector<RobustnessPoint>& c) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : c)
    out.push_back({{"eta", p.eta},
                   {"error_probability", p.error_probability},
                   {"standard_error", p.standard_error}});
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int measure_command(int argc, char** argv) {
  CLI::App app(
      "Measure saved networks (robens train --save) on a pattern file: robustness to input noise "
      "and to weight flips as curves over eta (PRL 2019 Fig. 3), stability distribution, and the "
      "overlaps/distances between replicas and centre. Output: JSON on stdout (or --out FILE; "
      "a .csv name gives one row per curve point).",
      "robens measure");
  std::string network_path, patterns_path, out_path, stabilities_path, etas_text, noise = "exact";
  std::string what = "input-noise,weight-noise,overlaps,stabilities",
              which = "center,majority,replicas";
  double eta_max = 0.3;
  int eta_steps = 7, perturbations = 50;
  std::uint64_t seed = 1;
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
      ->check(CLI::IsMember({"exact", "bernoulli"}))
      ->capture_default_str();
  app.add_option("--seed", seed, "seed of the perturbations and of majority ties")
      ->capture_default_str();
  app.add_option("--out", out_path, "write to FILE instead of stdout (.csv: curves as CSV rows)");
  app.add_option("--stabilities", stabilities_path,
                 "write every network's normalised stabilities to FILE (CSV)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  const auto measures = split_list(what), networks = split_list(which);
  for (const auto& m : measures)
    require(m == "input-noise" || m == "weight-noise" || m == "overlaps" || m == "stabilities",
            "--what: unknown measurement '{}'", m);
  for (const auto& n : networks)
    require(n == "center" || n == "majority" || n == "replicas", "--networks: unknown choice '{}'",
            n);
  auto wants = [](const std::vector<std::string>& v, const char* x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  std::vector<double> etas;
  if (!etas_text.empty()) {
    for (const auto& s : split_list(etas_text)) {
      try {
        etas.push_back(std::stod(s));
      } catch (const std::exception&) {
        fail("--etas: '{}' is not a number", s);
      }
    }
  } else {
    etas = eta_grid(eta_max, eta_steps);
  }
  const NoiseMode mode = parse_enum<NoiseMode>(noise, "--noise");
  require(perturbations >= 1 && perturbations <= 1000000,
          "--perturbations must be between 1 and 10^6 (got {})", perturbations);

  const NetworkFile nets = load_network_file(network_path);
  const PatternSet patterns = read_patterns(patterns_path);
  require(patterns.input_size() == nets.center.shape.inputs,
          "{} has {} inputs but the network expects {}", patterns_path, patterns.input_size(),
          nets.center.shape.inputs);
  if (wants(networks, "majority") || wants(networks, "replicas") || wants(measures, "overlaps"))
    require(
        !nets.replicas.empty() || (!wants(networks, "majority") && !wants(networks, "replicas") &&
                                   !wants(measures, "overlaps")),
        "{} holds no replicas; use --networks center and leave out overlaps", network_path);

  // The networks to measure, by name.
  std::vector<std::pair<std::string, BinaryNetwork>> targets;
  if (wants(networks, "center")) targets.emplace_back("center", nets.center);
  if (wants(networks, "majority"))
    targets.emplace_back("majority", majority_network(nets.replicas, seed));
  if (wants(networks, "replicas"))
    for (std::size_t a = 0; a < nets.replicas.size(); ++a)
      targets.emplace_back(fmt::format("replica{}", a + 1), nets.replicas[a]);

  nlohmann::json report = {{"version", kVersion},
                           {"network_file", network_path},
                           {"patterns_file", patterns_path},
                           {"M", patterns.size()},
                           {"shape", nets.center.shape.to_json()},
                           {"params",
                            {{"seed", seed},
                             {"etas", etas},
                             {"perturbations", perturbations},
                             {"noise", to_string(mode)},
                             {"what", measures},
                             {"networks", networks}}},
                           {"run", nets.run}};
  std::string csv = "network,measure,eta,error_probability,standard_error\n";
  auto add_curves = [&](const char* key, auto fn) {
    nlohmann::json& block = report[key] = nlohmann::json::object();
    std::vector<double> replica_mean(etas.size(), 0.0);
    int replicas_seen = 0;
    for (const auto& [name, net] : targets) {
      const auto curve = fn(net);
      block[name] = curve_json(curve);
      for (const auto& p : curve)
        csv += fmt::format("{},{},{},{},{}\n", name, key, p.eta, p.error_probability,
                           p.standard_error);
      if (name.rfind("replica", 0) == 0) {
        ++replicas_seen;
        for (std::size_t e = 0; e < curve.size(); ++e)
          replica_mean[e] += curve[e].error_probability;
      }
    }
    if (replicas_seen > 0) {
      nlohmann::json mean = nlohmann::json::array();
      for (std::size_t e = 0; e < etas.size(); ++e) {
        mean.push_back({{"eta", etas[e]}, {"error_probability", replica_mean[e] / replicas_seen}});
        csv +=
            fmt::format("replica_mean,{},{},{},\n", key, etas[e], replica_mean[e] / replicas_seen);
      }
      block["replica_mean"] = mean;
    }
  };
  if (wants(measures, "input-noise"))
    add_curves("input_noise", [&](const BinaryNetwork& n) {
      return input_noise_curve(n, patterns, etas, perturbations, seed, mode);
    });
  if (wants(measures, "weight-noise"))
    add_curves("weight_noise", [&](const BinaryNetwork& n) {
      return weight_noise_curve(n, patterns, etas, perturbations, seed, mode);
    });
  if (wants(measures, "overlaps")) {
    report["overlaps_majority"] =
        ensemble_overlaps(nets.replicas, majority_network(nets.replicas, seed)).to_json();
    report["overlaps_center"] = ensemble_overlaps(nets.replicas, nets.center).to_json();
  }
  if (wants(measures, "stabilities")) {
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
    if (!stabilities_path.empty()) write_file_atomically(stabilities_path, stab_csv);
  }
  if (out_path.empty()) {
    fmt::print("{}\n", report.dump());
  } else if (out_path.size() > 4 && out_path.substr(out_path.size() - 4) == ".csv") {
    write_file_atomically(
        out_path,
        fmt::format(
            "# robens {} measure: {}\n", kVersion,
            nlohmann::json{{"params", report["params"]}, {"network_file", network_path}}.dump()) +
            csv);
  } else {
    write_file_atomically(out_path, report.dump(1) + "\n");
  }
  return 0;
}

}  // namespace robens::cli
