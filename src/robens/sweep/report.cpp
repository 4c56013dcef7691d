#include "robens/sweep/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "robens/core/error.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/statistics.hpp"
#include "robens/sweep/train_options.hpp"

namespace robens::sweep {
namespace {

using nlohmann::json;

std::string cell(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string number(double v) {
  if (std::isnan(v)) return "";
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
  // Quartiles of counts are often half-integers (1.33e+04 would hide the digits that matter).
  if (std::fabs(v) >= 1e4 && std::fabs(v) < 1e15) return fmt::format("{:.0f}", v);
  return fmt::format("{:.4g}", v);
}

struct Stats {
  double median = NAN, q1 = NAN, q3 = NAN, min = NAN;
};

Stats stats(const std::vector<double>& v) {
  if (v.empty()) return {};
  return {quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75),
          *std::min_element(v.begin(), v.end())};
}

std::string step_key(const json& result) {
  for (const char* k : {"epochs", "iterations", "steps"})
    if (result.contains(k) && result[k].is_number()) return k;
  return "";
}

double number_or_nan(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : NAN;
}

std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// The records of `files`, one per job id, in file order.
std::vector<json> read_records(const std::vector<std::filesystem::path>& files,
                               ReportTable& table) {
  std::set<std::string> seen;
  std::vector<json> records;
  for (const auto& file : files) {
    std::ifstream in(file);
    require(in.good(), "{}: cannot open the results file", file.string());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      json r = json::parse(line, nullptr, false);
      if (r.is_discarded() || !r.is_object() || !r.contains("job") || !r.contains("point") ||
          !r["point"].is_object() || !r.contains("result") || !r["result"].is_object()) {
        ++table.skipped_lines;
        continue;
      }
      const json& result = r["result"];
      require(!result.contains("solved") || result["solved"].is_boolean(),
              "{}: the record of job {}: 'solved' must be true or false, got {}", file.string(),
              r["job"].dump(), result.contains("solved") ? result["solved"].dump() : "");
      require(!r.contains("variant") || r["variant"].is_string(),
              "{}: the record of job {}: 'variant' must be a string", file.string(),
              r["job"].dump());
      // Records written with the CLI spelling ("gamma-step") group with canonical ones.
      try {
        if (r.contains("argv") && r["argv"].is_array() && !r["argv"].empty() &&
            r["argv"][0] == "train")
          r["point"] = canonical_train_point(r["point"]);
      } catch (const InputError&) {  // an option this robens no longer has: keep it as written
      }
      if (!seen.insert(record_job_id(r)).second) {
        ++table.duplicates;
        continue;
      }
      records.push_back(std::move(r));
    }
  }
  table.records = records.size();
  require(!records.empty(), "no job records in {}",
          files.size() == 1 ? files[0].string() : "the files");
  return records;
}

// Options set by the variant alone (e.g. algo) are listed once per variant, not as columns.
void split_variant_options(const std::vector<json>& records, ReportTable& table) {
  std::vector<std::string> kept;
  for (const auto& k : table.key_names) {
    std::map<std::string, std::set<std::string>> per_variant;
    for (const auto& r : records)
      per_variant[r.value("variant", std::string())].insert(
          r["point"].contains(k) ? r["point"][k].dump() : std::string("-"));
    const bool by_variant = std::all_of(per_variant.begin(), per_variant.end(),
                                        [](const auto& pv) { return pv.second.size() == 1; });
    if (!by_variant) {
      kept.push_back(k);
      continue;
    }
    for (const auto& r : records)
      if (r["point"].contains(k))
        table.variant_options[r.value("variant", std::string())][k] = r["point"][k];
  }
  table.key_names = kept;
  table.key_names.insert(table.key_names.begin(), "variant");
}

// Options whose value differs between records become columns; the others are "fixed".
// Returns whether the records have variants.
bool classify_options(const std::vector<json>& records, ReportTable& table) {
  std::map<std::string, std::set<std::string>> values;
  bool any_variant = false;
  for (const auto& r : records) {
    any_variant |= r.contains("variant");
    for (const auto& [k, v] : r["point"].items()) values[k].insert(v.dump());
  }
  for (const auto& [k, vs] : values) {
    bool everywhere = true;
    for (const auto& r : records) everywhere &= r["point"].contains(k);
    if (vs.size() == 1 && everywhere)
      table.fixed[k] = records.front()["point"][k];
    else
      table.key_names.push_back(k);
  }
  if (any_variant) split_variant_options(records, table);
  return any_variant;
}

void add_run(ReportRow& row, const json& result) {
  ++row.runs;
  const bool solved = result.value("solved", false);
  if (solved) ++row.solved;
  const std::string unit = step_key(result);
  if (row.step_unit.empty()) row.step_unit = unit;
  if (solved && !unit.empty()) row.steps.push_back(result[unit].get<double>());
  if (const double s = number_or_nan(result, "seconds"); !std::isnan(s)) row.seconds.push_back(s);
  if (const double e = number_or_nan(result, "min_errors"); !std::isnan(e))
    row.min_errors.push_back(e);
}

}  // namespace

