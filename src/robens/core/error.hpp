#pragma once
// One exception type for everything a user can get wrong (files, sizes, parameters). The CLI turns
// it into a one-line message and a non-zero exit; the library never aborts on bad input.
#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace robens {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <typename... Args>
[[noreturn]] void fail(fmt::format_string<Args...> format, Args&&... args) {
  throw InputError(fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
void require(bool condition, fmt::format_string<Args...> format, Args&&... args) {
  if (!condition) fail(format, std::forward<Args>(args)...);
}

}  // namespace robens
