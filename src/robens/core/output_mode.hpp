#pragma once
// How a command writes one of its output files; the output policy (io/output_policy.hpp) checks
// each kind before the command starts, and parameter tables mark their output files with it.
namespace robens {

enum class OutputMode {
  replaced,     // written whole, atomically, when the command ends (io/files.hpp)
  streamed,     // opened in place and written as the command runs (io/output_stream.hpp)
  named_later,  // a name pattern (fBP's %gamma% message files): only its folder is checked
};

}  // namespace robens
