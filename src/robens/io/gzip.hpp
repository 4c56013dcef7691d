#pragma once
// File formats: gzip (RFC 1952) through zlib. Reading also accepts an uncompressed file, so a
// user may gunzip a file (e.g. fBP messages, io/message_file.hpp) and still load it. Writes are
// compressed in memory and written with write_file_atomically (files.hpp).
#include <filesystem>
#include <string>

namespace robens {

// The whole decompressed contents of a gzip (or plain) file.
std::string read_maybe_gzip(const std::filesystem::path& path);
// Writes `contents` gzip-compressed (level 6), atomically.
void write_gzip(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
