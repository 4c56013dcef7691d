#include "robens/theory/kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "robens/core/error.hpp"
#include "robens/math/special_functions.hpp"

namespace robens::theory {
namespace {

using math::kPi;

double clamp_overlap(double q) {
  return std::clamp(q, -1.0, 1.0);
}

// ReLU arc-cosine kernel Δ(q) = [√(1−q²) + q(π − acos q)]/(2π); Δ_{−1} = 1/(2π), Δ_2 = 1/2.
double relu_delta(double q) {
  q = clamp_overlap(q);
  return (std::sqrt(1.0 - q * q) + q * (kPi - std::acos(q))) / (2.0 * kPi);
}
double relu_ddelta(double q) {
  return (kPi - std::acos(clamp_overlap(q))) / (2.0 * kPi);
}
double relu_d2delta(double q) {
  q = clamp_overlap(q);
  return 1.0 / (2.0 * kPi * std::sqrt(std::max(1.0 - q * q, 1e-300)));
}

}  // namespace

Kernel::Kernel(Transfer transfer, KernelVariant variant) : transfer_(transfer), variant_(variant) {
  require(variant == KernelVariant::centred || transfer == Transfer::relu,
          "the uncentred kernel variant only exists for the ReLU");
}

std::string Kernel::name() const {
  std::string n = to_string(transfer_);
  if (variant_ == KernelVariant::uncentred) n += "-uncentred";
  return n;
}

double Kernel::phi(double q) const {
  switch (transfer_) {
    case Transfer::identity:
      return q;
    case Transfer::sign:
      return 2.0 / kPi * std::asin(clamp_overlap(q));
    case Transfer::relu:
      if (variant_ == KernelVariant::uncentred) return relu_delta(q) / 0.5;
      return (relu_delta(q) - 0.5 / kPi) / (0.5 - 0.5 / kPi);
  }
  return q;
}

double Kernel::dphi(double q) const {
  switch (transfer_) {
    case Transfer::identity:
      return 1.0;
    case Transfer::sign: {
      q = clamp_overlap(q);
      return 2.0 / (kPi * std::sqrt(std::max(1.0 - q * q, 1e-300)));
    }
    case Transfer::relu:
      if (variant_ == KernelVariant::uncentred) return relu_ddelta(q) / 0.5;
      return relu_ddelta(q) / (0.5 - 0.5 / kPi);
  }
  return 1.0;
}

double Kernel::d2phi(double q) const {
  switch (transfer_) {
    case Transfer::identity:
      return 0.0;
    case Transfer::sign: {
      q = clamp_overlap(q);
      const double s = std::max(1.0 - q * q, 1e-300);
      return 2.0 * q / (kPi * s * std::sqrt(s));
    }
    case Transfer::relu:
      if (variant_ == KernelVariant::uncentred) return relu_d2delta(q) / 0.5;
      return relu_d2delta(q) / (0.5 - 0.5 / kPi);
  }
  return 0.0;
}

double Kernel::dphi_at_one() const {
  switch (transfer_) {
    case Transfer::identity:
      return 1.0;
    case Transfer::sign:
      return std::numeric_limits<double>::infinity();
    case Transfer::relu:
      return relu_ddelta(1.0) / (variant_ == KernelVariant::uncentred ? 0.5 : 0.5 - 0.5 / kPi);
  }
  return 1.0;
}

}  // namespace robens::theory
