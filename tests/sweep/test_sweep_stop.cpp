// A sweep that is stopped (SIGTERM) or killed (SIGKILL) stops its jobs, and a resumed sweep never
// runs a job while a process of the earlier sweep still runs it (sweep/job_lock.hpp).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/prctl.h>

#include <chrono>
#include <csignal>
#include <sstream>
#include <thread>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

using testing::job_ids;
using testing::listed_jobs;
using testing::read_lines;
using testing::run_cli;

using Clock = std::chrono::steady_clock;

// Orphans of the killed sweep are handed to this process, so the test can see them end.
class Subreaper {
 public:
  Subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 1); }
  ~Subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 0); }
  // Reaps every remaining child; false if some still run after `limit`.
  static bool all_gone_within(std::chrono::milliseconds limit) {
    const auto end = Clock::now() + limit;
    for (;;) {
      int status = 0;
      const pid_t pid = ::waitpid(-1, &status, WNOHANG);
      if (pid < 0 && errno == ECHILD) return true;
      if (pid == 0 && Clock::now() > end) return false;
      if (pid == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
};

// The processes whose parent is `parent` (from /proc/PID/stat: "pid (name) state ppid ...").
std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& e : std::filesystem::directory_iterator("/proc")) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = testing::slurp(e.path() / "stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    std::string state;
    long ppid = 0;
    if (rest >> state >> ppid && ppid == parent) out.push_back(std::stoi(name));
  }
  return out;
}

class SweepStop : public testing::SweepDir {
 protected:
  // Two jobs side by side, each tracing to traces/JOB.jsonl.
  void write_sweep(const std::string& max_epochs) {
    write("stop.json", R"({"name": "stop", "seeds": 2,
        "fixed": {"model": "perceptron", "N": 101, "alpha": 1.2, "algo": "sgd",
                  "max-epochs": )" +
                           max_epochs + R"(, "trace": "traces/{job}.jsonl"}})");
    for (const auto& [id, state] : listed_jobs(path("stop.json"))) ids.push_back(id);
    ASSERT_EQ(ids.size(), 2U);
  }
  std::string trace(const std::string& id) const { return path("traces/" + id + ".jsonl"); }
  // Waits until every job has written a few trace lines.
  void wait_until_running() const {
    for (int i = 0; i < 2000; ++i) {
      if (read_lines(trace(ids[0])).size() >= 3 && read_lines(trace(ids[1])).size() >= 3) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    FAIL() << "the jobs did not start";
  }
  // A job stopped by a signal ends its trace with an interrupted summary.
  void expect_stopped_trace(const std::string& id) const {
    const auto lines = read_lines(trace(id));
    ASSERT_FALSE(lines.empty());
    const auto last = nlohmann::json::parse(lines.back());
    EXPECT_EQ(last["type"], "summary") << lines.back();
    EXPECT_TRUE(last["interrupted"].get<bool>());
  }
  std::vector<std::string> ids;
};

TEST_F(SweepStop, SigtermStopsTheJobsAndTheRerunCompletes) {
  write_sweep("50000");  // about 0.6 s per job
  const Subreaper reaper;
  const pid_t sweep = testing::spawn_cli({"sweep", path("stop.json"), "--jobs", "2", "-q"});
  wait_until_running();
  ::kill(sweep, SIGTERM);
  EXPECT_EQ(testing::wait_exit_code(sweep), 128 + SIGTERM);
  EXPECT_TRUE(Subreaper::all_gone_within(std::chrono::milliseconds(0))) << "a job outlived it";
  for (const auto& id : ids) expect_stopped_trace(id);
  EXPECT_TRUE(read_lines(path("stop.results.jsonl")).empty()) << "a partial result was recorded";
  EXPECT_FALSE(std::filesystem::exists(path("stop.results.jsonl.locks")));

  const auto rerun = run_cli("sweep " + path("stop.json") + " --jobs 2");
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  const auto recorded = job_ids(path("stop.results.jsonl"));
  EXPECT_EQ(std::set<std::string>(recorded.begin(), recorded.end()),
            std::set<std::string>(ids.begin(), ids.end()));
  EXPECT_EQ(recorded.size(), 2U);
}

TEST_F(SweepStop, TheJobsOfAKilledSweepStopToo) {
  write_sweep("1e9");  // would run for hours
  const Subreaper reaper;
  const pid_t sweep = testing::spawn_cli({"sweep", path("stop.json"), "--jobs", "2", "-q"});
  wait_until_running();
  // Each job holds its lock: the locked file is its descriptor 3.
  const auto jobs = children_of(sweep);
  ASSERT_EQ(jobs.size(), 2U);
  for (const pid_t job : jobs) {
    const auto lock = std::filesystem::read_symlink("/proc/" + std::to_string(job) + "/fd/3");
    EXPECT_EQ(lock.parent_path(), dir / "stop.results.jsonl.locks") << lock;
    EXPECT_EQ(lock.extension(), ".lock") << lock;
  }
  ::kill(sweep, SIGKILL);
  EXPECT_EQ(testing::wait_exit_code(sweep), -SIGKILL);
  // Each job got SIGTERM when its sweep died, stopped after its step and saved its trace.
  EXPECT_TRUE(Subreaper::all_gone_within(std::chrono::milliseconds(1500))) << "a job runs on";
  for (const auto& id : ids) expect_stopped_trace(id);
}

TEST_F(SweepStop, AJobStillRunningFromAKilledSweepIsWaitedForNotRunTwice) {
  write_sweep("100");
  // A live process of an earlier sweep holds the lock of the first job.
  std::filesystem::create_directories(path("stop.results.jsonl.locks"));
  const std::string lock = path("stop.results.jsonl.locks/" + ids[0] + ".lock");
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  const pid_t sweep = testing::spawn_cli({"sweep", path("stop.json"), "--jobs", "2", "-q"});
  for (int i = 0; i < 2000 && read_lines(path("stop.results.jsonl")).empty(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // The second job ran; the first waits for the lock and has not even started its trace.
  EXPECT_EQ(job_ids(path("stop.results.jsonl")), std::vector<std::string>{ids[1]});
  EXPECT_FALSE(std::filesystem::exists(trace(ids[0])));
  ::close(fd);  // the earlier process ends
  EXPECT_EQ(testing::wait_exit_code(sweep), 0);
  EXPECT_EQ(job_ids(path("stop.results.jsonl")), (std::vector<std::string>{ids[1], ids[0]}));
  EXPECT_FALSE(std::filesystem::exists(path("stop.results.jsonl.locks")));
}

}  // namespace
}  // namespace robens
