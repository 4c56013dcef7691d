// Thermodynamics at fBP fixed points (docs/fbp.md, "Thermodynamics"): with no patterns the local
// entropy is the binary entropy of the distance to the reference (the alpha = 0 curve of PNAS
// Fig. 6), and with patterns it stays below that bound.
#include <gtest/gtest.h>

#include <fstream>

#include "fbp_test_util.hpp"
#include "robens/math/special_functions.hpp"
#include "robens/run/run.hpp"

namespace robens {
namespace {

TEST(FbpThermo, NoPatternsGiveTheBinaryEntropyOfTheDistance) {
  for (auto format : {MessageFormat::tanh, MessageFormat::plain}) {
    for (std::size_t k : {1U, 5U}) {
      TrainingProblem problem;
      problem.shape = k == 1 ? NetworkShape::perceptron(21)
                             : NetworkShape{Architecture::fully_connected, 21, k, Activation::sign};
      problem.patterns = PatternSet(0, 21);
      FbpParameters p;
      p.protocol = ProtocolKind::scoping;
      p.gamma = "0.05,0.3,1,2.5,5,12";
      p.y = 3;
      p.outatzero = false;
      p.max_iters = 50;
      p.format = format;
      fbp_test::RecordingObserver rec;
      FocusingBp(p).run(problem, rec);
      ASSERT_EQ(rec.records.size(), 6U);
      for (const auto& r : rec.records) {
        const double gamma = r.data["gamma"].get<double>();
        // The plain form loses log(1 − tanh²γ) once tanh γ rounds towards 1 (docs/fbp.md,
        // "Numerics").
        if (format == MessageFormat::plain && gamma > 6) continue;
        const double d = r.data["distance"].get<double>();
        EXPECT_NEAR(d, (1 - std::tanh(gamma)) / 2, 1e-12);
        EXPECT_NEAR(r.data["local_entropy"].get<double>(), math::binary_entropy(d), 1e-9)
            << "gamma " << gamma << " format " << to_string(format) << " K " << k;
        EXPECT_NEAR(-r.data["beta_F"].get<double>(), math::log_two_cosh(gamma), 1e-9);
        EXPECT_TRUE(r.data["converged"].get<bool>());
      }
    }
  }
}

TEST(FbpThermo, LocalEntropyStaysBelowTheBoundAndTheOutfileIsWritten) {
  const TrainingProblem problem = fbp_test::committee_problem(21, 3, 0.2, 9);
  FbpParameters p;
  p.protocol = ProtocolKind::scoping;
  p.gamma = "0.2:0.2:2";
  p.y = 7;
  p.outatzero = false;
  p.max_iters = 200;
  p.epsilon = 1e-6;
  p.damping = 0.3;
  p.outfile = testing::TempDir() + "fbp_outfile.txt";
  std::remove(p.outfile.c_str());
  fbp_test::RecordingObserver rec;
  FocusingBp algorithm(p);
  run(problem, algorithm, rec);  // the runner attaches the outfile observer
  long converged = 0;
  for (const auto& r : rec.records) {
    if (!r.data["converged"].get<bool>()) continue;
    ++converged;
    const double d = r.data["distance"].get<double>();
    EXPECT_LT(r.data["local_entropy"].get<double>(), math::binary_entropy(d) + 1e-9);
    EXPECT_GE(r.data["q"].get<double>(), 0.0);
  }
  EXPECT_GT(converged, 5);
  std::ifstream in(p.outfile);
  std::string line;
  long data_lines = 0;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') ++data_lines;
  EXPECT_EQ(data_lines, converged);
}

}  // namespace
}  // namespace robens

namespace robens {
namespace {

TEST(FbpThermo, PerceptronEntropyAtGammaZeroIsCloseToTheReplicaSymmetricValue) {
  // At γ = 0 the local entropy is the Bethe entropy of the solutions. RS theory for the binary
  // perceptron at α = 0.3 (`robens theory saddle --model perceptron --alpha 0.3`): entropy
  // 0.4748, q = 0.1908. One sample of N = 401 deviates by finite-size fluctuations only.
  for (std::uint64_t seed : {1U, 2U}) {
    const TrainingProblem problem = fbp_test::committee_problem(401, 1, 0.3, seed);
    FbpParameters p;
    p.protocol = ProtocolKind::scoping;
    p.gamma = "0";
    p.outatzero = false;
    p.max_iters = 300;
    p.epsilon = 1e-6;
    fbp_test::RecordingObserver rec;
    FocusingBp(p).run(problem, rec);
    ASSERT_EQ(rec.records.size(), 1U);
    EXPECT_TRUE(rec.records[0].data["converged"].get<bool>());
    EXPECT_NEAR(rec.records[0].data["local_entropy"].get<double>(), 0.4748, 0.02)
        << "seed " << seed;
    EXPECT_NEAR(rec.records[0].data["q"].get<double>(), 0.1908, 0.03) << "seed " << seed;
  }
}

}  // namespace
}  // namespace robens
