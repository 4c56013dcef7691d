// PNAS "minimum number of weight flips" energy of a sign committee (perceptron: K = 1),
// docs/rsa.md, "Energies". With label-folded unit fields x_k (odd), unit k is wrong if x_k < 0
// and costs c_k = (|x_k| + 1)/2 flips to fix; with w wrong units the pattern needs
// m = max(0, w − (K−1)/2) of them fixed, and its energy is the sum of the m smallest costs.
//
// Single-flip rules (per pattern, checked against brute force in tests/rsa): let T be the
// m-th smallest wrong cost, L = #{wrong: c < T}, Q = #{wrong: c = T}.
//   wrong unit moving toward 0 (disagreeing weight): −1 iff c_k ≤ T;
//   wrong unit moving away (agreeing weight):        +1 iff c_k < T, or c_k = T and L + Q ≤ m;
//   right unit at x = +1 moving to −1 (agreeing):    +1 iff w ≥ (K−1)/2;
//   anything else: 0.
#include <algorithm>
#include <array>

#include "robens/core/error.hpp"
#include "robens/models/flip_mask_model.hpp"

namespace robens {
namespace {

struct PatternSummary {
  int wrong = 0, need = 0, threshold = 0, below = 0, at = 0;
  long energy = 0;
  bool same_ranking(const PatternSummary& o) const {
    return wrong == o.wrong && need == o.need && threshold == o.threshold && below == o.below &&
           at == o.at;
  }
};

class MinFlipsModel final : public FlipMaskModel {
 public:
  explicit MinFlipsModel(std::shared_ptr<const PatternColumns> c)
      : FlipMaskModel(std::move(c)), summary_(P_), costs_(K_) {
    require(K_ % 2 == 1, "the minimum-flip energy needs an odd number of units (K = {})", K_);
  }
  std::string name() const override { return "min-flips"; }

 private:
  PatternSummary summarize(std::size_t a) {
    PatternSummary s;
    if (K_ == 1) {
      const int x = field(0, a);
      if (x < 0) s = {1, 1, (1 - x) / 2, 0, 1, (1 - x) / 2};
      return s;
    }
    std::size_t w = 0;
    for (std::size_t k = 0; k < K_; ++k) {
      const int x = field(k, a);
      if (x < 0) costs_[w++] = (1 - x) / 2;
    }
    s.wrong = static_cast<int>(w);
    const int majority = static_cast<int>((K_ - 1) / 2);
    if (s.wrong <= majority) return s;
    s.need = s.wrong - majority;
    const auto need = static_cast<std::size_t>(s.need);
    std::nth_element(costs_.begin(), costs_.begin() + static_cast<std::ptrdiff_t>(need - 1),
                     costs_.begin() + static_cast<std::ptrdiff_t>(w));
    s.threshold = costs_[need - 1];
    for (std::size_t i = 0; i < w; ++i) {
      if (costs_[i] < s.threshold) {
        ++s.below;
        s.energy += costs_[i];
      } else if (costs_[i] == s.threshold) {
        ++s.at;
      }
    }
    s.energy += static_cast<long>(s.need - s.below) * s.threshold;
    return s;
  }
  unsigned rules(std::size_t k, std::size_t a) const {
    const PatternSummary& s = summary_[a];
    const int x = field(k, a);
    if (x < 0) {
      if (s.need == 0) return 0;
      const int c = (1 - x) / 2;
      if (c < s.threshold) return plus_agree | minus_disagree;
      if (c == s.threshold) return minus_disagree | (s.below + s.at <= s.need ? plus_agree : 0U);
      return 0;
    }
    if (x == 1 && s.wrong >= static_cast<int>((K_ - 1) / 2)) return plus_agree;
    return 0;
  }
  void rebuild() override {
    energy_ = errors_ = 0;
    for (std::size_t a = 0; a < P_; ++a) {
      summary_[a] = summarize(a);
      energy_ += summary_[a].energy;
      errors_ += summary_[a].need > 0;
    }
    for (std::size_t k = 0; k < K_; ++k)
      for (std::size_t a = 0; a < P_; ++a) write_rules(k, a, rules(k, a));
  }
  void apply_flip(std::size_t k, const Word* agree) override {
    if (K_ == 1) return apply_perceptron_flip(agree);
    for (std::size_t a = 0; a < P_; ++a) {
      field(k, a) += agrees(agree, a) ? -2 : 2;
      const PatternSummary s = summarize(a);
      const PatternSummary old = summary_[a];
      summary_[a] = s;
      energy_ += s.energy - old.energy;
      errors_ += (s.need > 0) - (old.need > 0);
      if (s.same_ranking(old)) {
        write_rules(k, a, rules(k, a));
      } else {
        for (std::size_t u = 0; u < K_; ++u) write_rules(u, a, rules(u, a));
      }
    }
  }

  // Perceptron fast path: the rules of a pattern depend only on its field's class (x ≥ 3: none,
  // x = 1: +1 on agree, x < 0: ±1), so bits are rewritten only when the class changes.
  static unsigned perceptron_rules(int x) {
    return x >= 3 ? 0U : x == 1 ? plus_agree : plus_agree | minus_disagree;
  }
  // Branch-free pieces (the field's sign is random across patterns): fields are odd, so
  // (1 − x)/2 ≥ 1 iff x < 0; the rule class is 0 (x ≥ 3), 1 (x = 1) or 2 (x < 0).
  static long perceptron_cost(int x) { return std::max(0, (1 - x) / 2); }
  static int rule_class(int x) { return static_cast<int>(x < 0) + static_cast<int>(x <= 1); }
  void apply_perceptron_flip(const Word* agree) {
    long energy = energy_, errors = errors_;
    for (std::size_t a = 0; a < P_; ++a) {
      int& x = field(0, a);
      const int before = x;
      x = before + 2 - 4 * static_cast<int>(agrees(agree, a));
      energy += perceptron_cost(x) - perceptron_cost(before);
      errors += static_cast<long>(x < 0) - static_cast<long>(before < 0);
      if (rule_class(x) != rule_class(before)) write_rules(0, a, perceptron_rules(x));
    }
    energy_ = energy;
    errors_ = errors;
  }

  std::vector<PatternSummary> summary_;
  std::vector<int> costs_;  // scratch
};

}  // namespace

std::unique_ptr<EnergyModel> make_min_flips_model(std::shared_ptr<const PatternColumns> columns) {
  return std::make_unique<MinFlipsModel>(std::move(columns));
}

}  // namespace robens
