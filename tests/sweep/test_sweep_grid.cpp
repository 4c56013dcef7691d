// The sweep library without the CLI: expanding an experiment into jobs, and the validation
// errors of experiment descriptions (the CLI's own checks: test_sweep_validation.cpp).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "robens/core/error.hpp"
#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;

sweep::Experiment parse(const std::string& text) {
  return sweep::parse_sweep_experiment(json::parse(text), "/experiments/x.json");
}

std::string joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

TEST(SweepGrid, OrderIsVariantsThenPointsLastAxisFastestThenSeeds) {
  const auto e = parse(R"({"fixed": {"model": "perceptron"},
                           "grid": {"alpha": [0.3, 0.6], "N": [21, 31]},
                           "variants": [{"name": "b", "options": {"y": 3}}, {"name": "a"}],
                           "seeds": [4, 2]})");
  const auto jobs = sweep::expand_sweep(e);
  ASSERT_EQ(jobs.size(), 16U);  // 2 variants x 2 N x 2 alpha x 2 seeds
  // Variants keep the file's order; grid keys are sorted (N before alpha), the last varies fastest.
  const std::vector<std::tuple<std::string, int, double, std::uint64_t>> first = {
      {"b", 21, 0.3, 4}, {"b", 21, 0.3, 2}, {"b", 21, 0.6, 4}, {"b", 21, 0.6, 2}, {"b", 31, 0.3, 4},
      {"b", 31, 0.3, 2}, {"b", 31, 0.6, 4}, {"b", 31, 0.6, 2}, {"a", 21, 0.3, 4}};
  for (std::size_t i = 0; i < first.size(); ++i) {
    const auto& [variant, n, alpha, seed] = first[i];
    EXPECT_EQ(jobs[i].variant, variant) << i;
    EXPECT_EQ(jobs[i].point["N"], n) << i;
    EXPECT_EQ(jobs[i].point["alpha"], alpha) << i;
    EXPECT_EQ(jobs[i].seed, seed) << i;
    EXPECT_EQ(jobs[i].id, sweep::sweep_job_id("train", variant, jobs[i].point, seed)) << i;
  }
  EXPECT_EQ(joined(jobs[0].args),
            "train --N 21 --alpha 0.3 --model perceptron --y 3 --seed 4 --json --quiet");
  EXPECT_FALSE(jobs[8].point.contains("y"));
}

TEST(SweepGrid, NoGridNoVariantsIsOneJobPerSeed) {
  const auto jobs = sweep::expand_sweep(parse(R"({"fixed": {"N": 21}, "seeds": 3})"));
  ASSERT_EQ(jobs.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(jobs[i].seed, i + 1);
    EXPECT_EQ(jobs[i].variant, "");
  }
  EXPECT_EQ(sweep::expand_sweep(parse("{}")).size(), 1U);  // seed 1, no options
}

TEST(SweepGrid, LinkedAxisSetsItsOptionsTogetherAndItsLabelIsNotPartOfTheId) {
  const auto a = sweep::expand_sweep(
      parse(R"({"fixed": {"alpha": 0.3}, "grid": {"size": [{"N": 21, "batch": 7},
                                                          {"N": 31, "batch": 11}]}})"));
  const auto b =
      sweep::expand_sweep(parse(R"({"fixed": {"alpha": 0.3}, "grid": {"n": [{"N": 21, "batch": 7},
                                                       {"N": 31, "batch": 11}]}})"));
  ASSERT_EQ(a.size(), 2U);
  EXPECT_EQ(a[0].point, json::parse(R"({"N": 21, "alpha": 0.3, "batch": 7})"));
  EXPECT_EQ(a[1].point, json::parse(R"({"N": 31, "alpha": 0.3, "batch": 11})"));
  EXPECT_EQ(joined(a[1].args), "train --N 31 --alpha 0.3 --batch 11 --seed 1 --json --quiet");
  ASSERT_EQ(b.size(), 2U);
  EXPECT_EQ(a[0].id, b[0].id);
  EXPECT_EQ(a[1].id, b[1].id);
}

TEST(SweepGrid, TemplatesAreFilledInTheArgumentsOnlyAndTheirFoldersListed) {
  const auto e = parse(R"({"name": "exp", "fixed": {"trace": "traces/{variant}-{job}.jsonl",
                           "save": "nets/{name}.json", "patterns": "p/s{seed}.txt",
                           "teacher": true, "center": false},
                           "variants": [{"name": "r"}], "seeds": [7]})");
  const auto jobs = sweep::expand_sweep(e);
  ASSERT_EQ(jobs.size(), 1U);
  const auto& job = jobs[0];
  EXPECT_EQ(job.point["trace"], "traces/{variant}-{job}.jsonl");  // the id hashes the template
  EXPECT_EQ(joined(job.args),
            "train --no-center --patterns p/s7.txt --save nets/exp.json --teacher --trace "
            "traces/r-" +
                job.id + ".jsonl --seed 7 --json --quiet");
  // Only {job}/{seed} paths are per job; their folders are made before the job runs.
  const std::vector<std::filesystem::path> dirs = {"/experiments/p", "/experiments/traces"};
  EXPECT_EQ(job.directories, dirs);
}

