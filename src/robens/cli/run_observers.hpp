#pragma once
// Observers the CLI attaches to a training run: the live progress line (terminals only) and
// stop signals (Ctrl-C, SIGTERM, SIGHUP: stop after the current step and keep the results).
// The trace file is a library observer (run/trace_file.hpp).
#include <chrono>
#include <string>

#include "robens/algorithms/observer.hpp"

namespace robens::cli {

class ProgressLine : public Observer {
 public:
  // Active only when standard error is a terminal (and not disabled).
  explicit ProgressLine(std::string unit, bool enabled = true);
  void on_step(const StepRecord& r) override;
  void on_finish(const RunSummary& s) override;

 private:
  std::string unit_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

// Installs SIGINT, SIGTERM and SIGHUP handlers for the lifetime of the object: the first signal
// stops the run after the current step (its results are kept and saved), a second one kills.
class InterruptHandler : public Observer {
 public:
  InterruptHandler();
  ~InterruptHandler() override;
  bool stop_requested() const override;
  int signal() const;  // the signal that asked to stop (0: none)
};

}  // namespace robens::cli
