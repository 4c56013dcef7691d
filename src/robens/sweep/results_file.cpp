#include "robens/sweep/results_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>
#include <utility>

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

namespace {

// A line robens wrote (make_sweep_record): an object with the job id, its arguments and result.
bool is_sweep_record(const nlohmann::json& r) {
  return r.is_object() && r.contains("job") && r["job"].is_string() && r.contains("argv") &&
         r["argv"].is_array() && r.contains("result") && r["result"].is_object();
}

// A record cut off while robens wrote it: records begin with their first key (keys are sorted).
bool is_torn_record(std::string_view tail) {
  constexpr std::string_view kStart = R"({"argv":)";
  return tail.starts_with(kStart) || kStart.starts_with(tail);
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
    const int error = errno;
    ::close(fd_);
    fd_ = -1;
    require(error != EWOULDBLOCK, "{}: the results file is in use by another robens sweep", name);
    fail("{}: cannot lock the results file: {}", name, std::strerror(error));
  }
  try {
    read_records(read_all(fd_, name));
  } catch (...) {
    ::close(fd_);
    fd_ = -1;
    throw;
  }
}

// Reads the job ids; a torn last line is cut off, a whole last record finished with a newline.
// Only a file robens wrote is touched: anything else is refused as it is.
void ResultsFile::read_records(const std::string& text) {
  const std::string name = path_.string();
  std::size_t start = 0, line_number = 0, records = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    const bool complete = end != std::string::npos;
    const std::string line = text.substr(start, complete ? end - start : std::string::npos);
    ++line_number;
    const nlohmann::json record =
        parse_json_or_discarded(line, fmt::format("{}:{}", name, line_number));
    const bool is_record = !record.is_discarded() && is_sweep_record(record);
    if (!complete) {
      require(is_record || records > 0 || is_torn_record(line),
              "{}: not a robens sweep results file (its last line is not a sweep record); "
              "refusing to write to it",
              name);
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
    require(is_record || line.empty(),
            "{}: not a robens sweep results file (line {} is not a sweep record); refusing to "
            "write to it",
            name, line_number);
    if (is_record) {
      done_.insert(record_job_id(record));
      ++records;
    }
    start = end + 1;
  }
  require(::lseek(fd_, 0, SEEK_END) >= 0, "{}: cannot seek: {}", name, std::strerror(errno));
  if (repaired_bytes_ > 0)
    require(::fsync(fd_) == 0, "{}: cannot sync to disk: {}", name, std::strerror(errno));
}

std::set<std::string> ResultsFile::read_job_ids(const std::filesystem::path& path) {
  std::set<std::string> ids;
  std::ifstream in(path);
  std::string line;
  for (std::size_t line_number = 1; std::getline(in, line); ++line_number) {
    const auto record =
        parse_json_or_discarded(line, fmt::format("{}:{}", path.string(), line_number));
    if (!record.is_discarded() && is_sweep_record(record)) ids.insert(record_job_id(record));
  }
  return ids;
}

ResultsFile::~ResultsFile() {
  if (fd_ >= 0) ::close(fd_);
}

void ResultsFile::close() {
  if (fd_ < 0) return;
  const int fd = std::exchange(fd_, -1);
  require(::close(fd) == 0 || errno == EINTR, "{}: cannot close the results file: {}",
          path_.string(), std::strerror(errno));
}

void ResultsFile::append(const nlohmann::json& record) {
  const std::string name = path_.string();
  require(fd_ >= 0, "{}: the results file is closed", name);
  write_all(fd_, record.dump() + "\n", name);
  require(::fsync(fd_) == 0, "{}: cannot sync to disk: {}", name, std::strerror(errno));
  if (record.contains("job") && record["job"].is_string()) done_.insert(record_job_id(record));
}

}  // namespace robens::sweep
