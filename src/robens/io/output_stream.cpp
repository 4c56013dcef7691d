#include "robens/io/output_stream.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "robens/core/error.hpp"

namespace robens {

int write_fully(int fd, std::string_view data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;  // no progress and no reason: do not spin
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

OutputStream::OutputStream(const std::filesystem::path& path, Mode mode, std::string what)
    : path_(path.string()), what_(std::move(what)) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == Mode::truncate ? O_TRUNC : O_APPEND);
  fd_ = ::open(path_.c_str(), flags, 0666);
  if (fd_ < 0) fail_with("open", errno);
}

OutputStream::~OutputStream() {
  if (fd_ >= 0) ::close(fd_);
}

void OutputStream::fail_with(const char* action, int error) const {
  fail("{}: cannot {} {}: {}", path_, action, what_, std::strerror(error));
}

void OutputStream::write(std::string_view data) {
  require(fd_ >= 0, "{}: {} is closed", path_, what_);
  if (const int error = write_fully(fd_, data); error != 0) fail_with("write", error);
}

void OutputStream::sync() {
  // Pipes, terminals and devices cannot be synced (EINVAL, ENOTSUP): nothing is lost by that.
  if (fd_ >= 0 && ::fsync(fd_) != 0 && errno != EINVAL && errno != ENOTSUP && errno != EROFS)
    fail_with("sync", errno);
}

void OutputStream::close() {
  if (fd_ < 0) return;
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0 && errno != EINTR) fail_with("close", errno);
}

}  // namespace robens
