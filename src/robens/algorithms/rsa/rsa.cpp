#include "robens/algorithms/rsa/rsa.hpp"

#include <algorithm>
#include <cmath>

#include "robens/algorithms/rsa/rsa_kernels.hpp"
#include "robens/core/error.hpp"

namespace robens {

RsaParameters RsaParameters::standard_sa() {
  RsaParameters p;
  p.gamma = 0;
  p.gamma_factor = 1;
  p.move_rule = RsaMoveRule::uniform;
  return p;
}

void RsaParameters::validate() const {
  rsa_parameter_table().check(*this);
  require(beta_max >= beta, "beta_max must be >= beta (got {} < {})", beta_max, beta);
  require(gamma_max >= gamma, "gamma_max must be >= gamma (got {} < {})", gamma_max, gamma);
  require(min_iterations <= max_iterations,
          "min_iterations must be at most max_iterations (got {} > {})", min_iterations,
          max_iterations);
  require(min_iterations == 0 || target_overlap > 0,
          "min_iterations applies to the overlap-controlled mode (target_overlap)");
  if (target_overlap > 0) {
    require(replicas >= 2, "target_overlap needs y >= 2 replicas");
    require(gamma > 0, "target_overlap needs a positive starting gamma");
  }
  if (sampler == RsaSampler::metropolis && reference == RsaReference::explicit_centre)
    require(move_rule == RsaMoveRule::uniform,
            "move_rule {} applies to the traced reference; use move_rule uniform (or sampler rrr) "
            "with reference explicit",
            to_string(move_rule));
  if (sampler == RsaSampler::metropolis && move_rule != RsaMoveRule::uniform)
    require(replicas >= 2, "move_rule {} needs y >= 2 replicas (use move_rule uniform for y = 1)",
            to_string(move_rule));
}

ReplicatedAnnealing::ReplicatedAnnealing(RsaParameters p) : params_(std::move(p)) {
  params_.validate();
}

nlohmann::json ReplicatedAnnealing::parameters() const {
  return rsa_parameter_table().to_json(params_);
}

std::string ReplicatedAnnealing::unsupported(const NetworkShape& shape) const {
  return unsupported_energy(params_.energy, shape);
}

namespace {

// Solver codes: the centre, a replica index (>= 0), every replica (overlap mode), or nobody.
constexpr int kCentre = -1, kNobody = -2;

// One run of the sampler: the ensemble, its move kernel, the schedule and the bookkeeping.
class RsaRun {
 public:
  RsaRun(const RsaParameters& p, const TrainingProblem& problem, const WarmStart& start,
         Observer& observer)
      : p_(p), problem_(problem), observer_(observer), y_(p.replicas) {
    kind_ = resolve_energy(p.energy, problem.shape);
    auto columns = std::make_shared<const PatternColumns>(problem.patterns, problem.shape);
    if (p.reference == RsaReference::traced)
      ens_ = std::make_unique<TracedEnsemble>(y_, kind_, columns, problem.seed);
    else
      ens_ = std::make_unique<ExplicitEnsemble>(y_, kind_, columns, problem.seed);
    start_from(start);
    kernel_ = make_kernel();
    const auto sweep = static_cast<long>(ens_->weights()) * y_;
    stage_moves_ = p.stage_moves > 0 ? p.stage_moves : sweep;
    block_ = p.block_iterations > 0 ? p.block_iterations : sweep;
    best_ = ens_->centre().errors();
    for (int a = 0; a < y_; ++a) best_ = std::min(best_, ens_->replica(a).errors());
    last_block_q_ = ens_->mean_overlap();
  }

  TrainResult run() {
    if (p_.target_overlap > 0)
      run_overlap_controlled();
    else
      run_annealing();
    emit(stage_ + 1);
    return result();
  }

 private:
  // Random configurations, or the warm start's networks and (optionally) its final β, γ.
  void start_from(const WarmStart& start) {
    beta_ = p_.beta;
    gamma_ = p_.gamma;
    beta_max_ = p_.beta_max;
    gamma_max_ = p_.gamma_max;
    std::vector<BinaryNetwork> init;
    if (!start.empty()) {
      require(start.state == nullptr, "rsa starts from saved networks, not from {}", start.source);
      require(!p_.init_equal, "init_equal and a warm start (--init-from) exclude each other");
      init = start.starting_networks(static_cast<std::size_t>(y_), problem_.shape);
      continue_schedule(start);
    } else {
      for (int a = 0; a < y_; ++a) {
        Rng rng(problem_.seed, StreamPurpose::init,
                p_.init_equal ? 0U : static_cast<std::uint64_t>(a));
        init.push_back(BinaryNetwork::random(problem_.shape, rng));
      }
    }
    ens_->set_parameters(beta_, gamma_);
    ens_->set_state(init);
  }

