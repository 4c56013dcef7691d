// Trains a perceptron through the installed library, the way a C++ user would: the problem from
// its parameters, the algorithm by name from the registry, robens::run for the summary.
// Exits 0 only if the run solved the problem.
#include <cstdio>

#include "robens/algorithms/registry.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run.hpp"

int main() {
  const robens::TrainingProblem problem =
      robens::build_problem({{"model", "perceptron"}, {"N", 101}, {"alpha", 0.3}}, /*seed=*/1);
  auto algorithm = robens::make_algorithm("rsgd", {{"y", 3}});
  const robens::RunSummary summary = robens::run(problem, *algorithm);
  std::printf("%s\n", summary.to_json().dump().c_str());
  return summary.result.solved && summary.result.errors == 0 ? 0 : 1;
}
