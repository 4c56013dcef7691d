#pragma once
// Where a run starts instead of a random configuration: saved networks (a centre and/or
// replicas), optionally the schedule the saved run ended at, or algorithm state such as fBP's
// messages. One type for every algorithm; files are read by run/warm_start_file.hpp. An
// algorithm that cannot use what it is given says so (InputError).
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "robens/algorithms/train_result.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/models/binary_network.hpp"

namespace robens {

// Which saved networks start the replicas: `automatic` takes the replicas when there are exactly
// y of them, else the centre.
enum class WarmStartPick { automatic, center, replicas };
template <>
struct EnumNames<WarmStartPick> {
  static constexpr std::pair<WarmStartPick, const char*> values[] = {
      {WarmStartPick::automatic, "auto"},
      {WarmStartPick::center, "center"},
      {WarmStartPick::replicas, "replicas"}};
};

struct WarmStart {
  std::string source;  // where it came from (a file name), recorded in the parameters
  std::optional<BinaryNetwork> center;
  std::vector<BinaryNetwork> replicas;
  WarmStartPick pick = WarmStartPick::automatic;
  // The schedule values the saved run ended at (e.g. {"beta": 2.1, "gamma": 0.4}); empty: none.
  nlohmann::json schedule = nlohmann::json::object();
  std::shared_ptr<const RunState> state;  // algorithm state (e.g. fBP messages)

  bool empty() const { return !center && replicas.empty() && !state; }
  // The y starting networks (each checked against `shape`): replica a from replica a, or every
  // replica from the centre. Throws InputError when the saved networks do not fit.
  std::vector<BinaryNetwork> starting_networks(std::size_t y, const NetworkShape& shape) const;
  // What the run records under "init_from" in its parameters.
  nlohmann::json to_json() const;
};

}  // namespace robens
