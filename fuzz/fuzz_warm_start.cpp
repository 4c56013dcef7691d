// Fuzzes the warm-start entry point (run/warm_start_file.hpp): recognising a network file or an
// fBP message file by content, the rSA schedule it recorded, and the starting networks built
// from it for the shape the file itself declares.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "robens/run/warm_start_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using robens::WarmStartPick;
  const auto path = robens::fuzz::as_file(data, size, "start");
  robens::fuzz::expect_input_error([&] { (void)robens::load_warm_start(path, "fbp"); });
  robens::fuzz::expect_input_error([&] {
    const auto start = robens::load_warm_start(path, "rsa", WarmStartPick::automatic, true);
    if (start.center) (void)start.starting_networks(3, start.center->shape);
  });
  return 0;
}
