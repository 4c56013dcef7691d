// Binarisation rules and constant inputs (io/binarize.hpp): each rule on a table whose answer is
// known by hand, thresholds fitted on training data and applied to a test table.
#include <gtest/gtest.h>

#include "data/data_test_util.hpp"
#include "robens/core/error.hpp"
#include "robens/io/binarize.hpp"

namespace robens {
namespace {

// 4 rows, 3 features, labels ±1.
DataTable table() {
  return testing::make_table(3,
                             {1, 10, -1,  //
                              2, 20, 0,   //
                              3, 30, 5,   //
                              10, 0, 0},
                             {1, -1, 1, -1}, "t");
}

std::vector<std::vector<int>> signs(const PatternSet& p) {
  std::vector<std::vector<int>> out(p.size());
  for (std::size_t a = 0; a < p.size(); ++a)
    for (std::size_t i = 0; i < p.input_size(); ++i) out[a].push_back(p.inputs.get(a, i));
  return out;
}

TEST(Binarize, MedianOfEachFeature) {
  const Binarizer b = Binarizer::fit(BinarizeRule::median, table());
  // Medians (even count: midpoint of the two middle values): 2.5, 15, 0.
  EXPECT_EQ(std::vector<double>(b.thresholds().begin(), b.thresholds().end()),
            (std::vector<double>{2.5, 15, 0}));
  const PatternSet p = b.apply(table());
  EXPECT_EQ(signs(p),
            (std::vector<std::vector<int>>{{-1, -1, -1}, {-1, 1, -1}, {1, 1, 1}, {1, -1, -1}}));
  EXPECT_EQ(p.labels, (std::vector<std::int8_t>{1, -1, 1, -1}));
  DataTable odd = table();
  odd.values.resize(9);
  odd.labels.resize(3);
  EXPECT_EQ(Binarizer::fit(BinarizeRule::median, odd).thresholds()[2], 0);  // of -1, 0, 5
}

TEST(Binarize, MeanOfEachFeature) {
  const Binarizer b = Binarizer::fit(BinarizeRule::mean, table());
  EXPECT_EQ(std::vector<double>(b.thresholds().begin(), b.thresholds().end()),
            (std::vector<double>{4, 15, 1}));
  EXPECT_EQ(signs(b.apply(table())),
            (std::vector<std::vector<int>>{{-1, -1, -1}, {-1, 1, -1}, {-1, 1, 1}, {1, -1, -1}}));
}

TEST(Binarize, FixedThresholdValuesAtTheThresholdAreMinusOne) {
  const Binarizer b = Binarizer::fit(BinarizeRule::threshold, table(), 2);
  EXPECT_EQ(signs(b.apply(table())),
            (std::vector<std::vector<int>>{{-1, 1, -1}, {-1, 1, -1}, {1, 1, 1}, {1, -1, -1}}));
}

TEST(Binarize, PerSampleMean) {
  const Binarizer b = Binarizer::fit(BinarizeRule::sample_mean, table());
  EXPECT_TRUE(b.thresholds().empty());
  // Row means: 10/3, 22/3, 38/3, 10/3.
  EXPECT_EQ(signs(b.apply(table())),
            (std::vector<std::vector<int>>{{-1, 1, -1}, {-1, 1, -1}, {-1, 1, -1}, {1, -1, -1}}));
}

TEST(Binarize, TestDataUsesTheTrainingThresholds) {
  const Binarizer b = Binarizer::fit(BinarizeRule::median, table());
  DataTable test = testing::make_table(3, {2.5, 15.5, 0.1}, {-1}, "test");
  EXPECT_EQ(signs(b.apply(test)), (std::vector<std::vector<int>>{{-1, 1, 1}}));
  test.features = 1;
  test.values = {1};
  try {
    b.apply(test);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("test: 1 features per row, but the training data has 3"),
              std::string::npos);
  }
  test.features = 3;
  test.values = {1, 2, 3};
  test.labels = {4};
  EXPECT_THROW(b.apply(test), InputError);  // labels must be ±1 by now
}

TEST(Binarize, ConstantInputsAreAppended) {
  PatternSet p(2, 64);
  p.inputs.set(0, 63, 1);
  p.labels = {1, -1};
  const PatternSet q = with_constant_inputs(p, 2);
  EXPECT_EQ(q.input_size(), 66U);
  EXPECT_EQ(q.labels, p.labels);
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t i = 0; i < 64; ++i) EXPECT_EQ(q.inputs.get(a, i), p.inputs.get(a, i));
    EXPECT_EQ(q.inputs.get(a, 64), 1);
    EXPECT_EQ(q.inputs.get(a, 65), 1);
  }
  EXPECT_EQ(with_constant_inputs(p, 0), p);
}

}  // namespace
}  // namespace robens
