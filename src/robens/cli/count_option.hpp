#pragma once
// Counts such as --max-iterations are often written in scientific notation (1e9, 2.5e8). CLI11
// parses integers strictly, so this transformer rewrites an exact integer written as a decimal or
// in e-notation into plain digits first; anything else (1.5, 1e-3, 1e30) is left for CLI11 to
// reject.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdlib>
#include <string>

namespace robens::cli {

inline CLI::Validator scientific_count() {
  return CLI::Validator(
      [](std::string& value) {
        if (value.find_first_of("eE.") == std::string::npos) return std::string{};
        char* end = nullptr;
        const double x = std::strtod(value.c_str(), &end);
        if (end == value.c_str() || *end != '\0' || !std::isfinite(x) || x != std::floor(x) ||
            std::fabs(x) > 9.0e15)  // beyond 2^53 a double no longer holds every integer
          return std::string{};
        value = std::to_string(static_cast<long long>(x));
        return std::string{};
      },
      "", "");
}

}  // namespace robens::cli
