// Job identity, pinned: resuming the committed results (experiments/results/**/*.jsonl) relies on
// sweep_job_id giving the ids it gave when they were written. If one of these tests fails, the
// id function changed and every committed sweep would silently rerun from scratch.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/train_options.hpp"

namespace robens {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path kSource = ROBENS_SOURCE_DIR;

// The hash ids below were computed with `robens sweep FILE --list` before the sweep engine moved
// to src/robens/sweep/ (the code that wrote the committed results). Since then a job's point is
// made canonical first (snake_case keys, "no-KEY": true → "KEY": false; train_options.hpp), so
// points that were written with dashes have new ids; record_job_id() re-derives the canonical id
// of an old record, which is how the committed results keep resuming.
TEST(JobIds, PlainPointIsPinned) {
  const json point = {{"N", 201}, {"alpha", 0.3}, {"model", "perceptron"}, {"algo", "rsa"}};
  EXPECT_EQ(sweep::sweep_job_id("train", "", point, 1), "54dbaf05a3fac16c");
}

TEST(JobIds, PointWithAVariantIsPinned) {
  const json point = {
      {"N", 21}, {"alpha", 0.3}, {"algo", "rsgd"}, {"model", "perceptron"}, {"y", 3}};
  EXPECT_EQ(sweep::sweep_job_id("train", "rsgd", point, 2), "d672afbd98d7154f");
}

// PNAS Fig. 2: a linked axis (N with stage-moves), variant rsa, seed 1; the first job of
// experiments/pnas_fig2/{quick,full}.json and the first record of the committed full results.
TEST(JobIds, LinkedAxisPointIsPinned) {
  const json point = {{"N", 201},
                      {"algo", "rsa"},
                      {"alpha", 0.3},
                      {"beta", 0.5},
                      {"beta-factor", 1.01},
                      {"gamma", 1.0},
                      {"gamma-factor", 1.01},
                      {"max-iterations", 20000000},
                      {"model", "perceptron"},
                      {"stage-moves", 10},
                      {"y", 3}};
  EXPECT_EQ(sweep::sweep_job_id("train", "rsa", point, 1), "76cd581446e23e38");
  const auto jobs = sweep::expand_sweep(
      sweep::load_sweep_experiment(kSource / "experiments/pnas_fig2/quick.json"));
  ASSERT_EQ(jobs.size(), 40U);
  EXPECT_EQ(jobs[0].id, "1949625877b1a923");  // the canonical point: beta_factor, ...
  EXPECT_EQ(jobs[1].id, "caa8d87dbf7e0e95");
  EXPECT_EQ(jobs[2].id, "acca85e72c6114e5");
  EXPECT_EQ(jobs[0].point, sweep::canonical_train_point(point));
  // A record written before (dashed keys, the old id) is recognised as that job.
  const json old_record = {{"job", "76cd581446e23e38"},
                           {"argv", {"train"}},
                           {"variant", "rsa"},
                           {"point", point},
                           {"seed", 1}};
  EXPECT_EQ(sweep::record_job_id(old_record), "1949625877b1a923");
}

// PNAS Fig. 6 quick: the id hashes the template "traces/{job}.jsonl", not the filled-in path.
TEST(JobIds, TemplatePointIsPinned) {
  const auto jobs = sweep::expand_sweep(
      sweep::load_sweep_experiment(kSource / "experiments/pnas_fig6/quick.json"));
  ASSERT_FALSE(jobs.empty());
  EXPECT_EQ(jobs[0].id, "493d973f2a981319");  // was 65bc313b31386a03 with "no-outatzero": true
  EXPECT_EQ(jobs[0].point["trace"], "traces/{job}.jsonl");
  EXPECT_EQ(jobs[0].point["outatzero"], false);
  EXPECT_EQ(sweep::sweep_job_id("train", "", jobs[0].point, 1), "493d973f2a981319");
}

TEST(JobIds, KeyOrderDoesNotMatterButEveryPartDoes) {
  const json a = json::parse(R"({"N": 21, "alpha": 0.3})");
  const json b = json::parse(R"({"alpha": 0.3, "N": 21})");
  const std::string id = sweep::sweep_job_id("train", "v", a, 1);
  EXPECT_EQ(sweep::sweep_job_id("train", "v", b, 1), id);
  EXPECT_EQ(id.size(), 16U);
  EXPECT_NE(sweep::sweep_job_id("train", "v", a, 2), id);
  EXPECT_NE(sweep::sweep_job_id("train", "w", a, 1), id);
  EXPECT_NE(sweep::sweep_job_id("eval", "v", a, 1), id);
  EXPECT_NE(sweep::sweep_job_id("train", "v", json::parse(R"({"N": 21, "alpha": 0.4})"), 1), id);
}

std::vector<json> records_of(const fs::path& file) {
  std::vector<json> records;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    const json r = json::parse(line, nullptr, false);
    if (r.is_object() && r.contains("job")) records.push_back(r);
  }
  return records;
}

// The hash function is unchanged: every committed record gets its stored id back from its
// command, variant, point as written and seed.
TEST(JobIds, EveryCommittedRecordKeepsItsId) {
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kSource / "experiments/results")) {
    if (entry.path().extension() != ".jsonl" ||
        !entry.path().filename().string().ends_with(".results.jsonl"))
      continue;
    for (const auto& r : records_of(entry.path())) {
      const std::string id =
          sweep::sweep_job_id(r["argv"][0].get<std::string>(), r.value("variant", std::string()),
                              r["point"], r["seed"].get<std::uint64_t>());
      EXPECT_EQ(id, r["job"].get<std::string>()) << entry.path() << ": " << r["point"].dump();
      ++checked;
    }
  }
  EXPECT_GE(checked, 100U);
}

// The committed PNAS Fig. 2 description expands to exactly the jobs of its committed results,
// so `experiments/run.py pnas_fig2 full --resume` finds all of them done.
TEST(JobIds, CommittedDescriptionExpandsToItsCommittedResults) {
  const fs::path dir = kSource / "experiments/results/pnas_fig2/full";
  const auto jobs = sweep::expand_sweep(sweep::load_sweep_experiment(dir / "experiment.json"));
  std::map<std::string, std::vector<std::string>> expected, recorded;
  for (const auto& job : jobs) expected[job.id] = job.args;
  for (const auto& r : records_of(dir / "pnas_fig2_full.results.jsonl"))
    recorded[sweep::record_job_id(r)] = r["argv"].get<std::vector<std::string>>();
  EXPECT_EQ(jobs.size(), 100U);
  EXPECT_EQ(recorded, expected);  // the same ids, and each with the same command line
}

}  // namespace
}  // namespace robens
