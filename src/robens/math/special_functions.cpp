#include "robens/math/special_functions.hpp"

#include <cmath>

namespace robens::theory {
namespace {

constexpr double kInvSqrt2Pi = 0.39894228040143267794;
constexpr double kLogSqrt2Pi = 0.91893853320467274178;
constexpr double kInvSqrt2 = 0.70710678118654752440;

// Laplace continued fraction G/H = x + 1/(x + 2/(x + 3/(x + …))), evaluated bottom-up.
// For x > 5 sixty levels give full double precision.
double mills_continued_fraction(double x) {
  double tail = x;
  for (int k = 60; k >= 1; --k) tail = x + static_cast<double>(k) / tail;
  return tail;
}

}  // namespace

double gauss_density(double x) {
  return kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

double gauss_tail(double x) {
  return 0.5 * std::erfc(x * kInvSqrt2);
}

double log_gauss_tail(double x) {
  if (x <= 5.0) return std::log(0.5 * std::erfc(x * kInvSqrt2));
  // ln H = ln G − ln r, with r from the continued fraction: no underflow for any x.
  return -0.5 * x * x - kLogSqrt2Pi - std::log(mills_continued_fraction(x));
}

double inverse_mills(double x) {
  if (x > 5.0) return mills_continued_fraction(x);
  return gauss_density(x) / gauss_tail(x);
}

double log_two_cosh(double x) {
  const double a = std::fabs(x);
  return a + std::log1p(std::exp(-2.0 * a));
}

double binary_entropy(double p) {
  if (p <= 0.0 || p >= 1.0) return 0.0;
  return -p * std::log(p) - (1.0 - p) * std::log1p(-p);
}

}  // namespace robens::theory
