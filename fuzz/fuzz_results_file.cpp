// Fuzzes the sweep results file readers: opening it for a resumed sweep (sweep/results_file.hpp,
// which repairs a torn last line), the job-id scan of `sweep --list`, and `robens report`
// (sweep/report.hpp) with both of its outputs.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "robens/sweep/report.hpp"
#include "robens/sweep/results_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sweep = robens::sweep;
  const auto path = robens::fuzz::as_file(data, size, "results.jsonl");
  robens::fuzz::expect_input_error([&] { (void)sweep::ResultsFile::read_job_ids(path); });
  robens::fuzz::expect_input_error([&] {
    const sweep::ReportTable table = sweep::build_report({path});
    (void)sweep::report_markdown(table);
    (void)sweep::report_csv(table);
  });
  // Last: opening may repair the file in place.
  robens::fuzz::expect_input_error([&] { const sweep::ResultsFile file(path); });
  return 0;
}
