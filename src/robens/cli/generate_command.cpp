// `robens generate`: write a pattern file (random, or labelled by a random teacher).
#include <fmt/format.h>

#include "robens/cli/commands.hpp"
#include "robens/cli/parameter_options.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/io/network_file.hpp"
#include "robens/io/output_policy.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/run/problem.hpp"

namespace robens::cli {

int generate_command(int argc, char** argv) {
  CLI::App app(
      "Write a pattern file: M = round(alpha * weights) random +1/-1 patterns with random labels, "
      "or labels from a random teacher (--teacher). Same seed and options, same file.",
      "robens generate");
  ParameterOptions problem_options;
  auto specs = problem_parameter_table().specs();
  // One pattern file is written: no test set options (`train` takes them).
  std::erase_if(specs, [](const ParameterSpec& s) {
    return s.key == "patterns" || s.key == "test" || s.key == "test_labels" ||
           s.key == "test_fraction" || s.key == "split_seed" || s.key == "test_size";
  });
  problem_options.add(*app.add_option_group("Problem", "the network and the data"), specs);
  std::uint64_t seed = 1;
  add_seed_option(app, seed, "seed of the generated data (unless --data-seed)");
  std::string out_path, format_name = "auto", teacher_path;
  app.add_option("--out,-o", out_path, "output FILE")->required();
  app.add_option("--format", format_name, "text | binary | auto (binary for *.rbp)")
      ->check(CLI::IsMember({"text", "binary", "auto"}))
      ->capture_default_str();
  app.add_option("--save-teacher", teacher_path,
                 "with --teacher: also save the teacher network (JSON)");
  app.footer(
      "Text format: one pattern per line, label first, then the inputs, as +1/-1; '#' lines are "
      "comments.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  require(!out_path.empty(), "--out: empty file name");
  const nlohmann::json values = problem_options.values();
  const bool with_teacher = values.value("teacher", false);
  require(teacher_path.empty() || with_teacher, "--save-teacher needs --teacher");
  OutputPolicy files;
  files.add_output(out_path, "--out");
  files.add_output(teacher_path, "--save-teacher");
  files.check();
  const TrainingProblem problem = build_problem(values, seed);
  const auto data_seed = problem.description["data_seed"].get<std::uint64_t>();
  const nlohmann::json meta = {
      {"version", kVersion}, {"seed", data_seed}, {"params", problem.description}};
  const PatternFormat format = format_name == "auto"
                                   ? format_for_path(out_path)
                                   : parse_enum<PatternFormat>(format_name, "--format");
  write_patterns(out_path, problem.patterns, format, meta.dump());
  if (!teacher_path.empty()) {
    NetworkFile file;
    file.run = meta;
    file.center = *problem.teacher;
    save_network_file(teacher_path, file);
  }
  fmt::print(stderr, "wrote {} patterns of {} inputs to {}\n", problem.patterns.size(),
             problem.patterns.input_size(), out_path);
  return 0;
}

}  // namespace robens::cli
