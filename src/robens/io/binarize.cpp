#include "robens/io/binarize.hpp"

#include <algorithm>

#include "robens/core/error.hpp"

namespace robens {
namespace {

double median_of(std::vector<double>& v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  const double below = *std::max_element(v.begin(), mid);
  return below + (*mid - below) / 2;  // the midpoint, without overflow for huge values
}

std::vector<double> column_thresholds(BinarizeRule rule, const DataTable& t) {
  std::vector<double> out(t.features);
  std::vector<double> column(t.rows());
  for (std::size_t f = 0; f < t.features; ++f) {
    for (std::size_t r = 0; r < t.rows(); ++r) column[r] = t.at(r, f);
    if (rule == BinarizeRule::median) {
      out[f] = median_of(column);
    } else {
      double sum = 0;
      for (double x : column) sum += x;
      out[f] = sum / static_cast<double>(column.size());
    }
  }
  return out;
}

}  // namespace

Binarizer Binarizer::fit(BinarizeRule rule, const DataTable& train, double value) {
  train.validate();
  Binarizer b;
  b.rule_ = rule;
  b.features_ = train.features;
  if (rule == BinarizeRule::median || rule == BinarizeRule::mean)
    b.thresholds_ = column_thresholds(rule, train);
  else if (rule == BinarizeRule::threshold)
    b.thresholds_.assign(train.features, value);
  return b;
}

PatternSet Binarizer::apply(const DataTable& table) const {
  table.validate();
  require(table.features == features_,
          "{}: {} features per row, but the training data has {} (the same features are needed)",
          table.source, table.features, features_);
  PatternSet set(table.rows(), features_);
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const long label = table.labels[r];
    require(label == 1 || label == -1, "{}: label {} of row {} is not +1 or -1", table.source,
            label, r + 1);
    set.labels[r] = static_cast<std::int8_t>(label);
    const auto x = table.row(r);
    double row_mean = 0;
    if (rule_ == BinarizeRule::sample_mean) {
      for (double v : x) row_mean += v;
      row_mean /= static_cast<double>(x.size());
    }
    for (std::size_t f = 0; f < features_; ++f) {
      const double t = rule_ == BinarizeRule::sample_mean ? row_mean : thresholds_[f];
      set.inputs.set(r, f, x[f] > t ? 1 : -1);
    }
  }
  return set;
}

PatternSet with_constant_inputs(const PatternSet& set, std::size_t count) {
  if (count == 0) return set;
  const std::size_t n = set.input_size();
  PatternSet out(set.size(), n + count);
  out.labels = set.labels;
  for (std::size_t a = 0; a < set.size(); ++a) {
    auto dst = out.inputs.row(a);
    const auto src = set.inputs.row(a);
    std::copy(src.begin(), src.end(), dst.begin());
    for (std::size_t i = n; i < n + count; ++i) out.inputs.set(a, i, 1);
  }
  return out;
}

}  // namespace robens
