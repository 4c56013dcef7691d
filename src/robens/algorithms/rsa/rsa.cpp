#include "robens/algorithms/rsa/rsa.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/core/error.hpp"

namespace robens {

std::string to_string(RsaMoveRule r) {
  switch (r) {
    case RsaMoveRule::eq9:
      return "eq9";
    case RsaMoveRule::coupling_rrr:
      return "rrr";
    case RsaMoveRule::uniform:
      return "uniform";
  }
  return "?";
}
std::string to_string(RsaSampler s) {
  return s == RsaSampler::rrr ? "rrr" : "metropolis";
}
std::string to_string(RsaReference r) {
  return r == RsaReference::traced ? "traced" : "explicit";
}
RsaMoveRule parse_move_rule(const std::string& s) {
  if (s == "eq9") return RsaMoveRule::eq9;
  if (s == "rrr") return RsaMoveRule::coupling_rrr;
  if (s == "uniform") return RsaMoveRule::uniform;
  fail("unknown move rule '{}' (expected eq9, rrr or uniform)", s);
}
RsaSampler parse_sampler(const std::string& s) {
  if (s == "metropolis") return RsaSampler::metropolis;
  if (s == "rrr") return RsaSampler::rrr;
  fail("unknown sampler '{}' (expected metropolis or rrr)", s);
}
RsaReference parse_reference(const std::string& s) {
  if (s == "traced") return RsaReference::traced;
  if (s == "explicit") return RsaReference::explicit_centre;
  fail("unknown reference '{}' (expected traced or explicit)", s);
}

RsaParameters RsaParameters::standard_sa() {
  RsaParameters p;
  p.gamma = 0;
  p.gamma_factor = 1;
  return p;
}

void RsaParameters::validate() const {
  require(replicas >= 1 && replicas <= 1000, "--y must be between 1 and 1000 (got {})", replicas);
  auto finite_pos = [](double v) { return std::isfinite(v) && v > 0; };
  require(std::isfinite(beta) && beta >= 0, "--beta must be a non-negative finite number (got {})",
          beta);
  require(std::isfinite(gamma) && gamma >= 0,
          "--gamma must be a non-negative finite number (got {})", gamma);
  require(finite_pos(beta_factor) && beta_factor >= 1,
          "--beta-factor must be finite and >= 1 (got {})", beta_factor);
  require(finite_pos(gamma_factor) && gamma_factor >= 1,
          "--gamma-factor must be finite and >= 1 (got {})", gamma_factor);
  require(finite_pos(beta_max) && beta_max >= beta,
          "--beta-max must be finite and >= --beta (got {})", beta_max);
  require(std::isfinite(gamma_max) && gamma_max >= gamma && gamma_max <= 300,
          "--gamma-max must be >= --gamma and <= 300 (got {})", gamma_max);
  require(stage_moves >= 0, "--stage-moves must be >= 0 (got {})", stage_moves);
  require(max_iterations >= 1, "--max-iterations must be >= 1 (got {})", max_iterations);
  require(energy == "auto" || energy == "minflips" || energy == "errors",
          "--energy must be auto, minflips or errors (got '{}')", energy);
  require(std::isfinite(target_overlap) && target_overlap >= 0 && target_overlap < 1,
          "--target-overlap must be in [0, 1) (0: off; got {})", target_overlap);
  require(finite_pos(overlap_tolerance) && overlap_tolerance < 1,
          "--overlap-tolerance must be in (0, 1) (got {})", overlap_tolerance);
  require(finite_pos(gamma_gain), "--gamma-gain must be a positive finite number (got {})",
          gamma_gain);
  require(block_iterations >= 0, "--block-iterations must be >= 0 (got {})", block_iterations);
  require(min_iterations >= 0 && min_iterations <= max_iterations,
          "--min-iterations must be between 0 and --max-iterations (got {})", min_iterations);
  require(min_iterations == 0 || target_overlap > 0,
          "--min-iterations applies to the overlap-controlled mode (--target-overlap)");
  require(initial.empty() || initial.size() == 1 ||
              initial.size() == static_cast<std::size_t>(replicas),
          "initial configurations: expected 1 or y = {} networks (got {})", replicas,
          initial.size());
  require(initial.empty() || !init_equal,
          "--init-equal and starting configurations (--init-from) exclude each other");
  if (target_overlap > 0) {
    require(replicas >= 2, "--target-overlap needs y >= 2 replicas");
    require(gamma > 0, "--target-overlap needs a positive starting --gamma");
  }
  if (sampler == RsaSampler::metropolis && reference == RsaReference::explicit_centre)
    require(move_rule == RsaMoveRule::uniform,
            "--move-rule {} applies to the traced reference; use --move-rule uniform (or --sampler "
            "rrr) "
            "with --reference explicit",
            to_string(move_rule));
  if (sampler == RsaSampler::metropolis && move_rule != RsaMoveRule::uniform)
    require(replicas >= 2,
            "--move-rule {} needs y >= 2 replicas (use --move-rule uniform for y = 1)",
            to_string(move_rule));
}

nlohmann::json RsaParameters::to_json() const {
  return {{"y", replicas},
          {"reference", to_string(reference)},
          {"move_rule", to_string(move_rule)},
          {"sampler", to_string(sampler)},
          {"energy", energy},
          {"beta", beta},
          {"beta_factor", beta_factor},
          {"beta_max", beta_max},
          {"gamma", gamma},
          {"gamma_factor", gamma_factor},
          {"gamma_max", gamma_max},
          {"stage_moves", stage_moves},
          {"max_iterations", max_iterations},
          {"target_overlap", target_overlap},
          {"overlap_tolerance", overlap_tolerance},
          {"gamma_gain", gamma_gain},
          {"block_iterations", block_iterations},
          {"min_iterations", min_iterations},
          {"init_equal", init_equal},
          {"init_from", initial.empty() ? nlohmann::json(nullptr)
                                        : nlohmann::json({{"source", init_source},
                                                          {"networks", initial.size()}})},
          {"iteration_unit", "one proposed single-weight flip of one replica"}};
}

ReplicatedAnnealing::ReplicatedAnnealing(RsaParameters p) : params_(std::move(p)) {
  params_.validate();
}

TrainResult ReplicatedAnnealing::run(const TrainingProblem& problem, Observer& observer) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const RsaParameters& p = params_;
  p.validate();
  problem.shape.validate();
  const EnergyKind kind =
      p.energy == "auto" ? (problem.shape.activation == Activation::relu ? EnergyKind::errors
                                                                         : EnergyKind::min_flips)
                         : parse_energy_kind(p.energy);
  auto columns = std::make_shared<const PatternColumns>(problem.patterns, problem.shape);
  std::unique_ptr<ReplicaEnsemble> ens;
  if (p.reference == RsaReference::traced)
    ens = std::make_unique<TracedEnsemble>(p.replicas, kind, columns, problem.seed);
  else
    ens = std::make_unique<ExplicitEnsemble>(p.replicas, kind, columns, problem.seed);
  const int y = p.replicas;
  const std::size_t n = ens->weights();

