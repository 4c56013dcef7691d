// robens._robens._train: the same library calls as `robens train` (build_problem or an in-memory
// problem, the registry's algorithm, the run options, robens::run, save_run), so the same seed and
// parameters give the same result bit for bit. The GIL is released while the algorithm runs.
#include <memory>

#include "robens/algorithms/registry.hpp"
#include "robens/core/error.hpp"
#include "robens/python/array_problem.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/data.hpp"
#include "robens/python/parameter_values.hpp"
#include "robens/python/python_observer.hpp"
#include "robens/python/result.hpp"
#include "robens/run/problem.hpp"
#include "robens/run/run.hpp"
#include "robens/run/run_files.hpp"
#include "robens/run/run_options.hpp"
#include "robens/run/saved_run.hpp"
#include "robens/run/trace_file.hpp"

namespace robens::python {
namespace {

bool has_spec(const std::vector<ParameterSpec>& specs, const std::string& key) {
  for (const auto& s : specs)
    if (s.key == canonical_key(key)) return true;
  return false;
}

// The keyword arguments split by table: problem, run options, the rest for the algorithm (whose
// table rejects unknown keys with the list of its parameters).
struct SplitParameters {
  py::dict problem, run, algorithm;
};

SplitParameters split(const py::dict& params) {
  const auto problem_specs = problem_parameter_table().specs();
  const auto run_specs = run_option_table().specs();
  SplitParameters out;
  for (auto [k, v] : params) {
    const std::string key = k.cast<std::string>();
    if (has_spec(problem_specs, key))
      out.problem[k] = v;
    else if (has_spec(run_specs, key))
      out.run[k] = v;
    else
      out.algorithm[k] = v;
  }
  return out;
}

// A warm start from a result or network in memory, as load_warm_start makes one from a file.
WarmStart warm_start_from(py::handle init, const RunOptions& options, const AlgorithmInfo& info) {
  require(options.init_from.empty(),
          "give either init (a result or network) or init_from (a file)");
  WarmStart start;
  start.source = "<python>";
  start.pick = options.init_which;
  if (py::isinstance<BinaryNetwork>(init)) {
    require(!options.init_schedule, "init_schedule: a network records no schedule (give a result)");
    start.center = init.cast<BinaryNetwork>();
    return start;
  }
  const auto& r = init.cast<const RunResult&>();
  if (info.read_state != nullptr && r.final_state != nullptr && !options.init_schedule &&
      options.init_which == WarmStartPick::automatic) {
    start.state = r.final_state;  // e.g. fBP continues from its messages
    return start;
  }
  start.center = r.file.center;
  start.replicas = r.file.replicas;
  if (options.init_schedule) {
    const auto& extra = r.file.extra;
    require(extra.contains("final_beta") && extra["final_beta"].is_number() &&
                extra.contains("final_gamma") && extra["final_gamma"].is_number(),
            "init_schedule: the result records no final beta/gamma (not an rsa result)");
    start.schedule = {{"beta", extra["final_beta"]}, {"gamma", extra["final_gamma"]}};
  }
  return start;
}

TrainingProblem problem_of(py::handle x, py::handle y, const py::dict& kwargs, std::uint64_t seed) {
  if (x.is_none()) {
    if (!y.is_none()) throw py::type_error("y: labels without patterns X");
    return build_problem(checked_values(problem_parameter_table().specs(), kwargs), seed);
  }
  std::string source;
  PatternSet patterns = patterns_of(x, y, source);
  return problem_from_patterns(
      std::move(patterns), checked_values(problem_parameter_table().specs(), kwargs), seed, source);
}

py::object train(py::handle x, py::handle y, const std::string& algo, std::uint64_t seed,
                 const py::dict& params, py::object callback, bool history, py::handle init) {
  const AlgorithmInfo& info = find_algorithm(algo);
  const SplitParameters parts = split(params);
  {
    // Before any work: no output onto an input or into an unwritable folder.
    const auto problem_values = checked_values(problem_parameter_table().specs(), parts.problem);
    const auto algorithm_values = checked_values(info.parameters, parts.algorithm);
    const auto run_values = checked_values(run_option_table().specs(), parts.run);
    check_run_files(problem_values, run_values, info.parameters, algorithm_values, false);
  }
  const TrainingProblem problem = problem_of(x, y, parts.problem, seed);
  auto algorithm = info.make(checked_values(info.parameters, parts.algorithm));
  const RunOptions options =
      run_option_table().from_json(checked_values(run_option_table().specs(), parts.run));
  const WarmStart start =
      init.is_none() ? warm_start_of(options, info.name) : warm_start_from(init, options, info);

  PythonObserver observer(std::move(callback), history);
  ObserverList observers;
  observers.add(observer);
  std::unique_ptr<TraceFile> trace;
  if (!options.trace.empty()) {
    trace = std::make_unique<TraceFile>(options.trace);
    observers.add(*trace);
  }
  RunSummary summary;
  {
    py::gil_scoped_release release;
    summary = run(problem, *algorithm, observers, start);
    if (!options.save.empty()) save_run(options.save, summary);
  }
  RunResult result = result_of(summary);
  result.history = observer.history();
  result.stop_reason = observer.stop_reason();
  py::object out = py::cast(std::move(result));
  observer.rethrow_if_failed(out);
  return out;
}

}  // namespace

void bind_training(py::module_& m) {
  m.def("_train", &train, py::arg("X"), py::arg("y"), py::arg("algo"), py::arg("seed"),
        py::arg("params"), py::arg("callback"), py::arg("history"), py::arg("init"));
}

}  // namespace robens::python
