#pragma once
// Every `robens SUBCOMMAND` is one function taking the arguments after the subcommand name
// (argv[0] is "robens SUBCOMMAND"). It returns the exit code; InputError escapes to main, which
// prints it as one line and exits with status 2.
namespace robens::cli {

int generate_command(int argc, char** argv);
int train_command(int argc, char** argv);
int eval_command(int argc, char** argv);
int measure_command(int argc, char** argv);
int theory_command(int argc, char** argv);
int sweep_command(int argc, char** argv);
int report_command(int argc, char** argv);

}  // namespace robens::cli
