#include "robens/sweep/experiment.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "robens/core/error.hpp"

#ifdef ROBENS_HAVE_TOML
#include <toml++/toml.h>
#endif

namespace robens::sweep {
namespace {

using nlohmann::json;

#ifdef ROBENS_HAVE_TOML
// TOML descriptions are converted to the same JSON document, so one validator serves both.
json toml_to_json(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    json object = json::object();
    for (const auto& [key, value] : *table) object[std::string(key.str())] = toml_to_json(value);
    return object;
  }
  if (const auto* array = node.as_array()) {
    json list = json::array();
    for (const auto& value : *array) list.push_back(toml_to_json(value));
    return list;
  }
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return i->get();
  if (const auto* f = node.as_floating_point()) return f->get();
  if (const auto* b = node.as_boolean()) return b->get();
  fail("TOML dates and times are not option values (quote them as strings)");
}
#endif

const char* type_name(const json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "a list";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  return "null";
}

// Options the sweep sets itself: every job gets --seed, --json and --quiet.
bool reserved_option(const std::string& key) {
  return key == "seed" || key == "json" || key == "quiet" || key == "help" || key == "h";
}

void check_option_name(const std::string& where, const std::string& key) {
  require(!key.starts_with("-"), "{}.{}: write option names without the leading dashes", where,
          key);
  require(!key.empty() && std::all_of(key.begin(), key.end(),
                                      [](char c) {
                                        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                               (c >= '0' && c <= '9') || c == '-' || c == '_';
                                      }),
          "{}.{}: not a valid option name", where, key);
  if (key == "seed")
    fail("{}.seed: the sweep sets --seed itself; list the seeds in the top-level \"seeds\"", where);
  require(!reserved_option(key), "{}.{}: the sweep sets --{} itself", where, key, key);
}

void check_option_value(const std::string& where, const json& v) {
  require(v.is_number() || v.is_string() || v.is_boolean(),
          "{}: expected a number, string or boolean, got {}", where, type_name(v));
  if (v.is_number_float())
    require(std::isfinite(v.get<double>()), "{}: the number is not finite", where);
}

json parse_options(const std::string& where, const json& v) {
  require(v.is_object(), "{}: expected an object of options, got {}", where, type_name(v));
  for (const auto& [key, value] : v.items()) {
    check_option_name(where, key);
    check_option_value(where + "." + key, value);
  }
  return v;
}

std::uint64_t seed_value(const std::string& where, const json& s) {
  require(s.is_number_integer() && s.get<long long>() >= 0,
          "{}: expected a non-negative integer, got {}", where,
          s.is_number() ? s.dump() : std::string(type_name(s)));
  return s.get<std::uint64_t>();
}

std::vector<std::uint64_t> parse_seeds(const json& v) {
  std::vector<std::uint64_t> seeds;
  if (v.is_number()) {
    const auto count = seed_value("seeds", v);
    require(count >= 1, "seeds: the number of seeds must be at least 1");
    for (std::uint64_t i = 0; i < count; ++i) seeds.push_back(1 + i);
  } else if (v.is_object()) {
    for (const auto& [key, value] : v.items())
      require(key == "first" || key == "count", "seeds.{}: unknown key (allowed: first, count)",
              key);
    require(v.contains("count"), "seeds.count: missing (the number of seeds)");
    const auto first = v.contains("first") ? seed_value("seeds.first", v["first"]) : 1;
    const auto count = seed_value("seeds.count", v["count"]);
    require(count >= 1, "seeds.count: must be at least 1");
    for (std::uint64_t i = 0; i < count; ++i) seeds.push_back(first + i);
  } else if (v.is_array()) {
    require(!v.empty(), "seeds: the list of seeds is empty");
    std::set<std::uint64_t> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto s = seed_value(fmt::format("seeds[{}]", i), v[i]);
      require(seen.insert(s).second, "seeds[{}]: seed {} appears twice", i, s);
      seeds.push_back(s);
    }
  } else {
    fail("seeds: expected a count, {{\"first\": F, \"count\": C}} or a list, got {}", type_name(v));
  }
  return seeds;
}

