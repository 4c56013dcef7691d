#include "robens/io/network_file.hpp"

#include "robens/core/error.hpp"
#include "robens/core/version.hpp"
#include "robens/io/files.hpp"

namespace robens {

nlohmann::json NetworkFile::to_json() const {
  nlohmann::json j = {{"format", "robens-network"},
                      {"format_version", 1},
                      {"version", kVersion},
                      {"run", run},
                      {"solved", solved},
                      {"interrupted", interrupted},
                      {step_unit, steps},
                      {"errors", errors},
                      {"min_errors", min_errors},
                      {"center", center.to_json()},
                      {"extra", extra}};
  auto& reps = j["replicas"] = nlohmann::json::array();
  for (const auto& r : replicas) reps.push_back(r.to_json());
  return j;
}

void save_network_file(const std::filesystem::path& path, const NetworkFile& file) {
  write_file_atomically(path, file.to_json().dump() + "\n");
}

NetworkFile network_file_from_json(const nlohmann::json& j, const std::string& source) {
  require(j.is_object(), "{}: expected a JSON object", source);
  NetworkFile out;
  try {
    if (!j.contains("center")) {
      out.center = BinaryNetwork::from_json(j);
      return out;
    }
    out.center = BinaryNetwork::from_json(j.at("center"));
    if (j.contains("replicas"))
      for (const auto& r : j.at("replicas")) out.replicas.push_back(BinaryNetwork::from_json(r));
    out.run = j.value("run", nlohmann::json::object());
    out.extra = j.value("extra", nlohmann::json::object());
    out.solved = j.value("solved", false);
    out.interrupted = j.value("interrupted", false);
    out.errors = j.value("errors", -1L);
    out.min_errors = j.value("min_errors", -1L);
    for (const char* unit : {"epochs", "iterations"})
      if (j.contains(unit) && j[unit].is_number_integer()) {
        out.step_unit = unit;
        out.steps = j[unit].get<long>();
      }
  } catch (const InputError& e) {
    fail("{}: {}", source, e.what());
  } catch (const nlohmann::json::exception& e) {
    fail("{}: not a robens network file ({})", source, e.what());
  }
  return out;
}

NetworkFile load_network_file(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // also out_of_range: numbers like 2E2222
    fail("{}: not valid JSON ({})", path.string(), e.what());
  }
  return network_file_from_json(j, path.string());
}

}  // namespace robens
