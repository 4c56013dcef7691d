#include "robens/sweep/job_runner.hpp"

#include <fmt/format.h>

#include <chrono>
#include <csignal>
#include <deque>
#include <map>
#include <set>
#include <thread>

#include "robens/core/version.hpp"
#include "robens/sweep/job_lock.hpp"
#include "robens/sweep/process_pool.hpp"

namespace robens::sweep {
namespace {

volatile std::sig_atomic_t g_signals = 0;
volatile std::sig_atomic_t g_first_signal = 0;
extern "C" void on_stop_signal(int sig) {
  if (g_signals == 0) g_first_signal = sig;
  g_signals = g_signals + 1;
}

std::string last_line(const std::string& text) {
  const auto end = text.find_last_not_of("\r\n");
  if (end == std::string::npos) return "";
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// A job's error in one line: its stderr lines (CLI11 adds a "Run with --help" hint: dropped).
std::string error_text(const std::string& err) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < err.size()) {
    auto end = err.find('\n', start);
    if (end == std::string::npos) end = err.size();
    std::string line = err.substr(start, end - start);
    if (const auto cr = line.rfind('\r'); cr != std::string::npos) line = line.substr(cr + 1);
    if (!line.empty() && !line.starts_with("Run with --help")) lines.push_back(line);
    start = end + 1;
  }
  std::string text = fmt::format("{}", fmt::join(lines, " "));
  if (text.size() > 400) text = text.substr(0, 400) + "...";
  return text.empty() ? "(no message)" : text;
}

std::string command_line(const Job& job) {
  return fmt::format("{}", fmt::join(job.args, " "));
}

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_old[3];

// Turns one finished process into a record, a failure, or the sweep's stopping error.
void handle_finished(const FinishedProcess& f, const Job& job, const Experiment& experiment,
                     const RunHooks& hooks, RunOutcome& outcome) {
  // A job stopped by our signal exits 128 + SIGINT/SIGHUP/SIGTERM, or dies of it.
  const bool stopped = f.exit_code == 129 || f.exit_code == 130 || f.exit_code == 143;
  if (Interrupt::requested() && (stopped || f.signal != 0)) return;
  if (f.exit_code == 2) {
    if (outcome.error.empty())
      outcome.error =
          fmt::format("job {} ({}) failed: {}", job.id, command_line(job), error_text(f.err));
    return;
  }
  nlohmann::json result;
  if (f.exit_code == 0) result = nlohmann::json::parse(last_line(f.out), nullptr, false);
  if (f.exit_code != 0 || result.is_discarded() || !result.is_object()) {
    ++outcome.failed;
    const std::string why = f.signal != 0      ? fmt::format("killed by signal {}", f.signal)
                            : f.exit_code != 0 ? fmt::format("exit status {}", f.exit_code)
                                               : std::string("no JSON summary");
    if (hooks.on_failure) hooks.on_failure({job.id, command_line(job), why, error_text(f.err)});
    return;
  }
  // A job stopped by our Ctrl-C may still exit 0 with a partial result: not a record.
  if (result.value("interrupted", false)) return;
  hooks.on_record(make_sweep_record(experiment, job, result, f.wall_seconds));
  ++outcome.finished;
}

}  // namespace

Interrupt::Interrupt() {
  g_signals = 0;
  g_first_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll() returns at once
  for (int i = 0; i < 3; ++i) {
    sigaction(kStopSignals[i], &sa, &g_old[i]);
    // An ignored SIGHUP (nohup) stays ignored.
    if (kStopSignals[i] == SIGHUP && g_old[i].sa_handler == SIG_IGN)
      sigaction(SIGHUP, &g_old[i], nullptr);
  }
}
Interrupt::~Interrupt() {
  for (int i = 0; i < 3; ++i) sigaction(kStopSignals[i], &g_old[i], nullptr);
}
bool Interrupt::requested() {
  return g_signals > 0;
}
int Interrupt::count() {
  return static_cast<int>(g_signals);
}
int Interrupt::first_signal() {
  return static_cast<int>(g_first_signal);
}

nlohmann::json make_sweep_record(const Experiment& experiment, const Job& job,
                                 const nlohmann::json& result, double wall_seconds) {
  nlohmann::json record = {{"job", job.id},
                           {"experiment", experiment.name},
                           {"point", job.point},
                           {"seed", job.seed},
                           {"argv", job.args},
                           {"result", result},
                           {"wall_seconds", wall_seconds},
                           {"version", kVersion}};
  if (!job.variant.empty()) record["variant"] = job.variant;
  return record;
}

namespace {

// The jobs not started yet, and the locks of the running ones (by tag).
class JobQueue {
 public:
  JobQueue(const std::vector<const Job*>& jobs, std::filesystem::path lock_folder)
      : jobs_(jobs), lock_folder_(std::move(lock_folder)) {
    for (std::size_t i = 0; i < jobs.size(); ++i) queue_.push_back(i);
  }
  bool empty() const { return queue_.empty(); }

  // Starts queued jobs while the pool has room; a job whose lock a live process of an earlier
  // sweep holds stays queued (and is reported once). Returns how many started.
  std::size_t launch(ProcessPool& pool, const RunHooks& hooks) {
    std::size_t started = 0;
    for (auto it = queue_.begin(); it != queue_.end() && !pool.full();) {
      const Job& job = *jobs_[*it];
      auto lock = JobLock::try_lock(lock_folder_, job.id);
      if (!lock) {
        if (waiting_.insert(*it).second && hooks.on_waiting) hooks.on_waiting(job.id);
        ++it;
        continue;
      }
      for (const auto& dir : job.directories) std::filesystem::create_directories(dir);
      pool.launch(*it, job.args, lock->fd());
      locks_.emplace(*it, std::move(*lock));
      it = queue_.erase(it);
      ++started;
    }
    return started;
  }
  // The job's process has ended: its lock goes (after its record was written).
  void finished(std::size_t tag) { locks_.erase(tag); }

 private:
  const std::vector<const Job*>& jobs_;
  std::filesystem::path lock_folder_;
  std::deque<std::size_t> queue_;
  std::set<std::size_t> waiting_;
  std::map<std::size_t, JobLock> locks_;
};

}  // namespace

RunOutcome run_sweep_jobs(const Experiment& experiment, const std::vector<const Job*>& jobs,
                          const RunOptions& options, const RunHooks& hooks) {
  RunOutcome outcome;
  JobQueue queue(jobs, job_lock_folder(experiment.output));
  std::vector<std::string> env = options.extra_env;
  env.push_back(sweep_process_environment());  // jobs stop when this process ends
  ProcessPool pool(options.executable, experiment.directory, options.parallel, env);
  int signals_forwarded = 0;

  for (;;) {
    const bool stopping = Interrupt::requested() || !outcome.error.empty();
    if (!stopping && queue.launch(pool, hooks) == 0 && pool.empty() && !queue.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // every job waits for a lock
    // Forward each stop signal once: the first asks the jobs to stop, the second kills them.
    if (Interrupt::count() > signals_forwarded) {
      signals_forwarded = Interrupt::count();
      pool.signal_all(signals_forwarded == 1 ? SIGINT : SIGKILL);
    }
    if (pool.empty() && (stopping || queue.empty())) break;

    for (const auto& f : pool.wait(100)) {
      handle_finished(f, *jobs[f.tag], experiment, hooks, outcome);
      queue.finished(f.tag);
    }
    if (hooks.between) hooks.between(pool.running());
  }
  outcome.interrupted = Interrupt::requested();
  return outcome;
}

}  // namespace robens::sweep
