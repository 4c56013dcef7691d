// Golden runs (tests/golden/README.md): a fixed seed gives the same summary, saved networks and
// trace as the committed files, field by field (version and timing excluded).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;
using testing::last_line;
using testing::run_cli;
using testing::slurp;

const std::filesystem::path kGolden = std::filesystem::path(ROBENS_SOURCE_DIR) / "tests/golden";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}

// Drops what legitimately differs between runs: the version and every wall-clock time.
json comparable(json j) {
  if (j.is_object()) {
    j.erase("version");
    j.erase("seconds");
    for (auto& [key, value] : j.items()) value = comparable(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = comparable(value);
  }
  return j;
}

// The first differing field, as a path ("" if equal).
std::string first_difference(const json& a, const json& b, const std::string& where = "") {
  if (a.type() != b.type()) return where + " (" + a.dump() + " vs " + b.dump() + ")";
  if (a.is_object()) {
    for (const auto& [key, value] : a.items()) {
      if (!b.contains(key)) return where + "." + key + " (missing now)";
      if (auto d = first_difference(value, b[key], where + "." + key); !d.empty()) return d;
    }
    for (const auto& [key, value] : b.items())
      if (!a.contains(key)) return where + "." + key + " (new)";
    return "";
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return where + fmt::format(" ({} vs {} entries)", a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
      if (auto d = first_difference(a[i], b[i], where + fmt::format("[{}]", i)); !d.empty())
        return d;
    return "";
  }
  return a == b ? "" : where + " (" + a.dump() + " vs " + b.dump() + ")";
}

json lines_of(const std::string& text) {
  json lines = json::array();
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(json::parse(line));
  return lines;
}

class Golden : public testing::ScratchDirTest {
 protected:
  // `text` with the scratch folder written as {dir}, parsed.
  json normalised(const std::string& text) const {
    return comparable(json::parse(replace_all(text, dir.string(), "{dir}")));
  }
  void check(const std::string& name, const std::string& kind, const json& now) {
    const auto file = kGolden / (name + "." + kind);
    if (std::getenv("ROBENS_UPDATE_GOLDEN") != nullptr) {
      std::ofstream out(file);
      if (!kind.ends_with("jsonl"))
        out << now.dump(1) << "\n";
      else
        for (const auto& line : now) out << line.dump() << "\n";
      return;
    }
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    const std::string text = slurp(file);
    const json expected = kind.ends_with("jsonl") ? lines_of(text) : json::parse(text);
    EXPECT_EQ(first_difference(expected, now), "") << name << "." << kind;
  }
};

TEST_F(Golden, EveryAlgorithmGivesTheCommittedOutputs) {
  const json cases = json::parse(slurp(kGolden / "cases.json"));
  for (const auto& setup : cases["setup"])
    ASSERT_EQ(run_cli(replace_all(setup.get<std::string>(), "{dir}", dir.string())).status, 0);
  for (const auto& c : cases["cases"]) {
    const std::string name = c["name"];
    SCOPED_TRACE(name);
    const std::string args = replace_all(c["args"].get<std::string>(), "{dir}", dir.string());
    const auto r =
        run_cli("train " + args + " --json --quiet --save " + path(name + ".network.json") +
                " --trace " + path(name + ".trace.jsonl"));
    ASSERT_EQ(r.status, 0) << r.err;
    check(name, "summary.json", normalised(last_line(r.out)));
    check(name, "network.json", normalised(slurp(path(name + ".network.json"))));
    const std::string trace =
        replace_all(slurp(path(name + ".trace.jsonl")), dir.string(), "{dir}");
    check(name, "trace.jsonl", comparable(lines_of(trace)));
  }
}

}  // namespace
}  // namespace robens
