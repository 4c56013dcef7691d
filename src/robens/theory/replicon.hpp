#pragma once
// Stability of the RS saddle point (de Almeida–Thouless line) and the 1RSB capacity estimate of
// the spherical committee (docs/theory.md, "Equations").
#include <string>

#include "robens/theory/replica_symmetric.hpp"

namespace robens::theory {

// Replicon eigenvalue at an RS saddle point (docs/theory.md, "Equations"):
//   λ_R = −1/χ_R + α [φ'² E(r(r−x))²/(1−c)² + φ'' E r²/(1−c)],
// χ_R = (1−q)² (spherical) or ∫Dz (1 − tanh²(√q̂ z))² (binary). RS is unstable for λ_R > 0.
double replicon_eigenvalue(const Kernel& kernel, WeightPrior prior, const RsSaddlePoint& point,
                           const RsSettings& settings = {});

struct AtResult {
  double alpha_at = 0.0;
  RsSaddlePoint at_point;  // RS saddle point at alpha_at
  int evaluations = 0;
};

// Root of λ_R(α) along the RS branch continued from α = 0 (bracketing scan, then TOMS 748 to
// |Δα| < 1e−9). Throws InputError if RS stays stable up to the RS capacity.
AtResult at_line(const Kernel& kernel, WeightPrior prior, const RsSettings& settings = {});

struct OneRsbSettings {
  int nodes = 801;       // trapezoid nodes in z0 on [−10, 10]
  double mu_min = 0.01;  // search range of μ = m/(1 − q1)
  double mu_max = 200.0;
  double q0_max = 0.999;
  bool fix_q0_zero = false;  // variant: q0 = 0 (no inter-state overlap)
};

struct OneRsbResult {
  double alpha_c = 0.0;  // stationary value of R(q0, μ) = −Φ_S/Φ_E
  double q0 = 0.0;
  double mu = 0.0;
  double rs_limit = 0.0;  // 2φ'(1), the μ → 0 limit (RS capacity)
  int evaluations = 0;
};

// R(q0, μ) of docs/theory.md, "Equations" (q1 → 1, m = μ(1 − q1) → 0).
double one_rsb_ratio(const Kernel& kernel, double q0, double mu,
                     const OneRsbSettings& settings = {});

// α_c^1RSB: min over q0 for each μ, then min over μ (docs/theory.md, "Subcommands"). Spherical
// weights and a kernel with finite φ'(1) only (identity, ReLU); throws InputError for the sign.
OneRsbResult one_rsb_capacity(const Kernel& kernel, const OneRsbSettings& settings = {});

}  // namespace robens::theory
