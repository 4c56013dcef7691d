#include "robens/core/parameter_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"

namespace robens {
namespace {

using nlohmann::json;

std::string number_text(double v) {
  return fmt::format("{}", v);
}

// Whole numbers beyond 2^53 are no longer exact in a double, and beyond 2^63 do not fit a long.
constexpr double kLargestCount = 9.0e15;

json check_number(const ParameterSpec& s, const json& value) {
  const double x = get_number(value, s.key);
  const bool whole = s.type != ParameterType::real;
  if (whole) {
    require(x == std::floor(x), "{}: expected a whole number, got {}", s.key, value.dump());
    require(std::fabs(x) <= kLargestCount, "{}: {} is too large", s.key, value.dump());
    require(x <= s.type_max, "{}: {} is too large (at most {})", s.key, value.dump(),
            number_text(s.type_max));
    require(x >= s.type_min, "{}: {} is too small (at least {})", s.key, value.dump(),
            number_text(s.type_min));
  }
  const bool low_ok = s.min_open ? x > s.min : x >= s.min;
  const bool high_ok = s.max_open ? x < s.max : x <= s.max;
  require(low_ok && high_ok, "{} must be {} (got {})", s.key, s.range_text(), value.dump());
  if (whole) return value.is_number_integer() ? value : json(static_cast<long long>(x));
  return json(x);
}

}  // namespace

const char* to_string(ParameterType t) {
  switch (t) {
    case ParameterType::boolean:
      return "BOOL";
    case ParameterType::integer:
      return "INT";
    case ParameterType::count:
      return "COUNT";
    case ParameterType::real:
      return "REAL";
    case ParameterType::choice:
      return "CHOICE";
    case ParameterType::text:
      return "TEXT";
  }
  return "?";
}

std::string canonical_key(std::string_view key) {
  std::string k(key);
  std::replace(k.begin(), k.end(), '-', '_');
  return k;
}

std::string ParameterSpec::cli_flag() const {
  std::string flag = "--" + key;
  std::replace(flag.begin() + 2, flag.end(), '_', '-');
  return flag;
}

std::string ParameterSpec::range_text() const {
  if (type == ParameterType::choice) return fmt::format("{}", fmt::join(choices, " | "));
  if (type == ParameterType::boolean || type == ParameterType::text) return "";
  const bool has_min = std::isfinite(min), has_max = std::isfinite(max);
  if (has_min && has_max)
    return fmt::format("in {}{}, {}{}", min_open ? "(" : "[", number_text(min), number_text(max),
                       max_open ? ")" : "]");
  if (has_min) return fmt::format("{} {}", min_open ? ">" : ">=", number_text(min));
  if (has_max) return fmt::format("{} {}", max_open ? "<" : "<=", number_text(max));
  return "";
}

json ParameterSpec::check(const json& value) const {
  switch (type) {
    case ParameterType::boolean:
      require(value.is_boolean(), "{}: expected true or false, got {}", key, json_kind(value));
      return value;
    case ParameterType::integer:
    case ParameterType::count:
    case ParameterType::real:
      return check_number(*this, value);
    case ParameterType::choice: {
      require(value.is_string(), "{}: expected one of {}, got {}", key, range_text(),
              json_kind(value));
      const auto text = value.get<std::string>();
      require(std::find(choices.begin(), choices.end(), text) != choices.end(),
              "{}: unknown value '{}' (expected one of: {})", key, text, fmt::join(choices, ", "));
      return value;
    }
    case ParameterType::text:
      require(value.is_string(), "{}: expected a string, got {}", key, json_kind(value));
      return value;
  }
  return value;
}

json ParameterSpec::parse(std::string_view text) const {
  const std::string t(text);
  switch (type) {
    case ParameterType::boolean:
      if (t == "true" || t == "1" || t == "yes" || t == "on") return true;
      if (t == "false" || t == "0" || t == "no" || t == "off") return false;
      fail("{}: expected true or false, got '{}'", cli_flag(), t);
    case ParameterType::choice:
    case ParameterType::text:
      return check(json(t));
    case ParameterType::integer:
    case ParameterType::count:
    case ParameterType::real:
      break;
  }
  if (type == ParameterType::integer) {
    long long v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    require(ec == std::errc() && end == t.data() + t.size() && !t.empty(),
            "{}: expected a whole number, got '{}'", cli_flag(), t);
    return check(json(v));
  }
  char* end = nullptr;
  const double x = std::strtod(t.c_str(), &end);
  require(!t.empty() && end == t.c_str() + t.size(), "{}: expected a number, got '{}'", cli_flag(),
          t);
  return check(json(x));
}

std::string ParameterSpec::text_of(const json& value) const {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_float()) return number_text(value.get<double>());
  return value.dump();
}

}  // namespace robens
