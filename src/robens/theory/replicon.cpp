#include "robens/theory/replicon.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "robens/core/error.hpp"
#include "robens/math/root_finding.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/energetic_term.hpp"
#include "robens/theory/quadrature_nodes.hpp"

namespace robens::theory {

double replicon_eigenvalue(const Kernel& kernel, WeightPrior prior, const RsSaddlePoint& point,
                           const RsSettings& settings) {
  const auto rule = math::trapezoid_rule(static_cast<std::size_t>(settings.resolved_nodes(prior)));
  const double q = point.q;
  double chi = (1.0 - q) * (1.0 - q);
  if (prior == WeightPrior::binary) {
    const double s = std::sqrt(point.q_hat);
    chi = rule.integrate([&](double z) {
      const double t = std::tanh(s * z);
      return (1.0 - t * t) * (1.0 - t * t);
    });
  }
  const double c = kernel.phi(q);
  const auto e = energetic_averages(c, rule);
  const double d1 = kernel.dphi(q);
  return -1.0 / chi + point.alpha * (d1 * d1 * e.replicon / ((1.0 - c) * (1.0 - c)) +
                                     kernel.d2phi(q) * e.mills_squared / (1.0 - c));
}

AtResult at_line(const Kernel& kernel, WeightPrior prior, const RsSettings& settings) {
  AtResult result;
  double q_warm = 0.5;
  RsSaddlePoint last;
  auto lambda = [&](double alpha) {
    ++result.evaluations;
    last = solve_rs(kernel, prior, alpha, settings, q_warm);
    q_warm = last.q;
    return replicon_eigenvalue(kernel, prior, last, settings);
  };
  // Scan the RS branch from small α; stop before the spherical RS capacity.
  const double step = prior == WeightPrior::binary ? 0.05 : 0.1;
  double alpha_max = 4.0;
  if (prior == WeightPrior::spherical && std::isfinite(kernel.dphi_at_one()))
    alpha_max = 2.0 * kernel.dphi_at_one() * (1.0 - 1e-3);
  double lo = step, f_lo = lambda(lo);
  require(f_lo < 0.0, "RS solution already unstable at alpha = {}", lo);
  double hi = lo, f_hi = f_lo;
  while (f_hi < 0.0) {
    lo = hi;
    f_lo = f_hi;
    hi = std::min(hi + step, alpha_max);
    require(hi > lo,
            "RS solution stays stable up to alpha = {} (no AT instability before the RS capacity)",
            alpha_max);
    f_hi = lambda(hi);
  }
  q_warm = last.q;
  const auto root = math::toms748_root(lambda, lo, hi, f_lo, f_hi, {1e-9}, 100);
  require(root.converged, "AT root search did not converge");
  result.alpha_at = root.midpoint();
  result.at_point = solve_rs(kernel, prior, result.alpha_at, settings, q_warm);
  return result;
}

namespace {

double one_rsb_entropic(double q0, double mu) {
  const double lam = 1.0 + mu * (1.0 - q0);
  return 0.5 * (std::log(lam) / mu + q0 / lam);
}

double one_rsb_energetic(const Kernel& kernel, double q0, double mu,
                         const math::GaussianRule& rule) {
  const double c0 = kernel.phi(q0);
  const double mu_eff = mu / kernel.dphi_at_one();
  const double b = std::sqrt(1.0 - c0);
  const double s = std::sqrt(1.0 + mu_eff * b * b);
  const double sqrt_c0 = std::sqrt(c0);
  const double total = rule.integrate([&](double z0) {
    const double a = sqrt_c0 * z0;
    // I(z0) = H(−a/b) + exp(−μ̃a²/(2s²)) H(a/(bs))/s, combined in log space.
    const double first = math::log_gauss_tail(-a / b);
    const double second =
        -mu_eff * a * a / (2.0 * s * s) + math::log_gauss_tail(a / (b * s)) - std::log(s);
    const double top = std::max(first, second);
    return top + std::log(std::exp(first - top) + std::exp(second - top));
  });
  return total / mu;
}

}  // namespace

double one_rsb_ratio(const Kernel& kernel, double q0, double mu, const OneRsbSettings& settings) {
  require(std::isfinite(kernel.dphi_at_one()),
          "the 1RSB q1 -> 1 limit needs a kernel with finite phi'(1) (identity or relu, not sign)");
  require(q0 >= 0.0 && q0 < 1.0, "q0 must lie in [0, 1) (got {})", q0);
  require(mu > 0.0, "mu must be positive (got {})", mu);
  const auto rule =
      math::trapezoid_rule(checked_nodes(settings.nodes, "nodes", kMinOneRsbNodes), 10.0);
  return -one_rsb_entropic(q0, mu) / one_rsb_energetic(kernel, q0, mu, rule);
}

OneRsbResult one_rsb_capacity(const Kernel& kernel, const OneRsbSettings& settings) {
  require(std::isfinite(kernel.dphi_at_one()),
          "the 1RSB q1 -> 1 limit needs a kernel with finite phi'(1) (identity or relu, not sign)");
  require(settings.mu_min > 0.0 && settings.mu_max > settings.mu_min, "need 0 < mu-min < mu-max");
  require(settings.q0_max > 0.0 && settings.q0_max < 1.0, "q0-max must lie in (0, 1)");
  OneRsbResult result;
  result.rs_limit = 2.0 * kernel.dphi_at_one();
  const auto rule =
      math::trapezoid_rule(checked_nodes(settings.nodes, "nodes", kMinOneRsbNodes), 10.0);
  auto ratio = [&](double q0, double mu) {
    ++result.evaluations;
    return -one_rsb_entropic(q0, mu) / one_rsb_energetic(kernel, q0, mu, rule);
  };
  // Valley: min over q0 at fixed μ.
  auto valley = [&](double mu) -> std::pair<double, double> {
    if (settings.fix_q0_zero) return {0.0, ratio(0.0, mu)};
    // Coarse scan first (R can have a shallow second dip near q0 = 0), then Brent.
    double best_q = 0.0, best = ratio(0.0, mu);
    constexpr int kScan = 40;
    for (int i = 1; i <= kScan; ++i) {
      const double q0 = settings.q0_max * i / kScan;
      const double v = ratio(q0, mu);
      if (v < best) best = v, best_q = q0;
    }
    const double step = settings.q0_max / kScan;
    const auto [q, v] =
        math::brent_minimum([&](double q0) { return ratio(q0, mu); }, std::max(0.0, best_q - step),
                            std::min(settings.q0_max, best_q + step), 40);
    return v < best ? std::pair{q, v} : std::pair{best_q, best};
  };
  // Scan log μ, then refine with Brent around the smallest valley value.
  const double lmin = std::log(settings.mu_min), lmax = std::log(settings.mu_max);
  constexpr int kMuScan = 30;
  double best_l = lmin, best = std::numeric_limits<double>::infinity();
  for (int i = 0; i <= kMuScan; ++i) {
    const double l = lmin + (lmax - lmin) * i / kMuScan;
    const double v = valley(std::exp(l)).second;
    if (v < best) best = v, best_l = l;
  }
  const double dl = (lmax - lmin) / kMuScan;
  const auto [l, v] =
      math::brent_minimum([&](double x) { return valley(std::exp(x)).second; },
                          std::max(lmin, best_l - dl), std::min(lmax, best_l + dl), 30);
  const double mu = v < best ? l : best_l;
  const auto [q0, r] = valley(std::exp(mu));
  result.alpha_c = r;
  result.q0 = q0;
  result.mu = std::exp(mu);
  return result;
}

}  // namespace robens::theory
