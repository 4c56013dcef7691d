#include "robens/io/network_file.hpp"

#include "robens/core/error.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/core/version.hpp"

namespace robens {

nlohmann::json result_file_json(const TrainResult& result, const nlohmann::json& run_info) {
  nlohmann::json j = {{"format", "robens-network"},
                      {"format_version", 1},
                      {"version", kVersion},
                      {"run", run_info},
                      {"solved", result.solved},
                      {"interrupted", result.interrupted},
                      {result.step_unit, result.steps},
                      {"errors", result.errors},
                      {"min_errors", result.min_errors},
                      {"center", result.center.to_json()},
                      {"extra", result.extra}};
  auto& reps = j["replicas"] = nlohmann::json::array();
  for (const auto& r : result.replicas) reps.push_back(r.to_json());
  return j;
}

void save_result_file(const std::filesystem::path& path, const TrainResult& result,
                      const nlohmann::json& run_info) {
  write_file_atomically(path, result_file_json(result, run_info).dump() + "\n");
}

LoadedNetworks load_result_file(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    fail("{}: not valid JSON ({})", path.string(), e.what());
  }
  require(j.is_object(), "{}: expected a JSON object", path.string());
  LoadedNetworks out;
  try {
    if (j.contains("center")) {
      out.center = BinaryNetwork::from_json(j.at("center"));
      if (j.contains("replicas"))
        for (const auto& r : j.at("replicas")) out.replicas.push_back(BinaryNetwork::from_json(r));
      out.run_info = j.value("run", nlohmann::json::object());
      out.extra = j.value("extra", nlohmann::json::object());
    } else {
      out.center = BinaryNetwork::from_json(j);
    }
  } catch (const InputError& e) {
    fail("{}: {}", path.string(), e.what());
  }
  return out;
}

}  // namespace robens
