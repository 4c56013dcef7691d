// `robens train --algo rsa` (replicated simulated annealing) and `--algo sa` (the same driver with
// gamma = 0: y independent standard SA runs, the PNAS Fig. 2 baseline).
#include <algorithm>

#include "robens/io/network_file.hpp"
#include "robens/algorithms/rsa/rsa.hpp"
#include "robens/cli/algorithm_cli.hpp"
#include "robens/cli/count_option.hpp"
#include "robens/core/error.hpp"

namespace robens::cli {
namespace {

class RsaCli : public AlgorithmCli {
 public:
  explicit RsaCli(bool plain) : plain_(plain) {
    if (plain_) p_ = RsaParameters::standard_sa();
  }
  std::string name() const override { return plain_ ? "sa" : "rsa"; }
  std::string summary() const override {
    return plain_
               ? "standard simulated annealing (rsa with gamma = 0): y independent Monte Carlo runs"
               : "replicated simulated annealing (PNAS 2016, PRL 2019): y coupled Monte Carlo "
                 "replicas";
  }

  void add_options(CLI::App& app) override {
    auto* g = app.add_option_group(plain_ ? "SA" : "rSA", summary());
    g->add_option("--y", p_.replicas, "number of replicas y")->capture_default_str();
    g->add_option("--energy", p_.energy,
                  "auto (minflips for sign units, errors for relu) | minflips (PNAS: min weight "
                  "flips) | errors")
        ->check(CLI::IsMember({"auto", "minflips", "errors"}))
        ->capture_default_str();
    g->add_option("--beta", p_.beta,
                  "initial inverse temperature (energy in flips or errors, not rescaled)")
        ->capture_default_str();
    g->add_option("--beta-factor", p_.beta_factor, "beta is multiplied by this after every stage")
        ->capture_default_str();
    g->add_option("--beta-max", p_.beta_max, "cap on beta")->capture_default_str();
    g->add_option("--stage-moves", p_.stage_moves,
                  "accepted moves per annealing stage (0: y*N, one per replica weight)")
        ->transform(scientific_count())
        ->capture_default_str();
    g->add_option("--max-iterations", p_.max_iterations,
                  "give up after this many iterations (one iteration = one proposed flip)")
        ->transform(scientific_count())
        ->capture_default_str();
    g->add_option("--sampler", sampler_,
                  "metropolis: use --move-rule | rrr: generic reduced-rejection-rate kernel on the "
                  "whole system (exact, O(N) per step)")
        ->check(CLI::IsMember({"metropolis", "rrr"}))
        ->capture_default_str();
    g->add_flag("--init-equal", p_.init_equal,
                "start all replicas from the same random configuration");
    g->add_option("--init-from", init_from_,
                  "start from a saved network file (train --save): its y replicas if it holds "
                  "exactly y, else every replica from its centre (see --init-which)")
        ->check(CLI::ExistingFile);
    g->add_option("--init-which", init_which_,
                  "with --init-from: auto | center (every replica from the file's centre, i.e. "
                  "the run's answer) | replicas (replica a from the file's replica a)")
        ->check(CLI::IsMember({"auto", "center", "replicas"}))
        ->capture_default_str();
    g->add_flag("--init-schedule", init_schedule_,
                "with --init-from: also start from the file's final beta and gamma, to continue an "
                "interrupted or budget-limited run (iterations count from 0 again; --beta-max and "
                "--gamma-max are raised to them if lower)");
    if (plain_) {
      g->add_option("--move-rule", move_rule_, "uniform proposals (the only rule without coupling)")
          ->check(CLI::IsMember({"uniform"}))
          ->capture_default_str();
      return;
    }
    g->add_option("--gamma", p_.gamma,
                  "initial coupling gamma between replicas (0: independent replicas)")
        ->capture_default_str();
    g->add_option("--gamma-factor", p_.gamma_factor,
                  "gamma is multiplied by this after every stage (scoping)")
        ->capture_default_str();
    g->add_option("--gamma-max", p_.gamma_max, "cap on gamma")->capture_default_str();
    g->add_option("--move-rule", move_rule_,
                  "rrr: RRR on the coupling + Metropolis on the replica energy (package) | eq9: "
                  "PNAS Eq. 9 prior | uniform: plain Metropolis")
        ->check(CLI::IsMember({"rrr", "eq9", "uniform"}))
        ->capture_default_str();
    g->add_option(
         "--reference", reference_,
         "traced: reference summed out (centre = majority) | explicit: explicit centre spins")
        ->check(CLI::IsMember({"traced", "explicit"}))
        ->capture_default_str();
    g->add_option("--target-overlap", p_.target_overlap,
                  "overlap-controlled mode (PRL: 0.85): hold the mean replica overlap at this "
                  "value by adjusting gamma; 0: off")
        ->capture_default_str();
    g->add_option("--overlap-tolerance", p_.overlap_tolerance, "tolerance on the mean overlap")
        ->capture_default_str();
    g->add_option("--gamma-gain", p_.gamma_gain,
                  "overlap mode: log(gamma) += gain * (target - overlap) per block")
        ->capture_default_str();
    g->add_option("--min-iterations", p_.min_iterations,
                  "overlap mode: do not stop before this many iterations (lets replicas started "
                  "together decorrelate)")
        ->transform(scientific_count())
        ->capture_default_str();
    g->add_option("--block-iterations", p_.block_iterations,
                  "overlap mode: iterations per control block (0: y*N)")
        ->transform(scientific_count())
        ->capture_default_str();
  }