  // A saved schedule continues a run: its β and γ, with the caps raised to them if lower.
  void continue_schedule(const WarmStart& start) {
    if (start.schedule.empty()) return;
    require(start.schedule.contains("beta") && start.schedule["beta"].is_number() &&
                start.schedule.contains("gamma") && start.schedule["gamma"].is_number(),
            "{}: records no final beta/gamma (not an rsa result file, or written by an older "
            "robens)",
            start.source);
    beta_ = start.schedule["beta"].get<double>();
    gamma_ = start.schedule["gamma"].get<double>();
    beta_max_ = std::max(beta_max_, beta_);
    gamma_max_ = std::max(gamma_max_, gamma_);
  }

  std::unique_ptr<MoveKernel> make_kernel() {
    if (p_.sampler == RsaSampler::rrr) return make_rrr_kernel(*ens_);
    if (p_.move_rule == RsaMoveRule::uniform) return make_metropolis_kernel(*ens_);
    if (p_.move_rule == RsaMoveRule::eq9)
      return make_eq9_kernel(static_cast<TracedEnsemble&>(*ens_));
    return make_coupling_rrr_kernel(static_cast<TracedEnsemble&>(*ens_));
  }

  // One proposal; returns the replica of an accepted flip (-1: the centre), or nullopt.
  std::optional<int> propose(Rng& rng) {
    const long s = kernel_->step(rng);
    ++it_;
    if (s < 0) return std::nullopt;
    ++accepted_;
    ++accepted_stage_;
    const int a = ens_->replica_of(static_cast<std::size_t>(s));
    const long e_a = a >= 0 ? ens_->replica(a).errors() : ens_->centre().errors();
    best_ = std::min({best_, e_a, ens_->centre().errors()});
    return a;
  }

  void set_schedule(double beta, double gamma) {
    beta_ = beta;
    gamma_ = gamma;
    ens_->set_parameters(beta_, gamma_);
    kernel_->parameters_changed();
  }

  bool stop_polled() {
    if ((it_ & 4095) != 0 || !observer_.stop_requested()) return false;
    interrupted_ = true;
    return true;
  }

  // PNAS scoping: stop at the first solution; β and γ grow after every stage.
  void run_annealing() {
    // A zero-energy start (tiny problems) is solved at iteration 0.
    if (ens_->centre().errors() == 0) solver_ = kCentre;
    for (int a = 0; a < y_ && solver_ == kNobody; ++a)
      if (ens_->replica(a).errors() == 0) solver_ = a;
    Rng rng(problem_.seed, StreamPurpose::sampler);
    while (solver_ == kNobody && it_ < p_.max_iterations) {
      if (const auto a = propose(rng)) {
        if (*a >= 0 && ens_->replica(*a).errors() == 0)
          solver_ = *a;
        else if (ens_->centre().errors() == 0)
          solver_ = kCentre;
        if (solver_ != kNobody) break;
      }
      if (accepted_stage_ >= stage_moves_) {
        accepted_stage_ = 0;
        ++stage_;
        set_schedule(std::min(beta_ * p_.beta_factor, beta_max_),
                     std::min(gamma_ * p_.gamma_factor, gamma_max_));
        emit(stage_);
      }
      if (stop_polled()) break;
    }
  }

  // PRL: γ follows the mean overlap block by block; stop when every replica is a solution with
  // the last block on target.
  void run_overlap_controlled() {
    double q_sum = 0;
    long q_count = 0;
    Rng rng(problem_.seed, StreamPurpose::sampler);
    while (solver_ == kNobody && it_ < p_.max_iterations) {
      propose(rng);
      q_sum += ens_->mean_overlap();
      ++q_count;
      if (it_ % block_ == 0) {
        end_block(q_sum / static_cast<double>(q_count));
        q_sum = 0;
        q_count = 0;
      }
      if (stop_polled()) break;
    }
  }

  void end_block(double q) {
    last_block_q_ = q;
    ++stage_;
    const bool on_target = std::abs(q - p_.target_overlap) <= p_.overlap_tolerance;
    if (on_target && it_ >= p_.min_iterations && all_replicas_solved()) {
      solver_ = y_;
    } else {
      const double gamma =
          std::clamp(gamma_ * std::exp(p_.gamma_gain * (p_.target_overlap - q)), 1e-6, gamma_max_);
      set_schedule(on_target ? std::min(beta_ * p_.beta_factor, beta_max_) : beta_, gamma);
    }
    emit(stage_);
  }

