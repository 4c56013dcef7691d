// `robens theory`: the headline capacity call, JSON metadata and one-line errors.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct Output {
  std::string text;
  int status = 0;
};

Output run(const std::string& args) {
  const std::string cmd = std::string(ROBENS_CLI_PATH) + " theory " + args + " 2>&1";
  Output out;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return {"popen failed", -1};
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) out.text += buffer.data();
  const int raw = pclose(pipe);
  out.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

TEST(TheoryCli, CapacityPrintsFourDigits) {
  const auto out = run("capacity --model committee --activation relu --weights binary");
  ASSERT_EQ(out.status, 0) << out.text;
  EXPECT_EQ(out.text.substr(0, 7), "0.9040\n");
  EXPECT_NE(out.text.find("robens"), std::string::npos);  // the comment line names the version
}

TEST(TheoryCli, JsonRecordsVersionAndParameters) {
  const auto out = run("capacity --model perceptron --weights spherical --json");
  ASSERT_EQ(out.status, 0) << out.text;
  const auto j = nlohmann::json::parse(out.text);
  EXPECT_TRUE(j.contains("version"));
  EXPECT_EQ(j["parameters"]["weights"], "spherical");
  EXPECT_NEAR(j["alpha_c"].get<double>(), 2.0, 1e-12);
  const auto curve = run("local-entropy-bound --points 3 --json");
  ASSERT_EQ(curve.status, 0) << curve.text;
  EXPECT_EQ(nlohmann::json::parse(curve.text)["curve"].size(), 3U);
}

TEST(TheoryCli, CurvesAreCsvWithAParameterLine) {
  const auto ld =
      run("large-deviation --weights spherical --activation relu --alpha 1 --q1-min 0.8 --q1-max "
          "0.9 --points 2");
  ASSERT_EQ(ld.status, 0) << ld.text;
  EXPECT_EQ(ld.text.rfind("# robens ", 0), 0U) << ld.text;
  EXPECT_NE(ld.text.find("alpha=1"), std::string::npos);
  EXPECT_NE(ld.text.find("\nq1,F_LD_per_y,"), std::string::npos);
  EXPECT_NE(ld.text.find("\n0.8,"), std::string::npos);
  const auto fp = run("franz-parisi --alpha 0.6 --d-min 0.1 --d-max 0.2 --points 2 --json");
  ASSERT_EQ(fp.status, 0) << fp.text;
  const auto j = nlohmann::json::parse(fp.text);
  ASSERT_EQ(j["curve"].size(), 2U);
  EXPECT_NEAR(j["curve"][0]["F_FP"].get<double>(), 0.05764, 3e-4);  // docs/theory.md: sign, d = 0.1
  EXPECT_TRUE(j["d_star"].is_null());  // no zero crossing inside [0.1, 0.2]
  EXPECT_EQ(j["parameters"]["activation"], "sign");
}

TEST(TheoryCli, BadInputIsAOneLineError) {
  for (const char* args :
       {"saddle --alpha -1", "1rsb --activation sign", "capacity --weights ternary",
        "large-deviation --q1-min 0.9 --q1-max 0.5", "franz-parisi --d-max 0.49"}) {
    const auto out = run(args);
    EXPECT_EQ(out.status, 2) << args << ": " << out.text;
    EXPECT_EQ(out.text.find("internal error"), std::string::npos) << out.text;
  }
}

}  // namespace
