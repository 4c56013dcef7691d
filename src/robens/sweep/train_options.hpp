#pragma once
// The options of a `train` job, from the parameter tables: the problem's, the run's and the job's
// algorithm's (run/problem.hpp, run/run_options.hpp, algorithms/registry.hpp). A sweep point is
// written with the tables' snake_case keys ("gamma_step"); the CLI spelling with dashes
// ("gamma-step") and "no_KEY": true for a boolean KEY are accepted and rewritten, so one job has
// one canonical point, one id and one command line whatever the file's spelling.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/core/parameter_spec.hpp"

namespace robens::sweep {

// The spec of `key` (canonical) for a job of `algorithm`, or nullptr.
const ParameterSpec* find_train_option(const std::string& key, const std::string& algorithm);

// The algorithm a point runs ("algo", default rsgd).
std::string algorithm_of(const nlohmann::json& point);

// `point` with canonical keys, every key and value checked against the tables (InputError naming
// the key). Values keep their JSON form (a count written "1e4" stays a string) so ids are stable.
nlohmann::json canonical_train_point(const nlohmann::json& point);

// Why the point's algorithm cannot train the point's network ("" if it can, or if the network
// comes from a pattern file and is only known when the job runs).
std::string unsupported_network(const nlohmann::json& point);

// The command-line words of one canonical option: {"--gamma-step", "0.001"}, {"--no-outatzero"}.
// `text` is the value as text (placeholders already filled in) for non-booleans.
std::vector<std::string> train_option_words(const std::string& key, const nlohmann::json& value,
                                            const std::string& algorithm, const std::string& text);

}  // namespace robens::sweep
