#pragma once
// The two number representations of BP messages (docs/fbp.md, "Numerics"): TanhMag stores the field
// atanh(m) (precise, default), PlainMag stores m itself (faster, inaccurate near |m| = 1). Both
// expose the same static operations, so the message-passing engine is written once as a template.
// MessageFormat (io/message_file.hpp) names them in message files.
#include <algorithm>
#include <cmath>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/io/message_file.hpp"
#include "robens/math/special_functions.hpp"

namespace robens {

struct TanhMag {
  static constexpr MessageFormat format = MessageFormat::tanh;
  static double from_real(double m) { return bp::clamp_field(std::atanh(m)); }
  static double forced(double m) { return std::atanh(m); }  // ±1 → ±∞, no clamp
  static double from_field(double t) { return t; }
  static double to_real(double a) { return std::tanh(a); }
  static double from_probs(double pp, double pm) {
    return bp::clamp_field(0.5 * (std::log(pp) - std::log(pm)));
  }
  static double combine(double a, double b) { return a + b; }
  static double cavity(double a, double b) { return a == b ? 0.0 : a - b; }
  static double product(double a, double b) { return bp::field_product(a, b); }
  static double power(double a, double s) { return s == 0 ? 0.0 : s * a; }
  static double damp(double fresh, double old, double lambda) {
    if (lambda == 0) return fresh;  // avoids ∞·0 (docs/fbp.md, reference behaviour Q4)
    const double d = (1 - lambda) * fresh + lambda * old;
    return std::isnan(d) ? fresh : d;  // +∞ mixed with −∞: keep the new message
  }
  static double merf(double x) { return math::atanh_erf(x); }
  static double erfmix(double H, double xp, double xm) {
    if (H == 0) return 0.0;
    return bp::aux_mix(H, math::atanh_erf(xp), math::atanh_erf(xm));
  }
  static double exactmix(double H, double ep, double em) { return bp::aux_mix(H, ep, em); }
  static double log1pxy(double a, double b) { return bp::log1pxy(a, b); }
  static double cross_entropy(double x, double y) { return bp::cross_entropy(x, y); }
  // Accumulates log Σ_s Π_j (1 + s tanh u_j)/2 (infinite fields only matter when two of them
  // disagree; docs/fbp.md, reference behaviour Q3).
  struct LogZ {
    double s1 = 0, s2 = 0, s3 = 0;
    bool pos_inf = false, neg_inf = false;
    void add(double u) {
      if (std::isinf(u)) {
        (u > 0 ? pos_inf : neg_inf) = true;
        return;
      }
      s1 += u;
      s2 += std::fabs(u);
      s3 += math::log1p_exp_m2abs(u);
    }
    double value() const {
      if (pos_inf && neg_inf) return -bp::kInf;
      return std::fabs(s1) - s2 + math::log1p_exp_m2abs(s1) - s3;
    }
  };
};

struct PlainMag {
  static constexpr MessageFormat format = MessageFormat::plain;
  static double from_real(double m) { return m; }
  static double forced(double m) { return m; }
  static double from_field(double t) { return std::tanh(t); }
  static double to_real(double m) { return m; }
  static double from_probs(double pp, double pm) { return (pp - pm) / (pp + pm); }
  static double combine(double a, double b) { return (a + b) / std::fma(a, b, 1.0); }
  static double cavity(double a, double b) { return a == b ? 0.0 : (a - b) / (1.0 - a * b); }
  static double product(double a, double b) { return a * b; }
  static double power(double m, double s) { return s == 0 ? 0.0 : std::tanh(s * std::atanh(m)); }
  static double damp(double fresh, double old, double lambda) {
    return lambda == 0 ? fresh : (1 - lambda) * fresh + lambda * old;
  }
  static double merf(double x) { return std::erf(x); }
  static double erfmix(double eta, double xp, double xm) {
    const double ep = std::erf(xp), em = std::erf(xm);
    return eta * (ep - em) / (2.0 + eta * (ep + em));
  }
  static double exactmix(double eta, double ep, double em) {
    const double d = 0.5 * (ep + em), z = 0.5 * (ep - em);
    return z * eta / (1.0 + d * eta);
  }
  static double log1pxy(double a, double b) { return std::log(0.5 * (1.0 + a * b)); }
  static double cross_entropy(double x, double y) {
    return -x * std::atanh(y) - 0.5 * std::log(1.0 - y * y) + math::kLog2;
  }
  struct LogZ {
    double lp = 0, lm = 0;  // Σ log((1 ± u)/2)
    void add(double u) {
      lp += std::log(0.5 * (1.0 + u));
      lm += std::log(0.5 * (1.0 - u));
    }
    double value() const {
      const double hi = std::max(lp, lm), lo = std::min(lp, lm);
      if (std::isinf(hi) && hi < 0) return hi;
      return hi + std::log1p(std::exp(lo - hi));
    }
  };
};

}  // namespace robens
