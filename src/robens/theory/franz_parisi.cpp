#include "robens/theory/franz_parisi.hpp"

#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>

#include "robens/core/error.hpp"
#include "robens/math/gaussian_quadrature.hpp"
#include "robens/math/special_functions.hpp"

namespace robens::theory {
namespace {

constexpr double kHalfWidth = 10.0;  // all Gaussian integrals on [−10, 10]
constexpr double kMinD2 = 1e-4;  // keep the free Gaussian direction D² = c − A² − B² away from 0

// Effective overlaps of the energetic term (spec §5.2).
struct FpGeometry {
  double c_ref = 0.0;  // c̃ = φ(q̃)
  double c = 0.0;      // φ(q)
  double c_s = 0.0;    // φ(S)
  double c_p = 0.0;    // φ(p)
  double a() const { return c_p / std::sqrt(c_ref); }
  double b() const { return (c_s - c_p) / std::sqrt(1.0 - c_ref); }
  double d2() const { return c - a() * a() - b() * b(); }
};

class EnergeticIntegrator {
 public:
  EnergeticIntegrator(const FpSettings& s)
      : outer_(trapezoid_rule(static_cast<std::size_t>(s.outer_nodes), kHalfWidth)),
        inner_(trapezoid_rule(static_cast<std::size_t>(s.inner_nodes), kHalfWidth)),
        eta_nodes_(static_cast<std::size_t>(s.eta_nodes)),
        table_points_(static_cast<std::size_t>(s.table_points)) {}

  // G_E^FP = E_z0[ (1/H(−γ̃z0)) ∫_{η>−γ̃z0} Dη ∫Dζ ln H(−(A z0 + B η + D ζ)/√(1−c)) ].
  // The ζ-average F(y) is tabulated on a grid of y fixed by `y_range` (shared by the finite
  // differences of one iteration so that they see the same discretisation).
  double value(const FpGeometry& g, double y_range) const {
    const double a = g.a(), b = g.b();
    const double d = std::sqrt(std::max(g.d2(), 0.0));
    const double scale = 1.0 / std::sqrt(1.0 - g.c);
    const std::size_t kTable = table_points_;
    std::vector<double> table(kTable);
    const double step = 2.0 * y_range / static_cast<double>(kTable - 1);
    for (std::size_t i = 0; i < kTable; ++i) {
      const double y = -y_range + step * static_cast<double>(i);
      double sum = 0.0;
      for (std::size_t k = 0; k < inner_.size(); ++k)
        sum += inner_.weights[k] * log_gauss_tail(-(y + d * inner_.nodes[k]) * scale);
      table[i] = sum;
    }
    auto interpolate = [&](double y) {  // cubic (Catmull–Rom) interpolation of the table
      const double u =
          std::clamp((y + y_range) / step, 1.0, static_cast<double>(kTable) - 3.0000001);
      const auto i = static_cast<std::size_t>(u);
      const double t = u - static_cast<double>(i);
      const double p0 = table[i - 1], p1 = table[i], p2 = table[i + 1], p3 = table[i + 2];
      return p1 + 0.5 * t *
                      (p2 - p0 +
                       t * (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3 + t * (3.0 * (p1 - p2) + p3 - p0)));
    };
    const double gamma_ref = std::sqrt(g.c_ref / (1.0 - g.c_ref));
    std::vector<double> per_z0(outer_.size());
    for (std::size_t i = 0; i < outer_.size(); ++i) {
      const double z0 = outer_.nodes[i];
      const double lower = std::min(std::max(-gamma_ref * z0, -kHalfWidth), kHalfWidth - 1.0);
      const double h = (kHalfWidth - lower) / static_cast<double>(eta_nodes_ - 1);
      double num = 0.0, den = 0.0;
      for (std::size_t k = 0; k < eta_nodes_; ++k) {
        const double eta = lower + h * static_cast<double>(k);
        const double w = (k == 0 || k + 1 == eta_nodes_ ? 0.5 : 1.0) * gauss_density(eta);
        num += w * interpolate(a * z0 + b * eta);
        den += w;
      }
      per_z0[i] = num / den;  // self-normalised: the truncated η measure divided by its mass
    }
    double total = 0.0;
    for (std::size_t i = 0; i < outer_.size(); ++i) total += outer_.weights[i] * per_z0[i];
    return total;
  }

