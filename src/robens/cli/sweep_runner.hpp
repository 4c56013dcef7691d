#pragma once
// Runs a list of sweep jobs as `robens train ... --json --quiet` subprocesses, a few at a time,
// and turns each finished one into a results record. Ctrl-C (SIGINT) or SIGTERM stops launching,
// interrupts the jobs in flight and drops their partial results.
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/cli/sweep_experiment.hpp"
#include "robens/cli/sweep_grid.hpp"

namespace robens::cli {

struct SweepRunOptions {
  std::string executable;              // the robens binary
  std::size_t parallel = 1;            // jobs at once
  std::vector<std::string> extra_env;  // NAME=VALUE for the jobs
};

struct SweepRunOutcome {
  std::size_t finished = 0;  // records produced
  std::size_t failed = 0;    // jobs that crashed or printed no result (reported on stderr)
  bool interrupted = false;
  std::string error;  // a job's bad-input error: the sweep stopped launching
};

// The record of a finished job: the job, its options and seed, the train summary, timing.
nlohmann::json make_sweep_record(const SweepExperiment& experiment, const SweepJob& job,
                                 const nlohmann::json& result, double wall_seconds);

// Installs SIGINT/SIGTERM handlers for its lifetime; the first signal requests a stop.
class SweepInterrupt {
 public:
  SweepInterrupt();
  ~SweepInterrupt();
  static bool requested();
  static int count();
};

// `on_record` gets each finished job's record; `between` runs between waits (e.g. to collect
// records from other MPI ranks); `running_changed` reports how many jobs are in flight.
SweepRunOutcome run_sweep_jobs(const SweepExperiment& experiment,
                               const std::vector<const SweepJob*>& jobs,
                               const SweepRunOptions& options,
                               const std::function<void(const nlohmann::json&)>& on_record,
                               const std::function<void(std::size_t running)>& between);

}  // namespace robens::cli
