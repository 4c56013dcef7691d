#include "robens/run/run_options.hpp"

#include "robens/core/error.hpp"
#include "robens/run/warm_start_file.hpp"

namespace robens {

using P = RunOptions;

const ParameterTable<P>& run_option_table() {
  static const ParameterTable<P> table{
      param("init_from", &P::init_from,
            "start from a saved file: a network file (train --save; its y replicas if it holds "
            "exactly y, else every replica from its centre, see --init-which) or an fbp message "
            "file")
          .input_file(),
      param("init_which", &P::init_which,
            "with --init-from: auto | center (every replica from the file's centre, i.e. the "
            "run's answer) | replicas (replica a from the file's replica a)"),
      param("init_schedule", &P::init_schedule,
            "with --init-from: also start from the file's final beta and gamma (rsa), to continue "
            "an interrupted or budget-limited run (iterations count from 0 again; --beta-max and "
            "--gamma-max are raised to them if lower)"),
      param("trace", &P::trace, "write one JSON line per step (epoch / stage) to FILE")
          .output_file(OutputMode::streamed),
      param("save", &P::save, "save the trained networks (centre and replicas) to FILE (JSON)")
          .output_file(),
  };
  return table;
}

WarmStart warm_start_of(const RunOptions& o, const std::string& algorithm) {
  if (o.init_from.empty()) {
    require(o.init_which == WarmStartPick::automatic && !o.init_schedule,
            "init_which and init_schedule need init_from");
    return {};
  }
  return load_warm_start(o.init_from, algorithm, o.init_which, o.init_schedule);
}

}  // namespace robens
