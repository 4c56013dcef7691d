// A training run stopped by a signal (Ctrl-C, a batch scheduler's SIGTERM, a closed session's
// SIGHUP) keeps its results: the trace and the saved networks are written and valid, and the exit
// status says which signal (128 + signal).
#include <gtest/gtest.h>

#include <csignal>
#include <nlohmann/json.hpp>
#include <thread>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

class TrainSignals : public testing::SweepDir {};

TEST_F(TrainSignals, EveryStopSignalSavesTheResultsSoFar) {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    SCOPED_TRACE(sig);
    const std::string trace = path("trace.jsonl"), saved = path("net.json");
    std::filesystem::remove(trace);
    std::filesystem::remove(saved);
    // Over capacity: never solved, runs until stopped.
    const pid_t pid =
        testing::spawn_cli({"train", "--model", "perceptron", "--N", "201", "--alpha", "1.2",
                            "--max-epochs", "1e9", "--trace", trace, "--save", saved, "--quiet"});
    for (int i = 0; i < 2000 && testing::read_lines(trace).size() < 5; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_GE(testing::read_lines(trace).size(), 5U) << "the run did not start";
    ::kill(pid, sig);
    EXPECT_EQ(testing::wait_exit_code(pid), 128 + sig);
    const auto lines = testing::read_lines(trace);
    const auto last = nlohmann::json::parse(lines.back());
    EXPECT_EQ(last["type"], "summary");
    EXPECT_TRUE(last["interrupted"].get<bool>());
    const auto file = nlohmann::json::parse(testing::slurp(saved));
    EXPECT_TRUE(file["interrupted"].get<bool>());
    EXPECT_EQ(file["epochs"], last["epochs"]);
    EXPECT_EQ(file["replicas"].size(), 7U);
  }
}

}  // namespace
}  // namespace robens
