#pragma once
// One-dimensional root finding and minimisation for the replica calculations (docs/theory.md,
// "Numerical choices"): thin wrappers over Boost.Math that keep Boost out of every public header
// and out of theory/. They forward to Boost unchanged (default policy, same tolerances and
// iteration limits as the caller gives), so results are those of the direct calls.
#include <cstdint>
#include <functional>
#include <utility>

namespace robens::math {

using ScalarFunction = std::function<double(double)>;

// Stopping rule on a bracket [a, b]: |b − a| < width, or |b − a| < width·(1 + |a|) if relative.
struct RootTolerance {
  double width = 0.0;
  bool relative = false;
  bool operator()(double a, double b) const;
};

struct RootBracket {
  double lower = 0.0, upper = 0.0;  // final bracket; the root is taken as its midpoint
  std::uintmax_t iterations = 0;    // evaluations used (Boost's max_iter on return)
  bool converged = false;           // the tolerance was met before the iteration limit
  double midpoint() const { return 0.5 * (lower + upper); }
};

// TOMS 748 (Alefeld, Potra & Shi) on [lo, hi]; f(lo) and f(hi) must have opposite signs
// (Boost throws std::domain_error otherwise). The first form takes the known end values.
RootBracket toms748_root(const ScalarFunction& f, double lo, double hi, double f_lo, double f_hi,
                         RootTolerance tolerance, std::uintmax_t max_iterations);
RootBracket toms748_root(const ScalarFunction& f, double lo, double hi, RootTolerance tolerance,
                         std::uintmax_t max_iterations);

// Newton–Raphson for a root in [lo, hi] from `guess`; f returns (value, derivative). Stops at
// `digits` binary digits or after max_iterations steps.
double newton_root(const std::function<std::pair<double, double>(double)>& f, double guess,
                   double lo, double hi, int digits, std::uintmax_t max_iterations);

struct Minimum {
  double x = 0.0, value = 0.0;
};

// Brent's minimisation of f on [lo, hi] to `bits` binary digits, without an iteration limit.
Minimum brent_minimum(const ScalarFunction& f, double lo, double hi, int bits);

}  // namespace robens::math
