#include "robens/algorithms/greedy/greedy.hpp"

#include <numeric>

#include "robens/algorithms/registry.hpp"
#include "robens/core/error.hpp"

namespace robens {

using P = GreedyParameters;

const ParameterTable<P>& greedy_parameter_table() {
  static const ParameterTable<P> table{
      param("energy", &P::energy,
            "auto (minflips for sign units, errors for relu) | minflips | errors"),
      param("restarts", &P::restarts, "random restarts after a local minimum").count().at_least(0),
      param("max_sweeps", &P::max_sweeps, "sweeps per start at most").count().at_least(1),
  };
  return table;
}

AlgorithmInfo greedy_algorithm() {
  return {"greedy",
          "greedy single-flip descent with random restarts (zero-temperature SA): a baseline",
          "perceptron, committee fc or tree (sign or relu units)",
          {"sweep", "iterations"},
          greedy_parameter_table().specs(),
          [](const nlohmann::json& values) -> std::unique_ptr<Algorithm> {
            return std::make_unique<GreedyDescent>(greedy_parameter_table().from_json(values));
          },
          nullptr};
}

GreedyDescent::GreedyDescent(P p) : params_(p) {
  greedy_parameter_table().check(params_);
}

nlohmann::json GreedyDescent::parameters() const {
  return greedy_parameter_table().to_json(params_);
}

std::string GreedyDescent::unsupported(const NetworkShape& shape) const {
  return unsupported_energy(params_.energy, shape);
}

TrainResult GreedyDescent::run(const TrainingProblem& problem, Observer& observer,
                               const WarmStart& start) {
  auto columns = std::make_shared<const PatternColumns>(problem.patterns, problem.shape);
  auto model = make_energy_model(resolve_energy(params_.energy, problem.shape), columns);
  std::vector<std::size_t> order(model->size());
  std::iota(order.begin(), order.end(), 0U);
  Rng rng(problem.seed, StreamPurpose::sampler);
  TrainResult r;
  r.step_unit = "iterations";
  long sweep = 0, best = -1;
  for (long attempt = 0; attempt <= params_.restarts && !r.solved && !r.interrupted; ++attempt) {
    Rng init(problem.seed, StreamPurpose::init, static_cast<std::uint64_t>(attempt));
    model->set_state(attempt == 0 && !start.empty() ? start.starting_networks(1, problem.shape)[0]
                                                    : BinaryNetwork::random(problem.shape, init));
    for (long s = 0; s < params_.max_sweeps && model->errors() > 0; ++s) {
      rng.shuffle(std::span<std::size_t>(order));
      bool improved = false;
      for (std::size_t j : order) {
        ++r.steps;
        if (model->delta(j) < 0) {
          model->flip(j);
          improved = true;
        }
      }
      best = best < 0 ? model->errors() : std::min(best, model->errors());
      const BinaryNetwork net = model->network();
      StepRecord rec{++sweep,
                     model->errors(),
                     best,
                     0,
                     &net,
                     nullptr,
                     {{"restart", attempt}, {"energy", model->energy()}}};
      observer.on_step(rec);
      if (!improved) break;  // a local minimum
      if (observer.stop_requested()) r.interrupted = true;
      if (r.interrupted) break;
    }
    r.solved = model->errors() == 0;
    if (r.solved || attempt == 0 || model->errors() < r.errors) r.center = model->network();
    r.errors = r.solved || attempt == 0 ? model->errors() : std::min(r.errors, model->errors());
  }
  r.min_errors = best < 0 ? r.errors : std::min(best, r.errors);
  r.solved_by = r.solved ? "center" : "none";
  r.extra = {{"sweeps", sweep}};
  return r;
}

}  // namespace robens
