#pragma once
// Replicated simulated annealing (PNAS 2016 "Replicated SA" and Materials and Methods; PRL 2019
// Fig. 3; docs/rsa.md): y replicas of a binary network sampled by Monte Carlo from
// π ∝ e^{−β Σ_a E_a} · Π_i 2cosh(γ μ_i) (reference traced out) or with an explicit reference.
//
// Unit: one *iteration* = one proposed single-weight flip of one replica (accepted or not), the
// package's `it`; a sweep of the whole system is y·N iterations.
//
// Two drivers:
//  * annealing/scoping (PNAS): after every `stage_moves` accepted moves, β ← β·fβ and γ ← γ·fγ
//    (capped); stop when any replica or the centre (spin-wise majority) has zero errors, or give
//    up after max_iterations;
//  * overlap-controlled (PRL, target_overlap > 0): every block of iterations, log γ moves by
//    gain·(q1 − q̄) (q̄ = mean replica overlap over the block); β ← β·fβ only after a block with
//    |q̄ − q1| ≤ tolerance; stop when every replica has zero errors and q̄ is within tolerance
//    (and at least min_iterations have run).
// Replicas start random, or from saved networks (a WarmStart, e.g. a saved solution: PRL Fig. 3
// at K = 32/33 is sampled around a solution found first, docs/rsa.md).
// γ = 0 with fγ = 1 is standard SA on y independent replicas (the PNAS baseline).
#include <string>

#include "robens/algorithms/algorithm.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/parameter_table.hpp"
#include "robens/models/energy_model.hpp"

namespace robens {

enum class RsaReference { traced, explicit_centre };
enum class RsaMoveRule { eq9, coupling_rrr, uniform };
enum class RsaSampler { metropolis, rrr };

template <>
struct EnumNames<RsaReference> {
  static constexpr std::pair<RsaReference, const char*> values[] = {
      {RsaReference::traced, "traced"}, {RsaReference::explicit_centre, "explicit"}};
};
template <>
struct EnumNames<RsaMoveRule> {
  static constexpr std::pair<RsaMoveRule, const char*> values[] = {
      {RsaMoveRule::coupling_rrr, "rrr"},
      {RsaMoveRule::eq9, "eq9"},
      {RsaMoveRule::uniform, "uniform"}};
};
template <>
struct EnumNames<RsaSampler> {
  static constexpr std::pair<RsaSampler, const char*> values[] = {
      {RsaSampler::metropolis, "metropolis"}, {RsaSampler::rrr, "rrr"}};
};

// Defaults here are the defaults everywhere (CLI, sweeps, Python): rsa_parameter_table().
struct RsaParameters {
  int replicas = 3;
  RsaReference reference = RsaReference::traced;
  RsaMoveRule move_rule = RsaMoveRule::coupling_rrr;
  RsaSampler sampler = RsaSampler::metropolis;
  EnergyChoice energy = EnergyChoice::automatic;
  double beta = 0.5, beta_factor = 1.02, beta_max = 50;
  double gamma = 0.05, gamma_factor = 1.02, gamma_max = 20;
  long stage_moves = 0;  // accepted moves per stage; 0: y·N (one per replica weight)
  long max_iterations = 2'000'000'000;
  // Overlap-controlled mode (0: off).
  double target_overlap = 0, overlap_tolerance = 0.01, gamma_gain = 4;
  long block_iterations = 0;  // 0: y·N (one sweep)
  long min_iterations = 0;    // overlap mode: keep sampling at least this long before stopping
  bool init_equal = false;    // all replicas start from the same random configuration

  static RsaParameters standard_sa();  // γ = 0: the non-interacting baseline
  void validate() const;               // every value against the table, then the combination
};

const ParameterTable<RsaParameters>& rsa_parameter_table();

class ReplicatedAnnealing final : public Algorithm {
 public:
  explicit ReplicatedAnnealing(RsaParameters p);
  using Algorithm::run;
  // Without coupling the replicas are independent: standard simulated annealing.
  std::string name() const override {
    return params_.gamma == 0.0 && params_.target_overlap == 0.0 ? "sa" : "rsa";
  }
  StepUnits units() const override { return {"stage", "iterations"}; }
  nlohmann::json parameters() const override;
  std::string unsupported(const NetworkShape& shape) const override;
  // Starts from random configurations or from saved networks (WarmStart: one network for every
  // replica or exactly y, optionally with the schedule the saved run ended at).
  TrainResult run(const TrainingProblem& problem, Observer& observer,
                  const WarmStart& start) override;
  const RsaParameters& params() const { return params_; }

 private:
  RsaParameters params_;
};

}  // namespace robens
