#pragma once
// File formats: CSV and whitespace-separated tables of numbers, one row per line, one column the
// integer class label and the others real-valued features (docs/data.md).
//
// - Separator: decided on the first line that is not blank or a '#' comment: comma-separated when
//   it holds a comma (blanks around cells are ignored), otherwise cells are separated by runs of
//   blanks (spaces, tabs). Quotes around a cell are dropped; a quoted cell may not hold the
//   separator. Blank lines and lines starting with '#' are skipped; "\r\n" endings are accepted.
// - Header: `auto` takes that first line as a header when any of its cells is not a number (a
//   table of numbers has no header); `yes` and `no` force it.
// - Label column: `first` (the default, as in robens pattern files), `last`, a column number
//   counted from 1, or a header name. Labels are whole numbers (e.g. 0..9, or -1/+1).
// - Every row has the same number of cells, every feature cell is a finite number (1, -2.5, 1e-3;
//   a leading '+' is accepted); anything else is an InputError naming the line and column.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "robens/core/enum_names.hpp"
#include "robens/io/data_table.hpp"

namespace robens {

enum class HeaderMode { automatic, yes, no };
template <>
struct EnumNames<HeaderMode> {
  static constexpr std::pair<HeaderMode, const char*> values[] = {
      {HeaderMode::automatic, "auto"}, {HeaderMode::yes, "yes"}, {HeaderMode::no, "no"}};
};

struct CsvOptions {
  HeaderMode header = HeaderMode::automatic;
  std::string label_column = "first";  // first | last | column number from 1 | header name
};

DataTable table_from_csv(std::string_view text, const CsvOptions& options,
                         const std::string& source = "<text>");
// The file may be gzip-compressed (io/gzip.hpp).
DataTable read_csv_table(const std::filesystem::path& path, const CsvOptions& options);

// Whole-token number parsing shared by the table readers: a finite real (a leading '+' allowed),
// a whole number. False when `text` is anything else.
bool parse_real(std::string_view text, double& value);
bool parse_whole(std::string_view text, long& value);

}  // namespace robens
