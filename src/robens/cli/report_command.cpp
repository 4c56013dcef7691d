// `robens report RESULTS.jsonl...`: per-grid-point summary of sweep results as a Markdown table
// (standard output) and CSV (--csv), and plots through experiments/plot.py (--plot, matplotlib:
// the plotting stays outside the C++ code).
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include "robens/cli/commands.hpp"
#include "robens/cli/parse_error.hpp"
#include "robens/core/error.hpp"
#include "robens/io/files.hpp"
#include "robens/io/output_policy.hpp"
#include "robens/sweep/report.hpp"

extern char** environ;

namespace robens::cli {
namespace {

// $ROBENS_PLOT_SCRIPT, else experiments/plot.py of the source tree the binary was built in
// (the build folder sits in it) or of the current folder.
std::filesystem::path plot_script() {
  if (const char* env = std::getenv("ROBENS_PLOT_SCRIPT")) return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::vector<std::filesystem::path> candidates;
  if (!ec)
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path())
      candidates.push_back(dir / "experiments" / "plot.py");
  candidates.push_back(std::filesystem::current_path() / "experiments" / "plot.py");
  for (const auto& c : candidates)
    if (std::filesystem::exists(c)) return c;
  fail("cannot find experiments/plot.py (set ROBENS_PLOT_SCRIPT to its path)");
}

int run_plot(const std::string& kind, const std::vector<std::string>& files, const std::string& out,
             const std::vector<std::string>& extra) {
  // Debian's matplotlib belongs to /usr/bin/python3 (a python3 earlier in PATH may lack it).
  std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  if (const char* env = std::getenv("ROBENS_PYTHON")) python = env;
  std::vector<std::string> args = {python, plot_script().string(), kind};
  args.insert(args.end(), files.begin(), files.end());
  args.push_back("--out");
  args.push_back(out);
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> ptrs;
  for (auto& a : args) ptrs.push_back(a.data());
  ptrs.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, python.c_str(), nullptr, nullptr, ptrs.data(), environ);
  require(rc == 0, "cannot run {}: {}", python, std::strerror(rc));
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  require(WIFEXITED(status) && WEXITSTATUS(status) == 0, "experiments/plot.py {} failed", kind);
  return 0;
}

void write_csv(const std::string& path, const sweep::ReportTable& table) {
  write_file_atomically(path, sweep::report_csv(table));
}

// The results files are read; the CSV and the plot's PNG and SVG (written by plot.py, which
// makes their folder) are written.
void check_report_files(const std::vector<std::string>& results, const std::string& csv_path,
                        const std::string& plot_out) {
  OutputPolicy files;
  for (const auto& r : results) files.add_input(r, "results file");
  files.add_output(csv_path, "--csv");
  if (!plot_out.empty()) {
    const std::filesystem::path out(plot_out);
    for (const char* ext : {".png", ".svg"})
      files.add_output(std::filesystem::path(out).replace_extension(ext).string(), "--out",
                       OutputMode::replaced, OutputFolder::created);
  }
  files.check();
}

// The CSV that plot.py reads its statistics from: --csv FILE, else a temporary file.
class PlotSummary {
 public:
  PlotSummary(const std::string& csv_path, const sweep::ReportTable& table) : path_(csv_path) {
    if (!path_.empty()) return;
    path_ = (std::filesystem::temp_directory_path() /
             fmt::format("robens-report-{}.summary.csv", ::getpid()))
                .string();
    temporary_ = true;
    write_csv(path_, table);
  }
  ~PlotSummary() {
    std::error_code ec;
    if (temporary_) std::filesystem::remove(path_, ec);
  }
  PlotSummary(const PlotSummary&) = delete;
  PlotSummary& operator=(const PlotSummary&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool temporary_ = false;
};

}  // namespace

int report_command(int argc, char** argv) {
  CLI::App app(
      "Summarise sweep results per grid point: success rate (Wilson 95% interval), median "
      "and quartiles of epochs/iterations (solved runs) and of seconds, minimum errors.",
      "robens report");
  app.footer(
      "Markdown goes to standard output; --csv FILE writes the same table as CSV.\n"
      "Plots (PNG and SVG, matplotlib): --plot success|steps|scaling --out FIG.png, which runs\n"
      "  python3 experiments/plot.py KIND RESULTS... --out FIG.png [--x KEY] [--series KEY]\n"
      "(see experiments/plot.py --help for the trace and robustness plots). docs/experiments.md");
  std::vector<std::string> files, plot_extra;
  std::string csv_path, plot_kind, plot_out, x_key, series_key;
  bool no_table = false;
  app.add_option("RESULTS", files, "results files of robens sweep (JSON lines)")->required();
  app.add_option("--csv", csv_path, "also write the table as CSV to FILE");
  app.add_flag("--no-table", no_table, "do not print the Markdown table");
  app.add_option("--plot", plot_kind,
                 "make a plot: success (rate vs x) | steps (median steps vs x) | scaling (log-log, "
                 "power-law fit)")
      ->check(CLI::IsMember({"success", "steps", "scaling"}));
  app.add_option("--out", plot_out, "plot file (.png; an .svg is written next to it)");
  app.add_option("--x", x_key, "plot: the option on the x axis (default: alpha, or N for scaling)");
  app.add_option("--series", series_key,
                 "plot: the option that separates curves (default: variant or algo)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error_exit(app, e);
  }
  require(plot_kind.empty() || !plot_out.empty(), "--plot needs --out FILE");
  check_report_files(files, csv_path, plot_kind.empty() ? "" : plot_out);

  const sweep::ReportTable table = sweep::build_report({files.begin(), files.end()});
  if (!no_table) fmt::print("{}", sweep::report_markdown(table));
  if (table.skipped_lines > 0 || table.duplicates > 0)
    fmt::print(stderr,
               "robens report: skipped {} line(s) that are not records, {} duplicate job(s)\n",
               table.skipped_lines, table.duplicates);
  if (!csv_path.empty()) write_csv(csv_path, table);
  if (!plot_kind.empty()) {
    // plot.py draws the intervals and quartiles of this table, not statistics of its own.
    const PlotSummary summary(csv_path, table);
    plot_extra.insert(plot_extra.end(), {"--summary", summary.path()});
    if (!x_key.empty()) plot_extra.insert(plot_extra.end(), {"--x", x_key});
    if (!series_key.empty()) plot_extra.insert(plot_extra.end(), {"--series", series_key});
    return run_plot(plot_kind, files, plot_out, plot_extra);
  }
  return 0;
}

}  // namespace robens::cli
