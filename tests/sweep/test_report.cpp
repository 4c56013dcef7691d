// robens report: the summary table agrees with the records it was made from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sweep/sweep_test_support.hpp"

namespace robens {
namespace {

using testing::read_lines;
using testing::run_cli;

class Report : public testing::SweepDir {};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) cells.push_back(cell);
  return cells;
}

constexpr const char* kExperiment = R"({
  "name": "rep", "fixed": {"model": "perceptron", "N": 31, "max-epochs": 200},
  "grid": {"alpha": [0.3, 0.7]},
  "variants": [{"name": "rsgd", "options": {"algo": "rsgd", "y": 3}},
               {"name": "sgd", "options": {"algo": "sgd"}}],
  "seeds": 5
})";

TEST_F(Report, CsvRowsAgreeWithTheRecords) {
  write("rep.json", kExperiment);
  ASSERT_EQ(run_cli("sweep " + path("rep.json") + " -q").status, 0);
  const auto r = run_cli("report " + path("rep.results.jsonl") + " --csv " + path("t.csv"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("| variant | alpha | runs | solved |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Fixed: N=31 max_epochs=200 model=perceptron"), std::string::npos) << r.out;

  // Independent tally from the records: solved count and median epochs of solved runs.
  std::map<std::pair<std::string, double>, std::vector<double>> epochs;
  std::map<std::pair<std::string, double>, int> runs;
  for (const auto& line : read_lines(path("rep.results.jsonl"))) {
    const auto rec = nlohmann::json::parse(line);
    const auto key =
        std::make_pair(rec["variant"].get<std::string>(), rec["point"]["alpha"].get<double>());
    ++runs[key];
    if (rec["result"]["solved"].get<bool>())
      epochs[key].push_back(rec["result"]["epochs"].get<double>());
  }
  const auto lines = read_lines(path("t.csv"));
  ASSERT_EQ(lines.size(), 5U);
  const auto header = split(lines[0], ',');
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto cells = split(lines[i], ',');
    const auto key = std::make_pair(cells[column("variant")], std::stod(cells[column("alpha")]));
    ASSERT_TRUE(runs.contains(key)) << lines[i];
    EXPECT_EQ(std::stoi(cells[column("runs")]), runs[key]);
    auto solved = epochs[key];
    EXPECT_EQ(std::stoul(cells[column("solved")]), solved.size());
    EXPECT_NEAR(std::stod(cells[column("success_rate")]),
                static_cast<double>(solved.size()) / runs[key], 1e-9);
    const double low = std::stod(cells[column("success_low")]);
    const double high = std::stod(cells[column("success_high")]);
    EXPECT_LE(low, std::stod(cells[column("success_rate")]));
    EXPECT_GE(high, std::stod(cells[column("success_rate")]));
    if (!solved.empty()) {
      std::sort(solved.begin(), solved.end());
      const std::size_t n = solved.size();
      const double median = n % 2 == 1 ? solved[n / 2] : (solved[n / 2 - 1] + solved[n / 2]) / 2;
      EXPECT_NEAR(std::stod(cells[column("steps_median")]), median, 1e-9) << lines[i];
    } else {
      EXPECT_EQ(cells[column("steps_median")], "");
    }
  }
}

TEST_F(Report, ResultsWithoutRecordsAreAnError) {
  write("empty.jsonl", "not a record\n");
  const auto r = run_cli("report " + path("empty.jsonl"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no job records"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli("report " + path("missing.jsonl")).status, 2);
}

TEST_F(Report, PlotWritesPngAndSvg) {
  if (std::system("/usr/bin/python3 -c 'import matplotlib' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3-matplotlib is not installed";
  write("rep.json", kExperiment);
  ASSERT_EQ(run_cli("sweep " + path("rep.json") + " -q").status, 0);
  const auto r = run_cli("report " + path("rep.results.jsonl") +
                         " --no-table --plot success --out " + path("fig.png"));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(std::filesystem::file_size(path("fig.png")), 1000U);
  EXPECT_GT(std::filesystem::file_size(path("fig.svg")), 1000U);
}

}  // namespace
}  // namespace robens
