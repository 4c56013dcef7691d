#pragma once
// An experiment description for `robens sweep`: a JSON file naming the fixed options, the grid of
// varied options, named variants and the seeds (schema: docs/experiments.md). Parsing validates
// everything and names the bad key in the InputError.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace robens::sweep {

// The most jobs (variants × grid points × seeds) one experiment may have: more is a mistake in the
// description (the largest in experiments/ has 100 jobs; 10^5 jobs take ~75 MB to list), refused
// before anything is built.
inline constexpr std::size_t kMaxSweepJobs = 100000;

// A named set of options crossed with the grid (e.g. interacting vs standard SA).
struct Variant {
  std::string name;
  nlohmann::json options = nlohmann::json::object();
};

struct Experiment {
  std::string name;
  std::string command = "train";
  nlohmann::json fixed = nlohmann::json::object();
  // Grid axes, in key order: option name and the values it takes. Object values make a linked
  // axis: each one is a set of options applied together (the name is then only a label).
  std::vector<std::pair<std::string, std::vector<nlohmann::json>>> grid;
  std::vector<Variant> variants;     // empty: no variant axis
  std::vector<std::uint64_t> seeds;  // the seed of seed index i is seeds[i]
  std::filesystem::path directory;   // the description's folder: jobs run there
  std::filesystem::path output;      // results file (absolute)
};

// Reads and validates an experiment description; relative paths are relative to its folder.
// A .toml file is TOML when the library was built with toml++, any other file JSON.
Experiment load_sweep_experiment(const std::filesystem::path& file);
// Same, from an already parsed document (`file` gives the folder and the default name).
Experiment parse_sweep_experiment(const nlohmann::json& doc, const std::filesystem::path& file);

}  // namespace robens::sweep
