#pragma once
// What every training algorithm receives: the data, the architecture, the run's seed, and the
// description of where the data came from (recorded in every output). A test set and the teacher
// of teacher-student data are for the runner's measurements (run/run.hpp); algorithms train on
// `patterns` only.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "robens/core/pattern_set.hpp"
#include "robens/models/binary_network.hpp"
#include "robens/models/network_shape.hpp"

namespace robens {

struct TrainingProblem {
  PatternSet patterns;
  NetworkShape shape;
  std::uint64_t seed = 1;  // algorithms derive all their streams from it (see core/rng.hpp)
  // The problem's parameters as recorded in "params" (model, arch, N, K, M, alpha, ...); filled
  // by build_problem (run/problem.hpp) or by whoever made the patterns.
  nlohmann::json description = nlohmann::json::object();
  PatternSet test;                       // held-out patterns (none when empty)
  std::optional<BinaryNetwork> teacher;  // the rule that labelled generated data
};

}  // namespace robens
