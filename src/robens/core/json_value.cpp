#include "robens/core/json_value.hpp"

#include <cmath>

namespace robens {

using nlohmann::json;

const char* json_kind(const json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "a list";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_discarded()) return "nothing";
  return "null";
}

std::string json_number_text(const json& v) {
  if (v.is_number_float()) return fmt::format("{}", v.get<double>());
  return v.dump();
}

double get_number(const json& v, std::string_view what) {
  require(v.is_number(), "{}: expected a number, got {}", what, json_kind(v));
  const double x = v.get<double>();
  require(std::isfinite(x), "{} must be a finite number (got {})", what, x);
  return x;
}

bool get_bool(const json& v, std::string_view what) {
  require(v.is_boolean(), "{}: expected true or false, got {}", what, json_kind(v));
  return v.get<bool>();
}

const std::string& get_string(const json& v, std::string_view what) {
  require(v.is_string(), "{}: expected a string, got {}", what, json_kind(v));
  return v.get_ref<const std::string&>();
}

const json& get_object(const json& v, std::string_view what) {
  require(v.is_object(), "{}: expected an object, got {}", what, json_kind(v));
  return v;
}

const json& get_array(const json& v, std::string_view what) {
  require(v.is_array(), "{}: expected a list, got {}", what, json_kind(v));
  return v;
}

namespace detail {

std::optional<std::int64_t> signed_whole(const json& v) {
  if (v.is_number_integer() && !v.is_number_unsigned()) return v.get<std::int64_t>();
  if (!v.is_number_float()) return std::nullopt;
  // Beyond 2^53 a double no longer holds every whole number: 1e30 is not a count.
  constexpr double kExact = 9007199254740992.0;  // 2^53
  const double x = v.get<double>();
  if (!std::isfinite(x) || x != std::trunc(x) || std::fabs(x) > kExact) return std::nullopt;
  return static_cast<std::int64_t>(x);
}

void integer_error(const json& v, std::string_view what, const std::string& lo,
                   const std::string& hi) {
  require(v.is_number(), "{}: expected a whole number, got {}", what, json_kind(v));
  fail("{} must be a whole number in [{}, {}], got {}", what, lo, hi, json_number_text(v));
}

}  // namespace detail

}  // namespace robens
