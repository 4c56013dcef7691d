#pragma once
// Algorithms report progress through an Observer: one record per step (epoch, annealing stage,
// focusing step...). Progress lines, trace files and checkpoints are observers; the algorithm
// does not know which ones are attached. The algorithm calls on_step and polls stop_requested;
// whoever runs it (the CLI, a sweep) calls on_start and on_finish.
#include <vector>

#include <nlohmann/json.hpp>

#include "robens/algorithms/train_result.hpp"

namespace robens {

struct StepRecord {
  long step = 0;          // 1-based epoch / stage / iteration count
  long errors = -1;       // current training errors of the centre (or the single network)
  long best_errors = -1;  // best so far
  nlohmann::json data;    // every field of the algorithm's per-step record
};

class Observer {
 public:
  virtual ~Observer() = default;
  // Called once before training with the run's description (algorithm, parameters, seed...).
  virtual void on_start(const nlohmann::json& /*run_info*/) {}
  virtual void on_step(const StepRecord& /*record*/) {}
  // Polled by the algorithm between steps; true ends the run early (result.interrupted = true).
  virtual bool stop_requested() const { return false; }
  virtual void on_finish(const TrainResult& /*result*/) {}
};

// Forwards to several observers in order.
class ObserverList : public Observer {
 public:
  void add(Observer& o) { observers_.push_back(&o); }
  void on_start(const nlohmann::json& info) override {
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
  void on_finish(const TrainResult& r) override {
    for (auto* o : observers_) o->on_finish(r);
  }

 private:
  std::vector<Observer*> observers_;
};

}  // namespace robens
