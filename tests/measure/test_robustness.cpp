// The measure layer: robustness curves, stabilities, majority and overlaps.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"
#include "robens/measure/robustness.hpp"
#include "robens/models/committee.hpp"

namespace robens {
namespace {

PatternSet negated(const PatternSet& p) {
  PatternSet out = p;
  for (std::size_t a = 0; a < p.size(); ++a)
    for (std::size_t j = 0; j < p.input_size(); ++j) out.inputs.set(a, j, -p.inputs.get(a, j));
  return out;
}

TEST(MeasureRobustness, EndPointsMatchDirectEvaluation) {
  const NetworkShape shapes[] = {
      NetworkShape::perceptron(31),
      NetworkShape::committee(Architecture::tree, 45, 3, Activation::sign),
      NetworkShape::committee(Architecture::fully_connected, 9, 5, Activation::sign),
      NetworkShape::committee(Architecture::tree, 64, 8, Activation::relu),
  };
  for (const auto& shape : shapes) {
    const PatternSet p = random_patterns(60, shape.inputs, 3);
    Rng rng(3, StreamPurpose::user);
    const BinaryNetwork net = BinaryNetwork::random(shape, rng);
    const UnitInputs in(p, shape);
    const double train_error = static_cast<double>(count_errors(net, in)) / 60.0;
    // η = 1 flips every input: the network sees the negated patterns.
    const double all_flipped =
        static_cast<double>(count_errors(net, UnitInputs(negated(p), shape))) / 60.0;
    const auto curve = input_noise_curve(net, p, {0.0, 1.0}, 7, 5);
    ASSERT_EQ(curve.size(), 2U);
    EXPECT_DOUBLE_EQ(curve[0].error_probability, train_error);
    EXPECT_DOUBLE_EQ(curve[1].error_probability, all_flipped);
    if (shape.activation == Activation::sign) {
      EXPECT_NEAR(all_flipped, 1 - train_error, 1e-12);
    }
    const auto w = weight_noise_curve(net, p, {0.0}, 3, 5);
    EXPECT_DOUBLE_EQ(w[0].error_probability, train_error);
    EXPECT_NEAR(w[0].standard_error, 0.0, 1e-12);
  }
}

TEST(MeasureRobustness, NoiseHurtsASolutionAndIsDeterministic) {
  // A teacher network classifies its own patterns perfectly; noise must then raise the error.
  const NetworkShape shape = NetworkShape::committee(Architecture::tree, 75, 3, Activation::sign);
  Rng rng(9, StreamPurpose::user);
  const BinaryNetwork teacher = BinaryNetwork::random(shape, rng);
  PatternSet p = random_patterns(80, shape.inputs, 9);
  const UnitInputs in(p, shape);
  for (std::size_t a = 0; a < p.size(); ++a)
    p.labels[a] = static_cast<std::int8_t>(output_field(teacher, in, a) > 0 ? 1 : -1);
  const auto etas = eta_grid(0.4, 5);
  for (NoiseMode mode : {NoiseMode::exact_count, NoiseMode::bernoulli}) {
    const auto c = input_noise_curve(teacher, p, etas, 20, 1, mode);
    EXPECT_EQ(c[0].error_probability, 0.0);
    EXPECT_GT(c[4].error_probability, c[1].error_probability);
    EXPECT_LT(c[4].error_probability, 0.6);
    const auto again = input_noise_curve(teacher, p, etas, 20, 1, mode);
    for (std::size_t e = 0; e < etas.size(); ++e)
      EXPECT_EQ(again[e].error_probability, c[e].error_probability);
    const auto w = weight_noise_curve(teacher, p, etas, 10, 1, mode);
    EXPECT_EQ(w[0].error_probability, 0.0);
    EXPECT_GT(w[4].error_probability, 0.05);
  }
}

TEST(MeasureRobustness, StabilitiesMajorityAndOverlaps) {
  const NetworkShape shape = NetworkShape::perceptron(5);
  PatternSet p(1, 5);
  for (std::size_t j = 0; j < 5; ++j) p.inputs.set(0, j, 1);
  const std::int8_t w1[] = {1, 1, 1, -1, -1}, w2[] = {1, 1, -1, -1, 1}, w3[] = {1, -1, 1, 1, -1};
  const std::vector<BinaryNetwork> reps = {BinaryNetwork::from_signs(shape, w1),
                                           BinaryNetwork::from_signs(shape, w2),
                                           BinaryNetwork::from_signs(shape, w3)};
  const BinaryNetwork maj = majority_network(reps, 1);
  const std::int8_t expected[] = {1, 1, 1, -1, -1};
  EXPECT_EQ(maj, BinaryNetwork::from_signs(shape, expected));
  EXPECT_NEAR(normalized_stabilities(reps[0], p)[0], 1 / std::sqrt(5.0), 1e-12);
  const auto o = ensemble_overlaps(reps, maj);
  // q12 = 1/5, q13 = 1/5, q23 = -3/5: mean -1/15.
  EXPECT_NEAR(o.replica_overlap, -1.0 / 15, 1e-12);
  EXPECT_NEAR(o.replica_distance, (1 + 1.0 / 15) / 2, 1e-12);
  EXPECT_NEAR(o.center_overlap, (1 + 0.2 + 0.2) / 3, 1e-12);
  const auto same = ensemble_overlaps({reps[0], reps[0]}, reps[0]);
  EXPECT_EQ(same.replica_overlap, 1.0);
  EXPECT_EQ(same.center_distance, 0.0);
}

TEST(MeasureRobustness, RejectsBadInput) {
  const NetworkShape shape = NetworkShape::perceptron(5);
  const PatternSet p = random_patterns(4, 5, 1);
  const BinaryNetwork net(shape);
  EXPECT_THROW(input_noise_curve(net, p, {1.5}, 5, 1), InputError);
  EXPECT_THROW(input_noise_curve(net, p, {0.1}, 0, 1), InputError);
  EXPECT_THROW(weight_noise_curve(net, random_patterns(4, 7, 1), {0.1}, 5, 1), InputError);
  EXPECT_THROW(eta_grid(2, 3), InputError);
  EXPECT_THROW(majority_network({}, 1), InputError);
  EXPECT_THROW(parse_enum<NoiseMode>("x", "noise"), InputError);
}

TEST(MeasureRobustness, CommandWritesCurvesForASavedRun) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "robens_measure_test";
  fs::create_directories(dir);
  const std::string cli = ROBENS_CLI_PATH;
  const std::string pat = (dir / "p.txt").string(), net = (dir / "n.json").string(),
                    out = (dir / "m.csv").string();
  ASSERT_EQ(std::system((cli + " generate --model perceptron --N 101 --alpha 0.3 --out " + pat +
                         " > /dev/null 2>&1")
                            .c_str()),
            0);
  ASSERT_EQ(
      std::system((cli + " train --patterns " + pat +
                   " --model perceptron --N 101 --algo rsa --y 3 --stage-moves 50 --quiet --save " +
                   net + " > /dev/null")
                      .c_str()),
      0);
  ASSERT_EQ(std::system((cli + " measure " + net + " " + pat +
                         " --eta-steps 3 --perturbations 5 --out " + out)
                            .c_str()),
            0);
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("replica_mean,input_noise,0.3"), std::string::npos) << text;
  EXPECT_NE(text.find("majority,weight_noise,0,"), std::string::npos) << text;
  EXPECT_NE(
      std::system((cli + " measure " + net + " " + pat + " --what nonsense 2> /dev/null").c_str()),
      0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace robens
