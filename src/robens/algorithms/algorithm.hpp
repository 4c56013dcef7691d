#pragma once
// The one interface every training algorithm implements. An algorithm object holds its validated
// parameters; run() trains on a problem and reports through an Observer. Algorithms are made by
// name from the registry (registry.hpp) with their parameters as a key/value map, or directly
// from their parameter struct; a run is best started through robens::run (run/run.hpp), which
// records, times and summarises it.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/algorithms/observer.hpp"
#include "robens/algorithms/train_result.hpp"
#include "robens/algorithms/training_problem.hpp"
#include "robens/algorithms/warm_start.hpp"

namespace robens {

// What a step and the step count are called: "epoch"/"epochs" (rSGD), "stage"/"iterations" (rSA:
// a record per annealing stage, iterations counted), "step"/"iterations" (fBP: a record per
// focusing step, BP sweeps counted).
struct StepUnits {
  std::string record;
  std::string count;
};

class Algorithm {
 public:
  virtual ~Algorithm() = default;
  // What runs, e.g. "sgd" for rSGD with one replica and no kick (recorded in every output).
  virtual std::string name() const = 0;
  virtual StepUnits units() const = 0;
  // Every parameter with its value, from the algorithm's parameter table.
  virtual nlohmann::json parameters() const = 0;
  // Why the algorithm cannot train this network ("" if it can), e.g. ReLU units for rSGD.
  virtual std::string unsupported(const NetworkShape& shape) const = 0;
  // Observers that write the algorithm's own output files (e.g. fBP's message files), made from
  // its parameters; the runner attaches them to every run.
  virtual std::vector<std::unique_ptr<Observer>> file_observers() const { return {}; }
  // Trains from `start` (empty: random). Throws InputError if the problem or the start does not
  // suit the algorithm.
  virtual TrainResult run(const TrainingProblem& problem, Observer& observer,
                          const WarmStart& start) = 0;
  TrainResult run(const TrainingProblem& problem, Observer& observer) {
    return run(problem, observer, WarmStart{});
  }
};

}  // namespace robens
