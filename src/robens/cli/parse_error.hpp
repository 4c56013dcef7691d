#pragma once
// What a command does when CLI11 cannot parse its command line: after --help (CLI11 prints it)
// exit 0; otherwise the error as one line on standard error, like every other input error
// ("robens train: error: ..."), and exit 2.
#include <CLI/CLI.hpp>

namespace robens::cli {

int parse_error_exit(const CLI::App& app, const CLI::ParseError& error);

}  // namespace robens::cli
