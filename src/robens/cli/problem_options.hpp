#pragma once
// The options that describe a training problem (architecture and data), shared by `train`,
// `generate` and the sweep tools: --model, --arch, --N, --K, --activation, --alpha, --patterns,
// --teacher, --seed, --data-seed.
#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "robens/algorithms/training_problem.hpp"

namespace robens::cli {

struct ProblemOptions {
  std::string model = "committee";
  std::string architecture = "fc";
  std::string activation = "sign";
  long n = 321;
  long k = 5;
  double alpha = 0.5;
  std::string patterns_file;
  bool teacher = false;
  std::uint64_t seed = 1;
  std::optional<std::uint64_t> data_seed;

  // with_file: also offer --patterns (train, eval) rather than generation only.
  void add_to(CLI::App& app, bool with_file = true);
  // The network shape; `file_inputs` (> 0) is the pattern length of a loaded file.
  NetworkShape shape(std::size_t file_inputs = 0) const;
  // Loads --patterns or generates M = round(alpha · weights) patterns from the data seed.
  TrainingProblem build() const;
  std::uint64_t effective_data_seed() const { return data_seed.value_or(seed); }
  nlohmann::json to_json(const TrainingProblem& problem) const;

 private:
  CLI::Option* n_option_ = nullptr;
  CLI::Option* k_option_ = nullptr;
  CLI::Option* alpha_option_ = nullptr;
};

}  // namespace robens::cli
