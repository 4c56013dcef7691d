// fBP and rBP as solvers (docs/fbp.md): N = 21, K = 5, alpha = 0.1 (M = 10) is solved with every
// protocol, accuracy level and representation over several seeds; results do not depend on the
// number of threads; bad parameters are rejected.
#include <gtest/gtest.h>

#include "fbp_test_util.hpp"
#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"
#include "robens/run/warm_start_file.hpp"

namespace robens {
namespace {

using fbp_test::committee_problem;
using fbp_test::reference_settings;

const std::uint64_t kSeeds[] = {1, 2, 3, 135};

void expect_solves(const FbpParameters& p, const std::string& what) {
  for (std::uint64_t seed : kSeeds) {
    const TrainingProblem problem = committee_problem(21, 5, 0.1, seed);
    ASSERT_EQ(problem.patterns.size(), 10U);
    Observer none;
    const TrainResult r = FocusingBp(p).run(problem, none);
    EXPECT_TRUE(r.solved) << what << " seed " << seed << " errors " << r.errors;
    EXPECT_EQ(r.step_unit, "iterations");
    EXPECT_EQ(
        static_cast<long>(count_errors(r.center, UnitInputs(problem.patterns, problem.shape))),
        r.errors);
  }
}

TEST(FbpSolve, DefaultStandardReinforcement) {
  expect_solves(reference_settings(), "default");
}

TEST(FbpSolve, EveryAccuracyLevel) {
  for (auto a1 : {FactorAccuracy::none, FactorAccuracy::accurate, FactorAccuracy::exact})
    for (auto a2 : {FactorAccuracy::none, FactorAccuracy::accurate, FactorAccuracy::exact}) {
      FbpParameters p = reference_settings();
      p.accuracy1 = a1;
      p.accuracy2 = a2;
      expect_solves(p, "accuracy " + to_string(a1) + "/" + to_string(a2));
    }
}

TEST(FbpSolve, EveryProtocol) {
  FbpParameters p = reference_settings();
  p.protocol = ProtocolKind::scoping;
  p.gamma = "0:0.1:10";
  p.y = 21;
  expect_solves(p, "scoping");
  p.protocol = ProtocolKind::pseudo;
  p.rho = "0:0.01:1";
  expect_solves(p, "pseudo");
  p.x = 0.25;
  expect_solves(p, "pseudo x=0.25");
  // FreeScoping with the pseudo-reinforcement sequence written out.
  p = reference_settings();
  p.protocol = ProtocolKind::free_scoping;
  std::string pairs;
  for (int i = 0; i <= 100; ++i) {
    const auto s = pseudo_reinforcement_step(i / 100.0, 0.5);
    pairs += fmt::format("{}{}:{}", i ? "," : "", s.gamma, s.y);
  }
  p.pairs = pairs;
  expect_solves(p, "free");
}

TEST(FbpSolve, PlainFormatAndReinforcedBp) {
  FbpParameters p = reference_settings();
  p.format = MessageFormat::plain;
  expect_solves(p, "plain");
  FbpParameters r = FbpParameters::reinforced_bp();
  expect_solves(r, "rbp");
  r.format = MessageFormat::plain;
  expect_solves(r, "rbp plain");
}

TEST(FbpSolve, ThermodynamicRunGoesThroughTheWholeProtocol) {
  for (auto format : {MessageFormat::tanh, MessageFormat::plain}) {
    FbpParameters p = reference_settings();
    p.format = format;
    p.max_iters = 100;
    p.protocol = ProtocolKind::pseudo;
    p.rho = "0:0.01:0.99,0.992:0.002:0.998";
    p.outatzero = false;
    fbp_test::RecordingObserver rec;
    const TrainResult r = FocusingBp(p).run(committee_problem(21, 5, 0.1, 135), rec);
    EXPECT_TRUE(r.solved) << to_string(format);
    ASSERT_EQ(rec.records.size(), 104U);
    // The tanh form keeps every quantity finite; the plain form may lose them at large γ
    // (docs/fbp.md, "Numerics").
    if (format == MessageFormat::tanh)
      for (const auto& s : rec.records) {
        ASSERT_TRUE(s.data["local_entropy"].is_number()) << s.data.dump();
        EXPECT_TRUE(s.data["distance"].is_number());
      }
    // Focusing drives the replicas onto the reference: the distance shrinks along the protocol.
    EXPECT_LT(rec.records.back().data["distance"].get<double>(),
              rec.records[10].data["distance"].get<double>());
  }
}

TEST(FbpSolve, ThreadCountDoesNotChangeResults) {
  const TrainingProblem problem = committee_problem(101, 3, 0.3, 7);
  FbpParameters p = reference_settings();
  p.max_steps = 15;
  p.threads = 1;
  Observer none;
  const TrainResult r1 = FocusingBp(p).run(problem, none);
  p.threads = 2;
  const TrainResult r2 = FocusingBp(p).run(problem, none);
  EXPECT_EQ(r1.center, r2.center);
  EXPECT_EQ(r1.steps, r2.steps);
  auto messages = [](const TrainResult& r) {
    return dynamic_cast<const FbpMessagesState&>(*r.final_state).messages;
  };
  EXPECT_TRUE(messages(r1) == messages(r2));
}

TEST(FbpSolve, ExactAndAccurateFirstLayerAgreeForLargeFanIn) {
  // One pattern, perceptron with N = 201: the Gaussian (CLT) messages approach the exact ones.
  const TrainingProblem problem = committee_problem(201, 1, 1.0 / 201, 3);
  double worst = 0, scale = 0;
  std::vector<FbpMessages> results;
  for (auto acc : {FactorAccuracy::exact, FactorAccuracy::accurate}) {
    FbpEngine::Config c;
    c.accuracy1 = acc;
    FbpEngine e(problem.patterns, problem.shape,
                random_messages(MessageFormat::tanh, 201, 1, 1, 0.6, 5), c);
    e.set_focusing(0, 1);
    e.set_outfields();
    Rng rng(1, StreamPurpose::schedule, 1);
    e.sweep(rng);
    e.sweep(rng);
    results.push_back(e.messages());
  }
  for (std::size_t i = 0; i < 201; ++i) {
    worst = std::max(worst, std::fabs(std::tanh(results[0].uw[i]) - std::tanh(results[1].uw[i])));
    scale = std::max(scale, std::fabs(std::tanh(results[0].uw[i])));
  }
  EXPECT_GT(scale, 1e-3);
  EXPECT_LT(worst, 0.05 * scale);
}

TEST(FbpSolve, BadParametersAreRejected) {
  auto rejects = [](auto change) {
    FbpParameters p;
    change(p);
    EXPECT_THROW(FocusingBp{p}, InputError);
  };
  rejects([](FbpParameters& p) { p.damping = 1.0; });
  rejects([](FbpParameters& p) { p.damping = -0.1; });
  rejects([](FbpParameters& p) { p.epsilon = 0; });
  rejects([](FbpParameters& p) { p.max_iters = -1; });
  rejects([](FbpParameters& p) { p.randfact = 1.5; });
  rejects([](FbpParameters& p) { p.start_step = 0; });
  rejects([](FbpParameters& p) { p.messages_template = "messages.gz"; });
  rejects([](FbpParameters& p) { p.rho = "0:0:1"; });
  rejects([](FbpParameters& p) { p.rho = "0:0.1:1.5"; });
  rejects([](FbpParameters& p) { p.rho = "abc"; });
  rejects([](FbpParameters& p) { p.rho = ""; });
  rejects([](FbpParameters& p) {
    p.protocol = ProtocolKind::scoping;
    p.y = 0.5;
  });
  rejects([](FbpParameters& p) {
    p.protocol = ProtocolKind::scoping;
    p.gamma = "-1:0.1:1";
  });
  rejects([](FbpParameters& p) {
    p.protocol = ProtocolKind::free_scoping;
    p.pairs = "1:2:3.5";  // finite beta
  });
  rejects([](FbpParameters& p) {
    p.protocol = ProtocolKind::free_scoping;
    p.pairs = "";
  });
  EXPECT_THROW(parse_enum<FactorAccuracy>("fast", "accuracy1"), InputError);
  EXPECT_THROW(parse_enum<ProtocolKind>("annealing", "protocol"), InputError);
  EXPECT_THROW(parse_enum<MessageFormat>("log", "format"), InputError);

  Observer none;
  auto run_rejects = [&](FbpParameters p, const TrainingProblem& problem) {
    EXPECT_THROW(FocusingBp(p).run(problem, none), InputError);
  };
  run_rejects(FbpParameters{}, committee_problem(21, 4, 0.1, 1));  // even K with exact layer 2
  FbpParameters exact1;
  exact1.accuracy1 = FactorAccuracy::exact;
  run_rejects(exact1, committee_problem(20, 3, 0.1, 1));  // even N with exact layer 1
  TrainingProblem tree = committee_problem(21, 3, 0.1, 1);
  tree.shape = NetworkShape::committee(Architecture::tree, 63, 3, Activation::sign);
  tree.patterns = random_patterns(10, 63, 1);
  run_rejects(FbpParameters{}, tree);
  EXPECT_THROW(load_warm_start(testing::TempDir() + "does_not_exist.gz", "fbp"), InputError);
}

}  // namespace
}  // namespace robens
