#pragma once
// Focusing belief propagation (fBP, PNAS 2016 "Replicated BP", Eq. 7) and classic reinforced BP
// (rBP, Eq. 8) for binary perceptrons and fully connected committee machines (spec fbp.md).
// The outer loop runs the protocol's focusing steps; each step iterates BP sweeps until the
// largest message change is below epsilon (or max_iters sweeps), then reports one StepRecord.
#include <string>

#include "robens/algorithms/algorithm.hpp"
#include "robens/algorithms/fbp/fbp_engine.hpp"
#include "robens/algorithms/fbp/fbp_protocol.hpp"

namespace robens {

// When thermodynamic quantities are computed and written (spec §5.2, quirk Q6): `automatic`
// computes them iff !outatzero; a run that computes them never stops early at zero errors.
enum class WriteOutfile { automatic, always, never };
std::string to_string(WriteOutfile w);
WriteOutfile parse_write_outfile(const std::string& s);  // auto | always | never

struct FbpParameters {
  FocusingRule rule = FocusingRule::focusing;
  FbpProtocol protocol;  // rBP uses protocol.rho as its ρ sequence
  FactorAccuracy accuracy1 = FactorAccuracy::accurate;
  FactorAccuracy accuracy2 = FactorAccuracy::exact;
  MessageFormat format = MessageFormat::tanh;
  double damping = 0.5;
  double epsilon = 1e-3;
  long max_iters = 1;     // BP sweeps per focusing step
  long max_steps = -1;    // focusing steps to run (< 0: the whole protocol)
  long start_step = 1;    // first protocol step (1-based; resuming a run)
  double randfact = 0.1;  // amplitude of the random initial messages
  bool outatzero = true;  // stop at zero training errors
  WriteOutfile write_outfile = WriteOutfile::automatic;
  std::string outfile;            // per-step text table (appended), "" = none
  std::string messages_template;  // per-step message files, must contain %gamma%
  std::string load_messages;      // start from these messages instead of random ones
  std::string save_messages;      // write the final messages here
  int threads = 1;                // OpenMP threads (≤ 0: all); results do not depend on it

  static FbpParameters reinforced_bp();  // rule Eq. 8 with its own defaults
  // Whether focusing steps compute the thermodynamic quantities (and never stop early).
  bool thermodynamics() const {
    return rule == FocusingRule::focusing &&
           (write_outfile == WriteOutfile::always ||
            (write_outfile == WriteOutfile::automatic && !outatzero));
  }
  void validate() const;  // throws InputError
  nlohmann::json to_json() const;
};

class FocusingBp final : public Algorithm {
 public:
  explicit FocusingBp(FbpParameters p);
  std::string name() const override {
    return params_.rule == FocusingRule::focusing ? "fbp" : "rbp";
  }
  nlohmann::json parameters() const override { return params_.to_json(); }
  TrainResult run(const TrainingProblem& problem, Observer& observer) override;
  const FbpParameters& params() const { return params_; }

 private:
  FbpParameters params_;
};

// The file name for step γ: "%gamma%" replaced by the decimal text of γ ("0.5", "Inf").
std::string messages_file_for(const std::string& tmpl, double gamma);

}  // namespace robens
