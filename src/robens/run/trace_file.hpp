#pragma once
// Trace file observer: one JSON object per line: {"type":"header", run info...}, then one
// {"type":"step", ...} per step (flushed at once, so an interrupted run keeps its trace), then
// {"type":"summary", solved, the step count, errors, min_errors, interrupted}. Every line is
// one checked write (io/output_stream.hpp): a full disk stops the run with an InputError naming
// the file, never a trace cut mid-line without a word.
#include <filesystem>
#include <string>

#include "robens/algorithms/observer.hpp"
#include "robens/io/output_stream.hpp"

namespace robens {

class TraceFile final : public Observer {
 public:
  explicit TraceFile(const std::filesystem::path& path);  // truncates; InputError if unwritable
  void on_start(const RunInfo& info) override;
  void on_step(const StepRecord& r) override;
  void on_finish(const RunSummary& s) override;

 private:
  void write(const nlohmann::json& line);
  OutputStream out_;
};

}  // namespace robens
