#include "robens/algorithms/fbp/fbp_protocol.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/core/error.hpp"

namespace robens {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) parts.push_back(cur);
  if (!s.empty() && s.back() == sep) parts.emplace_back();
  return parts;
}

double parse_number(const std::string& raw, const std::string& option_name) {
  std::string t;
  for (char c : raw)
    if (c != ' ' && c != '\t') t += c;
  if (t == "inf" || t == "Inf" || t == "+inf") return bp::kInf;
  if (t == "-inf" || t == "-Inf") return -bp::kInf;
  double v = 0;
  const char* b = t.data();
  if (!t.empty() && t[0] == '+') ++b;
  const auto [ptr, ec] = std::from_chars(b, t.data() + t.size(), v);
  require(!t.empty() && ec == std::errc() && ptr == t.data() + t.size() && !std::isnan(v),
          "{}: '{}' is not a number", option_name, raw);
  return v;
}

}  // namespace

std::vector<double> parse_ranges(const std::string& text, const std::string& option_name) {
  std::vector<double> out;
  require(!text.empty(), "{}: empty list (expected e.g. 0:0.01:0.99)", option_name);
  for (const std::string& item : split(text, ',')) {
    const auto parts = split(item, ':');
    if (parts.size() == 1) {
      out.push_back(parse_number(parts[0], option_name));
      continue;
    }
    require(parts.size() == 3, "{}: '{}' must be a number or start:step:stop", option_name, item);
    const double a = parse_number(parts[0], option_name), s = parse_number(parts[1], option_name),
                 b = parse_number(parts[2], option_name);
    require(std::isfinite(a) && std::isfinite(s) && std::isfinite(b) && s != 0,
            "{}: range '{}' needs finite start, stop and a non-zero step", option_name, item);
    const double count = std::floor((b - a) / s + 1e-10) + 1;
    require(count >= 1 && count <= 1e7 && static_cast<double>(out.size()) + count <= 1e7,
            "{}: range '{}' is empty or too long (at most 10^7 values in all)", option_name, item);
    for (long i = 0; i < static_cast<long>(count); ++i)
      out.push_back(a + static_cast<double>(i) * s);
  }
  return out;
}

FocusingStep standard_reinforcement_step(double rho) {
  return {bp::kInf, 1.0 / (1.0 - rho)};
}

FocusingStep pseudo_reinforcement_step(double rho, double x) {
  if (x == 0.5) return {std::atanh(std::sqrt(rho)), (2.0 - rho) / (1.0 - rho)};
  if (x == 0) return {bp::kInf, 1.0 / (1.0 - rho)};
  return {std::atanh(std::pow(rho, x)), 1.0 + std::pow(rho, 1.0 - 2.0 * x) / (1.0 - rho)};
}

std::vector<FocusingStep> FbpProtocol::steps() const {
  std::vector<FocusingStep> out;
  auto rhos = [&] {
    auto v = parse_ranges(rho, "rho");
    for (double r : v) require(r >= 0 && r <= 1, "rho values must be in [0, 1] (got {})", r);
    return v;
  };
  switch (kind) {
    case ProtocolKind::standard:
      for (double r : rhos()) out.push_back(standard_reinforcement_step(r));
      break;
    case ProtocolKind::pseudo:
      require(std::isfinite(x) && x >= 0 && x <= 1, "x must be in [0, 1] (got {})", x);
      for (double r : rhos()) out.push_back(pseudo_reinforcement_step(r, x));
      break;
    case ProtocolKind::scoping:
      require(y >= 1 && !std::isnan(y), "y must be at least 1 (got {})", y);
      for (double g : parse_ranges(gamma, "gamma")) out.push_back({g, y});
      break;
    case ProtocolKind::free_scoping: {
      require(!pairs.empty(), "pairs is required with --protocol free (e.g. 0.1:3,0.2:4)");
      for (const std::string& item : split(pairs, ',')) {
        const auto parts = split(item, ':');
        require(parts.size() == 2 || parts.size() == 3,
                "pairs: '{}' must be gamma:y or gamma:y:beta", item);
        const double g = parse_number(parts[0], "pairs"), yy = parse_number(parts[1], "pairs");
        if (parts.size() == 3)
          require(parse_number(parts[2], "pairs") == bp::kInf,
                  "pairs: only beta = inf (zero temperature) is supported (got '{}')", parts[2]);
        out.push_back({g, yy});
      }
      break;
    }
  }
  for (const auto& s : out) {
    require(s.gamma >= 0, "focusing step with gamma = {}: gamma must be non-negative", s.gamma);
    require(s.y >= 1, "focusing step with y = {}: y must be at least 1", s.y);
  }
  return out;
}

}  // namespace robens