  static double range_for(const FpGeometry& g) {
    return (std::fabs(g.a()) + std::fabs(g.b())) * kHalfWidth + 1e-6;
  }

 private:
  GaussianRule outer_, inner_;
  std::size_t eta_nodes_;
  std::size_t table_points_;
};

struct EnergeticDerivatives {
  double value = 0.0, d_c = 0.0, d_cp = 0.0;
};

// Central differences in c and c_p; the value itself only when `with_value` (the fixed-point
// iteration needs the derivatives alone).
EnergeticDerivatives energetic_with_derivatives(const EnergeticIntegrator& integ,
                                                const FpGeometry& g, double h, bool with_value) {
  // Range wide enough for all perturbed geometries (A, B change with c_p).
  FpGeometry up_p = g, down_p = g, up_c = g, down_c = g;
  up_p.c_p += h, down_p.c_p -= h, up_c.c += h, down_c.c -= h;
  const double range =
      1.01 * std::max({EnergeticIntegrator::range_for(up_p), EnergeticIntegrator::range_for(down_p),
                       EnergeticIntegrator::range_for(g)});
  EnergeticDerivatives e;
  if (with_value) e.value = integ.value(g, range);
  e.d_c = (integ.value(up_c, range) - integ.value(down_c, range)) / (2.0 * h);
  e.d_cp = (integ.value(up_p, range) - integ.value(down_p, range)) / (2.0 * h);
  return e;
}

double spherical_kappa(double s, double p, double q_ref) {
  return 2.0 * p * (s - p) / (1.0 - q_ref) +
         (s - p) * (s - p) * (1.0 - 2.0 * q_ref) / ((1.0 - q_ref) * (1.0 - q_ref));
}

// Binary entropic averages over x = √q̃̂ z0, w = (p̂/√q̃̂) z0 + √(q̂ − p̂²/q̃̂) z1.
struct BinaryEntropic {
  double s = 0.0, q = 0.0, p = 0.0, log_cosh = 0.0;
};

BinaryEntropic binary_entropic(double q_hat_ref, double q_hat, double p_hat, double s_hat,
                               const GaussianRule& rule) {
  const double sr = std::sqrt(q_hat_ref);
  const double slope = sr > 0.0 ? p_hat / sr : 0.0;
  const double spread = std::sqrt(std::max(q_hat - slope * slope, 0.0));
  BinaryEntropic e;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    const double tx = std::tanh(sr * rule.nodes[i]);
    for (std::size_t j = 0; j < rule.size(); ++j) {
      const double w = rule.weights[i] * rule.weights[j];
      const double arg = slope * rule.nodes[i] + spread * rule.nodes[j] + s_hat - p_hat;
      const double t = std::tanh(arg);
      e.s += w * (1.0 + tx) * t;
      e.q += w * (1.0 + tx) * t * t;
      e.p += w * ((1.0 + tx) * t - (1.0 - tx * tx) * t);
      e.log_cosh += w * (1.0 + tx) * log_two_cosh(arg);
    }
  }
  return e;
}

}  // namespace

