// robens sweep interrupted (kill -9, Ctrl-C, torn last line) and rerun: no job lost or duplicated.
#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

using testing::job_ids;
using testing::listed_jobs;
using testing::read_lines;
using testing::run_cli;
using testing::slurp;

// 60 jobs of ~40 ms (SGD that never solves alpha = 0.9 in 5000 epochs): long enough to be
// interrupted in the middle.
constexpr const char* kSlow = R"({
  "name": "slow",
  "fixed": {"model": "perceptron", "N": 101, "alpha": 0.9, "algo": "sgd", "max-epochs": 5000},
  "grid": {"batch": [10, 20, 40]},
  "seeds": 20
})";

class SweepResume : public testing::SweepDir {
 protected:
  // Starts the slow sweep in the background and waits until at least `records` are written.
  pid_t start_and_wait_for(std::size_t records) {
    write("slow.json", kSlow);
    const pid_t pid = testing::spawn_cli({"sweep", path("slow.json"), "--jobs", "2", "-q"});
    for (int i = 0; i < 2000 && read_lines(path("slow.results.jsonl")).size() < records; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return pid;
  }
  // After a rerun: every job exactly once, every line a record.
  void expect_complete() {
    const auto rerun = run_cli("sweep " + path("slow.json") + " --jobs 2");
    ASSERT_EQ(rerun.status, 0) << rerun.err;
    const auto ids = job_ids(path("slow.results.jsonl"));
    const std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(ids.size(), unique.size()) << "a job was recorded twice";
    std::set<std::string> expected;
    for (const auto& [id, state] : listed_jobs(path("slow.json"))) {
      expected.insert(id);
      EXPECT_EQ(state, "done");
    }
    EXPECT_EQ(unique, expected);
  }
};

TEST_F(SweepResume, KilledMidRunCompletesWithNoJobLostOrDuplicated) {
  const pid_t pid = start_and_wait_for(3);
  ::kill(pid, SIGKILL);
  EXPECT_EQ(testing::wait_exit_code(pid), -SIGKILL);
  const auto partial = read_lines(path("slow.results.jsonl"));
  ASSERT_GE(partial.size(), 3U);
  ASSERT_LT(partial.size(), 60U) << "the sweep finished before it was killed: nothing tested";
  for (const auto& line : partial)
    EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << line;
  expect_complete();
}

TEST_F(SweepResume, CtrlCStopsWithStatus130AndTheRerunResumes) {
  const pid_t pid = start_and_wait_for(3);
  ::kill(pid, SIGINT);
  EXPECT_EQ(testing::wait_exit_code(pid), 130);
  const auto partial = read_lines(path("slow.results.jsonl"));
  ASSERT_LT(partial.size(), 60U) << "the sweep finished before Ctrl-C: nothing tested";
  for (const auto& line : partial) {
    const auto r = nlohmann::json::parse(line);  // whole records only
    EXPECT_FALSE(r["result"]["interrupted"].get<bool>());
  }
  expect_complete();
}

TEST_F(SweepResume, TornLastLineIsCutOffAndItsJobRunsAgain) {
  write("slow.json", R"({"name": "slow", "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3},
                         "seeds": 4})");
  ASSERT_EQ(run_cli("sweep " + path("slow.json") + " -q").status, 0);
  const std::string full = slurp(path("slow.results.jsonl"));
  // Power loss in the middle of writing the last record.
  std::ofstream(path("slow.results.jsonl"), std::ios::trunc) << full.substr(0, full.size() - 40);
  const auto rerun = run_cli("sweep " + path("slow.json"));
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("removed a torn last line"), std::string::npos) << rerun.err;
  EXPECT_NE(rerun.err.find("1 jobs run, 3 already done"), std::string::npos) << rerun.err;
  expect_complete();
}

TEST_F(SweepResume, WholeLastRecordWithoutNewlineIsKept) {
  write("slow.json", R"({"name": "slow", "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3},
                         "seeds": 3})");
  ASSERT_EQ(run_cli("sweep " + path("slow.json") + " -q").status, 0);
  std::string full = slurp(path("slow.results.jsonl"));
  full.pop_back();  // lose only the final newline
  std::ofstream(path("slow.results.jsonl"), std::ios::trunc) << full;
  const auto rerun = run_cli("sweep " + path("slow.json"));
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("0 jobs run, 3 already done"), std::string::npos) << rerun.err;
  EXPECT_EQ(slurp(path("slow.results.jsonl")), full + "\n");
}

}  // namespace
}  // namespace robens
