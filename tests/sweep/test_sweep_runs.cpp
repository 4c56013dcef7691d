// robens sweep end to end: records independent of --jobs and of MPI, resume, job identity.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

using testing::listed_jobs;
using testing::read_lines;
using testing::records_without_timing;
using testing::run_cli;
using testing::slurp;

// 2 variants × 2 N × 2 alpha × 3 seeds = 24 jobs of a few milliseconds each.
constexpr const char* kTiny = R"({
  "name": "tiny",
  "fixed": {"model": "perceptron"},
  "grid": {"N": [21, 31], "alpha": [0.3, 0.6]},
  "variants": [{"name": "rsgd", "options": {"algo": "rsgd", "y": 3, "max-epochs": 300}},
               {"name": "sgd", "options": {"algo": "sgd", "max-epochs": 300}}],
  "seeds": 3
})";

class SweepRuns : public testing::SweepDir {};

TEST_F(SweepRuns, SameRecordsWithOneAndTwoJobs) {
  write("tiny.json", kTiny);
  const auto one = run_cli("sweep " + path("tiny.json") + " --jobs 1 -q -o " + path("one.jsonl"));
  ASSERT_EQ(one.status, 0) << one.err;
  const auto two = run_cli("sweep " + path("tiny.json") + " --jobs 2 -q -o " + path("two.jsonl"));
  ASSERT_EQ(two.status, 0) << two.err;
  const auto a = records_without_timing(path("one.jsonl"));
  ASSERT_EQ(a.size(), 24U);
  EXPECT_EQ(a, records_without_timing(path("two.jsonl")));

  // Every record: the job's own seed reached train, the same seeds for every grid point.
  std::map<std::string, std::set<std::uint64_t>> seeds_of_point;
  std::set<std::string> ids;
  for (const auto& line : read_lines(path("one.jsonl"))) {
    const auto r = nlohmann::json::parse(line);
    ids.insert(r["job"].get<std::string>());
    EXPECT_EQ(r["result"]["seed"], r["seed"]);
    EXPECT_EQ(r["result"]["params"]["N"], r["point"]["N"]);
    EXPECT_EQ(r["result"]["params"]["alpha"], r["point"]["alpha"]);
    // (train --algo sgd reports itself as rsgd with y = 1, so check the job's arguments.)
    const auto argv = r["argv"].get<std::vector<std::string>>();
    const auto algo = std::find(argv.begin(), argv.end(), "--algo");
    ASSERT_NE(algo, argv.end());
    EXPECT_EQ(*(algo + 1), r["variant"].get<std::string>());
    EXPECT_TRUE(r.contains("version"));
    EXPECT_TRUE(r["wall_seconds"].is_number());
    seeds_of_point[r["variant"].get<std::string>() + r["point"].dump()].insert(
        r["seed"].get<std::uint64_t>());
  }
  EXPECT_EQ(ids.size(), 24U);
  EXPECT_EQ(seeds_of_point.size(), 8U);
  for (const auto& [point, seeds] : seeds_of_point)
    EXPECT_EQ(seeds, (std::set<std::uint64_t>{1, 2, 3})) << point;
}

TEST_F(SweepRuns, SameRecordsOverMpiOnTwoRanks) {
#ifndef ROBENS_TESTS_MPIEXEC
  GTEST_SKIP()
      << "robens was built without MPI (install libopenmpi-dev openmpi-bin and reconfigure)";
#else
  write("tiny.json", kTiny);
  ASSERT_EQ(run_cli("sweep " + path("tiny.json") + " --jobs 1 -q -o " + path("one.jsonl")).status,
            0);
  const std::string cmd = std::string(ROBENS_TESTS_MPIEXEC) +
                          " --oversubscribe --allow-run-as-root -n 2 " + ROBENS_CLI_PATH +
                          " sweep " + path("tiny.json") + " -q -o " + path("mpi.jsonl") + " >" +
                          path("mpi.out") + " 2>&1";
  const int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << slurp(path("mpi.out"));
  EXPECT_EQ(records_without_timing(path("mpi.jsonl")), records_without_timing(path("one.jsonl")));
#endif
}

TEST_F(SweepRuns, RerunSkipsFinishedJobs) {
  write("tiny.json", kTiny);
  ASSERT_EQ(run_cli("sweep " + path("tiny.json") + " --jobs 2").status, 0);
  // Default output: NAME.results.jsonl next to the description.
  const std::string before = slurp(path("tiny.results.jsonl"));
  ASSERT_EQ(read_lines(path("tiny.results.jsonl")).size(), 24U);
  const auto again = run_cli("sweep " + path("tiny.json") + " --jobs 2");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("0 jobs run, 24 already done"), std::string::npos) << again.err;
  EXPECT_EQ(slurp(path("tiny.results.jsonl")), before);
}

