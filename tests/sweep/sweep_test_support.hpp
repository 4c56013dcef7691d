#pragma once
// Helpers for the sweep and report tests: a per-test temporary folder, results-file reading with
// the timing fields removed, and starting robens in the background (to interrupt it).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens::testing {

using SweepDir = ScratchDirTest;

inline std::vector<std::string> read_lines(const std::string& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Every record with its timing fields removed, as canonical text; the order of lines (which
// depends on parallelism) does not matter, so they are returned as a multiset.
inline std::multiset<std::string> records_without_timing(const std::string& file) {
  std::multiset<std::string> out;
  for (const auto& line : read_lines(file)) {
    auto r = nlohmann::json::parse(line);
    r.erase("wall_seconds");
    r["result"].erase("seconds");
    out.insert(r.dump());
  }
  return out;
}

inline std::vector<std::string> job_ids(const std::string& file) {
  std::vector<std::string> ids;
  for (const auto& line : read_lines(file))
    ids.push_back(nlohmann::json::parse(line)["job"].get<std::string>());
  return ids;
}

// `robens sweep FILE --list` → job id → "done" | "pending".
inline std::map<std::string, std::string> listed_jobs(const std::string& args) {
  const auto r = run_cli("sweep " + args + " --list");
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> jobs;
  std::istringstream in(r.out);
  std::string id, state, rest;
  while (in >> id >> state && std::getline(in, rest)) jobs[id] = state;
  return jobs;
}

// Starts robens with `args` in the background (output discarded); returns its pid.
inline pid_t spawn_cli(const std::vector<std::string>& args) {
  std::vector<std::string> all = {ROBENS_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, all[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(rc, 0);
  return pid;
}

inline int wait_exit_code(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace robens::testing
