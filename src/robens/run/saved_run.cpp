#include "robens/run/saved_run.hpp"

namespace robens {

NetworkFile network_file_of(const RunSummary& s) {
  NetworkFile f;
  f.run = s.info.to_json();
  f.solved = s.result.solved;
  f.interrupted = s.result.interrupted;
  f.step_unit = s.result.step_unit;
  f.steps = s.result.steps;
  f.errors = s.result.errors;
  f.min_errors = s.result.min_errors;
  f.center = s.result.center;
  f.replicas = s.result.replicas;
  f.extra = s.result.extra;
  return f;
}

void save_run(const std::filesystem::path& path, const RunSummary& summary) {
  save_network_file(path, network_file_of(summary));
}

}  // namespace robens
