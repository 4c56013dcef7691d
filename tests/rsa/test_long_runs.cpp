// Along long runs every kernel keeps its incremental bookkeeping exact (docs/rsa.md, "Code map"):
// replica energies, magnetisations, the centre and the kernels' class structures equal what a
// from-scratch rebuild gives.
#include <gtest/gtest.h>

#include <cmath>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/models/committee.hpp"

namespace robens {
namespace {

void check_consistent(ReplicaEnsemble& e, MoveKernel& kernel, const PatternSet& set, bool traced) {
  const UnitInputs in(set, e.replica(0).shape());
  std::vector<BinaryNetwork> nets;
  for (int a = 0; a < e.replicas(); ++a) {
    const BinaryNetwork net = e.replica(a).network();
    EXPECT_EQ(e.replica(a).errors(), static_cast<long>(count_errors(net, in)));
    nets.push_back(net);
  }
  for (std::size_t i = 0; i < e.weights(); ++i) {
    int mu = 0;
    for (int a = 0; a < e.replicas(); ++a) mu += e.spin(a, i);
    ASSERT_EQ(e.magnetisation(i), mu);
    if (traced && mu != 0) {
      ASSERT_EQ(e.centre().spin(i), mu > 0 ? 1 : -1);
    }
  }
  EXPECT_EQ(e.centre().errors(), static_cast<long>(count_errors(e.centre().network(), in)));
  // The kernel's incremental structures give the same transition probabilities as a rebuild.
  std::vector<std::pair<std::size_t, double>> before, after;
  kernel.transitions(before);
  kernel.refresh();
  kernel.transitions(after);
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t m = 0; m < before.size(); ++m) {
    EXPECT_EQ(before[m].first, after[m].first);
    EXPECT_NEAR(before[m].second, after[m].second, 1e-12);
  }
}

TEST(RsaLongRuns, IncrementalStateStaysExact) {
  const NetworkShape shapes[] = {
      NetworkShape::perceptron(41),
      NetworkShape::committee(Architecture::tree, 48, 4, Activation::relu)};
  for (const auto& shape : shapes) {
    const PatternSet set = random_patterns(16, shape.inputs, 8);
    auto columns = std::make_shared<const PatternColumns>(set, shape);
    for (int rule = 0; rule < 4; ++rule) {
      SCOPED_TRACE(rule);
      TracedEnsemble e(4, EnergyKind::errors, columns, 2);
      e.set_parameters(1.2, 0.4);
      std::vector<BinaryNetwork> init;
      for (int a = 0; a < 4; ++a) {
        Rng r(5, StreamPurpose::init, static_cast<std::uint64_t>(a));
        init.push_back(BinaryNetwork::random(shape, r));
      }
      e.set_state(init);
      std::unique_ptr<MoveKernel> k = rule == 0   ? make_metropolis_kernel(e)
                                      : rule == 1 ? make_rrr_kernel(e)
                                      : rule == 2 ? make_coupling_rrr_kernel(e)
                                                  : make_eq9_kernel(e);
      Rng rng(6, StreamPurpose::sampler);
      long accepted = 0;
      for (int t = 0; t < 6000; ++t) {
        accepted += k->step(rng) >= 0;
        if (t == 3000) {  // change (β, γ) mid-run, as the annealing driver does
          e.set_parameters(2.0, 0.9);
          k->parameters_changed();
        }
      }
      EXPECT_GT(accepted, 100);
      check_consistent(e, *k, set, true);
    }
  }
}

TEST(RsaLongRuns, ExplicitEnsembleStaysExact) {
  const NetworkShape shape = NetworkShape::perceptron(31);
  const PatternSet set = random_patterns(12, 31, 3);
  auto columns = std::make_shared<const PatternColumns>(set, shape);
  ExplicitEnsemble e(3, EnergyKind::min_flips, columns, 1);
  e.set_parameters(1.0, 0.7);
  std::vector<BinaryNetwork> init;
  for (int a = 0; a < 3; ++a) {
    Rng r(4, StreamPurpose::init, static_cast<std::uint64_t>(a));
    init.push_back(BinaryNetwork::random(shape, r));
  }
  e.set_state(init);
  auto k = make_metropolis_kernel(e);
  Rng rng(2, StreamPurpose::sampler);
  for (int t = 0; t < 8000; ++t) k->step(rng);
  check_consistent(e, *k, set, false);
  EXPECT_EQ(e.centre().energy(), min_flip_energy(e.centre().network(), UnitInputs(set, shape)));
}

}  // namespace
}  // namespace robens
