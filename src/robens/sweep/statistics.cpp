#include "robens/sweep/statistics.hpp"

#include <algorithm>
#include <cmath>

namespace robens::sweep {

double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double pos = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (pos - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

std::pair<double, double> wilson_interval(std::size_t successes, std::size_t trials) {
  if (trials == 0) return {0, 1};
  const double z = 1.959963984540054, n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::pair<double, double> log10_mean_sd(const std::vector<double>& values) {
  std::vector<double> logs;
  for (const double v : values) logs.push_back(std::log10(std::max(v, 1e-300)));
  const double n = static_cast<double>(logs.size());
  double mean = 0;
  for (const double l : logs) mean += l;
  mean /= n;
  if (logs.size() < 2) return {mean, 0.0};
  double squares = 0;
  for (const double l : logs) squares += (l - mean) * (l - mean);
  return {mean, std::sqrt(squares / (n - 1))};
}

}  // namespace robens::sweep
