#include "robens/algorithms/warm_start.hpp"

#include "robens/core/error.hpp"

namespace robens {
namespace {

void check_shape(const BinaryNetwork& net, const NetworkShape& shape, const std::string& what) {
  require(net.shape == shape,
          "{}: its network ({}, {} inputs, K = {}, {}) does not match the problem ({}, {} "
          "inputs, K = {}, {})",
          what, to_string(net.shape.architecture), net.shape.inputs, net.shape.units,
          to_string(net.shape.activation), to_string(shape.architecture), shape.inputs, shape.units,
          to_string(shape.activation));
}

}  // namespace

std::vector<BinaryNetwork> WarmStart::starting_networks(std::size_t y,
                                                        const NetworkShape& shape) const {
  const bool use_replicas =
      pick == WarmStartPick::replicas || (pick == WarmStartPick::automatic && replicas.size() == y);
  std::vector<BinaryNetwork> nets;
  if (use_replicas) {
    require(replicas.size() == y,
            "{}: starting from its replicas needs exactly y = {} replicas (it holds {})", source, y,
            replicas.size());
    for (std::size_t a = 0; a < y; ++a)
      check_shape(replicas[a], shape, fmt::format("{}: replica {}", source, a + 1));
    return replicas;
  }
  require(center.has_value(), "{}: holds no centre network to start from", source);
  check_shape(*center, shape, fmt::format("{}: the centre", source));
  nets.assign(y, *center);
  return nets;
}

nlohmann::json WarmStart::to_json() const {
  if (empty()) return nullptr;
  nlohmann::json j = {{"source", source}, {"which", to_string(pick)}};
  if (!schedule.empty()) j["schedule"] = schedule;
  if (state) j["state"] = true;
  return j;
}

}  // namespace robens
