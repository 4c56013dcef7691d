#include "robens/cli/sweep_progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace robens::cli {
namespace {

std::string clock_time(double seconds) {
  const auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s / 60) % 60);
  return fmt::format("{}m{:02}s", s / 60, s % 60);
}

}  // namespace

SweepProgress::SweepProgress(std::string name, std::size_t total, std::size_t already_done,
                             bool enabled)
    : name_(std::move(name)),
      total_(total),
      already_done_(already_done),
      active_(enabled && isatty(fileno(stderr)) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void SweepProgress::update(std::size_t finished_now, std::size_t running) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const std::size_t done = already_done_ + finished_now;
  std::string rate = "rate -", eta = "left -";
  if (finished_now > 0 && elapsed > 0) {
    const double per_second = static_cast<double>(finished_now) / elapsed;
    rate = per_second >= 1 ? fmt::format("{:.1f} jobs/s", per_second)
                           : fmt::format("{:.1f} jobs/min", 60 * per_second);
    eta = "left " + clock_time(static_cast<double>(total_ - done) / per_second);
  }
  fmt::print(stderr, "\r\x1b[Ksweep {}: {}/{} jobs  {} running  {}  {}  {}", name_, done, total_,
             running, rate, eta, clock_time(elapsed));
  std::fflush(stderr);
}

void SweepProgress::clear() {
  if (active_ && drawn_) fmt::print(stderr, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace robens::cli
