#pragma once
// The results file of a sweep: JSON lines, one record per finished job. Each record is appended
// with a single write() and fsync'd, so an interrupted sweep (Ctrl-C, kill -9, power loss) loses
// only the jobs in flight; a torn last line is cut off on the next open. An exclusive lock stops
// two sweeps from writing the same file at once. Only a file robens wrote is repaired or appended
// to: every complete line must be a sweep record (blank lines aside), else the file is refused
// untouched (someone else's file given as --output keeps its last line).
#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace robens::sweep {

class ResultsFile {
 public:
  // Opens (creating it and its folder if needed), repairs a torn last line, reads the job ids.
  // InputError if the file is locked by another sweep or is not a results file.
  explicit ResultsFile(const std::filesystem::path& path);
  ~ResultsFile();
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;

  // The job ids recorded in `path` (none if it does not exist), read without locking or repairing.
  static std::set<std::string> read_job_ids(const std::filesystem::path& path);

  bool contains(const std::string& job_id) const { return done_.contains(job_id); }
  // Appends one record (one line) and waits until it is on disk.
  void append(const nlohmann::json& record);
  // Closes the file (and releases the lock), checked; the destructor closes unchecked.
  void close();
  // Bytes of a torn last line removed when opening (0 if none).
  std::size_t repaired_bytes() const { return repaired_bytes_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  void read_records(const std::string& text);
  std::filesystem::path path_;
  int fd_ = -1;
  std::set<std::string> done_;
  std::size_t repaired_bytes_ = 0;
};

}  // namespace robens::sweep
