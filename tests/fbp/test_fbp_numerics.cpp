// Special functions of fBP (math/special_functions.hpp, algorithms/fbp/bp_fields.hpp; docs/fbp.md,
// "Numerics") against long-double references, including the asymptotic tails, and the two message
// representations against each other; the vectorisable versions (math/fast_math.hpp) and the
// kernels built on them (algorithms/fbp/fbp_fast_kernels.hpp, run in the clone the CPU selects)
// likewise.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/algorithms/fbp/fbp_fast_kernels.hpp"
#include "robens/algorithms/fbp/fbp_magnetization.hpp"
#include "robens/math/fast_math.hpp"
#include "robens/math/special_functions.hpp"

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
    expect_close(math::atanh_erf(x), want, 4e-15, 1e-16, "atanh_erf(" + std::to_string(x) + ")");
  }
  for (double x : {1e-300, 1e-12, 1e-6, 0.01, 0.0499, 0.05, 0.0501, 0.5})
    expect_close(math::atanh_erf(x), static_cast<double>(std::atanh(std::erf(static_cast<ld>(x)))),
                 1e-14, 0, "small x " + std::to_string(x));
}

TEST(FbpNumerics, AtanhErfIsContinuousAtBranchPointsAndHasTheRightTail) {
  for (double b : {0.05, 1.0, 25.0}) {
    const double lo = math::atanh_erf(std::nextafter(b, 0.0)), hi = math::atanh_erf(b),
                 up = math::atanh_erf(std::nextafter(b, 100.0));
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
    expect_close(math::atanh_erf(x), static_cast<double>(want), 2e-15, 0,
                 "tail " + std::to_string(x));
    expect_close(math::atanh_erf(-x), -static_cast<double>(want), 2e-15, 0,
                 "tail -" + std::to_string(x));
  }
  EXPECT_EQ(math::atanh_erf(bp::kInf), bp::kInf);
  EXPECT_EQ(math::atanh_erf(-bp::kInf), -bp::kInf);
  EXPECT_EQ(math::atanh_erf(0.0), 0.0);
}

TEST(FbpNumerics, LogErfcMatchesLongDoubleAndSeries) {
  for (double x = -6; x <= 100; x += 0.0731) {
    const double want = static_cast<double>(std::log(std::erfc(static_cast<ld>(x))));
    expect_close(math::log_erfc(x), want, 2e-15, 1e-16, "log_erfc(" + std::to_string(x) + ")");
  }
  const double below = math::log_erfc(std::nextafter(25.0, 0.0)), at = math::log_erfc(25.0);
  EXPECT_LE(std::fabs(at - below), 1e-13 * std::fabs(at));
  EXPECT_TRUE(std::isfinite(math::log_erfc(1e150)));
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
  EXPECT_EQ(bp::aux_mix(0.3, bp::kInf, -bp::kInf), 0.0);  // docs/fbp.md, reference behaviour Q2
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
    EXPECT_NEAR(bp::log1pxy(g, -g), -2 * g + math::kLog2 - 2 * math::log1p_exp_m2abs(g), 1e-12 * g);
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
  EXPECT_EQ(TanhMag::damp(2.0, bp::kInf, 0.0), 2.0);  // docs/fbp.md, Q4 (changed)
}

// Largest relative error of f against the long-double g over the points xs.
template <class F, class G>
double worst_relative(const std::vector<double>& xs, F f, G g) {
  double worst = 0;
  for (double x : xs) {
    const ld want = g(static_cast<ld>(x));
    if (want == 0) continue;
    worst = std::max(worst, static_cast<double>(std::fabs((f(x) - want) / want)));
  }
  return worst;
}

std::vector<double> grid(double lo, double hi, double step) {
  std::vector<double> xs;
  for (double x = lo; x <= hi; x += step) xs.push_back(x);
  return xs;
}

