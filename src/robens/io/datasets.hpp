#pragma once
// Datasets known by name (docs/data.md): `fashion-mnist`, the Fashion-MNIST images of Debian's
// package dataset-fashion-mnist (60,000 training and 10,000 test images of 28 x 28 pixels, 10
// classes, IDX files under /usr/share/datasets/fashion-mnist). A name may end in ":train" or
// ":test"; without it the caller's default split is used (training data: train, test set: test).
#include <filesystem>
#include <string>
#include <string_view>

namespace robens {

enum class DatasetSplit { train, test };

struct DatasetFiles {
  std::string name;  // "fashion-mnist:train"
  std::filesystem::path images, labels;
};

// Where Debian installs datasets.
inline constexpr const char* kDatasetRoot = "/usr/share/datasets";

// Whether `text` names a known dataset ("fashion-mnist", "fashion-mnist:test", ...).
bool is_dataset_name(std::string_view text);

// The IDX files of a dataset under `root`; InputError naming the Debian package when they are
// missing, or when the name is unknown.
DatasetFiles dataset_files(std::string_view text, DatasetSplit default_split,
                           const std::filesystem::path& root = kDatasetRoot);

}  // namespace robens
