#pragma once
// The one interface every training algorithm implements. An algorithm object holds its validated
// parameters (and schedules); run() trains on a problem and reports through an Observer.
// Adding an algorithm means adding a class like this and its CLI adapter; nothing else changes.
#include <string>

#include <nlohmann/json.hpp>

#include "robens/algorithms/observer.hpp"
#include "robens/algorithms/train_result.hpp"
#include "robens/algorithms/training_problem.hpp"

namespace robens {

class Algorithm {
 public:
  virtual ~Algorithm() = default;
  virtual std::string name() const = 0;
  // Every parameter with its value, recorded in every output.
  virtual nlohmann::json parameters() const = 0;
  // Throws InputError if the problem does not suit the algorithm (e.g. ReLU units for rSGD).
  virtual TrainResult run(const TrainingProblem& problem, Observer& observer) = 0;
};

}  // namespace robens
