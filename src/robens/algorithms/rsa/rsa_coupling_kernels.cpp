// Kernels specific to the traced-reference ensemble (docs/rsa.md, "Kernel definitions"): RRR on
// the coupling classes (the package's rule) and the PNAS Eq. 9 per-replica prior.
//
// Every replica spin (a, i) has μ̄ = μ_i − σ (the other replicas at the site), level ℓ = |μ̄| and
// side "up" if flipping it raises the coupling energy (σ μ̄ > 0, or μ̄ = 0 and σ = +1: the tie
// rule that makes every flip move a spin to the mirror side). βΔA = ±g_γ(ℓ); the coupling
// Metropolis factor of an up move is λ_ℓ = e^{−g_γ(ℓ)}, of a down move 1.
#include <cmath>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/core/error.hpp"

namespace robens {

std::vector<double> eq9_prior(int q, double lambda) {
  require(q >= 1 && lambda >= 0 && lambda <= 1, "eq9_prior: needs q >= 1 and 0 <= lambda <= 1");
  const auto nq = static_cast<std::size_t>(q);
  std::vector<double> p(nq + 1, 0.0);
  const double dq = q;
  if (lambda >= 1.0) {  // c = 0: uniform choice
    for (std::size_t n = 0; n <= nq; ++n) p[n] = static_cast<double>(n) / dq;
    return p;
  }
  // 1 − (1−λ)^q without cancellation.
  p[nq] = -std::expm1(dq * std::log1p(-lambda));
  if (lambda <= 0) return p;
  // The forward recursion multiplies errors by λn/(q−n+1): use it while that is < 1, i.e.
  // n < (q+1)/(1+λ); above, go backward from p(q−1) = (1/q) Σ_{k<q} (1 − (1−λ)^k), which
  // multiplies errors by the inverse factor.
  const int split = static_cast<int>(std::floor((dq + 1) / (1 + lambda)));
  for (int n = 1; n <= std::min(split, q - 1); ++n)
    p[static_cast<std::size_t>(n)] =
        lambda * n * (1 - p[static_cast<std::size_t>(n - 1)]) / (q - n + 1);
  if (split + 1 <= q - 1) {
    double s = 0;
    for (int k = 1; k < q; ++k) s += -std::expm1(k * std::log1p(-lambda));
    p[nq - 1] = s / dq;
    for (int n = q - 1; n >= split + 2; --n)
      p[static_cast<std::size_t>(n - 1)] =
          1 - p[static_cast<std::size_t>(n)] * (q - n + 1) / (lambda * n);
  }
  return p;
}

namespace {

struct SpinClass {
  int level;  // ℓ/2, ℓ = |μ̄|
  bool up;
};

SpinClass classify(int sigma, int mu_other) {
  const bool up = sigma * mu_other > 0 || (mu_other == 0 && sigma > 0);
  return {std::abs(mu_other) / 2, up};
}

double metropolis_factor(double log_ratio) {
  return log_ratio <= 0 ? 1.0 : std::exp(-log_ratio);
}

// ---------------------------------------------------------------------------------------------
class CouplingRrrKernel final : public MoveKernel {
 public:
  explicit CouplingRrrKernel(TracedEnsemble& e) : e_(e) {
    levels_ = (e.replicas() - 1) / 2 + 1;
    sets_.resize(static_cast<std::size_t>(2 * levels_));
    refresh();
  }
  std::string name() const override { return "coupling-rrr"; }
  void parameters_changed() override {  // class weights depend on γ only; memberships unchanged
    weight_.assign(sets_.size(), 1.0);
    for (int l = 0; l < levels_; ++l)
      weight_[static_cast<std::size_t>(l + levels_)] = std::exp(-e_.g(level_mu(l)));
  }
  void refresh() override {
    const std::size_t total = e_.spins();
    for (auto& s : sets_) s.reset(total);
    class_of_.assign(total, 0);
    parameters_changed();
    for (std::size_t s = 0; s < total; ++s) {
      const std::size_t c = class_index(s);
      class_of_[s] = c;
      sets_[c].insert(s);
    }
  }
  long step(Rng& rng) override {
    const double z = total_weight();
    if (!(z > 0)) return -1;  // frozen (every weight underflowed)
    double r = rng.uniform() * z;
    std::size_t c = 0, last = sets_.size();
    for (; c < sets_.size(); ++c) {
      const double t = static_cast<double>(sets_[c].size()) * weight_[c];
      if (t > 0) last = c;
      if (r < t) break;
      r -= t;
    }
    if (c == sets_.size()) c = last;  // rounding left r at the end: take the last non-empty class
    const std::size_t s = sets_[c].at(rng.below(sets_[c].size()));
    const double z_new = staged(s);
    const int a = e_.replica_of(s);
    const double ratio =
        (z / z_new) *
        std::exp(-e_.beta() * static_cast<double>(e_.replica(a).delta(e_.site_of(s))));
    if (ratio < 1 && rng.uniform() >= ratio) return -1;
    commit(s);
    return static_cast<long>(s);
  }
  void transitions(std::vector<std::pair<std::size_t, double>>& out) override {
    out.clear();
    const double z = total_weight();
    for (std::size_t s = 0; s < e_.spins(); ++s) {
      const double w = weight_[class_of_[s]];
      if (w <= 0) continue;
      const double z_new = staged(s);
      const int a = e_.replica_of(s);
      const double ratio =
          (z / z_new) *
          std::exp(-e_.beta() * static_cast<double>(e_.replica(a).delta(e_.site_of(s))));
      out.emplace_back(s, w / z * std::min(1.0, ratio));
    }
  }

