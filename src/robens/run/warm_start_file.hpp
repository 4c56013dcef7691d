#pragma once
// The one entry point for warm starts from files: a network file (`train --save`: its centre and
// replicas, and with `schedule` the final β, γ it recorded) or an algorithm's own state file
// (fBP message files), recognised by content.
#include <filesystem>
#include <string_view>

#include "robens/algorithms/warm_start.hpp"

namespace robens {

// `algorithm` is the algorithm that will start from it (it reads its own state files).
WarmStart load_warm_start(const std::filesystem::path& path, std::string_view algorithm,
                          WarmStartPick pick = WarmStartPick::automatic, bool schedule = false);

}  // namespace robens
