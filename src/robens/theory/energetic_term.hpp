#pragma once
// The RS energetic term of the K → ∞ committee (PRL Eq. 4) and the Gaussian averages its
// derivatives need, all as functions of the effective overlap c = φ(q) (docs/theory.md,
// "Equations").
#include "robens/math/gaussian_quadrature.hpp"

namespace robens::theory {

// With γ = √(c/(1−c)) and x = −γz:
struct EnergeticAverages {
  double log_volume = 0.0;     // G_E = ∫Dz ln H(−γz)
  double mills_squared = 0.0;  // ∫Dz r(x)²
  double replicon = 0.0;       // ∫Dz [r(x)(r(x) − x)]²
};

// Requires 0 <= c < 1 (InputError otherwise).
EnergeticAverages energetic_averages(double c, const math::GaussianRule& rule);

}  // namespace robens::theory