  // Initial configurations.
  std::vector<BinaryNetwork> init;
  for (int a = 0; a < y; ++a) {
    if (!p.initial.empty()) {
      const BinaryNetwork& w = p.initial[p.initial.size() == 1 ? 0 : static_cast<std::size_t>(a)];
      require(w.shape == problem.shape,
              "starting configuration {}: its network ({}, {} inputs, K = {}, {}) does not match "
              "the problem ({}, {} inputs, K = {}, {})",
              a + 1, to_string(w.shape.architecture), w.shape.inputs, w.shape.units,
              to_string(w.shape.activation), to_string(problem.shape.architecture),
              problem.shape.inputs, problem.shape.units, to_string(problem.shape.activation));
      init.push_back(w);
      continue;
    }
    Rng rng(problem.seed, StreamPurpose::init, p.init_equal ? 0U : static_cast<std::uint64_t>(a));
    init.push_back(BinaryNetwork::random(problem.shape, rng));
  }
  double beta = p.beta, gamma = p.gamma;
  ens->set_parameters(beta, gamma);
  ens->set_state(init);

  std::unique_ptr<MoveKernel> kernel;
  if (p.sampler == RsaSampler::rrr)
    kernel = make_rrr_kernel(*ens);
  else if (p.move_rule == RsaMoveRule::uniform)
    kernel = make_metropolis_kernel(*ens);
  else if (p.move_rule == RsaMoveRule::eq9)
    kernel = make_eq9_kernel(static_cast<TracedEnsemble&>(*ens));
  else
    kernel = make_coupling_rrr_kernel(static_cast<TracedEnsemble&>(*ens));

  const bool overlap_mode = p.target_overlap > 0;
  const long stage_moves = p.stage_moves > 0 ? p.stage_moves : static_cast<long>(n) * y;
  const long block = p.block_iterations > 0 ? p.block_iterations : static_cast<long>(n) * y;

  long it = 0, accepted = 0, accepted_stage = 0, stage = 0;
  int solver = -2;  // −2 none, −1 centre, a ≥ 0 replica a, y: all replicas (overlap mode)
  long best = ens->centre().errors();
  for (int a = 0; a < y; ++a) best = std::min(best, ens->replica(a).errors());
  double q_block_sum = 0;
  long q_block_count = 0;
  double last_block_q = ens->mean_overlap();

