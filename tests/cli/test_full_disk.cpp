// A full disk is an error, never a silently short output: every output of every command written
// to /dev/full (writes fail with ENOSPC) exits with status 2 and the system's reason, standard
// output included. A file-size limit (ulimit -f: writes fail with EFBIG past it) stands in for a
// disk that fills up during a run: an atomic write then leaves the old file as it was and no
// temporary file behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::run_cli;
using testing::slurp;

// `robens ARGS` run by sh after `setup`, with standard output to `out`.
CliRun run_sh(const std::string& setup, const std::string& args, const std::string& out) {
  const fs::path err =
      fs::temp_directory_path() / ("robens_full_disk_" + std::to_string(::getpid()));
  const std::string cmd =
      setup + " " + ROBENS_CLI_PATH + " " + args + " >" + out + " 2>" + err.string();
  const int raw = std::system(cmd.c_str());
  CliRun r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

class FullDisk : public testing::ScratchDirTest {
 protected:
  void SetUp() override {
    ScratchDirTest::SetUp();
    ASSERT_EQ(run_cli("generate --N 21 --K 3 --alpha 0.3 --out " + path("p.txt")).status, 0);
    ASSERT_EQ(run_cli("train --patterns " + path("p.txt") + " --K 3 --y 3 --quiet --save " +
                      path("net.json"))
                  .status,
              0);
    write("s.json", R"({"name": "s", "fixed": {"model": "perceptron", "N": 21, "alpha": 0.3},
                        "seeds": 2})");
    ASSERT_EQ(run_cli("sweep " + path("s.json") + " -q --output " + path("r.jsonl")).status, 0);
  }
  // No temporary file (*.tmp-*) of an atomic write is left in the folder.
  void expect_no_temporary_files() const {
    for (const auto& e : fs::directory_iterator(dir))
      EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
};

TEST_F(FullDisk, EveryFileOutputOnAFullDiskIsAnErrorNamingIt) {
  const std::string p = path("p.txt"), net = path("net.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"train --model perceptron --N 21 --quiet --trace /dev/full",
       "/dev/full: cannot write the trace: No space left on device"},
      {"train --model perceptron --N 21 --quiet --save /dev/full",
       "/dev/full: cannot write: No space left on device"},
      {"train --algo fbp --model perceptron --N 21 --no-outatzero --max-steps 2 --quiet "
       "--outfile /dev/full",
       "/dev/full: cannot write the thermodynamics table: No space left on device"},
      {"eval " + net + " " + p + " --stabilities /dev/full", "No space left on device"},
      {"measure " + net + " " + p + " --perturbations 2 --out /dev/full",
       "No space left on device"},
      {"generate --N 21 --out /dev/full", "No space left on device"},
      {"report " + path("r.jsonl") + " --no-table --csv /dev/full", "No space left on device"},
  };
  for (const auto& [args, message] : cases) {
    SCOPED_TRACE(args);
    const auto r = run_cli(args);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
}

TEST_F(FullDisk, StandardOutputOnAFullDiskIsAnError) {
  const std::vector<std::string> cases = {
      "train --model perceptron --N 21 --quiet --json",
      "train --model perceptron --N 21 --quiet",
      "theory capacity --model perceptron",
      "theory local-entropy-bound --points 2000",  // more than one buffer: fails while printing
      "eval " + path("net.json") + " " + path("p.txt") + " --json",
      "report " + path("r.jsonl"),
      "sweep " + path("s.json") + " --list",
      "--help",
  };
  for (const auto& args : cases) {
    SCOPED_TRACE(args);
    const auto r = run_sh("", args, "/dev/full");
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("robens: error writing standard output: No space left on device"),
              std::string::npos)
        << r.err;
  }
  EXPECT_EQ(run_sh("", "theory capacity --model perceptron", "/dev/null").status, 0);
}

TEST_F(FullDisk, AFailedSaveLeavesTheOldFileAndNoTemporaryFile) {
  const std::string old = slurp(path("net.json"));
  // 8 networks of 1001 weights do not fit in 2 KiB.
  const auto r =
      run_sh("trap '' XFSZ; ulimit -f 4;",
             "train --model perceptron --N 1001 --alpha 0.1 --quiet --save " + path("net.json"),
             "/dev/null");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(path("net.json") + ": cannot write: File too large"), std::string::npos)
      << r.err;
  EXPECT_EQ(slurp(path("net.json")), old);
  expect_no_temporary_files();
}

TEST_F(FullDisk, ATraceThatStopsFittingStopsTheRun) {
  // Over capacity: the run would go on for 10^9 epochs; the trace fills 2 KiB at once.
  const auto r = run_sh("trap '' XFSZ; ulimit -f 4;",
                        "train --model perceptron --N 201 --alpha 1.2 --max-epochs 1e9 --quiet "
                        "--trace " +
                            path("t.jsonl") + " --save " + path("t.net.json"),
                        "/dev/null");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find(path("t.jsonl") + ": cannot write the trace: File too large"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(path("t.net.json")));
  expect_no_temporary_files();
}

}  // namespace
}  // namespace robens
