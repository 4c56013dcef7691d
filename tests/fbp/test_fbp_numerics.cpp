// Special functions of fBP (core/bp_numerics.hpp, spec fbp.md §3) against long-double references,
// including the asymptotic tails, and the two message representations against each other.
#include <gtest/gtest.h>

#include <cmath>

#include "robens/algorithms/fbp_magnetization.hpp"
#include "robens/core/bp_numerics.hpp"

namespace robens {
namespace {

using ld = long double;

// atanh(erf x) = ½ log((2 − erfc x)/erfc x) in long double (erfcl stays normal up to x ≈ 106).
double ref_atanh_erf(double x) {
  const ld ax = std::fabs(static_cast<ld>(x));
  const ld c = std::erfc(ax);
  const ld r = 0.5L * std::log((2.0L - c) / c);
  return static_cast<double>(x < 0 ? -r : r);
}

void expect_close(double got, double want, double rel, double abs, const std::string& what) {
  EXPECT_LE(std::fabs(got - want), abs + rel * std::fabs(want))
      << what << ": got " << got << " want " << want;
}

TEST(FbpNumerics, AtanhErfMatchesLongDoubleOverRange) {
  for (double x = -40; x <= 40; x += 0.0137) {
    const double want = ref_atanh_erf(x);
    expect_close(bp::atanh_erf(x), want, 4e-15, 1e-16, "atanh_erf(" + std::to_string(x) + ")");
  }
  for (double x : {1e-300, 1e-12, 1e-6, 0.01, 0.0499, 0.05, 0.0501, 0.5})
    expect_close(bp::atanh_erf(x), static_cast<double>(std::atanh(std::erf(static_cast<ld>(x)))),
                 1e-14, 0, "small x " + std::to_string(x));
}

TEST(FbpNumerics, AtanhErfIsContinuousAtBranchPointsAndHasTheRightTail) {
  for (double b : {0.05, 1.0, 25.0}) {
    const double lo = bp::atanh_erf(std::nextafter(b, 0.0)), hi = bp::atanh_erf(b),
                 up = bp::atanh_erf(std::nextafter(b, 100.0));
    EXPECT_LE(std::fabs(hi - lo), 1e-14 * std::fabs(hi)) << b;
    EXPECT_LE(std::fabs(up - hi), 1e-14 * std::fabs(hi)) << b;
  }
  // Large x: atanh(erf x) = ½(x² + log x + ½ log 4π − log(1 − 1/(2x²) + ...)).
  for (double x : {60.0, 1e3, 1e5, 1e8}) {
    const ld X = x;
    const ld want =
        0.5L * (X * X + std::log(X) + 0.5L * std::log(4.0L * 3.14159265358979323846264L) -
                std::log1p(-1.0L / (2 * X * X) + 3.0L / (4 * X * X * X * X) -
                           15.0L / (8 * X * X * X * X * X * X) +
                           105.0L / (16 * X * X * X * X * X * X * X * X)));
    expect_close(bp::atanh_erf(x), static_cast<double>(want), 2e-15, 0,
                 "tail " + std::to_string(x));
    expect_close(bp::atanh_erf(-x), -static_cast<double>(want), 2e-15, 0,
                 "tail -" + std::to_string(x));
  }
  EXPECT_EQ(bp::atanh_erf(bp::kInf), bp::kInf);
  EXPECT_EQ(bp::atanh_erf(-bp::kInf), -bp::kInf);
  EXPECT_EQ(bp::atanh_erf(0.0), 0.0);
}

TEST(FbpNumerics, LogErfcMatchesLongDoubleAndSeries) {
  for (double x = -6; x <= 100; x += 0.0731) {
    const double want = static_cast<double>(std::log(std::erfc(static_cast<ld>(x))));
    expect_close(bp::log_erfc(x), want, 2e-15, 1e-16, "log_erfc(" + std::to_string(x) + ")");
  }
  const double below = bp::log_erfc(std::nextafter(25.0, 0.0)), at = bp::log_erfc(25.0);
  EXPECT_LE(std::fabs(at - below), 1e-13 * std::fabs(at));
  EXPECT_TRUE(std::isfinite(bp::log_erfc(1e150)));
}

TEST(FbpNumerics, FieldProductMatchesDirectFormula) {
  for (double a = -9; a <= 9; a += 0.37)
    for (double b = -9; b <= 9; b += 0.41) {
      const ld want = std::atanh(std::tanh(static_cast<ld>(a)) * std::tanh(static_cast<ld>(b)));
      expect_close(bp::field_product(a, b), static_cast<double>(want), 1e-13, 1e-15, "product");
    }
  EXPECT_EQ(bp::field_product(bp::kInf, 0.7), 0.7);
  EXPECT_EQ(bp::field_product(bp::kInf, -bp::kInf), -bp::kInf);
  EXPECT_EQ(bp::field_product(bp::kInf, bp::kInf), bp::kInf);
  // Saturated: atanh(tanh 40 · tanh 50) = 40 − ½ log1p(e^{−20}) + O(e^{−80}), where the plain
  // product of magnetizations has long rounded to 1.
  EXPECT_NEAR(bp::field_product(40, 50), 40.0 - 0.5 * std::log1p(std::exp(-20.0)), 1e-12);
}

TEST(FbpNumerics, AuxMixMatchesDirectFormulaAndLimits) {
  auto direct = [](ld H, ld ap, ld am) {
    const ld t = std::tanh(H);
    return static_cast<double>(0.5L * std::log((1 + t * std::tanh(ap)) / (1 + t * std::tanh(am))));
  };
  for (double H = -4; H <= 4; H += 0.53)
    for (double ap = -6; ap <= 6; ap += 0.77)
      for (double am = -6; am <= 6; am += 0.91)
        expect_close(bp::aux_mix(H, ap, am), direct(H, ap, am), 1e-12, 1e-15, "aux_mix finite H");
  // H = ±∞: ½ log((1 ± tanh a₊)/(1 ± tanh a₋)).
  for (double ap = -6; ap <= 6; ap += 0.77)
    for (double am = -6; am <= 6; am += 0.91) {
      const ld want = 0.5L * std::log((1 + std::tanh(static_cast<ld>(ap))) /
                                      (1 + std::tanh(static_cast<ld>(am))));
      expect_close(bp::aux_mix(bp::kInf, ap, am), static_cast<double>(want), 1e-12, 1e-14,
                   "aux_mix H=inf");
      expect_close(bp::aux_mix(-bp::kInf, ap, am), bp::aux_mix(bp::kInf, -ap, -am), 0, 1e-14,
                   "aux_mix symmetry");
    }
  EXPECT_EQ(bp::aux_mix(0.0, 3, -2), 0.0);
  EXPECT_EQ(bp::aux_mix(bp::kInf, bp::kInf, -bp::kInf), 30.0);  // clamp branch
  EXPECT_EQ(bp::aux_mix(bp::kInf, -bp::kInf, bp::kInf), -30.0);
  EXPECT_EQ(bp::aux_mix(bp::kInf, bp::kInf, bp::kInf), 0.0);
  EXPECT_EQ(bp::aux_mix(0.3, bp::kInf, -bp::kInf), 0.0);  // reference quirk Q2
  EXPECT_TRUE(std::isfinite(bp::aux_mix(1e300, 1e300, -1e300)) ||
              std::isnan(bp::aux_mix(1e300, 1e300, -1e300)));
}

TEST(FbpNumerics, Log1pxyCrossEntropyAndLogZ) {
  for (double a = -7; a <= 7; a += 0.43)
    for (double b = -7; b <= 7; b += 0.47) {
      const ld ta = std::tanh(static_cast<ld>(a)), tb = std::tanh(static_cast<ld>(b));
      expect_close(bp::log1pxy(a, b), static_cast<double>(std::log((1 + ta * tb) / 2)), 1e-12,
                   1e-14, "log1pxy");
      const ld ce = -(1 + ta) / 2 * std::log((1 + tb) / 2) - (1 - ta) / 2 * std::log((1 - tb) / 2);
      expect_close(bp::cross_entropy(a, b), static_cast<double>(ce), 1e-12, 1e-14, "cross_entropy");
    }
  // Large γ: log((1 − tanh²γ)/2) = −2γ + log 2 − 2L(γ), exact where the plain form gives −∞.
  for (double g : {20.0, 50.0, 300.0})
    EXPECT_NEAR(bp::log1pxy(g, -g), -2 * g + bp::kLog2 - 2 * bp::log1p_exp_m2abs(g), 1e-12 * g);
  EXPECT_EQ(bp::log1pxy(bp::kInf, bp::kInf), 0.0);
  EXPECT_EQ(bp::log1pxy(bp::kInf, -bp::kInf), -bp::kInf);
  EXPECT_NEAR(bp::log1pxy(bp::kInf, 0.3), static_cast<double>(std::log((1 + std::tanh(0.3L)) / 2)),
              1e-15);
  EXPECT_EQ(bp::cross_entropy(0.0, bp::kInf), bp::kInf);
  EXPECT_EQ(bp::cross_entropy(bp::kInf, bp::kInf), 0.0);
  // logZ of fields u: log Σ_s Π (1 + s tanh u)/2.
  const double fields[] = {0.3, -1.2, 2.5, 0.01, -0.7, 4.0};
  TanhMag::LogZ z;
  PlainMag::LogZ zp;
  ld pp = 1, pm = 1;
  for (double u : fields) {
    z.add(u);
    zp.add(std::tanh(u));
    pp *= (1 + std::tanh(static_cast<ld>(u))) / 2;
    pm *= (1 - std::tanh(static_cast<ld>(u))) / 2;
  }
  EXPECT_NEAR(z.value(), static_cast<double>(std::log(pp + pm)), 1e-14);
  EXPECT_NEAR(zp.value(), static_cast<double>(std::log(pp + pm)), 1e-13);
}

TEST(FbpNumerics, TanhAndPlainRepresentationsAgreeWhenUnsaturated) {
  for (double a = -0.95; a <= 0.95; a += 0.11)
    for (double b = -0.93; b <= 0.93; b += 0.13) {
      const double fa = std::atanh(a), fb = std::atanh(b);
      EXPECT_NEAR(std::tanh(TanhMag::combine(fa, fb)), PlainMag::combine(a, b), 1e-14);
      EXPECT_NEAR(std::tanh(TanhMag::cavity(fa, fb)), PlainMag::cavity(a, b), 1e-12);
      EXPECT_NEAR(std::tanh(TanhMag::product(fa, fb)), PlainMag::product(a, b), 1e-14);
      EXPECT_NEAR(std::tanh(TanhMag::power(fa, 2.5)), PlainMag::power(a, 2.5), 1e-13);
      EXPECT_NEAR(TanhMag::log1pxy(fa, fb), PlainMag::log1pxy(a, b), 1e-13);
      EXPECT_NEAR(TanhMag::cross_entropy(fa, fb), PlainMag::cross_entropy(a, b), 1e-12);
      EXPECT_NEAR(std::tanh(TanhMag::erfmix(fa, 3 * b, 2 * a)), PlainMag::erfmix(a, 3 * b, 2 * a),
                  1e-12);
      EXPECT_NEAR(std::tanh(TanhMag::exactmix(fa, fb, std::atanh(0.5 * a))),
                  PlainMag::exactmix(a, b, 0.5 * a), 1e-12);
    }
  EXPECT_NEAR(std::tanh(TanhMag::from_probs(0.7, 0.2)), PlainMag::from_probs(0.7, 0.2), 1e-15);
  EXPECT_EQ(TanhMag::forced(1.0), bp::kInf);
  EXPECT_EQ(TanhMag::from_real(1.0), 30.0);
  EXPECT_EQ(TanhMag::cavity(bp::kInf, bp::kInf), 0.0);
  EXPECT_EQ(TanhMag::damp(2.0, bp::kInf, 0.0), 2.0);  // quirk Q4 avoided
}

}  // namespace
}  // namespace robens
