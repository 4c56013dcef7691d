#pragma once
// File formats: none of its own; the bytes as given, read and written whole by the other io/
// files. Errors are InputErrors naming the file. Writes go to a temporary file in the same folder
// that is renamed over the target, so a reader never sees half a file.
#include <filesystem>
#include <string>

namespace robens {

std::string read_file(const std::filesystem::path& path);
void write_file_atomically(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
