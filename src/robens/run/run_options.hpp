#pragma once
// The options of a run beyond the problem and the algorithm, declared once like parameters: where
// it starts (a warm start from a file) and which files it writes (trace, saved networks). The CLI
// shows them as --init-from, --trace, --save...; sweeps and Python take the same keys.
#include <string>

#include "robens/algorithms/warm_start.hpp"
#include "robens/core/parameter_table.hpp"

namespace robens {

struct RunOptions {
  std::string init_from;  // start from this network file or state file ("" = random)
  WarmStartPick init_which = WarmStartPick::automatic;
  bool init_schedule = false;  // also continue the saved run's final schedule (rsa: β, γ)
  std::string trace;           // JSON-lines trace file
  std::string save;            // network file of the result
};

const ParameterTable<RunOptions>& run_option_table();

// The warm start the options ask for (empty without init_from); InputError when init_which or
// init_schedule are given without init_from, or the file does not fit `algorithm`.
WarmStart warm_start_of(const RunOptions& options, const std::string& algorithm);

}  // namespace robens
