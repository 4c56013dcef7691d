#include "robens/run/problem.hpp"

#include "robens/core/error.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/models/teacher.hpp"

namespace robens {

using P = ProblemParameters;

const ParameterTable<P>& problem_parameter_table() {
  static const ParameterTable<P> table{
      param("model", &P::model, "perceptron | committee"),
      param("arch", &P::arch, "committee architecture: fc (fully connected) | tree"),
      param("activation", &P::activation,
            "hidden units: sign | relu (relu: K even, output weights +1 on half the units and -1 "
            "on the other half; trained by rsa)"),
      param("N", &P::n,
            "inputs: per hidden unit for fc (and the perceptron), in total for tree; odd for sign "
            "units")
          .at_least(1),
      param("K", &P::k, "hidden units (odd for sign units; ignored for the perceptron)")
          .at_least(1),
      param("alpha", &P::alpha, "load: patterns per weight, M = round(alpha * weights)").above(0),
      param("patterns", &P::patterns,
            "read patterns from FILE (text or .rbp binary) instead of generating them")
          .input_file(),
      param("teacher", &P::teacher,
            "label the generated patterns with a random teacher of the same architecture"),
      param("data_seed", &P::data_seed, "seed of the generated patterns only (-1: the run's seed)")
          .at_least(-1),
  };
  return table;
}

namespace {

NetworkShape shape_of(const P& p, const nlohmann::json& given, std::size_t file_inputs) {
  std::size_t inputs = static_cast<std::size_t>(p.n);
  if (file_inputs > 0) {
    require(!given.contains("N") || inputs == file_inputs,
            "N = {} does not match the {} inputs per pattern in {}", p.n, file_inputs, p.patterns);
    inputs = file_inputs;
  }
  NetworkShape s;
  if (p.model == ModelKind::perceptron) {
    require(!given.contains("K") || p.k == 1, "a perceptron has K = 1 (got K = {})", p.k);
    require(p.activation == Activation::sign,
            "a perceptron has a sign output; activation relu needs model committee");
    s = NetworkShape::perceptron(inputs);
  } else {
    s = NetworkShape::committee(p.arch, inputs, static_cast<std::size_t>(p.k), p.activation);
  }
  s.validate();
  return s;
}

// The recorded problem parameters (N is the network's, whatever the option said).
nlohmann::json describe(const P& p, const TrainingProblem& problem, std::uint64_t data_seed) {
  nlohmann::json j = {{"model", to_string(p.model)},
                      {"arch", to_string(problem.shape.architecture)},
                      {"activation", to_string(problem.shape.activation)},
                      {"N", problem.shape.inputs},
                      {"K", problem.shape.units},
                      {"inputs", problem.shape.inputs},
                      {"weights", problem.shape.weights()},
                      {"M", problem.patterns.size()},
                      {"seed", problem.seed},
                      {"data_seed", data_seed}};
  if (p.patterns.empty()) {
    j["alpha"] = p.alpha;
    j["teacher"] = p.teacher;
  } else {
    j["patterns"] = p.patterns;
    j["alpha"] =
        static_cast<double>(problem.patterns.size()) / static_cast<double>(problem.shape.weights());
  }
  return j;
}

}  // namespace

TrainingProblem build_problem(const nlohmann::json& values, std::uint64_t seed) {
  const auto& table = problem_parameter_table();
  const P p = table.from_json(values);
  nlohmann::json given = nlohmann::json::object();
  for (const auto& [key, value] : values.items()) given[canonical_key(key)] = value;
  const std::uint64_t data_seed = p.data_seed < 0 ? seed : static_cast<std::uint64_t>(p.data_seed);
  TrainingProblem problem;
  problem.seed = seed;
  if (!p.patterns.empty()) {
    require(!given.contains("alpha"),
            "give either patterns or alpha, not both (the file fixes the number of patterns)");
    require(!p.teacher, "teacher generates labels; it cannot be combined with a pattern file");
    problem.patterns = read_patterns(p.patterns);
    problem.shape = shape_of(p, given, problem.patterns.input_size());
  } else {
    problem.shape = shape_of(p, given, 0);
    const std::size_t m = patterns_for_load(p.alpha, problem.shape.weights());
    problem.patterns = p.teacher ? teacher_student_patterns(m, problem.shape, data_seed).patterns
                                 : random_patterns(m, problem.shape.inputs, data_seed);
  }
  problem.description = describe(p, problem, data_seed);
  return problem;
}

NetworkShape problem_shape(const nlohmann::json& values) {
  nlohmann::json given = nlohmann::json::object();
  for (const auto& [key, value] : values.items()) given[canonical_key(key)] = value;
  return shape_of(problem_parameter_table().from_json(values), given, 0);
}

TrainingProblem make_problem(PatternSet patterns, const NetworkShape& shape, std::uint64_t seed,
                             const std::string& source) {
  patterns.validate();
  shape.validate();
  require(patterns.input_size() == shape.inputs,
          "the patterns have {} inputs but the network expects {}", patterns.input_size(),
          shape.inputs);
  TrainingProblem problem;
  problem.seed = seed;
  problem.shape = shape;
  problem.patterns = std::move(patterns);
  P p;
  p.model = shape.is_perceptron() ? ModelKind::perceptron : ModelKind::committee;
  p.patterns = source;
  problem.description = describe(p, problem, seed);
  return problem;
}

}  // namespace robens
