#pragma once
// File formats: IDX, the format of MNIST-like datasets (docs/data.md). A file is the magic
// number — two zero bytes, a type byte (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C
// int32, 0x0D float32, 0x0E float64) and the number of dimensions — then each dimension as a
// big-endian uint32, then the values, big-endian, last index fastest. Files may be gzip-compressed
// (io/gzip.hpp; plain files are read as they are). A dataset is two files: the images (dimension 0
// counts the items, the others are flattened into the features) and the labels (one dimension,
// integer type, as many items).
//
// Sizes are checked against the file before anything is allocated: a header that declares more
// values than the file holds is an InputError, and so is data left over after them.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "robens/io/data_table.hpp"

namespace robens {

struct IdxArray {
  int type = 0;                   // the type byte of the magic number
  std::vector<std::size_t> dims;  // dims[0] counts the items
  std::vector<double> values;     // every value, in file order
  std::size_t items() const { return dims.empty() ? 0 : dims[0]; }
  std::size_t item_size() const;  // product of dims[1..] (1 for a one-dimensional file)
};

// Whether `bytes` start like an IDX file (two zero bytes, a known type, 1 to 4 dimensions).
bool looks_like_idx(std::string_view bytes);

IdxArray idx_from_bytes(std::string_view bytes, const std::string& source = "<bytes>");
IdxArray read_idx(const std::filesystem::path& path);

// Images and labels as a table: one row per item, the item's values as features, the label file's
// value as its class. Throws InputError when the counts differ or the labels are not integers.
DataTable table_from_idx(IdxArray images, const IdxArray& labels, const std::string& source);
DataTable read_idx_pair(const std::filesystem::path& images, const std::filesystem::path& labels);

// The labels file that goes with an images file by the MNIST naming convention ("...-images-idx3-
// ubyte[.gz]" → "...-labels-idx1-ubyte[.gz]"); empty when the name does not follow it.
std::filesystem::path idx_labels_path_for(const std::filesystem::path& images);

}  // namespace robens
