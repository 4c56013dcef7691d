#pragma once
// Parsing JSON text from a file, stricter than nlohmann::json::parse: a key given twice in one
// object is an error (nlohmann silently keeps the last one, so a typo-ed duplicate would win
// unnoticed), and so is nesting deeper than kMaxJsonDepth (robens' files nest a few levels; the
// limit keeps recursive dumps of hostile input off the stack). Every failure — a syntax error, a
// number that does not fit a double (1e400), a duplicate key — is an InputError starting with
// "{source}: ", never an nlohmann exception.
#include <nlohmann/json.hpp>
#include <string_view>

namespace robens {

inline constexpr int kMaxJsonDepth = 100;

nlohmann::json parse_json(std::string_view text, std::string_view source);

// The same, except that text which is not JSON at all (a syntax error, a number overflow) gives a
// discarded value: a torn last line of a results file is data, not a mistake. Duplicate keys and
// too deep nesting still throw.
nlohmann::json parse_json_or_discarded(std::string_view text, std::string_view source);

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string json_error_text(const std::exception& e);

}  // namespace robens
