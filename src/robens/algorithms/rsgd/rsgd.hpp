#pragma once
// Replicated SGD (spec rsgd.md; PNAS 2016 "Replicated GD", Eq. 10): y replicas of a binary
// committee machine, each with continuous hidden weights whose signs are the binary weights,
// trained by minibatch SGD on the minimum-flips loss and pulled towards their (traced-out) centre
// with strength γ, which grows every epoch. y = 1, λ = 0 is plain two-level SGD.
#include <string>

#include "robens/algorithms/algorithm.hpp"
#include "robens/algorithms/schedule.hpp"

namespace robens {

enum class KickFormula { simple, corrected, hard, continuous };
std::string to_string(KickFormula f);
KickFormula parse_kick_formula(const std::string& s);

struct RsgdParameters {
  int replicas = 7;                        // y
  Schedule eta{2.0, 1.0, 0.0};             // SGD step η (× eta.factor per epoch)
  Schedule lambda{0.75, 1.0, 0.0};         // kick step λ (the paper's η′)
  Schedule gamma{0.05, 1.0, 0.001};        // coupling γ (+ gamma.step per epoch)
  int batch = 80;                          // minibatch size
  long max_epochs = 10000;
  KickFormula formula = KickFormula::simple;
  bool init_equal = true;                  // all replicas start from the same configuration
  bool explicit_center = false;            // keep a centre network with its own weights
  bool wait_center = false;                // only the centre reaching zero errors stops the run

  // The non-interacting baseline: one replica, no kick.
  static RsgdParameters plain_sgd();
  void validate() const;  // throws InputError
  nlohmann::json to_json() const;
};

class ReplicatedSgd final : public Algorithm {
 public:
  explicit ReplicatedSgd(RsgdParameters p);
  // The one-replica, no-kick case is the plain SGD baseline and says so in every output.
  std::string name() const override {
    return params_.replicas == 1 && params_.lambda.start == 0.0 ? "sgd" : "rsgd";
  }
  nlohmann::json parameters() const override { return params_.to_json(); }
  TrainResult run(const TrainingProblem& problem, Observer& observer) override;

 private:
  RsgdParameters params_;
};

}  // namespace robens
