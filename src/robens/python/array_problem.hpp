#pragma once
// A training problem from patterns in memory (numpy arrays or a Patterns object), with the
// network described by the problem table's keys as for a pattern file (run/problem.hpp): N is the
// width of X (giving another N is an error), model / arch / activation / K as given or their
// defaults; alpha, teacher, data_seed and patterns describe generated or file data and are refused.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "robens/algorithms/training_problem.hpp"

namespace robens::python {

TrainingProblem problem_from_patterns(PatternSet patterns, const nlohmann::json& values,
                                      std::uint64_t seed, const std::string& source);

}  // namespace robens::python
