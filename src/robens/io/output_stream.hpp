#pragma once
// An output written as a command runs (the --trace JSON lines, fBP's thermodynamics table): opened
// in place, truncated or appended to, each write() a system call so that an interrupted run keeps
// what it wrote. Every write, sync and close is checked: a failure (a full disk, an unwritable
// file) is an InputError naming the file and the system's reason, never a silently short file.
// Whole files written at the end go through write_file_atomically (files.hpp) instead.
#include <filesystem>
#include <string>
#include <string_view>

namespace robens {

// Writes all of `data` to `fd`, retrying short writes and EINTR; returns 0 or the errno.
int write_fully(int fd, std::string_view data);

class OutputStream {
 public:
  enum class Mode { truncate, append };
  // Opens (creating) `path`; `what` names the output in messages ("the trace").
  OutputStream(const std::filesystem::path& path, Mode mode, std::string what);
  ~OutputStream();  // closes without a check: call close() to see its error
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;

  void write(std::string_view data);
  // Waits until what was written is on disk (a no-op for terminals and devices).
  void sync();
  void close();
  const std::string& path() const { return path_; }

 private:
  [[noreturn]] void fail_with(const char* action, int error) const;
  std::string path_, what_;
  int fd_ = -1;
};

}  // namespace robens
