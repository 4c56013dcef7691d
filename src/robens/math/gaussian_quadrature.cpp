#include "robens/math/gaussian_quadrature.hpp"

#include <boost/math/quadrature/gauss.hpp>

#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"

namespace robens::math {

GaussianRule trapezoid_rule(std::size_t points, double half_width) {
  require(points >= 3, "quadrature needs at least 3 nodes (got {})", points);
  require(half_width > 0.0, "quadrature half-width must be positive (got {})", half_width);
  GaussianRule rule = plain_trapezoid_rule(points, -half_width, half_width);
  double total = 0.0;
  for (std::size_t i = 0; i < points; ++i) {
    rule.weights[i] *= gauss_density(rule.nodes[i]);
    total += rule.weights[i];
  }
  for (double& w : rule.weights) w /= total;
  return rule;
}

GaussianRule plain_trapezoid_rule(std::size_t points, double lower, double upper) {
  require(points >= 2, "quadrature needs at least 2 nodes (got {})", points);
  require(upper > lower, "quadrature interval is empty ([{}, {}])", lower, upper);
  GaussianRule rule;
  rule.nodes.resize(points);
  rule.weights.resize(points);
  const double step = (upper - lower) / static_cast<double>(points - 1);
  for (std::size_t i = 0; i < points; ++i) {
    rule.nodes[i] = lower + step * static_cast<double>(i);
    rule.weights[i] = (i == 0 || i + 1 == points) ? 0.5 * step : step;
  }
  return rule;
}

GaussianRule gauss_legendre_rule(double lower, double upper) {
  require(upper > lower, "quadrature interval is empty ([{}, {}])", lower, upper);
  using Legendre = boost::math::quadrature::gauss<double, 60>;  // tabulated to full precision
  const auto& x = Legendre::abscissa();  // non-negative half of the nodes on [−1, 1]
  const auto& w = Legendre::weights();
  const double half = 0.5 * (upper - lower);
  GaussianRule rule;
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (double sign : {1.0, -1.0}) {
      if (x[i] == 0.0 && sign < 0.0) continue;
      rule.nodes.push_back(lower + half * (1.0 + sign * x[i]));
      rule.weights.push_back(half * w[i]);
    }
  }
  return rule;
}

}  // namespace robens::math
