// `robens sweep EXPERIMENT.json`: runs every (variant, grid point, seed) job of an experiment as a
// `robens train` subprocess, a few at a time (or shared out over MPI ranks), appending one record
// per finished job to a JSON-lines results file; rerunning resumes. See docs/experiments.md.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <charconv>
#include <csignal>
#include <optional>
#include <thread>

#include "robens/cli/commands.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/cli/sweep_cluster.hpp"
#include "robens/cli/sweep_progress.hpp"
#include "robens/core/error.hpp"
#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/job_runner.hpp"
#include "robens/sweep/results_file.hpp"
#include "robens/sweep/sweep_files.hpp"

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

// The library reports failed jobs as data; the CLI prints them as they happen.
void print_failure(const sweep::JobFailure& f) {
  fmt::print(stderr, "robens sweep: job {} ({}) failed ({}): {}\n", f.job_id, f.command_line,
             f.reason, f.message);
}

// A job still running in a process of an earlier, killed sweep (sweep/job_lock.hpp).
void print_waiting(const std::string& job_id) {
  fmt::print(stderr,
             "robens sweep: job {} is still running in a process of an earlier sweep: waiting for "
             "it to end\n",
             job_id);
}

std::string self_executable() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  require(!ec, "cannot find the robens binary (/proc/self/exe): {}", ec.message());
  return exe.string();
}

// --jobs at most: more processes than this is a typo, not a machine.
constexpr std::size_t kMaxParallelJobs = 4096;

struct SweepArgs {
  std::string experiment_file, output_override;
  std::size_t jobs = 0;
  bool quiet = false, list = false;
};

// Parses the command line; returns the exit status when parsing ended the command (--help, error).
std::optional<int> parse_sweep_args(int argc, char** argv, SweepArgs& a) {
  CLI::App app(
      "Run every job of an experiment (grid x variants x seeds) in parallel, appending one "
      "JSON record per finished job to a results file; rerun to resume.",
      "robens sweep");
  app.footer(kSchemaHelp);
  app.add_option("EXPERIMENT", a.experiment_file, "experiment description (.json, or .toml)")
      ->required();
  // Parsed here: CLI11 would read "-1" as 2^64 - 1.
  app.add_option_function<std::string>(
         "--jobs,-j",
         [&a](const std::string& text) {
           std::size_t v = 0;
           const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
           require(!text.empty() && ec == std::errc() && end == text.data() + text.size() &&
                       v <= kMaxParallelJobs,
                   "--jobs: expected a whole number in [0, {}], got '{}'", kMaxParallelJobs, text);
           a.jobs = v;
         },
         "jobs at once (default: the number of cores; under MPI: 1 per rank)")
      ->type_name("UINT");
  app.add_option("--output,-o", a.output_override,
                 "results file (default: the description's \"output\")");
  app.add_flag("--list", a.list, "print every job (id, done|pending, arguments) and run nothing");
  app.add_flag("--quiet,-q", a.quiet, "no progress line and no summary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  return std::nullopt;
}

// On rank 0: opens (and repairs) the results file and lists the jobs not in it yet.
std::unique_ptr<sweep::ResultsFile> open_results(const sweep::Experiment& experiment,
                                                 const std::vector<sweep::Job>& jobs,
                                                 const SweepCluster& cluster,
                                                 std::vector<std::uint64_t>& pending) {
  std::unique_ptr<sweep::ResultsFile> results;
  try {
    results = std::make_unique<sweep::ResultsFile>(experiment.output);
  } catch (const InputError& e) {
    if (!cluster.distributed()) throw;
    fmt::print(stderr, "robens sweep: error: {}\n", e.what());
    cluster.abort(2);
  }
  if (results->repaired_bytes() > 0)
    fmt::print(stderr, "robens sweep: {}: removed a torn last line ({} bytes)\n",
               experiment.output.string(), results->repaired_bytes());
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (!results->contains(jobs[i].id)) pending.push_back(i);
  return results;
}

// Rank r takes every P-th pending job: the split depends only on the pending list.
std::vector<const sweep::Job*> share_of(const SweepCluster& cluster,
                                        const std::vector<sweep::Job>& jobs,
                                        const std::vector<std::uint64_t>& pending) {
  std::vector<const sweep::Job*> mine;
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(cluster.size())) == cluster.rank())
      mine.push_back(&jobs[pending[i]]);
  return mine;
}

