#pragma once
// Trained-network files (JSON): what `robens train --save` writes and `eval`/`measure` read.
//   {"format": "robens-network", "format_version": 1, "version": ..., "run": {run info: seed,
//    algorithm, params}, "solved": ..., "errors": ..., "center": NETWORK, "replicas": [NETWORK...],
//    "extra": {the algorithm's summary fields, e.g. rSA's final_beta, final_gamma}}
// NETWORK = {"architecture", "inputs", "units", "activation", "weights": ["+-+...", ...]}.
// "center" is the answer of the run (the centre, or the replica that solved first).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "robens/algorithms/train_result.hpp"

namespace robens {

nlohmann::json result_file_json(const TrainResult& result, const nlohmann::json& run_info);
void save_result_file(const std::filesystem::path& path, const TrainResult& result,
                      const nlohmann::json& run_info);

struct LoadedNetworks {
  BinaryNetwork center;
  std::vector<BinaryNetwork> replicas;
  nlohmann::json run_info;
  nlohmann::json extra;  // empty for files written before it was recorded
};
// Accepts a result file or a bare NETWORK object.
LoadedNetworks load_result_file(const std::filesystem::path& path);

}  // namespace robens
