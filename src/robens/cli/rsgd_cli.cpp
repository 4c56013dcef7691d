// `robens train --algo rsgd` (the default) and `--algo sgd` (the non-interacting baseline).
#include "robens/algorithms/rsgd/rsgd.hpp"
#include "robens/cli/algorithm_cli.hpp"
#include "robens/cli/count_option.hpp"

namespace robens::cli {
namespace {

class RsgdCli : public AlgorithmCli {
 public:
  explicit RsgdCli(bool plain) : plain_(plain) {
    if (plain_) p_ = RsgdParameters::plain_sgd();
  }
  std::string name() const override { return plain_ ? "sgd" : "rsgd"; }
  std::string summary() const override {
    return plain_
               ? "plain two-level SGD (rSGD with y = 1, lambda = 0): the non-interacting baseline"
               : "replicated SGD (PNAS 2016 Eq. 10): y coupled replicas, gamma grows every epoch";
  }

  void add_options(CLI::App& app) override {
    auto* g = app.add_option_group(plain_ ? "SGD" : "rSGD", summary());
    if (!plain_) g->add_option("--y", p_.replicas, "number of replicas y")->capture_default_str();
    g->add_option("--eta", p_.eta.start, "SGD step on the continuous weights")
        ->capture_default_str();
    g->add_option("--eta-factor", p_.eta.factor, "eta is multiplied by this after every epoch")
        ->capture_default_str();
    g->add_option("--batch", p_.batch, "minibatch size (patterns per gradient step)")
        ->capture_default_str();
    g->add_option("--max-epochs", p_.max_epochs, "give up after this many epochs")
        ->transform(scientific_count())
        ->capture_default_str();
    if (plain_) return;
    g->add_flag("!--no-init-equal", p_.init_equal,
                "start the replicas from different random configurations");
    g->add_option("--lambda", p_.lambda.start,
                  "step of the elastic kick towards the centre (the paper's eta')")
        ->capture_default_str();
    g->add_option("--lambda-factor", p_.lambda.factor,
                  "lambda is multiplied by this after every epoch")
        ->capture_default_str();
    g->add_option("--gamma", p_.gamma.start, "initial coupling gamma between replicas and centre")
        ->capture_default_str();
    g->add_option("--gamma-step", p_.gamma.step, "gamma grows by this after every epoch (scoping)")
        ->capture_default_str();
    g->add_option(
         "--formula", formula_,
         "interaction: simple tanh(g S) - W | corrected | hard (clamp) | continuous (mean)")
        ->check(CLI::IsMember({"simple", "corrected", "hard", "continuous"}))
        ->capture_default_str();
    g->add_flag("--center", p_.explicit_center,
                "keep an explicit centre network with its own continuous weights");
    g->add_flag("--wait-center", p_.wait_center,
                "stop only when the centre (not any replica) has zero errors");
  }

  std::unique_ptr<Algorithm> make(const NetworkShape&) override {
    p_.formula = parse_kick_formula(formula_);
    return std::make_unique<ReplicatedSgd>(p_);
  }

 private:
  bool plain_;
  RsgdParameters p_;
  std::string formula_ = "simple";
};

}  // namespace

std::unique_ptr<AlgorithmCli> make_rsgd_cli() {
  return std::make_unique<RsgdCli>(false);
}
std::unique_ptr<AlgorithmCli> make_sgd_cli() {
  return std::make_unique<RsgdCli>(true);
}

}  // namespace robens::cli
