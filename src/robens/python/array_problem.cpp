#include "robens/python/array_problem.hpp"

#include "robens/core/error.hpp"
#include "robens/run/problem.hpp"

namespace robens::python {

TrainingProblem problem_from_patterns(PatternSet patterns, const nlohmann::json& values,
                                      std::uint64_t seed, const std::string& source) {
  const ProblemParameters p = problem_parameter_table().from_json(values);
  nlohmann::json given = nlohmann::json::object();
  for (const auto& [key, value] : values.items()) given[canonical_key(key)] = value;
  for (const char* key : {"alpha", "teacher", "data_seed", "teacher_seed", "test_size"})
    require(!given.contains(key),
            "{}: not with X, y (the arrays are the patterns: give either arrays or generated data)",
            key);
  // Every key of read data (docs/data.md), `patterns` included.
  for (const char* key : {"patterns", "data", "data_format", "labels", "header", "label_column",
                          "binarize", "threshold", "classes", "other_classes", "pad", "test",
                          "test_labels", "test_fraction", "split_seed"})
    require(!given.contains(key),
            "{}: not with X, y (the arrays are the patterns: give either arrays or a file)", key);
  const std::size_t inputs = patterns.input_size();
  require(!given.contains("N") || static_cast<std::size_t>(p.n) == inputs,
          "N = {} does not match the {} inputs per pattern in {}", p.n, inputs, source);
  NetworkShape shape;
  if (p.model == ModelKind::perceptron) {
    require(!given.contains("K") || p.k == 1, "a perceptron has K = 1 (got K = {})", p.k);
    require(p.activation == Activation::sign,
            "a perceptron has a sign output; activation relu needs model committee");
    shape = NetworkShape::perceptron(inputs);
  } else {
    shape = NetworkShape::committee(p.arch, inputs, static_cast<std::size_t>(p.k), p.activation);
  }
  shape.validate();
  return make_problem(std::move(patterns), shape, seed, source);
}

}  // namespace robens::python
