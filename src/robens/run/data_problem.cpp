#include "robens/run/data_problem.hpp"

#include <cmath>
#include <numeric>
#include <vector>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"
#include "robens/io/pattern_file.hpp"

namespace robens {
namespace {

using P = ProblemParameters;

// Options of read tables and IDX data (not of pattern files, not of generated data).
const std::set<std::string> kTableKeys = {"header",    "label_column", "binarize",
                                          "threshold", "classes",      "other_classes"};
const std::set<std::string> kTestKeys = {"test", "test_labels", "test_fraction", "split_seed"};

void require_absent(const std::set<std::string>& given, const std::set<std::string>& keys,
                    const std::string& why) {
  for (const auto& k : keys) require(!given.contains(k), "{}: {}", k, why);
}

DataFileOptions file_options(const P& p, DatasetSplit split, const std::string& labels) {
  DataFileOptions o;
  o.format = p.data_format;
  o.labels = labels;
  o.csv = {p.header, p.label_column};
  o.split = split;
  return o;
}

LoadedData load_training_data(const P& p) {
  if (p.patterns.empty()) return load_data(p.data, file_options(p, DatasetSplit::train, p.labels));
  LoadedData d;  // `patterns` reads exactly as it always has
  d.format = DataFormat::patterns;
  d.name = p.patterns;
  d.patterns = read_patterns(p.patterns);
  return d;
}

// The options that make no sense for the format that was read.
void check_format_options(const LoadedData& d, const std::set<std::string>& given) {
  if (d.format == DataFormat::patterns)
    require_absent(given, kTableKeys,
                   fmt::format("{} is a +1/-1 pattern file, which is not binarised or relabelled "
                               "(data_format csv reads it as a table)",
                               d.name));
  if (d.format == DataFormat::idx)
    require_absent(given, {"header", "label_column"}, "only for tables (csv), not IDX data");
}

DataTable labelled(const DataTable& t, const P& p) {
  if (p.classes.empty()) {
    require_plus_minus_labels(t);
    return t;
  }
  return select_classes(t, parse_class_pair(p.classes), p.other_classes);
}

// Row r is held out when held[r]; exactly round(fraction · rows) rows, chosen by the split seed.
std::vector<bool> held_out(std::size_t rows, double fraction, std::uint64_t seed) {
  const auto count = static_cast<std::size_t>(std::nearbyint(fraction * static_cast<double>(rows)));
  require(count >= 1 && count < rows,
          "test_fraction {} of {} rows holds out {}; both the training and the test part need a "
          "row",
          fraction, rows, count);
  std::vector<std::size_t> order(rows);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Rng rng(seed, StreamPurpose::split);
  rng.shuffle(std::span<std::size_t>(order));
  std::vector<bool> held(rows, false);
  for (std::size_t i = 0; i < count; ++i) held[order[i]] = true;
  return held;
}

std::vector<std::size_t> rows_where(const std::vector<bool>& held, bool value) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < held.size(); ++r)
    if (held[r] == value) rows.push_back(r);
  return rows;
}

PatternSet pattern_rows(const PatternSet& set, const std::vector<std::size_t>& rows) {
  PatternSet out(rows.size(), set.input_size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.inputs.set_row(i, set.inputs.row_vector(rows[i]));
    out.labels[i] = set.labels[rows[i]];
  }
  return out;
}

LoadedData load_test_data(const P& p, const LoadedData& train) {
  LoadedData t = load_data(p.test, file_options(p, DatasetSplit::test, p.test_labels));
  require((t.format == DataFormat::patterns) == (train.format == DataFormat::patterns),
          "test: {} is {} data, but the training data {} is {}", t.name, to_string(t.format),
          train.name, to_string(train.format));
  const std::size_t n_train =
      train.format == DataFormat::patterns ? train.patterns.input_size() : train.table.features;
  const std::size_t n_test =
      t.format == DataFormat::patterns ? t.patterns.input_size() : t.table.features;
  require(n_test == n_train,
          "test: {} has {} {} per pattern, but the training data {} has {} (N must match)", t.name,
          n_test, t.format == DataFormat::patterns ? "inputs" : "features", train.name, n_train);
  return t;
}

}  // namespace

bool reads_data(const P& p) {
  return !p.data.empty() || !p.patterns.empty();
}

