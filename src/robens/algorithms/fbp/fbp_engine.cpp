#include "robens/algorithms/fbp/fbp_engine.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/algorithms/fbp/fbp_fast_kernels.hpp"
#include "robens/algorithms/fbp/fbp_magnetization.hpp"
#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/models/committee.hpp"

namespace robens {

namespace {

constexpr double kTwoPi = 6.28318530717958647692;

// num/den for den ≥ 0, with a zero variance giving ±∞ (or 0 for 0/0, only possible for even
// fan-in).
inline double safe_ratio(double num, double den) {
  if (den > 0) return num / den;
  return num > 0 ? bp::kInf : (num < 0 ? -bp::kInf : 0.0);
}

using Gaussian = FbpEngine::FactorState;

// Pass 1 of a threshold factor in the Gaussian approximations (docs/fbp.md, "Algorithm"): cavities
// h and their magnetizations v, the sums S² and μ, and the new (damped) message U to the output.
// Returns the part of the convergence metric that comes from U (only counted for `none`).
template <class Mag>
double prepare_gaussian(const double* m, const double* u, const std::int8_t* xi, std::size_t n,
                        double* h, double* v, double Mtot, double& U, FactorAccuracy acc,
                        double lambda, Gaussian& g) {
  g.H = Mag::cavity(Mtot, U);
  double S2 = 0, mu = 0;
  if constexpr (std::is_same_v<Mag, TanhMag>) {
    cavity_magnetizations(m, u, xi, n, h, v, S2, mu);  // vectorised
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      h[i] = Mag::cavity(m[i], u[i]);
      v[i] = Mag::to_real(h[i]);
      S2 += 1.0 - v[i] * v[i];
      mu += xi[i] * v[i];
    }
  }
  g.S2 = S2;
  g.mu = mu;
  const double fresh = Mag::merf(safe_ratio(mu, std::sqrt(2.0 * S2)));
  double diff = 0;
  if (acc == FactorAccuracy::none) diff = std::fabs(Mag::to_real(U) - Mag::to_real(fresh));
  U = Mag::damp(fresh, U, lambda);
  if (acc == FactorAccuracy::none && S2 > 0) {
    const double eta = Mag::to_real(g.H), Ur = Mag::to_real(U);
    const double gauss = std::exp(-mu * mu / (2.0 * S2)) / std::sqrt(kTwoPi * S2);
    g.p0 = 2.0 * eta * gauss / (1.0 + eta * Ur);
    g.pmu = g.p0 * (g.p0 + mu / S2);
    // μ/S² as in the reference (docs/fbp.md, reference behaviour Q1).
    g.psig = g.p0 * (1.0 - mu / S2 - mu * g.p0) / (2.0 * S2);
  } else {
    g.p0 = g.pmu = g.psig = 0;
  }
  return diff;
}

// The accurate message to input j with the exact special functions (docs/fbp.md, "Algorithm").
template <class Mag>
inline double accurate_edge_field(const Gaussian& g, double xi, double v) {
  const double mubar = g.mu - xi * v;
  const double s = std::sqrt(2.0 * std::max(0.0, g.S2 - (1.0 - v * v)));
  return Mag::erfmix(g.H, safe_ratio(mubar + xi, s), safe_ratio(mubar - xi, s));
}

// Change of an accurate message (magnetization difference), or 0 when it cannot exceed
// `known_max` (the caller keeps a maximum, so skipping the two tanh calls then leaves that maximum
// exactly unchanged): |tanh a − tanh b| ≤ |a − b| (equality in the plain form); the margin
// covers rounding.
template <class Mag>
inline double accurate_change(double fresh, double u, double known_max) {
  const double bound = std::fabs(fresh - u);
  return bound * (1.0 + 1e-9) <= known_max ? 0.0 : std::fabs(Mag::to_real(fresh) - Mag::to_real(u));
}

// Pass 2 for one edge: the new message to input j, damped; updates the input's total marginal.
// Returns the change of the message (0 if it cannot exceed `known_max`, see accurate_change).
template <class Mag>
inline double update_edge(const Gaussian& g, FactorAccuracy acc, double xi, double h, double v,
                          double& u, double& m, double lambda, double known_max) {
  double fresh = 0, diff = 0;
  if (acc == FactorAccuracy::accurate) {
    fresh = accurate_edge_field<Mag>(g, xi, v);
    diff = accurate_change<Mag>(fresh, u, known_max);
  } else {
    constexpr double kEdge = 1.0 - 3e-16;
    const double real =
        std::clamp(xi * g.p0 + v * g.pmu + xi * (1.0 - v * v) * g.psig, -kEdge, kEdge);
    fresh = Mag::from_real(real);
    diff = std::fabs(fresh - u);  // raw difference, as the reference does for `none`
  }
  u = Mag::damp(fresh, u, lambda);
  m = Mag::combine(h, u);
  return diff;
}

// Distribution of the number of +1 contributions among the inputs, prefix (L_j: inputs < j) and
// suffix (R_j: inputs ≥ j) tables with the suffixes' cumulative sums from below and above.
struct CountTables {
  std::size_t n;
  double *L, *R, *Rlo, *Rhi;
  static std::size_t offset(std::size_t len) { return len * (len - 1) / 2; }  // table of length len
  double* prefix(std::size_t j) const { return L + offset(j + 1); }           // length j + 1
  double* suffix(std::size_t j) const { return R + offset(n - j + 1); }       // length n − j + 1
  double* suffix_lo(std::size_t j) const { return Rlo + offset(n - j + 1); }
  double* suffix_hi(std::size_t j) const { return Rhi + offset(n - j + 1); }
};

CountTables build_count_tables(const double* v, const std::int8_t* xi, std::size_t n,
                               std::vector<double>& buf) {
  const std::size_t tri = (n + 1) * (n + 2) / 2;
  if (buf.size() < 4 * tri) buf.resize(4 * tri);
  CountTables t{n, buf.data(), buf.data() + tri, buf.data() + 2 * tri, buf.data() + 3 * tri};
  t.prefix(0)[0] = 1.0;
  for (std::size_t j = 1; j <= n; ++j) {
    const double pp = 0.5 * (1.0 + xi[j - 1] * v[j - 1]), pm = 0.5 * (1.0 - xi[j - 1] * v[j - 1]);
    const double* prev = t.prefix(j - 1);
    double* cur = t.prefix(j);
    for (std::size_t c = 0; c <= j; ++c)
      cur[c] = (c < j ? prev[c] * pm : 0.0) + (c > 0 ? prev[c - 1] * pp : 0.0);
  }
  t.suffix(n)[0] = 1.0;
  for (std::size_t jj = n; jj-- > 0;) {
    const double pp = 0.5 * (1.0 + xi[jj] * v[jj]), pm = 0.5 * (1.0 - xi[jj] * v[jj]);
    const double* prev = t.suffix(jj + 1);  // length n − jj
    double* cur = t.suffix(jj);             // length n − jj + 1
    const std::size_t len = n - jj + 1;
    for (std::size_t c = 0; c < len; ++c)
      cur[c] = (c < len - 1 ? prev[c] * pm : 0.0) + (c > 0 ? prev[c - 1] * pp : 0.0);
  }
  for (std::size_t j = 0; j <= n; ++j) {
    const std::size_t len = n - j + 1;
    const double* r = t.suffix(j);
    double *lo = t.suffix_lo(j), *hi = t.suffix_hi(j);
    double acc = 0;
    for (std::size_t c = 0; c < len; ++c) lo[c] = (acc += r[c]);
    acc = 0;
    for (std::size_t c = len; c-- > 0;) hi[c] = (acc += r[c]);
  }
  return t;
}

// Exact threshold factor (docs/fbp.md, "Algorithm"), n odd. update_M: also set the output's total
// marginal.
template <class Mag>
double exact_factor(double* m, double& Mtot, bool update_M, const std::int8_t* xi, double* u,
                    double& U, std::size_t n, double lambda, double* h, double* v,
                    std::vector<double>& buf) {
  const double H = Mag::cavity(Mtot, U);
  for (std::size_t j = 0; j < n; ++j) {
    h[j] = Mag::cavity(m[j], u[j]);
    v[j] = Mag::to_real(h[j]);
  }
  const CountTables t = build_count_tables(v, xi, n, buf);
  const std::size_t zc = (n - 1) / 2;
  const double* all = t.suffix(0);  // length n + 1
  double Pm = 0, Pp = 0;
  for (std::size_t c = 0; c <= zc; ++c) Pm += all[c];
  for (std::size_t c = zc + 1; c <= n; ++c) Pp += all[c];
  U = Mag::damp(Mag::from_probs(Pp, Pm), U, lambda);
  if (update_M) Mtot = Mag::combine(H, U);
  double diff = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const double* Lj = t.prefix(j);  // inputs < j, length j + 1
    const double *r = t.suffix(j + 1), *lo = t.suffix_lo(j + 1),
                 *hi = t.suffix_hi(j + 1);  // inputs > j
    const long rlen = static_cast<long>(n - j);
    double P0 = 0, Pplus = 0, Pminus = 0;
    for (std::size_t c = 0; c <= j; ++c) {
      const double w = Lj[c];
      if (w == 0) continue;
      const long need =
          static_cast<long>(zc) - static_cast<long>(c);  // others' count for a zero sum
      if (need >= 0 && need < rlen) P0 += w * r[need];
      if (need - 1 >= 0) Pminus += w * lo[std::min(need - 1, rlen - 1)];
      if (need + 1 < rlen) Pplus += w * hi[std::max(need + 1, 0L)];
    }
    const double xj = xi[j];
    const double ep = std::clamp(Pplus + xj * P0 - Pminus, -1.0, 1.0);
    const double em = std::clamp(Pplus - xj * P0 - Pminus, -1.0, 1.0);
    const double fresh = Mag::exactmix(H, Mag::from_real(ep), Mag::from_real(em));
    diff = std::max(diff, std::fabs(Mag::to_real(fresh) - Mag::to_real(u[j])));
    u[j] = Mag::damp(fresh, u[j], lambda);
  }
  for (std::size_t j = 0; j < n; ++j) m[j] = Mag::combine(h[j], u[j]);
  return diff;
}

