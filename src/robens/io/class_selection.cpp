#include "robens/io/class_selection.hpp"

#include <string>
#include <vector>

#include "robens/core/error.hpp"
#include "robens/io/csv_table.hpp"

namespace robens {

ClassPair parse_class_pair(std::string_view text) {
  const auto comma = text.find(',');
  ClassPair c;
  auto blank_trimmed = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  const bool ok = comma != std::string_view::npos &&
                  parse_whole(blank_trimmed(text.substr(0, comma)), c.positive) &&
                  parse_whole(blank_trimmed(text.substr(comma + 1)), c.negative);
  require(ok, "classes: expected two class labels 'A,B' (A → +1, B → -1), got '{}'", text);
  require(c.positive != c.negative, "classes: the two classes must differ (got '{}')", text);
  return c;
}

DataTable select_classes(const DataTable& table, ClassPair classes, OtherClasses others) {
  std::vector<std::size_t> rows;
  std::size_t positives = 0;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const long label = table.labels[r];
    if (label == classes.positive || label == classes.negative) {
      rows.push_back(r);
      positives += label == classes.positive ? 1 : 0;
      continue;
    }
    require(others == OtherClasses::drop,
            "{}: data row {} has label {}, not one of the classes {},{} (other_classes = reject "
            "says the data holds these two classes only; other_classes = drop skips such rows)",
            table.source, r + 1, label, classes.positive, classes.negative);
  }
  require(positives > 0, "{}: no row has the label {} of classes {},{}", table.source,
          classes.positive, classes.positive, classes.negative);
  require(rows.size() > positives, "{}: no row has the label {} of classes {},{}", table.source,
          classes.negative, classes.positive, classes.negative);
  DataTable out = table.subset(rows);
  for (auto& label : out.labels) label = label == classes.positive ? 1 : -1;
  return out;
}

void require_plus_minus_labels(const DataTable& table) {
  for (std::size_t r = 0; r < table.rows(); ++r)
    require(table.labels[r] == 1 || table.labels[r] == -1,
            "{}: data row {} has label {}; without classes the labels must be +1 or -1 (choose two "
            "classes with classes A,B: A → +1, B → -1)",
            table.source, r + 1, table.labels[r]);
}

}  // namespace robens
