#include "robens/core/json_parse.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "robens/core/error.hpp"

namespace robens {
namespace {

using nlohmann::json;

// A parser callback that keeps the keys of every open object and rejects a repeated one.
class StrictKeys {
 public:
  explicit StrictKeys(std::string_view source) : source_(source) {}

  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        require(depth < kMaxJsonDepth, "{}: JSON nested deeper than {} levels", source_,
                kMaxJsonDepth);
        if (event == json::parse_event_t::object_start) open_.emplace_back();
        break;
      case json::parse_event_t::key: {
        const auto& key = parsed.get_ref<const std::string&>();
        require(open_.back().insert(key).second, "{}: key '{}' appears twice in one JSON object",
                source_, key.substr(0, 80));
        break;
      }
      case json::parse_event_t::object_end:
        open_.pop_back();
        break;
      default:
        break;
    }
    return true;
  }

 private:
  std::string_view source_;
  std::vector<std::set<std::string>> open_;
};

}  // namespace

std::string json_error_text(const std::exception& e) {
  std::string what = e.what();
  if (what.starts_with("[json.exception.")) {
    const auto end = what.find("] ");
    if (end != std::string::npos) what.erase(0, end + 2);
  }
  return what;
}

json parse_json(std::string_view text, std::string_view source) {
  StrictKeys keys(source);
  try {
    return json::parse(text.begin(), text.end(), std::ref(keys));
  } catch (const json::exception& e) {
    fail("{}: not valid JSON: {}", source, json_error_text(e));
  }
}

json parse_json_or_discarded(std::string_view text, std::string_view source) {
  StrictKeys keys(source);
  try {
    return json::parse(text.begin(), text.end(), std::ref(keys), /*allow_exceptions=*/false);
  } catch (const json::exception&) {
    return json::value_t::discarded;
  }
}

}  // namespace robens
