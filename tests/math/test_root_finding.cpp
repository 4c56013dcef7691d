// The Boost.Math wrappers of math/root_finding.hpp and the quadrature rules of
// math/gaussian_quadrature.hpp on problems with known answers.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "robens/math/gaussian_quadrature.hpp"
#include "robens/math/root_finding.hpp"

namespace robens::math {
namespace {

TEST(MathRootFinding, Toms748FindsABracketedRootToTheTolerance) {
  int calls = 0;
  auto f = [&](double x) {
    ++calls;
    return x * x - 2.0;
  };
  const auto r = toms748_root(f, 0.0, 2.0, -2.0, 2.0, {1e-12}, 100);
  EXPECT_TRUE(r.converged);
  EXPECT_LT(r.upper - r.lower, 1e-12);
  EXPECT_NEAR(r.midpoint(), std::sqrt(2.0), 1e-12);
  EXPECT_EQ(r.iterations, static_cast<std::uintmax_t>(calls));  // the end values were given
  const auto s = toms748_root(f, 0.0, 2.0, {1e-12}, 100);       // evaluates the ends itself
  EXPECT_TRUE(s.converged);
  EXPECT_NEAR(s.midpoint(), std::sqrt(2.0), 1e-12);
}

TEST(MathRootFinding, Toms748ReportsAnExhaustedIterationLimit) {
  auto f = [](double x) { return std::exp(x) - 3.0; };
  const auto r = toms748_root(f, -10.0, 10.0, {1e-15, true}, 3);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.iterations, 3U);
  EXPECT_LE(r.lower, std::log(3.0));
  EXPECT_GE(r.upper, std::log(3.0));
  EXPECT_THROW(toms748_root(f, 2.0, 3.0, {1e-12}, 50), std::domain_error);  // no sign change
}

TEST(MathRootFinding, RootToleranceAbsoluteAndRelative) {
  EXPECT_TRUE((RootTolerance{1e-3})(1000.0, 1000.0009));
  EXPECT_FALSE((RootTolerance{1e-3})(1000.0, 1000.002));
  EXPECT_TRUE((RootTolerance{1e-6, true})(1000.0, 1000.0009));  // 1e-6 · (1 + 1000)
  EXPECT_FALSE((RootTolerance{1e-6, true})(0.0, 2e-6));
}

TEST(MathRootFinding, NewtonAndBrent) {
  auto cube = [](double x) { return std::pair<double, double>{x * x * x - 8.0, 3.0 * x * x}; };
  EXPECT_NEAR(newton_root(cube, 3.0, 0.0, 5.0, 50, 100), 2.0, 1e-13);
  const auto m = brent_minimum([](double x) { return (x - 1.3) * (x - 1.3) + 0.25; }, 0.0, 3.0, 40);
  EXPECT_NEAR(m.x, 1.3, 1e-7);
  EXPECT_NEAR(m.value, 0.25, 1e-14);
}

TEST(MathQuadrature, TrapezoidAndGaussLegendreRules) {
  const auto gauss = trapezoid_rule(2401);
  EXPECT_NEAR(gauss.integrate([](double) { return 1.0; }), 1.0, 1e-15);
  EXPECT_NEAR(gauss.integrate([](double z) { return z * z; }), 1.0, 1e-13);
  EXPECT_NEAR(gauss.integrate([](double z) { return z * z * z * z; }), 3.0, 1e-12);
  const auto legendre = gauss_legendre_rule(0.0, 10.0);
  EXPECT_EQ(legendre.size(), 60U);
  EXPECT_NEAR(legendre.integrate([](double) { return 1.0; }), 10.0, 1e-13);
  EXPECT_NEAR(legendre.integrate([](double x) { return std::pow(x, 5); }), 1e6 / 6.0, 1e-8);
  EXPECT_NEAR(legendre.integrate([](double x) { return std::cos(x); }), std::sin(10.0), 1e-14);
  for (double x : legendre.nodes) {
    EXPECT_GT(x, 0.0);
    EXPECT_LT(x, 10.0);
  }
}

}  // namespace
}  // namespace robens::math
