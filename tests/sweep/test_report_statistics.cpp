// The statistics of robens report (Wilson intervals, type-7 quantiles, log10 spread) and its
// aggregation of results files, through the library.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "robens/core/error.hpp"
#include "robens/sweep/report.hpp"
#include "robens/sweep/statistics.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;

// p ± z·sqrt(p(1-p)/n + z²/4n²), centred at (p + z²/2n), both over 1 + z²/n, z = 1.95996.
TEST(ReportStatistics, WilsonIntervalAtKnownValues) {
  auto expect_interval = [](std::size_t s, std::size_t n, double low, double high) {
    const auto [a, b] = sweep::wilson_interval(s, n);
    EXPECT_NEAR(a, low, 1e-4) << s << " of " << n;
    EXPECT_NEAR(b, high, 1e-4) << s << " of " << n;
  };
  expect_interval(0, 10, 0.0, 0.2775);
  expect_interval(5, 10, 0.2366, 0.7634);
  expect_interval(10, 10, 0.7225, 1.0);
  expect_interval(2, 10, 0.0567, 0.5098);
  expect_interval(1, 3, 0.0615, 0.7923);
  expect_interval(0, 0, 0.0, 1.0);
  // Exact ends: the bounds are clamped to [0, 1].
  EXPECT_EQ(sweep::wilson_interval(0, 10).first, 0.0);
  EXPECT_LE(sweep::wilson_interval(10, 10).second, 1.0);
}

