#include "robens/algorithms/fbp/fbp.hpp"

#include <fmt/format.h>

#include <cmath>

#include "robens/algorithms/fbp/bp_fields.hpp"
#include "robens/algorithms/fbp/fbp_file_observers.hpp"
#include "robens/algorithms/fbp/fbp_messages.hpp"
#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"

namespace robens {
namespace {

// JSON cannot hold ±∞ or NaN: those become strings ("Inf", "-Inf", "NaN").
nlohmann::json json_number(double v) {
  if (std::isfinite(v)) return v;
  return fbp_number_text(v);
}

}  // namespace

std::string messages_file_for(const std::string& tmpl, double gamma) {
  std::string out = tmpl;
  const std::string key = "%gamma%";
  const auto pos = out.find(key);
  if (pos != std::string::npos) out.replace(pos, key.size(), fbp_number_text(gamma));
  return out;
}

FbpParameters FbpParameters::reinforced_bp() {
  FbpParameters p;
  p.rule = FocusingRule::reinforcement;
  p.write_outfile = WriteOutfile::never;
  return p;
}

FbpProtocol FbpParameters::focusing_protocol() const {
  return {protocol, rho, gamma, y, x, pairs};
}

std::vector<FocusingStep> FbpParameters::steps() const {
  if (rule == FocusingRule::focusing) return focusing_protocol().steps();
  std::vector<FocusingStep> out;
  for (double r : parse_ranges(rho, "rho")) {
    require(r >= 0 && r <= 1, "rho values must be in [0, 1] (got {})", r);
    out.push_back({bp::kInf, r});
  }
  return out;
}

void FbpParameters::validate() const {
  fbp_parameter_table().check(*this);
  require(messages_template.empty() || messages_template.find("%gamma%") != std::string::npos,
          "messages_template must contain %gamma% (got '{}')", messages_template);
  if (rule == FocusingRule::reinforcement)
    require(write_outfile != WriteOutfile::always && outfile.empty(),
            "rBP has no thermodynamic quantities: outfile and write_outfile always are fBP "
            "options");
  const std::size_t protocol_steps = steps().size();  // also validates the protocol text
  require(static_cast<unsigned long>(start_step) <= protocol_steps,
          "start_step must be in [1, {}] (the protocol has {} steps), got {}", protocol_steps,
          protocol_steps, start_step);
}

FocusingBp::FocusingBp(FbpParameters p) : params_(std::move(p)) {
  params_.validate();
}

nlohmann::json FocusingBp::parameters() const {
  const auto& table =
      params_.rule == FocusingRule::focusing ? fbp_parameter_table() : rbp_parameter_table();
  return table.to_json(params_);
}

std::string FocusingBp::unsupported(const NetworkShape& shape) const {
  if (shape.architecture == Architecture::tree && shape.units > 1)
    return "fBP/rBP support fully connected committees and perceptrons only (got a tree "
           "committee)";
  if (shape.activation != Activation::sign) return "fBP/rBP need sign hidden units (got relu)";
  if (params_.thermodynamics() && shape.units % 2 == 0)
    return fmt::format("thermodynamic quantities need an odd number of hidden units K (got {})",
                       shape.units);
  return "";
}

std::vector<std::unique_ptr<Observer>> FocusingBp::file_observers() const {
  return make_fbp_file_observers(params_);
}

namespace {

// One run: the engine, the protocol steps and the bookkeeping of the focusing loop.
class FbpRun {
 public:
  FbpRun(const FbpParameters& p, const TrainingProblem& problem, const WarmStart& start,
         Observer& observer)
      : p_(p),
        problem_(problem),
        observer_(observer),
        thermo_(p.thermodynamics()),
        steps_(p.steps()),
        engine_(problem.patterns, problem.shape, initial_messages(start),
                FbpEngine::Config{p.accuracy1, p.accuracy2, p.damping, p.threads}) {
    errors_ = engine_.errors();
    best_ = errors_;
    // Saved messages that already solve the problem need no step.
    finished_ = !start.empty() && p.outatzero && errors_ == 0;
  }

