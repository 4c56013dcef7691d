#pragma once
// Trace file observer: one JSON object per line: {"type":"header", run info...}, then one
// {"type":"step", ...} per step (flushed at once, so an interrupted run keeps its trace), then
// {"type":"summary", solved, the step count, errors, min_errors, interrupted}.
#include <filesystem>
#include <fstream>
#include <string>

#include "robens/algorithms/observer.hpp"

namespace robens {

class TraceFile final : public Observer {
 public:
  explicit TraceFile(const std::filesystem::path& path);  // truncates; InputError if unwritable
  void on_start(const RunInfo& info) override;
  void on_step(const StepRecord& r) override;
  void on_finish(const RunSummary& s) override;

 private:
  void write(const nlohmann::json& line);
  std::ofstream out_;
  std::string path_;
};

}  // namespace robens
