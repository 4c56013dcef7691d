#pragma once
// The parts of fBP's message state that need BP's arithmetic: the random start and the
// conversion between the tanh and plain formats (docs/fbp.md, "Algorithm" and "Message files").
// The state itself and its file format are plain data: io/message_file.hpp.
#include <cstddef>
#include <cstdint>

#include "robens/io/message_file.hpp"

namespace robens {

// Converts one raw stored value between formats (tanh→plain: tanh; plain→tanh: clamped atanh).
double convert_raw(double value, MessageFormat from, MessageFormat to);

// Random start: uw = x·(2U − 1) as magnetizations with U uniform from Rng(seed, messages, 0),
// mw = ⊗_a uw, everything else flat.
FbpMessages random_messages(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden,
                            std::size_t n_patterns, double randfact, std::uint64_t seed);

// The same state in another representation.
FbpMessages convert_messages(const FbpMessages& msg, MessageFormat to);

}  // namespace robens
