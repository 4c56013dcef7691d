#pragma once
// File formats: trained-network files (JSON), what `robens train --save` writes and `eval`,
// `measure` and warm starts read.
//   {"format": "robens-network", "format_version": 1, "version": ..., "run": {run info: seed,
//    algorithm, params}, "solved": ..., "interrupted": ..., "<step unit>": steps, "errors": ...,
//    "min_errors": ..., "center": NETWORK, "replicas": [NETWORK...],
//    "extra": {the algorithm's summary fields, e.g. rSA's final_beta, final_gamma}}
// NETWORK = {"architecture", "inputs", "units", "activation", "weights": ["+-+...", ...]}.
// "center" is the answer of the run (the centre, or the replica that solved first).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/models/binary_network.hpp"

namespace robens {

struct NetworkFile {
  nlohmann::json run = nlohmann::json::object();  // run info (empty for a bare network)
  bool solved = false, interrupted = false;
  std::string step_unit = "epochs";
  long steps = 0, errors = -1, min_errors = -1;
  BinaryNetwork center;
  std::vector<BinaryNetwork> replicas;
  nlohmann::json extra = nlohmann::json::object();  // empty for files written before it existed

  nlohmann::json to_json() const;
};

void save_network_file(const std::filesystem::path& path, const NetworkFile& file);
// Accepts a network file or a bare NETWORK object (then only `center` is set).
NetworkFile load_network_file(const std::filesystem::path& path);
// The same from already parsed JSON (`source` names it in errors).
NetworkFile network_file_from_json(const nlohmann::json& j, const std::string& source);

}  // namespace robens
