#include "robens/run/warm_start_file.hpp"

#include <fstream>

#include "robens/algorithms/registry.hpp"
#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"
#include "robens/io/files.hpp"
#include "robens/io/network_file.hpp"

namespace robens {
namespace {

// Network files are JSON objects; anything else (gzip, text tables) is an algorithm's state.
bool looks_like_json(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  require(in.good(), "{}: cannot open for reading", path.string());
  char c = 0;
  while (in.get(c))
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c == '{';
  return false;
}

}  // namespace

WarmStart load_warm_start(const std::filesystem::path& path, std::string_view algorithm,
                          WarmStartPick pick, bool schedule) {
  const AlgorithmInfo& info = find_algorithm(algorithm);
  check_input_file(path);  // names what is wrong: missing, a directory, a device
  WarmStart start;
  start.source = path.string();
  start.pick = pick;
  if (!looks_like_json(path)) {
    require(info.read_state != nullptr,
            "{}: not a robens network file ({} starts from network files only)", path.string(),
            algorithm);
    require(pick == WarmStartPick::automatic && !schedule,
            "{}: init_which and init_schedule apply to network files", path.string());
    start.state = info.read_state(path);
    return start;
  }
  NetworkFile file = load_network_file(path);
  start.center = std::move(file.center);
  start.replicas = std::move(file.replicas);
  if (schedule) {
    require(file.extra.contains("final_beta") && file.extra.contains("final_gamma"),
            "init_schedule: {} records no final beta/gamma (not an rsa result file, or written "
            "by an older robens)",
            path.string());
    const double beta = get_number(file.extra["final_beta"], path.string() + ": 'final_beta'");
    const double gamma = get_number(file.extra["final_gamma"], path.string() + ": 'final_gamma'");
    require(beta >= 0 && gamma >= 0, "{}: final beta {} and gamma {} must be >= 0", path.string(),
            beta, gamma);
    start.schedule = {{"beta", file.extra["final_beta"]}, {"gamma", file.extra["final_gamma"]}};
  }
  return start;
}

}  // namespace robens
