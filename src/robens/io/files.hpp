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
#include <filesystem>
#include <string>

namespace robens {

std::string read_file(const std::filesystem::path& path);
void write_file_atomically(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
