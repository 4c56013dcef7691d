#pragma once
// The parameters of one component (an algorithm, the problem) as a table of ParameterSpecs bound
// to the members of its plain parameter struct P. The struct's default member initialisers are the
// defaults (declared once); the table adds key, help, range and flags, and converts between P and
// a key/value map (JSON): from_json() validates every value and rejects unknown keys, to_json()
// records every parameter. Variants (e.g. plain SGD as rSGD with y = 1) share the table with other
// defaults and some entries fixed.
//
//   ParameterTable<RsgdParameters> table{
//       param("y", &RsgdParameters::replicas, "number of replicas y").at_least(1).at_most(1000),
//       param("formula", &RsgdParameters::formula, "interaction"),  // enum: choices from EnumNames
//   };
#include <fmt/format.h>

#include <functional>
#include <initializer_list>
#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "robens/core/enum_names.hpp"
#include "robens/core/error.hpp"
#include "robens/core/json_value.hpp"
#include "robens/core/parameter_spec.hpp"

namespace robens {

template <class P>
struct ParameterEntry {
  ParameterSpec spec;
  std::function<nlohmann::json(const P&)> get;
  std::function<void(P&, const nlohmann::json&)> set;  // the value is already checked

  ParameterEntry& at_least(double v) { return bound(spec.min, spec.min_open, v, false); }
  ParameterEntry& above(double v) { return bound(spec.min, spec.min_open, v, true); }
  ParameterEntry& at_most(double v) { return bound(spec.max, spec.max_open, v, false); }
  ParameterEntry& below(double v) { return bound(spec.max, spec.max_open, v, true); }
  ParameterEntry& count() {
    spec.type = ParameterType::count;
    return *this;
  }
  ParameterEntry& fixed_in_sweeps() {
    spec.sweepable = false;
    return *this;
  }
  ParameterEntry& output_file(OutputMode mode = OutputMode::replaced) {
    spec.output = true;
    spec.file = true;
    spec.output_mode = mode;
    return *this;
  }
  ParameterEntry& input_file() {
    spec.file = true;
    return *this;
  }
  ParameterEntry& choices(std::vector<std::string> names) {
    spec.type = ParameterType::choice;
    spec.choices = std::move(names);
    return *this;
  }

 private:
  ParameterEntry& bound(double& slot, bool& open, double v, bool is_open) {
    slot = v;
    open = is_open;
    return *this;
  }
};

// Binds `key` to the member `field` of P; the type follows the member's C++ type.
template <class P, class T>
ParameterEntry<P> param(std::string key, T P::*field, std::string help) {
  ParameterEntry<P> e;
  e.spec.key = std::move(key);
  e.spec.help = std::move(help);
  if constexpr (std::is_same_v<T, bool>) {
    e.spec.type = ParameterType::boolean;
  } else if constexpr (std::is_integral_v<T>) {
    e.spec.type = ParameterType::integer;
    e.spec.type_min = static_cast<double>(std::numeric_limits<T>::min());
    e.spec.type_max = static_cast<double>(std::numeric_limits<T>::max());
  } else if constexpr (std::is_floating_point_v<T>) {
    e.spec.type = ParameterType::real;
  } else if constexpr (std::is_same_v<T, std::string>) {
    e.spec.type = ParameterType::text;
  } else {
    static_assert(NamedEnum<T>, "parameter members are bool, integers, reals, strings or enums");
    e.spec.type = ParameterType::choice;
    e.spec.choices = enum_choices<T>();
  }
  e.get = [field](const P& p) -> nlohmann::json {
    if constexpr (NamedEnum<T>)
      return to_string(p.*field);
    else
      return p.*field;
  };
  e.set = [field, key = e.spec.key](P& p, const nlohmann::json& v) {
    if constexpr (NamedEnum<T>)
      p.*field = parse_enum<T>(get_string(v, key), key);
    else if constexpr (std::is_same_v<T, bool>)
      p.*field = get_bool(v, key);
    else if constexpr (std::is_integral_v<T>)
      p.*field = get_integer<T>(v, key);  // in range: check() compared it with T's limits
    else if constexpr (std::is_floating_point_v<T>)
      p.*field = static_cast<T>(get_number(v, key));
    else
      p.*field = get_string(v, key);
  };
  return e;
}

template <class P>
class ParameterTable {
 public:
  ParameterTable(std::initializer_list<ParameterEntry<P>> entries, P defaults = P{})
      : entries_(entries), defaults_(std::move(defaults)) {
    for (auto& e : entries_) e.spec.default_value = e.get(defaults_);
  }

  // The same table for a variant: other defaults, `fixed` keys recorded but not settable,
  // `hidden` keys left out altogether.
  ParameterTable variant(P defaults, const std::set<std::string>& fixed,
                         const std::set<std::string>& hidden = {}) const {
    ParameterTable t = *this;
    t.defaults_ = std::move(defaults);
    std::erase_if(t.entries_, [&](const auto& e) { return hidden.contains(e.spec.key); });
    for (auto& e : t.entries_) {
      e.spec.default_value = e.get(t.defaults_);
      if (fixed.contains(e.spec.key)) e.spec.settable = false;
    }
    return t;
  }

  std::vector<ParameterSpec> specs() const {
    std::vector<ParameterSpec> out;
    for (const auto& e : entries_) out.push_back(e.spec);
    return out;
  }
  const P& defaults() const { return defaults_; }

  // Defaults overridden by `values` (a JSON object, keys snake_case or with dashes).
  P from_json(const nlohmann::json& values) const {
    require(values.is_object() || values.is_null(), "parameters: expected an object of values");
    P p = defaults_;
    if (values.is_null()) return p;
    for (const auto& [raw_key, value] : values.items()) {
      const auto* e = find(canonical_key(raw_key));
      require(e != nullptr, "unknown parameter '{}' (parameters: {})", raw_key, key_list());
      require(e->spec.settable, "parameter '{}' is fixed by this algorithm", raw_key);
      e->set(p, e->spec.check(value));
    }
    return p;
  }

  // Checks every value of `p` against its entry (InputError naming the key).
  void check(const P& p) const {
    for (const auto& e : entries_) e.spec.check(e.get(p));
  }

  // Every parameter with its value; output file names only when set.
  nlohmann::json to_json(const P& p) const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& e : entries_) {
      nlohmann::json v = e.get(p);
      if (e.spec.output && v.is_string() && v.get<std::string>().empty()) continue;
      j[e.spec.key] = std::move(v);
    }
    return j;
  }

 private:
  const ParameterEntry<P>* find(const std::string& key) const {
    for (const auto& e : entries_)
      if (e.spec.key == key) return &e;
    return nullptr;
  }
  std::string key_list() const {
    std::vector<std::string> keys;
    for (const auto& e : entries_)
      if (e.spec.settable) keys.push_back(e.spec.key);
    return fmt::format("{}", fmt::join(keys, ", "));
  }

  std::vector<ParameterEntry<P>> entries_;
  P defaults_;
};

}  // namespace robens
