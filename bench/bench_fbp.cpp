// One fBP sweep (all 963 pattern factors and 1605 focusing factors, accuracy1 = accurate,
// accuracy2 = exact, tanh form) on the committee N = 321, K = 5, alpha = 0.6, with 1 and 2
// OpenMP threads (results are identical for any thread count). The messages are first driven
// for 20 sweeps of standard reinforcement (rho = 0 … 0.19) so that the timed sweeps see
// partly polarised messages, as in a real run.
#include <benchmark/benchmark.h>

#include "robens/algorithms/fbp/fbp_engine.hpp"
#include "robens/algorithms/fbp/fbp_protocol.hpp"

namespace robens {
namespace {

void BM_FbpSweep(benchmark::State& state) {
  const NetworkShape shape{Architecture::fully_connected, 321, 5, Activation::sign};
  const PatternSet patterns =
      random_patterns(patterns_for_load(0.6, shape.weights()), shape.inputs, 1);
  FbpEngine::Config config;
  config.damping = 0.5;
  config.threads = static_cast<int>(state.range(0));
  FbpEngine engine(patterns, shape,
                   random_messages(MessageFormat::tanh, 321, 5, patterns.size(), 0.1, 1), config);
  engine.set_outfields();
  Rng rng(1, StreamPurpose::schedule, 1);
  for (int t = 0; t < 20; ++t) {
    const auto s = standard_reinforcement_step(0.01 * t);
    engine.set_focusing(s.gamma, s.y);
    engine.sweep(rng);
  }
  for (auto _ : state) benchmark::DoNotOptimize(engine.sweep(rng));
  state.counters["edges"] = static_cast<double>(patterns.size() * shape.weights());
}
BENCHMARK(BM_FbpSweep)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

}  // namespace
}  // namespace robens
