#include "robens/cli/standard_output.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>

namespace robens::cli {
namespace {

int g_error = 0;  // the first reason a write to standard output failed

// std::cout without a buffer of its own: every character goes to stdout's FILE (so its order
// with fmt::print stays), and a failure's errno is kept.
class CheckedStdout final : public std::streambuf {
 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (std::fputc(traits_type::to_char_type(c), stdout) == EOF) return failed();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const std::size_t done = std::fwrite(s, 1, static_cast<std::size_t>(n), stdout);
    if (done < static_cast<std::size_t>(n)) failed();
    return static_cast<std::streamsize>(done);
  }
  int sync() override { return std::fflush(stdout) == 0 ? 0 : (failed(), -1); }

 private:
  static int_type failed() {
    standard_output_failed(errno);
    return traits_type::eof();
  }
};

}  // namespace

void watch_standard_output() {
  static CheckedStdout buffer;
  std::cout.rdbuf(&buffer);
}

void standard_output_failed(int error) {
  if (g_error == 0) g_error = error;
}

int finish_standard_output(int status) {
  std::cout.flush();
  if (std::fflush(stdout) != 0) standard_output_failed(errno);
  const bool had_error = std::ferror(stdout) != 0;
  if (std::fclose(stdout) != 0) standard_output_failed(errno);
  if (!had_error && g_error == 0) return status;
  fmt::print(stderr, "robens: error writing standard output: {}\n",
             std::strerror(g_error != 0 ? g_error : EIO));
  return 2;
}

}  // namespace robens::cli
