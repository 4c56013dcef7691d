// Read data as a training problem (run/problem.hpp, run/data_problem.hpp): the recorded
// description, constant inputs, test sets from files or held out, the teacher's own seed, and an
// error for every option that does not apply.
#include <gtest/gtest.h>

#include <algorithm>

#include "data/idx_test_util.hpp"
#include "robens/core/error.hpp"
#include "robens/io/files.hpp"
#include "robens/io/gzip.hpp"
#include "robens/io/pattern_file.hpp"
#include "robens/models/committee.hpp"
#include "robens/models/teacher.hpp"
#include "robens/run/data_problem.hpp"
#include "robens/run/problem.hpp"
#include "scratch_dir.hpp"

namespace robens {
namespace {

using nlohmann::json;

const std::string kBlobs = std::string(ROBENS_SOURCE_DIR) + "/tests/data/fixtures/blobs.csv";

json blobs(json extra = json::object()) {
  json j = {
      {"data", kBlobs}, {"label_column", "last"}, {"classes", "0,1"}, {"model", "perceptron"}};
  j.update(extra);
  return j;
}

std::string error_of(const json& values) {
  try {
    build_problem(values, 1);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

class DataProblem : public testing::ScratchDirTest {};

TEST_F(DataProblem, CsvWithClassesIsRecorded) {
  const TrainingProblem p = build_problem(blobs(), 3);
  EXPECT_EQ(p.patterns.size(), 100U);  // 50 rows of class 0 and 50 of class 1
  EXPECT_EQ(p.shape.inputs, 5U);       // 5 features: odd already
  EXPECT_EQ(p.test.size(), 0U);
  const json& d = p.description;
  EXPECT_EQ(d["data"], kBlobs);
  EXPECT_EQ(d["data_format"], "csv");
  EXPECT_EQ(d["binarize"], "median");
  EXPECT_EQ(d["classes"], "0,1");
  EXPECT_EQ(d["other_classes"], "drop");
  EXPECT_EQ(d["label_column"], "last");
  EXPECT_EQ(d["features"], 5);
  EXPECT_EQ(d["inputs_added"], 0);
  EXPECT_EQ(d["M"], 100);
  EXPECT_DOUBLE_EQ(d["alpha"].get<double>(), 20.0);
  EXPECT_FALSE(d.contains("teacher"));
  EXPECT_FALSE(d.contains("test"));
  // Rows alternate 0, 1, 2 in the file: class 0 → +1, class 1 → -1, class 2 dropped.
  EXPECT_EQ(p.patterns.labels[0], 1);
  EXPECT_EQ(p.patterns.labels[1], -1);
}

TEST_F(DataProblem, ConstantInputsMakeTheNetworkValid) {
  write("t.txt", "1 0.5 2 3 4\n-1 1 1 1 1\n1 0 0 0 0\n");  // 4 features
  const TrainingProblem p = build_problem({{"data", path("t.txt")}, {"model", "perceptron"}}, 1);
  EXPECT_EQ(p.shape.inputs, 5U);
  EXPECT_EQ(p.description["inputs_added"], 1);
  for (std::size_t a = 0; a < 3; ++a) EXPECT_EQ(p.patterns.inputs.get(a, 4), 1);
  EXPECT_NE(error_of({{"data", path("t.txt")}, {"model", "perceptron"}, {"pad", "none"}})
                .find("must be odd"),
            std::string::npos);
  EXPECT_NE(error_of({{"data", path("t.txt")}, {"model", "perceptron"}, {"N", 4}})
                .find("N = 4 does not match the 5 inputs of the data (4 features + 1 constant"),
            std::string::npos);
  ProblemParameters q;
  q.model = ModelKind::committee;
  q.arch = Architecture::tree;
  q.k = 3;
  EXPECT_EQ(constant_inputs_needed(q, 5), 4U);  // 9 = 3 units x 3 (odd) inputs
  EXPECT_EQ(constant_inputs_needed(q, 9), 0U);
  EXPECT_EQ(constant_inputs_needed(q, 6), 3U);
  q.activation = Activation::relu;
  q.k = 4;
  EXPECT_EQ(constant_inputs_needed(q, 5), 3U);
  q.arch = Architecture::fully_connected;
  EXPECT_EQ(constant_inputs_needed(q, 6), 0U);
  q.activation = Activation::sign;
  EXPECT_EQ(constant_inputs_needed(q, 6), 1U);
}

TEST_F(DataProblem, TestFileIsBinarisedWithTheTrainingThresholds) {
  write("train.csv", "y,a,b\n1,0,10\n-1,2,20\n1,4,30\n");  // medians 2 and 20
  write("test.csv", "y,a,b\n-1,2,21\n1,3,19\n");
  const TrainingProblem p =
      build_problem({{"data", path("train.csv")}, {"test", path("test.csv")}, {"pad", "auto"}}, 1);
  ASSERT_EQ(p.test.size(), 2U);
  EXPECT_EQ(p.shape.inputs, 3U);  // 2 features + 1
  EXPECT_EQ(p.test.inputs.get(0, 0), -1);
  EXPECT_EQ(p.test.inputs.get(0, 1), 1);
  EXPECT_EQ(p.test.inputs.get(1, 0), 1);
  EXPECT_EQ(p.test.inputs.get(1, 1), -1);
  EXPECT_EQ(p.test.inputs.get(1, 2), 1);  // the constant input
  EXPECT_EQ(p.test.labels, (std::vector<std::int8_t>{-1, 1}));
  EXPECT_EQ(p.description["test"], path("test.csv"));
  EXPECT_EQ(p.description["M_test"], 2);
  write("narrow.csv", "1,5\n-1,6\n");
  EXPECT_NE(error_of({{"data", path("train.csv")}, {"test", path("narrow.csv")}})
                .find("has 1 features per pattern, but the training data " + path("train.csv") +
                      " has 2 (N must match)"),
            std::string::npos);
  write("p.txt", "+1 -1 +1\n-1 +1 +1\n");
  EXPECT_NE(error_of({{"data", path("train.csv")}, {"test", path("p.txt")}})
                .find("is patterns data, but the training data"),
            std::string::npos);
}

TEST_F(DataProblem, HeldOutFractionIsSeededAndDisjoint) {
  const TrainingProblem a = build_problem(blobs({{"test_fraction", 0.2}, {"split_seed", 5}}), 1);
  const TrainingProblem b = build_problem(blobs({{"test_fraction", 0.2}, {"split_seed", 5}}), 2);
  const TrainingProblem c = build_problem(blobs({{"test_fraction", 0.2}, {"split_seed", 6}}), 1);
  EXPECT_EQ(a.patterns.size(), 80U);
  EXPECT_EQ(a.test.size(), 20U);
  EXPECT_EQ(a.patterns, b.patterns);
  EXPECT_EQ(a.test, b.test);
  EXPECT_NE(a.test, c.test);
  EXPECT_EQ(a.description["split_seed"], 5);
  EXPECT_EQ(a.description["test_fraction"], 0.2);
  // Default split seed: the run's.
  EXPECT_EQ(build_problem(blobs({{"test_fraction", 0.2}}), 7).description["split_seed"], 7);
  EXPECT_NE(error_of(blobs({{"test_fraction", 0.001}})).find("holds out 0"), std::string::npos);
}

TEST_F(DataProblem, PatternFilesReadAsDataOrAsPatterns) {
  const PatternSet set = random_patterns(30, 11, 4);
  write_patterns(dir / "p.txt", set, PatternFormat::text);
  write_patterns(dir / "q.rbp", random_patterns(10, 11, 5), PatternFormat::binary);
  const TrainingProblem d =
      build_problem({{"data", path("p.txt")}, {"model", "perceptron"}, {"test", path("q.rbp")}}, 1);
  EXPECT_EQ(d.patterns, set);
  EXPECT_EQ(d.description["data_format"], "patterns");
  EXPECT_EQ(d.test.size(), 10U);
  // The historical `patterns` option takes a test set too, and records nothing new otherwise.
  const TrainingProblem p =
      build_problem({{"patterns", path("p.txt")}, {"model", "perceptron"}}, 1);
  EXPECT_EQ(p.patterns, set);
  for (const char* key : {"data", "features", "inputs_added", "binarize", "M_test"})
    EXPECT_FALSE(p.description.contains(key)) << key;
  EXPECT_EQ(build_problem(
                {{"patterns", path("p.txt")}, {"model", "perceptron"}, {"test_fraction", 0.1}}, 1)
                .test.size(),
            3U);
  EXPECT_NE(error_of({{"data", path("p.txt")}, {"model", "perceptron"}, {"classes", "1,-1"}})
                .find("is a +1/-1 pattern file, which is not binarised or relabelled"),
            std::string::npos);
}

TEST_F(DataProblem, IdxDataIsFoundByContentWithItsLabelsFile) {
  std::vector<double> pixels;
  for (int i = 0; i < 6 * 4; ++i) pixels.push_back(i % 7 * 40);
  write_gzip(dir / "x-images-idx3-ubyte.gz", testing::idx_bytes(0x08, {6, 2, 2}, pixels));
  write_gzip(dir / "x-labels-idx1-ubyte.gz", testing::idx_bytes(0x08, {6}, {3, 5, 3, 9, 5, 3}));
  const TrainingProblem p = build_problem(
      {{"data", path("x-images-idx3-ubyte.gz")}, {"classes", "3,5"}, {"model", "perceptron"}}, 1);
  EXPECT_EQ(p.patterns.size(), 5U);
  EXPECT_EQ(p.shape.inputs, 5U);
  EXPECT_EQ(p.description["data_format"], "idx");
  EXPECT_EQ(p.description["labels"], path("x-labels-idx1-ubyte.gz"));
  EXPECT_EQ(p.patterns.labels, (std::vector<std::int8_t>{1, -1, 1, -1, 1}));
  EXPECT_NE(error_of({{"data", path("x-images-idx3-ubyte.gz")},
                      {"classes", "3,5"},
                      {"other_classes", "reject"}})
                .find("data row 4 has label 9, not one of the classes 3,5"),
            std::string::npos);
  EXPECT_NE(error_of({{"data", path("x-images-idx3-ubyte.gz")}, {"label_column", "last"}})
                .find("label_column: only for tables"),
            std::string::npos);
}

TEST_F(DataProblem, OptionsThatDoNotApplyAreErrors) {
  EXPECT_NE(error_of({{"binarize", "mean"}}).find("binarize: only for read data"),
            std::string::npos);
  EXPECT_NE(error_of({{"test_fraction", 0.5}}).find("test_fraction: only for read data"),
            std::string::npos);
  EXPECT_NE(error_of({{"teacher_seed", 3}}).find("teacher_seed: only with teacher"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"alpha", 0.5}})).find("give either data or alpha"), std::string::npos);
  EXPECT_NE(error_of(blobs({{"teacher", true}})).find("cannot be combined with a data file"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"patterns", kBlobs}})).find("either data or patterns"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"threshold", 1}})).find("threshold: the value of binarize threshold"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"test", kBlobs}, {"test_fraction", 0.1}})).find("not both"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"test_labels", kBlobs}})).find("test_labels: needs test"),
            std::string::npos);
  EXPECT_NE(error_of(blobs({{"split_seed", 1}})).find("split_seed: needs test_fraction"),
            std::string::npos);
  EXPECT_NE(error_of({{"data", kBlobs}, {"label_column", "last"}})
                .find("without classes the labels must be +1 or -1"),
            std::string::npos);
}

