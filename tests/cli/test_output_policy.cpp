// The output policy of every command (io/output_policy.hpp), from the command line: an output
// onto an input or onto another output, or into a folder that cannot be written, is refused at
// once with exit status 2 and one line naming the problem, and every file that was there is left
// byte for byte as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

namespace fs = std::filesystem;
using testing::run_cli;
using testing::slurp;

// Every file under `dir` (symbolic links as their target's name) with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const auto rel = fs::relative(e.path(), dir).string();
    if (e.is_symlink())
      files[rel] = "-> " + fs::read_symlink(e.path()).string();
    else if (e.is_regular_file())
      files[rel] = slurp(e.path());
    else
      files[rel] = "<folder>";
  }
  return files;
}

struct Refused {
  std::string args;     // {D} is the scratch folder
  std::string message;  // a part of the one-line error
};

class OutputPolicy : public testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    // Real inputs, made by robens: patterns, a saved network, a results file, a description.
    ASSERT_EQ(run_cli("generate --N 21 --K 3 --alpha 0.3 --out " + path("p.txt")).status, 0);
    ASSERT_EQ(run_cli("train --patterns " + path("p.txt") + " --K 3 --y 3 --quiet --save " +
                      path("net.json"))
                  .status,
              0);
    write("s.json", R"({"name": "s", "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3},
                        "seeds": 2})");
    ASSERT_EQ(run_cli("sweep " + path("s.json") + " -q --output " + path("r.jsonl")).status, 0);
    fs::create_symlink(path("p.txt"), path("link.txt"));
    fs::create_hard_link(path("p.txt"), path("hard.txt"));
    fs::create_directory(path("sub"));
  }
  std::string fill(std::string text) const {
    for (auto pos = text.find("{D}"); pos != std::string::npos; pos = text.find("{D}"))
      text.replace(pos, 3, dir.string());
    return text;
  }
  void expect_refused(const Refused& c) {
    SCOPED_TRACE(c.args);
    const auto before = snapshot(dir);
    const auto r = run_cli(fill(c.args));
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find(fill(c.message)), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(snapshot(dir), before) << "a file changed";
  }
};

TEST_F(OutputPolicy, OutputsOntoInputsAreRefused) {
  const std::vector<Refused> cases = {
      {"report {D}/r.jsonl --csv {D}/r.jsonl",
       "--csv {D}/r.jsonl: same file as the input results file {D}/r.jsonl"},
      {"train --patterns {D}/p.txt --K 3 --save {D}/p.txt",
       "--save {D}/p.txt: same file as the input --patterns {D}/p.txt (an output may not "
       "overwrite an input)"},
      {"train --patterns {D}/p.txt --K 3 --trace {D}/p.txt",
       "--trace {D}/p.txt: same file as the input --patterns"},
      {"train --init-from {D}/net.json --patterns {D}/p.txt --K 3 --y 3 --save {D}/net.json",
       "--save {D}/net.json: same file as the input --init-from"},
      {"train --algo fbp --model perceptron --patterns {D}/p.txt --outfile {D}/p.txt",
       "--outfile {D}/p.txt: same file as the input --patterns"},
      {"eval {D}/net.json {D}/p.txt --stabilities {D}/net.json",
       "--stabilities {D}/net.json: same file as the input network file"},
      {"eval {D}/net.json {D}/p.txt --stabilities {D}/p.txt",
       "--stabilities {D}/p.txt: same file as the input pattern file"},
      {"measure {D}/net.json {D}/p.txt --out {D}/net.json",
       "--out {D}/net.json: same file as the input network file"},
      {"measure {D}/net.json {D}/p.txt --stabilities {D}/p.txt",
       "--stabilities {D}/p.txt: same file as the input pattern file"},
      {"sweep {D}/s.json --output {D}/s.json",
       "results file {D}/s.json: same file as the input experiment description"},
  };
  for (const auto& c : cases) expect_refused(c);
}

TEST_F(OutputPolicy, LinksAndOtherSpellingsOfAnInputAreCaught) {
  const std::vector<Refused> cases = {
      {"train --patterns {D}/p.txt --K 3 --save {D}/link.txt", "same file as the input --patterns"},
      {"train --patterns {D}/p.txt --K 3 --save {D}/hard.txt", "same file as the input --patterns"},
      {"train --patterns {D}/link.txt --K 3 --trace {D}/hard.txt",
       "same file as the input --patterns"},
      {"train --patterns {D}/p.txt --K 3 --save {D}/sub/../p.txt",
       "same file as the input --patterns"},
      {"eval {D}/net.json {D}/hard.txt --stabilities {D}/link.txt",
       "same file as the input pattern file"},
  };
  for (const auto& c : cases) expect_refused(c);
}

