#include "robens/io/network_file.hpp"

#include "robens/core/error.hpp"
#include "robens/core/json_parse.hpp"
#include "robens/core/json_value.hpp"
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

namespace {

// The fields after "center" (all optional: files of older robens lack some).
void read_run_fields(const nlohmann::json& j, NetworkFile& out) {
  if (j.contains("replicas"))
    for (const auto& r : get_array(j["replicas"], "'replicas'"))
      out.replicas.push_back(BinaryNetwork::from_json(r));
  if (j.contains("run")) out.run = get_object(j["run"], "'run'");
  if (j.contains("extra")) out.extra = get_object(j["extra"], "'extra'");
  if (j.contains("solved")) out.solved = get_bool(j["solved"], "'solved'");
  if (j.contains("interrupted")) out.interrupted = get_bool(j["interrupted"], "'interrupted'");
  if (j.contains("errors")) out.errors = get_integer<long>(j["errors"], "'errors'", -1);
  if (j.contains("min_errors"))
    out.min_errors = get_integer<long>(j["min_errors"], "'min_errors'", -1);
  for (const char* unit : {"epochs", "iterations"})
    if (j.contains(unit)) {
      out.step_unit = unit;
      out.steps = get_integer<long>(j[unit], fmt::format("'{}'", unit), 0);
    }
}

}  // namespace

NetworkFile network_file_from_json(const nlohmann::json& j, const std::string& source) {
  require(j.is_object(), "{}: expected a JSON object, got {}", source, json_kind(j));
  NetworkFile out;
  try {
    if (!j.contains("center")) {
      out.center = BinaryNetwork::from_json(j);
      return out;
    }
    out.center = BinaryNetwork::from_json(j["center"]);
    read_run_fields(j, out);
  } catch (const InputError& e) {
    fail("{}: {}", source, e.what());
  } catch (const nlohmann::json::exception& e) {
    fail("{}: not a robens network file ({})", source, json_error_text(e));
  }
  return out;
}

NetworkFile load_network_file(const std::filesystem::path& path) {
  return network_file_from_json(parse_json(read_file(path), path.string()), path.string());
}

}  // namespace robens
