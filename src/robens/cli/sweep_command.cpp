// `robens sweep EXPERIMENT.json`: runs every (variant, grid point, seed) job of an experiment as a
// `robens train` subprocess, a few at a time (or shared out over MPI ranks), appending one record
// per finished job to a JSON-lines results file; rerunning resumes. See docs/experiments.md.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <thread>

#include "robens/cli/commands.hpp"
#include "robens/cli/sweep_cluster.hpp"
#include "robens/cli/sweep_experiment.hpp"
#include "robens/cli/sweep_grid.hpp"
#include "robens/cli/sweep_progress.hpp"
#include "robens/cli/sweep_results_file.hpp"
#include "robens/cli/sweep_runner.hpp"
#include "robens/core/error.hpp"

namespace robens::cli {
namespace {

constexpr const char* kSchemaHelp = R"(Experiment description (JSON, or TOML with the same keys):
  {
    "name": "pnas_fig2_quick",              // default: the file name
    "command": "train",                      // the only one for now
    "fixed": {"model": "perceptron", "alpha": 0.3, "y": 3},   // robens train --KEY VALUE
    "grid": {"N": [201, 401], "beta": [0.5, 1]},              // every combination
    // or a linked axis, a list of objects (options set together; "size" is only a label):
    //  "grid": {"size": [{"N": 201, "stage-moves": 10}, {"N": 401, "stage-moves": 20}]},
    "variants": [{"name": "rsa", "options": {"algo": "rsa", "gamma": 1.0}},
                 {"name": "sa",  "options": {"algo": "sa"}}], // crossed with the grid
    "seeds": 10,                             // or {"first": 1, "count": 10} or [1, 5, 9]
    "output": "results.jsonl"                // default: NAME.results.jsonl next to the file
  }
  true is a bare flag (false: left out); "{job}", "{seed}", "{variant}" in a string are replaced
  (e.g. "trace": "traces/{job}.jsonl"; its folder is created). Jobs run in the description's
  folder. Job seed = the seed itself, the same for every grid point (algorithms are compared on
  the same samples). A job's id hashes (variant, options, seed); finished ids in the results
  file are skipped, so rerunning the same command resumes an interrupted sweep.
Results: one JSON line per finished job: job, experiment, variant, point, seed, argv, result
  (the train --json summary), wall_seconds, version. MPI: mpirun -n P robens sweep FILE.
Details: docs/experiments.md)";

std::string self_executable() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  require(!ec, "cannot find the robens binary (/proc/self/exe): {}", ec.message());
  return exe.string();
}

}  // namespace