// P(Σ > 0), P(Σ < 0) for Σ = Σ_k τ_k with independent τ_k of magnetization v_k (odd count).
void majority_probs(const double* v, std::size_t n, std::vector<double>& dist, double& Pp,
                    double& Pm) {
  dist.assign(n + 1, 0.0);
  dist[0] = 1.0;
  for (std::size_t j = 0; j < n; ++j) {
    const double pp = 0.5 * (1.0 + v[j]), pm = 0.5 * (1.0 - v[j]);
    for (std::size_t c = j + 2; c-- > 0;)
      dist[c] = dist[c] * pm + (c > 0 ? dist[c - 1] * pp : 0.0);  // c = j+1 … 0
  }
  Pp = Pm = 0;
  for (std::size_t c = 0; c <= n; ++c) (2 * c > n ? Pp : Pm) += dist[c];
}

}  // namespace

FbpEngine::FbpEngine(const PatternSet& patterns, const NetworkShape& shape, FbpMessages messages,
                     const Config& config)
    : n_(messages.n),
      k_(messages.k),
      m_(messages.m),
      ones_(messages.k, 1),
      inputs_(patterns, shape),
      shape_(shape),
      msg_(std::move(messages)),
      config_(config) {
  require(shape.architecture == Architecture::fully_connected || shape.units == 1,
          "fBP/rBP support fully connected committees and perceptrons only (got a tree committee)");
  require(shape.activation == Activation::sign, "fBP/rBP need sign hidden units (got relu)");
  require(shape.inputs == n_ && shape.units == k_ && patterns.size() == m_,
          "messages are for N={} K={} M={} but the problem has N={} K={} M={}", n_, k_, m_,
          shape.inputs, shape.units, patterns.size());
  require(config.damping >= 0 && config.damping < 1, "damping must be in [0, 1) (got {})",
          config.damping);
  if (config.accuracy1 == FactorAccuracy::exact)
    require(n_ % 2 == 1, "accuracy1 = exact needs an odd number of inputs N (got {})", n_);
  if (config.accuracy2 == FactorAccuracy::exact)
    require(k_ % 2 == 1, "accuracy2 = exact needs an odd number of hidden units K (got {})", k_);
  xi_.resize(m_ * n_);
  labels_.resize(m_);
  for (std::size_t a = 0; a < m_; ++a) {
    labels_[a] = patterns.labels[a];
    for (std::size_t i = 0; i < n_; ++i)
      xi_[a * n_ + i] = static_cast<std::int8_t>(patterns.inputs.get(a, i));
  }
  h_.resize(k_ * n_);
  v_.resize(k_ * n_);
  factors_.resize(k_);
  fast_factors_.resize(k_);
  xi_real_.resize(n_);
  order_.resize(m_ + k_ * n_);
}

