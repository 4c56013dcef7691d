#include "robens/algorithms/run_summary.hpp"

#include "robens/algorithms/observer.hpp"

namespace robens {

nlohmann::json RunInfo::to_json() const {
  return {{"version", version}, {"seed", seed}, {"algorithm", algorithm}, {"params", params}};
}

nlohmann::json RunSummary::to_json() const {
  nlohmann::json j = {{"solved", result.solved},
                      {result.step_unit, result.steps},
                      {"errors", result.errors},
                      {"min_errors", result.min_errors},
                      {"seconds", seconds},
                      {"interrupted", result.interrupted},
                      {"solved_by", result.solved_by},
                      {"seed", info.seed},
                      {"version", info.version},
                      {"algorithm", info.algorithm},
                      {"params", info.params}};
  for (const auto& [key, value] : result.extra.items())
    if (!j.contains(key)) j[key] = value;
  return j;
}

nlohmann::json StepRecord::to_json() const {
  nlohmann::json j = data;
  j["step"] = step;
  j["errors"] = errors;
  j["best_errors"] = best_errors;
  j["seconds"] = seconds;
  return j;
}

}  // namespace robens
