#include "robens/core/bitvector.hpp"

namespace robens {

BitVector BitVector::from_signs(std::span<const std::int8_t> signs) {
  BitVector v(signs.size());
  for (std::size_t i = 0; i < signs.size(); ++i) v.set(i, signs[i]);
  return v;
}

std::vector<std::int8_t> BitVector::to_signs() const {
  std::vector<std::int8_t> out(size_);
  for (std::size_t i = 0; i < size_; ++i) out[i] = static_cast<std::int8_t>(get(i));
  return out;
}

BitVector BitMatrix::row_vector(std::size_t r) const {
  BitVector v(cols_);
  auto src = row(r);
  std::copy(src.begin(), src.end(), v.words().begin());
  return v;
}

void BitMatrix::set_row(std::size_t r, const BitVector& v) {
  auto src = v.words();
  std::copy(src.begin(), src.end(), row(r).begin());
}

BitMatrix BitMatrix::transposed() const {
  BitMatrix t(cols_, rows_);
  for (std::size_t r = 0; r < rows_; ++r) {
    auto src = row(r);
    for (std::size_t c = 0; c < cols_; ++c)
      if ((src[c / kWordBits] >> (c % kWordBits)) & 1U)
        t.row(c)[r / kWordBits] |= Word{1} << (r % kWordBits);
  }
  return t;
}

BitMatrix BitMatrix::column_block(std::size_t first, std::size_t count) const {
  BitMatrix out(rows_, count);
  for (std::size_t r = 0; r < rows_; ++r) {
    auto src = row(r);
    auto dst = out.row(r);
    for (std::size_t c = 0; c < count; ++c) {
      const std::size_t s = first + c;
      if ((src[s / kWordBits] >> (s % kWordBits)) & 1U)
        dst[c / kWordBits] |= Word{1} << (c % kWordBits);
    }
  }
  return out;
}

}  // namespace robens
