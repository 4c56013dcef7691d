// rSA's parameter table and its two registered forms: `rsa` and the uncoupled `sa` baseline.
#include "robens/algorithms/registry.hpp"
#include "robens/algorithms/rsa/rsa.hpp"

namespace robens {

using P = RsaParameters;

const ParameterTable<P>& rsa_parameter_table() {
  static const ParameterTable<P> table{
      param("y", &P::replicas, "number of replicas y").at_least(1).at_most(1000),
      param("energy", &P::energy,
            "auto (minflips for sign units, errors for relu) | minflips (PNAS: min weight flips) | "
            "errors"),
      param("beta", &P::beta, "initial inverse temperature (energy in flips or errors)")
          .at_least(0),
      param("beta_factor", &P::beta_factor, "beta is multiplied by this after every stage")
          .at_least(1),
      param("beta_max", &P::beta_max, "cap on beta").above(0),
      param("stage_moves", &P::stage_moves,
            "accepted moves per annealing stage (0: y*N, one per replica weight)")
          .count()
          .at_least(0),
      param("max_iterations", &P::max_iterations,
            "give up after this many iterations (one iteration = one proposed flip)")
          .count()
          .at_least(1),
      param("sampler", &P::sampler,
            "metropolis: use --move-rule | rrr: generic reduced-rejection-rate kernel on the whole "
            "system (exact, O(N) per step)"),
      param("init_equal", &P::init_equal, "start all replicas from the same random configuration"),
      param("gamma", &P::gamma, "initial coupling gamma between replicas (0: independent replicas)")
          .at_least(0),
      param("gamma_factor", &P::gamma_factor,
            "gamma is multiplied by this after every stage (scoping)")
          .at_least(1),
      param("gamma_max", &P::gamma_max, "cap on gamma").at_least(0).at_most(300),
      param("move_rule", &P::move_rule,
            "rrr: RRR on the coupling + Metropolis on the replica energy | eq9: PNAS Eq. 9 prior "
            "| uniform: plain Metropolis"),
      param("reference", &P::reference,
            "traced: reference summed out (centre = majority) | explicit: explicit centre spins"),
      param("target_overlap", &P::target_overlap,
            "overlap-controlled mode (PRL: 0.85): hold the mean replica overlap at this value by "
            "adjusting gamma; 0: off")
          .at_least(0)
          .below(1),
      param("overlap_tolerance", &P::overlap_tolerance, "tolerance on the mean overlap")
          .above(0)
          .below(1),
      param("gamma_gain", &P::gamma_gain,
            "overlap mode: log(gamma) += gain * (target - overlap) per block")
          .above(0),
      param("min_iterations", &P::min_iterations,
            "overlap mode: do not stop before this many iterations (lets replicas started "
            "together decorrelate)")
          .count()
          .at_least(0),
      param("block_iterations", &P::block_iterations,
            "overlap mode: iterations per control block (0: y*N)")
          .count()
          .at_least(0),
  };
  return table;
}

namespace {

AlgorithmInfo rsa_info(const std::string& name, const ParameterTable<P>& table,
                       std::string summary) {
  return {name,
          std::move(summary),
          "perceptron, committee fc or tree (sign or relu units)",
          {"stage", "iterations"},
          table.specs(),
          [table](const nlohmann::json& values) -> std::unique_ptr<Algorithm> {
            return std::make_unique<ReplicatedAnnealing>(table.from_json(values));
          },
          nullptr};
}

}  // namespace

AlgorithmInfo rsa_algorithm() {
  return rsa_info(
      "rsa", rsa_parameter_table(),
      "replicated simulated annealing (PNAS 2016, PRL 2019): y coupled Monte Carlo replicas");
}

AlgorithmInfo sa_algorithm() {
  static const auto table = rsa_parameter_table().variant(
      P::standard_sa(),
      {"gamma", "gamma_factor", "gamma_max", "move_rule", "reference", "target_overlap",
       "overlap_tolerance", "gamma_gain", "min_iterations", "block_iterations"});
  return rsa_info(
      "sa", table,
      "standard simulated annealing (rsa with gamma = 0): y independent Monte Carlo runs");
}

}  // namespace robens
