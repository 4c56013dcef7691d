#pragma once
// The statistics of `robens report` (and, through its CSV, of experiments/plot.py): one
// implementation, so the tables and the figures cannot disagree.
#include <cstddef>
#include <utility>
#include <vector>

namespace robens::sweep {

// Type-7 (linear interpolation) quantile of a non-empty sample, as R's default and numpy's.
double quantile(std::vector<double> values, double q);

// Wilson score interval (95%) of `successes` out of `trials`; [0, 1] without trials.
std::pair<double, double> wilson_interval(std::size_t successes, std::size_t trials);

// Mean and sample standard deviation (n - 1; 0 for one value) of log10 of a non-empty sample,
// values below 1e-300 taken as 1e-300: the geometric mean and spread of PNAS Fig. 2.
std::pair<double, double> log10_mean_sd(const std::vector<double>& values);

}  // namespace robens::sweep
