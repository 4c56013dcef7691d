#include "robens/io/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>

#include "robens/core/error.hpp"
#include "robens/io/output_stream.hpp"

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

namespace {

// Stop signals wait while a file is replaced, so that one arriving then cannot leave the
// temporary file behind (it is delivered as soon as the write is done or undone).
class StopSignalsBlocked {
 public:
  StopSignalsBlocked() {
    sigset_t stop;
    sigemptyset(&stop);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stop, sig);
    ::pthread_sigmask(SIG_BLOCK, &stop, &old_);
  }
  ~StopSignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  StopSignalsBlocked(const StopSignalsBlocked&) = delete;
  StopSignalsBlocked& operator=(const StopSignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

// The temporary file next to the target: created exclusively (two writers never share one),
// removed unless committed, whatever fails.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::filesystem::path& target) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; fd_ < 0; ++attempt) {
      path_ = target.string() + fmt::format(".tmp-{}-{}", ::getpid(), counter++);
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ < 0 && (errno != EEXIST || attempt > 100)) {
        error_ = errno;
        return;
      }
    }
    created_ = true;
  }
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (created_ && !committed_) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  int open_error() const { return fd_ < 0 ? error_ : 0; }
  int fd() const { return fd_; }
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 || errno == EINTR ? 0 : errno;
  }
  const std::string& path() const { return path_; }
  void commit() { committed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  int error_ = 0;  // why it could not be created
  bool created_ = false, committed_ = false;
};

// Devices (/dev/null, /dev/full, a terminal) and pipes cannot be replaced: written in place.
void write_in_place(const std::filesystem::path& path, const std::string& contents) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  require(fd >= 0, "{}: cannot open for writing: {}", path.string(), std::strerror(errno));
  const int error = write_fully(fd, contents);
  const int close_error = ::close(fd) == 0 || errno == EINTR ? 0 : errno;
  require(error == 0 && close_error == 0, "{}: cannot write: {}", path.string(),
          std::strerror(error != 0 ? error : close_error));
}

// The file a write replaces: symbolic links are followed (the link stays, its target changes).
std::filesystem::path replaced_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto target = std::filesystem::canonical(path, ec);
  return ec ? path : target;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, const std::string& contents) {
  const std::string name = path.string();
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  require(!exists || !S_ISDIR(existing.st_mode), "{}: is a folder, expected a file", name);
  if (exists && !S_ISREG(existing.st_mode)) return write_in_place(path, contents);

  const StopSignalsBlocked blocked;
  const std::filesystem::path target = replaced_file(path);
  TemporaryFile tmp(target);
  require(tmp.open_error() == 0, "{}: cannot create a temporary file next to it: {}", name,
          std::strerror(tmp.open_error()));
  // The replacement keeps the permissions of the file it replaces.
  if (exists) ::fchmod(tmp.fd(), existing.st_mode & 07777);
  int error = write_fully(tmp.fd(), contents);
  if (error == 0 && ::fsync(tmp.fd()) != 0) error = errno;
  if (const int close_error = tmp.close(); error == 0) error = close_error;
  require(error == 0, "{}: cannot write: {}", name, std::strerror(error));
  require(::rename(tmp.path().c_str(), target.c_str()) == 0, "{}: cannot replace: {}", name,
          std::strerror(errno));
  tmp.commit();
  // The rename itself reaches the disk with the folder (best effort: not every file system can).
  const auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace robens
