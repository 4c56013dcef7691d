// Replicated SA kernels: single-flip ΔE queries and flips of the energy models, and attempted moves
// per second of the replicated perceptron (N = 1601, alpha = 0.3, y = 3) for each move rule.
#include <benchmark/benchmark.h>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/core/rng.hpp"

namespace robens {
namespace {

struct Fixture {
  NetworkShape shape;
  std::shared_ptr<const PatternColumns> columns;
  std::unique_ptr<EnergyModel> model;
  Fixture(const NetworkShape& s, double alpha, EnergyKind kind) : shape(s) {
    const PatternSet p = random_patterns(patterns_for_load(alpha, s.weights()), s.inputs, 1);
    columns = std::make_shared<const PatternColumns>(p, s);
    model = make_energy_model(kind, columns);
    Rng rng(1, StreamPurpose::init);
    model->set_state(BinaryNetwork::random(s, rng));
  }
};

NetworkShape shape_for(int which) {
  switch (which) {
    case 0:
      return NetworkShape::perceptron(1601);
    case 1:
      return NetworkShape::committee(Architecture::tree, 1089, 33, Activation::sign);
    default:
      return NetworkShape::committee(Architecture::tree, 1024, 32, Activation::relu);
  }
}

void BM_Delta(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  Fixture f(shape_for(which), which == 0 ? 0.3 : 0.4,
            state.range(1) ? EnergyKind::min_flips : EnergyKind::errors);
  Rng rng(2, StreamPurpose::user);
  const std::size_t n = f.shape.weights();
  long sink = 0;
  for (auto _ : state) sink += f.model->delta(rng.below(n));
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(f.model->name());
}
BENCHMARK(BM_Delta)->Args({0, 1})->Args({0, 0})->Args({1, 1})->Args({1, 0})->Args({2, 0});

void BM_Flip(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  Fixture f(shape_for(which), which == 0 ? 0.3 : 0.4,
            state.range(1) ? EnergyKind::min_flips : EnergyKind::errors);
  Rng rng(2, StreamPurpose::user);
  const std::size_t n = f.shape.weights();
  for (auto _ : state) f.model->flip(rng.below(n));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(f.model->name());
}
BENCHMARK(BM_Flip)->Args({0, 1})->Args({0, 0})->Args({1, 1})->Args({1, 0})->Args({2, 0});

// Attempted moves per second of the replicated perceptron at a mid-annealing (β, γ).
void BM_ReplicatedPerceptronStep(benchmark::State& state) {
  const NetworkShape s = NetworkShape::perceptron(1601);
  const PatternSet p = random_patterns(patterns_for_load(0.3, 1601), 1601, 1);
  auto columns = std::make_shared<const PatternColumns>(p, s);
  TracedEnsemble e(3, EnergyKind::min_flips, columns, 1);
  e.set_parameters(static_cast<double>(state.range(1)) / 10.0, 1.0);
  std::vector<BinaryNetwork> init;
  for (int a = 0; a < 3; ++a) {
    Rng rng(1, StreamPurpose::init, static_cast<std::uint64_t>(a));
    init.push_back(BinaryNetwork::random(s, rng));
  }
  e.set_state(init);
  std::unique_ptr<MoveKernel> k;
  switch (state.range(0)) {
    case 0:
      k = make_coupling_rrr_kernel(e);
      break;
    case 1:
      k = make_eq9_kernel(e);
      break;
    default:
      k = make_metropolis_kernel(e);
      break;
  }
  Rng rng(3, StreamPurpose::sampler);
  long accepted = 0;
  for (auto _ : state) accepted += k->step(rng) >= 0;
  state.SetItemsProcessed(state.iterations());
  state.counters["acceptance"] =
      static_cast<double>(accepted) / static_cast<double>(state.iterations());
  state.SetLabel(k->name() + " beta=" + std::to_string(static_cast<double>(state.range(1)) / 10.0));
}
BENCHMARK(BM_ReplicatedPerceptronStep)
    ->Args({0, 5})
    ->Args({1, 5})
    ->Args({2, 5})
    ->Args({0, 20})
    ->Args({1, 20})
    ->Args({2, 20});

}  // namespace
}  // namespace robens
