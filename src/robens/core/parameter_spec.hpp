#pragma once
// One parameter, declared once: its key, type, default, allowed values and help text. Every front
// end derives its view from this: the CLI option `--gamma-step` and its --help line, the key
// "gamma_step" in sweep files, saved parameters and `--json`, the Python keyword argument, and
// the validation with one clear error. Keys are snake_case everywhere; the CLI spells them with
// dashes.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "robens/core/output_mode.hpp"

namespace robens {

enum class ParameterType {
  boolean,  // true / false; CLI: --key and --no-key
  integer,  // whole number
  count,    // whole number that may be written in e-notation (1e9)
  real,     // floating point
  choice,   // one of `choices`
  text,     // free text (a file name, a list of ranges...)
};

const char* to_string(ParameterType t);

struct ParameterSpec {
  std::string key;  // snake_case
  ParameterType type = ParameterType::real;
  nlohmann::json default_value;
  std::string help;
  // Numeric range (integer, count, real); open ends exclude the bound.
  double min = -INFINITY, max = INFINITY;
  bool min_open = false, max_open = false;
  // What the C++ member holds (integer types; set by param()): a value that passes the range but
  // not this is refused too, instead of wrapping around.
  double type_min = -INFINITY, type_max = INFINITY;
  std::vector<std::string> choices;  // choice
  bool sweepable = true;             // a sweep may vary it (grid axis, variant option)
  bool settable = true;              // false: fixed by the algorithm variant, recorded only
  bool output = false;               // names a file an observer writes; recorded only when set
  bool file = false;                 // text that names a file (input or output)
  OutputMode output_mode = OutputMode::replaced;  // how an output file is written

  std::string cli_flag() const;    // "--gamma-step"
  std::string range_text() const;  // "> 0", "in [0, 1)", "simple | corrected", "" if any
  // The value checked and in canonical JSON form (whole numbers as integers for integer types);
  // throws InputError naming the key.
  nlohmann::json check(const nlohmann::json& value) const;
  // Command-line text → checked value ("1e4" for a count, "true"...).
  nlohmann::json parse(std::string_view text) const;
  // The value as command-line text (for sweep jobs and help defaults).
  std::string text_of(const nlohmann::json& value) const;
};

// "gamma-step" → "gamma_step" (sweep files written with dashes keep working).
std::string canonical_key(std::string_view key);

}  // namespace robens
