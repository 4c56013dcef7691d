#pragma once
// One entry point for training or test data given by name (docs/data.md): a robens pattern file
// (±1, io/pattern_file.hpp), a CSV or whitespace table (io/csv_table.hpp), an IDX images file
// with its labels file (io/idx_file.hpp), or a dataset name (io/datasets.hpp). `auto` decides by
// content, not by file name: a dataset name → IDX; the .rbp magic → patterns; an IDX magic number
// → IDX; text whose every value is +1 or -1 (a robens text pattern file) → patterns; any other
// text → table. Files may be gzip-compressed.
#include <filesystem>
#include <string>
#include <utility>

#include "robens/core/enum_names.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/io/csv_table.hpp"
#include "robens/io/data_table.hpp"
#include "robens/io/datasets.hpp"

namespace robens {

enum class DataFormat { automatic, patterns, csv, idx };
template <>
struct EnumNames<DataFormat> {
  static constexpr std::pair<DataFormat, const char*> values[] = {
      {DataFormat::automatic, "auto"},
      {DataFormat::patterns, "patterns"},
      {DataFormat::csv, "csv"},
      {DataFormat::idx, "idx"}};
};

struct DataFileOptions {
  DataFormat format = DataFormat::automatic;
  std::string labels;  // IDX labels file ("" = by the MNIST naming, idx_labels_path_for)
  CsvOptions csv;
  DatasetSplit split = DatasetSplit::train;  // of a dataset name without ":train" / ":test"
  std::filesystem::path dataset_root = kDatasetRoot;
};

struct LoadedData {
  DataFormat format = DataFormat::patterns;  // what was read: patterns, csv or idx
  std::string name;                          // the file, or the dataset ("fashion-mnist:test")
  std::string labels;                        // the IDX labels file that was read
  PatternSet patterns;                       // format patterns
  DataTable table;                           // csv, idx
};

LoadedData load_data(const std::string& source, const DataFileOptions& options);

}  // namespace robens
