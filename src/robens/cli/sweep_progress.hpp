#pragma once
// The one progress line of a sweep on standard error (terminals only): jobs done of total,
// jobs running, rate and estimated time left.
#include <chrono>
#include <cstddef>
#include <string>

namespace robens::cli {

class SweepProgress {
 public:
  // `already_done` jobs were finished by an earlier run (they do not count towards the rate).
  SweepProgress(std::string name, std::size_t total, std::size_t already_done, bool enabled);
  void update(std::size_t finished_now, std::size_t running);
  void clear();

 private:
  std::string name_;
  std::size_t total_, already_done_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace robens::cli
