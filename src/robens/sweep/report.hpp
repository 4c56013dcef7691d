#pragma once
// Summary of sweep results per grid point: success rate (with a Wilson 95% interval), median
// and quartiles of the steps to solution (solved runs) and of the training time, minimum errors.
// `robens report` prints it; experiments/plot.py draws its figures from the CSV.
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace robens::sweep {

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

std::string report_markdown(const ReportTable& table);
// The same table as CSV, plus steps_log10_mean and steps_log10_sd (solved runs) at the end.
std::string report_csv(const ReportTable& table);

}  // namespace robens::sweep
