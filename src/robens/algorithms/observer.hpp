#pragma once
// Algorithms report progress through an Observer: one StepRecord per step (epoch, annealing stage,
// focusing step...). Progress lines, trace files, message files and checkpoints are observers; the
// algorithm does not know which ones are attached. The algorithm calls on_step and polls
// stop_requested; the runner (run/run.hpp) calls on_start and on_finish.
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "robens/algorithms/run_summary.hpp"
#include "robens/models/binary_network.hpp"

namespace robens {

// What every algorithm has at every step, plus its own fields in `data`.
struct StepRecord {
  long step = 0;          // 1-based, in the algorithm's record unit (epoch, stage, step)
  long errors = -1;       // training errors of the current answer (centre or single network)
  long best_errors = -1;  // fewest errors seen so far
  double seconds = 0;     // since the start of the run (set by the runner)
  // The current answer, when the algorithm has it at hand (the runner keeps the best one).
  const BinaryNetwork* network = nullptr;
  // Algorithm-specific state for observers that know the algorithm (e.g. fBP's messages).
  const RunState* state = nullptr;
  nlohmann::json data = nlohmann::json::object();  // the algorithm's own fields of this step

  // The trace line: the typed fields, then the algorithm's own fields.
  nlohmann::json to_json() const;
};

class Observer {
 public:
  virtual ~Observer() = default;
  // Called once before training with the run's description (algorithm, parameters, seed...).
  virtual void on_start(const RunInfo& /*info*/) {}
  virtual void on_step(const StepRecord& /*record*/) {}
  // Polled by the algorithm between steps; true ends the run early (result.interrupted = true).
  virtual bool stop_requested() const { return false; }
  virtual void on_finish(const RunSummary& /*summary*/) {}
};

// Forwards to several observers in order.
class ObserverList : public Observer {
 public:
  void add(Observer& o) { observers_.push_back(&o); }
  // Keeps the observer alive for the lifetime of the list.
  void add(std::unique_ptr<Observer> o) {
    observers_.push_back(o.get());
    owned_.push_back(std::move(o));
  }
  void on_start(const RunInfo& info) override {
    for (auto* o : observers_) o->on_start(info);
  }
  void on_step(const StepRecord& r) override {
    for (auto* o : observers_) o->on_step(r);
  }
  bool stop_requested() const override {
    for (auto* o : observers_)
      if (o->stop_requested()) return true;
    return false;
  }
  void on_finish(const RunSummary& s) override {
    for (auto* o : observers_) o->on_finish(s);
  }

 private:
  std::vector<Observer*> observers_;
  std::vector<std::unique_ptr<Observer>> owned_;
};

}  // namespace robens
