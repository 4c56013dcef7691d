#include "robens/io/datasets.hpp"

#include "robens/core/error.hpp"

namespace robens {
namespace {

struct KnownDataset {
  const char* name;
  const char* folder;   // under the dataset root
  const char* package;  // the Debian package that installs it
  const char* train_prefix;
  const char* test_prefix;
};

constexpr KnownDataset kKnown[] = {
    {"fashion-mnist", "fashion-mnist", "dataset-fashion-mnist", "train", "t10k"},
};

const KnownDataset* find_known(std::string_view base) {
  for (const auto& d : kKnown)
    if (base == d.name) return &d;
  return nullptr;
}

std::string_view base_name(std::string_view text) {
  return text.substr(0, text.find(':'));
}

}  // namespace

bool is_dataset_name(std::string_view text) {
  const auto colon = text.find(':');
  const auto split = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  return find_known(base_name(text)) != nullptr &&
         (colon == std::string_view::npos || split == "train" || split == "test");
}

DatasetFiles dataset_files(std::string_view text, DatasetSplit default_split,
                           const std::filesystem::path& root) {
  require(is_dataset_name(text), "unknown dataset '{}' (known: fashion-mnist[:train|:test])", text);
  const KnownDataset& d = *find_known(base_name(text));
  const auto colon = text.find(':');
  const DatasetSplit split = colon == std::string_view::npos    ? default_split
                             : text.substr(colon + 1) == "test" ? DatasetSplit::test
                                                                : DatasetSplit::train;
  const std::string prefix = split == DatasetSplit::test ? d.test_prefix : d.train_prefix;
  DatasetFiles f;
  f.name = std::string(d.name) + (split == DatasetSplit::test ? ":test" : ":train");
  const auto folder = root / d.folder;
  f.images = folder / (prefix + "-images-idx3-ubyte.gz");
  f.labels = folder / (prefix + "-labels-idx1-ubyte.gz");
  for (const auto& p : {f.images, f.labels})
    require(std::filesystem::exists(p),
            "dataset {}: {} not found; it is installed by the Debian package {} (apt-get install "
            "{}, or scripts/install-deps.sh)",
            f.name, p.string(), d.package, d.package);
  return f;
}

}  // namespace robens
