#pragma once
// Vectorised inner loops of the first-layer Gaussian ("accurate") update in the field (tanh)
// form, the hot spot of a focusing-BP sweep (docs/fbp.md, "Fast path"). They use the branch-free
// functions of math/fast_math.hpp, which agree with the exact ones of math/special_functions.hpp
// and bp_fields.hpp to rounding level (a few 1e-16); edges outside their domain are flagged for
// the exact code.
#include <cstddef>
#include <cstdint>

namespace robens {

// Cavity fields h_i = m_i ⊘ u_i (TanhMag::cavity), their magnetizations v_i = tanh h_i, and the
// sums S² = Σ (1 − v_i²), μ = Σ ξ_i v_i (accumulated in kSumLanes fixed interleaved partial
// sums, so that every vector width gives the same result).
inline constexpr std::size_t kSumLanes = 8;
void cavity_magnetizations(const double* m, const double* u, const std::int8_t* xi, std::size_t n,
                           double* h, double* v, double& S2, double& mu);

// The output side of one first-layer factor, shared by its edges.
struct GaussianFactorFast {
  double mu = 0, S2 = 0;  // Σ ξ_i v_i and Σ (1 − v_i²) over all inputs
  double h_sign = 1;      // sign of the output's cavity field H
  double abs_tanh_h = 0;  // |tanh H|
  double tanh_gap = 1;    // 1 − |tanh H|, computed without cancellation
};

// For the edges i ∈ [0, n) of one factor: the new (undamped) field message to input i,
// aux_mix(H, atanh_erf(x₊), atanh_erf(x₋)) with x± = (μ − ξ_i v_i ± ξ_i)/√(2(S² − 1 + v_i²)).
// NaN where the fast formula does not apply (zero variance, |x±| > 26, NaN inputs): the caller
// recomputes those edges with the exact functions. H must be finite and nonzero.
void gaussian_edge_fields(const GaussianFactorFast& g, const double* xi, const double* v,
                          std::size_t n, double* fresh);

// Damps the new messages into u (TanhMag::damp), keeping the previous ones in `old`, and sets the
// marginals m = h + u. Returns max |fresh − old| (NaN changes left out) and whether any new
// message is NaN.
double damp_edges(const double* fresh, const double* h, std::size_t n, double lambda, double* u,
                  double* m, double* old, bool& nan_seen);

}  // namespace robens
