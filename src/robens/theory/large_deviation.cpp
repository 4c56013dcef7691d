#include "robens/theory/large_deviation.hpp"

#include <algorithm>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <utility>

#include "robens/core/error.hpp"
#include "robens/math/gaussian_quadrature.hpp"
#include "robens/math/special_functions.hpp"

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
  auto value = [&](double h) { return log_two_cosh(h) - (h - a) * (h - a) / (2.0 * width); };
  if (width <= 0.0) return {a, log_two_cosh(a)};
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
  if (k <= 0.0) return {log_gauss_tail(-b0), inverse_mills(-b0)};
  // ψ(u) = −u + k r(−b0 − k u) is strictly decreasing with its root in [0, k r(−b0)].
  const double upper = k * inverse_mills(-b0) + 1e-12;
  auto psi = [&](double u) {
    const double x = -b0 - k * u;
    const double r = inverse_mills(x);
    return std::pair<double, double>{-u + k * r, -1.0 - k * k * r * (r - x)};
  };
  std::uintmax_t iters = 100;
  const double u =
      boost::math::tools::newton_raphson_iterate(psi, 0.5 * upper, 0.0, upper, 45, iters);
  const double x = -b0 - k * u;
  return {-0.5 * u * u + log_gauss_tail(x), inverse_mills(x)};
}

struct EnergeticAverage {
  double value = 0.0;          // ∫Dz0 max_u[…]
  double mills_squared = 0.0;  // ∫Dz0 r(X*)²
};

EnergeticAverage energetic_average(const Kernel& kernel, double q1, double delta_q,
                                   const GaussianRule& rule) {
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
GaussianRule even_half_line_rule() {
  using Legendre = boost::math::quadrature::gauss<double, 60>;
  GaussianRule rule;
  const auto& x = Legendre::abscissa();
  const auto& w = Legendre::weights();
  constexpr double half = 5.0;  // map [−1, 1] → [0, 10]
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (double sign : {1.0, -1.0}) {
      if (x[i] == 0.0 && sign < 0.0) continue;
      const double z = half * (1.0 + sign * x[i]);
      rule.nodes.push_back(z);
      rule.weights.push_back(2.0 * half * w[i] * gauss_density(z));
    }
  }
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
                        const GaussianRule& rule) {
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
    std::uintmax_t max_iter = 200;
    auto tol = [&](double a, double b) {
      return std::fabs(b - a) < settings.tolerance * (1.0 + std::fabs(a));
    };
    const auto [a, b] = boost::math::tools::toms748_solve(slope, lo, hi, s_lo, s_hi, tol, max_iter);
    require(max_iter < 200,
            "large deviation (spherical) at alpha = {}, q1 = {}: delta q did not converge", alpha,
            q1);
    delta_q = 0.5 * (a + b);
  }
  p.delta_q = delta_q;
  p.free_entropy = value(delta_q);
  return checked_against_alpha_zero(p, alpha, q1);
}

LdPoint binary_point(const Kernel& kernel, double alpha, double q1, const LdSettings& settings,
                     const GaussianRule& rule, const LdPoint* start) {
  const GaussianRule even = even_half_line_rule();
  LdPoint p;
  p.q1 = q1;
  p.alpha_zero = binary_entropy((1.0 + std::sqrt(q1)) / 2.0);
  if (alpha == 0.0) {
    p.free_entropy = p.alpha_zero;
    p.flat = true;
    return p;
  }
  const double c1 = kernel.phi(q1);
  // For q̂0 given, δq̂ fixes ∫Dz tanh²(h*) = q1 (monotone increasing in δq̂).
  auto solve_width = [&](double q_hat0) {
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
    std::uintmax_t max_iter = 200;
    auto tol = [](double a, double b) { return std::fabs(b - a) < 1e-13 * (1.0 + a); };
    const auto [a, b] =
        boost::math::tools::toms748_solve(overlap, lo, hi, f_lo, f_hi, tol, max_iter);
    require(max_iter < 200, "large deviation (binary): the q1 constraint did not converge");
    return 0.5 * (a + b);
  };
  double delta_q = start != nullptr && start->delta_q > 0.0 && !start->flat ? start->delta_q : 5.0;
  double q_hat0 = 0.0, width = 0.0;
  for (int it = 1; it <= settings.max_iterations; ++it) {
    const auto e = energetic_average(kernel, q1, delta_q, rule);
    q_hat0 = alpha * kernel.dphi(q1) / (1.0 - c1) * e.mills_squared;
    width = solve_width(q_hat0);
    const double s = std::sqrt(q_hat0);
    double projection = 0.0;  // ∫Dz0 z0 tanh(h*) — not integrated by parts (h* jumps)
    for (std::size_t i = 0; i < even.size(); ++i)
      projection +=
          even.weights[i] * even.nodes[i] * std::tanh(centre_field(s * even.nodes[i], width).h);
    const double target = -(1.0 - q1) + projection / s;
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
  const double s = std::sqrt(q_hat0);
  double entropic = 0.0;
  for (std::size_t i = 0; i < even.size(); ++i)
    entropic += even.weights[i] * centre_field(s * even.nodes[i], width).value;
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
  const auto rule = trapezoid_rule(static_cast<std::size_t>(settings.nodes), 10.0);
  if (prior == WeightPrior::spherical) return spherical_point(kernel, alpha, q1, settings, rule);
  return binary_point(kernel, alpha, q1, settings, rule, start);
}

std::vector<LdPoint> large_deviation_curve(const Kernel& kernel, WeightPrior prior, double alpha,
                                           double q1_min, double q1_max, int points,
                                           const LdSettings& settings) {
  require(points >= 1, "need at least one point (got {})", points);
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
  return binary_entropy(distance);
}

}  // namespace robens::theory
