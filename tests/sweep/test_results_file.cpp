// The sweep results file without the CLI: append and reopen, torn-line repair, the lock.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "cli/cli_runner.hpp"
#include "robens/core/error.hpp"
#include "robens/sweep/results_file.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;
using testing::slurp;

class ResultsFile : public testing::ScratchDirTest {
 protected:
  static std::string line(const std::string& job) {
    return json{
        {"argv", {"train"}}, {"job", job}, {"point", {{"N", 21}}}, {"result", {{"solved", true}}}}
        .dump();
  }
};

TEST_F(ResultsFile, AppendedRecordsAreFoundOnReopen) {
  {
    sweep::ResultsFile file(path("sub/r.jsonl"));  // creates the folder and the file
    EXPECT_FALSE(file.contains("a"));
    file.append(json::parse(line("a")));
    file.append(json::parse(line("b")));
    EXPECT_TRUE(file.contains("b"));
  }
  EXPECT_EQ(slurp(path("sub/r.jsonl")), line("a") + "\n" + line("b") + "\n");
  sweep::ResultsFile again(path("sub/r.jsonl"));
  EXPECT_TRUE(again.contains("a"));
  EXPECT_TRUE(again.contains("b"));
  EXPECT_FALSE(again.contains("c"));
  EXPECT_EQ(again.repaired_bytes(), 0U);
  EXPECT_EQ(sweep::ResultsFile::read_job_ids(path("sub/r.jsonl")),
            (std::set<std::string>{"a", "b"}));
  EXPECT_TRUE(sweep::ResultsFile::read_job_ids(path("missing.jsonl")).empty());
}

TEST_F(ResultsFile, TornLastLineIsCutOff) {
  const std::string good = line("a") + "\n" + line("b") + "\n";
  const std::string torn = line("c").substr(0, 15);
  write("r.jsonl", good + torn);
  {
    sweep::ResultsFile file(path("r.jsonl"));
    EXPECT_EQ(file.repaired_bytes(), torn.size());
    EXPECT_TRUE(file.contains("a"));
    EXPECT_TRUE(file.contains("b"));
    EXPECT_FALSE(file.contains("c"));
    file.append(json::parse(line("c")));  // the job runs again and lands after the good lines
  }
  EXPECT_EQ(slurp(path("r.jsonl")), good + line("c") + "\n");
}

TEST_F(ResultsFile, WholeLastRecordWithoutNewlineIsKept) {
  write("r.jsonl", line("a") + "\n" + line("b"));
  {
    sweep::ResultsFile file(path("r.jsonl"));
    EXPECT_EQ(file.repaired_bytes(), 0U);
    EXPECT_TRUE(file.contains("b"));
    file.append(json::parse(line("c")));
  }
  EXPECT_EQ(slurp(path("r.jsonl")), line("a") + "\n" + line("b") + "\n" + line("c") + "\n");
}

TEST_F(ResultsFile, BlankLinesAreKept) {
  const std::string text = line("a") + "\n\n" + line("b") + "\n";
  write("r.jsonl", text);
  {
    sweep::ResultsFile file(path("r.jsonl"));
    EXPECT_TRUE(file.contains("a"));
    EXPECT_TRUE(file.contains("b"));
  }
  EXPECT_EQ(slurp(path("r.jsonl")), text);
}

// Someone else's file given as the results file: neither repaired nor appended to.
TEST_F(ResultsFile, FilesThatAreNotResultsFilesAreRefusedUntouched) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {line("a") + "\nnot a record\n" + line("b") + "\n", "line 2 is not a sweep record"},
      {"[1, 2]\n", "line 1 is not a sweep record"},
      {R"({"job": "a", "result": {}})"
       "\n",
       "line 1 is not a sweep record"},  // no argv
      {"# my notes\nthe last line, without a newline", "line 1 is not a sweep record"},
      {"one line without a newline", "its last line is not a sweep record"},
  };
  for (const auto& [text, why] : cases) {
    SCOPED_TRACE(text);
    write("r.jsonl", text);
    try {
      sweep::ResultsFile file(path("r.jsonl"));
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), path("r.jsonl") + ": not a robens sweep results file (" +
                                           why + "); refusing to write to it");
    }
    EXPECT_EQ(slurp(path("r.jsonl")), text);
  }
}

TEST_F(ResultsFile, ARecordTornBeforeItsFirstLineEndedIsStillRepaired) {
  write("r.jsonl", line("a").substr(0, 30));
  {
    sweep::ResultsFile file(path("r.jsonl"));
    EXPECT_EQ(file.repaired_bytes(), 30U);
  }
  EXPECT_EQ(slurp(path("r.jsonl")), "");
}

TEST_F(ResultsFile, SecondOpenFailsWhileTheFirstHoldsTheLock) {
  auto first = std::make_unique<sweep::ResultsFile>(path("r.jsonl"));
  try {
    sweep::ResultsFile second(path("r.jsonl"));
    ADD_FAILURE() << "the second open should fail";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              path("r.jsonl") + ": the results file is in use by another robens sweep");
  }
  first.reset();
  EXPECT_NO_THROW(sweep::ResultsFile third(path("r.jsonl")));
}

}  // namespace
}  // namespace robens
