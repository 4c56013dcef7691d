#pragma once
// File formats: fBP message files (docs/fbp.md, "Message files"). Gzip-compressed text (reading
// also accepts plain text): an optional "# {json metadata}" line, "fmt: tanh|plain", "N,K,M: N K
// M", then one labelled line per message vector (ux[k], mw[k], mτ1[a], uw[a][k], Uτ1[a], mτ2,
// uτ1[a]; 1-based, any order) holding its values in shortest round-trip form (Inf, -Inf, NaN as
// in Julia), then "END". A round trip is exact.
//
// FbpMessages is the stored state of BP on a fully connected binary committee machine (docs/fbp.md,
// "Algorithm"). Values are the raw stored numbers of `format`: fields atanh(m) for tanh,
// magnetizations m for plain. Layout (row-major, 0-based): uw[(a·K + k)·N + i], mw/ux[k·N + i],
// mt1/Ut1/ut1[a·K + k], mt2[a]. The random start and the conversion between formats need BP's
// arithmetic and live with it (algorithms/fbp/fbp_messages.hpp).
#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "robens/core/enum_names.hpp"

namespace robens {

// The number representation of stored messages (docs/fbp.md, "Numerics").
enum class MessageFormat { tanh, plain };
template <>
struct EnumNames<MessageFormat> {
  static constexpr std::pair<MessageFormat, const char*> values[] = {
      {MessageFormat::tanh, "tanh"}, {MessageFormat::plain, "plain"}};
};

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

  friend bool operator==(const FbpMessages&, const FbpMessages&) = default;
};

// The file's text, and the gzip-compressed file (read: gzip or plain). `metadata` (one line, e.g.
// version, seed and parameters as JSON) is written first as "# ..."; the reader skips leading '#'
// lines (an extension of the reference format).
std::string messages_to_text(const FbpMessages& msg, const std::string& metadata = "");
FbpMessages messages_from_text(const std::string& text, const std::string& source_name = "<text>");
void write_messages(const std::filesystem::path& path, const FbpMessages& msg,
                    const std::string& metadata = "");
FbpMessages read_messages(const std::filesystem::path& path);

}  // namespace robens
