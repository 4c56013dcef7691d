#pragma once
// Observers the CLI attaches to a training run: the live progress line (terminals only) and
// Ctrl-C handling (first Ctrl-C: stop after the current step and keep the results; second: exit
// at once). The trace file is a library observer (run/trace_file.hpp).
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

// Installs a SIGINT handler for the lifetime of the object.
class InterruptHandler : public Observer {
 public:
  InterruptHandler();
  ~InterruptHandler() override;
  bool stop_requested() const override;
};

}  // namespace robens::cli
