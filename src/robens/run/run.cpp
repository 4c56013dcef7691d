#include "robens/run/run.hpp"

#include <chrono>

#include "robens/core/error.hpp"
#include "robens/core/version.hpp"

namespace robens {
namespace {

using Clock = std::chrono::steady_clock;

// Stamps every record with the run time and keeps the best network the records show, then
// forwards to the caller's observers.
class RunTracker final : public Observer {
 public:
  RunTracker(Observer& next, Clock::time_point start) : next_(next), start_(start) {}
  void on_step(const StepRecord& r) override {
    StepRecord stamped = r;
    stamped.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    if (r.network != nullptr && r.errors >= 0 && (best_errors_ < 0 || r.errors < best_errors_)) {
      best_errors_ = r.errors;
      best_ = *r.network;
    }
    next_.on_step(stamped);
  }
  bool stop_requested() const override { return next_.stop_requested(); }

  // The end of the run counts as one more record.
  void finish(RunSummary& s) const {
    s.best = best_;
    s.best_errors = best_errors_;
    if (best_errors_ < 0 || s.result.errors <= best_errors_) {
      s.best = s.result.center;
      s.best_errors = s.result.errors;
    }
  }

 private:
  Observer& next_;
  Clock::time_point start_;
  BinaryNetwork best_;
  long best_errors_ = -1;
};

}  // namespace

RunInfo describe_run(const TrainingProblem& problem, const Algorithm& algorithm,
                     const WarmStart& start) {
  RunInfo info;
  info.version = kVersion;
  info.algorithm = algorithm.name();
  info.seed = problem.seed;
  info.params = problem.description;
  info.params["algo"] = algorithm.name();
  info.params.update(algorithm.parameters());
  if (!start.empty()) info.params["init_from"] = start.to_json();
  return info;
}

RunSummary run(const TrainingProblem& problem, Algorithm& algorithm, Observer& observer,
               const WarmStart& start) {
  const std::string why = algorithm.unsupported(problem.shape);
  require(why.empty(), "{}", why);
  RunSummary summary;
  summary.info = describe_run(problem, algorithm, start);
  ObserverList observers;
  observers.add(observer);
  for (auto& o : algorithm.file_observers()) observers.add(std::move(o));
  observers.on_start(summary.info);
  const auto t0 = Clock::now();
  RunTracker tracker(observers, t0);
  summary.result = algorithm.run(problem, tracker, start);
  summary.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  tracker.finish(summary);
  observers.on_finish(summary);
  return summary;
}

RunSummary run(const TrainingProblem& problem, Algorithm& algorithm) {
  Observer none;
  return run(problem, algorithm, none);
}

}  // namespace robens