  std::unique_ptr<Algorithm> make(const NetworkShape&) override {
    p_.move_rule = parse_move_rule(move_rule_);
    p_.sampler = parse_sampler(sampler_);
    p_.reference = parse_reference(reference_);
    load_initial();
    return std::make_unique<ReplicatedAnnealing>(p_);
  }

 private:
  void load_initial() {
    p_.initial.clear();
    if (init_from_.empty()) {
      require(init_which_ == "auto" && !init_schedule_,
              "--init-which and --init-schedule need --init-from");
      return;
    }
    LoadedNetworks nets = load_result_file(init_from_);
    const auto y = static_cast<std::size_t>(p_.replicas);
    const bool use_replicas =
        init_which_ == "replicas" || (init_which_ == "auto" && nets.replicas.size() == y);
    if (use_replicas) {
      require(nets.replicas.size() == y,
              "--init-from {}: --init-which replicas needs exactly y = {} replicas in the file "
              "(it holds {})",
              init_from_, y, nets.replicas.size());
      p_.initial = std::move(nets.replicas);
      p_.init_source = init_from_ + " (replicas)";
    } else {
      p_.initial.push_back(std::move(nets.center));
      p_.init_source = init_from_ + " (center)";
    }
    if (init_schedule_) {
      require(nets.extra.contains("final_beta") && nets.extra["final_beta"].is_number() &&
                  nets.extra.contains("final_gamma") && nets.extra["final_gamma"].is_number(),
              "--init-schedule: {} records no final beta/gamma (not an rsa result file, or "
              "written by an older robens)",
              init_from_);
      p_.beta = nets.extra["final_beta"].get<double>();
      p_.gamma = nets.extra["final_gamma"].get<double>();
      p_.beta_max = std::max(p_.beta_max, p_.beta);
      p_.gamma_max = std::max(p_.gamma_max, p_.gamma);
      p_.init_source += ", schedule";
    }
  }

  bool plain_;
  RsaParameters p_;
  std::string move_rule_ = plain_ ? "uniform" : "rrr";
  std::string sampler_ = "metropolis";
  std::string reference_ = "traced";
  std::string init_from_;
  std::string init_which_ = "auto";
  bool init_schedule_ = false;
};

}  // namespace

std::unique_ptr<AlgorithmCli> make_rsa_cli() {
  return std::make_unique<RsaCli>(false);
}
std::unique_ptr<AlgorithmCli> make_sa_cli() {
  return std::make_unique<RsaCli>(true);
}

}  // namespace robens::cli
