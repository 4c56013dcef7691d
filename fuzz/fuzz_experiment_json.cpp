// Fuzzes the JSON sweep experiment reader (sweep/experiment.hpp) and the job expansion.
#include <cstddef>
#include <cstdint>

#include "fuzz_experiment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  robens::fuzz::fuzz_experiment(data, size, "experiment.json");
  return 0;
}
