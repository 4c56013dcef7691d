// Fuzzes the TOML sweep experiment reader (sweep/experiment.hpp, via toml++) and the job
// expansion. Without toml++ the reader rejects every .toml file (still a valid harness).
#include <cstddef>
#include <cstdint>

#include "fuzz_experiment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  robens::fuzz::fuzz_experiment(data, size, "experiment.toml");
  return 0;
}
