#include "robens/algorithms/fbp/fbp_messages.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"

namespace robens {

std::string to_string(MessageFormat f) {
  return f == MessageFormat::tanh ? "tanh" : "plain";
}

MessageFormat parse_message_format(const std::string& s) {
  if (s == "tanh") return MessageFormat::tanh;
  if (s == "plain") return MessageFormat::plain;
  fail("unknown message format '{}' (expected tanh or plain)", s);
}

double convert_raw(double value, MessageFormat from, MessageFormat to) {
  if (from == to) return value;
  return to == MessageFormat::plain ? std::tanh(value) : bp::clamp_field(std::atanh(value));
}

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

FbpMessages FbpMessages::random(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden,
                                std::size_t n_patterns, double randfact, std::uint64_t seed) {
  require(randfact >= 0 && randfact <= 1, "randfact must be in [0, 1] (got {})", randfact);
  FbpMessages msg(f, n_inputs, n_hidden, n_patterns);
  Rng rng(seed, StreamPurpose::messages, 0);
  for (double& u : msg.uw)
    u = convert_raw(randfact * (2.0 * rng.uniform() - 1.0), MessageFormat::plain, f);
  // mw = ⊗ over a of uw, in pattern order.
  for (std::size_t a = 0; a < n_patterns; ++a)
    for (std::size_t j = 0; j < n_hidden * n_inputs; ++j) {
      const double u = msg.uw[a * n_hidden * n_inputs + j];
      msg.mw[j] = f == MessageFormat::tanh ? TanhMag::combine(msg.mw[j], u)
                                           : PlainMag::combine(msg.mw[j], u);
    }
  return msg;
}

FbpMessages FbpMessages::converted(MessageFormat to) const {
  FbpMessages out = *this;
  out.format = to;
  for (auto* v : {&out.ux, &out.mw, &out.mt1, &out.uw, &out.Ut1, &out.mt2, &out.ut1})
    for (double& x : *v) x = convert_raw(x, format, to);
  return out;
}

namespace {

const std::string kTau = "\xcf\x84";  // τ in UTF-8

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
  if (token == "Inf" || token == "inf" || token == "+Inf") return bp::kInf;
  if (token == "-Inf" || token == "-inf") return -bp::kInf;
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
  const std::string fmt_name = trim(l.substr(4));
  require(fmt_name == "tanh" || fmt_name == "plain",
          "invalid messages file {}: unknown format '{}'", source_name, fmt_name);
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
  require(n * k * m < (std::size_t{1} << 33), "invalid messages file {}: sizes too large",
          source_name);
  FbpMessages msg(parse_message_format(fmt_name), n, k, m);

  // Every data line, identified by its label: target pointer and length.
  std::map<std::string, std::pair<double*, std::size_t>> targets;
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
  const std::size_t expected = targets.size();
  std::size_t seen = 0;
  bool ended = false;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (ended) {
      require(t.empty(), "invalid messages file {}: text after END", source_name);
      continue;
    }
    if (t == "END") {
      ended = true;
      continue;
    }
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
    require(count == len, "invalid messages file {}: line {} has {} values, expected {}",
            source_name, label, count, len);
    targets.erase(it);
    ++seen;
  }
  require(ended, "invalid messages file {}: missing END line", source_name);
  require(seen == expected, "invalid messages file {}: {} of {} data lines present", source_name,
          seen, expected);
  return msg;
}

std::string read_maybe_gzip(const std::filesystem::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads plain files transparently
  require(f != nullptr, "cannot open {}", path.string());
  std::string out;
  char buf[1 << 16];
  int got = 0;
  while ((got = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(got));
  int errnum = 0;
  const char* msg = gzerror(f, &errnum);
  const std::string err = errnum != Z_OK && errnum != Z_STREAM_END ? std::string(msg) : "";
  gzclose(f);
  require(got == 0 && err.empty(), "cannot read {}: {}", path.string(),
          err.empty() ? "corrupt data" : err);
  return out;
}

void write_gzip(const std::filesystem::path& path, const std::string& contents) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  gzFile f = gzopen(tmp.c_str(), "wb6");
  require(f != nullptr, "cannot write {}", tmp.string());
  std::size_t done = 0;
  bool ok = true;
  while (done < contents.size() && ok) {
    const auto chunk =
        static_cast<unsigned>(std::min<std::size_t>(contents.size() - done, 1U << 24));
    ok = gzwrite(f, contents.data() + done, chunk) == static_cast<int>(chunk);
    done += chunk;
  }
  ok = (gzclose(f) == Z_OK) && ok;
  require(ok, "cannot write {}", tmp.string());
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  require(!ec, "cannot rename {} to {}: {}", tmp.string(), path.string(), ec.message());
}

void write_messages(const std::filesystem::path& path, const FbpMessages& msg,
                    const std::string& metadata) {
  write_gzip(path, messages_to_text(msg, metadata));
}

FbpMessages read_messages(const std::filesystem::path& path) {
  return messages_from_text(read_maybe_gzip(path), path.string());
}

}  // namespace robens
