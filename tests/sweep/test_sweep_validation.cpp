// Malformed experiment descriptions: one-line errors (exit 2) that name the bad key.
#include <gtest/gtest.h>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

using testing::run_cli;

class SweepValidation : public testing::SweepDir {
 protected:
  // Runs a sweep of `text`; expects exit 2 and one error line containing `needle`.
  void expect_error(const std::string& text, const std::string& needle) {
    write("bad.json", text);
    const auto r = run_cli("sweep " + path("bad.json") + " -q");
    EXPECT_EQ(r.status, 2) << text;
    EXPECT_NE(r.err.find(needle), std::string::npos) << "expected '" << needle << "' in: " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(std::filesystem::exists(path("bad.results.jsonl"))) << "nothing may run";
  }
};

TEST_F(SweepValidation, BadJsonSaysWhere) {
  expect_error(R"({"fixed": {"N": 21,}})", "not valid JSON");
  expect_error(R"([1, 2])", "must be a JSON object");
}

TEST_F(SweepValidation, UnknownKeysAreNamed) {
  expect_error(R"({"grdi": {"alpha": [0.3]}})", "unknown key 'grdi'");
  expect_error(R"({"seeds": {"frist": 1, "count": 2}})", "seeds.frist");
  expect_error(R"({"variants": [{"name": "a", "option": {}}]})", "variants[0].option");
}

TEST_F(SweepValidation, WrongTypesAreNamed) {
  expect_error(R"({"seeds": "ten"})", "seeds");
  expect_error(R"({"seeds": 0})", "seeds");
  expect_error(R"({"seeds": [1, 1]})", "seeds[1]");
  expect_error(R"({"fixed": {"N": [21, 31]}})", "fixed.N");
  expect_error(R"({"fixed": {"alpha": null}})", "fixed.alpha");
  expect_error(R"({"grid": {"alpha": 0.3}})", "grid.alpha");
  expect_error(R"({"grid": {"alpha": [0.3, {"x": 1}]}})", "grid.alpha[1]");
  expect_error(R"({"grid": [1]})", "grid");
  expect_error(R"({"command": "eval"})", "command");
  expect_error(R"({"name": 3})", "name");
  expect_error(R"({"output": ""})", "output");
  expect_error(R"({"variants": [{"options": {"y": 3}}]})", "variants[0].name");
}

TEST_F(SweepValidation, EmptyGridsAreNamed) {
  expect_error(R"({"grid": {}})", "grid: no options");
  expect_error(R"({"grid": {"alpha": []}})", "grid.alpha: the list of values is empty");
  expect_error(R"({"variants": []})", "variants: the list is empty");
}

TEST_F(SweepValidation, ConflictsAndReservedOptionsAreNamed) {
  expect_error(R"({"fixed": {"N": 21}, "grid": {"N": [31]}})", "grid.N: also in \"fixed\"");
  expect_error(R"({"grid": {"y": [3]}, "variants": [{"name": "a", "options": {"y": 5}}]})",
               "variants[0].options.y");
  expect_error(R"({"grid": {"alpha": [0.3, 0.3]}})", "grid.alpha[1]");
  expect_error(R"({"fixed": {"seed": 4}})", "fixed.seed");
  expect_error(R"({"fixed": {"json": true}})", "fixed.json");
  expect_error(R"({"fixed": {"--N": 21}})", "fixed.--N");
  expect_error(R"({"variants": [{"name": "a"}, {"name": "a"}]})", "variants[1].name");
  expect_error(R"({"grid": {"size": [{"N": 21}, 31]}})", "grid.size[1]");
  expect_error(R"({"grid": {"size": [{"N": 21}, {"N": [1]}]}})", "grid.size[1].N");
  expect_error(R"({"fixed": {"N": 21}, "grid": {"size": [{"N": 31}]}})", "grid.size (option N)");
  expect_error(R"({"grid": {"N": [21], "size": [{"N": 31}]}})", "grid.size (option N)");
}

TEST_F(SweepValidation, AJobRejectedByTrainStopsTheSweepWithItsMessage) {
  // The description is valid but its pattern file does not exist: train exits 2, and the sweep
  // reports which job and why.
  write("bad.json", R"({"fixed": {"model": "perceptron", "algo": "rsgd",
                        "patterns": "missing.txt"}, "seeds": 3})");
  const auto r = run_cli("sweep " + path("bad.json") + " -q --jobs 1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("train --algo rsgd --model perceptron"), std::string::npos) << r.err;
  EXPECT_EQ(testing::read_lines(path("bad.results.jsonl")).size(), 0U);
}

// Keys and values are checked against the parameter tables before any job runs.
TEST_F(SweepValidation, OptionsAreCheckedAgainstTheParameterTables) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"fixed": {"algo": "sgd", "y": 3}})", "option 'y' is not an option of train --algo sgd"},
      {R"({"fixed": {"algo": "rsa", "gama": 1}})", "option 'gama' is not an option"},
      {R"({"fixed": {"algo": "rsa"}, "grid": {"beta": [0.5, -1]}})", "beta must be >= 0"},
      {R"({"fixed": {"algo": "nope"}})", "unknown algorithm 'nope'"},
      {R"({"fixed": {"algo": "fbp"}, "grid": {"threads": [1, 2]}})", "threads may not vary"},
      {R"({"fixed": {"gamma_step": 0.1, "gamma-step": 0.2}})", "set twice"},
      {R"({"fixed": {"y": 4}})", "y must be odd"},
      {R"({"fixed": {"activation": "relu", "arch": "tree", "N": 64, "K": 4}})",
       "ReLU units are not supported"},
      {R"({"fixed": {"algo": "fbp", "arch": "tree", "N": 63, "K": 3}})", "tree committee"},
  };
  for (const auto& [text, fragment] : cases) {
    write("e.json", text);
    const auto r = run_cli("sweep " + path("e.json") + " --list");
    EXPECT_EQ(r.status, 2) << text;
    EXPECT_NE(r.err.find(fragment), std::string::npos) << text << "\n" << r.err;
  }
  // Both spellings of a key, and no-KEY for a boolean, give the same job.
  write("a.json", R"({"fixed": {"algo": "fbp", "max_iters": 3, "outatzero": false}})");
  write("b.json", R"({"fixed": {"algo": "fbp", "max-iters": 3, "no-outatzero": true}})");
  const auto a = run_cli("sweep " + path("a.json") + " --list");
  const auto b = run_cli("sweep " + path("b.json") + " --list");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find("--max-iters 3 --no-outatzero"), std::string::npos) << a.out;
}

TEST_F(SweepValidation, MissingFileAndHelp) {
  const auto missing = run_cli("sweep " + path("nope.json"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.json"), std::string::npos);
  const auto help = run_cli("sweep --help");
  EXPECT_EQ(help.status, 0);
  for (const char* s : {"fixed", "grid", "variants", "seeds", "output", "--jobs", "{job}",
                        "docs/experiments.md", "mpirun"})
    EXPECT_NE(help.out.find(s), std::string::npos) << s;
}

}  // namespace
}  // namespace robens
