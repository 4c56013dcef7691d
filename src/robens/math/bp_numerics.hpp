#pragma once
// Numerically stable special functions for belief propagation on binary variables (spec fbp.md §3).
// A "field" x is atanh of a magnetization m ∈ [−1, 1]; fields may be ±∞ (certain variables).
// Everything here is finite wherever the exact result is finite, even for saturated inputs.
#include <cmath>
#include <limits>

namespace robens::bp {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
// Fields converted from magnetizations are clamped here: tanh(30) == 1.0 in double anyway.
inline constexpr double kFieldClamp = 30.0;
inline constexpr double kLog2 = 0.69314718055994530942;

// L(x) = log(1 + e^{−2|x|}); L(±∞) = 0.
inline double log1p_exp_m2abs(double x) {
  return std::log1p(std::exp(-2.0 * std::fabs(x)));
}
// LC(x) = log(2 cosh x) = |x| + L(x).
inline double log_2cosh(double x) {
  return std::fabs(x) + log1p_exp_m2abs(x);
}

inline double clamp_field(double x) {
  return x > kFieldClamp ? kFieldClamp : (x < -kFieldClamp ? -kFieldClamp : x);
}
// +1 if the sign bit is clear (so +0 → +1 and −0 → −1).
inline double sign0(double x) {
  return std::signbit(x) ? -1.0 : 1.0;
}

// log(erfc(x)) without underflow, for any x (x → +∞: −x² − log(x√π) + log(asymptotic series)).
double log_erfc(double x);
// atanh(erf(x)), stable for all x: ≈ sign(x)(x² + log|x| + ½log(4π))/2 for large |x|; ±∞ at ±∞.
double atanh_erf(double x);

// Field of the product of two magnetizations: atanh(tanh a · tanh b) (spec §3.1).
inline double field_product(double a, double b) {
  if (a == 0 || b == 0) return 0.0;
  const double sa = a > 0 ? 1.0 : -1.0, sb = b > 0 ? 1.0 : -1.0;
  const double t1 = 2.0 * sa * sb * std::fmin(std::fabs(a), std::fabs(b));
  const double t2 =
      (std::isinf(a) || std::isinf(b)) ? 0.0 : log1p_exp_m2abs(a + b) - log1p_exp_m2abs(a - b);
  return 0.5 * (t1 + t2);
}

// ½ log[(1 + tanh H tanh a₊)/(1 + tanh H tanh a₋)] (spec §3.2): the message of a threshold factor
// to one input, given the output's cavity field H and the output fields a± for input = ±1.
// H finite with a₊ = +∞, a₋ = −∞ returns 0 like the reference (quirk Q2), not the limit H.
double aux_mix(double H, double ap, double am);

// log((1 + tanh a tanh b)/2) (spec §3.4).
inline double log1pxy(double a, double b) {
  const bool ia = std::isinf(a), ib = std::isinf(b);
  if (!ia && !ib)
    return std::fabs(a + b) - std::fabs(a) - std::fabs(b) + log1p_exp_m2abs(a + b) -
           log1p_exp_m2abs(a) - log1p_exp_m2abs(b);
  if (ia && !ib) return sign0(a) * b - std::fabs(b) - log1p_exp_m2abs(b);
  if (!ia && ib) return sign0(b) * a - std::fabs(a) - log1p_exp_m2abs(a);
  return (a > 0) == (b > 0) ? 0.0 : -kInf;
}

// Cross entropy −Σ_s (1 + s m_x)/2 · log((1 + s m_y)/2) with fields x, y (spec §3.5).
inline double cross_entropy(double x, double y) {
  if (std::isinf(y)) {
    const double tx = std::tanh(x);
    return (tx == 0 || (tx > 0) != (y > 0)) ? kInf : 0.0;
  }
  return -std::fabs(y) * (sign0(y) * std::tanh(x) - 1.0) + log1p_exp_m2abs(y);
}

// Binary entropy (nats) of p ∈ [0, 1].
inline double binary_entropy(double p) {
  double s = 0;
  if (p > 0) s -= p * std::log(p);
  if (p < 1) s -= (1 - p) * std::log1p(-p);
  return s;
}

}  // namespace robens::bp
