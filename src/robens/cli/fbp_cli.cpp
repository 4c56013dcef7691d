// `robens train --algo fbp` (focusing BP, PNAS 2016 Eq. 7) and `--algo rbp` (classic reinforced
// BP, Eq. 8). See docs/fbp.md.
#include "robens/algorithms/fbp/fbp.hpp"
#include "robens/cli/algorithm_cli.hpp"

namespace robens::cli {
namespace {

class FbpCli : public AlgorithmCli {
 public:
  explicit FbpCli(bool reinforced) : reinforced_(reinforced) {
    if (reinforced_) p_ = FbpParameters::reinforced_bp();
  }
  std::string name() const override { return reinforced_ ? "rbp" : "fbp"; }
  std::string summary() const override {
    return reinforced_
               ? "reinforced belief propagation (Eq. 8: field rho * atanh of the total marginal)"
               : "focusing belief propagation (PNAS 2016 Eq. 7): BP with y replicas coupled by "
                 "gamma";
  }

  void add_options(CLI::App& app) override {
    auto* g = app.add_option_group(reinforced_ ? "rBP" : "fBP", summary());
    const std::string range_help = " (list of numbers or start:step:stop ranges, comma-separated)";
    if (!reinforced_) {
      g->add_option(
           "--protocol", protocol_,
           "focusing protocol: standard (gamma=inf, y=1/(1-rho)) | scoping (gamma list, fixed y) | "
           "pseudo (gamma=atanh(rho^x), y=1+rho^(1-2x)/(1-rho)) | free (explicit gamma:y pairs)")
          ->check(CLI::IsMember({"standard", "scoping", "pseudo", "free"}))
          ->capture_default_str();
      g->add_option("--rho", p_.protocol.rho,
                    "rho sequence of the standard and pseudo protocols" + range_help)
          ->capture_default_str();
      g->add_option("--gamma", p_.protocol.gamma,
                    "gamma sequence of the scoping protocol" + range_help)
          ->capture_default_str();
      g->add_option("--y", p_.protocol.y, "number of replicas y of the scoping protocol")
          ->capture_default_str();
      g->add_option("--x", p_.protocol.x, "exponent x of the pseudo protocol")
          ->capture_default_str();
      g->add_option("--pairs", p_.protocol.pairs,
                    "free protocol: gamma:y pairs, e.g. 0.5:3,1:5,inf:inf");
    } else {
      g->add_option("--rho", p_.protocol.rho,
                    "reinforcement strengths rho, one per step" + range_help)
          ->capture_default_str();
    }
    g->add_option("--accuracy1", acc1_,
                  "first-layer factors: none | accurate (Gaussian) | exact (odd N, O(N^2))")
        ->check(CLI::IsMember({"none", "accurate", "exact"}))
        ->capture_default_str();
    g->add_option("--accuracy2", acc2_, "second-layer factors: none | accurate | exact (odd K)")
        ->check(CLI::IsMember({"none", "accurate", "exact"}))
        ->capture_default_str();
    g->add_option("--format", format_,
                  "message representation: tanh (fields, precise) | plain (magnetizations)")
        ->check(CLI::IsMember({"tanh", "plain"}))
        ->capture_default_str();
    g->add_option("--damping", p_.damping,
                  "damping lambda in [0,1): new = (1-lambda) new + lambda old")
        ->capture_default_str();
    g->add_option("--epsilon", p_.epsilon,
                  "a step has converged when no message changes by this much")
        ->capture_default_str();
    g->add_option("--max-iters", p_.max_iters, "BP sweeps per focusing step at most")
        ->capture_default_str();
    g->add_option("--max-steps", p_.max_steps,
                  "focusing steps to run at most (-1: the whole protocol)")
        ->capture_default_str();
    g->add_option("--start-step", p_.start_step,
                  "start at this protocol step (resume with --load-messages)")
        ->capture_default_str();
    g->add_option("--randfact", p_.randfact, "amplitude of the random initial messages, in [0,1]")
        ->capture_default_str();
    g->add_option("--threads", p_.threads, "OpenMP threads (0: all); results do not depend on it")
        ->capture_default_str();
    g->add_option("--load-messages", p_.load_messages,
                  "start from the messages in FILE (gzip or plain text)");
    g->add_option("--save-messages", p_.save_messages, "write the final messages to FILE (gzip)");
    g->add_option("--messages-template", p_.messages_template,
                  "write the messages after every step to this name, %gamma% replaced by gamma");
    if (reinforced_) return;
    g->add_flag(
        "!--no-outatzero", p_.outatzero,
        "do not stop at zero errors: run the whole protocol and compute the thermodynamics");
    g->add_option("--write-outfile", write_outfile_,
                  "thermodynamics per step: auto (iff --no-outatzero) | always | never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    g->add_option("--outfile", p_.outfile,
                  "append one line per converged step: pol y beta S q q~ betaF S_int errors");
  }

  std::unique_ptr<Algorithm> make(const NetworkShape&) override {
    if (!reinforced_) p_.protocol.kind = parse_protocol_kind(protocol_);
    p_.accuracy1 = parse_factor_accuracy(acc1_);
    p_.accuracy2 = parse_factor_accuracy(acc2_);
    p_.format = parse_message_format(format_);
    p_.write_outfile = parse_write_outfile(write_outfile_);
    return std::make_unique<FocusingBp>(p_);
  }

 private:
  bool reinforced_;
  FbpParameters p_;
  std::string protocol_ = "standard";
  std::string acc1_ = "accurate", acc2_ = "exact", format_ = "tanh";
  std::string write_outfile_ = "auto";
};

}  // namespace

std::unique_ptr<AlgorithmCli> make_fbp_cli() {
  return std::make_unique<FbpCli>(false);
}
std::unique_ptr<AlgorithmCli> make_rbp_cli() {
  return std::make_unique<FbpCli>(true);
}

}  // namespace robens::cli
