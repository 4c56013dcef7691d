// Datasets by name (io/datasets.hpp): the names, the files they map to, and the error naming the
// Debian package when the files are missing.
#include <gtest/gtest.h>

#include "robens/core/error.hpp"
#include "robens/io/datasets.hpp"
#include "robens/io/gzip.hpp"
#include "robens/io/idx_file.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

class Datasets : public testing::ScratchDirTest {};

TEST_F(Datasets, NamesAndSplits) {
  EXPECT_TRUE(is_dataset_name("fashion-mnist"));
  EXPECT_TRUE(is_dataset_name("fashion-mnist:test"));
  EXPECT_TRUE(is_dataset_name("fashion-mnist:train"));
  EXPECT_FALSE(is_dataset_name("fashion-mnist:dev"));
  EXPECT_FALSE(is_dataset_name("mnist"));
  EXPECT_FALSE(is_dataset_name("data.csv"));
  std::filesystem::create_directories(dir / "fashion-mnist");
  for (const char* f : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
    write_gzip(dir / "fashion-mnist" / f, "");
  const auto test = dataset_files("fashion-mnist", DatasetSplit::test, dir);
  EXPECT_EQ(test.name, "fashion-mnist:test");
  EXPECT_EQ(test.images, dir / "fashion-mnist/t10k-images-idx3-ubyte.gz");
  EXPECT_EQ(test.labels, dir / "fashion-mnist/t10k-labels-idx1-ubyte.gz");
  const auto train = dataset_files("fashion-mnist:train", DatasetSplit::test, dir);
  EXPECT_EQ(train.images, dir / "fashion-mnist/train-images-idx3-ubyte.gz");
}

TEST_F(Datasets, MissingFilesNameTheDebianPackage) {
  try {
    dataset_files("fashion-mnist", DatasetSplit::train, dir);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("dataset fashion-mnist:train"), std::string::npos) << what;
    EXPECT_NE(what.find("apt-get install dataset-fashion-mnist"), std::string::npos) << what;
  }
  EXPECT_THROW(dataset_files("cifar", DatasetSplit::train, dir), InputError);
}

// The real files, when the Debian package is installed (scripts/install-deps.sh installs it).
TEST(DatasetsInstalled, FashionMnistTestSplitHasItsDocumentedShape) {
  if (!std::filesystem::exists(std::filesystem::path(kDatasetRoot) / "fashion-mnist"))
    GTEST_SKIP() << "dataset-fashion-mnist is not installed";
  const auto files = dataset_files("fashion-mnist", DatasetSplit::test);
  const DataTable t = read_idx_pair(files.images, files.labels);
  EXPECT_EQ(t.rows(), 10000U);
  EXPECT_EQ(t.features, 784U);
  std::vector<int> per_class(10, 0);
  for (long label : t.labels) {
    ASSERT_TRUE(label >= 0 && label <= 9) << label;
    ++per_class[static_cast<std::size_t>(label)];
  }
  for (int count : per_class) EXPECT_EQ(count, 1000);
  for (double v : t.values) ASSERT_TRUE(v >= 0 && v <= 255);
}

}  // namespace
}  // namespace robens
