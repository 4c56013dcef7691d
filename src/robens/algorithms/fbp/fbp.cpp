#include "robens/algorithms/fbp/fbp.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "robens/core/error.hpp"
#include "robens/core/rng.hpp"
#include "robens/core/version.hpp"

namespace robens {

std::string to_string(WriteOutfile w) {
  switch (w) {
    case WriteOutfile::automatic:
      return "auto";
    case WriteOutfile::always:
      return "always";
    case WriteOutfile::never:
      return "never";
  }
  return "?";
}

WriteOutfile parse_write_outfile(const std::string& s) {
  if (s == "auto") return WriteOutfile::automatic;
  if (s == "always") return WriteOutfile::always;
  if (s == "never") return WriteOutfile::never;
  fail("unknown --write-outfile value '{}' (expected auto, always or never)", s);
}

namespace {

// Julia-style text of a double: shortest round-trip digits, "Inf", "-Inf", "NaN".
std::string number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  return fmt::format("{}", v);
}

// JSON cannot hold ±∞ or NaN: those become strings.
nlohmann::json json_number(double v) {
  if (std::isfinite(v)) return v;
  return number_text(v);
}

}  // namespace

std::string messages_file_for(const std::string& tmpl, double gamma) {
  std::string out = tmpl;
  const std::string key = "%gamma%";
  const auto pos = out.find(key);
  if (pos != std::string::npos) out.replace(pos, key.size(), number_text(gamma));
  return out;
}

FbpParameters FbpParameters::reinforced_bp() {
  FbpParameters p;
  p.rule = FocusingRule::reinforcement;
  p.write_outfile = WriteOutfile::never;
  return p;
}

void FbpParameters::validate() const {
  require(damping >= 0 && damping < 1, "--damping must be in [0, 1) (got {})", damping);
  require(epsilon > 0 && std::isfinite(epsilon), "--epsilon must be a positive number (got {})",
          epsilon);
  require(max_iters >= 0, "--max-iters must be non-negative (got {})", max_iters);
  require(start_step >= 1, "--start-step must be at least 1 (got {})", start_step);
  require(randfact >= 0 && randfact <= 1, "--randfact must be in [0, 1] (got {})", randfact);
  require(messages_template.empty() || messages_template.find("%gamma%") != std::string::npos,
          "--messages-template must contain %gamma% (got '{}')", messages_template);
  if (rule == FocusingRule::reinforcement)
    require(write_outfile != WriteOutfile::always && outfile.empty(),
            "rBP has no thermodynamic quantities: --outfile and --write-outfile always are fBP "
            "options");
  (void)protocol.steps();  // validates the protocol text
}

nlohmann::json FbpParameters::to_json() const {
  nlohmann::json j = protocol.to_json();
  if (rule == FocusingRule::reinforcement) j = {{"rho", protocol.rho}};
  j["rule"] = rule == FocusingRule::focusing ? "focusing (Eq. 7)" : "reinforcement (Eq. 8)";
  j["accuracy1"] = to_string(accuracy1);
  j["accuracy2"] = to_string(accuracy2);
  j["format"] = to_string(format);
  j["damping"] = damping;
  j["epsilon"] = epsilon;
  j["max_iters"] = max_iters;
  j["max_steps"] = max_steps;
  j["start_step"] = start_step;
  j["randfact"] = randfact;
  j["outatzero"] = outatzero;
  j["write_outfile"] = to_string(write_outfile);
  j["threads"] = threads;
  if (!outfile.empty()) j["outfile"] = outfile;
  if (!messages_template.empty()) j["messages_template"] = messages_template;
  if (!load_messages.empty()) j["load_messages"] = load_messages;
  if (!save_messages.empty()) j["save_messages"] = save_messages;
  return j;
}

FocusingBp::FocusingBp(FbpParameters p) : params_(std::move(p)) {
  params_.validate();
}

