#pragma once
// What every harness shares: the input as bytes or as a temporary file, and the one rule, that
// a reader either returns or throws robens::InputError. Any other exception is a finding, so it
// is left to escape (libFuzzer reports it as a crash with the input).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "robens/core/error.hpp"

namespace robens::fuzz {

inline std::string as_string(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A private folder per process (libFuzzer's -fork/-jobs run several), removed at exit.
inline const std::filesystem::path& scratch_dir() {
  static const struct Dir {
    std::filesystem::path path;
    Dir() {
      path = std::filesystem::temp_directory_path() / ("robens-fuzz-" + std::to_string(::getpid()));
      std::filesystem::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  } dir;
  return dir.path;
}

// Writes the input to `name` in the scratch folder (replacing what was there) and returns it.
inline std::filesystem::path as_file(const std::uint8_t* data, std::size_t size,
                                     const std::string& name) {
  const auto path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

template <typename Read>
void expect_input_error(Read&& read) {
  try {
    read();
  } catch (const robens::InputError&) {
    // the reader's documented way to reject bad input
  }
}

}  // namespace robens::fuzz
