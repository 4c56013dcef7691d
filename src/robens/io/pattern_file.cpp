#include "robens/io/pattern_file.hpp"

#include <bit>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "robens/core/error.hpp"
#include "robens/io/files.hpp"

namespace robens {
namespace {

constexpr char kMagic[8] = {'R', 'B', 'N', 'S', 'P', 'A', 'T', '1'};
static_assert(std::endian::native == std::endian::little,
              "binary pattern I/O assumes little endian");

// Parses one ±1 token; returns 0 if it is anything else.
int parse_sign(std::string_view token) {
  if (token == "1" || token == "+1") return 1;
  if (token == "-1") return -1;
  return 0;
}

void append_u64(std::string& out, std::uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), 8);
}

class ByteReader {
 public:
  ByteReader(const std::string& bytes, const std::string& source)
      : bytes_(bytes), source_(source) {}
  void read(void* dst, std::size_t n) {
    require(pos_ + n <= bytes_.size(),
            "{}: binary pattern file is truncated (needs {} more bytes at offset {})", source_, n,
            pos_);
    std::memcpy(dst, bytes_.data() + pos_, n);
    pos_ += n;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    read(&v, 8);
    return v;
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  const std::string& bytes_;
  const std::string& source_;
  std::size_t pos_ = 0;
};

}  // namespace

PatternFormat format_for_path(const std::filesystem::path& path) {
  return path.extension() == ".rbp" ? PatternFormat::binary : PatternFormat::text;
}

std::string patterns_to_text(const PatternSet& set, const std::string& metadata_json) {
  std::string out;
  out.reserve(set.size() * (set.input_size() * 3 + 4) + metadata_json.size() + 64);
  out += "# robens pattern file: label first, then the inputs (+1/-1)\n";
  out += "# robens: " + metadata_json + "\n";
  for (std::size_t a = 0; a < set.size(); ++a) {
    out += set.labels[a] > 0 ? "+1" : "-1";
    for (std::size_t i = 0; i < set.input_size(); ++i)
      out += set.inputs.get(a, i) > 0 ? " +1" : " -1";
    out += '\n';
  }
  return out;
}

PatternSet patterns_from_text(const std::string& text, const std::string& source) {
  std::vector<std::vector<std::int8_t>> rows;
  std::vector<std::int8_t> labels;
  std::size_t n = 0;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::int8_t> values;
    std::size_t p = first;
    while (p < line.size()) {
      const auto q = std::min(line.find_first_of(" \t,", p), line.size());
      const auto token = line.substr(p, q - p);
      if (!token.empty()) {
        const int s = parse_sign(token);
        require(s != 0, "{}:{}: value '{}' in column {} is not +1 or -1", source, line_no,
                excerpt(token), values.size() + 1);
        values.push_back(static_cast<std::int8_t>(s));
      }
      p = line.find_first_not_of(" \t,", q);
      if (p == std::string_view::npos) break;
    }
    require(values.size() >= 2, "{}:{}: a pattern line needs a label and at least one input",
            source, line_no);
    if (rows.empty()) n = values.size() - 1;
    require(values.size() - 1 == n, "{}:{}: pattern has {} inputs, but the first pattern has {}",
            source, line_no, values.size() - 1, n);
    labels.push_back(values[0]);
    rows.emplace_back(values.begin() + 1, values.end());
  }
  require(!rows.empty(), "{}: no patterns found", source);
  PatternSet set(rows.size(), n);
  for (std::size_t a = 0; a < rows.size(); ++a) {
    set.labels[a] = labels[a];
    for (std::size_t i = 0; i < n; ++i) set.inputs.set(a, i, rows[a][i]);
  }
  return set;
}

std::string patterns_to_binary(const PatternSet& set, const std::string& metadata_json) {
  std::string out(kMagic, sizeof kMagic);
  append_u64(out, set.input_size());
  append_u64(out, set.size());
  std::vector<Word> label_bits(words_for(set.size()), 0);
  for (std::size_t a = 0; a < set.size(); ++a)
    if (set.labels[a] > 0) label_bits[a / kWordBits] |= Word{1} << (a % kWordBits);
  for (Word w : label_bits) append_u64(out, w);
  for (std::size_t a = 0; a < set.size(); ++a)
    for (Word w : set.inputs.row(a)) append_u64(out, w);
  append_u64(out, metadata_json.size());
  out += metadata_json;
  return out;
}

PatternSet patterns_from_binary(const std::string& bytes, const std::string& source) {
  ByteReader in(bytes, source);
  char magic[8];
  in.read(magic, 8);
  require(std::memcmp(magic, kMagic, 8) == 0,
          "{}: not a robens binary pattern file (magic '{}', expected 'RBNSPAT1')", source,
          excerpt(std::string_view(magic, 8)));
  const std::uint64_t n = in.u64(), m = in.u64();
  require(n >= 1 && m >= 1, "{}: header says N = {}, M = {}; both must be positive", source, n, m);
  const std::uint64_t payload = 8 * (words_for(m) + m * words_for(n));
  require(n < (1ULL << 32) && m < (1ULL << 32) && payload <= in.remaining(),
          "{}: header says N = {}, M = {}, but the file is too short for that", source, n, m);
  PatternSet set(m, n);
  std::vector<Word> label_bits(words_for(m));
  in.read(label_bits.data(), label_bits.size() * 8);
  for (std::size_t a = 0; a < m; ++a)
    set.labels[a] = ((label_bits[a / kWordBits] >> (a % kWordBits)) & 1U) ? 1 : -1;
  const Word mask = tail_mask(n);
  for (std::size_t a = 0; a < m; ++a) {
    auto row = set.inputs.row(a);
    in.read(row.data(), row.size() * 8);
    require((row.back() & ~mask) == 0, "{}: pattern {} has bits set beyond N = {}", source, a + 1,
            n);
  }
  const std::uint64_t meta = in.u64();
  require(meta == in.remaining(), "{}: metadata length {} does not match the {} bytes left", source,
          meta, in.remaining());
  return set;
}

void write_patterns(const std::filesystem::path& path, const PatternSet& set, PatternFormat format,
                    const std::string& metadata_json) {
  write_file_atomically(path, format == PatternFormat::binary
                                  ? patterns_to_binary(set, metadata_json)
                                  : patterns_to_text(set, metadata_json));
}

PatternSet read_patterns(const std::filesystem::path& path) {
  const std::string bytes = read_file(path);
  require(!bytes.empty(), "{}: file is empty", path.string());
  // "RBNSPAT" with another version byte is a binary file this robens cannot read, not text.
  PatternSet set = bytes.size() >= 7 && std::memcmp(bytes.data(), kMagic, 7) == 0
                       ? patterns_from_binary(bytes, path.string())
                       : patterns_from_text(bytes, path.string());
  set.validate();
  return set;
}

}  // namespace robens
