#pragma once
// fBP's output files, written by observers that FocusingBp::file_observers() makes from its
// parameters (docs/fbp.md): the thermodynamics table (`outfile`, one line per converged step,
// appended), the messages after every step (`messages_template`, %gamma% replaced by γ) and the
// final messages (`save_messages`). Message files start with a "# {run info}" line.
#include <memory>
#include <string>
#include <vector>

#include "robens/algorithms/observer.hpp"

namespace robens {

struct FbpParameters;

std::vector<std::unique_ptr<Observer>> make_fbp_file_observers(const FbpParameters& p);

// Julia-style text of a double, as in the reference files: shortest round-trip digits, "Inf",
// "-Inf", "NaN".
std::string fbp_number_text(double v);

}  // namespace robens
