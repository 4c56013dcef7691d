#include "robens/algorithms/fbp/fbp_file_observers.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>

#include "robens/algorithms/fbp/fbp.hpp"
#include "robens/io/message_file.hpp"
#include "robens/io/output_stream.hpp"

namespace robens {
namespace {

// A number of a step record: finite values are numbers, ±∞ and NaN strings ("Inf").
std::string field_text(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : fbp_number_text(v.get<double>());
}

// `outfile`: "pol y β S q q̃ βF S_int errors" per converged step (every step with
// write_outfile always), appended, with a header line when the file is new. Each line is one
// checked write (io/output_stream.hpp): a full disk is an error naming the file.
class ThermodynamicsFile final : public Observer {
 public:
  ThermodynamicsFile(std::string path, bool every_step)
      : path_(std::move(path)), every_step_(every_step) {}

  void on_start(const RunInfo& info) override {
    const bool exists = std::filesystem::exists(path_);
    out_ = std::make_unique<OutputStream>(path_, OutputStream::Mode::append,
                                          "the thermodynamics table");
    std::string head;
    if (!exists)
      head =
          "#1=pol 2=y 3=\u03b2 4=S 5=q 6=q\u0303 7=\u03b2F 8=\U0001d4e2\u1d62\u2099\u209c "
          "9=E\u0303\n";
    out_->write(head + "# robens " + info.to_json().dump() + "\n");
  }

  void on_step(const StepRecord& r) override {
    const auto& d = r.data;
    if (!d.contains("local_entropy") || !(d["converged"].get<bool>() || every_step_)) return;
    out_->write(fmt::format("{} {} Inf {} {} {} {} {} {}\n",
                            fbp_number_text(d["pol"].get<double>()), field_text(d["y"]),
                            field_text(d["S"]), field_text(d["q"]), field_text(d["q_reference"]),
                            field_text(d["beta_F"]), field_text(d["local_entropy"]), r.errors));
  }

  void on_finish(const RunSummary&) override { out_->close(); }

 private:
  std::string path_;
  bool every_step_;
  std::unique_ptr<OutputStream> out_;
};

// `messages_template`: the messages after every focusing step.
class MessagesPerStep final : public Observer {
 public:
  explicit MessagesPerStep(std::string tmpl) : template_(std::move(tmpl)) {}
  void on_start(const RunInfo& info) override { info_ = info.to_json(); }
  void on_step(const StepRecord& r) override {
    const auto* state = dynamic_cast<const FbpStepState*>(r.state);
    if (state == nullptr) return;
    nlohmann::json meta = info_;
    meta["step"] = r.step;
    write_messages(messages_file_for(template_, state->gamma), state->messages, meta.dump());
  }

 private:
  std::string template_;
  nlohmann::json info_;
};

// `save_messages`: the final messages, with the number of protocol steps done (for resuming).
class FinalMessages final : public Observer {
 public:
  explicit FinalMessages(std::string path) : path_(std::move(path)) {}
  void on_start(const RunInfo& info) override { info_ = info.to_json(); }
  void on_finish(const RunSummary& s) override {
    const auto* state = dynamic_cast<const FbpMessagesState*>(s.result.final_state.get());
    if (state == nullptr) return;
    nlohmann::json meta = info_;
    meta["steps_done"] = s.result.extra.value("last_step", 0L);
    write_messages(path_, state->messages, meta.dump());
  }

 private:
  std::string path_;
  nlohmann::json info_;
};

}  // namespace

std::string fbp_number_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Inf" : "-Inf";
  return fmt::format("{}", v);
}

std::vector<std::unique_ptr<Observer>> make_fbp_file_observers(const FbpParameters& p) {
  std::vector<std::unique_ptr<Observer>> out;
  if (p.thermodynamics() && !p.outfile.empty())
    out.push_back(
        std::make_unique<ThermodynamicsFile>(p.outfile, p.write_outfile == WriteOutfile::always));
  if (!p.messages_template.empty())
    out.push_back(std::make_unique<MessagesPerStep>(p.messages_template));
  if (!p.save_messages.empty()) out.push_back(std::make_unique<FinalMessages>(p.save_messages));
  return out;
}

}  // namespace robens