ReportTable build_report(const std::vector<std::filesystem::path>& files) {
  ReportTable table;
  const std::vector<json> records = read_records(files, table);
  const bool any_variant = classify_options(records, table);

  std::map<std::vector<json>, ReportRow> rows;
  for (const auto& r : records) {
    std::vector<json> key;
    for (const auto& name : table.key_names) {
      if (name == "variant" && any_variant)
        key.push_back(r.value("variant", json("")));
      else
        key.push_back(r["point"].contains(name) ? r["point"][name] : json(""));
    }
    ReportRow& row = rows[key];
    row.key = key;
    add_run(row, r["result"]);
  }
  for (auto& [key, row] : rows) {
    row.success = static_cast<double>(row.solved) / static_cast<double>(row.runs);
    std::tie(row.success_low, row.success_high) = wilson_interval(row.solved, row.runs);
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string report_markdown(const ReportTable& t) {
  std::string out;
  if (!t.fixed.empty()) {
    std::vector<std::string> parts;
    for (const auto& [k, v] : t.fixed.items()) parts.push_back(fmt::format("{}={}", k, cell(v)));
    out += fmt::format("Fixed: {}\n\n", fmt::join(parts, " "));
  }
  if (!t.variant_options.empty()) {
    std::vector<std::string> variants;
    for (const auto& [variant, options] : t.variant_options.items()) {
      std::vector<std::string> parts;
      for (const auto& [k, v] : options.items()) parts.push_back(fmt::format("{}={}", k, cell(v)));
      variants.push_back(fmt::format("{}: {}", variant, fmt::join(parts, " ")));
    }
    out += fmt::format("Variants: {}\n\n", fmt::join(variants, "; "));
  }
  std::vector<std::string> header = t.key_names;
  for (const char* h : {"runs", "solved", "success (95% CI)", "unit", "median (solved)", "q1", "q3",
                        "median s", "q1 s", "q3 s", "min errors: best / median"})
    header.push_back(h);
  out += fmt::format("| {} |\n", fmt::join(header, " | "));
  std::string rule = "|";
  for (std::size_t i = 0; i < header.size(); ++i) rule += "---|";
  out += rule + "\n";
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& k : r.key) cells.push_back(cell(k));
    const Stats st = stats(r.steps), se = stats(r.seconds), me = stats(r.min_errors);
    cells.push_back(std::to_string(r.runs));
    cells.push_back(std::to_string(r.solved));
    cells.push_back(
        fmt::format("{:.2f} ({:.2f}-{:.2f})", r.success, r.success_low, r.success_high));
    cells.push_back(r.step_unit);
    for (double v : {st.median, st.q1, st.q3}) cells.push_back(std::isnan(v) ? "-" : number(v));
    for (double v : {se.median, se.q1, se.q3})
      cells.push_back(std::isnan(v) ? "-" : fmt::format("{:.3g}", v));
    cells.push_back(std::isnan(me.min) ? "-"
                                       : fmt::format("{} / {}", number(me.min), number(me.median)));
    out += fmt::format("| {} |\n", fmt::join(cells, " | "));
  }
  return out;
}

std::string report_csv(const ReportTable& t) {
  std::vector<std::string> header = t.key_names;
  for (const char* h :
       {"runs", "solved", "success_rate", "success_low", "success_high", "step_unit",
        "steps_median", "steps_q1", "steps_q3", "seconds_median", "seconds_q1", "seconds_q3",
        "min_errors_min", "min_errors_median", "steps_log10_mean", "steps_log10_sd"})
    header.push_back(h);
  std::vector<std::string> quoted;
  for (const auto& h : header) quoted.push_back(csv_quote(h));
  std::string out = fmt::format("{}\n", fmt::join(quoted, ","));
  auto g = [](double v) { return std::isnan(v) ? std::string() : fmt::format("{:.10g}", v); };
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& k : r.key) cells.push_back(csv_quote(cell(k)));
    const Stats st = stats(r.steps), se = stats(r.seconds), me = stats(r.min_errors);
    const auto [log_mean, log_sd] =
        r.steps.empty() ? std::pair<double, double>{NAN, NAN} : log10_mean_sd(r.steps);
    cells.push_back(std::to_string(r.runs));
    cells.push_back(std::to_string(r.solved));
    for (double v : {r.success, r.success_low, r.success_high}) cells.push_back(g(v));
    cells.push_back(r.step_unit);
    for (double v :
         {st.median, st.q1, st.q3, se.median, se.q1, se.q3, me.min, me.median, log_mean, log_sd})
      cells.push_back(g(v));
    out += fmt::format("{}\n", fmt::join(cells, ","));
  }
  return out;
}

}  // namespace robens::sweep
