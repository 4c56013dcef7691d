#include "robens/sweep/process_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "robens/core/error.hpp"

extern char** environ;

namespace robens::sweep {
namespace {

// Reads what is available; returns false at end of file.
bool drain(int fd, std::string& into) {
  char buffer[1 << 15];
  const ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  into.append(buffer, static_cast<std::size_t>(n));
  return true;
}

}  // namespace

ProcessPool::ProcessPool(std::string executable, std::filesystem::path cwd, std::size_t slots,
                         std::vector<std::string> extra_env)
    : executable_(std::move(executable)), cwd_(std::move(cwd)), slots_(slots < 1 ? 1 : slots) {
  // Our environment, minus the variables the caller overrides, plus theirs.
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    bool overridden = false;
    for (const auto& x : extra_env)
      overridden |= entry.compare(0, x.find('=') + 1, x, 0, x.find('=') + 1) == 0;
    if (!overridden) env_.push_back(entry);
  }
  env_.insert(env_.end(), extra_env.begin(), extra_env.end());
}

ProcessPool::~ProcessPool() {
  for (auto& r : running_) {
    ::kill(r.pid, SIGKILL);
    int status = 0;
    while (::waitpid(r.pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::close(r.out_fd);
    ::close(r.err_fd);
  }
}

void ProcessPool::launch(std::size_t tag, const std::vector<std::string>& args, int inherited_fd) {
  int out_pipe[2], err_pipe[2];
  require(::pipe2(out_pipe, O_CLOEXEC) == 0, "cannot create a pipe: {}", std::strerror(errno));
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    fail("cannot create a pipe: {}", std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  if (inherited_fd >= 0) posix_spawn_file_actions_adddup2(&actions, inherited_fd, 3);
  posix_spawn_file_actions_addchdir_np(&actions, cwd_.c_str());
  // The child starts with default signal handling (our SIGINT handler must not be inherited
  // as "ignored"), and in our process group, so that a signal to the group (a terminal's Ctrl-C,
  // a batch scheduler's kill of the job) reaches it too; SIGHUP keeps our disposition (nohup).
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<std::string> argv_strings;
  argv_strings.push_back(executable_);
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv_ptrs, env_ptrs;
  for (auto& s : argv_strings) argv_ptrs.push_back(s.data());
  argv_ptrs.push_back(nullptr);
  for (auto& s : env_) env_ptrs.push_back(s.data());
  env_ptrs.push_back(nullptr);

  pid_t pid = 0;
  const int rc =
      ::posix_spawn(&pid, executable_.c_str(), &actions, &attr, argv_ptrs.data(), env_ptrs.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    fail("cannot start {}: {}", executable_, std::strerror(rc));
  }
  running_.push_back(
      {tag, pid, out_pipe[0], err_pipe[0], {}, {}, std::chrono::steady_clock::now()});
}

std::vector<FinishedProcess> ProcessPool::wait(int timeout_ms) {
  std::vector<FinishedProcess> finished;
  if (running_.empty()) return finished;
  std::vector<pollfd> fds;
  for (const auto& r : running_) {
    fds.push_back({r.out_fd < 0 ? -1 : r.out_fd, POLLIN, 0});
    fds.push_back({r.err_fd < 0 ? -1 : r.err_fd, POLLIN, 0});
  }
  const int ready = ::poll(fds.data(), fds.size(), timeout_ms);
  if (ready < 0 && errno != EINTR) fail("poll failed: {}", std::strerror(errno));
  if (ready <= 0) return finished;
  for (std::size_t i = 0; i < running_.size(); ++i) {
    auto& r = running_[i];
    if (r.out_fd >= 0 && (fds[2 * i].revents & (POLLIN | POLLHUP | POLLERR)) != 0 &&
        !drain(r.out_fd, r.out)) {
      ::close(r.out_fd);
      r.out_fd = -1;
    }
    if (r.err_fd >= 0 && (fds[2 * i + 1].revents & (POLLIN | POLLHUP | POLLERR)) != 0 &&
        !drain(r.err_fd, r.err)) {
      ::close(r.err_fd);
      r.err_fd = -1;
    }
  }
  // Both pipes closed: the child has exited (or closed them); reap it.
  for (auto it = running_.begin(); it != running_.end();) {
    if (it->out_fd >= 0 || it->err_fd >= 0) {
      ++it;
      continue;
    }
    int status = 0;
    while (::waitpid(it->pid, &status, 0) < 0 && errno == EINTR) {
    }
    FinishedProcess f;
    f.tag = it->tag;
    f.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    f.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    f.out = std::move(it->out);
    f.err = std::move(it->err);
    f.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - it->start).count();
    finished.push_back(std::move(f));
    it = running_.erase(it);
  }
  return finished;
}

void ProcessPool::signal_all(int sig) {
  for (const auto& r : running_) ::kill(r.pid, sig);
}

}  // namespace robens::sweep
