#include "robens/cli/parse_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace robens::cli {

int parse_error_exit(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == 0) return app.exit(error);  // --help, --help-all
  std::string what = error.what();
  std::replace(what.begin(), what.end(), '\n', ' ');
  fmt::print(stderr, "{}: error: {} (see {} --help)\n", app.get_name(), what, app.get_name());
  return 2;
}

}  // namespace robens::cli
