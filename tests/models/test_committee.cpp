#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"
#include "robens/models/teacher.hpp"

namespace robens {
namespace {

// Naive forward pass on explicit ±1 arrays.
int naive_output(const NetworkShape& s, const std::vector<std::int8_t>& w, const PatternSet& p,
                 std::size_t a) {
  const std::size_t n = s.unit_inputs();
  int out = 0;
  for (std::size_t k = 0; k < s.units; ++k) {
    int h = 0;
    for (std::size_t i = 0; i < n; ++i) h += w[k * n + i] * p.inputs.get(a, s.unit_offset(k) + i);
    out +=
        s.activation == Activation::sign ? (h > 0 ? 1 : -1) : s.output_weight(k) * std::max(0, h);
  }
  return out;
}

TEST(Committee, ForwardPassMatchesNaiveReference) {
  const NetworkShape shapes[] = {NetworkShape::perceptron(65),
                                 NetworkShape::perceptron(129),
                                 {Architecture::fully_connected, 67, 3, Activation::sign},
                                 {Architecture::tree, 15 * 5, 5, Activation::sign},
                                 {Architecture::tree, 65 * 3, 3, Activation::sign},
                                 {Architecture::tree, 16 * 4, 4, Activation::relu}};
  for (const auto& s : shapes) {
    Rng rng(42, StreamPurpose::user);
    const auto net = BinaryNetwork::random(s, rng);
    const auto signs = net.to_signs();
    const auto patterns = random_patterns(50, s.inputs, 3);
    const UnitInputs in(patterns, s);
    std::size_t errors = 0;
    for (std::size_t a = 0; a < patterns.size(); ++a) {
      const int expected = naive_output(s, signs, patterns, a);
      EXPECT_EQ(output_field(net, in, a), expected);
      errors += patterns.labels[a] * expected <= 0;
    }
    EXPECT_EQ(count_errors(net, in), errors);
  }
}

// Brute force: the fewest weight flips that make every pattern's output right, per pattern.
long brute_force_min_flips(const NetworkShape& s, const BinaryNetwork& net, const PatternSet& p,
                           std::size_t a) {
  const std::size_t total = s.weights();
  const auto base = net.to_signs();
  PatternSet one(1, s.inputs);
  one.inputs.set_row(0, p.inputs.row_vector(a));
  one.labels[0] = p.labels[a];
  const UnitInputs in(one, s);
  for (std::size_t flips = 0; flips <= total; ++flips) {
    // Enumerate subsets of size `flips` (tiny sizes only).
    std::vector<int> sel(total, 0);
    std::fill(sel.end() - static_cast<long>(flips), sel.end(), 1);
    do {
      auto w = base;
      for (std::size_t j = 0; j < total; ++j)
        if (sel[j]) w[j] = static_cast<std::int8_t>(-w[j]);
      if (count_errors(BinaryNetwork::from_signs(s, w), in) == 0) return static_cast<long>(flips);
    } while (std::next_permutation(sel.begin(), sel.end()));
  }
  return -1;
}

TEST(Committee, MinFlipEnergyEqualsBruteForceOnTinyNetworks) {
  const NetworkShape shapes[] = {NetworkShape::perceptron(7),
                                 {Architecture::fully_connected, 3, 3, Activation::sign},
                                 {Architecture::tree, 9, 3, Activation::sign},
                                 {Architecture::fully_connected, 1, 5, Activation::sign}};
  for (const auto& s : shapes) {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
      Rng rng(seed, StreamPurpose::user);
      const auto net = BinaryNetwork::random(s, rng);
      const auto patterns = random_patterns(6, s.inputs, seed + 100);
      const UnitInputs in(patterns, s);
      long total = 0;
      for (std::size_t a = 0; a < patterns.size(); ++a)
        total += brute_force_min_flips(s, net, patterns, a);
      EXPECT_EQ(min_flip_energy(net, in), total) << "units " << s.units << " seed " << seed;
    }
  }
}

TEST(Committee, PatternMinFlipsRule) {
  EXPECT_EQ(pattern_min_flips(std::vector<int>{-5}), 3);
  EXPECT_EQ(pattern_min_flips(std::vector<int>{3}), 0);
  // K = 5, three wrong units with costs 1, 2, 3: one must be fixed, the cheapest.
  EXPECT_EQ(pattern_min_flips(std::vector<int>{-1, -3, -5, 7, 9}), 1);
  // Four wrong (costs 2, 1, 3, 1): two must be fixed: 1 + 1.
  EXPECT_EQ(pattern_min_flips(std::vector<int>{-3, -1, -5, -1, 9}), 2);
  EXPECT_EQ(pattern_min_flips(std::vector<int>{-3, -1, 1, 1, 9}), 0);
}

TEST(Committee, TeacherLabelsAreTheTeachersOutputs) {
  const NetworkShape s{Architecture::tree, 8 * 4, 4, Activation::relu};
  const auto t = teacher_student_patterns(100, s, 5);
  const UnitInputs in(t.patterns, s);
  EXPECT_EQ(count_errors(t.teacher, in), 0U);
  const NetworkShape p = NetworkShape::perceptron(31);
  const auto tp = teacher_student_patterns(100, p, 5);
  EXPECT_EQ(count_errors(tp.teacher, UnitInputs(tp.patterns, p)), 0U);
}

TEST(Committee, InvalidShapesAreRejected) {
  EXPECT_THROW(NetworkShape::perceptron(100).validate(), InputError);  // even N
  EXPECT_THROW((NetworkShape{Architecture::fully_connected, 321, 4, Activation::sign}.validate()),
               InputError);
  EXPECT_THROW((NetworkShape{Architecture::tree, 100, 3, Activation::sign}.validate()), InputError);
  EXPECT_THROW((NetworkShape{Architecture::tree, 30, 5, Activation::sign}.validate()),
               InputError);  // 6 per unit
  EXPECT_THROW((NetworkShape{Architecture::tree, 99, 3, Activation::relu}.validate()),
               InputError);  // K odd
  EXPECT_THROW((NetworkShape{Architecture::fully_connected, 0, 1, Activation::sign}.validate()),
               InputError);
  EXPECT_NO_THROW((NetworkShape{Architecture::tree, 1024, 32, Activation::relu}.validate()));
  const auto patterns = random_patterns(3, 20, 1);
  EXPECT_THROW(UnitInputs(patterns, NetworkShape::perceptron(21)), InputError);
}

TEST(Committee, NetworkJsonRoundTripAndErrors) {
  const NetworkShape s{Architecture::tree, 15, 5, Activation::sign};
  Rng rng(1, StreamPurpose::user);
  const auto net = BinaryNetwork::random(s, rng);
  EXPECT_EQ(BinaryNetwork::from_json(net.to_json()), net);
  auto bad = net.to_json();
  bad["weights"][0] = "+-x";
  EXPECT_THROW(BinaryNetwork::from_json(bad), InputError);
  bad = net.to_json();
  bad["weights"][0] = "+-";
  EXPECT_THROW(BinaryNetwork::from_json(bad), InputError);
}

}  // namespace
}  // namespace robens
