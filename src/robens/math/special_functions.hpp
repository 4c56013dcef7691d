#pragma once
// Gaussian special functions for the replica calculations, written to stay finite for any real
// argument (the saddle points push arguments to ±30 and beyond as overlaps approach 1).
//   G(x) = exp(-x²/2)/√(2π),  H(x) = ∫_x^∞ Dz,  r(x) = G(x)/H(x) (inverse Mills ratio).
namespace robens::theory {

inline constexpr double kPi = 3.14159265358979323846;

double gauss_density(double x);   // G(x)
double gauss_tail(double x);      // H(x)
double log_gauss_tail(double x);  // ln H(x), accurate for large positive x (no underflow)
double inverse_mills(double x);  // r(x) = G(x)/H(x); r(x) ≈ x for x → +∞, → 0 for x → −∞
double log_two_cosh(double x);    // ln(2 cosh x), overflow-safe
double binary_entropy(double p);  // −p ln p − (1−p) ln(1−p), nats; 0 at p ∈ {0, 1}

}  // namespace robens::theory