  bool all_replicas_solved() const {
    for (int a = 0; a < y_; ++a)
      if (ens_->replica(a).errors() != 0) return false;
    return true;
  }

  void emit(long step) {
    nlohmann::json energies = nlohmann::json::array(), errors = nlohmann::json::array();
    long e_min = ens_->replica(0).energy(), e_max = e_min;
    for (int a = 0; a < y_; ++a) {
      energies.push_back(ens_->replica(a).energy());
      errors.push_back(ens_->replica(a).errors());
      e_min = std::min(e_min, ens_->replica(a).energy());
      e_max = std::max(e_max, ens_->replica(a).energy());
    }
    const BinaryNetwork centre = ens_->centre().network();
    StepRecord rec;
    rec.step = step;
    rec.errors = ens_->centre().errors();
    rec.best_errors = best_;
    rec.network = &centre;
    rec.data = {{"stage", step},
                {"iterations", it_},
                {"accepted", accepted_},
                {"beta", beta_},
                {"gamma", gamma_},
                {"replica_energy_min", e_min},
                {"replica_energy_max", e_max},
                {"replica_energies", energies},
                {"replica_errors", errors},
                {"center_energy", ens_->centre().energy()},
                {"center_errors", ens_->centre().errors()},
                {"best_errors", best_},
                {"mean_overlap", ens_->mean_overlap()},
                {"center_overlap", ens_->centre_overlap()}};
    if (p_.target_overlap > 0) rec.data["block_overlap"] = last_block_q_;
    observer_.on_step(rec);
  }

  std::string solver_name() const {
    if (solver_ == kCentre) return "center";
    if (solver_ == y_) return "all replicas";
    if (solver_ >= 0) return "replica " + std::to_string(solver_ + 1);
    return "none";
  }

  TrainResult result() const {
    TrainResult r;
    r.step_unit = "iterations";
    r.steps = it_;
    r.interrupted = interrupted_;
    r.solved = solver_ != kNobody;
    r.solved_by = solver_name();
    // A replica that solved first is the answer unless the majority is a solution too.
    const bool replica_answer = solver_ >= 0 && solver_ < y_ && ens_->centre().errors() != 0;
    r.center = replica_answer ? ens_->replica(solver_).network() : ens_->centre().network();
    r.errors = replica_answer ? ens_->replica(solver_).errors() : ens_->centre().errors();
    r.min_errors = best_;
    nlohmann::json replica_errors = nlohmann::json::array();
    for (int a = 0; a < y_; ++a) {
      r.replicas.push_back(ens_->replica(a).network());
      replica_errors.push_back(ens_->replica(a).errors());
    }
    r.extra = {{"solved_by", r.solved_by},
               {"iteration_unit", "one proposed single-weight flip of one replica (y*N per sweep)"},
               {"kernel", kernel_->name()},
               {"energy", to_string(kind_)},
               {"accepted", accepted_},
               {"stages", stage_},
               {"final_beta", beta_},
               {"final_gamma", gamma_},
               {"mean_overlap", ens_->mean_overlap()},
               {"center_overlap", ens_->centre_overlap()},
               {"center_errors", ens_->centre().errors()},
               {"replica_errors", replica_errors}};
    return r;
  }

  const RsaParameters& p_;
  const TrainingProblem& problem_;
  Observer& observer_;
  int y_;
  EnergyKind kind_ = EnergyKind::min_flips;
  std::unique_ptr<ReplicaEnsemble> ens_;
  std::unique_ptr<MoveKernel> kernel_;
  double beta_ = 0, gamma_ = 0, beta_max_ = 0, gamma_max_ = 0;
  long stage_moves_ = 0, block_ = 0;
  long it_ = 0, accepted_ = 0, accepted_stage_ = 0, stage_ = 0;
  int solver_ = kNobody;
  long best_ = 0;
  double last_block_q_ = 0;
  bool interrupted_ = false;
};

}  // namespace

TrainResult ReplicatedAnnealing::run(const TrainingProblem& problem, Observer& observer,
                                     const WarmStart& start) {
  params_.validate();
  problem.shape.validate();
  const std::string why = unsupported(problem.shape);
  require(why.empty(), "{}", why);
  RsaRun run(params_, problem, start, observer);
  return run.run();
}

}  // namespace robens
