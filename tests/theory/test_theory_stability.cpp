// AT line (replicon) and the 1RSB capacity estimate (docs/theory.md, "Equations").
#include <gtest/gtest.h>

#include "robens/core/error.hpp"
#include "robens/theory/replicon.hpp"

namespace robens::theory {
namespace {

TEST(TheoryStability, SphericalSignAtPointMatchesPrl) {
  // PRL: α_AT ≈ 2.988 at large K; derivation (docs/theory.md): 2.98782 at q = 0.6303.
  const auto r = at_line(Kernel(Transfer::sign), WeightPrior::spherical);
  EXPECT_NEAR(r.alpha_at, 2.98782, 1e-4);
  EXPECT_NEAR(r.at_point.q, 0.6303, 1e-3);
}

TEST(TheoryStability, SphericalReluAtPointIsTheDerivedValue) {
  // Not the PRL's 0.615: see docs/theory.md ("the PRL discrepancy").
  const auto r = at_line(Kernel(Transfer::relu), WeightPrior::spherical);
  EXPECT_NEAR(r.alpha_at, 1.7212, 1e-3);
  EXPECT_NEAR(r.at_point.q, 0.7244, 1e-3);
}

TEST(TheoryStability, SphericalPerceptronIsMarginalOnlyAtCapacity) {
  // φ'' = 0: λ_R = −1/(1−q)² + α E[(r(r−x))²]/(1−q)² < 0 for α < 2.
  const Kernel k(Transfer::identity);
  for (double alpha : {0.5, 1.0, 1.9}) {
    const auto p = solve_rs(k, WeightPrior::spherical, alpha);
    EXPECT_LT(replicon_eigenvalue(k, WeightPrior::spherical, p), 0.0) << alpha;
  }
}

TEST(TheoryStability, BinaryPerceptronAtPoint) {
  // Gardner–Derrida: α_AT ≈ 1.015 (derivation, docs/theory.md: 1.0146 at q = 0.7205), beyond
  // α_c = 0.833.
  const auto r = at_line(Kernel(Transfer::identity), WeightPrior::binary);
  EXPECT_NEAR(r.alpha_at, 1.0146, 2e-4);
  EXPECT_NEAR(r.at_point.q, 0.7205, 1e-3);
}

TEST(TheoryStability, BinaryReluAtPointBeyondCapacity) {
  const auto r = at_line(Kernel(Transfer::relu), WeightPrior::binary);
  EXPECT_NEAR(r.alpha_at, 1.1112, 1e-3);
}

TEST(TheoryStability, OneRsbCapacity) {
  const auto relu = one_rsb_capacity(Kernel(Transfer::relu));
  EXPECT_NEAR(relu.alpha_c, 2.6643, 1e-3);
  EXPECT_NEAR(relu.q0, 0.76, 0.02);
  EXPECT_GT(relu.mu, 10.0);
  EXPECT_LT(relu.mu, 25.0);
  EXPECT_NEAR(relu.rs_limit, 2.933884, 1e-6);
  // The μ → 0 limit of R is the RS capacity.
  EXPECT_NEAR(one_rsb_ratio(Kernel(Transfer::relu), 0.3, 1e-4), 2.933884, 1e-3);
  // Perceptron: no RSB correction, the infimum sits at μ → 0 with R = 2.
  EXPECT_NEAR(one_rsb_capacity(Kernel(Transfer::identity)).alpha_c, 2.0, 2e-3);
  EXPECT_THROW(one_rsb_capacity(Kernel(Transfer::sign)), InputError);
  EXPECT_THROW(one_rsb_ratio(Kernel(Transfer::relu), 1.0, 1.0), InputError);
}

}  // namespace
}  // namespace robens::theory
