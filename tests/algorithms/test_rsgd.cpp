#include <gtest/gtest.h>

#include <cmath>

#include "robens/algorithms/rsgd/rsgd.hpp"
#include "robens/core/error.hpp"
#include "robens/models/committee.hpp"

namespace robens {
namespace {

class Recorder : public Observer {
 public:
  void on_step(const StepRecord& r) override { records.push_back(r.data); }
  std::vector<nlohmann::json> records;
};

TrainingProblem committee_problem(std::size_t n, std::size_t k, double alpha, std::uint64_t seed) {
  TrainingProblem p;
  p.shape = {Architecture::fully_connected, n, k, Activation::sign};
  p.patterns = random_patterns(patterns_for_load(alpha, p.shape.weights()), n, seed);
  p.seed = seed;
  return p;
}

TEST(Rsgd, SolvesASmallCommitteeAndTheAnswerIsVerified) {
  int solved = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto problem = committee_problem(51, 3, 0.4, seed);
    RsgdParameters p;
    p.replicas = 5;
    p.batch = 10;
    p.max_epochs = 2000;
    Recorder rec;
    const auto result = ReplicatedSgd(p).run(problem, rec);
    if (result.solved) {
      ++solved;
      EXPECT_EQ(count_errors(result.center, UnitInputs(problem.patterns, problem.shape)), 0U);
      EXPECT_EQ(result.errors, 0);
      EXPECT_EQ(result.min_errors, 0);
    }
    EXPECT_EQ(static_cast<long>(rec.records.size()), result.steps);
    EXPECT_EQ(result.replicas.size(), 5U);
  }
  EXPECT_EQ(solved, 3);
}

TEST(Rsgd, ReplicasDrawTheirOwnOrderFromTheFirstEpoch) {
  // Without the kick the replicas are independent SGD runs: from equal starting weights, replicas
  // that saw the patterns in one common order would still be identical after the first epoch.
  const auto problem = committee_problem(31, 3, 0.6, 2);
  RsgdParameters p;
  p.replicas = 3;
  p.lambda = 0;
  p.gamma = 0;
  p.gamma_step = 0;
  p.batch = 5;
  p.max_epochs = 1;
  p.init_equal = true;
  Recorder rec;
  const auto result = ReplicatedSgd(p).run(problem, rec);
  ASSERT_EQ(result.replicas.size(), 3U);
  EXPECT_FALSE(result.replicas[0] == result.replicas[1] &&
               result.replicas[1] == result.replicas[2]);
}

TEST(Rsgd, SameSeedGivesIdenticalTraces) {
  const auto problem = committee_problem(31, 3, 0.6, 4);
  RsgdParameters p;
  p.replicas = 3;
  p.batch = 7;
  p.max_epochs = 40;
  Recorder a, b;
  const auto ra = ReplicatedSgd(p).run(problem, a);
  const auto rb = ReplicatedSgd(p).run(problem, b);
  EXPECT_EQ(a.records, b.records);
  EXPECT_EQ(ra.center, rb.center);
  auto other = problem;
  other.seed = 5;
  Recorder c;
  ReplicatedSgd(p).run(other, c);
  EXPECT_NE(a.records, c.records);
}

TEST(Rsgd, EveryFormulaAndTheExplicitCentreRun) {
  const auto problem = committee_problem(41, 3, 0.3, 2);
  for (auto f :
       {KickFormula::simple, KickFormula::corrected, KickFormula::hard, KickFormula::continuous}) {
    for (bool center : {false, true}) {
      RsgdParameters p;
      p.replicas = 3;
      p.batch = 5;
      p.max_epochs = 3000;
      p.formula = f;
      p.explicit_center = center;
      Recorder rec;
      const auto r = ReplicatedSgd(p).run(problem, rec);
      EXPECT_TRUE(r.solved) << to_string(f) << " center=" << center;
      EXPECT_EQ(r.errors, static_cast<long>(
                              count_errors(r.center, UnitInputs(problem.patterns, problem.shape))));
    }
  }
}

TEST(Rsgd, CouplingPullsReplicasTogether) {
  // With a strong coupling and no data pressure left, replicas end close to their centre.
  const auto problem = committee_problem(61, 3, 0.9, 8);  // over capacity: never solved
  RsgdParameters p;
  p.replicas = 5;
  p.batch = 20;
  p.max_epochs = 60;
  p.init_equal = false;
  p.gamma = 0.5;
  p.gamma_step = 0.1;
  p.lambda = 1.0;
  Recorder rec;
  ReplicatedSgd(p).run(problem, rec);
  RsgdParameters q = p;
  q.lambda = 0;
  Recorder free_rec;
  ReplicatedSgd(q).run(problem, free_rec);
  auto mean_distance = [](const nlohmann::json& r) {
    double s = 0;
    for (const auto& d : r["distances"]) s += d.get<double>();
    return s / static_cast<double>(r["distances"].size());
  };
  EXPECT_LT(mean_distance(rec.records.back()), 0.5 * mean_distance(free_rec.records.back()));
}

TEST(Rsgd, PlainSgdIsTheOneReplicaBaseline) {
  const auto p = RsgdParameters::plain_sgd();
  EXPECT_EQ(p.replicas, 1);
  EXPECT_EQ(p.lambda, 0.0);
  const auto problem = committee_problem(101, 1, 0.2, 3);  // perceptron, easy load
  Recorder rec;
  const auto r = ReplicatedSgd(p).run(problem, rec);
  EXPECT_TRUE(r.solved);
}

TEST(Rsgd, BadParametersAreRejected) {
  auto bad = [](auto mutate) {
    RsgdParameters p;
    mutate(p);
    EXPECT_THROW(p.validate(), InputError);
  };
  bad([](RsgdParameters& p) { p.replicas = 0; });
  bad([](RsgdParameters& p) { p.replicas = 4; });  // even y: majority ties
  {
    RsgdParameters p;
    p.replicas = 4;
    p.explicit_center = true;  // an explicit centre has no ties
    EXPECT_NO_THROW(p.validate());
  }
  bad([](RsgdParameters& p) { p.batch = 0; });
  bad([](RsgdParameters& p) { p.max_epochs = 0; });
  bad([](RsgdParameters& p) { p.eta = std::nan(""); });
  bad([](RsgdParameters& p) { p.eta = 0; });
  bad([](RsgdParameters& p) { p.lambda = -0.1; });
  bad([](RsgdParameters& p) { p.gamma = std::numeric_limits<double>::infinity(); });
  bad([](RsgdParameters& p) { p.gamma_step = std::nan(""); });
  auto problem = committee_problem(21, 2, 0.3, 1);  // K even
  problem.shape.units = 4;
  Recorder rec;
  EXPECT_THROW(ReplicatedSgd(RsgdParameters{}).run(problem, rec), InputError);
}

}  // namespace
}  // namespace robens