TEST_F(DataProblem, TeacherHasItsOwnSeed) {
  const json base = {{"teacher", true}, {"model", "perceptron"}, {"N", 51}, {"alpha", 0.5}};
  // Default: the teacher of the data seed, as before teacher_seed existed.
  const TrainingProblem old = build_problem(base, 4);
  EXPECT_EQ(old.patterns, teacher_student_patterns(26, old.shape, 4).patterns);
  EXPECT_FALSE(old.description.contains("teacher_seed"));
  json a = base, b = base;
  a["teacher_seed"] = 9;
  a["data_seed"] = 1;
  b["teacher_seed"] = 9;
  b["data_seed"] = 2;
  b["test_size"] = 40;
  const TrainingProblem pa = build_problem(a, 1), pb = build_problem(b, 1);
  ASSERT_TRUE(pa.teacher && pb.teacher);
  EXPECT_EQ(*pa.teacher, *pb.teacher);
  EXPECT_NE(pa.patterns, pb.patterns);
  EXPECT_EQ(pb.description["teacher_seed"], 9);
  ASSERT_EQ(pb.test.size(), 40U);
  EXPECT_EQ(count_errors(*pb.teacher, UnitInputs(pb.test, pb.shape)), 0U);
  EXPECT_EQ(count_errors(*pb.teacher, UnitInputs(pb.patterns, pb.shape)), 0U);
  EXPECT_NE(pb.test.inputs.row_vector(0), pb.patterns.inputs.row_vector(0));
}

TEST(TeacherOverlap, MatchesInterchangeableUnits) {
  Rng rng(3, StreamPurpose::user);
  const NetworkShape fc =
      NetworkShape::committee(Architecture::fully_connected, 21, 3, Activation::sign);
  const BinaryNetwork t = BinaryNetwork::random(fc, rng);
  BinaryNetwork permuted = t;
  std::swap(permuted.units[0], permuted.units[2]);
  EXPECT_DOUBLE_EQ(teacher_overlap(permuted, t), 1.0);
  EXPECT_LT(permuted.overlap(t), 1.0);
  BinaryNetwork flipped = t;
  for (std::size_t i = 0; i < 21; ++i) flipped.units[1].flip(i);
  EXPECT_NEAR(teacher_overlap(flipped, t), 1.0 / 3.0, 1e-12);
  const NetworkShape perceptron = NetworkShape::perceptron(11);
  const BinaryNetwork a = BinaryNetwork::random(perceptron, rng);
  EXPECT_DOUBLE_EQ(teacher_overlap(a, a), 1.0);
}

}  // namespace
}  // namespace robens
