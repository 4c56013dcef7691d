#include "robens/cli/parameter_options.hpp"

#include <fmt/format.h>

#include <charconv>

#include "robens/core/error.hpp"

namespace robens::cli {
namespace {

std::string help_of(const ParameterSpec& s) {
  const std::string range = s.range_text();
  if (range.empty() || s.type == ParameterType::choice) return s.help;
  return fmt::format("{} ({})", s.help, range);
}

std::string type_name(const ParameterSpec& s) {
  if (s.type == ParameterType::choice) return fmt::format("{{{}}}", fmt::join(s.choices, ","));
  if (s.type == ParameterType::text) return s.file ? "FILE" : "TEXT";
  return to_string(s.type);
}

}  // namespace

CLI::Option* add_seed_option(CLI::App& app, std::uint64_t& seed, const std::string& help) {
  return app
      .add_option_function<std::string>(
          "--seed",
          [&seed](const std::string& text) {
            std::uint64_t v = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            require(!text.empty() && ec == std::errc() && end == text.data() + text.size(),
                    "--seed: expected a non-negative whole number below 2^64, got '{}'", text);
            seed = v;
          },
          help)
      ->type_name("UINT")
      ->default_str(std::to_string(seed));
}

void ParameterOptions::add(CLI::App& group, const std::vector<ParameterSpec>& specs) {
  for (const auto& spec : specs) {
    if (!spec.settable) continue;
    auto b = std::make_unique<Bound>();
    b->spec = spec;
    Bound* p = b.get();
    const std::string flag = spec.cli_flag();
    if (spec.type == ParameterType::boolean) {
      const std::string no_flag = "--no-" + flag.substr(2);
      const bool on_by_default = spec.default_value.get<bool>();
      p->option = group.add_flag_callback(
          flag, [p] { p->flag = true; }, on_by_default ? "" : spec.help);
      p->negation = group.add_flag_callback(
          no_flag, [p] { p->flag = false; }, on_by_default ? spec.help : "");
      if (on_by_default)
        p->option->group("");  // hidden: it sets the default
      else
        p->negation->group("");
    } else {
      p->option = group.add_option(flag, p->text, help_of(spec))
                      ->type_name(type_name(spec))
                      ->default_str(spec.text_of(spec.default_value));
    }
    bound_.push_back(std::move(b));
  }
}

nlohmann::json ParameterOptions::values() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& b : bound_) {
    if (b->spec.type == ParameterType::boolean) {
      require(b->option->count() == 0 || b->negation->count() == 0, "{} and {} exclude each other",
              b->option->get_name(), b->negation->get_name());
      if (b->option->count() > 0 || b->negation->count() > 0) out[b->spec.key] = b->flag;
    } else if (b->option->count() > 0) {
      // An empty file name would silently mean "none" (no output, generated data).
      require(!b->spec.file || !b->text.empty(), "{}: empty file name", b->option->get_name());
      out[b->spec.key] = b->spec.parse(b->text);
    }
  }
  return out;
}

bool ParameterOptions::given(const std::string& key) const {
  for (const auto& b : bound_)
    if (b->spec.key == key)
      return b->option->count() > 0 || (b->negation != nullptr && b->negation->count() > 0);
  return false;
}

}  // namespace robens::cli