TrainResult FocusingBp::run(const TrainingProblem& problem, Observer& observer) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const FbpParameters& p = params_;
  const NetworkShape& shape = problem.shape;
  const std::size_t N = shape.inputs, K = shape.units, M = problem.patterns.size();
  const bool thermo = p.thermodynamics();
  if (thermo)
    require(K % 2 == 1, "thermodynamic quantities need an odd number of hidden units K (got {})",
            K);

  // The focusing steps: (γ, y) for fBP, ρ (stored as y = ρ) for rBP.
  std::vector<FocusingStep> steps;
  if (p.rule == FocusingRule::focusing) {
    steps = p.protocol.steps();
  } else {
    for (double rho : parse_ranges(p.protocol.rho, "--rho")) {
      require(rho >= 0 && rho <= 1, "--rho values must be in [0, 1] (got {})", rho);
      steps.push_back({bp::kInf, rho});
    }
  }

  const nlohmann::json run_meta = {{"version", kVersion},
                                   {"algorithm", name()},
                                   {"seed", problem.seed},
                                   {"params", p.to_json()}};
  FbpMessages initial;
  if (!p.load_messages.empty()) {
    initial = read_messages(p.load_messages).converted(p.format);
    require(initial.n == N && initial.k == K && initial.m == M,
            "messages file {} is for N={} K={} M={} but the problem has N={} K={} M={}",
            p.load_messages, initial.n, initial.k, initial.m, N, K, M);
  } else {
    initial = FbpMessages::random(p.format, N, K, M, p.randfact, problem.seed);
  }
  FbpEngine::Config config{p.accuracy1, p.accuracy2, p.damping, p.threads};
  FbpEngine engine(problem.patterns, shape, std::move(initial), config);

  std::ofstream out;
  if (thermo && !p.outfile.empty()) {
    const bool exists = std::filesystem::exists(p.outfile);
    out.open(p.outfile, std::ios::app);
    require(out.good(), "cannot write {}", p.outfile);
    if (!exists)
      out << "#1=pol 2=y 3=\u03b2 4=S 5=q 6=q\u0303 7=\u03b2F 8=\U0001d4e2\u1d62\u2099\u209c "
             "9=E\u0303\n";
    out << "# robens " << run_meta.dump() << "\n";
    out.flush();
  }

  TrainResult result;
  result.step_unit = "iterations";
  long sweeps = 0, converged_steps = 0, steps_done = 0;
  long errors = engine.errors();
  long best = errors;
  bool finished = !p.load_messages.empty() && p.outatzero && errors == 0;  // already a solution
  const std::size_t first = static_cast<std::size_t>(p.start_step - 1);
  const std::size_t last =
      p.max_steps < 0 ? steps.size()
                      : std::min(steps.size(), first + static_cast<std::size_t>(p.max_steps));
  for (std::size_t t = first; t < last && !finished; ++t) {
    const FocusingStep& s = steps[t];
    if (p.rule == FocusingRule::focusing) {
      engine.set_focusing(s.gamma, s.y);
    } else {
      engine.set_reinforcement(s.y);
    }
    engine.set_outfields();
    Rng rng(problem.seed, StreamPurpose::schedule,
            t + 1);  // per step: a resumed run repeats it exactly
    bool ok = false;
    long its = 0;
    double delta = std::numeric_limits<double>::quiet_NaN();
    while (its < p.max_iters) {
      delta = engine.sweep(rng);
      ++its;
      ++sweeps;
      if (delta < p.epsilon) {
        ok = true;
        break;
      }
      if (observer.stop_requested()) break;
    }
    converged_steps += ok ? 1 : 0;
    ++steps_done;
    errors = engine.errors();
    best = std::min(best, errors);

    StepRecord rec;
    rec.step = static_cast<long>(t + 1);
    rec.errors = errors;
    rec.best_errors = best;
    rec.data = {{"step", t + 1},
                {"sweeps", its},
                {"converged", ok},
                {"delta", json_number(delta)},
                {"errors", errors}};
    if (p.rule == FocusingRule::focusing) {
      rec.data["gamma"] = json_number(s.gamma);
      rec.data["pol"] = std::tanh(s.gamma);
      rec.data["y"] = json_number(s.y);
    } else {
      rec.data["rho"] = s.y;
    }
    if (thermo) {
      const FbpThermodynamics th = engine.thermodynamics();
      rec.data["S"] = json_number(th.overlap);
      rec.data["distance"] = json_number(th.distance);
      rec.data["q"] = json_number(th.q);
      rec.data["q_reference"] = json_number(th.q_reference);
      rec.data["beta_F"] = json_number(th.beta_f);
      rec.data["local_entropy"] = json_number(th.local_entropy);
      if (out.is_open() && (ok || p.write_outfile == WriteOutfile::always)) {
        out << fmt::format("{} {} Inf {} {} {} {} {} {}\n", number_text(std::tanh(s.gamma)),
                           number_text(s.y), number_text(th.overlap), number_text(th.q),
                           number_text(th.q_reference), number_text(th.beta_f),
                           number_text(th.local_entropy), errors);
        out.flush();
      }
    }
    if (!p.messages_template.empty()) {
      nlohmann::json meta = run_meta;
      meta["step"] = t + 1;
      write_messages(messages_file_for(p.messages_template, s.gamma), engine.messages(),
                     meta.dump());
    }
    observer.on_step(rec);
    if (!thermo && errors == 0) finished = true;
    if (observer.stop_requested()) {
      result.interrupted = !finished;
      break;
    }
  }
  if (!p.save_messages.empty()) {
    nlohmann::json meta = run_meta;
    meta["steps_done"] = first + static_cast<std::size_t>(steps_done);
    write_messages(p.save_messages, engine.messages(), meta.dump());
  }

  result.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  result.steps = sweeps;
  result.center = engine.network();
  result.errors = errors;
  result.min_errors = best;
  result.solved = errors == 0;
  result.extra = {{"focusing_steps", steps_done},
                  {"converged_steps", converged_steps},
                  {"protocol_steps", steps.size()},
                  {"last_step", first + static_cast<std::size_t>(steps_done)}};
  return result;
}

}  // namespace robens
