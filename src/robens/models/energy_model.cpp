#include "robens/models/energy_model.hpp"

#include "robens/core/error.hpp"
#include "robens/models/flip_mask_model.hpp"

namespace robens {

EnergyKind resolve_energy(EnergyChoice choice, const NetworkShape& shape) {
  if (choice == EnergyChoice::min_flips) return EnergyKind::min_flips;
  if (choice == EnergyChoice::errors) return EnergyKind::errors;
  return shape.activation == Activation::relu ? EnergyKind::errors : EnergyKind::min_flips;
}

std::string unsupported_energy(EnergyChoice choice, const NetworkShape& shape) {
  if (shape.activation == Activation::relu && choice == EnergyChoice::min_flips)
    return "the minflips energy is defined for sign units; use energy errors (or auto) for relu";
  return "";
}

PatternColumns::PatternColumns(const PatternSet& set, const NetworkShape& s) : shape(s) {
  set.validate();
  const UnitInputs in(set, s);  // validates the shape and the sizes
  patterns = set.size();
  require(patterns >= 1, "the training set is empty");
  unit_inputs = s.unit_inputs();
  words = words_for(patterns);
  labels = set.labels;
  labels_folded = s.activation == Activation::sign;
  std::vector<Word> negative(words, 0);
  if (labels_folded)
    for (std::size_t a = 0; a < patterns; ++a)
      if (labels[a] < 0) negative[a / kWordBits] |= Word{1} << (a % kWordBits);
  const std::size_t blocks = s.architecture == Architecture::tree ? s.units : 1;
  bits.assign(blocks * unit_inputs * words, 0);
  const Word tail = tail_mask(patterns);
  for (std::size_t b = 0; b < blocks; ++b) {
    const BitMatrix t = in.matrix(b).transposed();  // rows: inputs, bits: patterns
    for (std::size_t i = 0; i < unit_inputs; ++i) {
      const auto row = t.row(i);
      Word* out = bits.data() + (b * unit_inputs + i) * words;
      for (std::size_t w = 0; w < words; ++w) out[w] = row[w] ^ negative[w];
      out[words - 1] &= tail;
    }
  }
}

BinaryNetwork EnergyModel::network() const {
  BinaryNetwork net(columns_->shape);
  for (std::size_t j = 0; j < spins_.size(); ++j) net.set_flat(j, spin(j));
  return net;
}

void EnergyModel::load_spins(const BinaryNetwork& net) {
  require(net.shape == columns_->shape, "network shape does not match the energy model");
  for (std::size_t j = 0; j < spins_.size(); ++j) spins_[j] = net.flat(j) > 0 ? 1 : 0;
}

std::unique_ptr<EnergyModel> make_energy_model(EnergyKind kind,
                                               std::shared_ptr<const PatternColumns> columns) {
  require(columns != nullptr, "energy model without patterns");
  if (columns->shape.activation == Activation::relu) {
    require(kind == EnergyKind::errors,
            "the minimum-flip energy is defined for sign units only; use --energy errors for ReLU");
    return make_relu_errors_model(std::move(columns));
  }
  if (kind == EnergyKind::errors) return make_sign_errors_model(std::move(columns));
  return make_min_flips_model(std::move(columns));
}

}  // namespace robens
