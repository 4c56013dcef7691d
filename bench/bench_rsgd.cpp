// One rSGD epoch on the default problem (fc committee N = 321, K = 5, alpha = 0.5, y = 7,
// batch 80, lambda 0.75, gamma 0.05 + 0.001/epoch). The counter "s/epoch" is the time of one epoch
// including its end-of-epoch error counts; the one-off set-up is amortised over 50 epochs.
#include <benchmark/benchmark.h>

#include "robens/algorithms/rsgd/rsgd.hpp"

namespace robens {
namespace {

void BM_RsgdEpoch(benchmark::State& state) {
  TrainingProblem problem;
  problem.shape = {Architecture::fully_connected, 321, 5, Activation::sign};
  problem.patterns = random_patterns(patterns_for_load(0.5, 1605), 321, 1);
  RsgdParameters p;
  p.max_epochs = 50;
  p.wait_center = true;
  Observer none;
  long epochs = 0;
  for (auto _ : state) {
    problem.seed = static_cast<std::uint64_t>(epochs + 1);
    const auto r = ReplicatedSgd(p).run(problem, none);
    epochs += r.steps;
  }
  state.counters["s/epoch"] = benchmark::Counter(
      static_cast<double>(epochs), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RsgdEpoch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace robens
