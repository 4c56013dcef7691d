#pragma once
// Seeded random streams. Every random choice in robens comes from a stream derived from
// (user seed, purpose, index), never from thread order, so results do not depend on scheduling.
// The distributions are written here (not std::uniform_*), so the numbers are identical across
// standard libraries.
#include <cstdint>
#include <pcg_random.hpp>
#include <span>
#include <utility>

namespace robens {

// SplitMix64 finaliser: decorrelates nearby seeds.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Named purposes keep streams of different components apart.
enum class StreamPurpose : std::uint64_t {
  patterns = 1,
  teacher = 2,
  labels = 3,
  init = 4,
  schedule = 5,
  replica = 6,
  sampler = 7,
  measurement = 8,
  messages = 9,
  split = 10,  // train/test split of read data
  user = 100,
};

class Rng {
 public:
  Rng(std::uint64_t seed, StreamPurpose purpose, std::uint64_t index = 0)
      : engine_(
            mix64(seed ^ mix64(static_cast<std::uint64_t>(purpose))) ^ mix64(index + 0x51ed27ULL),
            mix64(static_cast<std::uint64_t>(purpose) * 0x100000001b3ULL + index)) {}

  std::uint64_t next_u64() { return engine_(); }
  // Uniform in [0, n), unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t n) {
    std::uint64_t x = engine_();
    __uint128_t m = static_cast<__uint128_t>(x) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = -n % n;
      while (low < threshold) {
        x = engine_();
        m = static_cast<__uint128_t>(x) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  int sign() { return (engine_() >> 63) ? 1 : -1; }
  bool coin() { return (engine_() >> 63) != 0; }
  // Standard normal (Box–Muller; the second value is discarded to keep the stream simple).
  double normal();

  template <typename T>
  void shuffle(std::span<T> items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  pcg64 engine_;
};

}  // namespace robens
