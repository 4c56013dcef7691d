// IDX files (io/idx_file.hpp), plain and gzip, made by the test: exact values of every type,
// images + labels as a table, and errors for wrong magic numbers, truncated files, declared
// sizes larger than the file and mismatched item counts.
#include <gtest/gtest.h>

#include "data/idx_test_util.hpp"
#include "robens/core/error.hpp"
#include "robens/io/files.hpp"
#include "robens/io/gzip.hpp"
#include "robens/io/idx_file.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using testing::idx_bytes;

std::string error_of(const std::string& bytes) {
  try {
    idx_from_bytes(bytes, "f.idx");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(IdxFile, EveryValueTypeDecodesExactly) {
  const std::vector<double> small = {0, 1, 127, 200, 255, 3};
  EXPECT_EQ(idx_from_bytes(idx_bytes(0x08, {2, 3}, small)).values, small);
  const std::vector<double> signed_bytes = {-128, -1, 0, 127};
  EXPECT_EQ(idx_from_bytes(idx_bytes(0x09, {4}, signed_bytes)).values, signed_bytes);
  const std::vector<double> shorts = {-32768, -2, 300, 32767};
  EXPECT_EQ(idx_from_bytes(idx_bytes(0x0B, {4}, shorts)).values, shorts);
  const std::vector<double> ints = {-2147483648.0, -5, 70000, 2147483647.0};
  EXPECT_EQ(idx_from_bytes(idx_bytes(0x0C, {2, 2}, ints)).values, ints);
  const std::vector<double> floats = {0.5, -1.25, 3e5, 0};
  EXPECT_EQ(idx_from_bytes(idx_bytes(0x0D, {1, 2, 2}, floats)).values, floats);
  const std::vector<double> doubles = {0.1, -1e-300, 2.5};
  const IdxArray d = idx_from_bytes(idx_bytes(0x0E, {3}, doubles));
  EXPECT_EQ(d.values, doubles);
  EXPECT_EQ(d.dims, (std::vector<std::size_t>{3}));
  EXPECT_EQ(d.item_size(), 1U);
}

TEST(IdxFile, ImagesAndLabelsMakeATable) {
  std::vector<double> pixels(4 * 2 * 3);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<double>(i * 10);
  const DataTable t = table_from_idx(idx_from_bytes(idx_bytes(0x08, {4, 2, 3}, pixels)),
                                     idx_from_bytes(idx_bytes(0x08, {4}, {7, 0, 9, 7})), "x");
  EXPECT_EQ(t.rows(), 4U);
  EXPECT_EQ(t.features, 6U);
  EXPECT_EQ(t.labels, (std::vector<long>{7, 0, 9, 7}));
  EXPECT_EQ(t.at(2, 5), 170);
}

TEST(IdxFile, WrongMagicTruncatedAndOversizedHeadersAreErrors) {
  const std::string good = idx_bytes(0x08, {2, 3}, {1, 2, 3, 4, 5, 6});
  EXPECT_NE(error_of("1,2,3\n").find("f.idx: not an IDX file (bad magic number 0x312c322c"),
            std::string::npos);
  EXPECT_NE(error_of(idx_bytes(0x07, {1}, {})).find("bad magic"), std::string::npos);
  EXPECT_NE(error_of(good.substr(0, 3)).find("too short for an IDX file"), std::string::npos);
  EXPECT_NE(error_of(good.substr(0, 10)).find("truncated inside its header"), std::string::npos);
  EXPECT_NE(error_of(good.substr(0, good.size() - 1))
                .find("declares dimensions 2 x 3 (and more), more values than the 17 bytes"),
            std::string::npos);
  EXPECT_NE(error_of(good + "x").find("declares 6 values of 1 bytes (2 x 3), but the file holds 7"),
            std::string::npos);
  // 60000 x 28 x 28 declared in a file of 20 bytes: refused before any allocation.
  EXPECT_NE(error_of(idx_bytes(0x08, {60000, 28, 28}, {1, 2, 3, 4})).find("more values than"),
            std::string::npos);
  EXPECT_NE(error_of(idx_bytes(0x0C, {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF}, {}))
                .find("more values than"),
            std::string::npos);
  EXPECT_NE(error_of(idx_bytes(0x0D, {1}, {std::numeric_limits<double>::infinity()}))
                .find("value 1 is not finite"),
            std::string::npos);
}

TEST(IdxFile, LabelsMustMatchTheImages) {
  const auto images = idx_from_bytes(idx_bytes(0x08, {3, 2}, {1, 2, 3, 4, 5, 6}));
  auto error = [&](const std::string& labels) {
    try {
      table_from_idx(images, idx_from_bytes(labels), "pair");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error(idx_bytes(0x08, {2}, {1, 2}))
                .find("images file has 3 items but the labels "
                      "file has 2"),
            std::string::npos);
  EXPECT_NE(error(idx_bytes(0x08, {3, 1}, {1, 2, 3})).find("labels file has 2 dimensions"),
            std::string::npos);
  EXPECT_NE(error(idx_bytes(0x0D, {3}, {1, 2, 3})).find("labels must be integers"),
            std::string::npos);
}

class IdxFiles : public testing::ScratchDirTest {};

TEST_F(IdxFiles, PlainAndGzipFilesReadTheSame) {
  const std::string images = idx_bytes(0x08, {3, 2, 2}, {0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  const std::string labels = idx_bytes(0x08, {3}, {1, 0, 1});
  write_file_atomically(dir / "train-images-idx3-ubyte", images);
  write_file_atomically(dir / "train-labels-idx1-ubyte", labels);
  write_gzip(dir / "train-images-idx3-ubyte.gz", images);
  write_gzip(dir / "train-labels-idx1-ubyte.gz", labels);
  const DataTable plain =
      read_idx_pair(dir / "train-images-idx3-ubyte", dir / "train-labels-idx1-ubyte");
  const auto gz_images = dir / "train-images-idx3-ubyte.gz";
  EXPECT_EQ(idx_labels_path_for(gz_images), dir / "train-labels-idx1-ubyte.gz");
  const DataTable gz = read_idx_pair(gz_images, idx_labels_path_for(gz_images));
  EXPECT_EQ(plain.values, gz.values);
  EXPECT_EQ(plain.labels, gz.labels);
  EXPECT_EQ(gz.values[1], 255);
  EXPECT_TRUE(idx_labels_path_for(dir / "pixels.idx").empty());
  EXPECT_TRUE(looks_like_idx(images));
  EXPECT_FALSE(looks_like_idx("0,1,2\n"));
}

TEST_F(IdxFiles, TruncatedGzipIsAnError) {
  std::vector<double> pixels(50 * 28 * 28);
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<double>(i % 251);
  write_gzip(dir / "full.gz", idx_bytes(0x08, {50, 28, 28}, pixels));
  const std::string gz = read_file(dir / "full.gz");
  write_file_atomically(dir / "cut.gz", gz.substr(0, gz.size() / 2));
  EXPECT_THROW(read_idx(dir / "cut.gz"), InputError);
  EXPECT_EQ(read_idx(dir / "full.gz").values, pixels);
}

}  // namespace
}  // namespace robens