TEST_F(SweepRuns, JobIdsDoNotDependOnKeyOrderOrOnOtherGridValues) {
  write("a.json", R"({"name": "x", "fixed": {"model": "perceptron", "N": 21},
                      "grid": {"alpha": [0.3, 0.6], "y": [3, 5]}, "seeds": 2})");
  // Same jobs and one more alpha, keys in another order and another name.
  write("b.json", R"({"seeds": {"first": 1, "count": 2}, "name": "other",
                      "grid": {"y": [5, 3], "alpha": [0.6, 0.45, 0.3]},
                      "fixed": {"N": 21, "model": "perceptron"}})");
  const auto a = listed_jobs(path("a.json"));
  const auto b = listed_jobs(path("b.json"));
  ASSERT_EQ(a.size(), 8U);
  ASSERT_EQ(b.size(), 12U);
  for (const auto& [id, state] : a) {
    EXPECT_TRUE(b.contains(id)) << id;
    EXPECT_EQ(state, "pending");
  }
  // After running a, b's run finds those 8 done and runs only the 4 new ones.
  ASSERT_EQ(run_cli("sweep " + path("a.json") + " -q -o " + path("r.jsonl")).status, 0);
  const auto b_done = listed_jobs(path("b.json") + " -o " + path("r.jsonl"));
  std::size_t done = 0;
  for (const auto& [id, state] : b_done) done += state == "done" ? 1 : 0;
  EXPECT_EQ(done, 8U);
  ASSERT_EQ(run_cli("sweep " + path("b.json") + " -q -o " + path("r.jsonl")).status, 0);
  EXPECT_EQ(read_lines(path("r.jsonl")).size(), 12U);
}

TEST_F(SweepRuns, LinkedAxisSetsSeveralOptionsTogether) {
  write("l.json", R"({"fixed": {"model": "perceptron", "alpha": 0.3, "teacher": true,
                      "center": false},
                      "grid": {"size": [{"N": 21, "batch": 7}, {"N": 31, "batch": 11}]}})");
  const auto r = run_cli("sweep " + path("l.json") + " --list");
  ASSERT_EQ(r.status, 0) << r.err;
  // Booleans: true is --KEY, false is --no-KEY.
  EXPECT_NE(r.out.find("pending train --N 21 --alpha 0.3 --batch 7 --no-center --model perceptron "
                       "--teacher --seed 1 --json --quiet"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("--N 31 --alpha 0.3 --batch 11"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST_F(SweepRuns, TomlDescriptionGivesTheSameJobsAsJson) {
  write("j.json", R"({"name": "x", "fixed": {"model": "perceptron", "N": 21, "teacher": true},
                      "grid": {"alpha": [0.3, 0.5]},
                      "variants": [{"name": "a", "options": {"y": 3}}], "seeds": 2})");
  write("t.toml", R"(name = "x"
seeds = 2
[fixed]
model = "perceptron"
N = 21
teacher = true
[grid]
alpha = [0.3, 0.5]
[[variants]]
name = "a"
options = { y = 3 }
)");
  const auto toml = run_cli("sweep " + path("t.toml") + " --list");
  if (toml.err.find("without TOML support") != std::string::npos)
    GTEST_SKIP() << "robens was built without toml++";
  ASSERT_EQ(toml.status, 0) << toml.err;
  const auto json = run_cli("sweep " + path("j.json") + " --list");
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(toml.out, json.out);
  write("bad.toml", "seeds = [1, \n");
  const auto bad = run_cli("sweep " + path("bad.toml"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("not valid TOML"), std::string::npos) << bad.err;
}

TEST_F(SweepRuns, PerJobTracePathsAreFilledInAndTheirFolderCreated) {
  write("t.json", R"({"fixed": {"model": "perceptron", "N": 21, "alpha": 0.3,
                      "trace": "traces/{variant}-{job}.jsonl"},
                      "variants": [{"name": "r", "options": {"y": 3}}], "seeds": 2})");
  const auto r = run_cli("sweep " + path("t.json") + " -q");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = read_lines(path("t.results.jsonl"));
  ASSERT_EQ(lines.size(), 2U);
  for (const auto& line : lines) {
    const auto rec = nlohmann::json::parse(line);
    const std::string trace = "traces/r-" + rec["job"].get<std::string>() + ".jsonl";
    EXPECT_EQ(rec["point"]["trace"], "traces/{variant}-{job}.jsonl");  // the id keeps the template
    ASSERT_TRUE(std::filesystem::exists(dir / trace)) << trace;
    const auto header = nlohmann::json::parse(read_lines(path(trace)).front());
    EXPECT_EQ(header["type"], "header");
    EXPECT_EQ(header["seed"], rec["seed"]);
  }
}

// With a pattern file, every record's N is the file's (41), not the default of --N (321).
TEST_F(SweepRuns, RecordedNIsThePatternFilesWithPatterns) {
  ASSERT_EQ(run_cli("generate --model perceptron --N 41 --alpha 0.3 --out " + path("p.txt")).status,
            0);
  write("p.json", R"({"fixed": {"model": "perceptron", "patterns": "p.txt", "y": 3}, "seeds": 2})");
  const auto r = run_cli("sweep " + path("p.json") + " -q");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto lines = read_lines(path("p.results.jsonl"));
  ASSERT_EQ(lines.size(), 2U);
  for (const auto& line : lines) {
    const auto rec = nlohmann::json::parse(line);
    EXPECT_EQ(rec["result"]["params"]["N"], 41) << line;
    EXPECT_EQ(rec["result"]["params"]["M"], 12) << line;  // round(0.3 * 41)
  }
}

}  // namespace
}  // namespace robens
