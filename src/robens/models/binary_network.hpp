#pragma once
// Binary weights of a network (one bit-packed vector per hidden unit) and the per-unit view of a
// pattern set, so that every forward pass is a popcount over whole words.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "robens/core/bitvector.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/core/rng.hpp"
#include "robens/models/network_shape.hpp"

namespace robens {

struct BinaryNetwork {
  NetworkShape shape;
  std::vector<BitVector> units;  // units[k] has shape.unit_inputs() entries

  BinaryNetwork() = default;
  explicit BinaryNetwork(const NetworkShape& s)
      : shape(s), units(s.units, BitVector(s.unit_inputs())) {}
  static BinaryNetwork random(const NetworkShape& s, Rng& rng);

  int weight(std::size_t k, std::size_t i) const { return units[k].get(i); }
  // Flat index j = k·unit_inputs + i, the order used by algorithms that see one long vector.
  int flat(std::size_t j) const {
    return units[j / shape.unit_inputs()].get(j % shape.unit_inputs());
  }
  void set_flat(std::size_t j, int s) {
    units[j / shape.unit_inputs()].set(j % shape.unit_inputs(), s);
  }
  std::vector<std::int8_t> to_signs() const;  // flat order
  static BinaryNetwork from_signs(const NetworkShape& s, std::span<const std::int8_t> signs);
  int hamming(const BinaryNetwork& other) const;
  // Overlap q = (1/N_w) Σ_j W_j W'_j.
  double overlap(const BinaryNetwork& other) const;

  nlohmann::json to_json() const;  // units as strings of '+'/'-'
  static BinaryNetwork from_json(const nlohmann::json& j);
  friend bool operator==(const BinaryNetwork&, const BinaryNetwork&) = default;
};

// The patterns as each hidden unit sees them: tree units get their own column block, fully
// connected units share the whole matrix. Labels are copied alongside.
class UnitInputs {
 public:
  UnitInputs(const PatternSet& set, const NetworkShape& shape);

  std::size_t size() const { return labels_.size(); }
  std::size_t unit_inputs() const { return blocks_.front().cols(); }
  std::span<const Word> input(std::size_t k, std::size_t a) const {
    return blocks_[block_of(k)].row(a);
  }
  const BitMatrix& matrix(std::size_t k) const { return blocks_[block_of(k)]; }
  int label(std::size_t a) const { return labels_[a]; }
  const NetworkShape& shape() const { return shape_; }

 private:
  std::size_t block_of(std::size_t k) const { return blocks_.size() == 1 ? 0 : k; }
  NetworkShape shape_;
  std::vector<BitMatrix> blocks_;
  std::vector<std::int8_t> labels_;
};

}  // namespace robens
