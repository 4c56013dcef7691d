#include "robens/run/trace_file.hpp"

#include "robens/core/error.hpp"

namespace robens {

TraceFile::TraceFile(const std::filesystem::path& path)
    : out_(path, std::ios::trunc), path_(path.string()) {
  require(out_.good(), "{}: cannot open the trace file for writing", path_);
}

void TraceFile::write(const nlohmann::json& line) {
  out_ << line.dump() << '\n' << std::flush;
  require(out_.good(), "{}: cannot write the trace", path_);
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
}

}  // namespace robens
