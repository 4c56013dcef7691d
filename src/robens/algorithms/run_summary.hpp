#pragma once
// The description of a run (recorded in every output) and its summary (what `--json` prints).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "robens/algorithms/train_result.hpp"

namespace robens {

struct RunInfo {
  std::string version;    // robens version with the git commit
  std::string algorithm;  // what ran ("sgd" for rSGD with one replica and no kick)
  std::uint64_t seed = 0;
  nlohmann::json params = nlohmann::json::object();  // problem, "algo", the algorithm's parameters

  // {"version", "seed", "algorithm", "params"}: the trace header and the saved files' "run".
  nlohmann::json to_json() const;
};

struct RunSummary {
  RunInfo info;
  TrainResult result;
  double seconds = 0;  // training wall time
  // The answer with the fewest training errors among the recorded steps and the end.
  BinaryNetwork best;
  long best_errors = -1;

  // The `--json` line: solved, the step count under its unit (epochs|iterations), errors,
  // min_errors, seconds, interrupted, solved_by, seed, version, algorithm, params, then every
  // key of result.extra not already present.
  nlohmann::json to_json() const;
};

}  // namespace robens
