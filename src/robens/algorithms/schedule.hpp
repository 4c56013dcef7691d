#pragma once
// Parameter schedules: a value that changes once per step (epoch, stage...).
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "robens/core/error.hpp"

namespace robens {

// x_t = start · factor^t + step · t, optionally capped at `limit` (use one of factor or step).
struct Schedule {
  double start = 0;
  double factor = 1;  // multiplicative change per step
  double step = 0;    // additive change per step
  double limit = INFINITY;

  double at(long t) const {
    const double v =
        start * std::pow(factor, static_cast<double>(t)) + step * static_cast<double>(t);
    return std::min(v, limit);
  }
  void validate(const std::string& name, bool allow_zero_start = true) const {
    require(std::isfinite(start) && (start > 0 || (allow_zero_start && start == 0)),
            "{} must be a {} finite number (got {})", name,
            allow_zero_start ? "non-negative" : "positive", start);
    require(std::isfinite(factor) && factor > 0,
            "{}-factor must be a positive finite number (got {})", name, factor);
    require(std::isfinite(step), "{}-step must be finite (got {})", name, step);
    require(!std::isnan(limit), "{} limit must not be NaN", name);
  }
  nlohmann::json to_json() const {
    nlohmann::json j = {{"start", start}, {"factor", factor}, {"step", step}};
    if (std::isfinite(limit)) j["limit"] = limit;
    return j;
  }
};

}  // namespace robens
