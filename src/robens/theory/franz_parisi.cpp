#include "robens/theory/franz_parisi.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "robens/core/error.hpp"
#include "robens/math/gaussian_quadrature.hpp"
#include "robens/math/root_finding.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/theory/quadrature_nodes.hpp"

namespace robens::theory {
namespace {

constexpr double kHalfWidth = 10.0;  // all Gaussian integrals on [−10, 10]
constexpr double kMinD2 = 1e-4;  // keep the free Gaussian direction D² = c − A² − B² away from 0

// Effective overlaps of the energetic term (docs/theory.md, "Equations", Franz–Parisi).
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
      : outer_(math::trapezoid_rule(static_cast<std::size_t>(s.outer_nodes), kHalfWidth)),
        inner_(math::trapezoid_rule(static_cast<std::size_t>(s.inner_nodes), kHalfWidth)),
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
        sum += inner_.weights[k] * math::log_gauss_tail(-(y + d * inner_.nodes[k]) * scale);
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
        const double w = (k == 0 || k + 1 == eta_nodes_ ? 0.5 : 1.0) * math::gauss_density(eta);
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
  math::GaussianRule outer_, inner_;
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
                               const math::GaussianRule& rule) {
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
      e.log_cosh += w * (1.0 + tx) * math::log_two_cosh(arg);
    }
  }
  return e;
}

void check_point_inputs(double alpha, double overlap, double q_ref, const FpSettings& settings) {
  require(std::isfinite(alpha) && alpha >= 0.0, "alpha must be a finite number >= 0 (got {})",
          alpha);
  require(overlap > -1.0 && overlap < 1.0, "overlap S must lie in (-1, 1) (got {})", overlap);
  checked_nodes(settings.outer_nodes, "outer_nodes", 5);
  checked_nodes(settings.inner_nodes, "inner_nodes", 5);
  checked_nodes(settings.eta_nodes, "eta_nodes", 5);
  checked_nodes(settings.table_points, "table_points", 5);
  require(settings.damping > 0.0 && settings.damping <= 1.0, "damping must lie in (0, 1]");
  require(q_ref >= 0.0 && q_ref < 1.0 && (q_ref > 0.0 || alpha == 0.0),
          "the reference RS overlap must lie in (0, 1) (got {})", q_ref);
}

// The damped fixed-point iteration on (q, p) of one point, with the binary conjugates
// (q̂, p̂, Ŝ) and the energetic derivatives of the current iterate.
class FpSolver {
 public:
  FpSolver(const Kernel& kernel, WeightPrior prior, double alpha, double overlap,
           const RsSaddlePoint& reference, const FpSettings& settings, const FpPoint* start)
      : kernel_(kernel),
        prior_(prior),
        alpha_(alpha),
        overlap_(overlap),
        q_ref_(reference.q),
        q_hat_ref_(reference.q_hat),
        settings_(settings),
        integ_(settings),
        entropic_rule_(
            math::trapezoid_rule(static_cast<std::size_t>(settings.inner_nodes), kHalfWidth)) {
    q_ = std::min(std::max(overlap * overlap, q_ref_) + 0.01, 0.999);
    p_ = overlap * q_ref_;
    if (start != nullptr && start->q > 0.0) q_ = start->q, p_ = start->p;
    g_.c_ref = kernel.phi(q_ref_);
    g_.c_s = kernel.phi(overlap);
  }

  // Iterates to the tolerance; records iterations and the last change in `pt`.
  void iterate(FpPoint& pt) {
    for (int it = 1; it <= settings_.max_iterations; ++it) {
      enforce_geometry();
      // At α = 0 the energetic term is absent (and undefined for q̃ = 0).
      if (alpha_ > 0.0) e_ = energetic_with_derivatives(integ_, g_, settings_.fd_step, false);
      auto [q_new, p_new] = prior_ == WeightPrior::spherical ? spherical_update() : binary_update();
      q_new = std::clamp(q_new, 0.0, 1.0 - 1e-9);
      p_new = std::clamp(p_new, -1.0 + 1e-9, 1.0 - 1e-9);
      const double change = std::fabs(q_new - q_) + std::fabs(p_new - p_);
      q_ += settings_.damping * (q_new - q_);
      p_ += settings_.damping * (p_new - p_);
      pt.iterations = it;
      pt.residual = change;
      if (change < settings_.tolerance) break;
      require(
          it < settings_.max_iterations,
          "Franz-Parisi at alpha = {}, S = {} did not converge in {} iterations (residual {:.3g})",
          alpha_, overlap_, settings_.max_iterations, change);
    }
  }

  // Stores the converged overlaps, conjugates and F_FP = G_S + α G_E in `pt`.
  void finish(FpPoint& pt) {
    enforce_geometry();
    if (alpha_ > 0.0) e_ = energetic_with_derivatives(integ_, g_, settings_.fd_step, true);
    pt.q = q_;
    pt.p = p_;
    pt.q_hat = q_hat_;
    pt.p_hat = p_hat_;
    pt.s_hat = s_hat_;
    pt.free_entropy = entropic() + alpha_ * e_.value;
  }

