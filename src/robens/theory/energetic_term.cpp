#include "robens/theory/energetic_term.hpp"

#include <cmath>

#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"

namespace robens::theory {

EnergeticAverages energetic_averages(double c, const math::GaussianRule& rule) {
  require(c >= 0.0 && c < 1.0, "effective overlap must lie in [0, 1) (got {})", c);
  const double gamma = std::sqrt(c / (1.0 - c));
  EnergeticAverages avg;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const double x = -gamma * rule.nodes[i];
    const double r = math::inverse_mills(x);
    const double curvature = r * (r - x);
    avg.log_volume += rule.weights[i] * math::log_gauss_tail(x);
    avg.mills_squared += rule.weights[i] * r * r;
    avg.replicon += rule.weights[i] * curvature * curvature;
  }
  return avg;
}

}  // namespace robens::theory