void check_data_options(const P& p, const std::set<std::string>& given) {
  require(p.data.empty() || p.patterns.empty(), "give either data or patterns, not both");
  if (p.data.empty())
    require_absent(
        given,
        [] {
          auto keys = kTableKeys;
          keys.insert({"data_format", "labels", "pad"});
          return keys;
        }(),
        "only for read data (give data: a file or a dataset)");
  if (!reads_data(p))
    require_absent(given, kTestKeys,
                   "only for read data (for teacher data, test_size draws test patterns)");
  if (!p.teacher)
    require_absent(given, {"teacher_seed", "test_size"}, "only with teacher (generated labels)");
  require(!given.contains("test") || !given.contains("test_fraction"),
          "give either test (a file) or test_fraction (held out from the data), not both");
  require(!given.contains("test_labels") || given.contains("test"), "test_labels: needs test");
  require(!given.contains("split_seed") || given.contains("test_fraction"),
          "split_seed: needs test_fraction");
  require(!given.contains("threshold") || p.binarize == BinarizeRule::threshold,
          "threshold: the value of binarize threshold (binarize is {})", to_string(p.binarize));
  require(!given.contains("other_classes") || !p.classes.empty(), "other_classes: needs classes");
}

namespace {

void record_test(const LoadedData& t, nlohmann::json& j) {
  j["test"] = t.name;
  if (t.format == DataFormat::idx) j["test_labels"] = t.labels;
}

// Patterns read as they are (a robens pattern file): only a test set to add.
void from_patterns(const P& p, const LoadedData& d, std::uint64_t split_seed, DataPatterns& out) {
  out.train = d.patterns;
  if (!p.test.empty()) {
    const LoadedData t = load_test_data(p, d);
    record_test(t, out.description);
    out.test = t.patterns;
  } else if (p.test_fraction > 0) {
    const auto held = held_out(d.patterns.size(), p.test_fraction, split_seed);
    out.train = pattern_rows(d.patterns, rows_where(held, false));
    out.test = pattern_rows(d.patterns, rows_where(held, true));
  }
  out.features = out.train.input_size();
}

// A table: labels, the split, then the binarisation fitted on the training rows only.
void from_table(const P& p, const LoadedData& d, std::uint64_t split_seed, DataPatterns& out) {
  DataTable train = labelled(d.table, p), test;
  if (!p.test.empty()) {
    const LoadedData t = load_test_data(p, d);
    record_test(t, out.description);
    test = labelled(t.table, p);
  } else if (p.test_fraction > 0) {
    const auto held = held_out(train.rows(), p.test_fraction, split_seed);
    test = train.subset(rows_where(held, true));
    train = train.subset(rows_where(held, false));
  }
  const Binarizer b = Binarizer::fit(p.binarize, train, p.threshold);
  out.train = b.apply(train);
  if (test.rows() > 0) out.test = b.apply(test);
  out.features = train.features;
  auto& j = out.description;
  j["binarize"] = to_string(p.binarize);
  if (p.binarize == BinarizeRule::threshold) j["threshold"] = p.threshold;
  if (!p.classes.empty()) {
    j["classes"] = p.classes;
    j["other_classes"] = to_string(p.other_classes);
  }
}

}  // namespace

DataPatterns load_data_patterns(const P& p, const std::set<std::string>& given,
                                std::uint64_t seed) {
  check_data_options(p, given);
  const LoadedData d = load_training_data(p);
  check_format_options(d, given);
  const std::uint64_t split_seed =
      p.split_seed < 0 ? seed : static_cast<std::uint64_t>(p.split_seed);
  DataPatterns out;
  auto& j = out.description;
  if (!p.data.empty()) {
    j["data"] = d.name;
    j["data_format"] = to_string(d.format);
    if (d.format == DataFormat::idx) j["labels"] = d.labels;
    if (d.format == DataFormat::csv) {
      j["header"] = to_string(p.header);
      j["label_column"] = p.label_column;
    }
  }
  if (d.format == DataFormat::patterns)
    from_patterns(p, d, split_seed, out);
  else
    from_table(p, d, split_seed, out);
  if (!p.data.empty()) j["features"] = out.features;
  if (p.test.empty() && p.test_fraction > 0) {
    j["test_fraction"] = p.test_fraction;
    j["split_seed"] = split_seed;
  }
  if (out.test.size() > 0) j["M_test"] = out.test.size();
  return out;
}

std::size_t constant_inputs_needed(const P& p, std::size_t features) {
  const bool sign = p.model == ModelKind::perceptron || p.activation == Activation::sign;
  const bool tree = p.model == ModelKind::committee && p.arch == Architecture::tree;
  const std::size_t k = tree ? static_cast<std::size_t>(p.k) : 1;
  std::size_t added = (k - features % k) % k;                 // tree units share the inputs evenly
  if (sign && ((features + added) / k) % 2 == 0) added += k;  // odd inputs per sign unit
  return added;
}

}  // namespace robens
