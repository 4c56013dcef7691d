#include <gtest/gtest.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using testing::last_line;
using testing::run_cli;
using testing::slurp;

class CliFiles : public testing::ScratchDirTest {};

TEST(Cli, JsonSummaryHasTheContractKeys) {
  const auto r = run_cli("train --N 31 --K 3 --alpha 0.3 --y 3 --batch 5 --seed 3 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(last_line(r.out));
  for (const char* key :
       {"solved", "epochs", "errors", "min_errors", "seconds", "seed", "version", "params"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["seed"], 3);
  EXPECT_EQ(j["params"]["y"], 3);
  EXPECT_EQ(j["params"]["N"], 31);
  EXPECT_EQ(j["params"]["M"], 28);  // round-half-even(0.3 * 93) = 28
  EXPECT_TRUE(j["solved"].get<bool>());
}

TEST(Cli, HelpTeachesEveryOptionWithDefaults) {
  const auto r = run_cli("train --help");
  EXPECT_EQ(r.status, 0);
  for (const char* s :
       {"--model",   "--arch",   "--N",           "--K",      "--alpha",      "--patterns",
        "--seed",    "--y",      "--batch",       "--lambda", "--gamma",      "--gamma-step",
        "--formula", "--center", "--wait-center", "--eta",    "--max-epochs", "--trace",
        "--save",    "--json",   "321",           "0.75"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  EXPECT_EQ(run_cli("--help").status, 0);
  EXPECT_EQ(run_cli("train --algo sgd --help").status, 0);
}

TEST(Cli, CountsAcceptScientificNotation) {
  const auto r = run_cli(
      "train --model perceptron --N 31 --alpha 0.3 --algo rsa --max-iterations 2e3 --json --quiet");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(last_line(r.out))["params"]["max_iterations"], 2000);
  EXPECT_EQ(run_cli("train --max-epochs 1e1 --N 31 --K 3 --json --quiet").status, 0);
  for (const char* bad : {"1.5", "1e-3", "1e30", "abc"})
    EXPECT_EQ(run_cli(std::string("train --algo rsa --max-iterations ") + bad).status, 2) << bad;
}

TEST_F(CliFiles, GenerateTrainSaveEvalRoundTrip) {
  ASSERT_EQ(run_cli("generate --N 41 --K 3 --alpha 0.3 --seed 5 --out " + path("p.txt")).status, 0);
  ASSERT_EQ(run_cli("generate --N 41 --K 3 --alpha 0.3 --seed 5 --out " + path("p.rbp")).status, 0);
  const auto train = run_cli("train --patterns " + path("p.rbp") +
                             " --K 3 --y 3 --batch 5 --seed 1 --json --save " + path("net.json") +
                             " --trace " + path("trace.jsonl"));
  ASSERT_EQ(train.status, 0) << train.err;
  const auto summary = nlohmann::json::parse(last_line(train.out));
  ASSERT_TRUE(summary["solved"].get<bool>());
  // The recorded N is the file's (41), not the option's default (321).
  EXPECT_EQ(summary["params"]["N"], 41);
  EXPECT_EQ(summary["params"]["inputs"], 41);
  const auto eval = run_cli("eval " + path("net.json") + " " + path("p.txt") + " --json");
  ASSERT_EQ(eval.status, 0) << eval.err;
  const auto e = nlohmann::json::parse(last_line(eval.out));
  EXPECT_EQ(e["center"]["errors"], 0);
  EXPECT_EQ(e["center"]["min_flip_energy"], 0);
  // Trace: a header with version/seed/params, one line per epoch, then the summary.
  std::ifstream trace(path("trace.jsonl"));
  std::string line;
  std::vector<nlohmann::json> lines;
  while (std::getline(trace, line)) lines.push_back(nlohmann::json::parse(line));
  ASSERT_GE(lines.size(), 3U);
  EXPECT_EQ(lines.front()["type"], "header");
  EXPECT_TRUE(lines.front().contains("version"));
  EXPECT_EQ(lines.front()["params"]["seed"], 1);
  EXPECT_EQ(lines.back()["type"], "summary");
  EXPECT_EQ(static_cast<long>(lines.size()) - 2, summary["epochs"].get<long>());
}

TEST_F(CliFiles, RsaStartsFromASavedRun) {
  ASSERT_EQ(
      run_cli("generate --model perceptron --N 101 --alpha 0.3 --seed 2 --out " + path("p.txt"))
          .status,
      0);
  const std::string common = "train --patterns " + path("p.txt") +
                             " --model perceptron --algo rsa --y 3 --seed 4 --json --quiet";
  const auto first = run_cli(common + " --save " + path("first.json"));
  ASSERT_EQ(first.status, 0) << first.err;
  // Every replica starts from the saved answer, a solution: solved at iteration 0.
  const auto from_center =
      run_cli(common + " --init-from " + path("first.json") + " --init-which center");
  ASSERT_EQ(from_center.status, 0) << from_center.err;
  const auto j = nlohmann::json::parse(last_line(from_center.out));
  EXPECT_TRUE(j["solved"].get<bool>());
  EXPECT_EQ(j["iterations"], 0);
  EXPECT_EQ(j["params"]["init_from"]["which"], "center");
  EXPECT_EQ(j["params"]["init_from"]["source"], path("first.json"));
  // The file holds y = 3 replicas; asking for 5 of them is a clear error, not a silent fallback.
  const auto wrong = run_cli("train --patterns " + path("p.txt") +
                             " --model perceptron --algo rsa --y 5 --init-from " +
                             path("first.json") + " --init-which replicas");
  EXPECT_EQ(wrong.status, 2);
  EXPECT_NE(wrong.err.find("exactly y = 5 replicas"), std::string::npos) << wrong.err;
  // Continuing a budget-limited run: replicas, beta and gamma come from its file.
  const auto limited = run_cli(common + " --max-iterations 3000 --save " + path("limited.json"));
  ASSERT_EQ(limited.status, 0) << limited.err;
  const auto saved = nlohmann::json::parse(slurp(path("limited.json")));
  ASSERT_GT(saved["extra"]["final_beta"].get<double>(), 0.5);  // the schedule moved
  const auto resumed = run_cli(common + " --max-iterations 3000 --init-from " +
                               path("limited.json") + " --init-which replicas --init-schedule");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  const auto rj = nlohmann::json::parse(last_line(resumed.out));
  EXPECT_EQ(rj["params"]["init_from"]["schedule"]["beta"], saved["extra"]["final_beta"]);
  EXPECT_EQ(rj["params"]["init_from"]["schedule"]["gamma"], saved["extra"]["final_gamma"]);
  EXPECT_EQ(rj["params"]["init_from"]["which"], "replicas");
  // The schedule continues from the saved values: the first stage starts at the saved beta.
  EXPECT_GE(rj["final_beta"].get<double>(), saved["extra"]["final_beta"].get<double>());
  EXPECT_EQ(run_cli(common + " --init-schedule").status, 2);  // needs --init-from
  const auto other_shape =
      run_cli("train --model perceptron --N 103 --alpha 0.3 --algo rsa --y 3 --init-from " +
              path("first.json"));
  EXPECT_EQ(other_shape.status, 2);
  EXPECT_NE(other_shape.err.find("does not match"), std::string::npos) << other_shape.err;
}

// The same seed gives the same trace, line for line, apart from the wall-clock "seconds".
TEST_F(CliFiles, SameSeedSameTraceFile) {
  const std::string args =
      "train --N 31 --K 3 --alpha 0.5 --y 3 --batch 7 --max-epochs 30 --seed 9 --trace ";
  ASSERT_EQ(run_cli(args + path("a.jsonl")).status, 0);
  ASSERT_EQ(run_cli(args + path("b.jsonl")).status, 0);
  auto lines_without_time = [](const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      j.erase("seconds");
      lines.push_back(j);
    }
    return lines;
  };
  const auto a = lines_without_time(testing::slurp(path("a.jsonl")));
  EXPECT_EQ(a.size(), 32U);  // header, 30 epochs, summary
  EXPECT_EQ(a, lines_without_time(testing::slurp(path("b.jsonl"))));
}

// Bad inputs: tests/cli/test_bad_inputs.cpp (one table row per case).

}  // namespace
}  // namespace robens
