#pragma once
// The complete BP message state of a fully connected binary committee machine (spec fbp.md §2.2)
// and its gzip text file format (§5.6). Values are the raw stored numbers of `format`: fields for
// tanh, magnetizations for plain. Layout (row-major, 0-based): uw[(a·K + k)·N + i], mw/ux[k·N + i],
// mt1/Ut1/ut1[a·K + k], mt2[a].
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "robens/algorithms/fbp/fbp_magnetization.hpp"

namespace robens {

struct FbpMessages {
  MessageFormat format = MessageFormat::tanh;
  std::size_t n = 0, k = 0, m = 0;  // inputs per hidden unit, hidden units, patterns
  std::vector<double> ux, mw;       // K·N: focusing-factor messages, weight marginals
  std::vector<double> mt1;          // M·K: hidden-variable marginals
  std::vector<double> uw;           // M·K·N: first-layer factor → weight
  std::vector<double> Ut1;          // M·K: first-layer factor → hidden variable
  std::vector<double> mt2;          // M: output fields (forced to the labels)
  std::vector<double> ut1;          // M·K: second-layer factor → hidden variable

  FbpMessages() = default;
  // All messages flat (zero field / magnetization).
  FbpMessages(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden, std::size_t n_patterns);

  // Random start (spec §2.3): uw = x·(2U − 1) as magnetizations, mw = ⊗_a uw, everything else flat.
  static FbpMessages random(MessageFormat f, std::size_t n_inputs, std::size_t n_hidden,
                            std::size_t n_patterns, double randfact, std::uint64_t seed);

  // The same state in another representation.
  FbpMessages converted(MessageFormat to) const;
  friend bool operator==(const FbpMessages&, const FbpMessages&) = default;
};

// Text of the message file (§5.6), and the gzip-compressed file (read: gzip or plain).
// `metadata` (one line, e.g. version, seed and parameters as JSON) is written first as "# ..."; the
// reader skips leading '#' lines (an extension of the reference format).
std::string messages_to_text(const FbpMessages& msg, const std::string& metadata = "");
FbpMessages messages_from_text(const std::string& text, const std::string& source_name = "<text>");
void write_messages(const std::filesystem::path& path, const FbpMessages& msg,
                    const std::string& metadata = "");
FbpMessages read_messages(const std::filesystem::path& path);

// Whole gzip (or plain) file as a string, and gzip writing (atomic rename).
std::string read_maybe_gzip(const std::filesystem::path& path);
void write_gzip(const std::filesystem::path& path, const std::string& contents);

}  // namespace robens
