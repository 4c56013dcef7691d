#include "robens/io/output_policy.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <utility>

#include "robens/core/error.hpp"

namespace robens {
namespace {

namespace fs = std::filesystem;

struct FileIdentity {
  fs::path canonical;  // symbolic links and ".." resolved as far as the path exists
  bool exists = false, folder = false;
  bool special = false;  // a device, pipe or socket: not a file
  std::pair<dev_t, ino_t> inode{};
};

FileIdentity identify(const fs::path& absolute) {
  FileIdentity id;
  std::error_code ec;
  id.canonical = fs::weakly_canonical(absolute, ec);
  if (ec) id.canonical = absolute.lexically_normal();
  struct stat st {};
  if (::stat(absolute.c_str(), &st) == 0) {
    id.exists = true;
    id.folder = S_ISDIR(st.st_mode);
    id.special = !S_ISREG(st.st_mode) && !id.folder;
    id.inode = {st.st_dev, st.st_ino};
  }
  return id;
}

// 0 if a file can be created in `folder` (an empty one is made and removed), else the errno.
int probe_folder(const fs::path& folder) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path name = folder / fmt::format(".robens-write-test-{}-{}", ::getpid(), counter++);
    const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return errno;
    ::close(fd);
    ::unlink(name.c_str());
    return 0;
  }
  return EEXIST;
}

// Where files of the command were seen: by resolved path and by inode.
struct SeenFiles {
  std::map<fs::path, std::size_t> by_path;
  std::map<std::pair<dev_t, ino_t>, std::size_t> by_inode;

  const std::size_t* find(const FileIdentity& id) const {
    if (const auto it = by_path.find(id.canonical); it != by_path.end()) return &it->second;
    if (!id.exists) return nullptr;
    const auto it = by_inode.find(id.inode);
    return it != by_inode.end() ? &it->second : nullptr;
  }
  void insert(const FileIdentity& id, std::size_t index) {
    by_path.emplace(id.canonical, index);
    if (id.exists) by_inode.emplace(id.inode, index);
  }
};

}  // namespace

OutputPolicy::OutputPolicy(std::filesystem::path base) : base_(std::move(base)) {}

void OutputPolicy::add_input(std::string_view path, std::string label) {
  if (path.empty() || path == "-") return;
  entries_.push_back({std::string(path), std::move(label), true});
}

void OutputPolicy::add_output(std::string_view path, std::string label, OutputMode mode,
                              OutputFolder folder) {
  if (path.empty() || path == "-") return;
  entries_.push_back({std::string(path), std::move(label), false, mode, folder});
}

namespace {

// The folder of an output must exist (or be creatable) and take a new file.
void check_folder(const std::string& what, fs::path folder, OutputFolder mode,
                  std::map<fs::path, int>& probed) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) {
    require(mode == OutputFolder::created, "{}: folder {} does not exist", what, folder.string());
    while (folder.has_parent_path() && folder != folder.parent_path() && !fs::exists(folder, ec))
      folder = folder.parent_path();
  } else {
    require(fs::is_directory(folder, ec), "{}: {} is not a folder", what, folder.string());
  }
  const auto seen = probed.find(folder);
  const int error = seen != probed.end() ? seen->second : (probed[folder] = probe_folder(folder));
  require(error == 0, "{}: cannot write in folder {}: {}", what, folder.string(),
          std::strerror(error));
}

}  // namespace

void OutputPolicy::check() const {
  std::vector<FileIdentity> ids;
  for (const auto& e : entries_)
    ids.push_back(identify(fs::absolute(base_.empty() ? fs::path(e.path) : base_ / e.path)));
  SeenFiles inputs, outputs;
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (entries_[i].input && !ids[i].special) inputs.insert(ids[i], i);
  std::map<fs::path, int> probed;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    const FileIdentity& id = ids[i];
    if (e.input) continue;
    const std::string what = e.label + " " + e.path;
    if (e.mode == OutputMode::named_later) {
      // Only a folder without the pattern in it can be checked now.
      if (id.canonical.parent_path().string().find('%') == std::string::npos)
        check_folder(what, id.canonical.parent_path(), e.folder, probed);
      continue;
    }
    require(!id.folder, "{}: is a folder, expected a file", what);
    if (id.special) {
      require(::access(id.canonical.c_str(), W_OK) == 0, "{}: cannot write: {}", what,
              std::strerror(errno));
      continue;
    }
    if (const auto* j = inputs.find(id))
      fail("{}: same file as the input {} {} (an output may not overwrite an input)", what,
           entries_[*j].label, entries_[*j].path);
    if (const auto* j = outputs.find(id))
      fail("{}: same file as the output {} {} (two outputs may not share a file)", what,
           entries_[*j].label, entries_[*j].path);
    outputs.insert(id, i);
    if (e.mode == OutputMode::streamed && id.exists)
      require(::access(id.canonical.c_str(), W_OK) == 0, "{}: cannot write: {}", what,
              std::strerror(errno));
    check_folder(what, id.canonical.parent_path(), e.folder, probed);
  }
}

void add_parameter_files(OutputPolicy& policy, const std::vector<ParameterSpec>& specs,
                         const nlohmann::json& values, bool cli_names) {
  for (const auto& spec : specs) {
    if (!spec.file) continue;
    const auto it = values.find(spec.key);
    if (it == values.end() || !it->is_string()) continue;
    std::string label = cli_names ? spec.cli_flag() : spec.key;
    if (spec.output)
      policy.add_output(it->get<std::string>(), std::move(label), spec.output_mode);
    else
      policy.add_input(it->get<std::string>(), std::move(label));
  }
}

}  // namespace robens
