// robens: command-line entry point. Dispatches to one function per subcommand.
#include <fmt/format.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>

#include "robens/cli/commands.hpp"
#include "robens/cli/standard_output.hpp"
#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/sweep/job_lock.hpp"

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*run)(int, char**);
};

// One line per subcommand.
constexpr Subcommand kSubcommands[] = {
    {"train", "train a network (rSGD by default) on generated or loaded patterns",
     robens::cli::train_command},
    {"generate", "write a pattern file (random or teacher-student)", robens::cli::generate_command},
    {"eval", "errors, stabilities and energy of a saved network on a pattern file",
     robens::cli::eval_command},
    {"measure", "robustness curves, stabilities and overlaps of saved networks",
     robens::cli::measure_command},
    {"theory", "replica-theory capacities, AT line, 1RSB, Franz-Parisi and large-deviation curves",
     robens::cli::theory_command},
    {"sweep", "run an experiment grid x seeds in parallel (resumable, MPI), one record per job",
     robens::cli::sweep_command},
    {"report", "summary tables (Markdown, CSV) and plots of sweep results",
     robens::cli::report_command},
};

void print_usage() {
  fmt::print(
      "robens {} - robust-ensemble training of binary neural networks\n\n"
      "Usage: robens SUBCOMMAND [OPTIONS]\n"
      "       robens SUBCOMMAND --help    options of one subcommand, with defaults\n\n"
      "Subcommands:\n",
      robens::kVersion);
  for (const auto& s : kSubcommands) fmt::print("  {:<10} {}\n", s.name, s.summary);
  fmt::print(
      "\nExamples:\n"
      "  robens train                                   # default: fc committee N=321 K=5 "
      "alpha=0.5, rSGD y=7\n"
      "  robens train --model perceptron --N 1001 --alpha 0.6 --y 7 --json\n"
      "  robens generate --N 321 --alpha 0.5 --out patterns.txt\n"
      "  robens train --patterns patterns.txt --save net.json && robens eval net.json "
      "patterns.txt\n");
}

// Runs one subcommand; an InputError is one line on standard error and exit status 2.
int run_subcommand(const Subcommand& s, int argc, char** argv) {
  std::string program = std::string("robens ") + s.name;
  argv[1] = program.data();
  try {
    return s.run(argc - 1, argv + 1);
  } catch (const robens::InputError& e) {
    fmt::print(stderr, "robens {}: error: {}\n", s.name, e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr,
               "robens {}: error: out of memory (the problem is too large for this machine)\n",
               s.name);
    return 2;
  } catch (const std::system_error& e) {
    // fmt::print throws this when standard output fails (a full disk): reported at the end.
    if (std::ferror(stdout) != 0) {
      robens::cli::standard_output_failed(e.code().value());
      return 2;
    }
    fmt::print(stderr, "robens {}: internal error: {}\n", s.name, e.what());
    return 3;
  } catch (const std::exception& e) {
    fmt::print(stderr, "robens {}: internal error: {}\n", s.name, e.what());
    return 3;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // A `train` job of a sweep stops when its sweep dies, even by SIGKILL (sweep/job_lock.hpp).
  robens::sweep::follow_sweep_process();
  robens::cli::watch_standard_output();
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    print_usage();
    return robens::cli::finish_standard_output(0);
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    fmt::print("robens {}\n", robens::kVersion);
    return robens::cli::finish_standard_output(0);
  }
  const std::string_view name = argv[1];
  for (const auto& s : kSubcommands)
    if (name == s.name) return robens::cli::finish_standard_output(run_subcommand(s, argc, argv));
  fmt::print(stderr, "robens: error: unknown subcommand '{}' (try robens --help)\n", name);
  return 2;
}
