#pragma once
// Monte Carlo kernels: one call of step() is one *iteration* = one proposed single-spin flip of
// the whole system (docs/rsa.md, "The iteration unit": the package's `it`), accepted or not.
// Definitions: docs/rsa.md, "Kernel definitions".
//   metropolis     uniform proposal, accept min(1, π′/π)                       (any SpinSystem)
//   rrr            reduced-rejection-rate: propose s ∝ w_s = min(1, π_s′/π),
//                  accept min(1, z/z′); O(#neighbours) ΔE queries per step      (any SpinSystem)
//   coupling-rrr   RRR on the RE coupling classes + Metropolis on the replica energy
//   eq9            PNAS Eq. 9: uniform replica, per-replica prior over the coupling groups,
//                  Metropolis on the replica energy with the (1 − (1−λ)^q) correction
// All are exact (detailed balance w.r.t. π ∝ e^{−β Σ E_a − βA}); tests/rsa check it on tiny
// systems through transitions(), which the kernels compute with the same formulas as step().
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "robens/algorithms/rsa/rsa_system.hpp"
#include "robens/core/rng.hpp"

namespace robens {

class MoveKernel {
 public:
  virtual ~MoveKernel() = default;
  virtual std::string name() const = 0;
  // Rebuild every internal structure (after set_state or set_parameters on the system).
  virtual void refresh() = 0;
  // β or γ of the system changed but not its state: cheaper than refresh() where possible.
  virtual void parameters_changed() { refresh(); }
  // One iteration. Returns the flipped spin, or −1 if the proposal was rejected.
  virtual long step(Rng& rng) = 0;
  // Probability of every possible move from the current state (moves with p > 0). Tests only.
  virtual void transitions(std::vector<std::pair<std::size_t, double>>& out) = 0;
};

std::unique_ptr<MoveKernel> make_metropolis_kernel(SpinSystem& system);
std::unique_ptr<MoveKernel> make_rrr_kernel(SpinSystem& system);
std::unique_ptr<MoveKernel> make_coupling_rrr_kernel(TracedEnsemble& system);
std::unique_ptr<MoveKernel> make_eq9_kernel(TracedEnsemble& system);

// PNAS Eq. 9 prior for one group of q spins with coupling factor λ = e^{−2c} ∈ [0, 1]:
// p[n] (n < q) = probability of choosing the "+c" side when n of the q spins are +c, i.e.
// φ(n, q, λ) = λ n/(q−n+1) ₂F₁(1, 1−n; q−n+2; λ), from the stable recursion
// p(n) = λ n (1 − p(n−1))/(q − n + 1); p[q] = 1 − (1−λ)^q, the acceptance correction at n = q.
std::vector<double> eq9_prior(int q, double lambda);

// Set with O(1) insert, erase and uniform sampling (the coupling-RRR classes and Eq. 9 groups).
class ArraySet {
 public:
  explicit ArraySet(std::size_t capacity = 0) : pos_(capacity, kAbsent) {}
  void reset(std::size_t capacity) {
    items_.clear();
    pos_.assign(capacity, kAbsent);
  }
  std::size_t size() const { return items_.size(); }
  bool contains(std::size_t x) const { return pos_[x] != kAbsent; }
  void insert(std::size_t x) {
    pos_[x] = items_.size();
    items_.push_back(x);
  }
  void erase(std::size_t x) {
    const std::size_t p = pos_[x], last = items_.back();
    items_[p] = last;
    pos_[last] = p;
    items_.pop_back();
    pos_[x] = kAbsent;
  }
  std::size_t at(std::size_t k) const { return items_[k]; }

 private:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::vector<std::size_t> items_;
  std::vector<std::size_t> pos_;
};

}  // namespace robens