FpPoint franz_parisi_point(const Kernel& kernel, WeightPrior prior, double alpha, double overlap,
                           const RsSaddlePoint& reference, const FpSettings& settings,
                           const FpPoint* start) {
  require(std::isfinite(alpha) && alpha >= 0.0, "alpha must be a finite number >= 0 (got {})",
          alpha);
  require(overlap > -1.0 && overlap < 1.0, "overlap S must lie in (-1, 1) (got {})", overlap);
  require(settings.outer_nodes >= 5 && settings.inner_nodes >= 5 && settings.eta_nodes >= 5 &&
              settings.table_points >= 5,
          "Franz-Parisi quadratures need at least 5 nodes each");
  require(settings.damping > 0.0 && settings.damping <= 1.0, "damping must lie in (0, 1]");
  const double q_ref = reference.q;
  require(q_ref >= 0.0 && q_ref < 1.0 && (q_ref > 0.0 || alpha == 0.0),
          "the reference RS overlap must lie in (0, 1) (got {})", q_ref);
  FpPoint pt;
  pt.overlap = overlap;
  pt.distance = (1.0 - overlap) / 2.0;
  pt.alpha_zero = prior == WeightPrior::binary ? binary_entropy(pt.distance)
                                               : 0.5 * std::log1p(-overlap * overlap);

  const EnergeticIntegrator integ(settings);
  const GaussianRule entropic_rule =
      trapezoid_rule(static_cast<std::size_t>(settings.inner_nodes), kHalfWidth);
  double q = std::min(std::max(overlap * overlap, q_ref) + 0.01, 0.999);
  double p = overlap * q_ref;
  if (start != nullptr && start->q > 0.0) q = start->q, p = start->p;
  double q_hat = 0.0, p_hat = 0.0, s_hat = 0.0;
  FpGeometry g;
  g.c_ref = kernel.phi(q_ref);
  g.c_s = kernel.phi(overlap);
  auto geometry_ok = [&] {
    g.c = kernel.phi(q);
    g.c_p = kernel.phi(p);
    return alpha == 0.0 || g.d2() >= kMinD2;
  };
  auto enforce_geometry = [&] {
    for (int guard = 0; !geometry_ok(); ++guard) {
      require(guard < 200, "Franz-Parisi at alpha = {}, S = {}: no admissible overlap q", alpha,
              overlap);
      q += 0.1 * (1.0 - q);
    }
  };
  EnergeticDerivatives e;
  for (int it = 1; it <= settings.max_iterations; ++it) {
    enforce_geometry();
    // At α = 0 the energetic term is absent (and undefined for q̃ = 0).
    if (alpha > 0.0) e = energetic_with_derivatives(integ, g, settings.fd_step, false);
    double q_new = 0.0, p_new = 0.0;
    if (prior == WeightPrior::spherical) {
      q_new = spherical_kappa(overlap, p, q_ref) -
              2.0 * alpha * (1.0 - q) * (1.0 - q) * kernel.dphi(q) * e.d_c;
      p_new = overlap * q_ref -
              alpha * (1.0 - q_ref) * (1.0 - q_ref) * (1.0 - q) * kernel.dphi(p) * e.d_cp;
    } else {
      q_hat = -2.0 * alpha * kernel.dphi(q) * e.d_c;
      p_hat = -alpha * kernel.dphi(p) * e.d_cp;
      auto residual = [&](double sh) {
        return binary_entropic(reference.q_hat, q_hat, p_hat, sh, entropic_rule).s - overlap;
      };
      double lo = -2.0, hi = 2.0;
      while (residual(lo) > 0.0)
        lo *= 2.0, require(lo > -1e4, "Franz-Parisi: cannot fix S (lower)");
      while (residual(hi) < 0.0) hi *= 2.0, require(hi < 1e4, "Franz-Parisi: cannot fix S (upper)");
      std::uintmax_t max_iter = 200;
      auto tol = [](double x, double y) { return std::fabs(y - x) < 1e-13; };
      const auto [l, h] = boost::math::tools::toms748_solve(residual, lo, hi, tol, max_iter);
      require(max_iter < 200,
              "Franz-Parisi at alpha = {}: the S constraint (S_hat) did not converge", alpha);
      s_hat = 0.5 * (l + h);
      const auto ent = binary_entropic(reference.q_hat, q_hat, p_hat, s_hat, entropic_rule);
      q_new = ent.q;
      p_new = ent.p;
    }
    q_new = std::clamp(q_new, 0.0, 1.0 - 1e-9);
    p_new = std::clamp(p_new, -1.0 + 1e-9, 1.0 - 1e-9);
    const double change = std::fabs(q_new - q) + std::fabs(p_new - p);
    q += settings.damping * (q_new - q);
    p += settings.damping * (p_new - p);
    pt.iterations = it;
    pt.residual = change;
    if (change < settings.tolerance) break;
    require(
        it < settings.max_iterations,
        "Franz-Parisi at alpha = {}, S = {} did not converge in {} iterations (residual {:.3g})",
        alpha, overlap, settings.max_iterations, change);
  }
  enforce_geometry();
  if (alpha > 0.0) e = energetic_with_derivatives(integ, g, settings.fd_step, true);
  double entropic = 0.0;
  if (prior == WeightPrior::spherical) {
    entropic = 0.5 * std::log1p(-q) + (q - spherical_kappa(overlap, p, q_ref)) / (2.0 * (1.0 - q));
  } else {
    const auto ent = binary_entropic(reference.q_hat, q_hat, p_hat, s_hat, entropic_rule);
    entropic = -0.5 * q_hat * (1.0 - q) + p_hat * p - s_hat * overlap + ent.log_cosh;
  }
  pt.q = q;
  pt.p = p;
  pt.q_hat = q_hat;
  pt.p_hat = p_hat;
  pt.s_hat = s_hat;
  pt.free_entropy = entropic + alpha * e.value;
  // Physical bound: no overlap shell around a typical solution holds more solutions than the
  // whole equilibrium measure (F_FP(S) <= F_eq, equality at S = q̃). 1e-4 covers quadrature noise.
  require(alpha == 0.0 || pt.free_entropy <= reference.free_entropy + 1e-4,
          "Franz-Parisi at alpha = {}, S = {}: F_FP = {:.6g} exceeds the equilibrium free entropy "
          "{:.6g} "
          "(unphysical branch; try a finer quadrature)",
          alpha, overlap, pt.free_entropy, reference.free_entropy);
  return pt;
}