 private:
  int level_mu(int level) const { return 2 * level + (e_.replicas() % 2 == 0 ? 1 : 0); }
  std::size_t key(SpinClass c) const {
    return static_cast<std::size_t>(c.level + (c.up ? levels_ : 0));
  }
  std::size_t class_index(std::size_t s) const {
    const int a = e_.replica_of(s);
    const std::size_t i = e_.site_of(s);
    const int sigma = e_.spin(a, i);
    return key(classify(sigma, e_.magnetisation(i) - sigma));
  }
  double total_weight() const {
    double z = 0;
    for (std::size_t c = 0; c < sets_.size(); ++c)
      z += static_cast<double>(sets_[c].size()) * weight_[c];
    return z;
  }
  // z after flipping s: only the y spins at its site change class.
  double staged(std::size_t s) {
    const int a = e_.replica_of(s);
    const std::size_t i = e_.site_of(s), n = e_.weights();
    const int mu_new = e_.magnetisation(i) - 2 * e_.spin(a, i);
    double z_new = total_weight();
    moves_.clear();
    for (int b = 0; b < e_.replicas(); ++b) {
      const std::size_t sb = static_cast<std::size_t>(b) * n + i;
      const int sigma = b == a ? -e_.spin(b, i) : e_.spin(b, i);
      const std::size_t c_new = key(classify(sigma, mu_new - sigma));
      if (c_new == class_of_[sb]) continue;
      z_new += weight_[c_new] - weight_[class_of_[sb]];
      moves_.emplace_back(sb, c_new);
    }
    return std::max(z_new, 1e-300);
  }
  void commit(std::size_t s) {
    e_.flip(s);
    for (const auto& [sb, c_new] : moves_) {
      sets_[class_of_[sb]].erase(sb);
      sets_[c_new].insert(sb);
      class_of_[sb] = c_new;
    }
  }

  TracedEnsemble& e_;
  int levels_ = 1;
  std::vector<ArraySet> sets_;
  std::vector<std::size_t> class_of_;
  std::vector<double> weight_;
  std::vector<std::pair<std::size_t, std::size_t>> moves_;
};

// ---------------------------------------------------------------------------------------------
class Eq9Kernel final : public MoveKernel {
 public:
  explicit Eq9Kernel(TracedEnsemble& e) : e_(e) {
    levels_ = (e.replicas() - 1) / 2 + 1;
    refresh();
  }
  std::string name() const override { return "eq9"; }
  void parameters_changed() override {  // λ_ℓ depend on γ only; the group memberships do not
    lambda_.assign(static_cast<std::size_t>(levels_), 1.0);
    for (int l = 0; l < levels_; ++l)
      lambda_[static_cast<std::size_t>(l)] = std::exp(-e_.g(level_mu(l)));
    prior_.assign(static_cast<std::size_t>(levels_),
                  std::vector<std::vector<double>>(e_.weights() + 1));
  }
  void refresh() override {
    const std::size_t n = e_.weights(), y = static_cast<std::size_t>(e_.replicas());
    groups_.assign(y * static_cast<std::size_t>(levels_) * 2, ArraySet());
    for (auto& g : groups_) g.reset(n);
    group_of_.assign(y * n, 0);
    lambda_.assign(static_cast<std::size_t>(levels_), 1.0);
    for (int l = 0; l < levels_; ++l)
      lambda_[static_cast<std::size_t>(l)] = std::exp(-e_.g(level_mu(l)));
    prior_.assign(static_cast<std::size_t>(levels_), std::vector<std::vector<double>>(n + 1));
    for (std::size_t a = 0; a < y; ++a)
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t g = group_index(static_cast<int>(a), i);
        group_of_[a * n + i] = g;
        groups_[g].insert(i);
      }
  }
  long step(Rng& rng) override {
    const std::size_t n = e_.weights();
    const int a = static_cast<int>(rng.below(static_cast<std::uint64_t>(e_.replicas())));
    const std::size_t i0 = rng.below(n);
    const std::size_t base = group_of_[static_cast<std::size_t>(a) * n + i0] & ~std::size_t{1};
    const Choice ch = choose(base, rng.uniform());
    const ArraySet& side = groups_[base + (ch.up ? 1 : 0)];
    const std::size_t i = side.at(rng.below(side.size()));
    const double acc =
        ch.correction * metropolis_factor(e_.beta() * static_cast<double>(e_.replica(a).delta(i)));
    if (acc < 1 && rng.uniform() >= acc) return -1;
    commit(a, i);
    return static_cast<long>(static_cast<std::size_t>(a) * n + i);
  }
  void transitions(std::vector<std::pair<std::size_t, double>>& out) override {
    out.clear();
    const std::size_t n = e_.weights();
    const double y = e_.replicas(), dn = static_cast<double>(n);
    for (int a = 0; a < e_.replicas(); ++a)
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t g = group_of_[static_cast<std::size_t>(a) * n + i];
        const std::size_t base = g & ~std::size_t{1};
        const bool up = (g & 1U) != 0;
        const double nu = static_cast<double>(groups_[base + 1].size());
        const double q = nu + static_cast<double>(groups_[base].size());
        // P(up side) from a uniform u: choose() with u just below 1 and at 0 brackets it.
        const Choice lo = choose(base, 0.0);
        double p_up, corr = 1;
        if (nu == q) {
          p_up = 1;
          corr = lo.correction;
        } else {
          p_up = prior_value(base, static_cast<int>(nu), static_cast<int>(q));
        }
        const double p_side = up ? p_up : 1 - p_up;
        const double side_size = up ? nu : q - nu;
        const double propose = (1 / y) * (q / dn) * p_side / side_size;
        const double acc =
            (up ? corr : 1.0) *
            metropolis_factor(e_.beta() * static_cast<double>(e_.replica(a).delta(i)));
        if (propose * acc > 0) out.emplace_back(static_cast<std::size_t>(a) * n + i, propose * acc);
      }
  }

