#pragma once
// The files of a sweep, checked by the output policy (io/output_policy.hpp) before any job runs:
// the description and every job's input files (patterns, init_from) are read; the results file
// and every job's output files (trace, save, fBP's tables and messages) are written. So a results
// file onto the description, a job's trace onto the results file or onto another job's trace
// (the same name for every seed), or an unwritable folder fail at once, before a job starts.
#include <filesystem>
#include <vector>

#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"

namespace robens::sweep {

// `description` is the experiment's file ("" if it came from memory). Throws InputError.
void check_sweep_files(const Experiment& experiment, const std::vector<Job>& jobs,
                       const std::filesystem::path& description);

}  // namespace robens::sweep
