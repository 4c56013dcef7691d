#pragma once
// Runs a list of sweep jobs as `robens train ... --json --quiet` subprocesses, a few at a time,
// and turns each finished one into a results record. A stop signal (SIGINT, SIGTERM, SIGHUP)
// stops launching, interrupts the jobs in flight and drops their partial results. Each job runs
// under its lock (job_lock.hpp): a job still running in a process of a killed earlier sweep is
// waited for, never run twice at once. It prints nothing: records, failed jobs, waits and
// progress reach the caller through RunHooks.
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"

namespace robens::sweep {

struct RunOptions {
  std::string executable;              // the robens binary
  std::size_t parallel = 1;            // jobs at once
  std::vector<std::string> extra_env;  // NAME=VALUE for the jobs
};

// A job that crashed or printed no JSON summary: not recorded, the sweep goes on.
struct JobFailure {
  std::string job_id;
  std::string command_line;  // the job's arguments after the binary, joined by spaces
  std::string reason;        // "exit status 1", "killed by signal 9" or "no JSON summary"
  std::string message;       // the job's standard error in one line ("(no message)" if empty)
};

struct RunOutcome {
  std::size_t finished = 0;  // records produced
  std::size_t failed = 0;    // jobs that crashed or printed no result (given to on_failure)
  bool interrupted = false;
  std::string error;  // a job's bad-input error: the sweep stopped launching
};

struct RunHooks {
  std::function<void(const nlohmann::json& record)> on_record;  // each finished job's record
  std::function<void(const JobFailure&)> on_failure;            // each failed job (may be empty)
  // Runs between waits (e.g. to collect records from other MPI ranks or draw progress).
  std::function<void(std::size_t running)> between;
  // Once per job found locked by a live process of an earlier sweep (may be empty).
  std::function<void(const std::string& job_id)> on_waiting;
};

// The record of a finished job: the job, its options and seed, the train summary, timing.
nlohmann::json make_sweep_record(const Experiment& experiment, const Job& job,
                                 const nlohmann::json& result, double wall_seconds);

// Installs SIGINT, SIGTERM and SIGHUP handlers for its lifetime (SIGHUP stays ignored if it was,
// as under nohup); the first signal requests a stop.
class Interrupt {
 public:
  Interrupt();
  ~Interrupt();
  static bool requested();
  static int count();
  static int first_signal();  // the signal that asked to stop (0: none)
};

// Runs `jobs` in the experiment's folder, `options.parallel` at a time; job locks live in
// job_lock_folder(experiment.output).
RunOutcome run_sweep_jobs(const Experiment& experiment, const std::vector<const Job*>& jobs,
                          const RunOptions& options, const RunHooks& hooks);

}  // namespace robens::sweep
