#pragma once
// Focusing belief propagation (fBP, PNAS 2016 "Replicated BP", Eq. 7) and classic reinforced BP
// (rBP, Eq. 8) for binary perceptrons and fully connected committee machines (docs/fbp.md).
// The outer loop runs the protocol's focusing steps; each step iterates BP sweeps until the
// largest message change is below epsilon (or max_iters sweeps), then reports one StepRecord.
// Message and thermodynamics files are written by observers (fbp_file_observers.hpp) that the
// runner attaches; a run starts from saved messages through a WarmStart holding FbpMessagesState.
#include <string>

#include "robens/algorithms/algorithm.hpp"
#include "robens/algorithms/fbp/fbp_engine.hpp"
#include "robens/algorithms/fbp/fbp_protocol.hpp"
#include "robens/core/enum_names.hpp"
#include "robens/core/parameter_table.hpp"

namespace robens {

// When thermodynamic quantities are computed and written (docs/fbp.md): `automatic` computes
// them iff !outatzero; a run that computes them never stops early at zero errors.
enum class WriteOutfile { automatic, always, never };
template <>
struct EnumNames<WriteOutfile> {
  static constexpr std::pair<WriteOutfile, const char*> values[] = {
      {WriteOutfile::automatic, "auto"},
      {WriteOutfile::always, "always"},
      {WriteOutfile::never, "never"}};
};

// Defaults here are the defaults everywhere (CLI, sweeps, Python): fbp_parameter_table().
struct FbpParameters {
  FocusingRule rule = FocusingRule::focusing;
  // The focusing protocol (fbp_protocol.hpp); rBP uses `rho` as its ρ sequence.
  ProtocolKind protocol = ProtocolKind::standard;
  std::string rho = "0:0.002:0.998";  // standard, pseudo, rBP: the ρ sequence
  std::string gamma = "0:0.1:10";     // scoping: the γ sequence
  double y = 7;                       // scoping: fixed y
  double x = 0.5;                     // pseudo: mapping exponent
  std::string pairs;                  // free: "γ:y[:β],γ:y,..."
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
  int threads = 1;  // OpenMP threads (≤ 0: all); results do not depend on it
  // Output files (written by observers, fbp_file_observers.hpp; "" = none).
  std::string outfile;            // per-step thermodynamics table (appended)
  std::string messages_template;  // per-step message files, must contain %gamma%
  std::string save_messages;      // the final messages

  static FbpParameters reinforced_bp();  // rule Eq. 8 with its own defaults
  FbpProtocol focusing_protocol() const;
  // The (γ, y) of each focusing step; for rBP y holds ρ and γ = ∞. Validates (InputError).
  std::vector<FocusingStep> steps() const;
  // Whether focusing steps compute the thermodynamic quantities (and never stop early).
  bool thermodynamics() const {
    return rule == FocusingRule::focusing &&
           (write_outfile == WriteOutfile::always ||
            (write_outfile == WriteOutfile::automatic && !outatzero));
  }
  void validate() const;  // every value against the table, then the combination
};

const ParameterTable<FbpParameters>& fbp_parameter_table();
// rBP's view of the same table: no protocol and no thermodynamics.
const ParameterTable<FbpParameters>& rbp_parameter_table();

// fBP's messages as a saved or final state (warm starts, TrainResult::final_state).
struct FbpMessagesState : RunState {
  explicit FbpMessagesState(FbpMessages m) : messages(std::move(m)) {}
  FbpMessages messages;
};
// At a step (StepRecord::state): the engine's messages and the step's γ, valid during on_step.
struct FbpStepState : RunState {
  FbpStepState(const FbpMessages& m, double g) : messages(m), gamma(g) {}
  const FbpMessages& messages;
  double gamma;
};

class FocusingBp final : public Algorithm {
 public:
  explicit FocusingBp(FbpParameters p);
  using Algorithm::run;
  std::string name() const override {
    return params_.rule == FocusingRule::focusing ? "fbp" : "rbp";
  }
  StepUnits units() const override { return {"step", "iterations"}; }
  nlohmann::json parameters() const override;
  std::string unsupported(const NetworkShape& shape) const override;
  std::vector<std::unique_ptr<Observer>> file_observers() const override;
  // Starts from random messages, or from saved ones (start.state is an FbpMessagesState).
  TrainResult run(const TrainingProblem& problem, Observer& observer,
                  const WarmStart& start) override;
  const FbpParameters& params() const { return params_; }

 private:
  FbpParameters params_;
};

// The file name for step γ: "%gamma%" replaced by the decimal text of γ ("0.5", "Inf").
std::string messages_file_for(const std::string& tmpl, double gamma);

}  // namespace robens
