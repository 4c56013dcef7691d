#include "robens/io/message_file.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <sstream>
#include <string_view>

#include "robens/core/error.hpp"
#include "robens/io/gzip.hpp"

namespace robens {

FbpMessages::FbpMessages(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden,
                         std::size_t n_patterns)
    : format(f),
      n(n_inputs),
      k(n_hidden),
      m(n_patterns),
      ux(n_hidden * n_inputs, 0.0),
      mw(n_hidden * n_inputs, 0.0),
      mt1(n_patterns * n_hidden, 0.0),
      uw(n_patterns * n_hidden * n_inputs, 0.0),
      Ut1(n_patterns * n_hidden, 0.0),
      mt2(n_patterns, 0.0),
      ut1(n_patterns * n_hidden, 0.0) {}

namespace {

const std::string kTau = "\xcf\x84";  // τ in UTF-8
constexpr double kInf = std::numeric_limits<double>::infinity();

// Each data line of a message file: its label → where its values go and how many there are.
using DataLines = std::map<std::string, std::pair<double*, std::size_t>>;

void append_value(std::string& out, double v) {
  if (std::isnan(v)) {
    out += " NaN";
  } else if (std::isinf(v)) {
    out += v > 0 ? " Inf" : " -Inf";
  } else {
    out += fmt::format(" {}", v);  // shortest representation that round-trips
  }
}

void append_line(std::string& out, const std::string& label, const double* values,
                 std::size_t count) {
  out += label;
  for (std::size_t i = 0; i < count; ++i) append_value(out, values[i]);
  out += '\n';
}

double parse_value(std::string_view token, const std::string& where) {
  if (token == "Inf" || token == "inf" || token == "+Inf") return kInf;
  if (token == "-Inf" || token == "-inf") return -kInf;
  if (token == "NaN" || token == "nan") return std::numeric_limits<double>::quiet_NaN();
  double v = 0;
  const auto* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, v);
  require(ec == std::errc() && ptr == end, "invalid messages file {}: '{}' is not a number", where,
          token);
  return v;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The '#' metadata lines, "fmt:" and "N,K,M:": flat messages of that format and size
// (`text_size`: the whole file's, an upper bound on what it can hold).
FbpMessages read_header(std::istream& in, std::size_t text_size, const std::string& source_name) {
  std::string line;
  auto next_line = [&](const char* what) {
    require(static_cast<bool>(std::getline(in, line)), "invalid messages file {}: missing {}",
            source_name, what);
    return trim(line);
  };
  std::string l = next_line("the 'fmt:' header");
  while (!l.empty() && l[0] == '#') l = next_line("the 'fmt:' header");
  require(l.rfind("fmt:", 0) == 0, "invalid messages file {}: first line must be 'fmt: tanh|plain'",
          source_name);
  const auto format = parse_enum<MessageFormat>(
      trim(l.substr(4)), fmt::format("invalid messages file {}: format", source_name));
  l = next_line("the 'N,K,M:' header");
  require(l.rfind("N,K,M:", 0) == 0, "invalid messages file {}: second line must be 'N,K,M: N K M'",
          source_name);
  std::istringstream sizes(l.substr(6));
  long long N = -1, K = -1, M = -1;
  sizes >> N >> K >> M;
  std::string rest;
  require(!sizes.fail() && !(sizes >> rest) && N > 0 && K > 0 && M >= 0,
          "invalid messages file {}: bad sizes line '{}'", source_name, l);
  const auto n = static_cast<std::size_t>(N), k = static_cast<std::size_t>(K),
             m = static_cast<std::size_t>(M);
  // Checked before allocating, in double (no overflow): every value takes at least two bytes
  // (a digit and a separator), so a file can only declare as many messages as it could hold.
  const double kn = static_cast<double>(k) * static_cast<double>(n), md = static_cast<double>(m);
  const double values = 2 * kn + 3 * md * static_cast<double>(k) + md * kn + md;
  require(
      2 * values <= static_cast<double>(text_size),
      "invalid messages file {}: N,K,M = {} {} {} needs {:.0f} values, more than the file holds",
      source_name, n, k, m, values);
  require(n * k * m < (std::size_t{1} << 33), "invalid messages file {}: sizes too large",
          source_name);
  return FbpMessages(format, n, k, m);
}

DataLines data_lines(FbpMessages& msg) {
  const std::size_t n = msg.n, k = msg.k, m = msg.m;
  DataLines targets;
  for (std::size_t i = 0; i < k; ++i) {
    targets[fmt::format("ux[{}]", i + 1)] = {&msg.ux[i * n], n};
    targets[fmt::format("mw[{}]", i + 1)] = {&msg.mw[i * n], n};
  }
  for (std::size_t a = 0; a < m; ++a) {
    targets[fmt::format("m{}1[{}]", kTau, a + 1)] = {&msg.mt1[a * k], k};
    targets[fmt::format("U{}1[{}]", kTau, a + 1)] = {&msg.Ut1[a * k], k};
    targets[fmt::format("u{}1[{}]", kTau, a + 1)] = {&msg.ut1[a * k], k};
    for (std::size_t i = 0; i < k; ++i)
      targets[fmt::format("uw[{}][{}]", a + 1, i + 1)] = {&msg.uw[(a * k + i) * n], n};
  }
  targets[fmt::format("m{}2", kTau)] = {msg.mt2.data(), m};
  return targets;
}

// One data line (trimmed, not END) into its target, which is then removed (no repeats).
void read_data_line(const std::string& t, DataLines& targets, const std::string& source_name) {
  std::istringstream tokens(t);
  std::string label;
  tokens >> label;
  auto it = targets.find(label);
  require(it != targets.end(), "invalid messages file {}: unknown or repeated line '{}'",
          source_name, label.substr(0, 40));
  auto [ptr, len] = it->second;
  std::string tok;
  std::size_t count = 0;
  while (tokens >> tok) {
    require(count < len, "invalid messages file {}: line {} has more than {} values", source_name,
            label, len);
    ptr[count++] = parse_value(tok, source_name);
  }
  require(count == len, "invalid messages file {}: line {} has {} values, expected {}", source_name,
          label, count, len);
  targets.erase(it);
}

}  // namespace

std::string messages_to_text(const FbpMessages& msg, const std::string& metadata) {
  const std::size_t N = msg.n, K = msg.k, M = msg.m;
  std::string out;
  if (!metadata.empty()) {
    out += "# ";
    for (char c : metadata) out += c == '\n' ? ' ' : c;
    out += '\n';
  }
  out += fmt::format("fmt: {}\nN,K,M: {} {} {}\n", to_string(msg.format), N, K, M);
  for (std::size_t k = 0; k < K; ++k)
    append_line(out, fmt::format("ux[{}]", k + 1), &msg.ux[k * N], N);
  for (std::size_t k = 0; k < K; ++k)
    append_line(out, fmt::format("mw[{}]", k + 1), &msg.mw[k * N], N);
  for (std::size_t a = 0; a < M; ++a)
    append_line(out, fmt::format("m{}1[{}]", kTau, a + 1), &msg.mt1[a * K], K);
  for (std::size_t a = 0; a < M; ++a)
    for (std::size_t k = 0; k < K; ++k)
      append_line(out, fmt::format("uw[{}][{}]", a + 1, k + 1), &msg.uw[(a * K + k) * N], N);
  for (std::size_t a = 0; a < M; ++a)
    append_line(out, fmt::format("U{}1[{}]", kTau, a + 1), &msg.Ut1[a * K], K);
  append_line(out, fmt::format("m{}2", kTau), msg.mt2.data(), M);
  for (std::size_t a = 0; a < M; ++a)
    append_line(out, fmt::format("u{}1[{}]", kTau, a + 1), &msg.ut1[a * K], K);
  out += "END\n";
  return out;
}

FbpMessages messages_from_text(const std::string& text, const std::string& source_name) {
  std::istringstream in(text);
  FbpMessages msg = read_header(in, text.size(), source_name);
  DataLines targets = data_lines(msg);
  const std::size_t expected = targets.size();
  std::size_t seen = 0;
  bool ended = false;
  std::string line;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (ended) {
      require(t.empty(), "invalid messages file {}: text after END", source_name);
    } else if (t == "END") {
      ended = true;
    } else {
      read_data_line(t, targets, source_name);
      ++seen;
    }
  }
  require(ended, "invalid messages file {}: missing END line", source_name);
  require(seen == expected, "invalid messages file {}: {} of {} data lines present", source_name,
          seen, expected);
  return msg;
}

void write_messages(const std::filesystem::path& path, const FbpMessages& msg,
                    const std::string& metadata) {
  write_gzip(path, messages_to_text(msg, metadata));
}

FbpMessages read_messages(const std::filesystem::path& path) {
  return messages_from_text(read_maybe_gzip(path), path.string());
}

}  // namespace robens