void FbpEngine::set_focusing(double gamma, double y) {
  rule_ = FocusingRule::focusing;
  gamma_ = gamma;
  y_ = y;
}

void FbpEngine::set_reinforcement(double rho) {
  rule_ = FocusingRule::reinforcement;
  rho_ = rho;
}

void FbpEngine::set_outfields() {
  for (std::size_t a = 0; a < m_; ++a) {
    const double s = labels_[a];
    msg_.mt2[a] = msg_.format == MessageFormat::tanh ? TanhMag::forced(s) : PlainMag::forced(s);
  }
}

double FbpEngine::sweep(Rng& rng) {
  return msg_.format == MessageFormat::tanh ? sweep_impl<TanhMag>(rng) : sweep_impl<PlainMag>(rng);
}

template <class Mag>
double FbpEngine::sweep_impl(Rng& rng) {
  std::iota(order_.begin(), order_.end(), 0U);
  rng.shuffle(std::span<std::uint32_t>(order_));
  const bool focusing_active = rule_ == FocusingRule::reinforcement || (y_ != 1 && gamma_ != 0);
  double diff = 0;
  bool nan_seen = false;
  auto fold = [&](double d) {
    if (std::isnan(d)) nan_seen = true;
    if (d > diff) diff = d;
  };
  for (std::uint32_t e : order_) {
    if (e < m_) {
      fold(update_layer1<Mag>(e, diff));
      fold(update_layer2<Mag>(e));
    } else if (focusing_active) {
      fold(update_focusing<Mag>(e - m_));
    }
  }
  require(!nan_seen, "belief propagation produced NaN messages (try damping, or the tanh format)");
  return diff;
}

