#pragma once
// The sweep experiment harnesses (JSON and TOML): load the description, then expand its jobs
// when there are few enough (the job count limits are the reader's business, not the fuzzer's:
// a huge grid would only make a slow input).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"

namespace robens::fuzz {

inline bool few_jobs(const sweep::Experiment& e) {
  double jobs = static_cast<double>(e.seeds.size()) *
                static_cast<double>(e.variants.empty() ? 1 : e.variants.size());
  for (const auto& axis : e.grid) jobs *= static_cast<double>(axis.second.size());
  return jobs <= 1000;
}

inline void fuzz_experiment(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const auto path = as_file(data, size, name);
  expect_input_error([&] {
    const sweep::Experiment e = sweep::load_sweep_experiment(path);
    if (few_jobs(e)) (void)sweep::expand_sweep(e);
  });
}

}  // namespace robens::fuzz
