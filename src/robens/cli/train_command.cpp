// `robens train`: build the problem, run the chosen algorithm with progress / trace / Ctrl-C
// observers, print a summary (or one JSON line with --json), optionally save the networks.
#include <unistd.h>

#include <cstring>

#include <fmt/format.h>

#include "robens/io/network_file.hpp"
#include "robens/cli/algorithm_cli.hpp"
#include "robens/cli/commands.hpp"
#include "robens/cli/problem_options.hpp"
#include "robens/cli/run_observers.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"

namespace robens::cli {
namespace {

// --algo decides which options exist, so it is read before the real parse.
std::string find_algorithm(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--algo") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--algo=", 7) == 0) return argv[i] + 7;
  }
  return "rsgd";
}

}  // namespace

int train_command(int argc, char** argv) {
  auto catalog = algorithm_catalog();
  const std::string algo_name = find_algorithm(argc, argv);
  AlgorithmCli* algo_cli = nullptr;
  std::vector<std::string> names;
  std::string algo_list;
  for (auto& a : catalog) {
    names.push_back(a->name());
    algo_list += fmt::format("  {:<6} {}\n", a->name(), a->summary());
    if (a->name() == algo_name) algo_cli = a.get();
  }
  require(algo_cli != nullptr, "unknown algorithm '{}' (available: {})", algo_name, fmt::join(names, ", "));

  CLI::App app("Train a binary network. Defaults: fully connected committee, N = 321 inputs, K = 5, "
               "alpha = 0.5, replicated SGD with y = 7.",
               "robens train");
  app.footer("Algorithms (--algo):\n" + algo_list +
             "Options of another algorithm: robens train --algo NAME --help\n"
             "Output: a human summary, or with --json one JSON object on the last line of standard output\n"
             "(solved, epochs|iterations, errors, min_errors, seconds, seed, version, params).\n");
  std::string algo_value = algo_name;
  app.add_option("--algo", algo_value, "training algorithm")->check(CLI::IsMember(names))->capture_default_str();
  ProblemOptions problem_options;
  problem_options.add_to(app);
  std::string trace_path, save_path;
  bool json = false, quiet = false;
  auto* out = app.add_option_group("Output", "what is written");
  out->add_option("--trace", trace_path, "write one JSON line per step (epoch / stage) to FILE");
  out->add_option("--save", save_path, "save the trained networks (centre and replicas) to FILE (JSON)");
  out->add_flag("--json", json, "print one JSON summary line on standard output instead of the human summary");
  out->add_flag("--quiet", quiet, "no progress line");
  algo_cli->add_options(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  const TrainingProblem problem = problem_options.build();
  auto algorithm = algo_cli->make(problem.shape);
  nlohmann::json params = problem_options.to_json(problem);
  params["algo"] = algorithm->name();
  params.update(algorithm->parameters());
  const nlohmann::json run_info = {
      {"version", kVersion}, {"seed", problem.seed}, {"algorithm", algorithm->name()}, {"params", params}};

  ObserverList observers;
  InterruptHandler interrupt;
  observers.add(interrupt);
  ProgressLine progress(algo_name == "rsgd" || algo_name == "sgd" ? "epoch" : "step", !quiet);
  observers.add(progress);
  std::unique_ptr<TraceWriter> trace;
  if (!trace_path.empty()) {
    trace = std::make_unique<TraceWriter>(trace_path);
    observers.add(*trace);
  }
  observers.on_start(run_info);
  const TrainResult result = algorithm->run(problem, observers);
  observers.on_finish(result);
  if (!save_path.empty()) save_result_file(save_path, result, run_info);

  if (json) {
    nlohmann::json summary = {{"solved", result.solved},
                              {result.step_unit, result.steps},
                              {"errors", result.errors},
                              {"min_errors", result.min_errors},
                              {"seconds", result.seconds},
                              {"interrupted", result.interrupted},
                              {"seed", problem.seed},
                              {"version", kVersion},
                              {"algorithm", algorithm->name()},
                              {"params", params}};
    for (const auto& [key, value] : result.extra.items())
      if (!summary.contains(key)) summary[key] = value;
    fmt::print("{}\n", summary.dump());
  } else {
    const auto& s = problem.shape;
    fmt::print("robens {} | {} | {} {} N={} K={} ({} weights) | M={} (alpha={:.4g}) | seed {}\n", kVersion,
               algorithm->name(), params["model"].get<std::string>(), to_string(s.architecture),
               params["N"].dump(), s.units, s.weights(), problem.patterns.size(), params["alpha"].get<double>(),
               problem.seed);
    const std::string how = result.solved ? "SOLVED" : result.interrupted ? "INTERRUPTED" : "NOT SOLVED";
    fmt::print("{} after {} {} | errors {} ({:.3g}%) | min errors {} | {:.3f} s\n", how, result.steps,
               result.step_unit, result.errors,
               100.0 * static_cast<double>(result.errors) / static_cast<double>(problem.patterns.size()),
               result.min_errors, result.seconds);
    if (!save_path.empty()) fmt::print("saved to {}\n", save_path);
  }
  return result.interrupted ? 130 : 0;
}

}  // namespace robens::cli
