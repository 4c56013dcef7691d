#pragma once
// Franz–Parisi entropy (PRL Eq. 7; docs/theory.md, "Equations"): the log-number of solutions at
// overlap S (distance d = (1 − S)/2) from a typical equilibrium solution, K → ∞ committee or
// perceptron, RS level.
#include <vector>

#include "robens/theory/replica_symmetric.hpp"

namespace robens::theory {

struct FpSettings {
  int outer_nodes = 41;    // z0 trapezoid nodes on [−10, 10] (energetic outer average)
  int inner_nodes = 33;    // z1 / ζ trapezoid nodes on [−10, 10]
  int eta_nodes = 121;     // η nodes on the truncated half-line
  int table_points = 601;  // grid of the tabulated ζ-average F(y), cubic interpolation
  double damping = 0.5;
  double tolerance = 1e-8;  // |Δq| + |Δp| at convergence
  int max_iterations = 3000;
  double fd_step = 1e-5;  // finite-difference step for ∂G_E/∂c, ∂G_E/∂c_p
};

struct FpPoint {
  double overlap = 0.0;       // S
  double distance = 0.0;      // d = (1 − S)/2
  double free_entropy = 0.0;  // F_FP(S)
  double alpha_zero = 0.0;    // F_FP at α = 0: H2(d) (binary) or ½ ln(1 − S²) (spherical)
  double q = 0.0, p = 0.0;
  double q_hat = 0.0, p_hat = 0.0, s_hat = 0.0;  // binary conjugates
  int iterations = 0;
  double residual = 0.0;
};

struct FpCurve {
  RsSaddlePoint reference;      // equilibrium RS point (q̃, q̃̂) at the same α
  std::vector<FpPoint> points;  // in the order of the requested distances
  double d_star = -1.0;         // smallest-d zero crossing of F_FP from above (−1: none found)
};

// One point; warm starts from `start` when its q > 0.
FpPoint franz_parisi_point(const Kernel& kernel, WeightPrior prior, double alpha, double overlap,
                           const RsSaddlePoint& reference, const FpSettings& settings = {},
                           const FpPoint* start = nullptr);

// Curve at `points` distances evenly spaced in [d_min, d_max], on the S > q̃ branch
// (d_max < (1 − q̃)/2, InputError otherwise); solved by continuation from the largest distance.
// Also locates d*, the largest-d zero crossing, by TOMS 748.
FpCurve franz_parisi_curve(const Kernel& kernel, WeightPrior prior, double alpha, double d_min,
                           double d_max, int points, const FpSettings& settings = {});

}  // namespace robens::theory
