#pragma once
// Real-valued features → ±1 inputs (docs/data.md, "Binarisation"). Every rule compares a value x
// with a threshold t: x > t gives +1, x <= t gives -1.
//   median       t = the feature's median over the training rows (the mean of the two middle
//                values for an even count)
//   mean         t = the feature's mean over the training rows
//   threshold    t = one fixed value for every feature (the `threshold` parameter)
//   sample_mean  t = the mean of the row's own features (each row on its own)
// The per-feature thresholds are fitted on the training data and applied unchanged to a test set,
// so the test set never informs the training inputs.
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "robens/core/enum_names.hpp"
#include "robens/core/pattern_set.hpp"
#include "robens/io/data_table.hpp"

namespace robens {

enum class BinarizeRule { median, mean, threshold, sample_mean };
template <>
struct EnumNames<BinarizeRule> {
  static constexpr std::pair<BinarizeRule, const char*> values[] = {
      {BinarizeRule::median, "median"},
      {BinarizeRule::mean, "mean"},
      {BinarizeRule::threshold, "threshold"},
      {BinarizeRule::sample_mean, "sample_mean"}};
};

class Binarizer {
 public:
  // The rule fitted on `train` (`value` is the threshold of BinarizeRule::threshold).
  static Binarizer fit(BinarizeRule rule, const DataTable& train, double value = 0);

  BinarizeRule rule() const { return rule_; }
  // One threshold per feature (median, mean, threshold); empty for sample_mean.
  std::span<const double> thresholds() const { return thresholds_; }
  // The ±1 patterns of `table` (same features as the training data); its labels must be ±1
  // (io/class_selection.hpp makes them so).
  PatternSet apply(const DataTable& table) const;

 private:
  BinarizeRule rule_ = BinarizeRule::median;
  std::size_t features_ = 0;
  std::vector<double> thresholds_;
};

// `set` with `count` constant +1 inputs appended to every pattern: a bias input that makes N
// odd for sign units, or the padding a tree committee needs (the caller says which, in the
// output).
PatternSet with_constant_inputs(const PatternSet& set, std::size_t count);

}  // namespace robens