 private:
  struct Choice {
    bool up;
    double correction;
  };
  int level_mu(int level) const { return 2 * level + (e_.replicas() % 2 == 0 ? 1 : 0); }
  // Group index: ((a · levels + level) · 2 + up); the sets hold site indices.
  std::size_t group_index(int a, std::size_t i) const {
    const int sigma = e_.spin(a, i);
    const SpinClass c = classify(sigma, e_.magnetisation(i) - sigma);
    return (static_cast<std::size_t>(a) * static_cast<std::size_t>(levels_) +
            static_cast<std::size_t>(c.level)) *
               2 +
           (c.up ? 1 : 0);
  }
  int level_of_group(std::size_t base) const {
    return static_cast<int>((base / 2) % static_cast<std::size_t>(levels_));
  }
  double prior_value(std::size_t base, int nu, int q) {
    auto& table =
        prior_[static_cast<std::size_t>(level_of_group(base))][static_cast<std::size_t>(q)];
    if (table.empty())
      table = eq9_prior(q, lambda_[static_cast<std::size_t>(level_of_group(base))]);
    return table[static_cast<std::size_t>(nu)];
  }
  Choice choose(std::size_t base, double u) {
    const int nu = static_cast<int>(groups_[base + 1].size());
    const int q = nu + static_cast<int>(groups_[base].size());
    if (nu == q) return {true, prior_value(base, q, q)};
    return {u < prior_value(base, nu, q), 1.0};
  }
  void commit(int a, std::size_t i) {
    const std::size_t n = e_.weights();
    e_.flip(static_cast<std::size_t>(a) * n + i);
    for (int b = 0; b < e_.replicas(); ++b) {
      const std::size_t slot = static_cast<std::size_t>(b) * n + i;
      const std::size_t g = group_index(b, i);
      if (g == group_of_[slot]) continue;
      groups_[group_of_[slot]].erase(i);
      groups_[g].insert(i);
      group_of_[slot] = g;
    }
  }

  TracedEnsemble& e_;
  int levels_ = 1;
  std::vector<ArraySet> groups_;
  std::vector<std::size_t> group_of_;
  std::vector<double> lambda_;
  std::vector<std::vector<std::vector<double>>> prior_;  // [level][q] → p(0..q), lazily filled
};

}  // namespace

std::unique_ptr<MoveKernel> make_coupling_rrr_kernel(TracedEnsemble& system) {
  require(system.replicas() >= 2, "the coupling RRR rule needs y >= 2 replicas");
  return std::make_unique<CouplingRrrKernel>(system);
}
std::unique_ptr<MoveKernel> make_eq9_kernel(TracedEnsemble& system) {
  require(system.replicas() >= 2, "the Eq. 9 move rule needs y >= 2 replicas");
  return std::make_unique<Eq9Kernel>(system);
}

}  // namespace robens