template <class Mag>
double FbpEngine::update_layer1(std::size_t a, double known_max) {
  const std::int8_t* xi = &xi_[a * n_];
  const double lambda = config_.damping;
  double diff = 0;
  if (config_.accuracy1 == FactorAccuracy::exact) {
    for (std::size_t k = 0; k < k_; ++k) {
      const std::size_t f = a * k_ + k;
      diff = std::max(diff,
                      exact_factor<Mag>(&msg_.mw[k * n_], msg_.mt1[f], true, xi, &msg_.uw[f * n_],
                                        msg_.Ut1[f], n_, lambda, h_.data(), v_.data(), exact_buf_));
    }
    return diff;
  }
  const FactorAccuracy acc = config_.accuracy1;
  for (std::size_t k = 0; k < k_; ++k) {
    const std::size_t f = a * k_ + k;
    Gaussian& g = factors_[k];
    diff = std::max(diff,
                    prepare_gaussian<Mag>(&msg_.mw[k * n_], &msg_.uw[f * n_], xi, n_, &h_[k * n_],
                                          &v_[k * n_], msg_.mt1[f], msg_.Ut1[f], acc, lambda, g));
    msg_.mt1[f] = Mag::combine(g.H, msg_.Ut1[f]);
  }
  if constexpr (std::is_same_v<Mag, TanhMag>)
    if (acc == FactorAccuracy::accurate) return std::max(diff, update_edges_fast(a, known_max));
  // The K·N edge updates read only the fixed cavities above and write disjoint messages.
  const long edges = static_cast<long>(k_ * n_);
  double* uw = &msg_.uw[a * k_ * n_];
  double* mw = msg_.mw.data();
  const double* h = h_.data();
  const double* v = v_.data();
  const Gaussian* gs = factors_.data();
  const std::size_t n = n_;
  const int threads = config_.threads > 0 ? config_.threads : omp_get_max_threads();
  double edge_diff = 0;
#pragma omp parallel for schedule(static) reduction(max          \
                                                    : edge_diff) \
    num_threads(threads) if (threads > 1 && edges >= 512)
  for (long e = 0; e < edges; ++e) {
    const auto j = static_cast<std::size_t>(e);
    const std::size_t k = j / n, i = j % n;
    const double d = update_edge<Mag>(gs[k], acc, xi[i], h[j], v[j], uw[j], mw[j], lambda,
                                      std::max(edge_diff, known_max));
    edge_diff =
        std::isnan(d) ? bp::kInf : std::max(edge_diff, d);  // NaN is caught on the messages below
  }
  for (long e = 0; e < edges; ++e)
    if (std::isnan(uw[e])) return std::numeric_limits<double>::quiet_NaN();
  return std::max(diff, edge_diff);
}