  auto emit = [&](long step) {
    StepRecord rec;
    rec.step = step;
    rec.errors = ens->centre().errors();
    rec.best_errors = best;
    nlohmann::json energies = nlohmann::json::array(), errors = nlohmann::json::array();
    long e_min = ens->replica(0).energy(), e_max = e_min;
    for (int a = 0; a < y; ++a) {
      energies.push_back(ens->replica(a).energy());
      errors.push_back(ens->replica(a).errors());
      e_min = std::min(e_min, ens->replica(a).energy());
      e_max = std::max(e_max, ens->replica(a).energy());
    }
    rec.data = {{"stage", step},
                {"iterations", it},
                {"accepted", accepted},
                {"beta", beta},
                {"gamma", gamma},
                {"replica_energy_min", e_min},
                {"replica_energy_max", e_max},
                {"replica_energies", energies},
                {"replica_errors", errors},
                {"center_energy", ens->centre().energy()},
                {"center_errors", ens->centre().errors()},
                {"best_errors", best},
                {"mean_overlap", ens->mean_overlap()},
                {"center_overlap", ens->centre_overlap()},
                {"seconds", std::chrono::duration<double>(clock::now() - t0).count()}};
    if (overlap_mode) rec.data["block_overlap"] = last_block_q;
    observer.on_step(rec);
  };
  auto all_replicas_solved = [&] {
    for (int a = 0; a < y; ++a)
      if (ens->replica(a).errors() != 0) return false;
    return true;
  };

  // A zero-energy start (tiny problems) is solved at iteration 0.
  if (!overlap_mode) {
    if (ens->centre().errors() == 0) solver = -1;
    for (int a = 0; a < y && solver == -2; ++a)
      if (ens->replica(a).errors() == 0) solver = a;
  }
  bool interrupted = false;
  Rng rng(problem.seed, StreamPurpose::sampler);
  while (solver == -2 && it < p.max_iterations) {
    const long s = kernel->step(rng);
    ++it;
    if (s >= 0) {
      ++accepted;
      ++accepted_stage;
      const int a = ens->replica_of(static_cast<std::size_t>(s));
      const long e_a = a >= 0 ? ens->replica(a).errors() : ens->centre().errors();
      const long e_c = ens->centre().errors();
      best = std::min({best, e_a, e_c});
      if (!overlap_mode) {
        if (a >= 0 && e_a == 0)
          solver = a;
        else if (e_c == 0)
          solver = -1;
        if (solver != -2) break;
      }
    }
    if (overlap_mode) {
      q_block_sum += ens->mean_overlap();
      ++q_block_count;
      if (it % block == 0) {
        const double q = q_block_sum / static_cast<double>(q_block_count);
        last_block_q = q;
        q_block_sum = 0;
        q_block_count = 0;
        ++stage;
        const bool on_target = std::abs(q - p.target_overlap) <= p.overlap_tolerance;
        if (on_target && it >= p.min_iterations && all_replicas_solved()) {
          solver = y;
        } else {
          gamma = std::clamp(gamma * std::exp(p.gamma_gain * (p.target_overlap - q)), 1e-6,
                             p.gamma_max);
          if (on_target) beta = std::min(beta * p.beta_factor, p.beta_max);
          ens->set_parameters(beta, gamma);
          kernel->parameters_changed();
        }
        emit(stage);
      }
    } else if (accepted_stage >= stage_moves) {
      accepted_stage = 0;
      ++stage;
      beta = std::min(beta * p.beta_factor, p.beta_max);
      gamma = std::min(gamma * p.gamma_factor, p.gamma_max);
      ens->set_parameters(beta, gamma);
      kernel->parameters_changed();
      emit(stage);
    }
    if ((it & 4095) == 0 && observer.stop_requested()) {
      interrupted = true;
      break;
    }
  }
  emit(stage + 1);

  TrainResult result;
  result.step_unit = "iterations";
  result.steps = it;
  result.interrupted = interrupted;
  result.solved = solver != -2;
  const BinaryNetwork majority = ens->centre().network();
  result.center = solver >= 0 && solver < y && ens->centre().errors() != 0
                      ? ens->replica(solver).network()
                      : majority;
  result.errors = solver >= 0 && solver < y && ens->centre().errors() != 0
                      ? ens->replica(solver).errors()
                      : ens->centre().errors();
  result.min_errors = best;
  nlohmann::json replica_errors = nlohmann::json::array();
  for (int a = 0; a < y; ++a) {
    result.replicas.push_back(ens->replica(a).network());
    replica_errors.push_back(ens->replica(a).errors());
  }
  result.seconds = std::chrono::duration<double>(clock::now() - t0).count();
  result.extra = {
      {"solved_by", solver == -1  ? std::string("center")
                    : solver == y ? std::string("all replicas")
                    : solver >= 0 ? "replica " + std::to_string(solver + 1)
                                  : std::string("none")},
      {"iteration_unit", "one proposed single-weight flip of one replica (y*N per sweep)"},
      {"kernel", kernel->name()},
      {"energy", to_string(kind)},
      {"accepted", accepted},
      {"stages", stage},
      {"final_beta", beta},
      {"final_gamma", gamma},
      {"mean_overlap", ens->mean_overlap()},
      {"center_overlap", ens->centre_overlap()},
      {"center_errors", ens->centre().errors()},
      {"replica_errors", replica_errors}};
  return result;
}

}  // namespace robens