  TrainResult run() {
    const std::size_t first = static_cast<std::size_t>(p_.start_step - 1);
    const std::size_t last =
        p_.max_steps < 0 ? steps_.size()
                         : std::min(steps_.size(), first + static_cast<std::size_t>(p_.max_steps));
    bool interrupted = false;
    for (std::size_t t = first; t < last && !finished_; ++t) {
      focusing_step(t);
      if (!thermo_ && errors_ == 0) finished_ = true;
      if (observer_.stop_requested()) {
        interrupted = !finished_;
        break;
      }
    }
    TrainResult result;
    result.step_unit = "iterations";
    result.interrupted = interrupted;
    result.steps = sweeps_;
    result.center = engine_.network();
    result.errors = errors_;
    result.min_errors = best_;
    result.solved = errors_ == 0;
    result.solved_by = result.solved ? "center" : "none";
    result.extra = {{"focusing_steps", steps_done_},
                    {"converged_steps", converged_steps_},
                    {"protocol_steps", steps_.size()},
                    {"last_step", first + static_cast<std::size_t>(steps_done_)}};
    result.final_state = std::make_shared<FbpMessagesState>(engine_.messages());
    return result;
  }

 private:
  FbpMessages initial_messages(const WarmStart& start) const {
    const std::size_t n = problem_.shape.inputs, k = problem_.shape.units,
                      m = problem_.patterns.size();
    if (start.empty()) return random_messages(p_.format, n, k, m, p_.randfact, problem_.seed);
    const auto* saved = dynamic_cast<const FbpMessagesState*>(start.state.get());
    require(saved != nullptr, "fbp/rbp start from a message file (got networks from {})",
            start.source);
    FbpMessages msg = convert_messages(saved->messages, p_.format);
    require(msg.n == n && msg.k == k && msg.m == m,
            "messages file {} is for N={} K={} M={} but the problem has N={} K={} M={}",
            start.source, msg.n, msg.k, msg.m, n, k, m);
    return msg;
  }

  // Step t (0-based) of the protocol: set the focusing, iterate BP, report.
  void focusing_step(std::size_t t) {
    const FocusingStep& s = steps_[t];
    if (p_.rule == FocusingRule::focusing)
      engine_.set_focusing(s.gamma, s.y);
    else
      engine_.set_reinforcement(s.y);
    engine_.set_outfields();
    Rng rng(problem_.seed, StreamPurpose::schedule, t + 1);  // per step: a resumed run repeats it
    bool ok = false;
    long its = 0;
    double delta = std::numeric_limits<double>::quiet_NaN();
    while (its < p_.max_iters) {
      delta = engine_.sweep(rng);
      ++its;
      ++sweeps_;
      if (delta < p_.epsilon) {
        ok = true;
        break;
      }
      if (observer_.stop_requested()) break;
    }
    converged_steps_ += ok ? 1 : 0;
    ++steps_done_;
    errors_ = engine_.errors();
    best_ = std::min(best_, errors_);
    report(t, s, its, ok, delta);
  }

  void report(std::size_t t, const FocusingStep& s, long its, bool ok, double delta) {
    const BinaryNetwork net = engine_.network();
    const FbpStepState state(engine_.messages(), s.gamma);
    StepRecord rec;
    rec.step = static_cast<long>(t + 1);
    rec.errors = errors_;
    rec.best_errors = best_;
    rec.network = &net;
    rec.state = &state;
    rec.data = {{"step", t + 1},
                {"sweeps", its},
                {"converged", ok},
                {"delta", json_number(delta)},
                {"errors", errors_}};
    if (p_.rule == FocusingRule::focusing) {
      rec.data["gamma"] = json_number(s.gamma);
      rec.data["pol"] = std::tanh(s.gamma);
      rec.data["y"] = json_number(s.y);
    } else {
      rec.data["rho"] = s.y;
    }
    if (thermo_) {
      const FbpThermodynamics th = engine_.thermodynamics();
      rec.data["S"] = json_number(th.overlap);
      rec.data["distance"] = json_number(th.distance);
      rec.data["q"] = json_number(th.q);
      rec.data["q_reference"] = json_number(th.q_reference);
      rec.data["beta_F"] = json_number(th.beta_f);
      rec.data["local_entropy"] = json_number(th.local_entropy);
    }
    observer_.on_step(rec);
  }

  const FbpParameters& p_;
  const TrainingProblem& problem_;
  Observer& observer_;
  bool thermo_;
  std::vector<FocusingStep> steps_;
  FbpEngine engine_;
  long errors_ = 0, best_ = 0, sweeps_ = 0, converged_steps_ = 0, steps_done_ = 0;
  bool finished_ = false;
};

}  // namespace

TrainResult FocusingBp::run(const TrainingProblem& problem, Observer& observer,
                            const WarmStart& start) {
  const std::string why = unsupported(problem.shape);
  require(why.empty(), "{}", why);
  FbpRun run(params_, problem, start, observer);
  return run.run();
}

}  // namespace robens
