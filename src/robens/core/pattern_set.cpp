#include "robens/core/pattern_set.hpp"

#include <cmath>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"

namespace robens {

void PatternSet::validate() const {
  require(labels.size() == inputs.rows(), "pattern set has {} patterns but {} labels",
          inputs.rows(), labels.size());
  for (std::size_t a = 0; a < labels.size(); ++a)
    require(labels[a] == 1 || labels[a] == -1, "label of pattern {} is {}, expected +1 or -1",
            a + 1, static_cast<int>(labels[a]));
}

PatternSet random_patterns(std::size_t patterns, std::size_t input_size, std::uint64_t seed) {
  PatternSet set(patterns, input_size);
  Rng inputs(seed, StreamPurpose::patterns);
  Rng labels(seed, StreamPurpose::labels);
  const Word last_mask = tail_mask(input_size);
  for (std::size_t a = 0; a < patterns; ++a) {
    auto row = set.inputs.row(a);
    for (auto& w : row) w = inputs.next_u64();
    if (!row.empty()) row.back() &= last_mask;
    set.labels[a] = static_cast<std::int8_t>(labels.sign());
  }
  return set;
}

std::size_t patterns_for_load(double alpha, std::size_t weights) {
  require(std::isfinite(alpha) && alpha > 0, "alpha must be a positive finite number (got {})",
          alpha);
  constexpr double kMaxPatterns = 1e8;
  // Round half to even (as the reference code does): alpha = 0.5 with 1605 weights gives M = 802.
  const double m = std::nearbyint(alpha * static_cast<double>(weights));
  require(m >= 1, "alpha = {} gives M = round(alpha * {}) = 0 patterns; raise alpha", alpha,
          weights);
  require(m <= kMaxPatterns, "alpha = {} gives M = {:.0f} patterns, over the limit of {:.0f}",
          alpha, m, kMaxPatterns);
  return static_cast<std::size_t>(m);
}

}  // namespace robens
