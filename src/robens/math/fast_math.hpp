#pragma once
// Branch-free elementary functions for the hot loops of belief propagation, written so that a
// `#pragma omp simd` loop calling them vectorises (glibc's scalar tanh, erf, exp and log cannot
// be inlined or vectorised and cost ~80% of a focusing-BP sweep). Each one is accurate to a few
// units in the last place on the stated domain (tested against long double in
// tests/fbp/test_fbp_numerics.cpp); outside it the result is unspecified, so callers check the
// domain and fall back to the exact functions of special_functions.hpp. Everything is forced
// inline: a call would stop the caller's loop from vectorising.
//
// Only basic operations and bit manipulation are used (exact, or correctly rounded, or fused into
// FMA where the compiler targets it), and nothing depends on the position in a vector. The
// polynomial coefficients were fitted with bench/fit_fast_math.py (mpmath Chebyshev fits).
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace robens::math::fast {

// Horner evaluation, coefficients highest degree first, unrolled at compile time (an inner loop
// would stop the caller's loop from vectorising).
template <std::size_t N, std::size_t... I>
[[gnu::always_inline]] inline double horner_unrolled(const double (&c)[N], double x,
                                                     std::index_sequence<I...>) {
  double r = c[0];
  ((r = r * x + c[I + 1]), ...);
  return r;
}
template <std::size_t N>
[[gnu::always_inline]] inline double horner(const double (&c)[N], double x) {
  return horner_unrolled(c, x, std::make_index_sequence<N - 1>{});
}

inline constexpr double kLn2Hi = 0.6931471803691238;  // 32 significant bits: n·kLn2Hi is exact
inline constexpr double kLn2Lo = 1.9082149292705877e-10;
inline constexpr double kLog2e = 1.4426950408889634;
inline constexpr double kRoundShift =
    6755399441055744.0;  // 1.5·2^52: adding it rounds to an integer

// e^{x + dx} for x + dx ∈ [−700, 0] (dx a small correction, |dx| ≪ 1, folded into the reduced
// argument so that e^{−x²} can be computed from an exactly split x²).
[[gnu::always_inline]] inline double exp_neg(double x, double dx = 0.0) {
  // x = n·ln2 + r, |r| ≤ ln2/2; e^r by a degree-11 Chebyshev fit (error 3e-18).
  static constexpr double kExp[] = {2.5110037940619665e-08,
                                    2.7632640074237224e-07,
                                    2.755724091767456e-06,
                                    2.4801485481152372e-05,
                                    0.0001984126989004796,
                                    0.0013888888952315874,
                                    0.008333333333319601,
                                    0.04166666666648809,
                                    0.1666666666666668,
                                    0.5000000000000019,
                                    1.0,
                                    1.0};
  const double shifted = x * kLog2e + kRoundShift;
  const double n = shifted - kRoundShift;
  const double r = ((x - n * kLn2Hi) + dx) - n * kLn2Lo;
  // 2^n from the integer in the low mantissa bits of `shifted` (n ≥ −1022 here).
  const std::uint64_t bits = (std::bit_cast<std::uint64_t>(shifted) + 1023U) << 52;
  return horner(kExp, r) * std::bit_cast<double>(bits);
}

// tanh x for every x (±1 beyond |x| = 20, where tanh rounds to ±1 anyway; NaN stays NaN).
[[gnu::always_inline]] inline double tanh(double x) {
  // |x| < 0.3: x·P(x²) (fit error 6e-19); otherwise (1 − t)/(1 + t) with t = e^{−2|x|} ≤ 0.55.
  static constexpr double kSmall[] = {
      0.0005018139651630973, -0.0014414110151952713, 0.0035908356410756155,
      -0.008863167594007482, 0.021869486431390684,   -0.05396825393155079,
      0.13333333333301228,   -0.33333333333333226,   1.0};
  const double ax = std::fabs(x);
  const double t = exp_neg(-2.0 * std::min(ax, 20.0));  // std::min keeps a NaN
  const double large = (1.0 - t) / (1.0 + t);
  const double small = ax * horner(kSmall, ax * ax);
  const double r = ax < 0.3 ? small : large;
  return std::copysign(r, x);
}

// erfc x for x ∈ [0, 26] (relative accuracy; erfc 26 ≈ 5.7e-296 is still a normal double), given
// w = 1/(x + 4) (erf_mix gets two of them from one division).
[[gnu::always_inline]] inline double erfc_given_reciprocal(double x, double w) {
  // erfc x = e^{−x²} · F(u) / (x + 4), with F(x) = erfc(x) e^{x²} (x + 4) a degree-21 polynomial
  // in u = affine((x − 4)/(x + 4)) on [0, 26] (fit error 2.4e-17, F ∈ [0.6, 4]).
  static constexpr double kF[] = {
      -1.6944286914015509e-10, -3.400791891441179e-10, 2.5540023584412793e-09,
      4.6745062090675e-09,     -2.880875962912987e-08, -3.580587794120568e-08,
      3.2916547688663574e-07,  3.690543132196898e-08,  -3.7259280119777846e-06,
      6.224336876360737e-06,   3.173905746243653e-05,  -0.00016844451172463883,
      0.00013680548284269442,  0.001914975772236406,   -0.012090531928182562,
      0.0440949999866294,      -0.12017214127508415,   0.26490568798217395,
      -0.48963516951376923,    0.7731578613890668,     -1.0530135058780905,
      1.2413424623692049};
  const double u = 1.3076923076923077 - 9.23076923076923 * w;
  // x² = hi + lo exactly: xh keeps the top 26 significant bits of x, so xh² is exact (a bit mask
  // rather than Veltkamp's split, which FMA contraction would break).
  const double xh = std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) & 0xFFFFFFFFF8000000ULL);
  const double xl = x - xh;
  const double hi = xh * xh, lo = (2.0 * xh + xl) * xl;
  return exp_neg(-hi, -lo) * horner(kF, u) * w;
}

