#pragma once
// Fixed rules for ∫Dz f(z) (Dz the standard Gaussian measure). The composite trapezoid rule on
// [−L, L] converges exponentially for smooth integrands with Gaussian decay and, unlike
// Gauss–Hermite, stays robust when f has a sharp but continuous bend (ln H(−γz) with γ ≫ 1).
// A fixed rule also keeps finite-difference derivatives and fixed-point iterations consistent.
#include <cstddef>
#include <vector>

namespace robens::math {

struct GaussianRule {
  std::vector<double> nodes;
  std::vector<double> weights;  // already include the Gaussian density; they sum to ≈ 1

  std::size_t size() const { return nodes.size(); }

  template <typename F>
  double integrate(F&& f) const {
    double sum = 0.0;
    for (std::size_t i = 0; i < nodes.size(); ++i) sum += weights[i] * f(nodes[i]);
    return sum;
  }
};

// Trapezoid rule with `points` nodes on [−half_width, half_width] (weights renormalised so that
// the rule integrates 1 exactly). Throws InputError for points < 3 or half_width <= 0.
GaussianRule trapezoid_rule(std::size_t points, double half_width = 12.0);

// Trapezoid rule for ∫_lower^upper dx g(x) (plain Lebesgue measure), end-points halved.
GaussianRule plain_trapezoid_rule(std::size_t points, double lower, double upper);

// 60-point Gauss–Legendre rule for ∫_lower^upper dx g(x) (plain Lebesgue measure). Nodes come in
// pairs mirrored about the midpoint, the upper one first; exact for polynomials of degree ≤ 119.
GaussianRule gauss_legendre_rule(double lower, double upper);

}  // namespace robens::math
