#include <gtest/gtest.h>

#include <cmath>

#include "robens/core/bitvector.hpp"
#include "robens/core/rng.hpp"

namespace robens {
namespace {

std::vector<std::int8_t> random_signs(std::size_t n, Rng& rng) {
  std::vector<std::int8_t> v(n);
  for (auto& x : v) x = static_cast<std::int8_t>(rng.sign());
  return v;
}

TEST(BitVector, DotAndHammingMatchNaiveReference) {
  Rng rng(7, StreamPurpose::user);
  for (std::size_t n : {1U, 2U, 63U, 64U, 65U, 127U, 128U, 129U, 321U, 1001U}) {
    for (int rep = 0; rep < 20; ++rep) {
      const auto a = random_signs(n, rng), b = random_signs(n, rng);
      int dot = 0, ham = 0;
      for (std::size_t i = 0; i < n; ++i) {
        dot += a[i] * b[i];
        ham += a[i] != b[i];
      }
      const auto va = BitVector::from_signs(a), vb = BitVector::from_signs(b);
      EXPECT_EQ(va.dot(vb), dot) << "n=" << n;
      EXPECT_EQ(va.hamming(vb), ham) << "n=" << n;
      EXPECT_EQ(va.to_signs(), a);
      // Unused bits of the last word stay zero, so whole-word popcounts are exact.
      EXPECT_EQ(va.words().back() & ~tail_mask(n), 0U);
    }
  }
}

TEST(BitVector, SetGetFlip) {
  BitVector v(70);
  for (std::size_t i = 0; i < 70; ++i) EXPECT_EQ(v[i], -1);
  v.set(69, 1);
  EXPECT_EQ(v[69], 1);
  v.flip(69);
  EXPECT_EQ(v[69], -1);
  v.flip(0);
  EXPECT_EQ(v[0], 1);
}

TEST(BitMatrix, TransposeAndBlocks) {
  Rng rng(3, StreamPurpose::user);
  BitMatrix m(37, 130);
  for (std::size_t r = 0; r < 37; ++r)
    for (std::size_t c = 0; c < 130; ++c) m.set(r, c, rng.sign());
  const auto t = m.transposed();
  ASSERT_EQ(t.rows(), 130U);
  ASSERT_EQ(t.cols(), 37U);
  for (std::size_t r = 0; r < 37; ++r)
    for (std::size_t c = 0; c < 130; ++c) EXPECT_EQ(t.get(c, r), m.get(r, c));
  EXPECT_EQ(t.transposed(), m);
  const auto block = m.column_block(65, 13);
  for (std::size_t r = 0; r < 37; ++r)
    for (std::size_t c = 0; c < 13; ++c) EXPECT_EQ(block.get(r, c), m.get(r, 65 + c));
}

TEST(Rng, StreamsAreReproducibleAndDistinct) {
  Rng a(1, StreamPurpose::patterns), b(1, StreamPurpose::patterns), c(1, StreamPurpose::labels),
      d(2, StreamPurpose::patterns);
  int same_c = 0, same_d = 0;
  for (int i = 0; i < 64; ++i) {
    const auto x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    same_c += x == c.next_u64();
    same_d += x == d.next_u64();
  }
  EXPECT_LT(same_c, 2);
  EXPECT_LT(same_d, 2);
}

TEST(Rng, BelowIsUniformEnough) {
  Rng rng(11, StreamPurpose::user);
  std::vector<int> counts(7, 0);
  const int n = 70000;
  for (int i = 0; i < n; ++i) ++counts[rng.below(7)];
  for (int c : counts) EXPECT_NEAR(c, n / 7, 5 * std::sqrt(n / 7.0));
  double mean = 0;
  for (int i = 0; i < n; ++i) mean += rng.uniform();
  EXPECT_NEAR(mean / n, 0.5, 0.01);
}

}  // namespace
}  // namespace robens
