// `robens generate`: write a pattern file (random, or labelled by a random teacher).
#include <fmt/format.h>

#include "robens/cli/commands.hpp"
#include "robens/cli/problem_options.hpp"
#include "robens/core/error.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/core/version.hpp"
#include "robens/models/teacher.hpp"

namespace robens::cli {

int generate_command(int argc, char** argv) {
  CLI::App app("Write a pattern file: M = round(alpha * weights) random +1/-1 patterns with random labels, or "
               "labels from a random teacher (--teacher). Same seed and options, same file.",
               "robens generate");
  ProblemOptions problem_options;
  problem_options.add_to(app, /*with_file=*/false);
  std::string out_path, format_name = "auto", teacher_path;
  app.add_option("--out,-o", out_path, "output FILE")->required();
  app.add_option("--format", format_name, "text | binary | auto (binary for *.rbp)")
      ->check(CLI::IsMember({"text", "binary", "auto"}))->capture_default_str();
  app.add_option("--save-teacher", teacher_path, "with --teacher: also save the teacher network (JSON)");
  app.footer("Text format: one pattern per line, label first, then the inputs, as +1/-1; '#' lines are comments.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  require(teacher_path.empty() || problem_options.teacher, "--save-teacher needs --teacher");
  const TrainingProblem problem = problem_options.build();
  const nlohmann::json meta = {{"version", kVersion},
                               {"seed", problem_options.effective_data_seed()},
                               {"params", problem_options.to_json(problem)}};
  const PatternFormat format = format_name == "auto"     ? format_for_path(out_path)
                               : format_name == "binary" ? PatternFormat::binary
                                                         : PatternFormat::text;
  write_patterns(out_path, problem.patterns, format, meta.dump());
  if (!teacher_path.empty()) {
    const auto teacher = teacher_student_patterns(problem.patterns.size(), problem.shape,
                                                  problem_options.effective_data_seed());
    nlohmann::json j = {{"format", "robens-network"}, {"format_version", 1}, {"version", kVersion},
                        {"run", meta}, {"center", teacher.teacher.to_json()}};
    write_file_atomically(teacher_path, j.dump() + "\n");
  }
  fmt::print(stderr, "wrote {} patterns of {} inputs to {}\n", problem.patterns.size(), problem.patterns.input_size(),
             out_path);
  return 0;
}

}  // namespace robens::cli
