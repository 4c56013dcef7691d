#pragma once
// Special functions shared by the replica theory (theory/) and belief propagation (fBP), each
// defined once and written to stay finite wherever the exact result is finite: the saddle points
// push Gaussian arguments to ±30 and beyond, BP fields may be saturated or ±∞.
//   G(x) = exp(−x²/2)/√(2π),  H(x) = ∫_x^∞ Dz = erfc(x/√2)/2,  r(x) = G(x)/H(x).
#include <cmath>

namespace robens::math {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kLog2 = 0.69314718055994530942;

double gauss_density(double x);   // G(x)
double gauss_tail(double x);      // H(x)
double log_gauss_tail(double x);  // ln H(x), accurate for large positive x (no underflow)
double inverse_mills(double x);  // r(x) = G(x)/H(x); r(x) ≈ x for x → +∞, → 0 for x → −∞

// log(erfc(x)) without underflow, for any x (x → +∞: −x² − log(x√π) + log(asymptotic series)).
double log_erfc(double x);
// atanh(erf(x)), stable for all x: ≈ sign(x)(x² + log|x| + ½log(4π))/2 for large |x|; ±∞ at ±∞.
double atanh_erf(double x);

// L(x) = log(1 + e^{−2|x|}); L(±∞) = 0. Inline: BP calls it in its innermost loops.
inline double log1p_exp_m2abs(double x) {
  return std::log1p(std::exp(-2.0 * std::fabs(x)));
}
// log(2 cosh x) = |x| + L(x), overflow-safe.
inline double log_two_cosh(double x) {
  return std::fabs(x) + log1p_exp_m2abs(x);
}

// Binary entropy −p ln p − (1−p) ln(1−p) in nats; 0 at p ∈ {0, 1} (and outside [0, 1]), NaN at NaN.
double binary_entropy(double p);

}  // namespace robens::math
