// Fuzzes the fBP message file reader (io/message_file.hpp): the text parser in memory, and the
// file entry point (gzip or plain) when the input starts with the gzip magic.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "robens/io/message_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
    const auto path = robens::fuzz::as_file(data, size, "messages.gz");
    robens::fuzz::expect_input_error([&] { (void)robens::read_messages(path); });
    return 0;
  }
  const std::string text = robens::fuzz::as_string(data, size);
  robens::fuzz::expect_input_error([&] {
    const robens::FbpMessages msg = robens::messages_from_text(text);
    (void)robens::messages_to_text(msg);
  });
  return 0;
}
