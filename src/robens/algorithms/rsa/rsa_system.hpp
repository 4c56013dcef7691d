#pragma once
// Replicated systems for Monte Carlo (docs/rsa.md, "Replicated systems"). y replicas of one
// network, each with its own incremental energy model, coupled through
//   traced reference (RE, PNAS Eq. 4):   βA = −Σ_i log 2cosh(γ μ_i), μ_i = Σ_a σ_i^a;
//   explicit reference (LE, PNAS Eq. 3): βA = −γ Σ_i c_i μ_i, with centre spins c_i that have no
//                                        energy of their own.
// The coupling is stored dimensionless (βA, never divided by β), so β and γ can change at any time.
// Every system is a SpinSystem: spins s = a·N + i (replica a, weight i); LE adds the centre spins
// s = y·N + i. log_ratio(s) = −log π(C′)/π(C) for flipping s, which is what samplers need.
#include <cstdint>
#include <memory>
#include <vector>

#include "robens/core/rng.hpp"
#include "robens/models/energy_model.hpp"

namespace robens {

// The minimal interface of the generic samplers (rsa_samplers.hpp).
class SpinSystem {
 public:
  virtual ~SpinSystem() = default;
  virtual std::size_t spins() const = 0;
  // −log π(C with s flipped)/π(C): β ΔE + coupling change. Does not change the state.
  virtual double log_ratio(std::size_t s) const = 0;
  virtual void flip(std::size_t s) = 0;
  // Spins other than s whose log_ratio may change when s flips.
  virtual void neighbours(std::size_t s, std::vector<std::size_t>& out) const = 0;
};

// g_γ(m) = log[cosh(γ(m+1)) / cosh(γ(m−1))] for m = −(y−1) … y−1, computed stably (docs/rsa.md,
// "Replicated systems").
double coupling_g(double gamma, int m);

class ReplicaEnsemble : public SpinSystem {
 public:
  ReplicaEnsemble(int y, EnergyKind kind, std::shared_ptr<const PatternColumns> columns,
                  std::uint64_t tie_seed);
  int replicas() const { return y_; }
  std::size_t weights() const { return n_; }
  double beta() const { return beta_; }
  double gamma() const { return gamma_; }
  virtual void set_parameters(double beta, double gamma);
  // Sets every replica (and, for LE, the centre: majority of the replicas) and rebuilds caches.
  virtual void set_state(const std::vector<BinaryNetwork>& replicas);

  const EnergyModel& replica(int a) const { return *models_[static_cast<std::size_t>(a)]; }
  // The reference: majority of the replicas (ties broken by fixed random bits) for RE, the
  // explicit centre for LE. Its energy model is kept up to date after every flip.
  const EnergyModel& centre() const { return *centre_; }
  int spin(int a, std::size_t i) const { return models_[static_cast<std::size_t>(a)]->spin(i); }
  int magnetisation(std::size_t i) const { return mu_[i]; }
  // Mean pairwise replica overlap q̄ = (Σ μ_i² − yN) / (N y (y−1)), O(1).
  double mean_overlap() const;
  // Mean overlap between the replicas and the centre, O(N).
  double centre_overlap() const;
  // Replica owning spin s (−1 for an LE centre spin) and its weight index.
  int replica_of(std::size_t s) const { return s < y_ * n_ ? static_cast<int>(s / n_) : -1; }
  std::size_t site_of(std::size_t s) const { return s % n_; }

 protected:
  void flip_replica(int a, std::size_t i);  // updates the model, μ, Σμ² (not the centre)
  int y_;
  std::size_t n_;
  double beta_ = 1, gamma_ = 0;
  std::vector<std::unique_ptr<EnergyModel>> models_;
  std::unique_ptr<EnergyModel> centre_;
  std::vector<int> mu_;
  long sum_mu2_ = 0;
  std::vector<std::uint8_t> tie_;  // RE majority tie-break bit per site (even y)
};

// Reference traced out (RE). The centre is the spin-wise majority of the replicas.
class TracedEnsemble final : public ReplicaEnsemble {
 public:
  using ReplicaEnsemble::ReplicaEnsemble;
  void set_parameters(double beta, double gamma) override;
  void set_state(const std::vector<BinaryNetwork>& replicas) override;
  std::size_t spins() const override { return static_cast<std::size_t>(y_) * n_; }
  double log_ratio(std::size_t s) const override;
  void flip(std::size_t s) override;
  void neighbours(std::size_t s, std::vector<std::size_t>& out) const override;
  // βΔA of flipping replica a at site i: σ·g_γ(μ_i − σ).
  double coupling_change(int a, std::size_t i) const {
    const int sigma = spin(a, i);
    return sigma * g_[static_cast<std::size_t>(mu_[i] - sigma + y_ - 1)];
  }
  double g(int m) const { return g_[static_cast<std::size_t>(m + y_ - 1)]; }

 private:
  bool majority_bit(std::size_t i) const { return mu_[i] > 0 || (mu_[i] == 0 && tie_[i]); }
  std::vector<double> g_;
};

// Explicit reference (LE). Spins y·N … (y+1)·N − 1 are the centre.
class ExplicitEnsemble final : public ReplicaEnsemble {
 public:
  using ReplicaEnsemble::ReplicaEnsemble;
  std::size_t spins() const override { return static_cast<std::size_t>(y_ + 1) * n_; }
  double log_ratio(std::size_t s) const override;
  void flip(std::size_t s) override;
  void neighbours(std::size_t s, std::vector<std::size_t>& out) const override;
};

// log of the unnormalised Boltzmann weight of the current state (tests; O(N)).
double log_weight(const TracedEnsemble& e);
double log_weight(const ExplicitEnsemble& e);

}  // namespace robens
