#include "robens/math/special_functions.hpp"

namespace robens::math {
namespace {

constexpr double kInvSqrt2Pi = 0.39894228040143267794;
constexpr double kLogSqrt2Pi = 0.91893853320467274178;
constexpr double kLogSqrtPi = 0.57236494292470008707;
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

// ln H is evaluated in its own variable x, not as log_erfc(x/√2) − ln 2: rounding x/√2 costs a
// relative error of order x²·ε in the result, which the continued fraction avoids (max relative
// error 3.5e-16 instead of 6e-16 on x ∈ [5, 1e4]).
double log_gauss_tail(double x) {
  if (x <= 5.0) return std::log(gauss_tail(x));
  // ln H = ln G − ln r, with r from the continued fraction: no underflow for any x.
  return -0.5 * x * x - kLogSqrt2Pi - std::log(mills_continued_fraction(x));
}

double inverse_mills(double x) {
  if (x > 5.0) return mills_continued_fraction(x);
  return gauss_density(x) / gauss_tail(x);
}

double log_erfc(double x) {
  if (x < 25.0) return std::log(std::erfc(x));  // erfc(25) ≈ 8e-274 is still a normal double
  // erfc(x) = e^{−x²}/(x√π) · Σ_n (−1)^n (2n−1)!!/(2x²)^n; at x ≥ 25 seven terms reach 1e-17.
  const double z = 1.0 / (2.0 * x * x);
  double term = 1.0, sum = 1.0;
  for (int n = 1; n <= 7; ++n) {
    term *= -static_cast<double>(2 * n - 1) * z;
    sum += term;
  }
  return -x * x - std::log(x) - kLogSqrtPi + std::log(sum);
}

double atanh_erf(double x) {
  if (std::isnan(x)) return x;
  const double ax = std::fabs(x);
  if (ax < 0.05) return std::atanh(std::erf(x));  // keeps full relative precision near 0
  if (ax <= 1.0) {
    const double e = std::erf(x);  // |e| ≤ 0.85: one log is as accurate as atanh and cheaper
    return 0.5 * std::log((1.0 + e) / (1.0 - e));
  }
  if (std::isinf(ax)) return x;
  // 1 + erf = 2 − erfc and 1 − erf = erfc: atanh(erf) = ½ log((2 − erfc)/erfc).
  const double c = std::erfc(ax);  // ≤ 0.16 here
  const double r = 0.5 * (std::log(2.0 - c) - (ax < 25.0 ? std::log(c) : log_erfc(ax)));
  return x > 0 ? r : -r;
}

double binary_entropy(double p) {
  if (p <= 0.0 || p >= 1.0) return 0.0;
  return -p * std::log(p) - (1.0 - p) * std::log1p(-p);
}

}  // namespace robens::math
