#include "robens/theory/replica_symmetric.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "robens/core/error.hpp"
#include "robens/math/root_finding.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/energetic_term.hpp"
#include "robens/theory/quadrature_nodes.hpp"

namespace robens::theory {
namespace {

void check_alpha(double alpha) {
  require(std::isfinite(alpha) && alpha >= 0.0, "alpha must be a finite number >= 0 (got {})",
          alpha);
}

struct BinaryEntropic {
  double q = 0.0;         // ∫Dz tanh²(√q̂ z)
  double log_cosh = 0.0;  // ∫Dz ln 2cosh(√q̂ z)
};

BinaryEntropic binary_entropic(double q_hat, const math::GaussianRule& rule) {
  const double s = std::sqrt(q_hat);
  BinaryEntropic e;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const double h = s * rule.nodes[i];
    const double t = std::tanh(h);
    e.q += rule.weights[i] * t * t;
    e.log_cosh += rule.weights[i] * math::log_two_cosh(h);
  }
  return e;
}

RsSaddlePoint solve_binary(const Kernel& kernel, double alpha, const RsSettings& settings,
                           double q_start, const math::GaussianRule& rule) {
  RsSaddlePoint p;
  p.alpha = alpha;
  // The fixed point q = T(q), T(q) = ∫Dz tanh²(√q̂(q) z). Damped iteration, accelerated by a
  // secant step on g(q) = T(q) − q whenever the last two iterates allow a safe one (inside [0, 1)
  // and close to the current point); convergence is always judged on |T(q) − q| itself.
  auto map = [&](double q) {
    const double c = kernel.phi(q);
    const auto e = energetic_averages(c, rule);
    return binary_entropic(alpha * kernel.dphi(q) / (1.0 - c) * e.mills_squared, rule).q;
  };
  double q = std::clamp(q_start, 0.0, 0.999);
  double q_prev = 0.0, g_prev = 0.0;
  bool have_prev = false;
  for (int it = 1; it <= settings.max_iterations; ++it) {
    const double g = map(q) - q;
    if (std::fabs(g) < settings.tolerance) {
      const double cf = kernel.phi(q);
      const auto ef = energetic_averages(cf, rule);
      p.q = q;
      p.q_hat = alpha * kernel.dphi(q) / (1.0 - cf) * ef.mills_squared;
      const auto sf = binary_entropic(p.q_hat, rule);
      p.entropic = -0.5 * p.q_hat * (1.0 - q) + sf.log_cosh;
      p.energetic = ef.log_volume;
      p.free_entropy = p.entropic + alpha * p.energetic;
      p.iterations = it;
      p.residual = std::fabs(sf.q - q);
      return p;
    }
    double next = q + settings.damping * g;
    if (have_prev && g != g_prev) {
      const double secant = q - g * (q - q_prev) / (g - g_prev);
      if (secant >= 0.0 && secant < 1.0 - 1e-13 && std::fabs(secant - q) <= 0.1) next = secant;
    }
    q_prev = q, g_prev = g, have_prev = true;
    q = next;
    require(q < 1.0 - 1e-13 && q >= 0.0,
            "RS binary saddle point at alpha = {} ran to q = 1 (no solution branch)", alpha);
  }
  fail("RS binary saddle point at alpha = {} did not converge in {} iterations (tolerance {})",
       alpha, settings.max_iterations, settings.tolerance);
}

RsSaddlePoint solve_spherical(const Kernel& kernel, double alpha, const RsSettings& settings,
                              const math::GaussianRule& rule) {
  RsSaddlePoint p;
  p.alpha = alpha;
  if (alpha == 0.0) return p;  // q = 0, F = 0
  int evaluations = 0;
  // f(q) = q/(1−q)² − α φ'(q)/(1−c) ∫Dz r²; f(0) < 0, f → +∞ as q → 1 iff α < α_c^RS.
  auto f = [&](double q) {
    ++evaluations;
    const double c = kernel.phi(q);
    const auto e = energetic_averages(c, rule);
    return q / ((1.0 - q) * (1.0 - q)) - alpha * kernel.dphi(q) / (1.0 - c) * e.mills_squared;
  };
  double lo = 0.0, hi = 0.5;
  double f_lo = f(lo), f_hi = f(hi);
  // Move the upper end towards 1 until the sign changes. Beyond 1 − 1e−6 the fixed quadrature
  // cannot resolve ln H(−γz) (γ ~ 1e3): report that instead of a wrong number.
  while (f_hi <= 0.0) {
    lo = hi;
    f_lo = f_hi;
    hi = 1.0 - 0.25 * (1.0 - hi);
    require(hi < 1.0 - 1e-6,
            "RS spherical saddle point at alpha = {}: no root with q < 1 − 1e−6 (alpha at or "
            "beyond the "
            "RS capacity for this kernel, or too close to it for the quadrature)",
            alpha);
    f_hi = f(hi);
  }
  const auto root = math::toms748_root(f, lo, hi, f_lo, f_hi, {settings.tolerance}, 200);
  require(root.converged, "RS spherical root in q did not converge at alpha = {}", alpha);
  const double q = root.midpoint();
  const double c = kernel.phi(q);
  const auto e = energetic_averages(c, rule);
  p.q = q;
  p.q_hat = q / ((1.0 - q) * (1.0 - q));
  p.entropic = 0.5 * std::log1p(-q) + q / (2.0 * (1.0 - q));
  p.energetic = e.log_volume;
  p.free_entropy = p.entropic + alpha * p.energetic;
  p.iterations = evaluations;
  p.residual = std::fabs(root.upper - root.lower);
  return p;
}

}  // namespace

