#pragma once
// File formats: none of its own; the bytes as given, read and written whole by the other io/
// files. Errors are InputErrors naming the file (and the system's reason).
//
// write_file_atomically: the bytes go to a new temporary file in the target's folder, which is
// synced, closed (each step checked) and renamed over the target, so a reader never sees half a
// file and a failure (a full disk) leaves the old file as it was; the temporary file is removed
// on every failure path, and stop signals wait until it is gone. A symbolic link stays and its
// target is replaced; a replaced file keeps its permissions. Devices and pipes (/dev/null,
// /dev/full, a terminal) cannot be replaced: they are written in place, still checked.
//
// Inputs are regular files or pipes (`<(zcat p.txt.gz)`), of at most kMaxInputBytes; directories,
// devices (/dev/zero, a terminal) and sockets are refused before reading, a larger regular file
// before allocating, and a pipe once it has delivered more.
#include <cstdint>
#include <filesystem>
#include <string>

namespace robens {

inline constexpr std::uint64_t kMaxInputBytes = std::uint64_t{16} << 30;  // 16 GiB

// InputError unless `path` names something robens may read (see above); the size of a regular
// file, 0 for a pipe.
std::uint64_t check_input_file(const std::filesystem::path& path);
// "{path}: over the limit of 16 GiB for an input file" unless `bytes` <= kMaxInputBytes.
void check_input_size(const std::filesystem::path& path, std::uint64_t bytes);

std::string read_file(const std::filesystem::path& path);
void write_file_atomically(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
