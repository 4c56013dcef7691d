// CSV and whitespace tables (io/csv_table.hpp): exact parsing, header detection, label column
// choice, and a clear InputError for every malformed input.
#include <gtest/gtest.h>

#include <filesystem>

#include "robens/core/error.hpp"
#include "robens/io/csv_table.hpp"

namespace robens {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(ROBENS_SOURCE_DIR) / "tests/data/fixtures";

std::string error_of(std::string_view text, const CsvOptions& options = {}) {
  try {
    table_from_csv(text, options, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CsvTable, ParsesNumbersExactlyWithTheLabelFirstByDefault) {
  const DataTable t = table_from_csv("1, 0.5, -2\n# comment\n\n-1,+3,1e-3\r\n", {}, "t.csv");
  EXPECT_EQ(t.rows(), 2U);
  EXPECT_EQ(t.features, 2U);
  EXPECT_EQ(t.labels, (std::vector<long>{1, -1}));
  EXPECT_EQ(t.values, (std::vector<double>{0.5, -2, 3, 1e-3}));
  EXPECT_TRUE(t.feature_names.empty());
}

TEST(CsvTable, WhitespaceSeparatedTables) {
  const DataTable t = table_from_csv("3\t1.25   2\n  4 -1 0\n", {}, "t.txt");
  EXPECT_EQ(t.labels, (std::vector<long>{3, 4}));
  EXPECT_EQ(t.values, (std::vector<double>{1.25, 2, -1, 0}));
}

TEST(CsvTable, HeaderIsDetectedOrForced) {
  const DataTable named = table_from_csv("y,\"a\",b\n1,2,3\n", {}, "t.csv");
  EXPECT_EQ(named.rows(), 1U);
  EXPECT_EQ(named.feature_names, (std::vector<std::string>{"a", "b"}));
  // A numeric first line is data unless the header is forced.
  CsvOptions yes;
  yes.header = HeaderMode::yes;
  const DataTable forced = table_from_csv("0,7,8\n1,2,3\n", yes, "t.csv");
  EXPECT_EQ(forced.rows(), 1U);
  EXPECT_EQ(forced.feature_names, (std::vector<std::string>{"7", "8"}));
  CsvOptions no;
  no.header = HeaderMode::no;
  EXPECT_NE(error_of("y,a,b\n1,2,3\n", no).find("t.csv:1: label 'y' in column 1"),
            std::string::npos);
}

TEST(CsvTable, LabelColumnByPositionNumberOrName) {
  const std::string text = "a,b,c\n1,2,3\n4,5,6\n";
  CsvOptions o;
  o.label_column = "last";
  DataTable t = table_from_csv(text, o, "t.csv");
  EXPECT_EQ(t.labels, (std::vector<long>{3, 6}));
  EXPECT_EQ(t.values, (std::vector<double>{1, 2, 4, 5}));
  o.label_column = "2";
  t = table_from_csv(text, o, "t.csv");
  EXPECT_EQ(t.labels, (std::vector<long>{2, 5}));
  EXPECT_EQ(t.feature_names, (std::vector<std::string>{"a", "c"}));
  o.label_column = "c";
  EXPECT_EQ(table_from_csv(text, o, "t.csv").labels, (std::vector<long>{3, 6}));
  o.label_column = "4";
  EXPECT_NE(error_of(text, o).find("label_column 4 is not a column number in 1..3"),
            std::string::npos);
  o.label_column = "z";
  EXPECT_NE(error_of(text, o).find("no column is named 'z' (header: a, b, c)"), std::string::npos);
  EXPECT_NE(error_of("1,2,3\n", o).find("the table has no header line"), std::string::npos);
  EXPECT_NE(error_of("c,c,b\n1,2,3\n", CsvOptions{HeaderMode::automatic, "c"})
                .find("names more than one column"),
            std::string::npos);
}

TEST(CsvTable, ClearErrors) {
  EXPECT_NE(error_of("1,2,3\n1,2\n").find("t.csv:2: row has 2 cells, but the first row has 3"),
            std::string::npos);
  EXPECT_NE(error_of("a,b\n1,2\n1,2,3\n").find("t.csv:3: row has 3 cells, but the header has 2"),
            std::string::npos);
  EXPECT_NE(error_of("1,2\n1,x\n").find("t.csv:2: cell 'x' in column 2 is not a finite number"),
            std::string::npos);
  EXPECT_NE(error_of("y,f\n1,nan\n").find("cell 'nan' in column 2 (f) is not a finite number"),
            std::string::npos);
  EXPECT_NE(error_of("1,2\n1,\n").find("cell '' in column 2"), std::string::npos);
  EXPECT_NE(error_of("1.5,2\n").find("label '1.5' in column 1 is not a whole number"),
            std::string::npos);
  EXPECT_NE(error_of("# only a comment\n").find("t.csv: no data rows"), std::string::npos);
  EXPECT_NE(error_of("y,a\n").find("t.csv: no data rows"), std::string::npos);
  EXPECT_NE(error_of("5\n").find("needs a label and at least one feature"), std::string::npos);
}

TEST(CsvTable, ShippedFixturesAgree) {
  CsvOptions last;
  last.label_column = "class";
  const DataTable csv = read_csv_table(kFixtures / "blobs.csv", last);
  EXPECT_EQ(csv.rows(), 150U);
  EXPECT_EQ(csv.features, 5U);
  EXPECT_EQ(csv.feature_names.front(), "x1");
  EXPECT_EQ(csv.labels[1], 1);
  EXPECT_EQ(csv.at(0, 0), 1.98);
  EXPECT_EQ(csv.at(1, 4), 1.65);
  const DataTable txt = read_csv_table(kFixtures / "blobs.txt", {});
  ASSERT_EQ(txt.rows(), 60U);
  for (std::size_t r = 0; r < txt.rows(); ++r) {
    EXPECT_EQ(txt.labels[r], csv.labels[r]);
    for (std::size_t f = 0; f < 5; ++f) EXPECT_EQ(txt.at(r, f), csv.at(r, f));
  }
}

}  // namespace
}  // namespace robens
