#include "robens/models/flip_mask_model.hpp"

#include <bit>

namespace robens {

FlipMaskModel::FlipMaskModel(std::shared_ptr<const PatternColumns> columns)
    : EnergyModel(std::move(columns)) {
  K_ = columns_->shape.units;
  n1_ = columns_->unit_inputs;
  P_ = columns_->patterns;
  W_ = columns_->words;
  fields_.assign(K_ * P_, 0);
  masks_.assign(K_ * 4 * W_, 0);
  agree_.assign(W_, 0);
}

long FlipMaskModel::delta(std::size_t j) const {
  const std::size_t k = j / n1_;
  const Word* col = columns_->column(k, j % n1_);
  const Word* pa = masks_.data() + k * 4 * W_;
  const Word* pd = pa + W_;
  const Word* ma = pd + W_;
  const Word* md = ma + W_;
  // agree = column if σ = +1, its complement if σ = −1 (mask tails are zero, so no tail masking).
  const Word invert = spins_[j] ? Word{0} : ~Word{0};
  long plus = 0, minus = 0;
  for (std::size_t w = 0; w < W_; ++w) {
    const Word ag = col[w] ^ invert;
    plus += std::popcount(pa[w] & ag) + std::popcount(pd[w] & ~ag);
    minus += std::popcount(ma[w] & ag) + std::popcount(md[w] & ~ag);
  }
  return plus - minus;
}

void FlipMaskModel::flip(std::size_t j) {
  const std::size_t k = j / n1_;
  const Word* col = columns_->column(k, j % n1_);
  const Word invert = spins_[j] ? Word{0} : ~Word{0};
  for (std::size_t w = 0; w < W_; ++w) agree_[w] = col[w] ^ invert;
  spins_[j] ^= 1U;
  apply_flip(k, agree_.data());
}

void FlipMaskModel::set_state(const BinaryNetwork& net) {
  load_spins(net);
  for (std::size_t k = 0; k < K_; ++k) {
    for (std::size_t a = 0; a < P_; ++a) field(k, a) = 0;
    for (std::size_t i = 0; i < n1_; ++i) {
      const Word* col = columns_->column(k, i);
      const bool s = spins_[k * n1_ + i] != 0;
      for (std::size_t a = 0; a < P_; ++a) {
        const bool x = (col[a / kWordBits] >> (a % kWordBits)) & 1U;
        field(k, a) += (x == s) ? 1 : -1;
      }
    }
  }
  rebuild();
}

}  // namespace robens
