#pragma once
// Standard output is checked like any output file (docs/reliability.md, "Outputs"): what fmt
// and CLI11 (through std::cout) print there must arrive, or the command fails with exit status 2
// and "robens: error writing standard output: <reason>".
namespace robens::cli {

// Routes std::cout through a buffer that remembers why a write to stdout failed (a failed
// fflush forgets its data, and errno is overwritten before the end). Call once, first in main.
void watch_standard_output();

// Records the reason (an errno value) of a failed write to standard output, e.g. from the
// std::system_error that fmt::print throws.
void standard_output_failed(int error);

// Flushes and closes standard output: `status` if all went well, else 2 after the message.
int finish_standard_output(int status);

}  // namespace robens::cli
