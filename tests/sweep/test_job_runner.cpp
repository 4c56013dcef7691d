// The sweep job runner without the CLI: records through RunHooks::on_record, failed jobs as
// data through RunHooks::on_failure (the library prints nothing), a rejected job as the error.
#include <gtest/gtest.h>

#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/job_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;

class JobRunner : public testing::ScratchDirTest {
 protected:
  sweep::Experiment experiment(const std::string& text) const {
    return sweep::parse_sweep_experiment(json::parse(text), dir / "e.json");
  }
  static std::vector<const sweep::Job*> pointers(const std::vector<sweep::Job>& jobs) {
    std::vector<const sweep::Job*> out;
    for (const auto& job : jobs) out.push_back(&job);
    return out;
  }
};

constexpr const char* kTwoJobs =
    R"({"name": "two", "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3},
        "variants": [{"name": "v", "options": {"y": 3}}], "seeds": 2})";

TEST_F(JobRunner, FinishedJobsBecomeRecords) {
  const auto e = experiment(kTwoJobs);
  const auto jobs = sweep::expand_sweep(e);
  std::vector<json> records;
  std::size_t failures = 0;
  const auto outcome =
      sweep::run_sweep_jobs(e, pointers(jobs), {ROBENS_CLI_PATH, 2, {"OMP_NUM_THREADS=1"}},
                            {[&](const json& r) { records.push_back(r); },
                             [&](const sweep::JobFailure&) { ++failures; },
                             {},
                             {}});
  EXPECT_EQ(outcome.finished, 2U);
  EXPECT_EQ(outcome.failed, 0U);
  EXPECT_EQ(failures, 0U);
  EXPECT_FALSE(outcome.interrupted);
  EXPECT_EQ(outcome.error, "");
  ASSERT_EQ(records.size(), 2U);
  std::set<std::string> ids;
  for (const auto& r : records) {
    ids.insert(r["job"].get<std::string>());
    EXPECT_EQ(r["experiment"], "two");
    EXPECT_EQ(r["variant"], "v");
    EXPECT_EQ(r["result"]["seed"], r["seed"]);
    EXPECT_TRUE(r["result"]["solved"].is_boolean());
    EXPECT_TRUE(r["wall_seconds"].is_number());
    EXPECT_TRUE(r.contains("version"));
  }
  EXPECT_EQ(ids, (std::set<std::string>{jobs[0].id, jobs[1].id}));
}

TEST_F(JobRunner, CrashedJobsAreReportedAsFailuresNotPrinted) {
  const auto e = experiment(kTwoJobs);
  const auto jobs = sweep::expand_sweep(e);
  std::vector<sweep::JobFailure> failures;
  ::testing::internal::CaptureStderr();
  const auto outcome =
      sweep::run_sweep_jobs(e, pointers(jobs), {"/bin/false", 1, {}},
                            {[](const json&) { ADD_FAILURE() << "no record expected"; },
                             [&](const sweep::JobFailure& f) { failures.push_back(f); },
                             {},
                             {}});
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(outcome.finished, 0U);
  EXPECT_EQ(outcome.failed, 2U);
  EXPECT_EQ(outcome.error, "");
  ASSERT_EQ(failures.size(), 2U);
  EXPECT_EQ(failures[0].job_id, jobs[0].id);
  EXPECT_EQ(failures[0].command_line,
            "train --N 21 --alpha 0.3 --model perceptron --y 3 --seed 1 --json --quiet");
  EXPECT_EQ(failures[0].reason, "exit status 1");
  EXPECT_EQ(failures[0].message, "(no message)");
}

TEST_F(JobRunner, AJobRejectedByTrainStopsLaunchingWithItsMessage) {
  // The description is valid but the pattern file does not exist: train exits 2; with one slot
  // the second job never starts.
  const auto e = experiment(R"({"fixed": {"model": "perceptron", "algo": "rsgd",
                                "patterns": "missing.txt"}, "seeds": 3})");
  const auto jobs = sweep::expand_sweep(e);
  std::size_t records = 0;
  const auto outcome = sweep::run_sweep_jobs(e, pointers(jobs), {ROBENS_CLI_PATH, 1, {}},
                                             {[&](const json&) { ++records; }, {}, {}, {}});
  EXPECT_EQ(records, 0U);
  EXPECT_EQ(outcome.error.rfind("job " + jobs[0].id + " (train --algo rsgd", 0), 0U)
      << outcome.error;
  EXPECT_NE(outcome.error.find("missing.txt: no such file"), std::string::npos) << outcome.error;
}

TEST(JobRecord, HoldsTheJobAndTheResult) {
  sweep::Experiment e;
  e.name = "exp";
  sweep::Job job;
  job.id = "0123456789abcdef";
  job.point = {{"N", 21}};
  job.seed = 4;
  job.args = {"train", "--N", "21", "--seed", "4", "--json", "--quiet"};
  const json result = {{"solved", true}};
  json r = sweep::make_sweep_record(e, job, result, 0.5);
  EXPECT_FALSE(r.contains("variant"));  // no variants: no key
  EXPECT_TRUE(r["version"].is_string());
  r.erase("version");
  EXPECT_EQ(r, json::parse(R"({"job": "0123456789abcdef", "experiment": "exp",
                              "point": {"N": 21}, "seed": 4,
                              "argv": ["train", "--N", "21", "--seed", "4", "--json", "--quiet"],
                              "result": {"solved": true}, "wall_seconds": 0.5})"));
  job.variant = "v";
  EXPECT_EQ(sweep::make_sweep_record(e, job, result, 0.5)["variant"], "v");
}

}  // namespace
}  // namespace robens
