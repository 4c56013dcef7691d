#pragma once
// Whole-file reading and writing with clear errors (InputError naming the file). Writes go to a
// temporary file in the same folder that is renamed over the target, so a reader never sees half
// a file.
#include <filesystem>
#include <string>

namespace robens {

std::string read_file(const std::filesystem::path& path);
void write_file_atomically(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
