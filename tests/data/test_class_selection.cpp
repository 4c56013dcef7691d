// Class selection for two-class tasks (io/class_selection.hpp).
#include <gtest/gtest.h>

#include "data/data_test_util.hpp"
#include "robens/core/error.hpp"
#include "robens/io/class_selection.hpp"

namespace robens {
namespace {

DataTable table() {
  return testing::make_table(1, {10, 11, 12, 13, 14}, {0, 6, 3, 6, 0}, "t");
}

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ClassSelection, ParsesTwoClasses) {
  EXPECT_EQ(parse_class_pair("0,6").positive, 0);
  EXPECT_EQ(parse_class_pair(" 7 , -1 ").negative, -1);
  for (const char* bad : {"", "0", "0,", "a,b", "1,1", "0,6,7", "1.5,2"})
    EXPECT_THROW(parse_class_pair(bad), InputError) << bad;
}

TEST(ClassSelection, FirstClassIsPlusOneOthersDropped) {
  const DataTable s = select_classes(table(), {0, 6}, OtherClasses::drop);
  EXPECT_EQ(s.labels, (std::vector<long>{1, -1, -1, 1}));
  EXPECT_EQ(s.values, (std::vector<double>{10, 11, 13, 14}));
  const DataTable r = select_classes(table(), {6, 0}, OtherClasses::drop);
  EXPECT_EQ(r.labels, (std::vector<long>{-1, 1, 1, -1}));
}

TEST(ClassSelection, LabelsOutsideAreRejectedWhenAsked) {
  EXPECT_NE(error_of([] {
              select_classes(table(), {0, 6}, OtherClasses::reject);
            }).find("t: data row 3 has label 3, not one of the classes 0,6"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              select_classes(table(), {0, 5}, OtherClasses::drop);
            }).find("no row has the label 5"),
            std::string::npos);
}

TEST(ClassSelection, WithoutClassesLabelsMustBePlusMinusOne) {
  DataTable t = table();
  EXPECT_NE(error_of([&] {
              require_plus_minus_labels(t);
            }).find("data row 1 has label 0; without classes the labels must be +1 or -1"),
            std::string::npos);
  t.labels = {1, -1, 1, 1, -1};
  EXPECT_NO_THROW(require_plus_minus_labels(t));
}

}  // namespace
}  // namespace robens
