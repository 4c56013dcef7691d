// RS saddle points and capacities against the reference values of docs/theory.md, "Reference
// values reproduced".
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/kernel.hpp"
#include "robens/theory/replica_symmetric.hpp"

namespace robens::theory {
namespace {

TEST(TheoryKernel, NormalisedAndConsistentDerivatives) {
  for (auto t : {Transfer::identity, Transfer::sign, Transfer::relu}) {
    const Kernel k(t);
    EXPECT_NEAR(k.phi(0.0), 0.0, 1e-15) << k.name();
    EXPECT_NEAR(k.phi(1.0), 1.0, 1e-15) << k.name();
    for (double q : {0.1, 0.5, 0.9}) {
      const double h = 1e-6;
      EXPECT_NEAR(k.dphi(q), (k.phi(q + h) - k.phi(q - h)) / (2 * h), 1e-6)
          << k.name() << " q=" << q;
      EXPECT_NEAR(k.d2phi(q), (k.dphi(q + h) - k.dphi(q - h)) / (2 * h), 1e-5)
          << k.name() << " q=" << q;
    }
  }
  // ReLU: Δ_2 − Δ ≈ δΔ (1 − q) with δΔ = 1/2, i.e. φ'(1) = (1/2)/(1/2 − 1/(2π)).
  EXPECT_NEAR(Kernel(Transfer::relu).dphi_at_one(), 1.0 / (1.0 - 1.0 / math::kPi), 1e-14);
  EXPECT_TRUE(std::isinf(Kernel(Transfer::sign).dphi_at_one()));
}

struct BinaryCase {
  Transfer transfer;
  double alpha_c, q, q_hat;
};

TEST(TheoryCapacity, BinaryCapacitiesMatchReferenceValues) {
  // docs/theory.md, "Reference values reproduced": perceptron 0.833079 (Krauth–Mézard), sign
  // 0.946952 and ReLU 0.903986 (PRL after Eq. 5).
  for (const auto& c : {BinaryCase{Transfer::identity, 0.833079, 0.56395, 2.57635},
                        BinaryCase{Transfer::sign, 0.946952, 0.30877, 0.61719},
                        BinaryCase{Transfer::relu, 0.903986, 0.44871, 1.34717}}) {
    const auto r = rs_capacity(Kernel(c.transfer), WeightPrior::binary);
    EXPECT_NEAR(r.alpha_c, c.alpha_c, 1e-6) << to_string(c.transfer);
    EXPECT_NEAR(r.at_capacity.q, c.q, 1e-5) << to_string(c.transfer);
    EXPECT_NEAR(r.at_capacity.q_hat, c.q_hat, 1e-5) << to_string(c.transfer);
    EXPECT_NEAR(r.at_capacity.free_entropy, 0.0, 1e-9);
  }
}

TEST(TheoryCapacity, SphericalCapacities) {
  EXPECT_NEAR(rs_capacity(Kernel(Transfer::identity), WeightPrior::spherical).alpha_c, 2.0, 1e-14);
  EXPECT_NEAR(rs_capacity(Kernel(Transfer::relu), WeightPrior::spherical).alpha_c,
              2.0 / (1.0 - 1.0 / math::kPi), 1e-12);
  EXPECT_TRUE(std::isinf(rs_capacity(Kernel(Transfer::sign), WeightPrior::spherical).alpha_c));
  // The analytic capacity is the q → 1 end of the solver's branch: q rises towards 1 just below it
  // and no root exists just above.
  const Kernel relu(Transfer::relu);
  const double ac = 2.0 / (1.0 - 1.0 / math::kPi);
  EXPECT_GT(solve_rs(relu, WeightPrior::spherical, 0.97 * ac).q, 0.95);
  EXPECT_THROW(solve_rs(relu, WeightPrior::spherical, 1.02 * ac), InputError);
  EXPECT_GT(solve_rs(Kernel(Transfer::identity), WeightPrior::spherical, 1.94).q, 0.95);
  EXPECT_THROW(solve_rs(Kernel(Transfer::identity), WeightPrior::spherical, 2.05), InputError);
}

struct RsCase {
  Transfer transfer;
  WeightPrior prior;
  double alpha, q, q_hat, f;  // q_hat unused (NaN) for spherical
};

TEST(TheoryCapacity, RsRegressionValues) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const RsCase cases[] = {
      {Transfer::identity, WeightPrior::binary, 0.3, 0.190838, 0.285979, 0.474829},
      {Transfer::identity, WeightPrior::binary, 0.6, 0.391050, 0.982300, 0.227785},
      {Transfer::sign, WeightPrior::binary, 0.3, 0.111940, 0.140939, 0.481538},
      {Transfer::sign, WeightPrior::binary, 0.6, 0.209337, 0.327395, 0.262595},
      {Transfer::relu, WeightPrior::binary, 0.3, 0.141690, 0.190233, 0.479738},
      {Transfer::relu, WeightPrior::binary, 0.6, 0.289236, 0.549654, 0.252371},
      {Transfer::identity, WeightPrior::spherical, 0.5, 0.307393, nan, -0.377670},
      {Transfer::identity, WeightPrior::spherical, 1.0, 0.585312, nan, -0.855821},
      {Transfer::sign, WeightPrior::spherical, 0.5, 0.175617, nan, -0.356659},
      {Transfer::sign, WeightPrior::spherical, 1.0, 0.310806, nan, -0.733093},
      {Transfer::sign, WeightPrior::spherical, 2.0, 0.504014, nan, -1.544807},
      {Transfer::relu, WeightPrior::spherical, 0.5, 0.232503, nan, -0.362773},
      {Transfer::relu, WeightPrior::spherical, 1.0, 0.452614, nan, -0.771963},
      {Transfer::relu, WeightPrior::spherical, 2.0, 0.810550, nan, -1.924769},
  };
  for (const auto& c : cases) {
    const auto p = solve_rs(Kernel(c.transfer), c.prior, c.alpha);
    const auto label =
        to_string(c.transfer) + " " + to_string(c.prior) + " alpha=" + std::to_string(c.alpha);
    EXPECT_NEAR(p.q, c.q, 2e-6) << label;
    if (!std::isnan(c.q_hat)) {
      EXPECT_NEAR(p.q_hat, c.q_hat, 2e-6) << label;
    }
    EXPECT_NEAR(p.free_entropy, c.f, 2e-6) << label;
  }
}

TEST(TheoryCapacity, RejectsBadParameters) {
  const Kernel k(Transfer::sign);
  EXPECT_THROW(solve_rs(k, WeightPrior::binary, -0.1), InputError);
  EXPECT_THROW(solve_rs(k, WeightPrior::binary, std::numeric_limits<double>::quiet_NaN()),
               InputError);
  RsSettings bad;
  bad.damping = 0.0;
  EXPECT_THROW(solve_rs(k, WeightPrior::binary, 0.5, bad), InputError);
  bad = {};
  bad.nodes = 2;
  EXPECT_THROW(solve_rs(k, WeightPrior::binary, 0.5, bad), InputError);
  bad = {};
  bad.max_iterations = 3;
  EXPECT_THROW(solve_rs(k, WeightPrior::binary, 0.5, bad),
               InputError);  // fails loudly, no silent number
  EXPECT_THROW(parse_enum<Transfer>("tanh", "--activation"), InputError);
  EXPECT_THROW(parse_enum<WeightPrior>("ternary", "--weights"), InputError);
  EXPECT_EQ(parse_enum<Transfer>("linear", "--activation"), Transfer::identity);
  EXPECT_EQ(to_string(Transfer::identity), "identity");
  EXPECT_EQ(parse_enum<KernelVariant>("uncentred", "--kernel-variant"), KernelVariant::uncentred);
  EXPECT_THROW(Kernel(Transfer::sign, KernelVariant::uncentred), InputError);
}

}  // namespace
}  // namespace robens::theory