int sweep_command(int argc, char** argv) {
  CLI::App app(
      "Run every job of an experiment (grid x variants x seeds) in parallel, appending one "
      "JSON record per finished job to a results file; rerun to resume.",
      "robens sweep");
  app.footer(kSchemaHelp);
  std::string experiment_file, output_override;
  std::size_t jobs_option = 0;
  bool quiet = false, list = false;
  app.add_option("EXPERIMENT", experiment_file, "experiment description (.json, or .toml)")
      ->required();
  app.add_option("--jobs,-j", jobs_option,
                 "jobs at once (default: the number of cores; under MPI: 1 per rank)");
  app.add_option("--output,-o", output_override,
                 "results file (default: the description's \"output\")");
  app.add_flag("--list", list, "print every job (id, done|pending, arguments) and run nothing");
  app.add_flag("--quiet,-q", quiet, "no progress line and no summary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  SweepExperiment experiment = load_sweep_experiment(experiment_file);
  if (!output_override.empty()) experiment.output = std::filesystem::absolute(output_override);
  const std::vector<SweepJob> jobs = expand_sweep(experiment);

  if (list) {
    const auto done = SweepResultsFile::read_job_ids(experiment.output);
    for (const auto& job : jobs)
      fmt::print("{} {} {}\n", job.id, done.contains(job.id) ? "done" : "pending",
                 fmt::join(job.args, " "));
    return 0;
  }

  SweepCluster cluster;
  const bool root = cluster.rank() == 0;
  std::unique_ptr<SweepResultsFile> results;
  std::vector<std::uint64_t> pending;
  if (root) {
    try {
      results = std::make_unique<SweepResultsFile>(experiment.output);
    } catch (const InputError& e) {
      if (!cluster.distributed()) throw;
      fmt::print(stderr, "robens sweep: error: {}\n", e.what());
      cluster.abort(2);
    }
    if (results->repaired_bytes() > 0)
      fmt::print(stderr, "robens sweep: {}: removed a torn last line ({} bytes)\n",
                 experiment.output.string(), results->repaired_bytes());
    if (results->ignored_lines() > 0)
      fmt::print(stderr, "robens sweep: {}: ignored {} line(s) that are not job records\n",
                 experiment.output.string(), results->ignored_lines());
    for (std::size_t i = 0; i < jobs.size(); ++i)
      if (!results->contains(jobs[i].id)) pending.push_back(i);
  }
  pending = cluster.broadcast(std::move(pending));
  const std::size_t already_done = jobs.size() - pending.size();

  // Rank r takes every P-th pending job: the split depends only on the pending list.
  std::vector<const SweepJob*> mine;
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(cluster.size())) == cluster.rank())
      mine.push_back(&jobs[pending[i]]);

  SweepRunOptions options;
  options.executable = self_executable();
  options.parallel = jobs_option > 0         ? jobs_option
                     : cluster.distributed() ? 1
                                             : std::max(1U, std::thread::hardware_concurrency());
  // Jobs side by side should not each start one OpenMP thread per core; and the same default
  // whatever --jobs keeps records identical (some algorithms record their thread count).
  if (std::getenv("OMP_NUM_THREADS") == nullptr) options.extra_env.push_back("OMP_NUM_THREADS=1");

  SweepInterrupt interrupt;
  SweepProgress progress(experiment.name, jobs.size(), already_done, root && !quiet);
  std::size_t recorded = 0, workers_done = 0;
  std::string worker_error;
  auto write = [&](const nlohmann::json& record) {
    results->append(record);
    ++recorded;
  };
  auto collect = [&](std::size_t running) {
    for (auto& m : cluster.receive()) {
      if (m.done) {
        ++workers_done;
        if (!m.text.empty() && worker_error.empty()) worker_error = m.text;
      } else {
        write(nlohmann::json::parse(m.text));
      }
    }
    progress.update(recorded, running);
  };

  SweepRunOutcome outcome;
  try {
    if (root) {
      outcome = run_sweep_jobs(experiment, mine, options, write, collect);
      while (workers_done + 1 < static_cast<std::size_t>(cluster.size())) {
        collect(0);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    } else {
      outcome = run_sweep_jobs(
          experiment, mine, options,
          [&](const nlohmann::json& record) { cluster.send_record(record.dump()); },
          [](std::size_t) {});
      cluster.send_done(outcome.error);
    }
  } catch (const InputError& e) {
    if (!cluster.distributed()) throw;
    fmt::print(stderr, "robens sweep: error (rank {}): {}\n", cluster.rank(), e.what());
    cluster.abort(2);
  }
  progress.clear();
  // A worker's error went to rank 0, which reports it and sets the exit status (mpirun would
  // abort rank 0 before it prints if a worker exited non-zero first).
  if (!root) return outcome.interrupted ? 130 : 0;

  if (outcome.error.empty()) outcome.error = worker_error;
  if (!quiet)
    fmt::print(stderr, "robens sweep: {}: {} jobs run, {} already done, {} of {} in {}{}{}\n",
               experiment.name, recorded, already_done, already_done + recorded, jobs.size(),
               experiment.output.string(),
               outcome.failed > 0 ? fmt::format(", {} failed", outcome.failed) : "",
               outcome.interrupted ? " (interrupted: rerun to resume)" : "");
  require(outcome.error.empty(), "{}", outcome.error);
  if (outcome.interrupted) return 130;
  return outcome.failed > 0 ? 1 : 0;
}

}  // namespace robens::cli
