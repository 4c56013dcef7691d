#pragma once
// Runs jobs as child processes of the robens binary itself (posix_spawn), at most `slots` at a
// time, capturing each one's standard output and error through pipes. Separate processes keep
// jobs isolated, so a job's result cannot depend on what runs next to it.
#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace robens::sweep {

struct FinishedProcess {
  std::size_t tag = 0;  // what the caller passed to launch()
  int exit_code = -1;   // exit status, or -1 if killed by a signal
  int signal = 0;       // the signal that killed it (0: exited)
  std::string out, err;
  double wall_seconds = 0;
};

class ProcessPool {
 public:
  // `executable` is run with `args` in folder `cwd`; `extra_env` (NAME=VALUE) is added to ours.
  ProcessPool(std::string executable, std::filesystem::path cwd, std::size_t slots,
              std::vector<std::string> extra_env = {});
  ~ProcessPool();  // kills and reaps whatever still runs
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;

  bool full() const { return running_.size() >= slots_; }
  bool empty() const { return running_.empty(); }
  std::size_t running() const { return running_.size(); }
  // `inherited_fd` (if >= 0) becomes the child's descriptor 3 (a job's lock, job_lock.hpp).
  void launch(std::size_t tag, const std::vector<std::string>& args, int inherited_fd = -1);
  // Waits at most `timeout_ms` for output or exits; returns the processes that finished.
  std::vector<FinishedProcess> wait(int timeout_ms);
  // Sends a signal to every running process (e.g. SIGINT to stop them early).
  void signal_all(int sig);

 private:
  struct Running {
    std::size_t tag;
    pid_t pid;
    int out_fd, err_fd;
    std::string out, err;
    std::chrono::steady_clock::time_point start;
  };
  std::string executable_;
  std::filesystem::path cwd_;
  std::size_t slots_;
  std::vector<std::string> env_;
  std::vector<Running> running_;
};

}  // namespace robens::sweep
