#include "robens/io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "robens/core/error.hpp"

namespace robens {
namespace {

const char* kind_of(mode_t mode) {
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes a file descriptor on every path out of read_file.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

void check_input_size(const std::filesystem::path& path, std::uint64_t bytes) {
  require(bytes <= kMaxInputBytes, "{}: over the limit of {} GiB for an input file", path.string(),
          kMaxInputBytes >> 30);
}

std::uint64_t check_input_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  struct stat st {};
  if (::stat(name.c_str(), &st) != 0) {
    require(errno != ENOENT && errno != ENOTDIR, "{}: no such file", name);
    fail("{}: cannot open for reading: {}", name, std::strerror(errno));
  }
  require(!S_ISDIR(st.st_mode), "{}: is a directory, expected a file", name);
  require(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode), "{}: {}, expected a file", name,
          kind_of(st.st_mode));
  if (!S_ISREG(st.st_mode)) return 0;
  check_input_size(path, static_cast<std::uint64_t>(st.st_size));
  return static_cast<std::uint64_t>(st.st_size);
}

std::string read_file(const std::filesystem::path& path) {
  const std::string name = path.string();
  const std::uint64_t size = check_input_file(path);
  Descriptor in{::open(name.c_str(), O_RDONLY | O_CLOEXEC)};
  require(in.fd >= 0, "{}: cannot open for reading: {}", name, std::strerror(errno));
  std::string text;
  text.reserve(size);
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    require(n >= 0, "{}: cannot read: {}", name, std::strerror(errno));
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    check_input_size(path, text.size());  // a pipe (or a file that grows) stops at the limit
  }
  return text;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& contents) {
  const auto tmp = std::filesystem::path(path.string() + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    require(out.good(), "{}: cannot open for writing", path.string());
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    require(out.good(), "{}: write failed", path.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  require(!ec, "{}: cannot rename temporary file: {}", path.string(), ec.message());
}

}  // namespace robens
