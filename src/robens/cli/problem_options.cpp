#include "robens/cli/problem_options.hpp"

#include <cmath>

#include "robens/core/error.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/models/teacher.hpp"

namespace robens::cli {

void ProblemOptions::add_to(CLI::App& app, bool with_file) {
  auto* g = app.add_option_group("Problem", "the network and the data");
  g->add_option("--model", model, "perceptron | committee")->check(CLI::IsMember({"perceptron", "committee"}))->capture_default_str();
  g->add_option("--arch", architecture, "committee architecture: fc (fully connected) | tree")
      ->check(CLI::IsMember({"fc", "tree"}))->capture_default_str();
  g->add_option("--activation", activation, "hidden units: sign | relu (relu: K even, output weights +1 on half the units and -1 on the other half; trained by --algo rsa)")
      ->check(CLI::IsMember({"sign", "relu"}))->capture_default_str();
  n_option_ = g->add_option("--N", n, "inputs: per hidden unit for fc (and the perceptron), in total for tree; odd for sign units")
                  ->capture_default_str();
  k_option_ = g->add_option("--K", k, "hidden units (odd for sign units; ignored for the perceptron)")->capture_default_str();
  alpha_option_ = g->add_option("--alpha", alpha, "load: patterns per weight, M = round(alpha * weights)")->capture_default_str();
  if (with_file)
    g->add_option("--patterns", patterns_file, "read patterns from FILE (text or .rbp binary) instead of generating them");
  g->add_flag("--teacher", teacher, "label the generated patterns with a random teacher of the same architecture");
  app.add_option("--seed", seed, "seed of every random choice (data and algorithm)")->capture_default_str();
  app.add_option("--data-seed", data_seed, "seed of the generated patterns only (default: --seed)");
}

NetworkShape ProblemOptions::shape(std::size_t file_inputs) const {
  require(n >= 1, "--N must be a positive number of inputs (got {})", n);
  require(k >= 1, "--K must be a positive number of hidden units (got {})", k);
  std::size_t inputs = static_cast<std::size_t>(n);
  if (file_inputs > 0) {
    require(n_option_ == nullptr || n_option_->count() == 0 || inputs == file_inputs,
            "--N {} does not match the {} inputs per pattern in {}", n, file_inputs, patterns_file);
    inputs = file_inputs;
  }
  NetworkShape s;
  if (model == "perceptron") {
    require(k_option_ == nullptr || k_option_->count() == 0 || k == 1, "a perceptron has K = 1 (got --K {})", k);
    require(activation == "sign", "a perceptron has a sign output; --activation relu needs --model committee");
    s = NetworkShape::perceptron(inputs);
  } else {
    s = NetworkShape::committee(parse_architecture(architecture), inputs, static_cast<std::size_t>(k),
                                parse_activation(activation));
  }
  s.validate();
  return s;
}

TrainingProblem ProblemOptions::build() const {
  TrainingProblem p;
  p.seed = seed;
  if (!patterns_file.empty()) {
    require(alpha_option_ == nullptr || alpha_option_->count() == 0,
            "give either --patterns or --alpha, not both (the file fixes the number of patterns)");
    require(!teacher, "--teacher generates labels; it cannot be combined with --patterns");
    p.patterns = read_patterns(patterns_file);
    p.shape = shape(p.patterns.input_size());
    return p;
  }
  p.shape = shape();
  const std::size_t m = patterns_for_load(alpha, p.shape.weights());
  if (teacher) {
    p.patterns = teacher_student_patterns(m, p.shape, effective_data_seed()).patterns;
  } else {
    p.patterns = random_patterns(m, p.shape.inputs, effective_data_seed());
  }
  return p;
}

nlohmann::json ProblemOptions::to_json(const TrainingProblem& problem) const {
  nlohmann::json j = {{"model", model},
                      {"arch", to_string(problem.shape.architecture)},
                      {"activation", to_string(problem.shape.activation)},
                      {"N", n},
                      {"K", problem.shape.units},
                      {"inputs", problem.shape.inputs},
                      {"weights", problem.shape.weights()},
                      {"M", problem.patterns.size()},
                      {"seed", seed},
                      {"data_seed", effective_data_seed()}};
  if (model == "perceptron") j["N"] = problem.shape.inputs;
  if (patterns_file.empty()) {
    j["alpha"] = alpha;
    j["teacher"] = teacher;
  } else {
    j["patterns"] = patterns_file;
    j["alpha"] = static_cast<double>(problem.patterns.size()) / static_cast<double>(problem.shape.weights());
  }
  return j;
}

}  // namespace robens::cli
