#include "robens/algorithms/rsa/rsa_system.hpp"

#include <cmath>

#include "robens/core/error.hpp"

namespace robens {

double coupling_g(double gamma, int m) {
  // log cosh(u) − log cosh(v) = |u| − |v| + log1p(e^{−2|u|}) − log1p(e^{−2|v|}).
  const double u = std::abs(gamma * (m + 1)), v = std::abs(gamma * (m - 1));
  return u - v + std::log1p(std::exp(-2 * u)) - std::log1p(std::exp(-2 * v));
}

ReplicaEnsemble::ReplicaEnsemble(int y, EnergyKind kind,
                                 std::shared_ptr<const PatternColumns> columns,
                                 std::uint64_t tie_seed)
    : y_(y), n_(columns->shape.weights()) {
  require(y >= 1 && y <= 1000, "the number of replicas y must be between 1 and 1000 (got {})", y);
  for (int a = 0; a < y; ++a) models_.push_back(make_energy_model(kind, columns));
  centre_ = make_energy_model(kind, columns);
  mu_.assign(n_, -y);
  sum_mu2_ = static_cast<long>(n_) * y * y;
  Rng rng(tie_seed, StreamPurpose::replica, 0x71e);
  tie_.resize(n_);
  for (auto& t : tie_) t = rng.coin() ? 1 : 0;
}

void ReplicaEnsemble::set_parameters(double beta, double gamma) {
  require(std::isfinite(beta) && beta >= 0, "beta must be a non-negative finite number (got {})",
          beta);
  require(std::isfinite(gamma) && gamma >= 0, "gamma must be a non-negative finite number (got {})",
          gamma);
  beta_ = beta;
  gamma_ = gamma;
}

void ReplicaEnsemble::set_state(const std::vector<BinaryNetwork>& replicas) {
  require(replicas.size() == static_cast<std::size_t>(y_), "expected {} replicas, got {}", y_,
          replicas.size());
  std::fill(mu_.begin(), mu_.end(), 0);
  for (int a = 0; a < y_; ++a) {
    models_[static_cast<std::size_t>(a)]->set_state(replicas[static_cast<std::size_t>(a)]);
    for (std::size_t i = 0; i < n_; ++i) mu_[i] += spin(a, i);
  }
  sum_mu2_ = 0;
  for (int m : mu_) sum_mu2_ += static_cast<long>(m) * m;
  BinaryNetwork c(centre_->shape());
  for (std::size_t i = 0; i < n_; ++i)
    c.set_flat(i, mu_[i] > 0 || (mu_[i] == 0 && tie_[i]) ? 1 : -1);
  centre_->set_state(c);
}

double ReplicaEnsemble::mean_overlap() const {
  if (y_ < 2) return 1.0;
  const double n = static_cast<double>(n_);
  return (static_cast<double>(sum_mu2_) - y_ * n) / (n * y_ * (y_ - 1));
}

double ReplicaEnsemble::centre_overlap() const {
  long s = 0;
  for (std::size_t i = 0; i < n_; ++i) s += static_cast<long>(mu_[i]) * centre_->spin(i);
  return static_cast<double>(s) / (static_cast<double>(n_) * y_);
}

void ReplicaEnsemble::flip_replica(int a, std::size_t i) {
  const int sigma = spin(a, i);
  models_[static_cast<std::size_t>(a)]->flip(i);
  const long before = mu_[i];
  mu_[i] -= 2 * sigma;
  sum_mu2_ += static_cast<long>(mu_[i]) * mu_[i] - before * before;
}

// ---------------------------------------------------------------------------------------------
void TracedEnsemble::set_parameters(double beta, double gamma) {
  ReplicaEnsemble::set_parameters(beta, gamma);
  g_.resize(static_cast<std::size_t>(2 * y_ - 1));
  for (int m = -(y_ - 1); m <= y_ - 1; ++m)
    g_[static_cast<std::size_t>(m + y_ - 1)] = coupling_g(gamma, m);
}

void TracedEnsemble::set_state(const std::vector<BinaryNetwork>& replicas) {
  if (g_.empty()) set_parameters(beta_, gamma_);
  ReplicaEnsemble::set_state(replicas);
}

double TracedEnsemble::log_ratio(std::size_t s) const {
  const int a = static_cast<int>(s / n_);
  const std::size_t i = s % n_;
  return beta_ * static_cast<double>(models_[static_cast<std::size_t>(a)]->delta(i)) +
         coupling_change(a, i);
}

void TracedEnsemble::flip(std::size_t s) {
  const std::size_t i = s % n_;
  flip_replica(static_cast<int>(s / n_), i);
  if (majority_bit(i) != centre_->bit(i)) centre_->flip(i);
}

void TracedEnsemble::neighbours(std::size_t s, std::vector<std::size_t>& out) const {
  out.clear();
  const std::size_t a = s / n_, i = s % n_;
  for (std::size_t j = 0; j < n_; ++j)
    if (j != i) out.push_back(a * n_ + j);
  for (std::size_t b = 0; b < static_cast<std::size_t>(y_); ++b)
    if (b != a) out.push_back(b * n_ + i);
}

double log_weight(const TracedEnsemble& e) {
  double lw = 0;
  for (int a = 0; a < e.replicas(); ++a)
    lw -= e.beta() * static_cast<double>(e.replica(a).energy());
  for (std::size_t i = 0; i < e.weights(); ++i)
    lw += std::log(2 * std::cosh(e.gamma() * e.magnetisation(i)));
  return lw;
}

// ---------------------------------------------------------------------------------------------
double ExplicitEnsemble::log_ratio(std::size_t s) const {
  const std::size_t i = s % n_;
  const int c = centre_->spin(i);
  if (s >= static_cast<std::size_t>(y_) * n_) return 2 * gamma_ * c * mu_[i];
  const int a = static_cast<int>(s / n_);
  return beta_ * static_cast<double>(models_[static_cast<std::size_t>(a)]->delta(i)) +
         2 * gamma_ * c * spin(a, i);
}

void ExplicitEnsemble::flip(std::size_t s) {
  const std::size_t i = s % n_;
  if (s >= static_cast<std::size_t>(y_) * n_)
    centre_->flip(i);
  else
    flip_replica(static_cast<int>(s / n_), i);
}

void ExplicitEnsemble::neighbours(std::size_t s, std::vector<std::size_t>& out) const {
  out.clear();
  const std::size_t i = s % n_, yn = static_cast<std::size_t>(y_) * n_;
  if (s >= yn) {
    for (std::size_t b = 0; b < static_cast<std::size_t>(y_); ++b) out.push_back(b * n_ + i);
    return;
  }
  const std::size_t a = s / n_;
  for (std::size_t j = 0; j < n_; ++j)
    if (j != i) out.push_back(a * n_ + j);
  out.push_back(yn + i);
}

double log_weight(const ExplicitEnsemble& e) {
  double lw = 0;
  for (int a = 0; a < e.replicas(); ++a)
    lw -= e.beta() * static_cast<double>(e.replica(a).energy());
  for (std::size_t i = 0; i < e.weights(); ++i)
    lw += e.gamma() * e.centre().spin(i) * e.magnetisation(i);
  return lw;
}

}  // namespace robens
