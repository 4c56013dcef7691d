#pragma once
// Checked reads of JSON values. Every number, flag and string that robens takes from a file or a
// caller goes through these, so that a wrong type, a fraction where a whole number belongs, a
// value outside the target's range or a non-finite number is an InputError naming `what` (e.g.
// "'inputs'"), never a silent conversion, an nlohmann exception or undefined behaviour (a double
// cast to an integer type it does not fit).
//
// Whole numbers: JSON integers, and floats whose value is integral and at most 2^53 in magnitude
// (exactly representable), so 21.0 and 2e3 read as 21 and 2000, as counts do on the command line;
// 21.9, 1e30 and 2^53 + 2 written as a float are errors. Callers prefix the source (the file).
#include <fmt/format.h>

#include <concepts>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "robens/core/error.hpp"

namespace robens {

// "an object", "a list", "a string", "a boolean", "a number" or "null", for messages.
const char* json_kind(const nlohmann::json& v);
// A number as written in messages: integers exactly, floats in shortest form ("21.9", "inf").
std::string json_number_text(const nlohmann::json& v);

// A finite number (integer or float).
double get_number(const nlohmann::json& v, std::string_view what);
bool get_bool(const nlohmann::json& v, std::string_view what);
const std::string& get_string(const nlohmann::json& v, std::string_view what);
// `v` itself, after checking it is an object (a list) — "expected an object, got a list".
const nlohmann::json& get_object(const nlohmann::json& v, std::string_view what);
const nlohmann::json& get_array(const nlohmann::json& v, std::string_view what);

namespace detail {
// The value of a signed JSON integer or of an integral float within ±2^53; none otherwise.
std::optional<std::int64_t> signed_whole(const nlohmann::json& v);
[[noreturn]] void integer_error(const nlohmann::json& v, std::string_view what,
                                const std::string& lo, const std::string& hi);
}  // namespace detail

// A whole number in [lo, hi] (by default T's range).
template <std::integral T>
requires(!std::same_as<T, bool>) T
    get_integer(const nlohmann::json& v, std::string_view what,
                T lo = std::numeric_limits<T>::min(), T hi = std::numeric_limits<T>::max()) {
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (std::cmp_greater_equal(u, lo) && std::cmp_less_equal(u, hi)) return static_cast<T>(u);
  } else if (const auto s = detail::signed_whole(v)) {
    if (std::cmp_greater_equal(*s, lo) && std::cmp_less_equal(*s, hi)) return static_cast<T>(*s);
  }
  detail::integer_error(v, what, fmt::format("{}", lo), fmt::format("{}", hi));
}

}  // namespace robens