double FbpEngine::update_edges_fast(std::size_t a, double known_max) {
  for (std::size_t k = 0; k < k_; ++k) {
    const Gaussian& g = factors_[k];
    const double aH = std::fabs(g.H);
    fast_factors_[k] = {g.mu, g.S2, g.H > 0 ? 1.0 : -1.0, std::tanh(aH),
                        2.0 / (1.0 + std::exp(2.0 * aH))};
  }
  const std::int8_t* xi = &xi_[a * n_];
  std::copy(xi, xi + n_, xi_real_.begin());
  double* uw = &msg_.uw[a * k_ * n_];
  double* mw = msg_.mw.data();
  const double* h = h_.data();
  const double* v = v_.data();
  const double lambda = config_.damping;
  const std::size_t n = n_;
  // Blocks of edges within one hidden unit: a vectorised pass computes the new messages, the
  // edges it flags are recomputed exactly, and a second vectorised pass damps them and updates
  // the marginals. Everything per edge is independent of the block's thread.
  constexpr std::size_t kBlock = 64;
  const std::size_t blocks_per_unit = (n + kBlock - 1) / kBlock;
  const long blocks = static_cast<long>(k_ * blocks_per_unit);
  const int threads = config_.threads > 0 ? config_.threads : omp_get_max_threads();
  double edge_diff = 0;
  bool nan_seen = false;
#pragma omp parallel for schedule(static) reduction(max                                \
                                                    : edge_diff) reduction(||          \
                                                                           : nan_seen) \
    num_threads(threads) if (threads > 1 && k_ * n >= 512)
  for (long b = 0; b < blocks; ++b) {
    const std::size_t k = static_cast<std::size_t>(b) / blocks_per_unit;
    const std::size_t begin = static_cast<std::size_t>(b) % blocks_per_unit * kBlock;
    const std::size_t len = std::min(kBlock, n - begin), j0 = k * n + begin;
    const Gaussian& g = factors_[k];
    double fresh[kBlock], old[kBlock];
    if (std::isfinite(g.H) && g.H != 0)
      gaussian_edge_fields(fast_factors_[k], xi_real_.data() + begin, v + j0, len, fresh);
    else
      std::fill_n(fresh, len, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < len; ++i)  // edges outside the fast formula's domain
      if (std::isnan(fresh[i]))
        fresh[i] = accurate_edge_field<TanhMag>(g, xi[begin + i], v[j0 + i]);
    bool block_nan = false;
    const double largest_bound =
        damp_edges(fresh, h + j0, len, lambda, uw + j0, mw + j0, old, block_nan);
    nan_seen = nan_seen || block_nan;
    // The exact changes (two tanh each) only where the bound could raise the maximum.
    if (largest_bound * (1.0 + 1e-9) > std::max(edge_diff, known_max))
      for (std::size_t i = 0; i < len; ++i)
        edge_diff = std::max(
            edge_diff, accurate_change<TanhMag>(fresh[i], old[i], std::max(edge_diff, known_max)));
  }
  return nan_seen ? std::numeric_limits<double>::quiet_NaN() : edge_diff;
}

