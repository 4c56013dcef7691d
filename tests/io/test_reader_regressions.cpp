// Inputs the fuzzers (fuzz/, docs/reliability.md) found to crash, run out of memory or hit
// undefined behaviour in a reader, each fixed to be a clear InputError. The exact input is kept
// here (and under fuzz/corpus/ as a seed).
#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "robens/core/error.hpp"
#include "robens/io/message_file.hpp"

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
  expect_input_error([&] { (void)messages_from_text(text); }, "more than the file holds");
  expect_input_error([] { (void)messages_from_text("fmt: plain\nN,K,M: 1000 1000 1000\nEND\n"); },
                     "more than the file holds");
  // Sizes whose product wraps around in 64 bits (2^32 · 2^32 · 1).
  expect_input_error(
      [] { (void)messages_from_text("fmt: plain\nN,K,M: 4294967296 4294967296 1\nEND\n"); },
      "more than the file holds");
}

}  // namespace
}  // namespace robens
