#include "robens/sweep/job_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "robens/core/error.hpp"

#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace robens::sweep {
namespace {

constexpr const char* kSweepPid = "ROBENS_SWEEP_PID";

// Opens (creating) the lock file with a descriptor of at least 10, so that handing it to a job as
// descriptor 3 never dup2()s a descriptor onto itself (which would keep its close-on-exec flag).
int open_lock_file(const std::filesystem::path& folder, const std::filesystem::path& path) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const int raw = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (raw < 0 && errno == ENOENT) continue;  // the folder was just removed by a finishing sweep
    require(raw >= 0, "{}: cannot create the job lock: {}", path.string(), std::strerror(errno));
    const int fd = ::fcntl(raw, F_DUPFD_CLOEXEC, 10);
    const int error = errno;
    ::close(raw);
    require(fd >= 0, "{}: cannot open the job lock: {}", path.string(), std::strerror(error));
    return fd;
  }
  fail("{}: cannot create the job lock: {}", path.string(), std::strerror(ENOENT));
}

}  // namespace

std::optional<JobLock> JobLock::try_lock(const std::filesystem::path& folder,
                                         const std::string& id) {
  const auto path = folder / (id + ".lock");
  const int fd = open_lock_file(folder, path);
  int rc = 0;
  while ((rc = ::flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
  }
  if (rc == 0) return JobLock(path, fd);
  const int error = errno;
  ::close(fd);
  require(error == EWOULDBLOCK, "{}: cannot lock: {}", path.string(), std::strerror(error));
  return std::nullopt;
}

JobLock::JobLock(JobLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

JobLock& JobLock::operator=(JobLock&& other) noexcept {
  if (this != &other) {
    JobLock old(std::move(*this));
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

JobLock::~JobLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still locked: nobody can lock a file about to disappear
  ::close(fd_);
  std::error_code ec;
  std::filesystem::remove(path_.parent_path(), ec);  // the folder, once it is empty
}

std::filesystem::path job_lock_folder(const std::filesystem::path& results_file) {
  return results_file.string() + ".locks";
}

std::string sweep_process_environment() {
  return std::string(kSweepPid) + "=" + std::to_string(::getpid());
}

void follow_sweep_process() {
  const char* value = std::getenv(kSweepPid);
  if (value == nullptr) return;
  const long sweep = std::strtol(value, nullptr, 10);
  ::unsetenv(kSweepPid);  // not for processes this one starts
#ifdef __linux__
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  // The sweep may have ended before the request: then nobody would send the signal.
  if (sweep > 0 && ::getppid() != static_cast<pid_t>(sweep)) ::raise(SIGTERM);
#else
  static_cast<void>(sweep);
#endif
}

}  // namespace robens::sweep
