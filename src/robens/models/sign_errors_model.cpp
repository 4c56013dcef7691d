// Error-count energy of a sign committee (perceptron: K = 1), docs/rsa.md, "Energies".
// With labels folded into the inputs, Δ1_k = unit field (odd), Δ2 = Σ_k sign(Δ1_k) (odd),
// E = #{Δ2 < 0}. A flip in unit k changes the energy of pattern a only if Δ2 = ±1 and Δ1_k = ±1
// with the same sign: +1 if Δ2 = Δ1_k = +1 and the weight agrees, −1 if Δ2 = Δ1_k = −1 and it
// disagrees.
#include <cstdlib>

#include "robens/models/flip_mask_model.hpp"

namespace robens {
namespace {

class SignErrorsModel final : public FlipMaskModel {
 public:
  explicit SignErrorsModel(std::shared_ptr<const PatternColumns> c)
      : FlipMaskModel(std::move(c)), out_(P_, 0) {}
  std::string name() const override { return "sign-errors"; }

 private:
  unsigned rules(std::size_t k, std::size_t a) const {
    const int x = field(k, a), o = out_[a];
    if (o == 1 && x == 1) return plus_agree;
    if (o == -1 && x == -1) return minus_disagree;
    return 0;
  }
  void rebuild() override {
    errors_ = 0;
    for (std::size_t a = 0; a < P_; ++a) {
      int o = 0;
      for (std::size_t k = 0; k < K_; ++k) o += field(k, a) > 0 ? 1 : -1;
      out_[a] = o;
      errors_ += o < 0;
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
      if ((before > 0) != (x > 0)) {
        const int o = out_[a];
        out_[a] = o + (x > 0 ? 2 : -2);
        errors_ += (out_[a] < 0) - (o < 0);
        for (std::size_t u = 0; u < K_; ++u) write_rules(u, a, rules(u, a));
      } else if (std::abs(before) <= 1 || std::abs(x) <= 1) {
        write_rules(k, a, rules(k, a));
      }
    }
    energy_ = errors_;
  }

  std::vector<int> out_;  // Δ2 per pattern
};

}  // namespace

std::unique_ptr<EnergyModel> make_sign_errors_model(std::shared_ptr<const PatternColumns> columns) {
  return std::make_unique<SignErrorsModel>(std::move(columns));
}

}  // namespace robens
