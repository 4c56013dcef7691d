// Generic Metropolis and RRR kernels on any SpinSystem (docs/rsa.md, "Kernel definitions").
#include <cmath>
#include <limits>

#include "robens/algorithms/rsa/rsa_kernels.hpp"

namespace robens {
namespace {

double metropolis_factor(double log_ratio) {
  return log_ratio <= 0 ? 1.0 : std::exp(-log_ratio);
}

class MetropolisKernel final : public MoveKernel {
 public:
  explicit MetropolisKernel(SpinSystem& s) : sys_(s) {}
  std::string name() const override { return "metropolis"; }
  void refresh() override {}
  long step(Rng& rng) override {
    const std::size_t s = rng.below(sys_.spins());
    const double r = sys_.log_ratio(s);
    if (r > 0 && rng.uniform() >= std::exp(-r)) return -1;
    sys_.flip(s);
    return static_cast<long>(s);
  }
  void transitions(std::vector<std::pair<std::size_t, double>>& out) override {
    out.clear();
    const double n = static_cast<double>(sys_.spins());
    for (std::size_t s = 0; s < sys_.spins(); ++s)
      out.emplace_back(s, metropolis_factor(sys_.log_ratio(s)) / n);
  }

 private:
  SpinSystem& sys_;
};

// Sum tree over the spin weights: internal nodes are recomputed from their children (no drift).
class SumTree {
 public:
  void reset(std::size_t n) {
    leaves_ = 1;
    while (leaves_ < n) leaves_ *= 2;
    node_.assign(2 * leaves_, 0.0);
  }
  void set(std::size_t i, double v) {
    std::size_t k = i + leaves_;
    node_[k] = v;
    for (k /= 2; k >= 1; k /= 2) node_[k] = node_[2 * k] + node_[2 * k + 1];
  }
  double get(std::size_t i) const { return node_[i + leaves_]; }
  double total() const { return node_[1]; }
  // Leaf such that the cumulative weight before it is ≤ x < cumulative after (x in [0, total)).
  std::size_t find(double x) const {
    std::size_t k = 1;
    while (k < leaves_) {
      if (x < node_[2 * k] || node_[2 * k + 1] <= 0) {
        k = 2 * k;
      } else {
        x -= node_[2 * k];
        k = 2 * k + 1;
      }
    }
    return k - leaves_;
  }

 private:
  std::size_t leaves_ = 1;
  std::vector<double> node_;
};

class RrrKernel final : public MoveKernel {
 public:
  explicit RrrKernel(SpinSystem& s) : sys_(s) { refresh(); }
  std::string name() const override { return "rrr"; }
  void refresh() override {
    tree_.reset(sys_.spins());
    for (std::size_t s = 0; s < sys_.spins(); ++s)
      tree_.set(s, metropolis_factor(sys_.log_ratio(s)));
  }
  long step(Rng& rng) override {
    const double z = tree_.total();
    if (!(z > 0)) return -1;  // frozen: no move has a non-zero weight
    std::size_t s = tree_.find(rng.uniform() * z);
    if (tree_.get(s) <= 0) return -1;  // rounding at the very end of the range; practically never
    const double z_new = staged(s);
    if (z_new > z && rng.uniform() >= z / z_new) return -1;
    sys_.flip(s);
    for (const auto& [j, w] : pending_) tree_.set(j, w);
    return static_cast<long>(s);
  }
  void transitions(std::vector<std::pair<std::size_t, double>>& out) override {
    out.clear();
    const double z = tree_.total();
    for (std::size_t s = 0; s < sys_.spins(); ++s) {
      const double w = tree_.get(s);
      if (w <= 0) continue;
      const double z_new = staged(s);
      out.emplace_back(s, w / z * std::min(1.0, z / z_new));
    }
  }

 private:
  // z after flipping s, without committing; the new weights are left in pending_.
  double staged(std::size_t s) {
    sys_.flip(s);
    sys_.neighbours(s, neighbours_);
    neighbours_.push_back(s);
    pending_.clear();
    double z_new = tree_.total();
    for (std::size_t j : neighbours_) {
      const double w = metropolis_factor(sys_.log_ratio(j));
      z_new += w - tree_.get(j);
      pending_.emplace_back(j, w);
    }
    sys_.flip(s);
    return std::max(z_new, std::numeric_limits<double>::min());
  }

  SpinSystem& sys_;
  SumTree tree_;
  std::vector<std::size_t> neighbours_;
  std::vector<std::pair<std::size_t, double>> pending_;
};

}  // namespace

std::unique_ptr<MoveKernel> make_metropolis_kernel(SpinSystem& system) {
  return std::make_unique<MetropolisKernel>(system);
}
std::unique_ptr<MoveKernel> make_rrr_kernel(SpinSystem& system) {
  return std::make_unique<RrrKernel>(system);
}

}  // namespace robens
