#include "robens/io/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <system_error>

#include "robens/core/error.hpp"
#include "robens/io/files.hpp"

namespace robens {

std::string read_maybe_gzip(const std::filesystem::path& path) {
  check_input_file(path);                 // no directories or devices
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files transparently
  require(f != nullptr, "cannot open {}", path.string());
  std::string out;
  char buf[1 << 16];
  int got = 0;
  while ((got = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(got));
    if (out.size() > kMaxInputBytes) {  // a gzip bomb stops at the input limit
      gzclose(f);
      check_input_size(path, out.size());
    }
  }
  int errnum = 0;
  const char* msg = gzerror(f, &errnum);
  const std::string err = errnum != Z_OK && errnum != Z_STREAM_END ? std::string(msg) : "";
  gzclose(f);
  require(got == 0 && err.empty(), "cannot read {}: {}", path.string(),
          err.empty() ? "corrupt data" : err);
  return out;
}

void write_gzip(const std::filesystem::path& path, const std::string& contents) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  gzFile f = gzopen(tmp.c_str(), "wb6");
  require(f != nullptr, "cannot write {}", tmp.string());
  std::size_t done = 0;
  bool ok = true;
  while (done < contents.size() && ok) {
    const auto chunk =
        static_cast<unsigned>(std::min<std::size_t>(contents.size() - done, 1U << 24));
    ok = gzwrite(f, contents.data() + done, chunk) == static_cast<int>(chunk);
    done += chunk;
  }
  ok = (gzclose(f) == Z_OK) && ok;
  require(ok, "cannot write {}", tmp.string());
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  require(!ec, "cannot rename {} to {}: {}", tmp.string(), path.string(), ec.message());
}

}  // namespace robens
