#pragma once
// Bit-packed ±1 vectors: bit 1 means +1, bit 0 means -1; 64 entries per word, unused high bits of
// the last word are always zero so that popcounts over whole words stay exact.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace robens {

using Word = std::uint64_t;
inline constexpr std::size_t kWordBits = 64;

constexpr std::size_t words_for(std::size_t bits) {
  return (bits + kWordBits - 1) / kWordBits;
}

// Mask of the valid bits in the last word of an n-bit vector.
constexpr Word tail_mask(std::size_t bits) {
  const std::size_t r = bits % kWordBits;
  return r == 0 ? ~Word{0} : (Word{1} << r) - 1;
}

// Σ_i a_i b_i over n ±1 entries stored as bits: n − 2·popcount(a XOR b).
inline int packed_dot(std::span<const Word> a, std::span<const Word> b, std::size_t n) {
  int differ = 0;
  for (std::size_t w = 0; w < a.size(); ++w) differ += std::popcount(a[w] ^ b[w]);
  return static_cast<int>(n) - 2 * differ;
}

// Number of entries where a and b differ.
inline int packed_hamming(std::span<const Word> a, std::span<const Word> b) {
  int differ = 0;
  for (std::size_t w = 0; w < a.size(); ++w) differ += std::popcount(a[w] ^ b[w]);
  return differ;
}

class BitVector {
 public:
  BitVector() = default;
  explicit BitVector(std::size_t size) : size_(size), words_(words_for(size), 0) {}
  static BitVector from_signs(std::span<const std::int8_t> signs);

  std::size_t size() const { return size_; }
  int operator[](std::size_t i) const { return get(i); }
  int get(std::size_t i) const {
    return ((words_[i / kWordBits] >> (i % kWordBits)) & 1U) ? 1 : -1;
  }
  bool bit(std::size_t i) const { return (words_[i / kWordBits] >> (i % kWordBits)) & 1U; }
  void set(std::size_t i, int sign) {
    const Word m = Word{1} << (i % kWordBits);
    if (sign > 0)
      words_[i / kWordBits] |= m;
    else
      words_[i / kWordBits] &= ~m;
  }
  void flip(std::size_t i) { words_[i / kWordBits] ^= Word{1} << (i % kWordBits); }

  std::span<const Word> words() const { return words_; }
  std::span<Word> words() { return words_; }
  std::vector<std::int8_t> to_signs() const;

  int dot(const BitVector& other) const { return packed_dot(words_, other.words_, size_); }
  int hamming(const BitVector& other) const { return packed_hamming(words_, other.words_); }
  friend bool operator==(const BitVector&, const BitVector&) = default;

 private:
  std::size_t size_ = 0;
  std::vector<Word> words_;
};

// Rows of equal-length bit vectors in one contiguous buffer (row-major, each row word-aligned).
class BitMatrix {
 public:
  BitMatrix() = default;
  BitMatrix(std::size_t rows, std::size_t cols)
      : rows_(rows), cols_(cols), stride_(words_for(cols)), words_(rows * stride_, 0) {}

  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  std::size_t stride() const { return stride_; }  // words per row

  std::span<const Word> row(std::size_t r) const { return {words_.data() + r * stride_, stride_}; }
  std::span<Word> row(std::size_t r) { return {words_.data() + r * stride_, stride_}; }
  int get(std::size_t r, std::size_t c) const {
    return ((words_[r * stride_ + c / kWordBits] >> (c % kWordBits)) & 1U) ? 1 : -1;
  }
  void set(std::size_t r, std::size_t c, int sign) {
    Word& w = words_[r * stride_ + c / kWordBits];
    const Word m = Word{1} << (c % kWordBits);
    if (sign > 0)
      w |= m;
    else
      w &= ~m;
  }
  BitVector row_vector(std::size_t r) const;
  void set_row(std::size_t r, const BitVector& v);

  // Columns become rows: the weight-major layout (bit a of row i is entry i of pattern a).
  BitMatrix transposed() const;
  // Columns [first, first+count) of every row, as a new matrix (tree committees' receptive fields).
  BitMatrix column_block(std::size_t first, std::size_t count) const;
  friend bool operator==(const BitMatrix&, const BitMatrix&) = default;

 private:
  std::size_t rows_ = 0, cols_ = 0, stride_ = 0;
  std::vector<Word> words_;
};

}  // namespace robens
