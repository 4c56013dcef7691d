#pragma once
// What every training algorithm returns (the runner adds timing and run info: RunSummary).
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/models/binary_network.hpp"

namespace robens {

// Algorithm-specific state at the end of a run or at a step (e.g. fBP's messages), for observers
// and front ends that know the algorithm; others ignore it.
class RunState {
 public:
  virtual ~RunState() = default;
};

struct TrainResult {
  bool solved = false;
  std::string step_unit = "epochs";  // what `steps` counts: the summary's key (epochs, iterations)
  long steps = 0;                    // epochs or iterations done
  long errors = -1;                  // training errors of `center` at the end
  long min_errors = -1;              // lowest error count seen (replicas and centre, over time)
  bool interrupted = false;          // stopped by the observer (e.g. Ctrl-C) before the end
  std::string solved_by = "none";    // "center", "replica 3", "all replicas", or "none"
  BinaryNetwork center;              // the answer: centre / majority / single network
  std::vector<BinaryNetwork> replicas;
  nlohmann::json extra = nlohmann::json::object();  // algorithm-specific summary fields
  std::shared_ptr<const RunState> final_state;      // e.g. fBP's final messages
};

}  // namespace robens
