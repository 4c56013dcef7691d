#pragma once
// How an algorithm plugs into `robens train`: it adds its own options (with defaults and help)
// and builds itself from the parsed values. `train` first reads --algo, then asks only that
// algorithm for options, so algorithms may reuse option names (--y, --gamma) with their own
// defaults, and `robens train --algo X --help` shows X's options.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "robens/algorithms/algorithm.hpp"
#include "robens/models/network_shape.hpp"

namespace robens::cli {

class AlgorithmCli {
 public:
  virtual ~AlgorithmCli() = default;
  virtual std::string name() const = 0;     // the value of --algo
  virtual std::string summary() const = 0;  // one line for `robens train --help`
  virtual void add_options(CLI::App& app) = 0;
  // Validates the parsed values (InputError on bad ones) and builds the algorithm.
  virtual std::unique_ptr<Algorithm> make(const NetworkShape& shape) = 0;
};

// Every algorithm the CLI knows (algorithm_catalog.cpp: one line per algorithm).
std::vector<std::unique_ptr<AlgorithmCli>> algorithm_catalog();

}  // namespace robens::cli
