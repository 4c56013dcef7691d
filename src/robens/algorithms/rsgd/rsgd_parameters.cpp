// rSGD's parameter table and its two registered forms: `rsgd` and the plain `sgd` baseline.
#include "robens/algorithms/registry.hpp"
#include "robens/algorithms/rsgd/rsgd.hpp"

namespace robens {

using P = RsgdParameters;

const ParameterTable<P>& rsgd_parameter_table() {
  static const ParameterTable<P> table{
      param("y", &P::replicas, "number of replicas y (odd: the centre is their majority)")
          .at_least(1)
          .at_most(1000),
      param("eta", &P::eta, "SGD step on the continuous weights").above(0),
      param("eta_factor", &P::eta_factor, "eta is multiplied by this after every epoch").above(0),
      param("batch", &P::batch, "minibatch size (patterns per gradient step)").at_least(1),
      param("max_epochs", &P::max_epochs, "give up after this many epochs").count().at_least(1),
      param("init_equal", &P::init_equal,
            "start all replicas from the same random configuration (--no-init-equal: each its "
            "own)"),
      param("lambda", &P::lambda, "step of the elastic kick towards the centre (the paper's eta')")
          .at_least(0),
      param("lambda_factor", &P::lambda_factor, "lambda is multiplied by this after every epoch")
          .above(0),
      param("gamma", &P::gamma, "initial coupling gamma between replicas and centre").at_least(0),
      param("gamma_step", &P::gamma_step, "gamma grows by this after every epoch (scoping)"),
      param("formula", &P::formula,
            "interaction: simple tanh(g S) - W | corrected | hard (clamp) | continuous (mean)"),
      param("center", &P::explicit_center,
            "keep an explicit centre network with its own continuous weights"),
      param("wait_center", &P::wait_center,
            "stop only when the centre (not any replica) has zero errors"),
  };
  return table;
}

namespace {

AlgorithmInfo rsgd_info(const std::string& name, const ParameterTable<P>& table,
                        std::string summary) {
  return {name,
          std::move(summary),
          "perceptron, committee fc or tree (sign units)",
          {"epoch", "epochs"},
          table.specs(),
          [table](const nlohmann::json& values) -> std::unique_ptr<Algorithm> {
            return std::make_unique<ReplicatedSgd>(table.from_json(values));
          },
          nullptr};
}

}  // namespace

AlgorithmInfo rsgd_algorithm() {
  return rsgd_info(
      "rsgd", rsgd_parameter_table(),
      "replicated SGD (PNAS 2016 Eq. 10): y coupled replicas, gamma grows every epoch");
}

AlgorithmInfo sgd_algorithm() {
  static const auto table = rsgd_parameter_table().variant(
      P::plain_sgd(), {"y", "init_equal", "lambda", "lambda_factor", "gamma", "gamma_step",
                       "formula", "center", "wait_center"});
  return rsgd_info(
      "sgd", table,
      "plain two-level SGD (rSGD with y = 1, lambda = 0): the non-interacting baseline");
}

}  // namespace robens
