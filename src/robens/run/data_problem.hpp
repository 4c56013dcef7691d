#pragma once
// The read-data half of build_problem (docs/data.md): the training data from `data` (or a
// `patterns` file), a test set from `test` or a held-out `test_fraction`, labels from class
// selection, features binarised by the rule fitted on the training rows, and the record of all
// that for "params".
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "robens/core/pattern_set.hpp"
#include "robens/run/problem.hpp"

namespace robens {

struct DataPatterns {
  PatternSet train, test;  // ±1, `features` inputs each (constant inputs not yet added)
  std::size_t features = 0;
  nlohmann::json description = nlohmann::json::object();  // data, data_format, binarize, ...
};

// Whether `p` reads its training data (from data or patterns).
bool reads_data(const ProblemParameters& p);

// InputError for data options given (`given`: canonical keys) where they do not apply.
void check_data_options(const ProblemParameters& p, const std::set<std::string>& given);

// `seed` is the run's (the default split seed).
DataPatterns load_data_patterns(const ProblemParameters& p, const std::set<std::string>& given,
                                std::uint64_t seed);

// The fewest constant inputs that make `features` inputs valid for the network of `p` (odd
// inputs per sign unit, inputs divisible among tree units).
std::size_t constant_inputs_needed(const ProblemParameters& p, std::size_t features);

}  // namespace robens
