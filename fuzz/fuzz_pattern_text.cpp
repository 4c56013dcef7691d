// Fuzzes the text pattern reader (io/pattern_file.hpp) through its in-memory entry point.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "robens/io/pattern_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = robens::fuzz::as_string(data, size);
  robens::fuzz::expect_input_error([&] { robens::patterns_from_text(text).validate(); });
  return 0;
}
