#pragma once
// Overflow-checked size arithmetic, for sizes that come from input (file headers, grid shapes)
// and are compared with a limit before anything is allocated: std::nullopt when the exact result
// does not fit a std::size_t.
#include <cstddef>
#include <optional>

namespace robens {

inline std::optional<std::size_t> checked_mul(std::size_t a, std::size_t b) {
  std::size_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

inline std::optional<std::size_t> checked_add(std::size_t a, std::size_t b) {
  std::size_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

}  // namespace robens
