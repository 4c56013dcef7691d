#pragma once
// A training run as a library call: robens::run(problem, algorithm, observer, start) records the
// run info (version, seed, every parameter), attaches the algorithm's own file observers, times
// the run, keeps the best network of the recorded steps, and returns the summary that
// `robens train --json` prints. The CLI, sweeps and the Python bindings all go through it.
#include "robens/algorithms/algorithm.hpp"
#include "robens/algorithms/run_summary.hpp"

namespace robens {

// The run info of `algorithm` on `problem`: params = the problem's description, "algo", the
// algorithm's parameters, and "init_from" when a warm start is given.
RunInfo describe_run(const TrainingProblem& problem, const Algorithm& algorithm,
                     const WarmStart& start = {});

// Throws InputError (before anything runs) when the algorithm cannot train the problem.
RunSummary run(const TrainingProblem& problem, Algorithm& algorithm, Observer& observer,
               const WarmStart& start = {});
RunSummary run(const TrainingProblem& problem, Algorithm& algorithm);

}  // namespace robens
