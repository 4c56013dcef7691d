// Sweeps from Python: the library's sweep engine (src/robens/sweep/) as `robens sweep` runs it on
// one machine: every pending job a `robens train ... --json --quiet` process of the robens binary,
// one record per finished job appended to the results file (rerunning resumes). The GIL is
// released while the jobs run; Ctrl-C stops launching and interrupts the jobs in flight.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdlib>
#include <optional>
#include <thread>

#include "robens/core/error.hpp"
#include "robens/python/bindings.hpp"
#include "robens/python/json_convert.hpp"
#include "robens/sweep/experiment.hpp"
#include "robens/sweep/job_grid.hpp"
#include "robens/sweep/job_runner.hpp"
#include "robens/sweep/report.hpp"
#include "robens/sweep/results_file.hpp"
#include "robens/sweep/sweep_files.hpp"

namespace robens::python {
namespace {

// A description file (path) or the description itself (a dict; its jobs run in `directory`).
sweep::Experiment experiment_of(py::handle spec, const std::filesystem::path& directory,
                                const std::string& output) {
  sweep::Experiment e;
  if (py::isinstance<py::dict>(spec)) {
    const nlohmann::json doc = from_python(spec, "experiment");
    const std::string name = doc.value("name", std::string("experiment"));
    e = sweep::parse_sweep_experiment(doc, std::filesystem::absolute(directory) / (name + ".json"));
  } else {
    e = sweep::load_sweep_experiment(py::str(spec).cast<std::string>());
  }
  if (!output.empty()) e.output = std::filesystem::absolute(output);
  return e;
}

py::dict job_dict(const sweep::Job& job, bool done) {
  py::dict d;
  d["id"] = job.id;
  d["variant"] = job.variant;
  d["point"] = to_python(job.point);
  d["seed"] = job.seed;
  d["args"] = py::cast(job.args);
  d["done"] = done;
  return d;
}

py::dict list_jobs(py::handle spec, const std::filesystem::path& directory,
                   const std::string& output) {
  const sweep::Experiment e = experiment_of(spec, directory, output);
  const auto done = sweep::ResultsFile::read_job_ids(e.output);
  py::list jobs;
  for (const auto& job : sweep::expand_sweep(e)) jobs.append(job_dict(job, done.contains(job.id)));
  py::dict d;
  d["name"] = e.name;
  d["output"] = e.output.string();
  d["directory"] = e.directory.string();
  d["jobs"] = jobs;
  return d;
}

py::dict failure_dict(const sweep::JobFailure& f) {
  py::dict d;
  d["job"] = f.job_id;
  d["command_line"] = f.command_line;
  d["reason"] = f.reason;
  d["message"] = f.message;
  return d;
}

sweep::RunOptions run_options(const std::string& executable, std::size_t jobs) {
  sweep::RunOptions options;
  options.executable = executable;
  options.parallel = jobs > 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
  // As `robens sweep`: one OpenMP thread per job unless asked, so records match the CLI's.
  if (std::getenv("OMP_NUM_THREADS") == nullptr) options.extra_env.push_back("OMP_NUM_THREADS=1");
  return options;
}

py::dict run_sweep(py::handle spec, const std::filesystem::path& directory,
                   const std::string& output, const std::string& executable, std::size_t jobs,
                   py::object progress) {
  const sweep::Experiment e = experiment_of(spec, directory, output);
  const std::vector<sweep::Job> all = sweep::expand_sweep(e);
  // Before any job: no output onto the description, the results or another job's files.
  sweep::check_sweep_files(e, all,
                           py::isinstance<py::dict>(spec) ? "" : py::str(spec).cast<std::string>());
  sweep::ResultsFile results(e.output);
  std::vector<const sweep::Job*> pending;
  for (const auto& job : all)
    if (!results.contains(job.id)) pending.push_back(&job);
  const std::size_t already = all.size() - pending.size();
  std::size_t recorded = 0;
  std::vector<sweep::JobFailure> failures;
  std::optional<py::error_already_set> progress_error;
  sweep::RunHooks hooks;
  hooks.on_record = [&](const nlohmann::json& record) {
    results.append(record);
    ++recorded;
  };
  hooks.on_failure = [&](const sweep::JobFailure& f) { failures.push_back(f); };
  hooks.between = [&](std::size_t running) {
    if (progress.is_none() || progress_error) return;
    py::gil_scoped_acquire gil;
    try {
      progress(already + recorded, all.size(), running);
    } catch (py::error_already_set& err) {
      progress_error.emplace(std::move(err));
    }
  };
  sweep::RunOutcome outcome;
  {
    py::gil_scoped_release release;
    sweep::Interrupt interrupt;
    outcome = sweep::run_sweep_jobs(e, pending, run_options(executable, jobs), hooks);
  }
  if (progress_error) throw *progress_error;
  require(outcome.error.empty(), "{}", outcome.error);
  py::list failed;
  for (const auto& f : failures) failed.append(failure_dict(f));
  py::dict d;
  d["output"] = e.output.string();
  d["jobs"] = all.size();
  d["already_done"] = already;
  d["finished"] = outcome.finished;
  d["failed"] = failed;
  d["interrupted"] = outcome.interrupted;
  py::list ids;
  for (const auto& job : all) ids.append(job.id);
  d["job_ids"] = ids;
  return d;
}

}  // namespace

void bind_sweeps(py::module_& m) {
  m.def("_sweep_jobs", &list_jobs, py::arg("experiment"), py::arg("directory"), py::arg("output"));
  m.def("_sweep_run", &run_sweep, py::arg("experiment"), py::arg("directory"), py::arg("output"),
        py::arg("executable"), py::arg("jobs"), py::arg("progress"));
  m.def(
      "_record_job_id",
      [](py::handle record) { return sweep::record_job_id(from_python(record, "record")); },
      py::arg("record"));
  m.def(
      "_report",
      [](const std::vector<std::filesystem::path>& files) {
        const sweep::ReportTable t = sweep::build_report(files);
        return py::make_tuple(sweep::report_markdown(t), sweep::report_csv(t));
      },
      py::arg("files"));
}

}  // namespace robens::python
