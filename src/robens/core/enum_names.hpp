#pragma once
// One table of names per enum, from which both directions come: to_string(e), parse_enum<E>(text)
// (with an error listing the choices) and enum_choices<E>() for help texts and parameter tables.
// An enum opts in by specialising EnumNames next to its declaration:
//   template <> struct EnumNames<KickFormula> {
//     static constexpr std::pair<KickFormula, const char*> values[] = {
//         {KickFormula::simple, "simple"}, ...};
//   };
// An optional `aliases` array of the same type lists further spellings parse_enum accepts; they are
// never printed (to_string and enum_choices use `values` only).
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "robens/core/error.hpp"

namespace robens {

template <class E>
struct EnumNames;  // specialise with `static constexpr std::pair<E, const char*> values[]`

template <class E>
concept NamedEnum = std::is_enum_v<E> && requires {
  EnumNames<E>::values;
};

template <NamedEnum E>
std::string to_string(E value) {
  for (const auto& [v, name] : EnumNames<E>::values)
    if (v == value) return name;
  return "?";
}

// Whether EnumNames<E> also has `aliases`.
template <class E>
concept AliasedEnum = NamedEnum<E> && requires {
  EnumNames<E>::aliases;
};

template <NamedEnum E>
std::vector<std::string> enum_choices() {
  std::vector<std::string> names;
  for (const auto& entry : EnumNames<E>::values) names.emplace_back(entry.second);
  return names;
}

// `what` names the value in the error, e.g. "--formula".
template <NamedEnum E>
E parse_enum(std::string_view text, std::string_view what) {
  for (const auto& [v, name] : EnumNames<E>::values)
    if (text == name) return v;
  if constexpr (AliasedEnum<E>)
    for (const auto& [v, name] : EnumNames<E>::aliases)
      if (text == name) return v;
  fail("{}: unknown value '{}' (expected one of: {})", what, text,
       fmt::join(enum_choices<E>(), ", "));
}

}  // namespace robens
