#pragma once
// Shared machinery of the incremental energy models (docs/rsa.md, "Bitmask ΔE"). For every
// hidden unit k the model keeps four P-bit masks that say, per pattern, how the energy changes if
// one weight of unit k is flipped:
//   plus_agree    +1 if the weight agrees with the (folded) input (σ_i ξ_i = +1, field moves −2),
//   plus_disagree +1 if it disagrees (field moves +2),
//   minus_agree / minus_disagree   −1 likewise.
// Then ΔE_j = popcnt(PA & agree) + popcnt(PD & ¬agree) − popcnt(MA & agree) − popcnt(MD & ¬agree),
// O(P/64). Each concrete model keeps the per-pattern state and rewrites the rule bits after a flip.
#include <cstdint>
#include <memory>
#include <vector>

#include "robens/models/energy_model.hpp"

namespace robens {

class FlipMaskModel : public EnergyModel {
 public:
  enum Rule : unsigned { plus_agree = 1, plus_disagree = 2, minus_agree = 4, minus_disagree = 8 };

  long delta(std::size_t j) const final;
  void flip(std::size_t j) final;
  void set_state(const BinaryNetwork& net) final;

 protected:
  explicit FlipMaskModel(std::shared_ptr<const PatternColumns> columns);
  // Recompute every per-pattern quantity and all rule bits from fields_ (fields_ already filled).
  virtual void rebuild() = 0;
  // Weight of unit k flipped; bit a of `agree` says the field of pattern a moves by −2 (else +2).
  // Must update fields_, the per-pattern state, energy_, errors_ and the rule bits.
  virtual void apply_flip(std::size_t k, const Word* agree) = 0;

  int& field(std::size_t k, std::size_t a) { return fields_[k * P_ + a]; }
  int field(std::size_t k, std::size_t a) const { return fields_[k * P_ + a]; }
  void write_rules(std::size_t k, std::size_t a, unsigned rules) {
    const Word m = Word{1} << (a % kWordBits);
    Word* base = masks_.data() + k * 4 * W_ + a / kWordBits;
    for (unsigned r = 0; r < 4; ++r) {
      if (rules & (1U << r))
        base[r * W_] |= m;
      else
        base[r * W_] &= ~m;
    }
  }
  static bool agrees(const Word* agree, std::size_t a) {
    return (agree[a / kWordBits] >> (a % kWordBits)) & 1U;
  }

  std::size_t K_ = 0, n1_ = 0, P_ = 0, W_ = 0;
  std::vector<int> fields_;  // [unit][pattern]: Σ_i σ_i ξ'_i (label-folded for sign units)

 private:
  std::vector<Word> masks_;          // [unit][rule][words]
  mutable std::vector<Word> agree_;  // scratch
};

std::unique_ptr<EnergyModel> make_sign_errors_model(std::shared_ptr<const PatternColumns> columns);
std::unique_ptr<EnergyModel> make_min_flips_model(std::shared_ptr<const PatternColumns> columns);
std::unique_ptr<EnergyModel> make_relu_errors_model(std::shared_ptr<const PatternColumns> columns);

}  // namespace robens