TEST(FbpFastMath, ElementaryFunctionsMatchLongDoubleOverTheirDomains) {
  namespace fast = math::fast;
  // exp on [−700, 0] (e^{−x²} of erfc needs down to −676).
  EXPECT_LT(worst_relative(
                grid(-700, 0, 0.00713), [](double x) { return fast::exp_neg(x); },
                [](ld x) { return std::exp(x); }),
            4e-16);
  // tanh everywhere, including tiny arguments and the saturated tails.
  std::vector<double> xs = grid(-45, 45, 0.000917);
  for (double x = 1e-300; x < 1; x *= 1.37) xs.insert(xs.end(), {x, -x});
  EXPECT_LT(worst_relative(
                xs, [](double x) { return fast::tanh(x); }, [](ld x) { return std::tanh(x); }),
            5e-16);
  EXPECT_EQ(fast::tanh(bp::kInf), 1.0);
  EXPECT_EQ(fast::tanh(-bp::kInf), -1.0);
  EXPECT_EQ(fast::tanh(0.0), 0.0);
  EXPECT_TRUE(std::isnan(fast::tanh(std::numeric_limits<double>::quiet_NaN())));
  // erfc on [0, 26], down to 5.7e-296 (relative accuracy in the tail).
  EXPECT_LT(worst_relative(
                grid(0, 26, 0.000371), [](double x) { return fast::erfc(x); },
                [](ld x) { return std::erfc(x); }),
            2e-15);
  // log and log of a ratio over the whole normal range.
  std::vector<double> ps;
  for (double x = 1e-307; x < 1e307; x *= 1.0173) ps.push_back(x);
  const std::vector<double> near_one = grid(0.5, 2, 1.3e-5);
  ps.insert(ps.end(), near_one.begin(), near_one.end());
  double worst_log = 0;
  for (double x : ps) {
    const ld want = std::log(static_cast<ld>(x));
    worst_log = std::max(worst_log, static_cast<double>(std::fabs(fast::log(x) - want) /
                                                        std::max(1.0L, std::fabs(want))));
  }
  EXPECT_LT(worst_log, 3e-16);
  double worst_ratio = 0;
  for (double p : {1e-300, 3e-17, 0.3, 1.0, 1.7, 2e5, 1e300})
    for (double q : near_one) {
      const ld want = std::log(static_cast<ld>(p) / static_cast<ld>(q));
      worst_ratio =
          std::max(worst_ratio, static_cast<double>(std::fabs(fast::log_ratio(p, q) - want) /
                                                    std::max(1.0L, std::fabs(want))));
    }
  EXPECT_LT(worst_ratio, 3e-16);
  std::vector<double> rs;
  for (double x = 1e-300; x < 1e300; x *= 1.0213) rs.push_back(x);
  EXPECT_LT(
      worst_relative(
          rs, [](double x) { return fast::rsqrt(x); }, [](ld x) { return 1.0L / std::sqrt(x); }),
      4e-16);
}

// ½ log[(1 + tanh H erf x₊)/(1 + tanh H erf x₋)] in long double, in the cancellation-free form.
ld ref_erf_mix(ld H, ld xp, ld xm) {
  const ld t = std::tanh(std::fabs(H)), gap = 2.0L / (1.0L + std::exp(2.0L * std::fabs(H)));
  auto one_plus = [&](ld x) {
    const ld c = std::erfc(std::fabs(x)), e = 1 - c;
    return x * H >= 0 ? 1 + t * e : c + gap * e;
  };
  return 0.5L * std::log(one_plus(xp) / one_plus(xm));
}

TEST(FbpFastMath, ErfMixMatchesLongDoubleAndTheExactFunctions) {
  double worst_ref = 0, worst_exact = 0;
  for (double H = -40; H <= 40; H += 1.37) {
    const double sign = H > 0 ? 1.0 : -1.0, t = std::fabs(std::tanh(H)),
                 gap = 2.0 / (1.0 + std::exp(2.0 * std::fabs(H)));
    for (double xp = -26; xp <= 26; xp += 0.61)
      for (double xm = -26; xm <= 26; xm += 0.73) {
        const double got = math::fast::erf_mix(sign, t, gap, xp, xm);
        const double want = static_cast<double>(ref_erf_mix(H, xp, xm));
        const double scale = std::max(1.0, std::fabs(want));
        worst_ref = std::max(worst_ref, std::fabs(got - want) / scale);
        worst_exact = std::max(worst_exact, std::fabs(got - TanhMag::erfmix(H, xp, xm)) / scale);
      }
  }
  EXPECT_LT(worst_ref, 2e-15);    // measured 8e-16
  EXPECT_LT(worst_exact, 1e-13);  // the exact path's own error is up to 3e-14
}

