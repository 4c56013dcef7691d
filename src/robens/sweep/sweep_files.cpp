#include "robens/sweep/sweep_files.hpp"

#include <algorithm>
#include <string>

#include "robens/io/output_policy.hpp"
#include "robens/sweep/train_options.hpp"

namespace robens::sweep {
namespace {

// The file options of one job, read back from its command line (--KEY VALUE words), where the
// placeholders ({job}, {seed}...) are filled in; relative to the experiment's folder.
void add_job_files(OutputPolicy& files, const Job& job, const Experiment& experiment) {
  const std::string algorithm = algorithm_of(job.point);
  for (std::size_t i = 1; i + 1 < job.args.size(); ++i) {
    const std::string& word = job.args[i];
    if (!word.starts_with("--")) continue;
    const ParameterSpec* spec = find_train_option(canonical_key(word.substr(2)), algorithm);
    if (spec == nullptr || !spec->file) continue;
    const std::string& value = job.args[++i];
    const std::string label = "job " + job.id + " " + word;
    if (!spec->output) {
      files.add_input(value, label);
      continue;
    }
    // The sweep makes the folders of per-job paths ("traces/{job}.jsonl") when the job starts.
    const auto folder = (experiment.directory / value).parent_path().lexically_normal();
    const bool created = std::any_of(job.directories.begin(), job.directories.end(),
                                     [&](const auto& d) { return d.lexically_normal() == folder; });
    files.add_output(value, label, spec->output_mode,
                     created ? OutputFolder::created : OutputFolder::must_exist);
  }
}

}  // namespace

void check_sweep_files(const Experiment& experiment, const std::vector<Job>& jobs,
                       const std::filesystem::path& description) {
  OutputPolicy files(experiment.directory);
  if (!description.empty())
    files.add_input(std::filesystem::absolute(description).string(), "experiment description");
  files.add_output(experiment.output.string(), "results file", OutputMode::streamed,
                   OutputFolder::created);
  for (const auto& job : jobs) add_job_files(files, job, experiment);
  files.check();
}

}  // namespace robens::sweep
