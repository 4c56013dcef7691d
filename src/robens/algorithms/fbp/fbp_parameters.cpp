// fBP's parameter table and its two registered forms: `fbp` (focusing, Eq. 7) and `rbp`
// (classic reinforcement, Eq. 8).
#include "robens/algorithms/fbp/fbp.hpp"
#include "robens/algorithms/registry.hpp"
#include "robens/io/message_file.hpp"

namespace robens {

using P = FbpParameters;

namespace {
const std::string kRangeHelp = " (list of numbers or start:step:stop ranges, comma-separated)";
}

const ParameterTable<P>& fbp_parameter_table() {
  static const ParameterTable<P> table{
      param("protocol", &P::protocol,
            "focusing protocol: standard (gamma=inf, y=1/(1-rho)) | scoping (gamma list, fixed y) "
            "| pseudo (gamma=atanh(rho^x), y=1+rho^(1-2x)/(1-rho)) | free (explicit gamma:y "
            "pairs)"),
      param("rho", &P::rho,
            "rho sequence of the standard and pseudo protocols (rbp: the reinforcement, one per "
            "step)" +
                kRangeHelp),
      param("gamma", &P::gamma, "gamma sequence of the scoping protocol" + kRangeHelp),
      param("y", &P::y, "number of replicas y of the scoping protocol").at_least(1),
      param("x", &P::x, "exponent x of the pseudo protocol").at_least(0).at_most(1),
      param("pairs", &P::pairs, "free protocol: gamma:y pairs, e.g. 0.5:3,1:5,inf:inf"),
      param("accuracy1", &P::accuracy1,
            "first-layer factors: none | accurate (Gaussian) | exact (odd N, O(N^2))"),
      param("accuracy2", &P::accuracy2, "second-layer factors: none | accurate | exact (odd K)"),
      param("format", &P::format,
            "message representation: tanh (fields, precise) | plain (magnetizations)"),
      param("damping", &P::damping, "damping lambda: new = (1-lambda) new + lambda old")
          .at_least(0)
          .below(1),
      param("epsilon", &P::epsilon, "a step has converged when no message changes by this much")
          .above(0),
      param("max_iters", &P::max_iters, "BP sweeps per focusing step at most").count().at_least(0),
      param("max_steps", &P::max_steps, "focusing steps to run at most (-1: the whole protocol)")
          .count()
          .at_least(-1),
      param("start_step", &P::start_step,
            "start at this protocol step (resume with --init-from MESSAGES)")
          .count()
          .at_least(1),
      param("randfact", &P::randfact, "amplitude of the random initial messages")
          .at_least(0)
          .at_most(1),
      param("threads", &P::threads, "OpenMP threads (0: all); results do not depend on it")
          .at_least(0)
          .fixed_in_sweeps(),
      param("outatzero", &P::outatzero,
            "stop at zero errors (--no-outatzero: run the whole protocol and compute the "
            "thermodynamics)"),
      param("write_outfile", &P::write_outfile,
            "thermodynamics per step: auto (iff --no-outatzero) | always | never"),
      param("outfile", &P::outfile,
            "append one line per converged step: pol y beta S q q~ betaF S_int errors")
          .output_file(OutputMode::streamed),
      param("save_messages", &P::save_messages, "write the final messages to FILE (gzip)")
          .output_file(),
      param("messages_template", &P::messages_template,
            "write the messages after every step to this name, %gamma% replaced by gamma")
          .output_file(OutputMode::named_later),
  };
  return table;
}

namespace {

AlgorithmInfo fbp_info(const std::string& name, const ParameterTable<P>& table,
                       std::string summary) {
  return {name,
          std::move(summary),
          "perceptron, committee fc (sign units)",
          {"step", "iterations"},
          table.specs(),
          [table](const nlohmann::json& values) -> std::unique_ptr<Algorithm> {
            return std::make_unique<FocusingBp>(table.from_json(values));
          },
          [](const std::filesystem::path& path) -> std::shared_ptr<const RunState> {
            return std::make_shared<FbpMessagesState>(read_messages(path));
          }};
}

}  // namespace

AlgorithmInfo fbp_algorithm() {
  return fbp_info(
      "fbp", fbp_parameter_table(),
      "focusing belief propagation (PNAS 2016 Eq. 7): BP with y replicas coupled by gamma");
}

const ParameterTable<P>& rbp_parameter_table() {
  static const auto table = fbp_parameter_table().variant(
      P::reinforced_bp(), {},
      {"protocol", "gamma", "y", "x", "pairs", "outatzero", "write_outfile", "outfile"});
  return table;
}

AlgorithmInfo rbp_algorithm() {
  return fbp_info("rbp", rbp_parameter_table(),
                  "reinforced belief propagation (Eq. 8: field rho * atanh of the total marginal)");
}

}  // namespace robens
