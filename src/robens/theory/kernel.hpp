#pragma once
// The effective kernel of a K → ∞ tree committee (docs/theory.md, "Model and the effective
// kernel"): every energetic term is the
// perceptron's with each overlap q replaced by φ(q) = (Δ(q) − Δ_{−1})/(Δ_2 − Δ_{−1}), where
// Δ(q) = E[g(x)g(y)] for unit Gaussians with correlation q. The perceptron is g = identity.
#include <string>
#include <utility>

#include "robens/core/enum_names.hpp"

namespace robens::theory {

enum class Transfer { identity, sign, relu };

// How the ReLU kernel is normalised. `centred` is the physical one (±1 output weights cancel
// the mean). `uncentred` drops the Δ_{−1} subtraction, i.e. uses Δ/Δ_2 as if the output
// weights were all +1 and the mean were ignored: kept only to investigate the PRL's numbers
// (docs/theory.md); it is not a consistent model (φ(0) ≠ 0).
enum class KernelVariant { centred, uncentred };

class Kernel {
 public:
  explicit Kernel(Transfer transfer, KernelVariant variant = KernelVariant::centred);

  Transfer transfer() const { return transfer_; }
  KernelVariant variant() const { return variant_; }
  std::string name() const;

  double phi(double q) const;    // effective overlap c = φ(q)
  double dphi(double q) const;   // φ'(q) (q < 1)
  double d2phi(double q) const;  // φ''(q) (q < 1)
  // φ'(1): finite for identity and ReLU, +∞ for sign (RS capacity diverges).
  double dphi_at_one() const;

 private:
  Transfer transfer_;
  KernelVariant variant_;
};

}  // namespace robens::theory

namespace robens {

template <>
struct EnumNames<theory::Transfer> {
  static constexpr std::pair<theory::Transfer, const char*> values[] = {
      {theory::Transfer::identity, "identity"},
      {theory::Transfer::sign, "sign"},
      {theory::Transfer::relu, "relu"}};
  static constexpr std::pair<theory::Transfer, const char*> aliases[] = {
      {theory::Transfer::identity, "linear"}};
};
template <>
struct EnumNames<theory::KernelVariant> {
  static constexpr std::pair<theory::KernelVariant, const char*> values[] = {
      {theory::KernelVariant::centred, "centred"}, {theory::KernelVariant::uncentred, "uncentred"}};
};

}  // namespace robens
