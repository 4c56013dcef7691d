// Inputs the fuzzers (fuzz/, docs/reliability.md) found to crash, run out of memory or hit
// undefined behaviour in a reader, each fixed to be a clear InputError. The exact input is kept
// here (and under fuzz/corpus/ as a seed).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "robens/core/error.hpp"
#include "robens/io/message_file.hpp"
#include "robens/io/network_file.hpp"
#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/report.hpp"
#include "robens/sweep/results_file.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

// A fuzzer input as bytes (it may hold NULs).
template <std::size_t N>
std::string bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

template <typename Read>
void expect_input_error(Read&& read, const std::string& fragment) {
  try {
    read();
    ADD_FAILURE() << "no error; expected one mentioning '" << fragment << "'";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

// fuzz_message_file: a sizes line declaring 7·1·736983143 messages made the reader allocate
// 5.9 GB before looking at the data (fuzz/corpus/message_file/oom-header-sizes).
TEST(ReaderRegressions, MessageFileSizesLargerThanTheFile) {
  const std::string text = bytes(
      "# {\"algorithm\":\"\233fbp\",\"params\":{\"K\":0\"fbpion\":\"1.1.0+g537"
      "\004\000\000\000\000\000\000\000d\230\215\213\216\"}\n"
      "fmt: tanh\n"
      "N,K,M: 7 1 736983143\n"
      "m2\2041[1]\",\"a\005curacy2\":1");
  expect_input_error([&] { (void)messages_from_text(text); }, "more values than the file holds");
  expect_input_error([] { (void)messages_from_text("fmt: plain\nN,K,M: 1000 1000 1000\nEND\n"); },
                     "more values than the file holds");
  // Sizes whose product wraps around in 64 bits (2^32 · 2^32 · 1).
  expect_input_error(
      [] { (void)messages_from_text("fmt: plain\nN,K,M: 4294967296 4294967296 1\nEND\n"); },
      "more values than the file holds");
}

using ReaderRegressionFiles = testing::ScratchDirTest;

// fuzz_experiment_json: a number too large for a double is an out_of_range exception thrown by
// the JSON parser, which escaped as an internal error (fuzz/corpus/experiment_json/).
TEST_F(ReaderRegressionFiles, ExperimentNumberOverflow) {
  write("crash.json", bytes("6E666ults/rs\000\264\264\264"));
  write("seeds.json", R"({"seeds": 1e400})");
  for (const char* name : {"crash.json", "seeds.json"})
    expect_input_error([&] { (void)sweep::load_sweep_experiment(path(name)); }, "not valid JSON");
}

// The same in a network file (issue 16's `2E2222`).
TEST_F(ReaderRegressionFiles, NetworkFileNumberOverflow) {
  write("net.json", R"({"architecture": "fc", "inputs": 2E2222, "units": 1, "weights": []})");
  expect_input_error([&] { (void)load_network_file(path("net.json")); }, "not valid JSON");
}

// fuzz_network_file (with fuzz/dict/json.dict; issue 16's cases): a float count was cast to
// size_t (undefined behaviour for 1e30, silently 21 for 21.9, wrapped for -1).
TEST(ReaderRegressions, NetworkShapeCountsMustBeIntegers) {
  for (const char* inputs : {"1e30", "21.9", "-1", "\"21\""}) {
    const auto j = nlohmann::json::parse(fmt::format(
        R"({{"architecture": "fc", "inputs": {}, "units": 1, "weights": ["+"]}})", inputs));
    expect_input_error([&] { (void)network_file_from_json(j, "net.json"); }, "net.json: 'inputs'");
  }
}

// A 70-byte network file declaring K·N = 4095 · (2^28 − 1) weights allocated 137 GB before the
// weight rows were checked.
TEST(ReaderRegressions, NetworkWeightsCheckedBeforeAllocating) {
  const auto j = nlohmann::json::parse(
      R"({"architecture": "fc", "inputs": 268435455, "units": 4095, "weights": []})");
  expect_input_error([&] { (void)network_file_from_json(j, "net.json"); },
                     "over the limit of 4294967296");
  const auto short_rows = nlohmann::json::parse(
      R"({"architecture": "fc", "inputs": 268435455, "units": 3, "weights": ["+", "+", "+"]})");
  expect_input_error([&] { (void)network_file_from_json(short_rows, "net.json"); },
                     "unit 1 has 1 weights, expected 268435455");
}

// fuzz_results_file on issue 16's input: a non-boolean "solved" made `robens report` fail with
// nlohmann's type_error (exit 3); a non-string "variant" likewise.
TEST_F(ReaderRegressionFiles, ReportRecordFieldsOfTheWrongType) {
  write("solved.jsonl", R"({"job": "a1", "point": {"N": 21}, "result": {"solved": "yes"}})"
                        "\n");
  expect_input_error([&] { (void)sweep::build_report({path("solved.jsonl")}); },
                     "'result.solved': expected true or false");
  write("variant.jsonl", R"({"job": "a1", "variant": 5, "point": {"N": 21}, "result": {}})"
                         "\n");
  expect_input_error([&] { (void)sweep::build_report({path("variant.jsonl")}); },
                     "'variant': expected a string");
}

// fuzz_results_file: a float seed (1e30) in a record was cast to uint64 when re-deriving the job
// id (undefined behaviour); a non-string "job" then threw from the fallback.
TEST_F(ReaderRegressionFiles, ResultsRecordWithAFloatSeed) {
  const auto record = nlohmann::json::parse(
      R"({"argv": ["train"], "job": "0123456789abcdef", "point": {"N": 21}, "seed": 1e30,
          "result": {"solved": true}})");
  EXPECT_EQ(sweep::record_job_id(record), "0123456789abcdef");
  auto no_job = record;
  no_job["job"] = 7;
  EXPECT_EQ(sweep::record_job_id(no_job), "");
  write("r.jsonl", record.dump() + "\n");
  EXPECT_EQ(sweep::ResultsFile::read_job_ids(path("r.jsonl")).count("0123456789abcdef"), 1U);
  const sweep::ResultsFile file(path("r.jsonl"));
  EXPECT_TRUE(file.contains("0123456789abcdef"));
}

}  // namespace
}  // namespace robens
