#pragma once
// Large-deviation (local-entropy) free entropy F_LD(q1) in the y → ∞ limit (PRL Eqs. 8–9,
// docs/theory.md, "Equations"), and the α = 0 local-entropy bound H2(d) (PNAS Fig. 6).
#include <vector>

#include "robens/theory/replica_symmetric.hpp"

namespace robens::theory {

struct LdSettings {
  int nodes = 201;  // z0 trapezoid nodes on [−10, 10]
  double damping = 0.5;
  double tolerance = 1e-10;
  int max_iterations = 5000;
  double flat_threshold = 1e6;  // δq beyond this: the entropy is flat (normalised value 0)
};

struct LdPoint {
  double q1 = 0.0;
  double free_entropy = 0.0;  // F_LD/y (per replica)
  double alpha_zero = 0.0;  // α = 0 value: H2((1+√q1)/2) (binary) or ½ ln(1 − q1) (spherical)
  double normalised = 0.0;  // free_entropy − alpha_zero (≤ 0)
  double delta_q = 0.0;     // y (q1 − q0)
  double delta_q_hat = 0.0;        // y (q̂1 − q̂0) (binary)
  double q_hat0 = 0.0;             // binary
  bool flat = false;               // δq beyond the flat threshold: normalised set to 0
  bool replica_symmetric = false;  // spherical minimum at δq = 0
  int iterations = 0;
};

LdPoint large_deviation_point(const Kernel& kernel, WeightPrior prior, double alpha, double q1,
                              const LdSettings& settings = {}, const LdPoint* start = nullptr);

// Curve over q1 evenly spaced in [q1_min, q1_max], warm-started from the largest q1 downwards.
std::vector<LdPoint> large_deviation_curve(const Kernel& kernel, WeightPrior prior, double alpha,
                                           double q1_min, double q1_max, int points,
                                           const LdSettings& settings = {});

// α = 0 bound on the local entropy at Hamming distance fraction d: H2(d), d ∈ [0, 1].
double local_entropy_bound(double distance);

}  // namespace robens::theory
