#pragma once
// Two-class tasks from labelled data (docs/data.md, "Class selection"): `classes` = "A,B" keeps
// the rows of class A (label +1) and class B (label -1). Rows of any other class are dropped, or,
// when the data is said to hold these two classes only (OtherClasses::reject), they are an
// InputError. Without class selection the labels must already be +1 / -1. (One binary committee
// per class for multi-class data, one-vs-rest, is not implemented yet.)
#include <string_view>
#include <utility>

#include "robens/core/enum_names.hpp"
#include "robens/io/data_table.hpp"

namespace robens {

enum class OtherClasses { drop, reject };
template <>
struct EnumNames<OtherClasses> {
  static constexpr std::pair<OtherClasses, const char*> values[] = {
      {OtherClasses::drop, "drop"}, {OtherClasses::reject, "reject"}};
};

struct ClassPair {
  long positive = 0;  // label +1
  long negative = 0;  // label -1
};

// "0,6" → {0, 6}; InputError unless it is two different whole numbers separated by a comma.
ClassPair parse_class_pair(std::string_view text);

// The rows of the two classes, in file order, labelled +1 / -1. InputError when a class has no
// rows, or (reject) for the first row of another class.
DataTable select_classes(const DataTable& table, ClassPair classes, OtherClasses others);

// Without class selection: InputError naming the first label that is not +1 or -1.
void require_plus_minus_labels(const DataTable& table);

}  // namespace robens
