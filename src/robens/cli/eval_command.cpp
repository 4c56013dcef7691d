// `robens eval NETWORK PATTERNS`: errors, energy and stabilities of a saved network.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "robens/cli/commands.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/io/files.hpp"
#include "robens/io/network_file.hpp"
#include "robens/io/output_policy.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/models/committee.hpp"

namespace robens::cli {

int eval_command(int argc, char** argv) {
  CLI::App app(
      "Evaluate a saved network (robens train --save) on a pattern file: errors, error rate, "
      "minimum-flip energy (sign units) and the stability distribution.",
      "robens eval");
  std::string network_path, patterns_path, stabilities_path;
  bool json = false, replicas = false;
  app.add_option("network", network_path, "network FILE (from robens train --save)")->required();
  app.add_option("patterns", patterns_path, "pattern FILE (text or .rbp)")->required();
  app.add_flag("--json", json, "print one JSON object instead of text");
  app.add_flag("--replicas", replicas, "also evaluate every saved replica");
  app.add_option("--stabilities", stabilities_path,
                 "write each pattern's stability (label x output field) to FILE (CSV)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  OutputPolicy files;
  files.add_input(network_path, "network file");
  files.add_input(patterns_path, "pattern file");
  files.add_output(stabilities_path, "--stabilities");
  files.check();
  const NetworkFile nets = load_network_file(network_path);
  const PatternSet patterns = read_patterns(patterns_path);
  const UnitInputs inputs(patterns, nets.center.shape);

  auto evaluate = [&](const BinaryNetwork& net) {
    const auto errors = count_errors(net, inputs);
    nlohmann::json j = {
        {"errors", errors},
        {"error_rate", static_cast<double>(errors) / static_cast<double>(patterns.size())}};
    if (net.shape.activation == Activation::sign)
      j["min_flip_energy"] = min_flip_energy(net, inputs);
    return j;
  };
  nlohmann::json report = {{"version", kVersion},
                           {"network", network_path},
                           {"patterns", patterns_path},
                           {"M", patterns.size()},
                           {"shape", nets.center.shape.to_json()},
                           {"center", evaluate(nets.center)}};
  if (replicas) {
    auto& arr = report["replicas"] = nlohmann::json::array();
    for (const auto& r : nets.replicas) arr.push_back(evaluate(r));
  }
  if (!stabilities_path.empty()) {
    std::string csv = "pattern,label,stability\n";
    const auto stab = stabilities(nets.center, inputs);
    for (std::size_t a = 0; a < stab.size(); ++a)
      csv += fmt::format("{},{},{}\n", a + 1, inputs.label(a), stab[a]);
    write_file_atomically(stabilities_path, csv);
  }
  if (json) {
    fmt::print("{}\n", report.dump());
  } else {
    const auto& c = report["center"];
    fmt::print("{} on {} ({} patterns): {} errors ({:.4g}%)", network_path, patterns_path,
               patterns.size(), c["errors"].get<long>(), 100.0 * c["error_rate"].get<double>());
    if (c.contains("min_flip_energy"))
      fmt::print(", min-flip energy {}", c["min_flip_energy"].get<long>());
    fmt::print("\n");
    if (replicas)
      for (std::size_t i = 0; i < report["replicas"].size(); ++i)
        fmt::print("  replica {}: {} errors\n", i + 1, report["replicas"][i]["errors"].get<long>());
  }
  return 0;
}

}  // namespace robens::cli
