#pragma once
// Energies of one binary network on a training set with incremental single-flip updates, for
// Monte Carlo (docs/rsa.md, "Energies"). A model owns the network's weights (flat index
// j = k·unit_inputs + i, as BinaryNetwork::flat) and caches per-pattern fields so that
//   delta(j)  = E(after flipping j) − E(now)   costs O(P/64) word operations (bitmasks,
//             docs/rsa.md, "Bitmask ΔE"),
//   flip(j)   applies the flip and updates every cache in O(P) (plus O(P·K) for the min-flip
//             committee energy when a pattern's wrong-unit ranking changes).
// Energies are integers: either the number of misclassified patterns, or the PNAS "minimum number
// of weight flips" (R(x) = (x+1)/2 per violated pattern, PNAS "Neural Network Models") in units
// of flips, i.e. WITHOUT the package's 2/√N rescaling (β here = β_package · 2/√N for the
// perceptron).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "robens/core/pattern_set.hpp"
#include "robens/models/binary_network.hpp"
#include "robens/models/network_shape.hpp"

namespace robens {

enum class EnergyKind { min_flips, errors };
template <>
struct EnumNames<EnergyKind> {
  static constexpr std::pair<EnergyKind, const char*> values[] = {
      {EnergyKind::min_flips, "minflips"}, {EnergyKind::errors, "errors"}};
};

// The energy an algorithm is asked for: `automatic` is minimum flips for sign units (PNAS) and
// errors for ReLU units (the only energy defined for them).
enum class EnergyChoice { automatic, min_flips, errors };
template <>
struct EnumNames<EnergyChoice> {
  static constexpr std::pair<EnergyChoice, const char*> values[] = {
      {EnergyChoice::automatic, "auto"},
      {EnergyChoice::min_flips, "minflips"},
      {EnergyChoice::errors, "errors"}};
};
EnergyKind resolve_energy(EnergyChoice choice, const NetworkShape& shape);
// Why `choice` is not defined for `shape` ("" if it is).
std::string unsupported_energy(EnergyChoice choice, const NetworkShape& shape);

// The patterns in the weight-major layout that single-flip updates need, shared by all replicas.
// Column (block, i) holds bit a = input i of pattern a as seen by unit block, folded with the label
// (bit XOR [label = −1]) for sign units, so that the wanted output is always +1.
struct PatternColumns {
  NetworkShape shape;
  std::size_t patterns = 0;
  std::size_t unit_inputs = 0;
  std::size_t words = 0;  // words per column: ceil(P/64)
  bool labels_folded = false;
  std::vector<Word> bits;           // [block][i][words]
  std::vector<std::int8_t> labels;  // ±1 per pattern (used by ReLU units)

  PatternColumns(const PatternSet& set, const NetworkShape& s);
  std::size_t block_of(std::size_t unit) const {
    return shape.architecture == Architecture::tree ? unit : 0;
  }
  const Word* column(std::size_t unit, std::size_t i) const {
    return bits.data() + (block_of(unit) * unit_inputs + i) * words;
  }
};

class EnergyModel {
 public:
  virtual ~EnergyModel() = default;
  virtual std::string name() const = 0;
  // Sets the weights and rebuilds every cache from scratch.
  virtual void set_state(const BinaryNetwork& net) = 0;
  virtual long delta(std::size_t j) const = 0;
  virtual void flip(std::size_t j) = 0;

  long energy() const { return energy_; }
  long errors() const { return errors_; }  // misclassified patterns (energy 0 ⇔ errors 0)
  std::size_t size() const { return spins_.size(); }
  std::size_t patterns() const { return columns_->patterns; }
  int spin(std::size_t j) const { return spins_[j] ? 1 : -1; }
  bool bit(std::size_t j) const { return spins_[j] != 0; }
  const NetworkShape& shape() const { return columns_->shape; }
  const std::shared_ptr<const PatternColumns>& columns() const { return columns_; }
  BinaryNetwork network() const;

 protected:
  explicit EnergyModel(std::shared_ptr<const PatternColumns> columns)
      : columns_(std::move(columns)), spins_(columns_->shape.weights(), 0) {}
  void load_spins(const BinaryNetwork& net);

  std::shared_ptr<const PatternColumns> columns_;
  std::vector<std::uint8_t> spins_;  // 1 = +1
  long energy_ = 0;
  long errors_ = 0;
};

// Builds the model for a shape: sign units (perceptron = K 1) with min_flips or errors; ReLU units
// with errors only. Throws InputError for other combinations. The weights start all −1; call
// set_state.
std::unique_ptr<EnergyModel> make_energy_model(EnergyKind kind,
                                               std::shared_ptr<const PatternColumns> columns);

}  // namespace robens
