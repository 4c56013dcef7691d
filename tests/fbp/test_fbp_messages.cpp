// Message files (docs/fbp.md, "Message files"): exact round trip in both formats, gzip and plain
// input, malformed files rejected, and resuming from saved messages repeats the next step exactly.
#include <gtest/gtest.h>

#include <fstream>

#include "fbp_test_util.hpp"
#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/algorithms/fbp/fbp_messages.hpp"
#include "robens/core/error.hpp"
#include "robens/io/message_file.hpp"
#include "robens/run/run.hpp"
#include "robens/run/warm_start_file.hpp"

namespace robens {
namespace {

FbpMessages sample_messages(MessageFormat f) {
  FbpMessages m = random_messages(f, 7, 3, 4, 0.9, 11);
  for (std::size_t i = 0; i < m.ux.size(); ++i) m.ux[i] = 0.1 * static_cast<double>(i) - 0.3;
  if (f == MessageFormat::tanh) {
    m.mt2 = {bp::kInf, -bp::kInf, bp::kInf, bp::kInf};
    m.mw[2] = 1e-300;
    m.mw[3] = -123456.789;
  }
  return m;
}

TEST(FbpMessages, TextRoundTripIsExact) {
  for (auto f : {MessageFormat::tanh, MessageFormat::plain}) {
    const FbpMessages m = sample_messages(f);
    const std::string text = messages_to_text(m, "{\"version\":\"x\"}");
    EXPECT_NE(text.find("m\xcf\x84"
                        "1[4]"),
              std::string::npos);  // τ labels as in the reference
    EXPECT_TRUE(messages_from_text(text) == m);
    // 2K + 3M + MK + 1 data lines, header lines, END.
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1 + 2 + (2 * 3 + 3 * 4 + 4 * 3 + 1) + 1);
  }
}

TEST(FbpMessages, GzipFileRoundTripAndPlainFilesAreRead) {
  const FbpMessages m = sample_messages(MessageFormat::tanh);
  const std::string gz = testing::TempDir() + "fbp_msgs.txt.gz";
  write_messages(gz, m);
  std::ifstream raw(gz, std::ios::binary);
  unsigned char magic[2] = {0, 0};
  raw.read(reinterpret_cast<char*>(magic), 2);
  EXPECT_EQ(magic[0], 0x1f);  // gzip
  EXPECT_EQ(magic[1], 0x8b);
  EXPECT_TRUE(read_messages(gz) == m);
  const std::string plain = testing::TempDir() + "fbp_msgs.txt";
  std::ofstream(plain) << messages_to_text(m);
  EXPECT_TRUE(read_messages(plain) == m);
  // Conversion between formats: tanh → plain → tanh keeps unsaturated fields.
  const FbpMessages back =
      convert_messages(convert_messages(m, MessageFormat::plain), MessageFormat::tanh);
  for (std::size_t i = 0; i < m.uw.size(); ++i) EXPECT_NEAR(back.uw[i], m.uw[i], 1e-12);
  EXPECT_EQ(back.mt2[0], 30.0);  // plain → tanh clamps at ±30
}

TEST(FbpMessages, MalformedFilesAreRejected) {
  const std::string good = messages_to_text(sample_messages(MessageFormat::plain));
  auto rejects = [](const std::string& text, const std::string& what) {
    EXPECT_THROW(messages_from_text(text), InputError) << what;
  };
  rejects("", "empty");
  rejects("fmt: log\n" + good.substr(good.find('\n') + 1), "bad format");
  rejects(good.substr(0, good.rfind("END")), "no END");
  rejects(good + "ux[1] 1 2 3\n", "text after END");
  std::string short_line = good;
  short_line.replace(short_line.find("ux[1]"), 5, "ux[9]");
  rejects(short_line, "unknown label");
  std::string dup = good;
  const auto line_end = dup.find('\n', dup.find("mw[1]"));
  dup.insert(line_end + 1, dup.substr(dup.find("mw[1]"), line_end - dup.find("mw[1]") + 1));
  rejects(dup, "repeated line");
  std::string nan_text = good;
  const auto p = nan_text.find(' ', nan_text.find("uw[1][1]"));
  nan_text.insert(p + 1, "x");
  rejects(nan_text, "not a number");
  std::string sizes = good;
  sizes.replace(sizes.find("N,K,M: 7 3 4"), 12, "N,K,M: 7 3 5");
  rejects(sizes, "wrong sizes");
  EXPECT_THROW(read_messages(testing::TempDir() + "no_such_messages.gz"), InputError);
}

TEST(FbpMessages, ResumeFromSavedMessagesRepeatsTheNextStep) {
  const TrainingProblem problem = fbp_test::committee_problem(21, 5, 0.6, 4);
  FbpParameters p = fbp_test::reference_settings();
  p.max_iters = 3;
  p.write_outfile = WriteOutfile::always;  // never stop early: the run length is fixed
  const std::string dir = testing::TempDir();
  Observer none;
  // Uninterrupted: steps 1..6.
  p.max_steps = 6;
  p.save_messages = dir + "fbp_full.gz";
  FocusingBp full_run(p);
  const TrainResult full = run(problem, full_run).result;  // the runner writes the files
  // Interrupted after step 5, saved, then resumed for step 6 only.
  p.max_steps = 5;
  p.save_messages = dir + "fbp_part.gz";
  FocusingBp part(p);
  run(problem, part);
  const WarmStart start = load_warm_start(dir + "fbp_part.gz", "fbp");
  p.start_step = 6;
  p.max_steps = 1;
  p.save_messages = dir + "fbp_resumed.gz";
  fbp_test::RecordingObserver rec;
  FocusingBp resumed_run(p);
  const TrainResult resumed = run(problem, resumed_run, rec, start).result;
  ASSERT_EQ(rec.records.size(), 1U);
  EXPECT_EQ(rec.records[0].step, 6);
  EXPECT_TRUE(read_messages(dir + "fbp_full.gz") == read_messages(dir + "fbp_resumed.gz"));
  EXPECT_EQ(full.center, resumed.center);
  // Per-step message files from the template.
  FbpParameters t = fbp_test::reference_settings();
  t.protocol = ProtocolKind::scoping;
  t.gamma = "0.5,1";
  t.y = 3;
  t.write_outfile = WriteOutfile::always;
  t.messages_template = dir + "fbp_step_%gamma%.gz";
  FocusingBp per_step(t);
  run(problem, per_step);
  EXPECT_EQ(read_messages(dir + "fbp_step_0.5.gz").m, problem.patterns.size());
  EXPECT_EQ(read_messages(dir + "fbp_step_1.gz").n, 21U);
}

}  // namespace
}  // namespace robens
