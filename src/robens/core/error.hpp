#pragma once
// One exception type for everything a user can get wrong (files, sizes, parameters). The CLI turns
// it into a one-line message and a non-zero exit; the library never aborts on bad input.
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace robens {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Untrusted text for a one-line message: at most `max` characters, control bytes as '?'.
inline std::string excerpt(std::string_view text, std::size_t max = 40) {
  std::string out(text.substr(0, max));
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  if (text.size() > max) out += "...";
  return out;
}

template <typename... Args>
[[noreturn]] void fail(fmt::format_string<Args...> format, Args&&... args) {
  throw InputError(fmt::format(format, std::forward<Args>(args)...));
}

template <typename... Args>
void require(bool condition, fmt::format_string<Args...> format, Args&&... args) {
  if (!condition) fail(format, std::forward<Args>(args)...);
}

}  // namespace robens
