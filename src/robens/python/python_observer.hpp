#pragma once
// The observer of a run started from Python. The run goes on without the GIL (other Python
// threads keep running); the observer takes it back only to call the per-step callback, to keep
// the history, and to poll for Ctrl-C (PyErr_CheckSignals) at most every 50 ms. Ctrl-C, a callback
// returning False or raising make stop_requested() true: the algorithm ends after the current step
// and the run returns what it has (result.interrupted). A callback's exception is re-raised once
// the run is over, with the partial result attached as `exc.result`.
#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "robens/algorithms/observer.hpp"

namespace robens::python {

namespace py = pybind11;

class PythonObserver final : public Observer {
 public:
  // With the GIL held. `callback` may be None.
  PythonObserver(py::object callback, bool keep_history);
  void on_step(const StepRecord& r) override;
  bool stop_requested() const override;

  // After the run, with the GIL held.
  py::object history() const { return keep_history_ ? py::object(history_) : py::none(); }
  const std::string& stop_reason() const { return reason_; }
  // Re-raises the callback's (or a signal handler's) exception, with `result` attached.
  void rethrow_if_failed(const py::object& result);

 private:
  void check_signals() const;  // GIL held
  void stop(std::string reason) const;

  py::object callback_;
  py::list history_;
  bool keep_history_;
  mutable std::atomic<bool> stop_{false};
  mutable std::string reason_;
  mutable std::optional<py::error_already_set> error_;
  mutable std::chrono::steady_clock::time_point last_poll_;
};

}  // namespace robens::python
