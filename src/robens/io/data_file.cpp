#include "robens/io/data_file.hpp"

#include <cstring>

#include "robens/core/error.hpp"
#include "robens/io/gzip.hpp"
#include "robens/io/idx_file.hpp"
#include "robens/io/pattern_file.hpp"

namespace robens {
namespace {

bool is_binary_patterns(const std::string& bytes) {
  return bytes.size() >= 8 && std::memcmp(bytes.data(), "RBNSPAT1", 8) == 0;
}

// A robens text pattern file: every cell +1, 1 or -1 (a first cheap look; the reader checks all).
bool reads_as_text_patterns(const std::string& bytes, const std::string& source) {
  try {
    patterns_from_text(bytes, source);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

DataFormat detect(const std::string& bytes, const std::string& source) {
  if (is_binary_patterns(bytes)) return DataFormat::patterns;
  if (looks_like_idx(bytes)) return DataFormat::idx;
  return reads_as_text_patterns(bytes, source) ? DataFormat::patterns : DataFormat::csv;
}

LoadedData load_idx(const std::string& source, IdxArray images, const DataFileOptions& o) {
  LoadedData d;
  d.format = DataFormat::idx;
  d.name = source;
  d.labels = o.labels.empty() ? idx_labels_path_for(source).string() : o.labels;
  require(!d.labels.empty(),
          "{}: an IDX images file needs its labels file (give labels; the name does not follow "
          "the MNIST naming ...-images-idx3-... → ...-labels-idx1-...)",
          source);
  d.table = table_from_idx(std::move(images), read_idx(d.labels), source + " + " + d.labels);
  return d;
}

}  // namespace

LoadedData load_data(const std::string& source, const DataFileOptions& o) {
  require(!source.empty(), "data: empty file name");
  if (is_dataset_name(source)) {
    require(o.format == DataFormat::automatic || o.format == DataFormat::idx,
            "{} is a dataset of IDX files; data_format {} does not apply", source,
            to_string(o.format));
    require(o.labels.empty(), "{} is a dataset by name; its labels file is known (no labels)",
            source);
    const DatasetFiles files = dataset_files(source, o.split, o.dataset_root);
    DataFileOptions idx = o;
    idx.labels = files.labels.string();
    LoadedData d = load_idx(files.images.string(), read_idx(files.images), idx);
    d.name = files.name;
    return d;
  }
  std::string bytes = read_maybe_gzip(source);
  require(!bytes.empty(), "{}: file is empty", source);
  const DataFormat format = o.format == DataFormat::automatic ? detect(bytes, source) : o.format;
  require(format == DataFormat::idx || o.labels.empty(),
          "{}: labels (an IDX labels file) is only for IDX data, this is {}", source,
          to_string(format));
  if (format == DataFormat::idx) return load_idx(source, idx_from_bytes(bytes, source), o);
  LoadedData d;
  d.format = format;
  d.name = source;
  if (format == DataFormat::csv) {
    d.table = table_from_csv(bytes, o.csv, source);
  } else {
    d.patterns = is_binary_patterns(bytes) ? patterns_from_binary(bytes, source)
                                           : patterns_from_text(bytes, source);
    d.patterns.validate();
  }
  return d;
}

}  // namespace robens
