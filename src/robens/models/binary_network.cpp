#include "robens/models/binary_network.hpp"

#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"

namespace robens {

BinaryNetwork BinaryNetwork::random(const NetworkShape& s, Rng& rng) {
  BinaryNetwork net(s);
  const Word mask = tail_mask(s.unit_inputs());
  for (auto& unit : net.units) {
    auto w = unit.words();
    for (auto& word : w) word = rng.next_u64();
    w.back() &= mask;
  }
  return net;
}

std::vector<std::int8_t> BinaryNetwork::to_signs() const {
  std::vector<std::int8_t> out;
  out.reserve(shape.weights());
  for (const auto& unit : units) {
    auto s = unit.to_signs();
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

BinaryNetwork BinaryNetwork::from_signs(const NetworkShape& s, std::span<const std::int8_t> signs) {
  require(signs.size() == s.weights(), "expected {} weights, got {}", s.weights(), signs.size());
  BinaryNetwork net(s);
  for (std::size_t j = 0; j < signs.size(); ++j) net.set_flat(j, signs[j]);
  return net;
}

int BinaryNetwork::hamming(const BinaryNetwork& other) const {
  int d = 0;
  for (std::size_t k = 0; k < units.size(); ++k) d += units[k].hamming(other.units[k]);
  return d;
}

double BinaryNetwork::overlap(const BinaryNetwork& other) const {
  const double n = static_cast<double>(shape.weights());
  return (n - 2.0 * hamming(other)) / n;
}

nlohmann::json BinaryNetwork::to_json() const {
  nlohmann::json j = shape.to_json();
  auto& w = j["weights"] = nlohmann::json::array();
  for (const auto& unit : units) {
    std::string s(unit.size(), '-');
    for (std::size_t i = 0; i < unit.size(); ++i)
      if (unit.bit(i)) s[i] = '+';
    w.push_back(std::move(s));
  }
  return j;
}

BinaryNetwork BinaryNetwork::from_json(const nlohmann::json& j) {
  const NetworkShape shape = NetworkShape::from_json(j);
  require(j.contains("weights"), "network: missing 'weights' (one string of '+'/'-' per unit)");
  const auto& w = get_array(j["weights"], "network: 'weights'");
  // The rows must be in the file before the network is allocated: the shape alone could ask for
  // gigabytes.
  require(w.size() == shape.units, "network: {} weight rows for K = {} units", w.size(),
          shape.units);
  // Every row is checked before allocating: a header alone may declare K·N = 2^40 weights.
  for (std::size_t k = 0; k < shape.units; ++k) {
    require(w[k].is_string(), "network: weights of unit {} must be a string of '+'/'-'", k + 1);
    const auto& s = w[k].get_ref<const std::string&>();
    require(s.size() == shape.unit_inputs(), "network: unit {} has {} weights, expected {}", k + 1,
            s.size(), shape.unit_inputs());
  }
  BinaryNetwork net(shape);
  for (std::size_t k = 0; k < shape.units; ++k) {
    const auto& s = w[k].get_ref<const std::string&>();
    for (std::size_t i = 0; i < s.size(); ++i) {
      require(s[i] == '+' || s[i] == '-', "network: unit {} weight {} is '{}', expected '+' or '-'",
              k + 1, i + 1, s[i]);
      net.units[k].set(i, s[i] == '+' ? 1 : -1);
    }
  }
  return net;
}

UnitInputs::UnitInputs(const PatternSet& set, const NetworkShape& shape)
    : shape_(shape), labels_(set.labels) {
  shape.validate();
  require(set.input_size() == shape.inputs, "patterns have {} inputs but the network expects {}",
          set.input_size(), shape.inputs);
  if (shape.architecture == Architecture::tree && shape.units > 1) {
    for (std::size_t k = 0; k < shape.units; ++k)
      blocks_.push_back(set.inputs.column_block(shape.unit_offset(k), shape.unit_inputs()));
  } else {
    blocks_.push_back(set.inputs);
  }
}

}  // namespace robens