// One grid axis; adds the options it sets to `varied` (each option is set in one place only).
std::vector<json> parse_axis(const std::string& key, const json& values, const json& fixed,
                             std::set<std::string>& varied) {
  require(values.is_array(), "grid.{}: expected a list of values, got {}", key, type_name(values));
  require(!values.empty(), "grid.{}: the list of values is empty", key);
  // A list of objects is a linked axis: each entry sets several options together
  // (e.g. N and a schedule that scales with N); the key is only a label.
  const bool linked = values[0].is_object();
  std::set<std::string> seen, sets;
  std::vector<json> list;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string where = fmt::format("grid.{}[{}]", key, i);
    require(values[i].is_object() == linked,
            "{}: mix of objects and plain values (use one kind per axis)", where);
    if (linked) {
      require(!values[i].empty(), "{}: the object sets no option", where);
      parse_options(where, values[i]);
      for (const auto& [option, v] : values[i].items()) sets.insert(option);
    } else {
      check_option_value(where, values[i]);
    }
    require(seen.insert(values[i].dump()).second, "{}: value {} appears twice", where,
            values[i].dump());
    list.push_back(values[i]);
  }
  if (!linked) {
    check_option_name("grid", key);
    sets.insert(key);
  }
  for (const auto& option : sets) {
    const std::string where =
        linked ? fmt::format("grid.{} (option {})", key, option) : fmt::format("grid.{}", key);
    require(!fixed.contains(option), "{}: also in \"fixed\" (set it in one place)", where);
    require(!varied.contains(option), "{}: set by two grid axes", where);
    varied.insert(option);
  }
  return list;
}

