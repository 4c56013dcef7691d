#include "robens/sweep/results_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "robens/core/error.hpp"
#include "robens/core/json_parse.hpp"
#include "robens/sweep/job_grid.hpp"

namespace robens::sweep {
namespace {

std::string read_all(int fd, const std::string& name) {
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    require(n >= 0, "{}: cannot read: {}", name, std::strerror(errno));
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

void write_all(int fd, const std::string& text, const std::string& name) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    require(n > 0, "{}: cannot write: {}", name, std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

ResultsFile::ResultsFile(const std::filesystem::path& path) : path_(path) {
  const std::string name = path.string();
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  fd_ = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  require(fd_ >= 0, "{}: cannot open the results file: {}", name, std::strerror(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    fail("{}: the results file is in use by another robens sweep", name);
  }
  const std::string text = read_all(fd_, name);
  std::size_t start = 0, line_no = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const bool complete = end != std::string::npos;
    const std::string line = text.substr(start, complete ? end - start : std::string::npos);
    nlohmann::json record = parse_json_or_discarded(line, fmt::format("{}:{}", name, ++line_no));
    const bool is_record = !record.is_discarded() && record.is_object() && record.contains("job") &&
                           record["job"].is_string();
    if (!complete) {
      if (is_record) {
        // A whole record whose newline was lost: keep it, finish the line.
        done_.insert(record_job_id(record));
        write_all(fd_, "\n", name);
      } else {
        // A record torn by a crash mid-write: cut it off; the job simply runs again.
        repaired_bytes_ = text.size() - start;
        require(::ftruncate(fd_, static_cast<off_t>(start)) == 0, "{}: cannot repair: {}", name,
                std::strerror(errno));
      }
      break;
    }
    if (is_record)
      done_.insert(record_job_id(record));
    else if (!line.empty())
      ++ignored_lines_;
    start = end + 1;
  }
  require(::lseek(fd_, 0, SEEK_END) >= 0, "{}: cannot seek: {}", name, std::strerror(errno));
  if (repaired_bytes_ > 0) ::fsync(fd_);
}

std::set<std::string> ResultsFile::read_job_ids(const std::filesystem::path& path) {
  std::set<std::string> ids;
  std::ifstream in(path);
  std::string line;
  for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
    const auto record = parse_json_or_discarded(line, fmt::format("{}:{}", path.string(), line_no));
    if (!record.is_discarded() && record.is_object() && record.contains("job") &&
        record["job"].is_string())
      ids.insert(record_job_id(record));
  }
  return ids;
}

ResultsFile::~ResultsFile() {
  if (fd_ >= 0) ::close(fd_);
}

void ResultsFile::append(const nlohmann::json& record) {
  const std::string name = path_.string();
  write_all(fd_, record.dump() + "\n", name);
  require(::fsync(fd_) == 0, "{}: cannot sync to disk: {}", name, std::strerror(errno));
  if (record.contains("job") && record["job"].is_string()) done_.insert(record_job_id(record));
}

}  // namespace robens::sweep
