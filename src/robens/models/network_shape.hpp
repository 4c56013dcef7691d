#pragma once
// The architecture of a binary network: a perceptron (K = 1) or a committee machine with K hidden
// units, fully connected (every unit sees all inputs) or tree (unit k sees block k of the inputs).
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "robens/core/enum_names.hpp"

namespace robens {

enum class Architecture { fully_connected, tree };
enum class Activation { sign, relu };

template <>
struct EnumNames<Architecture> {
  static constexpr std::pair<Architecture, const char*> values[] = {
      {Architecture::fully_connected, "fc"}, {Architecture::tree, "tree"}};
};
template <>
struct EnumNames<Activation> {
  static constexpr std::pair<Activation, const char*> values[] = {{Activation::sign, "sign"},
                                                                  {Activation::relu, "relu"}};
};

struct NetworkShape {
  // Limits checked by validate() (and by from_json before anything is allocated).
  static constexpr std::size_t kMaxInputs = std::size_t{1} << 28;
  static constexpr std::size_t kMaxUnits = 4096;
  static constexpr std::size_t kMaxWeights = std::size_t{1} << 32;  // 512 MiB of bits per network

  Architecture architecture = Architecture::fully_connected;
  std::size_t inputs = 0;  // pattern length N_in
  std::size_t units = 1;   // K hidden units (1: perceptron)
  Activation activation = Activation::sign;

  static NetworkShape perceptron(std::size_t n) {
    return {Architecture::fully_connected, n, 1, Activation::sign};
  }
  // For the CLI's convention: --N is inputs per unit for fc, total inputs for tree.
  static NetworkShape committee(Architecture arch, std::size_t n, std::size_t k, Activation act);

  bool is_perceptron() const { return units == 1 && activation == Activation::sign; }
  std::size_t unit_inputs() const {
    return architecture == Architecture::tree ? inputs / units : inputs;
  }
  std::size_t weights() const { return unit_inputs() * units; }
  // First input coordinate seen by unit k.
  std::size_t unit_offset(std::size_t k) const {
    return architecture == Architecture::tree ? k * unit_inputs() : 0;
  }
  // ReLU output weights: +1 for the first half of the units, −1 for the second half.
  int output_weight(std::size_t k) const {
    return activation == Activation::relu && k >= units / 2 ? -1 : 1;
  }

  // Throws InputError on impossible or ambiguous shapes (e.g. even fields for sign units).
  void validate() const;
  nlohmann::json to_json() const;
  static NetworkShape from_json(const nlohmann::json& j);
  friend bool operator==(const NetworkShape&, const NetworkShape&) = default;
};

}  // namespace robens
