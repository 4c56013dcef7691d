#pragma once
// What every training algorithm receives: the data, the architecture, and the run's seed.
#include <cstdint>

#include "robens/core/pattern_set.hpp"
#include "robens/models/network_shape.hpp"

namespace robens {

struct TrainingProblem {
  PatternSet patterns;
  NetworkShape shape;
  std::uint64_t seed = 1;  // algorithms derive all their streams from it (see core/rng.hpp)
};

}  // namespace robens