template <class Mag>
double FbpEngine::update_layer2(std::size_t a) {
  double* m = &msg_.mt1[a * k_];
  double* u = &msg_.ut1[a * k_];
  double out = msg_.mt2[a];  // kept fixed, the returned total discarded (docs/fbp.md, Q8)
  double U = 0;              // the message up to the output is not stored
  const double lambda = config_.damping;
  if (config_.accuracy2 == FactorAccuracy::exact)
    return exact_factor<Mag>(m, out, false, ones_.data(), u, U, k_, lambda, h_.data(), v_.data(),
                             exact_buf_);
  Gaussian g;
  double diff = prepare_gaussian<Mag>(m, u, ones_.data(), k_, h_.data(), v_.data(), out, U,
                                      config_.accuracy2, lambda, g);
  for (std::size_t k = 0; k < k_; ++k)
    diff = std::max(
        diff, update_edge<Mag>(g, config_.accuracy2, 1.0, h_[k], v_[k], u[k], m[k], lambda, diff));
  return diff;
}

template <class Mag>
double FbpEngine::update_focusing(std::size_t j) {
  double& ux = msg_.ux[j];
  double& mw = msg_.mw[j];
  const double h = Mag::cavity(mw, ux);
  double fresh = 0;
  if (rule_ == FocusingRule::reinforcement) {
    fresh = Mag::power(mw, rho_);  // Eq. 8: from the total marginal
  } else if (std::isinf(y_)) {
    fresh = h == 0 ? 0.0 : Mag::from_field(h > 0 ? gamma_ : -gamma_);
  } else {
    const double pol = Mag::from_field(gamma_);
    fresh = Mag::product(pol, Mag::power(Mag::product(h, pol), y_ - 1.0));  // Eq. 7
  }
  const double diff = std::fabs(Mag::to_real(fresh) - Mag::to_real(ux));
  ux = Mag::damp(fresh, ux, config_.damping);
  mw = Mag::combine(h, ux);
  return diff;
}

BinaryNetwork FbpEngine::network() const {
  BinaryNetwork net(shape_);
  for (std::size_t k = 0; k < k_; ++k)
    for (std::size_t i = 0; i < n_; ++i)
      net.units[k].set(i, bp::sign0(msg_.mw[k * n_ + i]) > 0 ? 1 : -1);
  return net;
}

long FbpEngine::errors() const {
  return static_cast<long>(count_errors(network(), inputs_));
}

