#pragma once
// The files of a training run, declared to the output policy (io/output_policy.hpp) before it
// starts: the problem's pattern file, the run's start (--init-from), trace and saved networks, and
// the algorithm's own outputs (fBP's tables and message files). Every file-valued parameter of the
// three tables is taken, so a new output option is checked without touching this file.
#include <nlohmann/json.hpp>
#include <vector>

#include "robens/core/parameter_spec.hpp"

namespace robens {

// `problem`, `run_options` and `algorithm` are the values given to each table (keys as in
// problem_parameter_table(), run_option_table() and `algorithm_specs`). Throws InputError when an
// output is an input or another output, or cannot be written (labels: CLI flags, or keys with
// `cli_names` false).
void check_run_files(const nlohmann::json& problem, const nlohmann::json& run_options,
                     const std::vector<ParameterSpec>& algorithm_specs,
                     const nlohmann::json& algorithm, bool cli_names = true);

}  // namespace robens
