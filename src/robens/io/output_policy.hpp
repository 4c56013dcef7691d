#pragma once
// The one output policy of every command: before it does any work, a command declares the files
// it reads and the files it writes; check() then refuses (InputError, one line)
//   - an output that is one of the inputs, or another output of the same command: paths are
//     compared after resolving symbolic links and "..", and existing files by device and inode,
//     so a hard link or a symlink to an input is caught as well;
//   - an output that is a folder, or whose folder does not exist or cannot be written (tried by
//     creating and removing an empty file there), so `train --save /unwritable/x` fails at once
//     and not after the training;
//   - a streamed output (written in place as the command runs) that exists and cannot be written.
// Character and block devices, pipes and sockets (/dev/null, /dev/full, a terminal) are not
// files: they are never the same as anything, need only be writable, and are written in place.
// "-" (standard output) and "" (no file) are not files either and are ignored.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "robens/core/output_mode.hpp"
#include "robens/core/parameter_spec.hpp"

namespace robens {

enum class OutputFolder { must_exist, created };  // created: the command makes missing folders

class OutputPolicy {
 public:
  // Relative paths are relative to `base` (default: the current folder).
  explicit OutputPolicy(std::filesystem::path base = {});
  // `label` names the file in messages: "--patterns", "network file", "job 3f2a... --trace".
  void add_input(std::string_view path, std::string label);
  void add_output(std::string_view path, std::string label, OutputMode mode = OutputMode::replaced,
                  OutputFolder folder = OutputFolder::must_exist);
  // Throws InputError for the first output that breaks the policy.
  void check() const;

 private:
  struct Entry {
    std::string path, label;
    bool input = false;
    OutputMode mode = OutputMode::replaced;
    OutputFolder folder = OutputFolder::must_exist;
  };
  std::filesystem::path base_;
  std::vector<Entry> entries_;
};

// Declares the file-valued parameters among `values` (keys of `specs`; ParameterSpec::file) as
// inputs or outputs, labelled by their command-line flag ("--save") or, with `cli_names` false,
// by their key ("save").
void add_parameter_files(OutputPolicy& policy, const std::vector<ParameterSpec>& specs,
                         const nlohmann::json& values, bool cli_names = true);

}  // namespace robens