TEST(ReportStatistics, Type7Quantiles) {
  EXPECT_DOUBLE_EQ(sweep::quantile({1, 2, 3, 4}, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(sweep::quantile({1, 2, 3, 4}, 0.75), 3.25);
  EXPECT_DOUBLE_EQ(sweep::quantile({4, 1, 3, 2}, 0.5), 2.5);  // even: mean of the middle two
  EXPECT_DOUBLE_EQ(sweep::quantile({5, 1, 3}, 0.5), 3.0);     // odd: the middle one
  EXPECT_DOUBLE_EQ(sweep::quantile({7}, 0.25), 7.0);
  EXPECT_DOUBLE_EQ(sweep::quantile({1, 2, 3, 4}, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(sweep::quantile({1, 2, 3, 4}, 1.0), 4.0);
  EXPECT_DOUBLE_EQ(sweep::quantile({10, 20, 30, 40, 50}, 0.1), 14.0);
}

TEST(ReportStatistics, Log10MeanAndSampleSd) {
  const auto [mean, sd] = sweep::log10_mean_sd({10, 1000});
  EXPECT_DOUBLE_EQ(mean, 2.0);
  EXPECT_NEAR(sd, std::sqrt(2.0), 1e-12);  // deviations ±1, n - 1 = 1
  const auto [one_mean, one_sd] = sweep::log10_mean_sd({100});
  EXPECT_DOUBLE_EQ(one_mean, 2.0);
  EXPECT_EQ(one_sd, 0.0);
}

class ReportTable : public testing::ScratchDirTest {
 protected:
  static std::string record(const std::string& job, const std::string& variant, int n, bool solved,
                            double iterations, double seconds) {
    json r = {{"job", job},
              {"variant", variant},
              {"point", {{"N", n}, {"alpha", 0.3}, {"algo", variant == "a" ? "x" : "y"}}},
              {"seed", 1},
              {"result",
               {{"solved", solved},
                {"iterations", iterations},
                {"seconds", seconds},
                {"min_errors", solved ? 0 : 3}}}};
    return r.dump() + "\n";
  }
};

TEST_F(ReportTable, AggregatesRunsPerVariantAndPoint) {
  write("one.jsonl", record("j1", "a", 21, true, 100, 1) + record("j2", "a", 21, true, 300, 2) +
                         record("j3", "a", 21, false, 999, 3) + "not a record\n" +
                         record("j4", "b", 21, true, 50, 4));
  // j2 again (another file of the same sweep): counted once.
  write("two.jsonl", record("j2", "a", 21, true, 300, 2) + record("j5", "a", 31, false, 7, 5));
  const auto t = sweep::build_report({path("one.jsonl"), path("two.jsonl")});
  EXPECT_EQ(t.records, 5U);
  EXPECT_EQ(t.duplicates, 1U);
  EXPECT_EQ(t.skipped_lines, 1U);
  EXPECT_EQ(t.fixed, json::parse(R"({"alpha": 0.3})"));  // equal in every record
  EXPECT_EQ(t.variant_options, json::parse(R"({"a": {"algo": "x"}, "b": {"algo": "y"}})"));
  EXPECT_EQ(t.key_names, (std::vector<std::string>{"variant", "N"}));
  ASSERT_EQ(t.rows.size(), 3U);  // sorted by key: (a, 21), (a, 31), (b, 21)
  const auto& a21 = t.rows[0];
  EXPECT_EQ(a21.key, (std::vector<json>{"a", 21}));
  EXPECT_EQ(a21.runs, 3U);
  EXPECT_EQ(a21.solved, 2U);
  EXPECT_DOUBLE_EQ(a21.success, 2.0 / 3.0);
  EXPECT_EQ(std::make_pair(a21.success_low, a21.success_high), sweep::wilson_interval(2, 3));
  EXPECT_EQ(a21.step_unit, "iterations");
  EXPECT_EQ(a21.steps, (std::vector<double>{100, 300}));  // solved runs only
  EXPECT_EQ(a21.seconds, (std::vector<double>{1, 2, 3}));
  EXPECT_EQ(a21.min_errors, (std::vector<double>{0, 0, 3}));
  EXPECT_EQ(t.rows[1].key, (std::vector<json>{"a", 31}));
  EXPECT_EQ(t.rows[1].solved, 0U);
  EXPECT_TRUE(t.rows[1].steps.empty());
  EXPECT_EQ(t.rows[2].key, (std::vector<json>{"b", 21}));

  const std::string md = sweep::report_markdown(t);
  EXPECT_NE(md.find("Fixed: alpha=0.3\n"), std::string::npos) << md;
  EXPECT_NE(md.find("Variants: a: algo=x; b: algo=y\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| a | 21 | 3 | 2 | 0.67 (0.21-0.94) | iterations | 200 | 150 | 250 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| a | 31 | 1 | 0 | 0.00 (0.00-0.79) | iterations | - | - | - |"),
            std::string::npos)
      << md;
}

TEST_F(ReportTable, CsvCarriesTheIntervalsQuartilesAndLogSpread) {
  write("r.jsonl", record("j1", "a", 21, true, 100, 1) + record("j2", "a", 21, true, 10000, 2) +
                       record("j3", "b", 21, false, 5, 3));
  const std::string csv = sweep::report_csv(sweep::build_report({path("r.jsonl")}));
  EXPECT_EQ(csv,
            "variant,runs,solved,success_rate,success_low,success_high,step_unit,steps_median,"
            "steps_q1,steps_q3,seconds_median,seconds_q1,seconds_q3,min_errors_min,"
            "min_errors_median,steps_log10_mean,steps_log10_sd\n"
            "a,2,2,1,0.3423802275,1,iterations,5050,2575,7525,1.5,1.25,1.75,0,0,3,1.414213562\n"
            "b,1,0,0,0,0.7934506856,iterations,,,,3,3,3,3,3,,\n");
}

TEST_F(ReportTable, OptionsMissingFromSomeRecordsAreColumns) {
  json a = {{"job", "1"}, {"point", {{"N", 21}}}, {"result", {{"solved", true}, {"epochs", 3}}}};
  json b = {{"job", "2"},
            {"point", {{"N", 21}, {"y", 3}}},
            {"result", {{"solved", false}, {"epochs", 9}}}};
  write("r.jsonl", a.dump() + "\n" + b.dump() + "\n");
  const auto t = sweep::build_report({path("r.jsonl")});
  EXPECT_EQ(t.key_names, std::vector<std::string>{"y"});
  EXPECT_EQ(t.fixed, json::parse(R"({"N": 21})"));
  ASSERT_EQ(t.rows.size(), 2U);
  std::set<std::string> keys;
  for (const auto& row : t.rows) {
    keys.insert(row.key.at(0).dump());
    EXPECT_EQ(row.step_unit, "epochs");
    EXPECT_EQ(row.runs, 1U);
  }
  EXPECT_EQ(keys, (std::set<std::string>{"\"\"", "3"}));  // no y: an empty cell
}

TEST_F(ReportTable, NoRecordsIsAnError) {
  write("r.jsonl", "junk\n");
  EXPECT_THROW(sweep::build_report({path("r.jsonl")}), InputError);
  EXPECT_THROW(sweep::build_report({path("missing.jsonl")}), InputError);
}

}  // namespace
}  // namespace robens
