#include "robens/run/trace_file.hpp"

namespace robens {

TraceFile::TraceFile(const std::filesystem::path& path)
    : out_(path, OutputStream::Mode::truncate, "the trace") {}

void TraceFile::write(const nlohmann::json& line) {
  out_.write(line.dump() + '\n');
}

void TraceFile::on_start(const RunInfo& info) {
  nlohmann::json j = info.to_json();
  j["type"] = "header";
  write(j);
}

void TraceFile::on_step(const StepRecord& r) {
  nlohmann::json j = r.to_json();
  j["type"] = "step";
  write(j);
}

void TraceFile::on_finish(const RunSummary& s) {
  const auto& r = s.result;
  write({{"type", "summary"},
         {"solved", r.solved},
         {r.step_unit, r.steps},
         {"errors", r.errors},
         {"min_errors", r.min_errors},
         {"interrupted", r.interrupted},
         {"seconds", s.seconds}});
  out_.close();
}

}  // namespace robens
