#pragma once
// Observers the CLI attaches to a training run: the live progress line (terminals only), the
// JSON-lines trace file, and Ctrl-C handling (first Ctrl-C: stop after the current step and keep
// the results; second: exit at once).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "robens/algorithms/observer.hpp"

namespace robens::cli {

class ProgressLine : public Observer {
 public:
  // Active only when standard error is a terminal (and not disabled).
  explicit ProgressLine(std::string unit, bool enabled = true);
  void on_step(const StepRecord& r) override;
  void on_finish(const TrainResult& r) override;

 private:
  std::string unit_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// Trace file: one JSON object per line: {"type":"header",...run info}, then one
// {"type":"step",...} per step (flushed at once, so an interrupted run keeps its trace), then
// {"type":"summary",...}.
class TraceWriter : public Observer {
 public:
  explicit TraceWriter(const std::string& path);
  void on_start(const nlohmann::json& run_info) override;
  void on_step(const StepRecord& r) override;
  void on_finish(const TrainResult& r) override;

 private:
  std::ofstream out_;
  std::string path_;
};

// Installs a SIGINT handler for the lifetime of the object.
class InterruptHandler : public Observer {
 public:
  InterruptHandler();
  ~InterruptHandler() override;
  bool stop_requested() const override;
};

}  // namespace robens::cli
