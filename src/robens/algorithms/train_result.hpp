#pragma once
// What every training algorithm returns.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "robens/models/binary_network.hpp"

namespace robens {

struct TrainResult {
  bool solved = false;
  std::string step_unit = "epochs";  // "epochs" or "iterations" (the JSON key in summaries)
  long steps = 0;                    // epochs or iterations done
  long errors = -1;                  // training errors of `center` at the end
  long min_errors = -1;              // lowest error count seen (replicas and centre, over time)
  double seconds = 0;                // training wall time
  bool interrupted = false;          // stopped by the observer (e.g. Ctrl-C) before the end
  BinaryNetwork center;              // the answer: centre / majority / single network
  std::vector<BinaryNetwork> replicas;
  nlohmann::json extra = nlohmann::json::object();  // algorithm-specific summary fields
};

}  // namespace robens
