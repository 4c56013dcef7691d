// Error-count energy of a ReLU committee (PRL Eq. 1; docs/rsa.md, "Energies"). Unit fields Δ1_k
// are raw (labels not folded), Δ2 = o_a Σ_k c_k max(0, Δ1_k) with c_k = +1 for the first half of
// the units and −1 for the second, and E = #{Δ2 ≤ 0} (a zero output is an error).
// Flipping a weight of unit k moves Δ1_k by d = −2 (agreeing weight) or +2; max(0, Δ1_k) moves by
// δ = max(0, Δ1_k + d) − max(0, Δ1_k); Δ2 moves by s = o c_k δ. The pattern breaks (+1) iff
// Δ2 > 0 ≥ Δ2 + s and is fixed (−1) iff Δ2 ≤ 0 < Δ2 + s (with even fields, as in the PRL set-up,
// that is Δ2 = 2, s = −2 and Δ2 = 0, s = +2).
#include "robens/models/flip_mask_model.hpp"

namespace robens {
namespace {

int relu(int x) {
  return x > 0 ? x : 0;
}
// Patterns whose output is outside [−1, 2] cannot change state with one flip.
int category(int out) {
  return out >= -1 && out <= 2 ? out : 100;
}

class ReluErrorsModel final : public FlipMaskModel {
 public:
  explicit ReluErrorsModel(std::shared_ptr<const PatternColumns> c)
      : FlipMaskModel(std::move(c)), out_(P_, 0), c_(K_) {
    for (std::size_t k = 0; k < K_; ++k) c_[k] = columns_->shape.output_weight(k);
  }
  std::string name() const override { return "relu-errors"; }

 private:
  // General in the parity of the fields: with odd unit fields max(0, Δ1) can move by 1.
  unsigned rules(std::size_t k, std::size_t a) const {
    const int o = out_[a];
    if (o < -1 || o > 2) return 0;  // |Δ2 change| ≤ 2, so such patterns cannot change state
    const int x = field(k, a);
    const int oc = columns_->labels[a] * c_[k];
    const int s_agree = oc * (relu(x - 2) - relu(x));
    const int s_disagree = oc * (relu(x + 2) - relu(x));
    unsigned r = 0;
    if (o > 0) {
      if (o + s_agree <= 0) r |= plus_agree;
      if (o + s_disagree <= 0) r |= plus_disagree;
    } else {
      if (o + s_agree > 0) r |= minus_agree;
      if (o + s_disagree > 0) r |= minus_disagree;
    }
    return r;
  }
  void rebuild() override {
    errors_ = 0;
    for (std::size_t a = 0; a < P_; ++a) {
      int o = 0;
      for (std::size_t k = 0; k < K_; ++k) o += c_[k] * relu(field(k, a));
      out_[a] = columns_->labels[a] * o;
      errors_ += out_[a] <= 0;
    }
    for (std::size_t k = 0; k < K_; ++k)
      for (std::size_t a = 0; a < P_; ++a) write_rules(k, a, rules(k, a));
    energy_ = errors_;
  }
  void apply_flip(std::size_t k, const Word* agree) override {
    for (std::size_t a = 0; a < P_; ++a) {
      int& x = field(k, a);
      const int before = x;
      x += agrees(agree, a) ? -2 : 2;
      const int change = relu(x) - relu(before);
      if (change != 0) {
        const int o = out_[a];
        out_[a] = o + columns_->labels[a] * c_[k] * change;
        errors_ += (out_[a] <= 0) - (o <= 0);
        if (category(o) != category(out_[a])) {
          for (std::size_t u = 0; u < K_; ++u) write_rules(u, a, rules(u, a));
          continue;
        }
      }
      if (category(out_[a]) != 100) write_rules(k, a, rules(k, a));
    }
    energy_ = errors_;
  }

  std::vector<int> out_;  // Δ2 per pattern (label times output field)
  std::vector<int> c_;    // output weights
};

}  // namespace

std::unique_ptr<EnergyModel> make_relu_errors_model(std::shared_ptr<const PatternColumns> columns) {
  return std::make_unique<ReluErrorsModel>(std::move(columns));
}

}  // namespace robens
