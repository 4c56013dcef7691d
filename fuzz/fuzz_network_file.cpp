// Fuzzes the network/result file reader (io/network_file.hpp: `train --save`, `eval`, `measure`)
// through the file entry point, which also maps JSON syntax errors.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "robens/io/network_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = robens::fuzz::as_file(data, size, "net.json");
  robens::fuzz::expect_input_error([&] {
    const robens::NetworkFile file = robens::load_network_file(path);
    (void)file.to_json().dump();  // what `train` writes back must be valid too
  });
  return 0;
}
