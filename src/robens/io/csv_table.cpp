#include "robens/io/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

#include "robens/core/error.hpp"
#include "robens/io/gzip.hpp"

namespace robens {

bool parse_real(std::string_view text, double& value) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && std::isfinite(value);
}

bool parse_whole(std::string_view text, long& value) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-' && text[1] != '+') text.remove_prefix(1);
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end;
}

namespace {

constexpr std::string_view kBlanks = " \t";

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  s = s.substr(first, s.find_last_not_of(kBlanks) - first + 1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

std::vector<std::string_view> split_cells(std::string_view line, bool comma) {
  std::vector<std::string_view> cells;
  if (comma) {
    for (std::size_t p = 0;;) {
      const auto q = line.find(',', p);
      cells.push_back(trimmed(line.substr(p, q == std::string_view::npos ? q : q - p)));
      if (q == std::string_view::npos) break;
      p = q + 1;
    }
    return cells;
  }
  for (auto p = line.find_first_not_of(kBlanks); p != std::string_view::npos;
       p = line.find_first_not_of(kBlanks, p)) {
    const auto q = std::min(line.find_first_of(kBlanks, p), line.size());
    cells.push_back(trimmed(line.substr(p, q - p)));
    p = q;
  }
  return cells;
}

// The lines that hold cells (not blank, not '#' comments), with their 1-based line numbers.
std::vector<std::pair<std::size_t, std::string_view>> content_lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string_view>> lines;
  std::size_t line_no = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(kBlanks);
    if (first == std::string_view::npos || line[first] == '#') continue;
    lines.emplace_back(line_no, line);
  }
  return lines;
}

bool all_numbers(const std::vector<std::string_view>& cells) {
  double v = 0;
  for (auto c : cells)
    if (!parse_real(c, v)) return false;
  return true;
}

// The 0-based label column of `spec` (first | last | number from 1 | header name).
std::size_t label_index(const std::string& spec, const std::vector<std::string>& names,
                        std::size_t columns, const std::string& source) {
  if (spec == "first") return 0;
  if (spec == "last") return columns - 1;
  long number = 0;
  if (parse_whole(spec, number)) {
    require(number >= 1 && static_cast<std::size_t>(number) <= columns,
            "{}: label_column {} is not a column number in 1..{}", source, spec, columns);
    return static_cast<std::size_t>(number - 1);
  }
  require(!names.empty(),
          "{}: label_column '{}' is a name, but the table has no header line (first, last or a "
          "column number from 1 work without one)",
          source, spec);
  std::optional<std::size_t> found;
  for (std::size_t c = 0; c < names.size(); ++c) {
    if (names[c] != spec) continue;
    require(!found, "{}: label_column '{}' names more than one column", source, spec);
    found = c;
  }
  require(found.has_value(), "{}: no column is named '{}' (header: {})", source, spec,
          fmt::join(names, ", "));
  return *found;
}

void parse_row(const std::vector<std::string_view>& cells, std::size_t label_col,
               std::size_t line_no, const std::vector<std::string>& names, DataTable& table) {
  long label = 0;
  require(parse_whole(cells[label_col], label),
          "{}:{}: label '{}' in column {} is not a whole number (class labels are integers)",
          table.source, line_no, cells[label_col], label_col + 1);
  table.labels.push_back(label);
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c == label_col) continue;
    double v = 0;
    require(parse_real(cells[c], v), "{}:{}: cell '{}' in column {}{} is not a finite number",
            table.source, line_no, cells[c], c + 1,
            names.empty() ? std::string() : " (" + names[c] + ")");
    table.values.push_back(v);
  }
}

}  // namespace

DataTable table_from_csv(std::string_view text, const CsvOptions& options,
                         const std::string& source) {
  const auto lines = content_lines(text);
  require(!lines.empty(), "{}: no data rows (the table is empty)", source);
  const bool comma = lines[0].second.find(',') != std::string_view::npos;
  const auto first = split_cells(lines[0].second, comma);
  const bool header = options.header == HeaderMode::yes ||
                      (options.header == HeaderMode::automatic && !all_numbers(first));
  const std::size_t columns = first.size();
  require(columns >= 2, "{}:{}: a row needs a label and at least one feature (found {} cell)",
          source, lines[0].first, columns);
  std::vector<std::string> names;
  if (header)
    for (auto c : first) names.emplace_back(c);
  const std::size_t label_col = label_index(options.label_column, names, columns, source);
  DataTable table;
  table.source = source;
  table.features = columns - 1;
  for (std::size_t c = 0; c < names.size(); ++c)
    if (c != label_col) table.feature_names.push_back(names[c]);
  for (std::size_t l = header ? 1 : 0; l < lines.size(); ++l) {
    const auto cells = split_cells(lines[l].second, comma);
    require(cells.size() == columns, "{}:{}: row has {} cells, but the {} has {}", source,
            lines[l].first, cells.size(), header ? "header" : "first row", columns);
    parse_row(cells, label_col, lines[l].first, names, table);
  }
  table.validate();
  return table;
}

DataTable read_csv_table(const std::filesystem::path& path, const CsvOptions& options) {
  return table_from_csv(read_maybe_gzip(path), options, path.string());
}

}  // namespace robens
