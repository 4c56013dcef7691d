#include "robens/cli/run_observers.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>

#include "robens/core/error.hpp"

namespace robens::cli {

ProgressLine::ProgressLine(std::string unit, bool enabled)
    : unit_(std::move(unit)),
      active_(enabled && isatty(fileno(stderr)) != 0),
      last_(std::chrono::steady_clock::now()) {}

void ProgressLine::on_step(const StepRecord& r) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  std::string extra;
  for (const char* key : {"gamma", "beta"}) {
    if (!r.data.contains(key)) continue;
    const auto& v = r.data[key];  // fBP writes an infinite gamma as "Inf"
    extra += v.is_number()
                 ? fmt::format("  {} {:.4g}", key, v.get<double>())
                 : fmt::format("  {} {}", key, v.is_string() ? v.get<std::string>() : v.dump());
  }
  fmt::print(stderr, "\r\x1b[K{} {}  errors {}  best {}{}  {:.1f} s", unit_, r.step, r.errors,
             r.best_errors, extra, r.seconds);
  std::fflush(stderr);
}

void ProgressLine::on_finish(const RunSummary&) {
  if (active_ && drawn_) fmt::print(stderr, "\r\x1b[K");
}

namespace {
// The stop signals of a terminal (Ctrl-C), a batch scheduler (SIGTERM) and a closed session
// (SIGHUP): the first asks the run to stop after the current step and keep its results; a second
// one ends the process at once with the default action.
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
volatile std::sig_atomic_t g_stop_signal = 0;
extern "C" void on_train_stop_signal(int sig) {
  if (g_stop_signal != 0) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
  g_stop_signal = sig;
}
}  // namespace

InterruptHandler::InterruptHandler() {
  g_stop_signal = 0;
  for (int sig : kStopSignals) {
    // An ignored SIGHUP (nohup, or a sweep started under nohup) stays ignored.
    if (std::signal(sig, on_train_stop_signal) == SIG_IGN && sig == SIGHUP)
      std::signal(sig, SIG_IGN);
  }
}
InterruptHandler::~InterruptHandler() {
  for (int sig : kStopSignals)
    if (std::signal(sig, SIG_DFL) == SIG_IGN) std::signal(sig, SIG_IGN);
}
bool InterruptHandler::stop_requested() const {
  return g_stop_signal != 0;
}
int InterruptHandler::signal() const {
  return g_stop_signal;
}

}  // namespace robens::cli
