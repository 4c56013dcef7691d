#pragma once
// Focusing protocols (docs/fbp.md): each yields the sequence of (γ, y) pairs of the focusing
// steps (β is always +∞: only zero temperature is supported). Lists of numbers are given as
// ranges: comma-separated items, each a number or start:step:stop (stop included when on the grid),
// e.g. "0:0.01:0.99" or "0:0.01:0.99,0.992:0.002:0.998". "inf" is accepted as a number.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "robens/core/enum_names.hpp"

namespace robens {

enum class ProtocolKind { standard, scoping, pseudo, free_scoping };
template <>
struct EnumNames<ProtocolKind> {
  static constexpr std::pair<ProtocolKind, const char*> values[] = {
      {ProtocolKind::standard, "standard"},
      {ProtocolKind::scoping, "scoping"},
      {ProtocolKind::pseudo, "pseudo"},
      {ProtocolKind::free_scoping, "free"}};
};

struct FocusingStep {
  double gamma = 0;  // coupling to the reference (may be +∞)
  double y = 1;      // number of replicas (may be +∞)
};

// "a:s:b,c,..." → the numbers, in order. Throws InputError on malformed text.
std::vector<double> parse_ranges(const std::string& text, const std::string& option_name);

struct FbpProtocol {
  ProtocolKind kind = ProtocolKind::standard;
  std::string rho = "0:0.002:0.998";  // standard, pseudo: the ρ sequence
  std::string gamma = "0:0.1:10";     // scoping: the γ sequence
  double y = 7;                       // scoping: fixed y
  double x = 0.5;                     // pseudo: mapping exponent
  std::string pairs;                  // free: "γ:y[:β],γ:y,..."

  // The steps in order; validates every value (InputError).
  std::vector<FocusingStep> steps() const;
};

// Standard reinforcement ρ → (γ = ∞, y = 1/(1 − ρ)); pseudo-reinforcement with exponent x.
FocusingStep standard_reinforcement_step(double rho);
FocusingStep pseudo_reinforcement_step(double rho, double x);

}  // namespace robens
