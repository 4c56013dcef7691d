// The architecture as a test (docs/design.md): a library file includes only its own layer and the
// layers below it, and an algorithm's folder includes only the shared algorithm interface and
// itself, so adding an algorithm touches its folder and one registration line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>

namespace robens {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = fs::path(ROBENS_SOURCE_DIR) / "src/robens";

// Lower layers first; equal ranks may not include each other (measure and theory are
// independent).
const std::map<std::string, int> kRank = {
    {"core", 0},    {"math", 1},   {"models", 2}, {"io", 3},  {"algorithms", 4}, {"run", 5},
    {"measure", 6}, {"theory", 6}, {"sweep", 7},  {"cli", 8}, {"python", 8},
};

struct Include {
  fs::path file;
  std::string layer, sub;          // of the including file (sub: algorithm folder or "")
  std::string target, target_sub;  // of the included header
};

std::vector<Include> robens_includes() {
  const std::regex line(R"(^\s*#\s*include\s*"robens/([a-z_]+)/(?:([a-z_]+)/)?[^"]*")");
  std::vector<Include> out;
  for (const auto& e : fs::recursive_directory_iterator(kSource)) {
    const auto ext = e.path().extension();
    if (ext != ".hpp" && ext != ".cpp" && ext != ".inc") continue;
    const auto rel = fs::relative(e.path(), kSource);
    auto part = rel.begin();
    const std::string layer = part->string();
    ++part;
    const std::string sub = std::next(part) != rel.end() ? part->string() : "";
    std::ifstream in(e.path());
    for (std::string text; std::getline(in, text);) {
      std::smatch m;
      if (std::regex_search(text, m, line)) out.push_back({rel, layer, sub, m[1], m[2]});
    }
  }
  return out;
}

TEST(Layers, NoLibraryFileIncludesAHigherLayer) {
  const auto includes = robens_includes();
  ASSERT_GT(includes.size(), 100U);
  for (const auto& inc : includes) {
    ASSERT_TRUE(kRank.contains(inc.layer)) << inc.file << ": unknown layer " << inc.layer;
    ASSERT_TRUE(kRank.contains(inc.target)) << inc.file << ": unknown layer " << inc.target;
    if (inc.layer == inc.target) continue;
    EXPECT_LT(kRank.at(inc.target), kRank.at(inc.layer))
        << inc.file << " (layer " << inc.layer << ") includes robens/" << inc.target;
  }
}

TEST(Layers, AnAlgorithmIncludesOnlyTheInterfaceAndItsOwnFolder) {
  for (const auto& inc : robens_includes()) {
    if (inc.target != "algorithms" || inc.target_sub.empty()) continue;
    // Only the algorithm's own folder and the front ends (cli, python) reach into a folder.
    const bool front_end = inc.layer == "cli" || inc.layer == "python";
    const bool own = inc.layer == "algorithms" && inc.sub == inc.target_sub;
    EXPECT_TRUE(own || front_end) << inc.file << " includes algorithms/" << inc.target_sub;
  }
}

}  // namespace
}  // namespace robens
