#include "robens/theory/large_deviation.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "robens/core/error.hpp"
#include "robens/math/gaussian_quadrature.hpp"
#include "robens/math/root_finding.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/quadrature_nodes.hpp"

namespace robens::theory {
namespace {

// Block-centre field of the binary entropic term: the global maximiser of
// lc(h) − (h − a)²/(2 width) over h (width = δq̂ ≥ 0). Stationary points solve
// h = a + width·tanh h; the outer ones are maxima, reached by Newton from outside (the map is
// convex for h > 0 and concave for h < 0, so the iteration is monotone).
struct CentreField {
  double h = 0.0;
  double value = 0.0;
};

CentreField centre_field(double a, double width) {
  auto value = [&](double h) { return math::log_two_cosh(h) - (h - a) * (h - a) / (2.0 * width); };
  if (width <= 0.0) return {a, math::log_two_cosh(a)};
  auto newton_from = [&](double h, double sign) -> std::pair<bool, double> {
    for (int it = 0; it < 200; ++it) {
      const double t = std::tanh(h);
      const double g = h - a - width * t;
      const double dg = 1.0 - width * (1.0 - t * t);
      if (dg <= 0.0) return {false, h};
      const double next = h - g / dg;
      if (next * sign < 0.0) return {false, h};  // this branch has no root on its side
      if (std::fabs(next - h) < 1e-14 * (1.0 + std::fabs(h))) return {true, next};
      h = next;
    }
    return {true, h};
  };
  const auto right = newton_from(std::max(a + width, 1e-300), 1.0);
  const auto left = newton_from(std::min(a - width, -1e-300), -1.0);
  CentreField best{a, value(a)};
  bool found = false;
  for (const auto& [ok, h] : {right, left}) {
    if (!ok) continue;
    const double v = value(h);
    if (!found || v > best.value) best = {h, v}, found = true;
  }
  if (!found) {  // h = 0 is the unique root only when a = 0 and width <= 1
    best = {0.0, value(0.0)};
  }
  return best;
}

// Energetic block maximum max_u[−u²/2 + ln H(−(b0 + k u))] and r at the maximiser.
struct EnergeticMax {
  double value = 0.0;
  double mills = 0.0;
};

EnergeticMax energetic_max(double b0, double k) {
  if (k <= 0.0) return {math::log_gauss_tail(-b0), math::inverse_mills(-b0)};
  // ψ(u) = −u + k r(−b0 − k u) is strictly decreasing with its root in [0, k r(−b0)].
  const double upper = k * math::inverse_mills(-b0) + 1e-12;
  auto psi = [&](double u) {
    const double x = -b0 - k * u;
    const double r = math::inverse_mills(x);
    return std::pair<double, double>{-u + k * r, -1.0 - k * k * r * (r - x)};
  };
  const double u = math::newton_root(psi, 0.5 * upper, 0.0, upper, 45, 100);
  const double x = -b0 - k * u;
  return {-0.5 * u * u + math::log_gauss_tail(x), math::inverse_mills(x)};
}

struct EnergeticAverage {
  double value = 0.0;          // ∫Dz0 max_u[…]
  double mills_squared = 0.0;  // ∫Dz0 r(X*)²
};

EnergeticAverage energetic_average(const Kernel& kernel, double q1, double delta_q,
                                   const math::GaussianRule& rule) {
  const double c1 = kernel.phi(q1);
  const double delta_c = kernel.dphi(q1) * delta_q;
  const double scale = 1.0 / std::sqrt(1.0 - c1);
  const double k = std::sqrt(delta_c) * scale;
  EnergeticAverage avg;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const auto m = energetic_max(std::sqrt(c1) * rule.nodes[i] * scale, k);
    avg.value += rule.weights[i] * m.value;
    avg.mills_squared += rule.weights[i] * m.mills * m.mills;
  }
  return avg;
}

// ∫Dz f(z) for an EVEN integrand: 2∫_0^10 with Gauss–Legendre. The block-centre field h*(z0)
// jumps between the ± branches at z0 = 0, so z0 tanh h* has a kink there; folding onto the
// half-line keeps the rule exponentially convergent (a trapezoid rule across the kink is O(h²)).
math::GaussianRule even_half_line_rule() {
  math::GaussianRule rule = math::gauss_legendre_rule(0.0, 10.0);
  for (std::size_t i = 0; i < rule.size(); ++i)
    rule.weights[i] = 2.0 * rule.weights[i] * math::gauss_density(rule.nodes[i]);
  return rule;
}

void check_inputs(double alpha, double q1) {
  require(std::isfinite(alpha) && alpha >= 0.0, "alpha must be a finite number >= 0 (got {})",
          alpha);
  require(q1 > 0.0 && q1 < 1.0, "q1 must lie in (0, 1) (got {})", q1);
}

// Normalises F_LD/y by its alpha = 0 value and enforces the physical bound: constraints can only
// remove solutions, so the normalised value cannot be positive.
LdPoint checked_against_alpha_zero(LdPoint p, double alpha, double q1) {
  p.normalised = p.free_entropy - p.alpha_zero;
  require(p.normalised <= 1e-8,
          "large deviation at alpha = {}, q1 = {}: F_LD/y exceeds its alpha = 0 value by {:.3g} "
          "(unphysical branch)",
          alpha, q1, p.normalised);
  return p;
}

LdPoint spherical_point(const Kernel& kernel, double alpha, double q1, const LdSettings& settings,
                        const math::GaussianRule& rule) {
  LdPoint p;
  p.q1 = q1;
  p.alpha_zero = 0.5 * std::log1p(-q1);
  const double c1 = kernel.phi(q1);
  auto slope = [&](double dq) {
    ++p.iterations;
    const auto e = energetic_average(kernel, q1, dq, rule);
    return -q1 / (2.0 * (1.0 - q1 + dq) * (1.0 - q1 + dq)) +
           alpha * kernel.dphi(q1) * e.mills_squared / (2.0 * (1.0 - c1));
  };
  auto value = [&](double dq) {
    return 0.5 * std::log1p(-q1) + q1 / (2.0 * (1.0 - q1 + dq)) +
           alpha * energetic_average(kernel, q1, dq, rule).value;
  };
  double delta_q = 0.0;
  const double s0 = slope(0.0);
  if (s0 >= 0.0) {
    p.replica_symmetric = true;  // minimum on the boundary δq = 0: RS at q = q1
  } else {
    double lo = 0.0, hi = 1.0, s_lo = s0, s_hi = slope(hi);
    while (s_hi < 0.0 && hi <= settings.flat_threshold) {
      lo = hi, s_lo = s_hi;
      hi *= 4.0;
      s_hi = slope(hi);
    }
    if (s_hi < 0.0) {
      p.flat = true;
      p.delta_q = hi;
      p.free_entropy = p.alpha_zero;
      p.normalised = 0.0;
      return p;
    }
    const auto root =
        math::toms748_root(slope, lo, hi, s_lo, s_hi, {settings.tolerance, true}, 200);
    require(root.converged,
            "large deviation (spherical) at alpha = {}, q1 = {}: delta q did not converge", alpha,
            q1);
    delta_q = root.midpoint();
  }
  p.delta_q = delta_q;
  p.free_entropy = value(delta_q);
  return checked_against_alpha_zero(p, alpha, q1);
}

// δq̂ for a given q̂0: the width that fixes ∫Dz tanh²(h*) = q1 (monotone increasing in δq̂),
// by bracketing and TOMS 748.
double centre_width(const math::GaussianRule& even, double q_hat0, double alpha, double q1) {
  const double s = std::sqrt(q_hat0);
  auto overlap = [&](double width) {
    double sum = 0.0;
    for (std::size_t i = 0; i < even.size(); ++i) {
      const double t = std::tanh(centre_field(s * even.nodes[i], width).h);
      sum += even.weights[i] * t * t;
    }
    return sum - q1;
  };
  const double f0 = overlap(0.0);
  require(f0 <= 0.0,
          "large deviation (binary) at alpha = {}, q1 = {}: q1 is below the typical overlap "
          "(no solution with y -> infinity scaling)",
          alpha, q1);
  double lo = 0.0, hi = 1.0, f_lo = f0, f_hi = overlap(hi);
  while (f_hi < 0.0) {
    lo = hi, f_lo = f_hi;
    hi *= 2.0;
    require(hi < 1e8, "large deviation: could not bracket the q1 constraint");
    f_hi = overlap(hi);
  }
  // Stops at |b − a| < 1e-13 (1 + a): the bracket stays in [0, ∞).
  const auto root = math::toms748_root(overlap, lo, hi, f_lo, f_hi, {1e-13, true}, 200);
  require(root.converged, "large deviation (binary): the q1 constraint did not converge");
  return root.midpoint();
}

// ∫Dz0 z0 tanh(h*(√q̂0 z0)) — not integrated by parts (h* jumps at z0 = 0).
double centre_projection(const math::GaussianRule& even, double s, double width) {
  double projection = 0.0;
  for (std::size_t i = 0; i < even.size(); ++i)
    projection +=
        even.weights[i] * even.nodes[i] * std::tanh(centre_field(s * even.nodes[i], width).h);
  return projection;
}

// ∫Dz0 max_h[lc(h) − (h − √q̂0 z0)²/(2 δq̂)], the entropic block maximum.
double centre_entropic(const math::GaussianRule& even, double s, double width) {
  double entropic = 0.0;
  for (std::size_t i = 0; i < even.size(); ++i)
    entropic += even.weights[i] * centre_field(s * even.nodes[i], width).value;
  return entropic;
}

LdPoint binary_point(const Kernel& kernel, double alpha, double q1, const LdSettings& settings,
                     const math::GaussianRule& rule, const LdPoint* start) {
  const math::GaussianRule even = even_half_line_rule();
  LdPoint p;
  p.q1 = q1;
  p.alpha_zero = math::binary_entropy((1.0 + std::sqrt(q1)) / 2.0);
  if (alpha == 0.0) {
    p.free_entropy = p.alpha_zero;
    p.flat = true;
    return p;
  }
  const double c1 = kernel.phi(q1);
  double delta_q = start != nullptr && start->delta_q > 0.0 && !start->flat ? start->delta_q : 5.0;
  double q_hat0 = 0.0, width = 0.0;
  for (int it = 1; it <= settings.max_iterations; ++it) {
    const auto e = energetic_average(kernel, q1, delta_q, rule);
    q_hat0 = alpha * kernel.dphi(q1) / (1.0 - c1) * e.mills_squared;
    width = centre_width(even, q_hat0, alpha, q1);
    const double s = std::sqrt(q_hat0);
    const double target = -(1.0 - q1) + centre_projection(even, s, width) / s;
    const double step = target - delta_q;
    delta_q += settings.damping * step;
    p.iterations = it;
    if (delta_q > settings.flat_threshold) {
      p.flat = true;
      p.delta_q = delta_q;
      p.free_entropy = p.alpha_zero;
      return p;
    }
    require(delta_q > 0.0,
            "large deviation (binary) at alpha = {}, q1 = {}: delta q became negative", alpha, q1);
    if (std::fabs(step) < settings.tolerance * (1.0 + std::fabs(delta_q))) break;
    require(it < settings.max_iterations,
            "large deviation (binary) at alpha = {}, q1 = {} did not converge", alpha, q1);
  }
  const double entropic = centre_entropic(even, std::sqrt(q_hat0), width);
  const auto e = energetic_average(kernel, q1, delta_q, rule);
  p.delta_q = delta_q;
  p.delta_q_hat = width;
  p.q_hat0 = q_hat0;
  p.free_entropy = -q_hat0 * (1.0 - q1) / 2.0 - q_hat0 * delta_q / 2.0 - width * q1 / 2.0 +
                   entropic + alpha * e.value;
  return checked_against_alpha_zero(p, alpha, q1);
}

}  // namespace

