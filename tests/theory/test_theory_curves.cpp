// Franz–Parisi and large-deviation curves: α = 0 limits, physical bounds and the derivation's
// values (docs/theory.md).
#include <gtest/gtest.h>

#include <cmath>

#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/franz_parisi.hpp"
#include "robens/theory/large_deviation.hpp"

namespace robens::theory {
namespace {

TEST(TheoryFranzParisi, AlphaZeroEqualsTheFreeCount) {
  // At α = 0 the saddle-point iteration must return the α = 0 counts: H2(d) and ½ ln(1 − S²).
  for (double s : {0.2, 0.6, 0.9}) {
    RsSaddlePoint none;  // q̃ = q̃̂ = 0
    const auto b = franz_parisi_point(Kernel(Transfer::sign), WeightPrior::binary, 0.0, s, none);
    EXPECT_NEAR(b.free_entropy, math::binary_entropy((1.0 - s) / 2.0), 1e-9) << s;
    EXPECT_NEAR(std::tanh(b.s_hat), s, 1e-9);
    const auto sp =
        franz_parisi_point(Kernel(Transfer::relu), WeightPrior::spherical, 0.0, s, none);
    EXPECT_NEAR(sp.free_entropy, 0.5 * std::log(1.0 - s * s), 1e-9) << s;
    EXPECT_NEAR(sp.q, s * s, 1e-7);  // converged to the iteration tolerance 1e-8 (damped)
  }
}

TEST(TheoryFranzParisi, BinaryCurveMatchesSpecTableAndIsBoundedByEquilibrium) {
  // Derivation table (α = 0.6, docs/theory.md): sign F(0.1) = 0.05764, F(0.01) = −0.09437; ReLU
  // F(0.05) = 0.05118.
  const Kernel sign(Transfer::sign), relu(Transfer::relu);
  const auto ref = solve_rs(sign, WeightPrior::binary, 0.6);
  const auto p1 = franz_parisi_point(sign, WeightPrior::binary, 0.6, 1.0 - 2 * 0.1, ref);
  EXPECT_NEAR(p1.free_entropy, 0.05764, 3e-4);
  const auto p2 = franz_parisi_point(sign, WeightPrior::binary, 0.6, 1.0 - 2 * 0.01, ref, {}, &p1);
  EXPECT_NEAR(p2.free_entropy, -0.09437, 3e-4);
  // Near S = q̃ the FP entropy approaches, and never exceeds, the equilibrium free entropy.
  const auto near = franz_parisi_point(sign, WeightPrior::binary, 0.6, ref.q + 0.02, ref);
  EXPECT_LT(near.free_entropy, ref.free_entropy);
  EXPECT_NEAR(near.free_entropy, ref.free_entropy, 1e-3);
  const auto rref = solve_rs(relu, WeightPrior::binary, 0.6);
  const auto r1 = franz_parisi_point(relu, WeightPrior::binary, 0.6, 1.0 - 2 * 0.05, rref);
  EXPECT_NEAR(r1.free_entropy, 0.05118, 3e-4);
  EXPECT_GT(r1.free_entropy,
            franz_parisi_point(sign, WeightPrior::binary, 0.6, 0.9, ref).free_entropy);
}

TEST(TheoryFranzParisi, SphericalNormalisedValues) {
  // Derivation spherical table (α = 1, normalised by ½ ln(1 − S²); docs/theory.md): sign −0.39636,
  // ReLU −0.28352 at d = 0.05.
  for (const auto& [t, expected] :
       {std::pair{Transfer::sign, -0.39636}, std::pair{Transfer::relu, -0.28352}}) {
    const Kernel k(t);
    const auto ref = solve_rs(k, WeightPrior::spherical, 1.0);
    const auto p = franz_parisi_point(k, WeightPrior::spherical, 1.0, 0.9, ref);
    EXPECT_NEAR(p.free_entropy - p.alpha_zero, expected, 5e-4) << to_string(t);
  }
}

TEST(TheoryFranzParisi, CurveFindsDStarAndRejectsBadInput) {
  FpSettings fast;
  fast.tolerance = 1e-7;
  const auto curve =
      franz_parisi_curve(Kernel(Transfer::sign), WeightPrior::binary, 0.6, 0.04, 0.1, 4, fast);
  ASSERT_EQ(curve.points.size(), 4U);
  EXPECT_NEAR(curve.d_star, 0.0640, 1e-3);  // docs/theory.md: d*(sign, α = 0.6) = 0.0640
  EXPECT_THROW(franz_parisi_curve(Kernel(Transfer::sign), WeightPrior::binary, 0.6, 0.2, 0.1, 4),
               InputError);
  EXPECT_THROW(franz_parisi_curve(Kernel(Transfer::sign), WeightPrior::binary, 0.6, 0.01, 0.45, 4),
               InputError);
  EXPECT_THROW(franz_parisi_curve(Kernel(Transfer::sign), WeightPrior::binary, -1.0, 0.01, 0.1, 4),
               InputError);
  EXPECT_THROW(
      franz_parisi_point(Kernel(Transfer::sign), WeightPrior::binary, 0.6, 1.0, curve.reference),
      InputError);
}

TEST(TheoryLargeDeviation, SphericalValuesMatchSpecTable) {
  struct Case {
    Transfer t;
    double alpha, q1, expected;
  };
  for (const auto& c :
       {Case{Transfer::sign, 1.0, 0.5, -0.41727}, Case{Transfer::sign, 2.0, 0.9, -0.44498},
        Case{Transfer::relu, 1.0, 0.8, -0.12611}, Case{Transfer::relu, 2.0, 0.95, -0.42922}}) {
    const auto p = large_deviation_point(Kernel(c.t), WeightPrior::spherical, c.alpha, c.q1);
    EXPECT_NEAR(p.normalised, c.expected, 2e-5) << to_string(c.t) << " " << c.alpha << " " << c.q1;
  }
  // Below the typical overlap the minimum is the RS boundary δq = 0.
  const auto rs = large_deviation_point(Kernel(Transfer::sign), WeightPrior::spherical, 1.0, 0.2);
  EXPECT_TRUE(rs.replica_symmetric);
  EXPECT_NEAR(rs.free_entropy,
              solve_rs(Kernel(Transfer::sign), WeightPrior::spherical, 1.0).free_entropy, 0.05);
}

TEST(TheoryLargeDeviation, AlphaToZeroLimitAndUpperBound) {
  // F_LD/y → H2((1 + √q1)/2) (binary), ½ ln(1 − q1) (spherical) as α → 0, always from below.
  for (double q1 : {0.5, 0.8}) {
    const auto b = large_deviation_point(Kernel(Transfer::relu), WeightPrior::binary, 1e-3, q1);
    EXPECT_NEAR(b.alpha_zero, math::binary_entropy((1.0 + std::sqrt(q1)) / 2.0), 1e-15);
    EXPECT_LE(b.normalised, 1e-12);
    EXPECT_GT(b.normalised, -3e-3);
    const auto s = large_deviation_point(Kernel(Transfer::relu), WeightPrior::spherical, 1e-3, q1);
    EXPECT_LE(s.normalised, 1e-12);
    EXPECT_GT(s.normalised, -3e-3);
  }
  // Binary curves: ≤ 0, increasing towards q1 → 1, ReLU above sign at α = 0.4 (PRL Fig. 2).
  double previous = -1.0;
  for (double q1 : {0.6, 0.8, 0.95}) {
    const auto s = large_deviation_point(Kernel(Transfer::sign), WeightPrior::binary, 0.4, q1);
    const auto r = large_deviation_point(Kernel(Transfer::relu), WeightPrior::binary, 0.4, q1);
    EXPECT_LE(s.normalised, 0.0);
    EXPECT_GT(s.normalised, previous);
    EXPECT_GT(r.normalised, s.normalised);
    previous = s.normalised;
  }
  EXPECT_THROW(large_deviation_point(Kernel(Transfer::sign), WeightPrior::binary, 0.4, 1.0),
               InputError);
  EXPECT_THROW(large_deviation_point(Kernel(Transfer::sign), WeightPrior::binary, -0.4, 0.5),
               InputError);
  EXPECT_NEAR(local_entropy_bound(0.11), math::binary_entropy(0.11), 0.0);
  EXPECT_THROW(local_entropy_bound(1.5), InputError);
}

}  // namespace
}  // namespace robens::theory
