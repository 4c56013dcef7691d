// The special functions shared by theory/ and fBP (math/special_functions.hpp) at known values,
// against their asymptotic series, and the two Gaussian tails against each other.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "robens/math/special_functions.hpp"

namespace robens::math {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(MathSpecialFunctions, GaussianDensityTailAndMillsRatioAtKnownValues) {
  EXPECT_EQ(gauss_tail(0.0), 0.5);
  EXPECT_NEAR(gauss_density(0.0), 0.3989422804014327, 1e-17);
  EXPECT_NEAR(gauss_tail(1.959963984540054), 0.025, 1e-16);    // the two-sided 95% quantile
  EXPECT_NEAR(inverse_mills(0.0), 0.7978845608028654, 1e-16);  // √(2/π)
  EXPECT_EQ(log_gauss_tail(0.0), -kLog2);
  // Both sides of the branch point x = 5 of r(x) and ln H(x) agree with the direct formulas.
  for (double x : {-5.0, -1.0, 0.0, 1.0, 4.9, 5.0, 5.1, 10.0}) {
    EXPECT_NEAR(log_gauss_tail(x), std::log(gauss_tail(x)), 1e-14 * (1 + x * x)) << x;
    EXPECT_NEAR(inverse_mills(x), gauss_density(x) / gauss_tail(x), 1e-14 * (1 + x * x)) << x;
  }
  EXPECT_NEAR(inverse_mills(1e3), 1e3 + 1e-3 - 2e-9, 1e-11);  // r(x) = x + 1/x − 2/x³ + …
  EXPECT_NEAR(inverse_mills(-40.0), 0.0, 1e-300);
}

TEST(MathSpecialFunctions, LogGaussTailFollowsItsAsymptoticSeries) {
  // ln H(x) = −x²/2 − ln(x√(2π)) + ln(1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸ − 945/x¹⁰ + …).
  for (double x : {40.0, 200.0, 1e4}) {
    const double y = 1.0 / (x * x);
    const double series =
        -0.5 * x * x - std::log(x * std::sqrt(2.0 * kPi)) +
        std::log1p(y * (-1.0 + y * (3.0 + y * (-15.0 + y * (105.0 + y * -945.0)))));
    EXPECT_NEAR(log_gauss_tail(x), series, 4e-16 * std::fabs(series)) << x;
  }
  EXPECT_NEAR(log_gauss_tail(40.0), -804.60844201375379, 4e-16 * 805);  // mpmath
  EXPECT_TRUE(std::isfinite(log_gauss_tail(1e150)));
}

TEST(MathSpecialFunctions, LogErfcAndLogGaussTailAreTheSameTail) {
  // ln H(x) = ln erfc(x/√2) − ln 2: two evaluations in two variables, equal to rounding.
  for (double x = -8.0; x <= 300.0; x += 0.37) {
    const double via_erfc = log_erfc(x / std::sqrt(2.0)) - kLog2;
    EXPECT_NEAR(log_gauss_tail(x), via_erfc, 2e-15 * std::max(1.0, std::fabs(via_erfc))) << x;
  }
  EXPECT_EQ(log_erfc(0.0), 0.0);
  EXPECT_NEAR(log_erfc(30.0), -903.97411711064388, 4e-16 * 904);  // series branch, mpmath
  EXPECT_TRUE(std::isfinite(log_erfc(1e150)));
}

TEST(MathSpecialFunctions, AtanhErf) {
  EXPECT_EQ(atanh_erf(0.0), 0.0);
  EXPECT_EQ(atanh_erf(kInf), kInf);
  EXPECT_EQ(atanh_erf(-kInf), -kInf);
  EXPECT_TRUE(std::isnan(atanh_erf(std::numeric_limits<double>::quiet_NaN())));
  EXPECT_NEAR(atanh_erf(3.0), 5.7067495886157797, 1e-14);  // mpmath
  EXPECT_EQ(atanh_erf(-3.0), -atanh_erf(3.0));
  EXPECT_NEAR(atanh_erf(0.5), std::atanh(std::erf(0.5)), 1e-15);
}

TEST(MathSpecialFunctions, LogTwoCoshAndLog1pExp) {
  EXPECT_EQ(log_two_cosh(0.0), kLog2);
  EXPECT_NEAR(log_two_cosh(1.0), std::log(2.0 * std::cosh(1.0)), 1e-15);
  // 800 + ln(1 + e^{−1600}) rounds to 800 exactly; the naive log(2 cosh 800) overflows.
  EXPECT_FALSE(std::isfinite(std::log(2.0 * std::cosh(800.0))));
  EXPECT_EQ(log_two_cosh(800.0), 800.0);
  EXPECT_EQ(log_two_cosh(-800.0), 800.0);
  EXPECT_NEAR(log_two_cosh(-1.0), 1.1269280110429725, 1e-15);  // mpmath
  EXPECT_EQ(log1p_exp_m2abs(0.0), kLog2);
  EXPECT_EQ(log1p_exp_m2abs(kInf), 0.0);
  EXPECT_EQ(log1p_exp_m2abs(-kInf), 0.0);
  EXPECT_EQ(log1p_exp_m2abs(-3.0), log1p_exp_m2abs(3.0));
}

TEST(MathSpecialFunctions, BinaryEntropy) {
  EXPECT_NEAR(binary_entropy(0.5), std::log(2.0), 1e-16);
  EXPECT_NEAR(binary_entropy(0.11), 0.34651533691866615, 2e-16);  // mpmath
  EXPECT_EQ(binary_entropy(0.0), 0.0);
  EXPECT_EQ(binary_entropy(1.0), 0.0);
  EXPECT_NEAR(binary_entropy(0.3), binary_entropy(0.7), 3e-16);
  EXPECT_NEAR(binary_entropy(1e-300), 1e-300 * (300 * std::log(10.0) + 1), 1e-310);
  EXPECT_TRUE(std::isnan(binary_entropy(std::numeric_limits<double>::quiet_NaN())));
}

}  // namespace
}  // namespace robens::math