TEST(SweepGrid, ParsingFillsTheDefaults) {
  const auto e = parse(R"({"seeds": {"first": 5, "count": 3}})");
  EXPECT_EQ(e.name, "x");
  EXPECT_EQ(e.command, "train");
  EXPECT_EQ(e.directory, std::filesystem::path("/experiments"));
  EXPECT_EQ(e.output, std::filesystem::path("/experiments/x.results.jsonl"));
  EXPECT_EQ(e.seeds, (std::vector<std::uint64_t>{5, 6, 7}));
  EXPECT_EQ(parse("{}").seeds, std::vector<std::uint64_t>{1});
  EXPECT_EQ(parse(R"({"output": "/r/out.jsonl"})").output, std::filesystem::path("/r/out.jsonl"));
  EXPECT_EQ(parse(R"({"name": "n", "output": "o.jsonl"})").output,
            std::filesystem::path("/experiments/o.jsonl"));
}

std::string error_of_doc(const json& doc) {
  try {
    sweep::parse_sweep_experiment(doc, "/experiments/x.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string error_of(const char* text) {
  return error_of_doc(json::parse(text));
}

TEST(SweepGrid, ValidationErrorsNameTheBadKey) {
  EXPECT_EQ(error_of(R"({"grdi": {}})"),
            "unknown key 'grdi' (allowed: name, description, command, fixed, grid, variants, "
            "seeds, output)");
  EXPECT_EQ(error_of(R"({"seeds": {"count": 2, "frist": 1}})"),
            "seeds.frist: unknown key (allowed: first, count)");
  EXPECT_EQ(error_of(R"({"seeds": {"first": 2}})"), "seeds.count: missing (the number of seeds)");
  EXPECT_EQ(error_of(R"({"seeds": [1, -1]})"),
            "seeds[1] must be a whole number in [0, 18446744073709551615], got -1");
  EXPECT_EQ(error_of(R"({"fixed": {"N": [21]}})"),
            "fixed.N: expected a number, string or boolean, got a list");
  EXPECT_EQ(error_of_doc(json{{"fixed", {{"alpha", NAN}}}}),
            "fixed.alpha: the number is not finite");
  EXPECT_EQ(error_of(R"({"fixed": {"a b": 1}})"), "fixed.a b: not a valid option name");
  EXPECT_EQ(error_of(R"({"fixed": {"quiet": true}})"),
            "fixed.quiet: the sweep sets --quiet itself");
  EXPECT_EQ(error_of(R"({"grid": {"size": [{"N": 21}, {}]}})"),
            "grid.size[1]: the object sets no option");
  EXPECT_EQ(error_of(R"({"grid": {"N": [21], "size": [{"N": 31}]}})"),
            "grid.size (option N): set by two grid axes");
  EXPECT_EQ(error_of(R"({"variants": [{"name": "a", "options": {"N": 1}}], "fixed": {"N": 2}})"),
            "variants[0].options.N: also in \"fixed\" (set it in one place)");
  EXPECT_EQ(error_of(R"({"variants": [{"name": "a"}, {"name": "a"}]})"),
            "variants[1].name: 'a' appears twice");
  EXPECT_EQ(error_of(R"({"name": "a/b"})"),
            "name: 'a/b' must not contain a path separator (it names the default output file)");
  EXPECT_EQ(error_of(R"({"description": 1})"), "description: expected a string, got a number");
  EXPECT_EQ(error_of(R"({"command": "eval"})"),
            "command: 'eval' is not supported (only \"train\")");
  EXPECT_EQ(error_of(R"([])"), "the experiment must be a JSON object, got a list");
}

class SweepGridFile : public testing::ScratchDirTest {};

TEST_F(SweepGridFile, LoadingNamesTheFileInEveryError) {
  write("bad.json", R"({"fixed": {"N": 21,}})");
  write("key.json", R"({"grid": {"alpha": []}})");
  auto error_of_file = [&](const std::string& name) {
    try {
      sweep::load_sweep_experiment(path(name));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error_of_file("bad.json").rfind(path("bad.json") + ": not valid JSON: parse error", 0),
            0U)
      << error_of_file("bad.json");
  EXPECT_EQ(error_of_file("key.json"),
            path("key.json") + ": grid.alpha: the list of values is empty");
  EXPECT_EQ(error_of_file("none.json"), path("none.json") + ": no such file");
  write("good.json", R"({"seeds": 2})");
  const auto e = sweep::load_sweep_experiment(path("good.json"));
  EXPECT_EQ(e.name, "good");
  EXPECT_EQ(e.directory, dir);
  EXPECT_EQ(e.output, dir / "good.results.jsonl");
}

}  // namespace
}  // namespace robens
