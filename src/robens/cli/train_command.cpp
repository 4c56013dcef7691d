// `robens train`: build the problem, run the chosen algorithm with progress / trace / Ctrl-C
// observers, print a summary (or one JSON line with --json), optionally save the networks. Every
// option comes from a parameter table: the problem's, the run's and the algorithm's.
#include <fmt/format.h>

#include <cstring>

#include "robens/algorithms/registry.hpp"
#include "robens/cli/commands.hpp"
#include "robens/cli/parameter_options.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/cli/run_observers.hpp"
#include "robens/core/error.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run.hpp"
#include "robens/run/run_files.hpp"
#include "robens/run/run_options.hpp"
#include "robens/run/saved_run.hpp"
#include "robens/run/trace_file.hpp"

namespace robens::cli {
namespace {

// --algo decides which options exist, so it is read before the real parse.
std::string find_algorithm_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--algo") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--algo=", 7) == 0) return argv[i] + 7;
  }
  return "rsgd";
}

std::string algorithm_list() {
  std::string text;
  for (const auto& a : algorithm_registry())
    text += fmt::format("  {:<6} {}\n         networks: {}\n", a.name, a.summary, a.networks);
  return text;
}

void print_human_summary(const RunSummary& s, const RunOptions& options) {
  const auto& p = s.info.params;
  const auto& r = s.result;
  fmt::print("robens {} | {} | {} {} N={} K={} ({} weights) | M={} (alpha={:.4g}) | seed {}\n",
             s.info.version, s.info.algorithm, p["model"].get<std::string>(),
             p["arch"].get<std::string>(), p["N"].dump(), p["K"].dump(), p["weights"].dump(),
             p["M"].dump(), p["alpha"].get<double>(), s.info.seed);
  const std::string how = r.solved ? "SOLVED" : r.interrupted ? "INTERRUPTED" : "NOT SOLVED";
  const double m = p["M"].get<double>();
  fmt::print("{} after {} {} | errors {} ({:.3g}%) | min errors {} | {:.3f} s\n", how, r.steps,
             r.step_unit, r.errors, 100.0 * static_cast<double>(r.errors) / m, r.min_errors,
             s.seconds);
  if (!options.save.empty()) fmt::print("saved to {}\n", options.save);
}

}  // namespace

int train_command(int argc, char** argv) {
  const AlgorithmInfo& info = find_algorithm(find_algorithm_argument(argc, argv));
  std::vector<std::string> names;
  for (const auto& a : algorithm_registry()) names.push_back(a.name);

  CLI::App app(
      "Train a binary network. Defaults: fully connected committee, N = 321 inputs, K = 5, "
      "alpha = 0.5, replicated SGD with y = 7.",
      "robens train");
  app.footer("Algorithms (--algo):\n" + algorithm_list() +
             "Options of another algorithm: robens train --algo NAME --help\n"
             "Output: a human summary, or with --json one JSON object on the last line of standard "
             "output\n(solved, epochs|iterations, errors, min_errors, seconds, seed, version, "
             "params).\n");
  std::string algo_value = info.name;
  app.add_option("--algo", algo_value, "training algorithm")
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  ParameterOptions problem_options, run_options, algorithm_options;
  problem_options.add(*app.add_option_group("Problem", "the network and the data"),
                      problem_parameter_table().specs());
  std::uint64_t seed = 1;
  add_seed_option(app, seed, "seed of every random choice (data and algorithm)");
  auto* out = app.add_option_group("Start and output", "where the run starts, what is written");
  run_options.add(*out, run_option_table().specs());
  bool json = false, quiet = false;
  out->add_flag("--json", json,
                "print one JSON summary line on standard output instead of the human summary");
  out->add_flag("--quiet", quiet, "no progress line");
  algorithm_options.add(*app.add_option_group(info.name, info.summary), info.parameters);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }

  const nlohmann::json problem_values = problem_options.values(), run_values = run_options.values(),
                       algorithm_values = algorithm_options.values();
  // Before any work: an output onto an input, or into an unwritable folder, fails at once.
  check_run_files(problem_values, run_values, info.parameters, algorithm_values);
  const TrainingProblem problem = build_problem(problem_values, seed);
  auto algorithm = info.make(algorithm_values);
  const RunOptions options = run_option_table().from_json(run_values);
  const WarmStart start = warm_start_of(options, info.name);

  ObserverList observers;
  InterruptHandler interrupt;
  observers.add(interrupt);
  ProgressLine progress(algorithm->units().record, !quiet);
  observers.add(progress);
  std::unique_ptr<TraceFile> trace;
  if (!options.trace.empty()) {
    trace = std::make_unique<TraceFile>(options.trace);
    observers.add(*trace);
  }
  const RunSummary summary = run(problem, *algorithm, observers, start);
  if (!options.save.empty()) save_run(options.save, summary);
  if (json)
    fmt::print("{}\n", summary.to_json().dump());
  else
    print_human_summary(summary, options);
  // 128 + the signal, as a shell reports a process ended by it (130 for Ctrl-C, 143 for SIGTERM).
  if (summary.result.interrupted) return 128 + (interrupt.signal() != 0 ? interrupt.signal() : 2);
  return 0;
}

}  // namespace robens::cli
