#pragma once
// Expands an experiment into its jobs: every variant × grid point × seed. A job's identity is a
// hash of (command, variant, options, seed) — not of its position — so adding values to the grid
// or reordering keys keeps the ids of the jobs that were already run.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/sweep/experiment.hpp"

namespace robens::sweep {

struct Job {
  std::string id;        // 16 hex digits
  std::string variant;   // empty without variants
  nlohmann::json point;  // every option of the job except the seed
  std::uint64_t seed = 0;
  std::vector<std::string> args;  // after the binary: train --KEY VALUE ... --seed S --json --quiet
  std::vector<std::filesystem::path> directories;  // per-job output folders ({job} paths) to create
};

std::string sweep_job_id(const std::string& command, const std::string& variant,
                         const nlohmann::json& point, std::uint64_t seed);

// Jobs in a fixed order: variants, then grid points (keys in sorted order), then seeds.
std::vector<Job> expand_sweep(const Experiment& experiment);

}  // namespace robens::sweep
