#include "robens/cli/run_observers.hpp"

#include <unistd.h>

#include <csignal>

#include <fmt/format.h>

#include "robens/core/error.hpp"

namespace robens::cli {

ProgressLine::ProgressLine(std::string unit, bool enabled)
    : unit_(std::move(unit)), active_(enabled && isatty(fileno(stderr)) != 0),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressLine::on_step(const StepRecord& r) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  std::string extra;
  if (r.data.contains("gamma")) extra += fmt::format("  gamma {:.4g}", r.data["gamma"].get<double>());
  if (r.data.contains("beta")) extra += fmt::format("  beta {:.4g}", r.data["beta"].get<double>());
  fmt::print(stderr, "\r\x1b[K{} {}  errors {}  best {}{}  {:.1f} s", unit_, r.step, r.errors, r.best_errors, extra,
             std::chrono::duration<double>(now - start_).count());
  std::fflush(stderr);
}

void ProgressLine::on_finish(const TrainResult&) {
  if (active_ && drawn_) fmt::print(stderr, "\r\x1b[K");
}

TraceWriter::TraceWriter(const std::string& path) : out_(path, std::ios::trunc), path_(path) {
  require(out_.good(), "{}: cannot open the trace file for writing", path);
}

void TraceWriter::on_start(const nlohmann::json& run_info) {
  nlohmann::json j = run_info;
  j["type"] = "header";
  out_ << j.dump() << '\n' << std::flush;
}

void TraceWriter::on_step(const StepRecord& r) {
  nlohmann::json j = r.data;
  j["type"] = "step";
  out_ << j.dump() << '\n' << std::flush;
}

void TraceWriter::on_finish(const TrainResult& r) {
  nlohmann::json j = {{"type", "summary"}, {"solved", r.solved},         {r.step_unit, r.steps},
                      {"errors", r.errors}, {"min_errors", r.min_errors}, {"interrupted", r.interrupted}};
  out_ << j.dump() << '\n' << std::flush;
}

namespace {
volatile std::sig_atomic_t g_interrupted = 0;
extern "C" void on_sigint(int) {
  if (g_interrupted) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  g_interrupted = 1;
}
}  // namespace

InterruptHandler::InterruptHandler() {
  g_interrupted = 0;
  std::signal(SIGINT, on_sigint);
}
InterruptHandler::~InterruptHandler() { std::signal(SIGINT, SIG_DFL); }
bool InterruptHandler::stop_requested() const { return g_interrupted != 0; }

}  // namespace robens::cli
