#pragma once
// Shared helpers of the fBP tests.
#include <vector>

#include "robens/algorithms/fbp/fbp.hpp"

namespace robens::fbp_test {

inline TrainingProblem committee_problem(std::size_t n, std::size_t k, double alpha,
                                         std::uint64_t seed) {
  TrainingProblem p;
  p.shape = k == 1 ? NetworkShape::perceptron(n)
                   : NetworkShape{Architecture::fully_connected, n, k, Activation::sign};
  p.patterns = random_patterns(patterns_for_load(alpha, p.shape.weights()), n, seed);
  p.seed = seed;
  return p;
}

// The reference test suite's base settings (its solver recipe, docs/fbp.md, "Options"): randfact
// 0.1, one sweep per step, damping 0.5.
inline FbpParameters reference_settings() {
  FbpParameters p;
  p.randfact = 0.1;
  p.max_iters = 1;
  p.damping = 0.5;
  return p;
}

class RecordingObserver : public Observer {
 public:
  void on_step(const StepRecord& r) override { records.push_back(r); }
  std::vector<StepRecord> records;
};

}  // namespace robens::fbp_test
