#include "robens/io/files.hpp"

#include <fstream>
#include <sstream>

#include "robens/core/error.hpp"

namespace robens {

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  require(std::filesystem::exists(path, ec), "{}: no such file", path.string());
  require(!std::filesystem::is_directory(path, ec), "{}: is a directory, expected a file",
          path.string());
  std::ifstream in(path, std::ios::binary);
  require(in.good(), "{}: cannot open for reading", path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
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