[[gnu::always_inline]] inline double erfc(double x) {
  return erfc_given_reciprocal(x, 1.0 / (x + 4.0));
}

// log(p/q) for positive normal p, q (finite; zero, subnormal, ∞ or NaN give unspecified values),
// with one division: p = 2^a·mp, q = 2^b·mq, mp/mq brought into [√½, √2), then
// log(mp/mq) = 2 atanh(s) with s = (mp − mq)/(mp + mq), |s| ≤ 0.172, by its series to s^21
// (remainder < 1e-18). log x = log_ratio(x, 1).
[[gnu::always_inline]] inline double log_ratio(double p, double q) {
  static constexpr double kAtanhSeries[] = {0.09523809523809523,
                                            0.10526315789473684,
                                            0.11764705882352941,
                                            0.13333333333333333,
                                            0.15384615384615385,
                                            0.18181818181818182,
                                            0.2222222222222222,
                                            0.2857142857142857,
                                            0.4,
                                            0.6666666666666666,
                                            2.0};
  // Mantissa in [1, 2) and the biased exponent as a double, via the mantissa of 2^52 (no
  // int64 → double conversion, which SSE and AVX2 lack).
  auto split = [](double x, double& mant) {
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    mant = std::bit_cast<double>((bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL);
    return std::bit_cast<double>((bits >> 52) | 0x4330000000000000ULL) - 4503599627370496.0;
  };
  double mp = 0, mq = 0;
  double e = split(p, mp) - split(q, mq);
  // mp/mq ∈ (½, 2): halve the larger mantissa when the ratio is outside [√½, √2).
  const bool high = mp > 1.4142135623730951 * mq, low = mq > 1.4142135623730951 * mp;
  mp = high ? 0.5 * mp : mp;
  mq = low ? 0.5 * mq : mq;
  e = high ? e + 1.0 : (low ? e - 1.0 : e);
  const double s = (mp - mq) / (mp + mq), s2 = s * s;
  return e * kLn2Hi + (s * horner(kAtanhSeries, s2) + e * kLn2Lo);
}

[[gnu::always_inline]] inline double log(double x) {
  return log_ratio(x, 1.0);
}

// 1/√x for a positive normal x (std::sqrt does not vectorise unless errno is off globally):
// the classic bit-level first guess for doubles (relative error < 3.5%) and four Newton steps,
// each squaring the error.
[[gnu::always_inline]] inline double rsqrt(double x) {
  double y = std::bit_cast<double>(0x5FE6EB50C7B537A9ULL - (std::bit_cast<std::uint64_t>(x) >> 1));
  const double half = 0.5 * x;
  for (int step = 0; step < 4; ++step) y = y * (1.5 - half * y * y);
  return y;
}

// The threshold factor's message ½ log[(1 + tanh H · erf x₊)/(1 + tanh H · erf x₋)], i.e.
// bp::aux_mix(H, atanh_erf(x₊), atanh_erf(x₋)) of algorithms/fbp/bp_fields.hpp, for finite H ≠ 0
// and |x±| ≤ 26. `abs_tanh_h` = |tanh H| and `tanh_gap` = 1 − |tanh H| = 2/(1 + e^{2|H|}) are
// per-factor constants. When H and x have opposite signs, 1 − |tanh H| |erf x| = erfc|x| +
// (1 − |tanh H|) |erf x| is a sum of non-negative terms, so there is no cancellation however
// saturated H and x are.
[[gnu::always_inline]] inline double erf_mix(double h_sign, double abs_tanh_h, double tanh_gap,
                                             double xp, double xm) {
  const double ap = std::fabs(xp), am = std::fabs(xm);
  const double both = 1.0 / ((ap + 4.0) * (am + 4.0));  // one division for the two erfc
  auto one_plus = [&](double x, double ax, double w) {
    const double c = erfc_given_reciprocal(ax, w), abs_erf = 1.0 - c;
    return x * h_sign >= 0 ? 1.0 + abs_tanh_h * abs_erf : c + tanh_gap * abs_erf;
  };
  return 0.5 * log_ratio(one_plus(xp, ap, both * (am + 4.0)), one_plus(xm, am, both * (ap + 4.0)));
}

}  // namespace robens::math::fast