int RsSettings::resolved_nodes(WeightPrior prior) const {
  if (nodes == 0) return prior == WeightPrior::binary ? 2401 : 4001;
  return static_cast<int>(checked_nodes(nodes, "nodes (0: the default)", kMinRsNodes));
}

RsSaddlePoint solve_rs(const Kernel& kernel, WeightPrior prior, double alpha,
                       const RsSettings& settings, double q_start) {
  check_alpha(alpha);
  require(settings.damping > 0.0 && settings.damping <= 1.0, "damping must lie in (0, 1] (got {})",
          settings.damping);
  require(settings.tolerance > 0.0, "tolerance must be positive (got {})", settings.tolerance);
  const auto rule = math::trapezoid_rule(static_cast<std::size_t>(settings.resolved_nodes(prior)));
  if (prior == WeightPrior::binary) return solve_binary(kernel, alpha, settings, q_start, rule);
  return solve_spherical(kernel, alpha, settings, rule);
}

CapacityResult rs_capacity(const Kernel& kernel, WeightPrior prior, const RsSettings& settings) {
  CapacityResult result;
  if (prior == WeightPrior::spherical) {
    result.alpha_c = 2.0 * kernel.dphi_at_one();
    if (!std::isfinite(kernel.dphi_at_one()))
      result.alpha_c = std::numeric_limits<double>::infinity();
    result.method =
        "q -> 1 limit of the RS saddle point: alpha_c = 2 phi'(1) = 2 dDelta/(Delta_2 - Delta_-1) "
        "(PRL Eq. 6)";
    return result;
  }
  double q_warm = 0.5;
  auto free_entropy = [&](double alpha) {
    ++result.evaluations;
    const auto p = solve_rs(kernel, prior, alpha, settings, q_warm);
    q_warm = p.q;
    return p.free_entropy;
  };
  // F(α) decreases; binary capacities are below 1 (entropy ln 2 per weight, at most ~1 bit lost
  // per pattern), so scan upwards from 0.5.
  double lo = 0.5, f_lo = free_entropy(lo);
  require(f_lo > 0.0, "RS free entropy is already negative at alpha = 0.5");
  double hi = lo, f_hi = f_lo;
  while (f_hi > 0.0) {
    lo = hi;
    f_lo = f_hi;
    hi += 0.1;
    require(hi <= 2.0, "no zero of the RS free entropy below alpha = 2");
    f_hi = free_entropy(hi);
  }
  const auto root = math::toms748_root(free_entropy, lo, hi, f_lo, f_hi, {1e-10}, 100);
  require(root.converged, "capacity root search did not converge");
  result.alpha_c = root.midpoint();
  result.at_capacity = solve_rs(kernel, prior, result.alpha_c, settings, q_warm);
  result.method = "zero of the RS free entropy F(alpha) (PRL Eq. 5), TOMS 748 to |d alpha| < 1e-10";
  return result;
}

}  // namespace robens::theory