TEST_F(OutputPolicy, TwoOutputsOfOneCommandMayNotShareAFile) {
  const std::vector<Refused> cases = {
      {"train --K 3 --N 21 --trace {D}/x --save {D}/x",
       "--save {D}/x: same file as the output --trace {D}/x (two outputs may not share a file)"},
      {"train --K 3 --N 21 --trace {D}/new.json --save {D}/sub/../new.json",
       "same file as the output --trace"},
      {"generate --N 21 --teacher --out {D}/g --save-teacher {D}/g",
       "--save-teacher {D}/g: same file as the output --out {D}/g"},
      {"measure {D}/net.json {D}/p.txt --out {D}/o.json --stabilities {D}/o.json",
       "--stabilities {D}/o.json: same file as the output --out"},
      {"report {D}/r.jsonl --csv {D}/fig.svg --plot success --out {D}/fig.png",
       "--out {D}/fig.svg: same file as the output --csv"},
  };
  for (const auto& c : cases) expect_refused(c);
}

TEST_F(OutputPolicy, SweepJobFilesAreCheckedAgainstTheSweepAndEachOther) {
  write("onto_description.json", R"({"name": "d", "seeds": 1,
      "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3, "trace": "onto_description.json"}})");
  write("shared_trace.json", R"({"name": "t", "seeds": 2,
      "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3, "trace": "t.jsonl"}})");
  write("onto_results.json", R"({"name": "o", "seeds": 1, "output": "o.jsonl",
      "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3, "save": "o.jsonl"}})");
  const std::vector<Refused> cases = {
      {"sweep {D}/onto_description.json",
       "--trace onto_description.json: same file as the input experiment description"},
      {"sweep {D}/shared_trace.json",
       "--trace t.jsonl: same file as the output job "},  // another seed's job
      {"sweep {D}/onto_results.json", "--save o.jsonl: same file as the output results file"},
  };
  for (const auto& c : cases) expect_refused(c);
}

TEST_F(OutputPolicy, AnUnwritableOutputFailsBeforeTheWork) {
  const std::vector<Refused> cases = {
      {"train --K 3 --N 21 --save {D}/missing/net.json",
       "--save {D}/missing/net.json: folder {D}/missing does not exist"},
      {"train --K 3 --N 21 --save {D}/sub", "--save {D}/sub: is a folder, expected a file"},
      {"train --K 3 --N 21 --trace /sys/robens-test.jsonl",
       "--trace /sys/robens-test.jsonl: cannot write in folder /sys"},
      {"eval {D}/net.json {D}/p.txt --stabilities /sys/robens-test.csv",
       "cannot write in folder /sys"},
      {"generate --N 21 --out /sys/robens-test.txt", "cannot write in folder /sys"},
  };
  for (const auto& c : cases) expect_refused(c);
  // A run that would not end on its own (over capacity, 10^9 epochs) is refused at once.
  const auto start = std::chrono::steady_clock::now();
  expect_refused(
      {"train --model perceptron --N 201 --alpha 1.2 --max-epochs 1e9 --save "
       "/sys/robens-test.json",
       "--save /sys/robens-test.json: cannot write in folder /sys"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST_F(OutputPolicy, SweepRepairsAndAppendsToResultsFilesOnly) {
  // Someone's notes whose last line has no newline: a "torn last line" to a careless sweep.
  write("notes.txt", "first line\nlast line without a newline");
  write("other.jsonl", "{\"job\": 1}\n{\"argv\": [\"tr");
  const std::vector<Refused> cases = {
      {"sweep {D}/s.json --output {D}/notes.txt",
       "{D}/notes.txt: not a robens sweep results file (line 1 is not a sweep record); refusing "
       "to write to it"},
      {"sweep {D}/s.json --output {D}/other.jsonl", "not a robens sweep results file"},
  };
  for (const auto& c : cases) expect_refused(c);
  // A results file with a torn last record is still repaired.
  const std::string full = slurp(path("r.jsonl"));
  write("r.jsonl", full.substr(0, full.size() - 30));
  const auto r = run_cli("sweep " + path("s.json") + " --output " + path("r.jsonl"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("removed a torn last line"), std::string::npos) << r.err;
  const std::string repaired = slurp(path("r.jsonl"));
  EXPECT_EQ(std::count(repaired.begin(), repaired.end(), '\n'), 2) << repaired;
}

TEST_F(OutputPolicy, DevicesAndSeparateFilesAreAccepted) {
  // /dev/null is not a file: several outputs may go there, and none is compared with inputs.
  auto r =
      run_cli(fill("train --patterns {D}/p.txt --K 3 --y 3 --quiet --trace /dev/null --save "
                   "/dev/null"));
  EXPECT_EQ(r.status, 0) << r.err;
  r = run_cli(fill("eval {D}/net.json {D}/p.txt --stabilities {D}/sub/stab.csv"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(path("sub/stab.csv")));
  // Only folders that a command makes itself (a plot's, a sweep's) may be missing.
  r = run_cli(fill("report {D}/r.jsonl --no-table --csv {D}/new/t.csv"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("folder " + path("new") + " does not exist"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace robens
