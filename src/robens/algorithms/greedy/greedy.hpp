#pragma once
// Greedy single-flip descent: the zero-temperature limit of simulated annealing, a baseline for
// the replicated algorithms (PNAS 2016 compares against annealing; greedy descent is its β → ∞
// end). From a random network, sweep the weights in a random order and flip every weight whose
// flip lowers the energy (min flips or errors, as rSA); a sweep without an improving flip is a
// local minimum: restart from a new random network, up to `restarts` times.
#include "robens/algorithms/algorithm.hpp"
#include "robens/core/parameter_table.hpp"
#include "robens/models/energy_model.hpp"

namespace robens {

// Defaults here are the defaults everywhere (CLI, sweeps, Python).
struct GreedyParameters {
  EnergyChoice energy = EnergyChoice::automatic;
  long restarts = 10;      // new random starts after the first one stops in a local minimum
  long max_sweeps = 1000;  // sweeps per start
};

const ParameterTable<GreedyParameters>& greedy_parameter_table();

class GreedyDescent final : public Algorithm {
 public:
  explicit GreedyDescent(GreedyParameters p);
  using Algorithm::run;
  std::string name() const override { return "greedy"; }
  StepUnits units() const override { return {"sweep", "iterations"}; }
  nlohmann::json parameters() const override;
  std::string unsupported(const NetworkShape& shape) const override;
  TrainResult run(const TrainingProblem& problem, Observer& observer,
                  const WarmStart& start) override;

 private:
  GreedyParameters params_;
};

}  // namespace robens