FpCurve franz_parisi_curve(const Kernel& kernel, WeightPrior prior, double alpha, double d_min,
                           double d_max, int points, const FpSettings& settings) {
  require(points >= 1, "need at least one point (got {})", points);
  require(d_min > 0.0 && d_min <= d_max && d_max < 0.5,
          "need 0 < d-min <= d-max < 0.5 (got {}, {})", d_min, d_max);
  require(alpha > 0.0,
          "Franz-Parisi needs alpha > 0 (at alpha = 0 the entropy is the alpha = 0 count)");
  FpCurve curve;
  curve.reference = solve_rs(kernel, prior, alpha);
  const double d_ref = (1.0 - curve.reference.q) / 2.0;
  require(d_max < d_ref,
          "d-max must lie below the typical distance (1 - q_ref)/2 = {:.4f} (S > q_ref branch)",
          d_ref);
  curve.points.resize(static_cast<std::size_t>(points));
  const FpPoint* previous = nullptr;
  for (int i = points - 1; i >= 0; --i) {  // from large d (S near q̃) towards d → 0
    const double d = points == 1 ? d_min : d_min + (d_max - d_min) * i / (points - 1);
    auto& slot = curve.points[static_cast<std::size_t>(i)];
    slot = franz_parisi_point(kernel, prior, alpha, 1.0 - 2.0 * d, curve.reference, settings,
                              previous);
    previous = &slot;
  }
  // d*: the largest-distance sign change from F > 0 to F < 0 as d decreases, refined by bisection.
  for (int i = points - 1; i >= 1; --i) {
    const auto& far = curve.points[static_cast<std::size_t>(i)];
    const auto& near = curve.points[static_cast<std::size_t>(i - 1)];
    if (far.free_entropy > 0.0 && near.free_entropy <= 0.0) {
      FpPoint warm = far;
      auto f = [&](double d) {
        warm = franz_parisi_point(kernel, prior, alpha, 1.0 - 2.0 * d, curve.reference, settings,
                                  &warm);
        return warm.free_entropy;
      };
      std::uintmax_t max_iter = 60;
      auto tol = [](double x, double y) { return std::fabs(y - x) < 1e-6; };
      const auto [l, h] = boost::math::tools::toms748_solve(
          f, near.distance, far.distance, near.free_entropy, far.free_entropy, tol, max_iter);
      require(max_iter < 60, "Franz-Parisi: the d* root search did not converge");
      curve.d_star = 0.5 * (l + h);
      break;
    }
  }
  return curve;
}

}  // namespace robens::theory
