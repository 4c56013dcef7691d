#include "robens/run/run_files.hpp"

#include "robens/io/output_policy.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run_options.hpp"

namespace robens {

void check_run_files(const nlohmann::json& problem, const nlohmann::json& run_options,
                     const std::vector<ParameterSpec>& algorithm_specs,
                     const nlohmann::json& algorithm, bool cli_names) {
  OutputPolicy files;
  add_parameter_files(files, problem_parameter_table().specs(), problem, cli_names);
  add_parameter_files(files, run_option_table().specs(), run_options, cli_names);
  add_parameter_files(files, algorithm_specs, algorithm, cli_names);
  files.check();
}

}  // namespace robens
