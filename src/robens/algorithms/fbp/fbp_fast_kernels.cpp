// Vectorising these loops needs comparisons and speculated arithmetic to be if-converted although
// they could raise FP exception flags (nobody reads them); this changes no value. Set for this
// file only, before any include, so that every inlined function is compiled the same way. GCC
// only: Clang does not know the pragma (and -Werror would turn its warning into an error).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-trapping-math")
#endif
// `omp simd` is a request: a compiler that declines it (Clang for damp_edges) still computes the
// same values, so its "loop not vectorized" warning must not fail a -Werror build.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpass-failed"
#endif

#include "robens/algorithms/fbp/fbp_fast_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "robens/math/fast_math.hpp"

namespace robens {

// One clone per x86-64 level (AVX-512, AVX2 + FMA, SSE4.2), chosen at load time for the running
// CPU. The AVX clones contract a·b + c to FMA (about 30% faster), so the last bits of a result
// depend on the CPU's level, like glibc's own FMA variants of exp and log; on one machine they are
// the same for any thread count. The loader picks the clone through an ifunc, an ELF feature:
// elsewhere (other CPUs, other object formats, compilers without the attribute) the kernels are
// compiled once for the target the build selects.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__ELF__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define ROBENS_TARGET_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#endif
#endif
#ifndef ROBENS_TARGET_CLONES
#define ROBENS_TARGET_CLONES
#endif

ROBENS_TARGET_CLONES void cavity_magnetizations(const double* m, const double* u,
                                                const std::int8_t* xi, std::size_t n, double* h,
                                                double* v, double& S2, double& mu) {
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const double c = m[i] == u[i] ? 0.0 : m[i] - u[i];  // TanhMag::cavity
    h[i] = c;
    v[i] = math::fast::tanh(c);
  }
  static_assert(kSumLanes == 8, "the partial sums are combined below for 8 lanes");
  double s2[kSumLanes] = {}, sm[kSumLanes] = {};
  std::size_t i = 0;
  for (; i + kSumLanes <= n; i += kSumLanes)
    for (std::size_t l = 0; l < kSumLanes; ++l) {
      s2[l] += 1.0 - v[i + l] * v[i + l];
      sm[l] += xi[i + l] * v[i + l];
    }
  for (std::size_t l = 0; i < n; ++i, ++l) {
    s2[l] += 1.0 - v[i] * v[i];
    sm[l] += xi[i] * v[i];
  }
  S2 = ((s2[0] + s2[1]) + (s2[2] + s2[3])) + ((s2[4] + s2[5]) + (s2[6] + s2[7]));
  mu = ((sm[0] + sm[1]) + (sm[2] + sm[3])) + ((sm[4] + sm[5]) + (sm[6] + sm[7]));
}

ROBENS_TARGET_CLONES void gaussian_edge_fields(const GaussianFactorFast& g, const double* xi,
                                               const double* v, std::size_t n, double* fresh) {
  constexpr double kMaxArgument = 26.0;  // domain of math::fast::erfc
  const double nan = std::numeric_limits<double>::quiet_NaN();
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const double x = xi[i], vi = v[i];
    const double mubar = g.mu - x * vi;
    const double s2 = 2.0 * (g.S2 - (1.0 - vi * vi));
    // A (near-)zero variance is left to the exact code, which returns the limits.
    const double inv_s = math::fast::rsqrt(s2 > 1e-300 ? s2 : 1.0);
    const double xp = (mubar + x) * inv_s, xm = (mubar - x) * inv_s;
    const bool in_domain =
        (s2 > 1e-300) & (std::fabs(xp) <= kMaxArgument) & (std::fabs(xm) <= kMaxArgument);
    // Out-of-domain lanes are evaluated at a harmless point and flagged.
    const double value = math::fast::erf_mix(g.h_sign, g.abs_tanh_h, g.tanh_gap,
                                             in_domain ? xp : 0.0, in_domain ? xm : 0.0);
    fresh[i] = in_domain ? value : nan;
  }
}

ROBENS_TARGET_CLONES double damp_edges(const double* fresh, const double* h, std::size_t n,
                                       double lambda, double* u, double* m, double* old,
                                       bool& nan_seen) {
  int nans = 0;
  double largest = 0;  // max is exact and order-free, so any vector width gives the same value
  if (lambda == 0) {   // TanhMag::damp returns the new message (no ∞·0)
#pragma omp simd reduction(| : nans) reduction(max : largest)
    for (std::size_t i = 0; i < n; ++i) {
      const double change = std::fabs(fresh[i] - u[i]);
      largest = change > largest ? change : largest;  // NaN changes are left out
      old[i] = u[i];
      u[i] = fresh[i];
      m[i] = h[i] + fresh[i];  // TanhMag::combine
      nans |= std::isnan(fresh[i]) ? 1 : 0;
    }
  } else {
#pragma omp simd reduction(| : nans) reduction(max : largest)
    for (std::size_t i = 0; i < n; ++i) {
      const double f = fresh[i], prev = u[i];
      const double change = std::fabs(f - prev);
      largest = change > largest ? change : largest;
      const double mixed = (1 - lambda) * f + lambda * prev;
      const double damped = std::isnan(mixed) ? f : mixed;  // ±∞ mixed with ∓∞ keeps the new one
      old[i] = prev;
      u[i] = damped;
      m[i] = h[i] + damped;
      nans |= std::isnan(damped) ? 1 : 0;
    }
  }
  nan_seen = nans != 0;
  return largest;
}

}  // namespace robens
