#pragma once
// A finished run as a network file (io/network_file.hpp): what `train --save` writes.
#include <filesystem>

#include "robens/algorithms/run_summary.hpp"
#include "robens/io/network_file.hpp"

namespace robens {

NetworkFile network_file_of(const RunSummary& summary);
void save_run(const std::filesystem::path& path, const RunSummary& summary);

}  // namespace robens
