// Trains a perceptron through the installed library; exits 0 only if rSGD solved the problem.
#include <cstdio>

#include "robens/algorithms/rsgd/rsgd.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/core/version.hpp"

int main() {
  const std::size_t n = 101;
  robens::TrainingProblem problem;
  problem.shape = robens::NetworkShape::perceptron(n);
  problem.patterns = robens::random_patterns(robens::patterns_for_load(0.3, n), n, 1);
  problem.seed = 1;

  robens::ReplicatedSgd rsgd(robens::RsgdParameters{});
  robens::Observer observer;  // no progress output
  const robens::TrainResult result = rsgd.run(problem, observer);

  std::printf("robens %s: %s, N = %zu, M = %zu: solved = %d after %ld %s, %ld errors\n",
              robens::kVersion, rsgd.name().c_str(), n, problem.patterns.size(), result.solved,
              result.steps, result.step_unit.c_str(), result.errors);
  return result.solved && result.errors == 0 ? 0 : 1;
}
