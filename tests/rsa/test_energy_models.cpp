// Cached ΔE of every energy model equals a from-scratch recomputation (committee.hpp), and the
// caches after flips equal caches rebuilt from scratch (docs/rsa.md, "Energies").
#include <gtest/gtest.h>

#include <memory>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"
#include "robens/models/committee.hpp"
#include "robens/models/energy_model.hpp"

namespace robens {
namespace {

struct Case {
  const char* label;
  NetworkShape shape;
  EnergyKind kind;
  std::size_t patterns;
};

long scratch_energy(const BinaryNetwork& net, const UnitInputs& in, EnergyKind kind) {
  return kind == EnergyKind::min_flips ? min_flip_energy(net, in)
                                       : static_cast<long>(count_errors(net, in));
}

void check_case(const Case& c, std::uint64_t seed) {
  SCOPED_TRACE(c.label);
  const PatternSet set = random_patterns(c.patterns, c.shape.inputs, seed);
  const UnitInputs in(set, c.shape);
  auto columns = std::make_shared<const PatternColumns>(set, c.shape);
  auto model = make_energy_model(c.kind, columns);
  Rng rng(seed, StreamPurpose::user);
  BinaryNetwork net = BinaryNetwork::random(c.shape, rng);
  model->set_state(net);
  ASSERT_EQ(model->energy(), scratch_energy(net, in, c.kind));
  ASSERT_EQ(model->errors(), static_cast<long>(count_errors(net, in)));
  const std::size_t n = c.shape.weights();
  long nonzero = 0;
  for (int step = 0; step < 60; ++step) {
    // ΔE of every weight against brute force.
    const long e0 = model->energy();
    for (std::size_t j = 0; j < n; ++j) {
      BinaryNetwork trial = net;
      trial.set_flat(j, -trial.flat(j));
      const long expected = scratch_energy(trial, in, c.kind) - e0;
      ASSERT_EQ(model->delta(j), expected) << "step " << step << " weight " << j;
      nonzero += expected != 0;
    }
    // Apply a random flip; tracked energy and errors must follow.
    const std::size_t j = rng.below(n);
    const long d = model->delta(j);
    model->flip(j);
    net.set_flat(j, -net.flat(j));
    ASSERT_EQ(model->energy(), e0 + d);
    ASSERT_EQ(model->energy(), scratch_energy(net, in, c.kind));
    ASSERT_EQ(model->errors(), static_cast<long>(count_errors(net, in)));
    ASSERT_EQ(model->network(), net);
  }
  // Caches after many flips equal caches rebuilt from scratch.
  auto fresh = make_energy_model(c.kind, columns);
  fresh->set_state(net);
  for (std::size_t j = 0; j < n; ++j) ASSERT_EQ(model->delta(j), fresh->delta(j));
  EXPECT_GT(nonzero, 0) << "the test never saw a non-zero ΔE";
}

TEST(RsaEnergyModels, CachedDeltaMatchesRecomputation) {
  const Case cases[] = {
      {"perceptron minflips", NetworkShape::perceptron(31), EnergyKind::min_flips, 50},
      {"perceptron errors", NetworkShape::perceptron(31), EnergyKind::errors, 50},
      {"perceptron errors P>64", NetworkShape::perceptron(21), EnergyKind::errors, 90},
      {"sign tree minflips", NetworkShape::committee(Architecture::tree, 21, 3, Activation::sign),
       EnergyKind::min_flips, 40},
      {"sign tree K5 minflips",
       NetworkShape::committee(Architecture::tree, 25, 5, Activation::sign), EnergyKind::min_flips,
       70},
      {"sign fc minflips",
       NetworkShape::committee(Architecture::fully_connected, 7, 5, Activation::sign),
       EnergyKind::min_flips, 40},
      {"sign tree errors", NetworkShape::committee(Architecture::tree, 25, 5, Activation::sign),
       EnergyKind::errors, 30},
      {"sign fc errors",
       NetworkShape::committee(Architecture::fully_connected, 5, 3, Activation::sign),
       EnergyKind::errors, 30},
      {"relu tree errors", NetworkShape::committee(Architecture::tree, 24, 4, Activation::relu),
       EnergyKind::errors, 70},
      {"relu tree odd-field errors",
       NetworkShape::committee(Architecture::tree, 20, 4, Activation::relu), EnergyKind::errors,
       70},
      {"relu fc errors",
       NetworkShape::committee(Architecture::fully_connected, 6, 6, Activation::relu),
       EnergyKind::errors, 30},
  };
  for (const auto& c : cases)
    for (std::uint64_t seed : {1U, 2U, 3U}) check_case(c, seed);
}

TEST(RsaEnergyModels, RejectsMinFlipsForRelu) {
  const auto shape = NetworkShape::committee(Architecture::tree, 24, 4, Activation::relu);
  const PatternSet set = random_patterns(10, 24, 1);
  auto columns = std::make_shared<const PatternColumns>(set, shape);
  EXPECT_THROW(make_energy_model(EnergyKind::min_flips, columns), InputError);
  EXPECT_THROW(parse_enum<EnergyKind>("bogus", "energy"), InputError);
}

TEST(RsaEnergyModels, RejectsMismatchedPatterns) {
  const PatternSet set = random_patterns(10, 20, 1);
  EXPECT_THROW(PatternColumns(set, NetworkShape::perceptron(21)), InputError);
}

}  // namespace
}  // namespace robens
