#include "robens/io/data_table.hpp"

#include "robens/core/error.hpp"

namespace robens {

DataTable DataTable::subset(std::span<const std::size_t> rows) const {
  DataTable out;
  out.features = features;
  out.feature_names = feature_names;
  out.source = source;
  out.values.reserve(rows.size() * features);
  out.labels.reserve(rows.size());
  for (std::size_t r : rows) {
    const auto values_of_r = row(r);
    out.values.insert(out.values.end(), values_of_r.begin(), values_of_r.end());
    out.labels.push_back(labels[r]);
  }
  return out;
}

void DataTable::validate() const {
  require(rows() > 0, "{}: no data rows", source);
  require(features > 0, "{}: no feature columns", source);
  require(values.size() == rows() * features, "{}: {} values for {} rows of {} features", source,
          values.size(), rows(), features);
  require(feature_names.empty() || feature_names.size() == features,
          "{}: {} feature names for {} features", source, feature_names.size(), features);
}

}  // namespace robens
