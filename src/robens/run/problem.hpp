#pragma once
// The training problem as parameters (declared once, like an algorithm's): the network (model,
// arch, activation, N, K) and the data (generated at load alpha, with a teacher or not, or read
// from a pattern file). build_problem() makes the TrainingProblem and its recorded description.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/algorithms/training_problem.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/parameter_table.hpp"

namespace robens {

enum class ModelKind { perceptron, committee };
template <>
struct EnumNames<ModelKind> {
  static constexpr std::pair<ModelKind, const char*> values[] = {
      {ModelKind::perceptron, "perceptron"}, {ModelKind::committee, "committee"}};
};

// Defaults here are the defaults everywhere (CLI, sweeps, Python): problem_parameter_table().
struct ProblemParameters {
  ModelKind model = ModelKind::committee;
  Architecture arch = Architecture::fully_connected;
  Activation activation = Activation::sign;
  long n = 321;          // inputs: per hidden unit for fc (and the perceptron), in total for tree
  long k = 5;            // hidden units
  double alpha = 0.5;    // load: M = round(alpha · weights)
  std::string patterns;  // read the patterns from this file instead of generating them
  bool teacher = false;  // label generated inputs with a random teacher of the same network
  long data_seed = -1;   // seed of the generated data (-1: the run's seed)
};

const ParameterTable<ProblemParameters>& problem_parameter_table();

// The problem of `values` (keys of the problem table; omitted ones take their defaults) with
// run seed `seed`. With a pattern file, N is the file's and alpha is implied (giving alpha, a
// different N or teacher is an error). Throws InputError.
TrainingProblem build_problem(const nlohmann::json& values, std::uint64_t seed);

// The network of `values` without making the data (a pattern file is not read: its N is then the
// N given or the default). Throws InputError for an invalid network.
NetworkShape problem_shape(const nlohmann::json& values);

// A problem from patterns already in memory (e.g. numpy arrays): `source` names them in the
// description ("patterns").
TrainingProblem make_problem(PatternSet patterns, const NetworkShape& shape, std::uint64_t seed,
                             const std::string& source);

}  // namespace robens
