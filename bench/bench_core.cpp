// Kernels of the core and model layers: packed dot products and full error counts.
#include <benchmark/benchmark.h>

#include "robens/models/committee.hpp"

namespace robens {
namespace {

void BM_PackedDot(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Rng rng(1, StreamPurpose::user);
  const auto p = random_patterns(2, n, 1);
  const auto a = p.inputs.row(0), b = p.inputs.row(1);
  for (auto _ : state) benchmark::DoNotOptimize(packed_dot(a, b, n));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(n));
}
BENCHMARK(BM_PackedDot)->Arg(321)->Arg(1001)->Arg(4096);

void BM_CommitteeErrors(benchmark::State& state) {
  const NetworkShape s{Architecture::fully_connected, 321, 5, Activation::sign};
  Rng rng(1, StreamPurpose::user);
  const auto net = BinaryNetwork::random(s, rng);
  const auto patterns = random_patterns(802, 321, 1);
  const UnitInputs in(patterns, s);
  for (auto _ : state) benchmark::DoNotOptimize(count_errors(net, in));
  state.SetItemsProcessed(state.iterations() * 802);
}
BENCHMARK(BM_CommitteeErrors);

}  // namespace
}  // namespace robens
