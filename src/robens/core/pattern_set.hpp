#pragma once
// A training set: M bit-packed ±1 input patterns of length N (pattern-major), and ±1 labels.
// The weight-major layout (one row of M bits per input coordinate) is derived on demand.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "robens/core/bitvector.hpp"

namespace robens {

struct PatternSet {
  BitMatrix inputs;                 // rows: patterns, cols: input coordinates
  std::vector<std::int8_t> labels;  // one ±1 label per pattern

  PatternSet() = default;
  PatternSet(std::size_t patterns, std::size_t input_size)
      : inputs(patterns, input_size), labels(patterns, 1) {}

  std::size_t size() const { return inputs.rows(); }
  std::size_t input_size() const { return inputs.cols(); }
  BitMatrix weight_major() const { return inputs.transposed(); }
  // Throws InputError unless labels are ±1 and sizes agree.
  void validate() const;
  friend bool operator==(const PatternSet&, const PatternSet&) = default;
};

// i.i.d. fair ±1 inputs and labels.
PatternSet random_patterns(std::size_t patterns, std::size_t input_size, std::uint64_t seed);

// M = round-half-even(alpha · weights); rejects alpha that gives no pattern or an absurd number of
// them.
std::size_t patterns_for_load(double alpha, std::size_t weights);

}  // namespace robens
