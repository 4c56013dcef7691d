#include "robens/io/gzip.hpp"

#include <zlib.h>

#include <algorithm>

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

namespace {

// gzip (level 6) in memory, with the header gzopen("wb6") writes: the same bytes as before.
std::string gzip_compress(const std::string& contents, const std::string& name) {
  z_stream z{};
  require(deflateInit2(&z, 6, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK,
          "{}: cannot start gzip compression", name);
  std::string out;
  char buffer[1 << 16];
  std::size_t done = 0;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    const auto chunk = std::min<std::size_t>(contents.size() - done, 1U << 24);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(contents.data() + done));
    z.avail_in = static_cast<uInt>(chunk);
    const int flush = done + chunk == contents.size() ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      rc = deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0 && rc == Z_OK);
    done += chunk - z.avail_in;
    // Z_BUF_ERROR: no progress possible, harmless while input remains, an error at the end.
    if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && flush == Z_NO_FLUSH)) break;
  }
  deflateEnd(&z);
  require(rc == Z_STREAM_END, "{}: gzip compression failed", name);
  return out;
}

}  // namespace

void write_gzip(const std::filesystem::path& path, const std::string& contents) {
  write_file_atomically(path, gzip_compress(contents, path.string()));
}

}  // namespace robens
