#pragma once
// Summary of sweep results per grid point: success rate (with a Wilson 95% interval), median
// and quartiles of the steps to solution (solved runs) and of the training time, minimum errors.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace robens::cli {

struct ReportRow {
  std::vector<nlohmann::json> key;  // variant (if any), then the varying options
  std::size_t runs = 0, solved = 0;
  double success = 0, success_low = 0, success_high = 0;
  std::string step_unit;           // epochs | iterations | steps
  std::vector<double> steps;       // of solved runs
  std::vector<double> seconds;     // of all runs
  std::vector<double> min_errors;  // of all runs
};

struct ReportTable {
  std::vector<std::string> key_names;               // "variant", then the options that vary
  nlohmann::json fixed = nlohmann::json::object();  // options equal in every record
  nlohmann::json variant_options = nlohmann::json::object();  // variant -> options it alone sets
  std::vector<ReportRow> rows;                                // sorted by key
  std::size_t records = 0, duplicates = 0, skipped_lines = 0;
};

// Reads results files (records of one job id counted once; torn or foreign lines skipped).
ReportTable build_report(const std::vector<std::filesystem::path>& files);

// Type-7 (linear interpolation) quantile of a non-empty sample.
double quantile(std::vector<double> values, double q);
// Wilson score interval (95%) of `successes` out of `trials`.
std::pair<double, double> wilson_interval(std::size_t successes, std::size_t trials);

std::string report_markdown(const ReportTable& table);
std::string report_csv(const ReportTable& table);

}  // namespace robens::cli
