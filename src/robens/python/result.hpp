#pragma once
// A finished run as Python sees it (robens._robens.RunResult, wrapped by robens.Result): the
// summary that `robens train --json` prints, the networks, and the network file that `save`
// writes — or the same read back from a file `robens train --save` wrote.
#include <pybind11/pybind11.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "robens/algorithms/run_summary.hpp"
#include "robens/io/network_file.hpp"

namespace robens::python {

namespace py = pybind11;

struct RunResult {
  NetworkFile file;               // run info, counts, networks, extra: what save() writes
  nlohmann::json summary;         // the --json line (no "seconds" when loaded from a file)
  std::optional<double> seconds;  // training wall time (trained runs only)
  BinaryNetwork best;             // fewest errors among the recorded steps and the end
  long best_errors = -1;
  std::shared_ptr<const RunState> final_state;  // e.g. fBP's messages, for warm starts
  py::object history = py::none();              // list of step dicts when asked for
  std::string stop_reason;  // "" | "keyboard_interrupt" | "callback" | "exception"
};

RunResult result_of(const RunSummary& summary);
RunResult result_of_file(NetworkFile file);

}  // namespace robens::python