std::vector<Variant> parse_variants(const json& vs, const json& fixed,
                                    const std::set<std::string>& varied) {
  require(vs.is_array(), "variants: expected a list of {{\"name\", \"options\"}}, got {}",
          type_name(vs));
  require(!vs.empty(), "variants: the list is empty (omit \"variants\" or give at least one)");
  std::vector<Variant> variants;
  std::set<std::string> names;
  for (std::size_t i = 0; i < vs.size(); ++i) {
    const std::string where = fmt::format("variants[{}]", i);
    const json& v = vs[i];
    require(v.is_object(), "{}: expected an object with \"name\" and \"options\", got {}", where,
            type_name(v));
    for (const auto& [key, value] : v.items())
      require(key == "name" || key == "options", "{}.{}: unknown key (allowed: name, options)",
              where, key);
    require(v.contains("name") && v["name"].is_string() && !v["name"].get<std::string>().empty(),
            "{}.name: missing or not a non-empty string", where);
    Variant variant{v["name"].get<std::string>(), json::object()};
    require(names.insert(variant.name).second, "{}.name: '{}' appears twice", where, variant.name);
    if (v.contains("options")) variant.options = parse_options(where + ".options", v["options"]);
    for (const auto& [key, value] : variant.options.items()) {
      require(!fixed.contains(key), "{}.options.{}: also in \"fixed\" (set it in one place)", where,
              key);
      require(!varied.contains(key), "{}.options.{}: also in \"grid\" (set it in one place)", where,
              key);
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

void check_top_level(const json& doc) {
  require(doc.is_object(), "the experiment must be a JSON object, got {}", type_name(doc));
  static const std::set<std::string> kKeys = {"name", "description", "command", "fixed",
                                              "grid", "variants",    "seeds",   "output"};
  for (const auto& [key, value] : doc.items())
    require(kKeys.contains(key),
            "unknown key '{}' (allowed: name, description, command, fixed, grid, variants, seeds, "
            "output)",
            key);
}

std::string parse_name(const json& doc, const std::filesystem::path& file) {
  if (!doc.contains("name")) return file.stem().string();
  require(doc["name"].is_string() && !doc["name"].get<std::string>().empty(),
          "name: expected a non-empty string, got {}", type_name(doc["name"]));
  const std::string name = doc["name"].get<std::string>();
  require(name.find_first_of("/\\") == std::string::npos,
          "name: '{}' must not contain a path separator (it names the default output file)", name);
  return name;
}

std::string parse_command(const json& doc) {
  if (!doc.contains("command")) return "train";
  require(doc["command"].is_string(), "command: expected a string, got {}",
          type_name(doc["command"]));
  const std::string command = doc["command"].get<std::string>();
  require(command == "train", "command: '{}' is not supported (only \"train\")", command);
  return command;
}

std::filesystem::path parse_output(const json& doc, const Experiment& e) {
  std::filesystem::path output = e.name + ".results.jsonl";
  if (doc.contains("output")) {
    require(doc["output"].is_string() && !doc["output"].get<std::string>().empty(),
            "output: expected a non-empty file name, got {}", type_name(doc["output"]));
    output = doc["output"].get<std::string>();
  }
  return output.is_absolute() ? output : e.directory / output;
}

json parse_text(const std::string& text, const std::filesystem::path& file) {
  if (file.extension() == ".toml") {
#ifdef ROBENS_HAVE_TOML
    try {
      return toml_to_json(toml::parse(text, file.string()));
    } catch (const toml::parse_error& err) {
      const auto& where = err.source().begin;
      fail("{}: not valid TOML: {} (line {}, column {})", file.string(), err.description(),
           where.line, where.column);
    }
#else
    fail("{}: this robens was built without TOML support (libtomlplusplus-dev); use JSON",
         file.string());
#endif
  }
  try {
    return json::parse(text);
  } catch (const json::exception& err) {
    // nlohmann's message carries the line and column. Not only parse_error: a number too large
    // for a double ("1e400") is an out_of_range thrown while parsing.
    std::string what = err.what();
    const auto colon = what.find("parse error");
    fail("{}: not valid JSON: {}", file.string(),
         colon == std::string::npos ? what : what.substr(colon));
  }
}

}  // namespace

Experiment parse_sweep_experiment(const json& doc, const std::filesystem::path& file) {
  check_top_level(doc);
  Experiment e;
  e.directory = std::filesystem::absolute(file).parent_path();
  e.name = parse_name(doc, file);
  if (doc.contains("description"))
    require(doc["description"].is_string(), "description: expected a string, got {}",
            type_name(doc["description"]));
  e.command = parse_command(doc);
  if (doc.contains("fixed")) e.fixed = parse_options("fixed", doc["fixed"]);

  std::set<std::string> varied;
  if (doc.contains("grid")) {
    const json& g = doc["grid"];
    require(g.is_object(), "grid: expected an object mapping options to lists, got {}",
            type_name(g));
    require(!g.empty(), "grid: no options (omit \"grid\" or give an option and its values)");
    for (const auto& [key, values] : g.items())
      e.grid.emplace_back(key, parse_axis(key, values, e.fixed, varied));
  }
  if (doc.contains("variants")) e.variants = parse_variants(doc["variants"], e.fixed, varied);
  e.seeds = doc.contains("seeds") ? parse_seeds(doc["seeds"]) : std::vector<std::uint64_t>{1};
  e.output = parse_output(doc, e);
  return e;
}

Experiment load_sweep_experiment(const std::filesystem::path& file) {
  std::ifstream in(file);
  require(in.good(), "{}: cannot open the experiment description", file.string());
  std::stringstream text;
  text << in.rdbuf();
  const json doc = parse_text(text.str(), file);
  try {
    return parse_sweep_experiment(doc, file);
  } catch (const InputError& err) {
    fail("{}: {}", file.string(), err.what());
  }
}

}  // namespace robens::sweep
