#pragma once
// Small DataTables for the data tests.
#include <string>
#include <utility>
#include <vector>

#include "robens/io/data_table.hpp"

namespace robens::testing {

inline DataTable make_table(std::size_t features, std::vector<double> values,
                            std::vector<long> labels, std::string source) {
  DataTable t;
  t.features = features;
  t.values = std::move(values);
  t.labels = std::move(labels);
  t.source = std::move(source);
  return t;
}

}  // namespace robens::testing
