#pragma once
// BP-message numerics of fBP on binary variables (docs/fbp.md, "Numerics"). A "field" x is atanh
// of a magnetization m ∈ [−1, 1]; fields may be ±∞ (certain variables). Everything here is finite
// wherever the exact result is finite, even for saturated inputs. The special functions they
// build on (log(1 + e^{−2|x|}), atanh erf, …) are in math/special_functions.hpp.
#include <cmath>
#include <limits>

#include "robens/math/special_functions.hpp"

namespace robens::bp {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
// Fields converted from magnetizations are clamped here: tanh(30) == 1.0 in double anyway.
inline constexpr double kFieldClamp = 30.0;

inline double clamp_field(double x) {
  return x > kFieldClamp ? kFieldClamp : (x < -kFieldClamp ? -kFieldClamp : x);
}
// +1 if the sign bit is clear (so +0 → +1 and −0 → −1).
inline double sign0(double x) {
  return std::signbit(x) ? -1.0 : 1.0;
}

// Field of the product of two magnetizations: atanh(tanh a · tanh b).
inline double field_product(double a, double b) {
  if (a == 0 || b == 0) return 0.0;
  const double sa = a > 0 ? 1.0 : -1.0, sb = b > 0 ? 1.0 : -1.0;
  const double t1 = 2.0 * sa * sb * std::fmin(std::fabs(a), std::fabs(b));
  const double t2 = (std::isinf(a) || std::isinf(b))
                        ? 0.0
                        : math::log1p_exp_m2abs(a + b) - math::log1p_exp_m2abs(a - b);
  return 0.5 * (t1 + t2);
}

// ½ log[(1 + tanh H tanh a₊)/(1 + tanh H tanh a₋)]: the message of a threshold factor to one
// input, given the output's cavity field H and the output fields a± for input = ±1.
// H finite with a₊ = +∞, a₋ = −∞ returns 0 like the reference, not the limit H (docs/fbp.md,
// reference behaviour Q2).
double aux_mix(double H, double ap, double am);

// log((1 + tanh a tanh b)/2).
inline double log1pxy(double a, double b) {
  using math::log1p_exp_m2abs;
  const bool ia = std::isinf(a), ib = std::isinf(b);
  if (!ia && !ib)
    return std::fabs(a + b) - std::fabs(a) - std::fabs(b) + log1p_exp_m2abs(a + b) -
           log1p_exp_m2abs(a) - log1p_exp_m2abs(b);
  if (ia && !ib) return sign0(a) * b - std::fabs(b) - log1p_exp_m2abs(b);
  if (!ia && ib) return sign0(b) * a - std::fabs(a) - log1p_exp_m2abs(a);
  return (a > 0) == (b > 0) ? 0.0 : -kInf;
}

// Cross entropy −Σ_s (1 + s m_x)/2 · log((1 + s m_y)/2) with fields x, y.
inline double cross_entropy(double x, double y) {
  if (std::isinf(y)) {
    const double tx = std::tanh(x);
    return (tx == 0 || (tx > 0) != (y > 0)) ? kInf : 0.0;
  }
  return -std::fabs(y) * (sign0(y) * std::tanh(x) - 1.0) + math::log1p_exp_m2abs(y);
}

}  // namespace robens::bp