TEST(FbpFastMath, KernelsMatchTheExactEdgeUpdate) {
  // One factor with n inputs; the kernels run in the clone the CPU selects (AVX-512/AVX2/SSE).
  const std::size_t n = 203;
  std::vector<double> m(n), u(n), h(n), v(n), xi(n);
  std::vector<std::int8_t> xi8(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double r = std::sin(1.7 * static_cast<double>(i) + 0.3);
    m[i] = 6.0 * r * r * r + (i % 17 == 0 ? 25.0 : 0.0);
    u[i] = 0.4 * std::cos(2.3 * static_cast<double>(i));
    xi8[i] = i % 3 == 0 ? -1 : 1;
    xi[i] = xi8[i];
  }
  m[5] = u[5];  // a zero cavity
  double S2 = 0, mu = 0;
  cavity_magnetizations(m.data(), u.data(), xi8.data(), n, h.data(), v.data(), S2, mu);
  ld S2_ref = 0, mu_ref = 0;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(h[i], TanhMag::cavity(m[i], u[i]));
    expect_close(v[i], std::tanh(h[i]), 5e-16, 0, "cavity magnetization");
    S2_ref += 1 - static_cast<ld>(v[i]) * v[i];
    mu_ref += xi[i] * static_cast<ld>(v[i]);
  }
  expect_close(S2, static_cast<double>(S2_ref), 1e-14, 0, "S2");
  expect_close(mu, static_cast<double>(mu_ref), 0, 1e-13, "mu");
  for (double H : {-35.0, -3.0, -0.01, 0.7, 12.0}) {
    GaussianFactorFast g{mu, S2, H > 0 ? 1.0 : -1.0, std::fabs(std::tanh(H)),
                         2.0 / (1.0 + std::exp(2.0 * std::fabs(H)))};
    std::vector<double> fresh(n);
    gaussian_edge_fields(g, xi.data(), v.data(), n, fresh.data());
    for (std::size_t i = 0; i < n; ++i) {
      const ld mubar = mu - xi[i] * static_cast<ld>(v[i]);
      const ld s = std::sqrt(2.0L * (S2 - (1.0L - static_cast<ld>(v[i]) * v[i])));
      const double want =
          static_cast<double>(ref_erf_mix(H, (mubar + xi[i]) / s, (mubar - xi[i]) / s));
      expect_close(fresh[i], want, 4e-15, 4e-15, "edge field");
    }
  }
  // Out of the domain: NaN flags for the exact code (zero variance, |x| > 26).
  const double one = 1.0, half = 0.5;
  double out[1];
  GaussianFactorFast narrow{0.5, 0.75 + 1e-6, 1.0, std::tanh(1.0), 2.0 / (1.0 + std::exp(2.0))};
  gaussian_edge_fields(narrow, &one, &half, 1, out);  // x± = ±1/√(2e-6) ≈ ±707
  EXPECT_TRUE(std::isnan(out[0]));
  GaussianFactorFast zero_var{0.5, 0.0, 1.0, 0.5, 0.5};
  gaussian_edge_fields(zero_var, &one, &half, 1, out);
  EXPECT_TRUE(std::isnan(out[0]));
}

TEST(FbpFastMath, DampEdgesFollowsTanhMagDamp) {
  const std::vector<double> fresh = {0.3, bp::kInf, -bp::kInf, 2.0, -0.0};
  const std::vector<double> h = {0.1, 0.2, 0.3, 0.4, 0.0};
  for (double lambda : {0.0, 0.5}) {
    std::vector<double> u = {-0.2, -bp::kInf, 1.0, 2.0, 0.0}, m(5), old(5);
    const std::vector<double> before = u;
    bool nan_seen = true;
    const double largest =
        damp_edges(fresh.data(), h.data(), 5, lambda, u.data(), m.data(), old.data(), nan_seen);
    EXPECT_FALSE(nan_seen);
    EXPECT_EQ(largest, bp::kInf);
    for (std::size_t i = 0; i < 5; ++i) {
      const double want = TanhMag::damp(fresh[i], before[i], lambda);
      EXPECT_EQ(old[i], before[i]);
      EXPECT_EQ(std::signbit(u[i]), std::signbit(want));
      EXPECT_EQ(u[i], want) << "lambda " << lambda << " edge " << i;
      EXPECT_EQ(m[i], TanhMag::combine(h[i], want));
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN(), zero = 0.0;
  double u1 = 0.0, m1 = 0, old1 = 0;
  bool nan_seen = false;
  damp_edges(&nan, &zero, 1, 0.5, &u1, &m1, &old1, nan_seen);
  EXPECT_TRUE(nan_seen);
}

}  // namespace
}  // namespace robens