FbpThermodynamics FbpEngine::thermodynamics() const {
  require(rule_ == FocusingRule::focusing,
          "thermodynamic quantities are defined for fBP (Eq. 7) only");
  require(k_ % 2 == 1, "thermodynamic quantities need an odd number of hidden units K (got {})",
          k_);
  return msg_.format == MessageFormat::tanh ? thermodynamics_impl<TanhMag>()
                                            : thermodynamics_impl<PlainMag>();
}

template <class Mag>
FbpThermodynamics FbpEngine::thermodynamics_impl() const {
  const std::size_t sites = k_ * n_;
  const double pol = Mag::from_field(gamma_), r = y_ - 1.0;
  std::vector<typename Mag::LogZ> logz(sites);
  for (std::size_t j = 0; j < sites; ++j) logz[j].add(msg_.ux[j]);
  double F = 0;
  // First-layer factors (always the Gaussian formula), streaming the logZ sums of the weights.
  for (std::size_t a = 0; a < m_; ++a) {
    const std::int8_t* xi = &xi_[a * n_];
    for (std::size_t k = 0; k < k_; ++k) {
      const std::size_t f = a * k_ + k;
      const double* uw = &msg_.uw[f * n_];
      const double* mw = &msg_.mw[k * n_];
      double S2 = 0, mu = 0, edges = 0;
      for (std::size_t i = 0; i < n_; ++i) {
        const double h = Mag::cavity(mw[i], uw[i]);
        const double v = Mag::to_real(h);
        S2 += 1.0 - v * v;
        mu += xi[i] * v;
        edges += Mag::log1pxy(h, uw[i]);
        logz[k * n_ + i].add(uw[i]);
      }
      const double H = Mag::cavity(msg_.mt1[f], msg_.Ut1[f]);
      F += -Mag::log1pxy(H, Mag::merf(safe_ratio(mu, std::sqrt(2.0 * S2)))) + edges;
    }
  }
  // Second-layer factors (always exact).
  std::vector<double> hk(k_), vk(k_), dist;
  for (std::size_t a = 0; a < m_; ++a) {
    double edges = 0;
    for (std::size_t k = 0; k < k_; ++k) {
      hk[k] = Mag::cavity(msg_.mt1[a * k_ + k], msg_.ut1[a * k_ + k]);
      vk[k] = Mag::to_real(hk[k]);
      edges += Mag::log1pxy(hk[k], msg_.ut1[a * k_ + k]);
    }
    double Pp = 0, Pm = 0;
    majority_probs(vk.data(), k_, dist, Pp, Pm);
    F += -Mag::log1pxy(msg_.mt2[a], Mag::from_probs(Pp, Pm)) + edges;
  }
  // Weight sites with their focusing factor and the traced-out reference.
  const double minus_log_2cosh_gamma =
      -0.5 * math::kLog2 + 0.5 * Mag::log1pxy(pol, Mag::cavity(0.0, pol));
  double S = 0, q = 0, qt = 0;
  for (std::size_t j = 0; j < sites; ++j) {
    const double c = Mag::cavity(msg_.mw[j], msg_.ux[j]);
    const double p = Mag::product(c, pol);
    const double mstar = Mag::power(p, r);
    const double mref = Mag::power(p, r + 1.0);
    S += Mag::to_real(Mag::combine(Mag::product(c, mstar), pol));
    const double mwr = Mag::to_real(msg_.mw[j]), mrr = Mag::to_real(mref);
    q += mwr * mwr;
    qt += mrr * mrr;
    F += -logz[j].value() + minus_log_2cosh_gamma + Mag::log1pxy(c, msg_.ux[j]) +
         Mag::cross_entropy(mref, p);
  }
  const double norm = static_cast<double>(sites);
  FbpThermodynamics t;
  t.overlap = S / norm;
  t.distance = (1.0 - t.overlap) / 2.0;
  t.q = q / norm;
  t.q_reference = qt / norm;
  t.beta_f = F / norm;
  t.local_entropy = -t.beta_f - gamma_ * t.overlap;
  return t;
}

}  // namespace robens
