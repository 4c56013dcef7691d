#pragma once
// Replicated SGD (PNAS 2016 "Replicated GD", Eq. 10; docs/rsgd.md): y replicas of a binary
// committee machine, each with continuous hidden weights whose signs are the binary weights,
// trained by minibatch SGD on the minimum-flips loss and pulled towards their (traced-out) centre
// with strength γ, which grows every epoch. y = 1, λ = 0 is plain two-level SGD.
#include <string>

#include "robens/algorithms/algorithm.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/parameter_table.hpp"

namespace robens {

enum class KickFormula { simple, corrected, hard, continuous };
template <>
struct EnumNames<KickFormula> {
  static constexpr std::pair<KickFormula, const char*> values[] = {
      {KickFormula::simple, "simple"},
      {KickFormula::corrected, "corrected"},
      {KickFormula::hard, "hard"},
      {KickFormula::continuous, "continuous"}};
};

// Defaults here are the defaults everywhere (CLI, sweeps, Python): rsgd_parameter_table().
struct RsgdParameters {
  int replicas = 7;           // y
  double eta = 2.0;           // SGD step η on the continuous weights
  double eta_factor = 1.0;    // η is multiplied by this after every epoch
  double lambda = 0.75;       // kick step λ (the paper's η′)
  double lambda_factor = 1;   // λ is multiplied by this after every epoch
  double gamma = 0.05;        // coupling γ at the first epoch
  double gamma_step = 0.001;  // γ grows by this after every epoch (scoping)
  int batch = 80;             // minibatch size
  long max_epochs = 10000;
  KickFormula formula = KickFormula::simple;
  bool init_equal = true;        // all replicas start from the same configuration
  bool explicit_center = false;  // keep a centre network with its own weights
  bool wait_center = false;      // only the centre reaching zero errors stops the run

  // The non-interacting baseline: one replica, no kick.
  static RsgdParameters plain_sgd();
  void validate() const;  // every value against the table, then the combination (InputError)
};

const ParameterTable<RsgdParameters>& rsgd_parameter_table();

class ReplicatedSgd final : public Algorithm {
 public:
  explicit ReplicatedSgd(RsgdParameters p);
  using Algorithm::run;
  // The one-replica, no-kick case is the plain SGD baseline and says so in every output.
  std::string name() const override {
    return params_.replicas == 1 && params_.lambda == 0.0 ? "sgd" : "rsgd";
  }
  StepUnits units() const override { return {"epoch", "epochs"}; }
  nlohmann::json parameters() const override;
  std::string unsupported(const NetworkShape& shape) const override;
  // Starts from random weights, or from saved networks (their signs, every replica from the
  // centre or replica a from replica a).
  TrainResult run(const TrainingProblem& problem, Observer& observer,
                  const WarmStart& start) override;
  const RsgdParameters& params() const { return params_; }

 private:
  RsgdParameters params_;
};

}  // namespace robens