sweep::RunOptions run_options(std::size_t jobs_option, bool distributed) {
  sweep::RunOptions options;
  options.executable = self_executable();
  options.parallel = jobs_option > 0 ? jobs_option
                     : distributed   ? 1
                                     : std::max(1U, std::thread::hardware_concurrency());
  // Jobs side by side should not each start one OpenMP thread per core; and the same default
  // whatever --jobs keeps records identical (some algorithms record their thread count).
  if (std::getenv("OMP_NUM_THREADS") == nullptr) options.extra_env.push_back("OMP_NUM_THREADS=1");
  return options;
}

// --list: every job, whether the results file has it, and its arguments.
void print_job_list(const sweep::Experiment& experiment, const std::vector<sweep::Job>& jobs) {
  const auto done = sweep::ResultsFile::read_job_ids(experiment.output);
  for (const auto& job : jobs)
    fmt::print("{} {} {}\n", job.id, done.contains(job.id) ? "done" : "pending",
               fmt::join(job.args, " "));
}

void print_summary(const sweep::Experiment& experiment, std::size_t total, std::size_t already_done,
                   std::size_t recorded, const sweep::RunOutcome& outcome) {
  fmt::print(stderr, "robens sweep: {}: {} jobs run, {} already done, {} of {} in {}{}{}\n",
             experiment.name, recorded, already_done, already_done + recorded, total,
             experiment.output.string(),
             outcome.failed > 0 ? fmt::format(", {} failed", outcome.failed) : "",
             outcome.interrupted ? " (interrupted: rerun to resume)" : "");
}

// 128 + the signal that stopped the sweep, as a shell reports a process ended by it (130 for
// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
int stopped_status() {
  const int sig = sweep::Interrupt::first_signal();
  return 128 + (sig != 0 ? sig : SIGINT);
}

}  // namespace

int sweep_command(int argc, char** argv) {
  SweepArgs args;
  if (const auto status = parse_sweep_args(argc, argv, args)) return *status;

  sweep::Experiment experiment = sweep::load_sweep_experiment(args.experiment_file);
  if (!args.output_override.empty())
    experiment.output = std::filesystem::absolute(args.output_override);
  const std::vector<sweep::Job> jobs = sweep::expand_sweep(experiment);

  if (args.list) {
    print_job_list(experiment, jobs);
    return 0;
  }
  // Before any job: no output onto the description, the results or another job's files.
  sweep::check_sweep_files(experiment, jobs, args.experiment_file);

  SweepCluster cluster;
  const bool root = cluster.rank() == 0;
  std::unique_ptr<sweep::ResultsFile> results;
  std::vector<std::uint64_t> pending;
  if (root) results = open_results(experiment, jobs, cluster, pending);
  pending = cluster.broadcast(std::move(pending));
  const std::size_t already_done = jobs.size() - pending.size();

  const std::vector<const sweep::Job*> mine = share_of(cluster, jobs, pending);
  const sweep::RunOptions options = run_options(args.jobs, cluster.distributed());

  sweep::Interrupt interrupt;
  SweepProgress progress(experiment.name, jobs.size(), already_done, root && !args.quiet);
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

  sweep::RunOutcome outcome;
  try {
    if (root) {
      outcome = sweep::run_sweep_jobs(experiment, mine, options,
                                      {write, print_failure, collect, print_waiting});
      while (workers_done + 1 < static_cast<std::size_t>(cluster.size())) {
        collect(0);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    } else {
      auto send = [&](const nlohmann::json& record) { cluster.send_record(record.dump()); };
      outcome = sweep::run_sweep_jobs(experiment, mine, options,
                                      {send, print_failure, {}, print_waiting});
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
  if (!root) return outcome.interrupted ? stopped_status() : 0;

  results->close();
  if (outcome.error.empty()) outcome.error = worker_error;
  if (!args.quiet) print_summary(experiment, jobs.size(), already_done, recorded, outcome);
  require(outcome.error.empty(), "{}", outcome.error);
  if (outcome.interrupted) return stopped_status();
  return outcome.failed > 0 ? 1 : 0;
}

}  // namespace robens::cli
