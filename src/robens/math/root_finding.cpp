#include "robens/math/root_finding.hpp"

#include <boost/math/tools/minima.hpp>
#include <boost/math/tools/roots.hpp>
#include <cmath>

namespace robens::math {

bool RootTolerance::operator()(double a, double b) const {
  return std::fabs(b - a) < (relative ? width * (1.0 + std::fabs(a)) : width);
}

RootBracket toms748_root(const ScalarFunction& f, double lo, double hi, double f_lo, double f_hi,
                         RootTolerance tolerance, std::uintmax_t max_iterations) {
  std::uintmax_t used = max_iterations;
  const auto [a, b] = boost::math::tools::toms748_solve(f, lo, hi, f_lo, f_hi, tolerance, used);
  return {a, b, used, used < max_iterations};
}

RootBracket toms748_root(const ScalarFunction& f, double lo, double hi, RootTolerance tolerance,
                         std::uintmax_t max_iterations) {
  std::uintmax_t used = max_iterations;
  const auto [a, b] = boost::math::tools::toms748_solve(f, lo, hi, tolerance, used);
  return {a, b, used, used < max_iterations};
}

double newton_root(const std::function<std::pair<double, double>(double)>& f, double guess,
                   double lo, double hi, int digits, std::uintmax_t max_iterations) {
  return boost::math::tools::newton_raphson_iterate(f, guess, lo, hi, digits, max_iterations);
}

Minimum brent_minimum(const ScalarFunction& f, double lo, double hi, int bits) {
  const auto [x, value] = boost::math::tools::brent_find_minima(f, lo, hi, bits);
  return {x, value};
}

}  // namespace robens::math