 private:
  bool geometry_ok() {
    g_.c = kernel_.phi(q_);
    g_.c_p = kernel_.phi(p_);
    return alpha_ == 0.0 || g_.d2() >= kMinD2;
  }
  void enforce_geometry() {
    for (int guard = 0; !geometry_ok(); ++guard) {
      require(guard < 200, "Franz-Parisi at alpha = {}, S = {}: no admissible overlap q", alpha_,
              overlap_);
      q_ += 0.1 * (1.0 - q_);
    }
  }

  std::pair<double, double> spherical_update() const {
    const double q_new = spherical_kappa(overlap_, p_, q_ref_) -
                         2.0 * alpha_ * (1.0 - q_) * (1.0 - q_) * kernel_.dphi(q_) * e_.d_c;
    const double p_new = overlap_ * q_ref_ - alpha_ * (1.0 - q_ref_) * (1.0 - q_ref_) * (1.0 - q_) *
                                                 kernel_.dphi(p_) * e_.d_cp;
    return {q_new, p_new};
  }

  std::pair<double, double> binary_update() {
    q_hat_ = -2.0 * alpha_ * kernel_.dphi(q_) * e_.d_c;
    p_hat_ = -alpha_ * kernel_.dphi(p_) * e_.d_cp;
    s_hat_ = solve_s_hat();
    const auto ent = binary_entropic(q_hat_ref_, q_hat_, p_hat_, s_hat_, entropic_rule_);
    return {ent.q, ent.p};
  }

  // Ŝ from the overlap constraint ∫ (1 + tanh x) tanh w = S, by bracketing and TOMS 748.
  double solve_s_hat() const {
    auto residual = [&](double sh) {
      return binary_entropic(q_hat_ref_, q_hat_, p_hat_, sh, entropic_rule_).s - overlap_;
    };
    double lo = -2.0, hi = 2.0;
    while (residual(lo) > 0.0) lo *= 2.0, require(lo > -1e4, "Franz-Parisi: cannot fix S (lower)");
    while (residual(hi) < 0.0) hi *= 2.0, require(hi < 1e4, "Franz-Parisi: cannot fix S (upper)");
    const auto root = math::toms748_root(residual, lo, hi, {1e-13}, 200);
    require(root.converged, "Franz-Parisi at alpha = {}: the S constraint (S_hat) did not converge",
            alpha_);
    return root.midpoint();
  }

  double entropic() const {
    if (prior_ == WeightPrior::spherical)
      return 0.5 * std::log1p(-q_) +
             (q_ - spherical_kappa(overlap_, p_, q_ref_)) / (2.0 * (1.0 - q_));
    const auto ent = binary_entropic(q_hat_ref_, q_hat_, p_hat_, s_hat_, entropic_rule_);
    return -0.5 * q_hat_ * (1.0 - q_) + p_hat_ * p_ - s_hat_ * overlap_ + ent.log_cosh;
  }

  const Kernel& kernel_;
  WeightPrior prior_;
  double alpha_, overlap_, q_ref_, q_hat_ref_;
  const FpSettings& settings_;
  const EnergeticIntegrator integ_;
  const math::GaussianRule entropic_rule_;
  FpGeometry g_;
  double q_ = 0.0, p_ = 0.0;
  double q_hat_ = 0.0, p_hat_ = 0.0, s_hat_ = 0.0;
  EnergeticDerivatives e_;
};

}  // namespace

FpPoint franz_parisi_point(const Kernel& kernel, WeightPrior prior, double alpha, double overlap,
                           const RsSaddlePoint& reference, const FpSettings& settings,
                           const FpPoint* start) {
  check_point_inputs(alpha, overlap, reference.q, settings);
  FpPoint pt;
  pt.overlap = overlap;
  pt.distance = (1.0 - overlap) / 2.0;
  pt.alpha_zero = prior == WeightPrior::binary ? math::binary_entropy(pt.distance)
                                               : 0.5 * std::log1p(-overlap * overlap);
  FpSolver solver(kernel, prior, alpha, overlap, reference, settings, start);
  solver.iterate(pt);
  solver.finish(pt);
  // Physical bound: no overlap shell around a typical solution holds more solutions than the
  // whole equilibrium measure (F_FP(S) <= F_eq, equality at S = q̃). 1e-4 covers quadrature noise.
  require(alpha == 0.0 || pt.free_entropy <= reference.free_entropy + 1e-4,
          "Franz-Parisi at alpha = {}, S = {}: F_FP = {:.6g} exceeds the equilibrium free entropy "
          "{:.6g} (unphysical branch; try a finer quadrature)",
          alpha, overlap, pt.free_entropy, reference.free_entropy);
  return pt;
}

FpCurve franz_parisi_curve(const Kernel& kernel, WeightPrior prior, double alpha, double d_min,
                           double d_max, int points, const FpSettings& settings) {
  check_curve_points(points);
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
      const auto root = math::toms748_root(f, near.distance, far.distance, near.free_entropy,
                                           far.free_entropy, {1e-6}, 60);
      require(root.converged, "Franz-Parisi: the d* root search did not converge");
      curve.d_star = root.midpoint();
      break;
    }
  }
  return curve;
}

}  // namespace robens::theory
