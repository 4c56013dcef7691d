#pragma once
// Expands an experiment into its jobs: every variant × grid point × seed. A job's identity is a
// hash of (command, variant, canonical options (train_options.hpp), seed) — not of its position —
// so adding values to the grid or reordering keys keeps the ids of the jobs that were already run.
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

// The id of a results record, re-derived from its command, variant, point (made canonical, so a
// record written with "gamma-step" matches a job written with "gamma_step") and seed; the stored
// "job" field when it cannot be re-derived.
std::string record_job_id(const nlohmann::json& record);

// Variants × grid points × seeds, overflow-checked; InputError above kMaxSweepJobs.
std::size_t sweep_job_count(const Experiment& experiment);

// Jobs in a fixed order: variants, then grid points (keys in sorted order), then seeds.
std::vector<Job> expand_sweep(const Experiment& experiment);

}  // namespace robens::sweep