LdPoint large_deviation_point(const Kernel& kernel, WeightPrior prior, double alpha, double q1,
                              const LdSettings& settings, const LdPoint* start) {
  check_inputs(alpha, q1);
  require(settings.damping > 0.0 && settings.damping <= 1.0, "damping must lie in (0, 1]");
  const auto rule = math::trapezoid_rule(checked_nodes(settings.nodes, "nodes", kMinLdNodes), 10.0);
  if (prior == WeightPrior::spherical) return spherical_point(kernel, alpha, q1, settings, rule);
  return binary_point(kernel, alpha, q1, settings, rule, start);
}

std::vector<LdPoint> large_deviation_curve(const Kernel& kernel, WeightPrior prior, double alpha,
                                           double q1_min, double q1_max, int points,
                                           const LdSettings& settings) {
  check_curve_points(points);
  require(q1_min > 0.0 && q1_max < 1.0 && q1_min <= q1_max, "need 0 < q1-min <= q1-max < 1");
  std::vector<LdPoint> curve(static_cast<std::size_t>(points));
  const LdPoint* previous = nullptr;
  for (int i = points - 1; i >= 0; --i) {
    const double q1 = points == 1 ? q1_min : q1_min + (q1_max - q1_min) * i / (points - 1);
    curve[static_cast<std::size_t>(i)] =
        large_deviation_point(kernel, prior, alpha, q1, settings, previous);
    previous = &curve[static_cast<std::size_t>(i)];
  }
  return curve;
}

double local_entropy_bound(double distance) {
  require(distance >= 0.0 && distance <= 1.0, "distance must lie in [0, 1] (got {})", distance);
  return math::binary_entropy(distance);
}

}  // namespace robens::theory
