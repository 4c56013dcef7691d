#pragma once
// Command-line options made from parameter tables (core/parameter_spec.hpp): key `gamma_step`
// becomes `--gamma-step VALUE`, a boolean `init_equal` the flags `--init-equal` / `--no-init-equal`
// (help shows the one that changes the default). Only the options given on the command line end
// up in values(), so the library applies the defaults and the validation.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/core/parameter_spec.hpp"

namespace robens::cli {

// --seed: a non-negative whole number (CLI11 alone would wrap "-1" to 2^64 − 1).
CLI::Option* add_seed_option(CLI::App& app, std::uint64_t& seed, const std::string& help);

class ParameterOptions {
 public:
  // Adds one option per settable spec to `group` (an App or an option group).
  void add(CLI::App& group, const std::vector<ParameterSpec>& specs);
  // The given options as {key: value}, each parsed and checked by its spec (InputError).
  nlohmann::json values() const;
  bool given(const std::string& key) const;

 private:
  struct Bound {
    ParameterSpec spec;
    std::string text;
    CLI::Option* option = nullptr;
    CLI::Option* negation = nullptr;  // booleans: --no-KEY
    bool flag = false;                // booleans: the value given
  };
  std::vector<std::unique_ptr<Bound>> bound_;
};

}  // namespace robens::cli
