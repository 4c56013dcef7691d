#pragma once
// IDX files made by the tests (the format of io/idx_file.hpp): big-endian header and values.
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

namespace robens::testing {

inline void append_big_endian(std::string& out, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// An IDX file of `type` (0x08 ... 0x0E) with these dimensions and values.
inline std::string idx_bytes(int type, const std::vector<std::uint32_t>& dims,
                             const std::vector<double>& values) {
  std::string out{'\0', '\0', static_cast<char>(type), static_cast<char>(dims.size())};
  for (auto d : dims) append_big_endian(out, d, 4);
  for (double v : values) {
    switch (type) {
      case 0x08:
      case 0x09:
        out += static_cast<char>(static_cast<int>(v));
        break;
      case 0x0B:
        append_big_endian(out, static_cast<std::uint16_t>(static_cast<std::int16_t>(v)), 2);
        break;
      case 0x0C:
        append_big_endian(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(v)), 4);
        break;
      case 0x0D:
        append_big_endian(out, std::bit_cast<std::uint32_t>(static_cast<float>(v)), 4);
        break;
      default:
        append_big_endian(out, std::bit_cast<std::uint64_t>(v), 8);
    }
  }
  return out;
}

}  // namespace robens::testing
