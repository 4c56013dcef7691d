#pragma once
// Replica-symmetric Gardner volume of the perceptron / K → ∞ tree committee (PRL 123, 170602
// Eqs. 5–6; docs/theory.md, "Subcommands"): saddle point (q, q̂), free entropy F = G_S + α G_E,
// and the critical capacity.
#include <string>
#include <utility>

#include "robens/core/enum_names.hpp"
#include "robens/theory/kernel.hpp"

namespace robens::theory {

enum class WeightPrior { binary, spherical };

struct RsSettings {
  int nodes = 0;             // trapezoid nodes on [−12, 12]; 0: 2401 (binary) / 4001 (spherical)
  double tolerance = 1e-12;  // |Δq| at convergence (binary fixed point) or root tolerance in q
  int max_iterations = 20000;
  double damping = 0.5;  // q ← (1−damping) q + damping q_new
  int resolved_nodes(WeightPrior prior) const;
};

struct RsSaddlePoint {
  double alpha = 0.0;
  double q = 0.0;
  double q_hat = 0.0;         // conjugate (binary); for spherical the eliminated q/(1−q)²
  double entropic = 0.0;      // G_S
  double energetic = 0.0;     // G_E
  double free_entropy = 0.0;  // G_S + α G_E (spherical: constant ½ ln(2πe) dropped)
  int iterations = 0;
  double residual = 0.0;  // |q − q_new| (binary) or |f(q)| scaled (spherical)
};

// Solves the RS saddle point at `alpha` >= 0. `q_start` warm-starts the binary iteration.
// Throws InputError when the solver does not converge or alpha is beyond the RS branch.
RsSaddlePoint solve_rs(const Kernel& kernel, WeightPrior prior, double alpha,
                       const RsSettings& settings = {}, double q_start = 0.5);

struct CapacityResult {
  double alpha_c = 0.0;       // +∞ for the spherical sign committee at K = ∞
  std::string method;         // how it was obtained
  RsSaddlePoint at_capacity;  // saddle point at alpha_c (binary only)
  int evaluations = 0;
};

// Binary: root of F(α) (PRL Eq. 5) by bracketing + TOMS 748 to |Δα| < 1e−10.
// Spherical: α_c = 2φ'(1) = 2δΔ/(Δ_2 − Δ_{−1}) (PRL Eq. 6; q → 1 limit of the saddle point).
CapacityResult rs_capacity(const Kernel& kernel, WeightPrior prior,
                           const RsSettings& settings = {});

}  // namespace robens::theory

namespace robens {

template <>
struct EnumNames<theory::WeightPrior> {
  static constexpr std::pair<theory::WeightPrior, const char*> values[] = {
      {theory::WeightPrior::binary, "binary"}, {theory::WeightPrior::spherical, "spherical"}};
};

}  // namespace robens
