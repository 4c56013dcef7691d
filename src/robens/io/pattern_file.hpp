#pragma once
// File formats: pattern files, in two formats that both round-trip exactly.
//
// Text (".txt", any other name): one pattern per line, the label first, then the N inputs, all
// written as +1 / -1 (1 is accepted for +1) and separated by blanks. Lines starting with '#' are
// comments; robens writes its metadata (version, seed, parameters) there as "# robens: {json}".
//
// Binary (".rbp"): the 8-byte magic "RBNSPAT1", then N and M as little-endian uint64, then the M
// labels as bits (ceil(M/64) words, bit 1 = +1), then M rows of ceil(N/64) little-endian 64-bit
// words (bit i of a row is input i, 1 = +1), then the metadata as a length-prefixed UTF-8 string.
// Which reader is used depends on the content (the magic), not the file name.
#include <filesystem>
#include <string>
#include <utility>

#include "robens/core/enum_names.hpp"
#include "robens/core/pattern_set.hpp"

namespace robens {

enum class PatternFormat { text, binary };
template <>
struct EnumNames<PatternFormat> {
  static constexpr std::pair<PatternFormat, const char*> values[] = {
      {PatternFormat::text, "text"}, {PatternFormat::binary, "binary"}};
};

// Guesses from the extension: ".rbp" is binary, anything else text.
PatternFormat format_for_path(const std::filesystem::path& path);

void write_patterns(const std::filesystem::path& path, const PatternSet& set, PatternFormat format,
                    const std::string& metadata_json = "{}");
PatternSet read_patterns(const std::filesystem::path& path);

// In-memory versions, used by the file functions and the tests.
std::string patterns_to_text(const PatternSet& set, const std::string& metadata_json = "{}");
PatternSet patterns_from_text(const std::string& text, const std::string& source_name = "<text>");
std::string patterns_to_binary(const PatternSet& set, const std::string& metadata_json = "{}");
PatternSet patterns_from_binary(const std::string& bytes,
                                const std::string& source_name = "<bytes>");

}  // namespace robens
