#pragma once
// Data from outside robens before it becomes ±1 patterns: a table of real-valued features with one
// integer class label per row, as the CSV and IDX readers return it (io/csv_table.hpp,
// io/idx_file.hpp). io/binarize.hpp and io/class_selection.hpp turn it into a PatternSet.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace robens {

struct DataTable {
  std::size_t features = 0;                // values per row
  std::vector<double> values;              // row-major: rows() × features
  std::vector<long> labels;                // one class label per row
  std::vector<std::string> feature_names;  // from a header line; empty without one
  std::string source;                      // the file it came from (for messages)

  std::size_t rows() const { return labels.size(); }
  std::span<const double> row(std::size_t r) const {
    return {values.data() + r * features, features};
  }
  double at(std::size_t r, std::size_t f) const { return values[r * features + f]; }
  // The table of the given rows, in that order (class selection, train/test splits).
  DataTable subset(std::span<const std::size_t> rows) const;
  // Throws InputError unless there is at least one row and one feature and the sizes agree.
  void validate() const;
};

}  // namespace robens
