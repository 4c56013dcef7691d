// Every bad input of issue 16 (and more), one row each: the command line, the files it reads
// (created with the given bytes), the exit status and a piece of the message. Every row also
// checks that the message is one line on standard error and that no file in the scratch folder
// was changed, removed or added.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using testing::run_cli;

struct BadInput {
  std::string args;  // after "robens"; {d}: the row's own folder, {s}: the shared fixtures
  std::vector<std::pair<std::string, std::string>> files;  // created in {d}: name, bytes
  std::string message;                                     // a part of the one-line message
  int status = 2;
};

std::string u64(std::uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

// A binary pattern file: magic, N, M, then `body` as given.
std::string rbp(std::uint64_t n, std::uint64_t m, const std::string& body,
                const std::string& magic = "RBNSPAT1") {
  return magic + u64(n) + u64(m) + body;
}

// A one-unit network file of 3 inputs, with `fields` spliced in (they may override the shape).
std::string net3(const std::string& fields) {
  return R"({"architecture": "fc", "units": 1, "activation": "sign", )" + fields + "}";
}
const std::string kWeights = R"("weights": ["+-+"])";

std::string sweep_grid(int axes, int values) {
  std::string grid;
  for (int a = 0; a < axes; ++a) {
    grid += (a ? ", " : "") + std::string("\"a") + std::to_string(a) + "\": [";
    for (int v = 0; v < values; ++v) grid += (v ? ", " : "") + std::to_string(v);
    grid += "]";
  }
  return R"({"grid": {)" + grid + "}}";
}

std::string record(const std::string& result, const std::string& more = "") {
  return R"({"job": "0123456789abcdef", "argv": ["train"], "point": {"N": 21}, "seed": 1, )" +
         more + R"("result": )" + result + "}\n";
}

const std::vector<BadInput>& pattern_cases() {
  static const std::vector<BadInput> cases = {
      {"train --patterns {d}/missing.txt", {}, "missing.txt: no such file"},
      {"train --patterns {d}/e.txt", {{"e.txt", ""}}, "file is empty"},
      {"train --patterns {s}", {}, "is a directory"},
      {"train --patterns /dev/zero", {}, "/dev/zero: a character device, expected a file"},
      {"eval {s}/net.json /dev/null", {}, "/dev/null: a character device"},
      {"train --patterns ''", {}, "--patterns: empty file name"},
      {"train --patterns {d}/r.txt --model perceptron",
       {{"r.txt", "+1 1 -1 1\n-1 1 1\n"}},
       "r.txt:2: pattern has 2 inputs, but the first pattern has 3"},
      {"train --patterns {d}/z.txt --model perceptron",
       {{"z.txt", "+1 1 0 1\n"}},
       "z.txt:1: value '0' in column 3 is not +1 or -1"},
      {"train --patterns {d}/two.txt", {{"two.txt", "1 2 1 1\n"}}, "value '2'"},
      {"train --patterns {d}/g.txt",
       {{"g.txt", "\x01\x02 hello\n"}},
       "value '?"
       "?' in column 1 is not +1 or -1"},
      {"train --patterns {d}/c.txt", {{"c.txt", "# only a comment\n\n"}}, "no patterns found"},
      {"train --patterns {d}/l.txt", {{"l.txt", "+1\n"}}, "needs a label and at least one input"},
      {"train --patterns {d}/crlf.txt --model perceptron",
       {{"crlf.txt", "1 1 1 1\r\n1 1\r\n"}},
       "pattern has 1 inputs"},
      {"train --N 23 --K 3 --patterns {s}/p.txt", {}, "N = 23 does not match the 21 inputs"},
      {"train --patterns {s}/p.txt --alpha 0.3", {}, "either patterns or alpha"},
      {"train --patterns {d}/m.rbp", {{"m.rbp", "RBNSPAT1"}}, "truncated"},
      {"train --patterns {d}/v.rbp",
       {{"v.rbp", rbp(3, 1, u64(1) + u64(5) + u64(2) + "{}", "RBNSPAT9")}},
       "not a robens binary pattern file (magic 'RBNSPAT9'"},
      {"train --patterns {d}/n0.rbp",
       {{"n0.rbp", rbp(0, 1, u64(0))}},
       "N = 0, M = 1; both must be positive"},
      {"train --patterns {d}/big.rbp",
       {{"big.rbp", rbp(1ULL << 40, 1ULL << 40, u64(0))}},
       "the file is too short for that"},
      {"train --patterns {d}/t.rbp",
       {{"t.rbp", rbp(21, 5, u64(31) + u64(7))}},
       "the file is too short for that"},
      {"train --patterns {d}/bits.rbp --model perceptron",
       {{"bits.rbp", rbp(3, 1, u64(1) + u64(0xff) + u64(2) + "{}")}},
       "bits set beyond N = 3"},
      {"train --patterns {d}/meta.rbp --model perceptron",
       {{"meta.rbp", rbp(3, 1, u64(1) + u64(5) + u64(99) + "{}")}},
       "metadata length 99 does not match the 2 bytes left"},
  };
  return cases;
}

const std::vector<BadInput>& network_cases() {
  static const std::vector<BadInput> cases = {
      {"eval {d}/missing.json {s}/p.txt", {}, "missing.json: no such file"},
      {"eval {s} {s}/p.txt", {}, "is a directory"},
      {"eval {d}/e.json {s}/p.txt", {{"e.json", ""}}, "e.json: not valid JSON"},
      {"eval {d}/b.json {s}/p.txt", {{"b.json", "{\"center\": "}}, "not valid JSON"},
      {"eval {d}/nan.json {s}/p.txt",
       {{"nan.json", net3(R"("inputs": NaN, )" + kWeights)}},
       "not valid JSON"},
      {"eval {d}/o.json {s}/p.txt",
       {{"o.json", net3(R"("inputs": 2E2222, )" + kWeights)}},
       "number overflow parsing '2E2222'"},
      {"eval {d}/f.json {s}/p.txt",
       {{"f.json", net3(R"("inputs": 21.9, )" + kWeights)}},
       "f.json: 'inputs' must be a whole number in [1, 268435456], got 21.9"},
      {"eval {d}/h.json {s}/p.txt",
       {{"h.json", net3(R"("inputs": 1e30, )" + kWeights)}},
       "'inputs' must be a whole number in [1, 268435456], got 1e+30"},
      {"eval {d}/n.json {s}/p.txt",
       {{"n.json", net3(R"("inputs": -3, )" + kWeights)}},
       "'inputs' must be a whole number in [1, 268435456], got -3"},
      {"eval {d}/s.json {s}/p.txt",
       {{"s.json", net3(R"("inputs": "3", )" + kWeights)}},
       "'inputs': expected a whole number, got a string"},
      {"eval {d}/k.json {s}/p.txt",
       {{"k.json", R"({"architecture": "fc", "inputs": 3, "units": 5000, "weights": []})"}},
       "'units' must be a whole number in [1, 4096], got 5000"},
      // 67 bytes that once made eval allocate 137 GB before looking at the weight rows.
      {"eval {d}/huge.json {s}/p.txt",
       {{"huge.json", R"({"architecture":"fc","inputs":268435455,"units":4095,"weights":[]})"}},
       "over the limit of 4294967296"},
      {"eval {d}/rows.json {s}/p.txt",
       {{"rows.json", R"({"architecture":"fc","inputs":268435455,"units":15,"weights":[]})"}},
       "network: 0 weight rows for K = 15 units"},
      {"eval {d}/len.json {s}/p.txt",
       {{"len.json", net3(R"("inputs": 21, "weights": ["+-+"])")}},
       "unit 1 has 3 weights, expected 21"},
      {"eval {d}/ch.json {s}/p.txt",
       {{"ch.json", net3(R"("inputs": 3, "weights": ["+x+"])")}},
       "unit 1 weight 2 is 'x', expected '+' or '-'"},
      {"eval {d}/wo.json {s}/p.txt",
       {{"wo.json", net3(R"("inputs": 3, "weights": {"a": 1})")}},
       "'weights': expected a list, got an object"},
      {"eval {d}/dup.json {s}/p.txt",
       {{"dup.json", net3(R"("inputs": 3, "inputs": 5, )" + kWeights)}},
       "key 'inputs' appears twice in one JSON object"},
      {"eval {d}/c5.json {s}/p.txt",
       {{"c5.json", R"({"center": 5})"}},
       "c5.json: network: expected an object, got a number"},
      {"eval {d}/arr.json {s}/p.txt",
       {{"arr.json", "[1, 2]"}},
       "expected a JSON object, got a list"},
      {"eval {d}/deep.json {s}/p.txt",
       {{"deep.json", "{\"x\": " + std::string(200, '[') + std::string(200, ']') + "}"}},
       "JSON nested deeper than 100 levels"},
      {"eval {d}/arch.json {s}/p.txt",
       {{"arch.json", R"({"inputs": 3, "units": 1})"}},
       "missing 'architecture'"},
      {"eval {d}/shape.json {s}/p.txt",
       {{"shape.json", net3(R"("inputs": 3, )" + kWeights)}},
       "patterns have 21 inputs but the network expects 3"},
      {"eval {d}/rep.json {s}/p.txt",
       {{"rep.json",
         R"({"center": )" + net3(R"("inputs": 3, )" + kWeights) + R"(, "replicas": {"a": 1}})"}},
       "'replicas': expected a list, got an object"},
      {"eval {d}/sol.json {s}/p.txt",
       {{"sol.json",
         R"({"center": )" + net3(R"("inputs": 3, )" + kWeights) + R"(, "solved": "yes"})"}},
       "'solved': expected true or false, got a string"},
      {"eval {d}/ep.json {s}/p.txt",
       {{"ep.json",
         R"({"center": )" + net3(R"("inputs": 3, )" + kWeights) + R"(, "epochs": 5.5})"}},
       "'epochs' must be a whole number"},
      {"measure {d}/z.json {s}/p.txt", {{"z.json", "\x1f\x8b\x08\x00garbage"}}, "not valid JSON"},
  };
  return cases;
}

const std::vector<BadInput>& sweep_cases() {
  static const std::vector<BadInput> cases = {
      {"sweep {d}/missing.json", {}, "missing.json: no such file"},
      {"sweep {s}", {}, "is a directory"},
      {"sweep /dev/zero", {}, "a character device"},
      {"sweep {d}/e.json", {{"e.json", ""}}, "e.json: not valid JSON"},
      {"sweep {d}/o.json", {{"o.json", R"({"seeds": 1e400})"}}, "number overflow parsing '1e400'"},
      {"sweep {d}/t.json",
       {{"t.json", R"({"seeds": 1e12})"}},
       "seeds must be a whole number in [1, 100000], got 1000000000000"},
      {"sweep {d}/b.json",
       {{"b.json", R"({"seeds": 1000000000000})"}},
       "seeds must be a whole number in [1, 100000], got 1000000000000"},
      {"sweep {d}/n.json", {{"n.json", R"({"seeds": -3})"}}, "seeds must be a whole number"},
      {"sweep {d}/h.json", {{"h.json", R"({"seeds": 2.5})"}}, "got 2.5"},
      {"sweep {d}/l.json",
       {{"l.json", R"({"seeds": [1, 1.5]})"}},
       "seeds[1] must be a whole number"},
      {"sweep {d}/c.json", {{"c.json", R"({"seeds": {"count": 0}})"}}, "seeds.count must be"},
      {"sweep {d}/w.json",
       {{"w.json", R"({"seeds": {"first": 18446744073709551615, "count": 2}})"}},
       "goes past the largest seed"},
      {"sweep {d}/d.json",
       {{"d.json", R"({"seeds": 2, "seeds": 3})"}},
       "key 'seeds' appears twice"},
      {"sweep {d}/dd.json",
       {{"dd.json", R"({"fixed": {"N": 21, "N": 31}})"}},
       "key 'N' appears twice"},
      {"sweep {d}/g64.json",
       {{"g64.json", sweep_grid(64, 2)}},
       "the experiment has more than 2^64 jobs"},
      {"sweep {d}/g5.json",
       {{"g5.json", sweep_grid(5, 1000)}},
       "the experiment has 1000000000000000 jobs (variants x grid points x seeds), over the limit "
       "of 100000"},
      {"sweep {d}/go.json",
       {{"go.json", R"({"grid": {"N": {"a": 1}}})"}},
       "grid.N: expected a list of values, got an object"},
      {"sweep {d}/gl.json",
       {{"gl.json", R"({"grid": [1]})"}},
       "grid: expected an object mapping options to lists, got a list"},
      {"sweep {d}/vo.json",
       {{"vo.json", R"({"variants": {"name": "a"}})"}},
       "variants: expected a list"},
      {"sweep {d}/fn.json",
       {{"fn.json", R"({"fixed": {"N": 21.5}})"}},
       "N: expected a whole number, got 21.5"},
      {"sweep {d}/fh.json", {{"fh.json", R"({"fixed": {"max_epochs": 1e30}})"}}, "too large"},
      {"sweep {d}/ok.json --jobs -1",
       {{"ok.json", R"({"fixed": {"N": 21}})"}},
       "--jobs: expected a whole number in [0, 4096], got '-1'"},
      {"sweep {d}/ok.json --jobs 1e9",
       {{"ok.json", R"({"fixed": {"N": 21}})"}},
       "--jobs: expected a whole number in [0, 4096], got '1e9'"},
      {"sweep {d}/ok.json --output {d}/r.jsonl",
       {{"ok.json", R"({"fixed": {"N": 21}})"},
        {"r.jsonl", R"({"job": "a", "job": "b", "point": {}, "result": {}})"
                    "\n"}},
       "r.jsonl:1: key 'job' appears twice"},
  };
  return cases;
}

const std::vector<BadInput>& report_cases() {
  static const std::vector<BadInput> cases = {
      {"report {d}/r.jsonl",
       {{"r.jsonl", record(R"({"solved": "yes", "epochs": 3})")}},
       "r.jsonl:1: 'result.solved': expected true or false, got a string"},
      {"report {d}/v.jsonl",
       {{"v.jsonl", record(R"({"solved": true})", R"("variant": 7, )")}},
       "v.jsonl:1: 'variant': expected a string, got a number"},
      {"report {d}/d.jsonl",
       {{"d.jsonl",
         record(R"({"solved": true})") + record(R"({"solved": true, "solved": false})")}},
       "d.jsonl:2: key 'solved' appears twice"},
      {"report {d}/e.jsonl", {{"e.jsonl", ""}}, "no job records in"},
      {"report {s}", {}, "is a directory"},
      {"report /dev/zero", {}, "a character device"},
  };
  return cases;
}

const std::vector<BadInput>& fbp_cases() {
  const std::string fbp = "train --algo fbp --N 21 --K 3 --alpha 0.3 ";
  static const std::vector<BadInput> cases = {
      {fbp + "--start-step 1000",
       {},
       "start_step must be in [1, 500] (the protocol has 500 steps)"},
      {fbp + "--rho 0.1,0.2 --start-step 3", {}, "start_step must be in [1, 2]"},
      {fbp + "--start-step 0", {}, "start_step must be >= 1"},
      {fbp + "--threads -5", {}, "threads must be >= 0"},
      {fbp + "--threads 10000000000", {}, "threads: 10000000000 is too large (at most 2147483647)"},
      {fbp + "--max-steps -2", {}, "max_steps must be >= -1"},
      {fbp + "--rho 0.1,,0.2", {}, "rho: '' must be a number or start:step:stop"},
      {fbp + "--init-from {d}/m.txt",
       {{"m.txt", "fmt: tanh\nN,K,M: 1000000 1000000 1000000\n"}},
       "needs more values than the file holds"},
      {fbp + "--init-from {d}/o.txt",
       {{"o.txt", "fmt: tanh\nN,K,M: 4294967296 4294967296 4294967296\nEND\n"}},
       "needs more values than the file holds"},
      {fbp + "--init-from {d}/s.txt",
       {{"s.txt", "fmt: tanh\nN,K,M: 21.5 3 4\n"}},
       "bad sizes line 'N,K,M: 21.5 3 4'"},
      {fbp + "--init-from {d}/f.txt", {{"f.txt", "fmt: huge\nN,K,M: 1 1 1\n"}}, "format"},
      {fbp + "--init-from /dev/zero", {}, "a character device"},
      {fbp + "--init-from {s}", {}, "is a directory"},
  };
  return cases;
}

const std::vector<BadInput>& theory_and_measure_cases() {
  const std::string measure = "measure {s}/net.json {s}/p.txt ";
  static const std::vector<BadInput> cases = {
      {"theory capacity --nodes -5",
       {},
       "nodes (0: the default) must be in [201, 1000000] (got -5)"},
      {"theory capacity --nodes 5", {}, "must be in [201, 1000000] (got 5)"},
      {"theory at --nodes 2000000", {}, "must be in [201, 1000000] (got 2000000)"},
      {"theory saddle --alpha 0.5 --nodes 3", {}, "must be in [201, 1000000]"},
      {"theory 1rsb --nodes 3", {}, "nodes must be in [101, 1000000] (got 3)"},
      {"theory large-deviation --nodes -1 --points 1", {}, "nodes must be in [101, 1000000]"},
      {"theory large-deviation --points 0", {}, "points must be in [1, 100000] (got 0)"},
      {"theory franz-parisi --points -3", {}, "points must be in [1, 100000] (got -3)"},
      {"theory franz-parisi --outer-nodes 2 --points 1", {}, "outer_nodes must be in [5, 1000000]"},
      {"theory local-entropy-bound --points 1", {}, "--points must be in [2, 100000] (got 1)"},
      {"theory saddle --alpha-range 0 1 1e30", {}, "POINTS must be a whole number in [1, 100000]"},
      {"theory saddle --alpha-range 0 1 nan", {}, "POINTS must be a whole number"},
      {"theory capacity --nodes abc", {}, "--nodes"},
      {"theory capacity --digits 0", {}, "--digits"},
      {measure + "--etas ,,,", {}, "--etas: empty item in ',,,'"},
      {measure + "--etas 0.1,,0.2", {}, "--etas: empty item"},
      {measure + "--etas 0.1,", {}, "--etas: empty item"},
      {measure + "--etas 1.5", {}, "each eta must be in [0, 1] (got 1.5)"},
      {measure + "--etas 0.1x", {}, "--etas: '0.1x' is not a number"},
      {measure + "--what ,", {}, "--what: empty item"},
      {measure + "--networks center,,", {}, "--networks: empty item"},
      {measure + "--eta-steps -1", {}, "--eta-steps must be between 1 and 10000"},
      {measure + "--perturbations 0", {}, "--perturbations must be between 1 and 10^6"},
      {measure + "--seed -1", {}, "--seed: expected a non-negative whole number"},
  };
  return cases;
}

const std::vector<BadInput>& parameter_cases() {
  static const std::vector<BadInput> cases = {
      {"frobnicate", {}, "unknown subcommand"},
      {"train --frobnicate 3", {}, "--frobnicate"},
      {"train --seed -1", {}, "--seed: expected a non-negative whole number"},
      {"train --seed ''", {}, "--seed: expected a non-negative whole number"},
      {"train --save ''", {}, "--save: empty file name"},
      {"train --trace ''", {}, "--trace: empty file name"},
      {"train --model perceptron --N 100", {}, "must be odd"},
      {"train --N -5", {}, "N must be >= 1 (got -5)"},
      {"train --N 1e30", {}, "N: expected a whole number, got '1e30'"},
      {"train --K 4", {}, "must be odd"},
      {"train --K 0", {}, "K must be >= 1 (got 0)"},
      {"train --data-seed -2", {}, "data_seed must be >= -1 (got -2)"},
      {"train --y 0", {}, "y must be in [1, 1000]"},
      {"train --y -3", {}, "y must be in [1, 1000]"},
      {"train --batch 0", {}, "batch must be >= 1"},
      {"train --batch 10000000000", {}, "batch: 10000000000 is too large (at most 2147483647)"},
      {"train --max-epochs -5", {}, "max_epochs must be >= 1"},
      {"train --max-epochs 1e30", {}, "too large"},
      {"train --max-epochs 2.5", {}, "max_epochs: expected a whole number, got 2.5"},
      {"train --eta nan", {}, "eta"},
      {"train --lambda -1", {}, "lambda"},
      {"train --gamma inf", {}, "gamma"},
      {"train --alpha 0.0001", {}, "0 patterns"},
      {"train --alpha 1e9", {}, "over the limit"},
      {"train --alpha nan", {}, "alpha"},
      {"train --algo nope", {}, "unknown algorithm"},
      {"train --algo rsa --max-iterations 1.5", {}, "max_iterations"},
      {"train --algo greedy --restarts -1", {}, "restarts must be >= 0"},
      {"train --model committee --activation relu --arch tree --N 64 --K 4", {}, "ReLU"},
      {"train --center --no-center", {}, "exclude each other"},
      {"train --init-from {s}", {}, "is a directory"},
      {"train --init-from /dev/zero", {}, "a character device"},
      {"train --init-schedule", {}, "init_which and init_schedule need init_from"},
      {"train --model perceptron --N 3 --alpha 1 --algo rsa --init-from {d}/w.json "
       "--init-schedule",
       {{"w.json", R"({"center": )" + net3(R"("inputs": 3, )" + kWeights) +
                       R"(, "extra": {"final_beta": "a", "final_gamma": 1}})"}},
       "'final_beta': expected a number, got a string"},
      {"generate --N -1 --out {d}/g.txt", {}, "N must be >= 1"},
      {"generate --N 21 --K 3 --alpha 0.3 --out ''", {}, "--out"},
  };
  return cases;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// Every file under `root` with its bytes.
std::map<std::string, std::string> snapshot(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files[entry.path().string()] = testing::slurp(entry.path());
  return files;
}

class BadInputs : public testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    std::filesystem::create_directories(dir / "shared");
    shared = (dir / "shared").string();
    ASSERT_EQ(
        run_cli("generate --N 21 --K 3 --alpha 0.3 --seed 5 --out " + shared + "/p.txt").status, 0);
    const auto train =
        run_cli("train --patterns " + shared +
                "/p.txt --K 3 --y 3 --batch 5 --seed 1 --quiet --save " + shared + "/net.json");
    ASSERT_EQ(train.status, 0) << train.err;
  }

  void run_rows(const std::vector<BadInput>& rows, const std::string& group) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const BadInput& row = rows[i];
      const auto row_dir = dir / (group + std::to_string(i));
      std::filesystem::create_directories(row_dir);
      for (const auto& [name, bytes] : row.files)
        std::ofstream(row_dir / name, std::ios::binary) << bytes;
      const std::string args =
          replace_all(replace_all(row.args, "{d}", row_dir.string()), "{s}", shared);
      const auto before = snapshot(dir);
      const auto r = run_cli(args);
      EXPECT_EQ(r.status, row.status) << args << "\n" << r.err;
      EXPECT_NE(r.err.find(row.message), std::string::npos)
          << args << "\n expected: " << row.message << "\n stderr: " << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << "\n" << r.err;
      EXPECT_EQ(r.err.find("internal error"), std::string::npos) << args;
      EXPECT_TRUE(r.out.empty()) << args << "\n stdout: " << r.out;
      EXPECT_TRUE(snapshot(dir) == before) << args << ": a file was changed, added or removed";
    }
  }

  std::string shared;
};

TEST_F(BadInputs, PatternFiles) {
  run_rows(pattern_cases(), "pattern");
}
TEST_F(BadInputs, NetworkFiles) {
  run_rows(network_cases(), "network");
}
TEST_F(BadInputs, SweepDescriptions) {
  run_rows(sweep_cases(), "sweep");
}
TEST_F(BadInputs, ResultsFiles) {
  run_rows(report_cases(), "report");
}
TEST_F(BadInputs, FbpParametersAndMessageFiles) {
  run_rows(fbp_cases(), "fbp");
}
TEST_F(BadInputs, TheoryAndMeasureOptions) {
  run_rows(theory_and_measure_cases(), "theory");
}
TEST_F(BadInputs, ParameterValues) {
  run_rows(parameter_cases(), "param");
}

}  // namespace
}  // namespace robens
