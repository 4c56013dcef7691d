#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "robens/core/error.hpp"
#include "robens/io/pattern_file.hpp"

namespace robens {
namespace {

TEST(PatternIo, TextAndBinaryRoundTripExactly) {
  for (std::size_t n : {1U, 64U, 65U, 321U}) {
    const PatternSet set = random_patterns(37, n, 5);
    EXPECT_EQ(patterns_from_text(patterns_to_text(set, R"({"seed":5})")), set);
    EXPECT_EQ(patterns_from_binary(patterns_to_binary(set, R"({"seed":5})")), set);
  }
}

TEST(PatternIo, FilesRoundTripAndFormatIsDetectedByContent) {
  const auto dir = std::filesystem::temp_directory_path() / "robens_test_io";
  std::filesystem::create_directories(dir);
  const PatternSet set = random_patterns(20, 99, 9);
  write_patterns(dir / "p.txt", set, PatternFormat::text);
  write_patterns(dir / "p.rbp", set, PatternFormat::binary);
  write_patterns(dir / "p.dat", set, PatternFormat::binary);  // binary content, non-binary name
  EXPECT_EQ(read_patterns(dir / "p.txt"), set);
  EXPECT_EQ(read_patterns(dir / "p.rbp"), set);
  EXPECT_EQ(read_patterns(dir / "p.dat"), set);
  std::filesystem::remove_all(dir);
}

TEST(PatternIo, GeneratorIsSeededAndBalanced) {
  const PatternSet a = random_patterns(200, 301, 1), b = random_patterns(200, 301, 1),
                   c = random_patterns(200, 301, 2);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  long sum = 0, labels = 0;
  for (std::size_t m = 0; m < a.size(); ++m) {
    labels += a.labels[m];
    for (std::size_t i = 0; i < a.input_size(); ++i) sum += a.inputs.get(m, i);
  }
  EXPECT_LT(std::abs(sum), 5 * std::sqrt(200.0 * 301));
  EXPECT_LT(std::abs(labels), 5 * std::sqrt(200.0));
}

void expect_error(const std::string& text, const std::string& fragment) {
  try {
    patterns_from_text(text, "f.txt");
    FAIL() << "no error for: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(PatternIo, MalformedTextIsRejectedWithLineNumbers) {
  expect_error("+1 1 -1 1\n-1 1 1\n", "f.txt:2: pattern has 2 inputs, but the first pattern has 3");
  expect_error("+1 1 0 1\n", "value '0'");
  expect_error("+1 1 nan 1\n", "value 'nan'");
  expect_error("+1 1 0.5\n", "value '0.5'");
  expect_error("2 1 1\n", "value '2'");
  expect_error("# only a comment\n", "no patterns");
  expect_error("+1\n", "needs a label and at least one input");
  EXPECT_NO_THROW(patterns_from_text("# c\n\n+1 1 -1\r\n-1 -1 -1\n"));
}

TEST(PatternIo, MalformedBinaryIsRejected) {
  const std::string good = patterns_to_binary(random_patterns(5, 70, 1));
  EXPECT_THROW(patterns_from_binary(good.substr(0, good.size() - 10)), InputError);
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  EXPECT_THROW(patterns_from_binary(bad_magic), InputError);
  std::string huge = good;
  huge[8 + 7] = 0x7f;  // N's high byte
  EXPECT_THROW(patterns_from_binary(huge), InputError);
  EXPECT_THROW(read_patterns("/nonexistent/robens.txt"), InputError);
}

TEST(PatternIo, LoadRejectsAbsurdAlpha) {
  EXPECT_THROW(patterns_for_load(0.0001, 321), InputError);
  EXPECT_THROW(patterns_for_load(-1, 321), InputError);
  EXPECT_THROW(patterns_for_load(std::nan(""), 321), InputError);
  EXPECT_THROW(patterns_for_load(1e12, 321), InputError);
  EXPECT_EQ(patterns_for_load(0.5, 1605), 802U);  // half to even, as in docs/fbp.md (M = 802)
  EXPECT_EQ(patterns_for_load(0.3, 1601), 480U);
}

}  // namespace
}  // namespace robens
