#include "robens/python/python_observer.hpp"

#include "robens/python/json_convert.hpp"

namespace robens::python {
namespace {
constexpr auto kPollInterval = std::chrono::milliseconds(50);
}

PythonObserver::PythonObserver(py::object callback, bool keep_history)
    : callback_(std::move(callback)),
      keep_history_(keep_history),
      last_poll_(std::chrono::steady_clock::now()) {}

void PythonObserver::stop(std::string reason) const {
  if (!stop_.exchange(true)) reason_ = std::move(reason);
}

// A KeyboardInterrupt is the wish to stop: consumed here, reported as stop_reason. Anything else a
// signal handler raised is kept for rethrow_if_failed.
void PythonObserver::check_signals() const {
  last_poll_ = std::chrono::steady_clock::now();
  if (PyErr_CheckSignals() == 0) return;
  py::error_already_set e;
  if (e.matches(PyExc_KeyboardInterrupt)) {
    stop("keyboard_interrupt");
  } else {
    error_.emplace(std::move(e));
    stop("exception");
  }
}

void PythonObserver::on_step(const StepRecord& r) {
  if (callback_.is_none() && !keep_history_) return;
  py::gil_scoped_acquire gil;
  py::object record = to_python(r.to_json());
  if (keep_history_) history_.append(record);
  if (!callback_.is_none() && !stop_) {
    try {
      const py::object answer = callback_(record);
      if (answer.ptr() == Py_False) stop("callback");
    } catch (py::error_already_set& e) {
      if (e.matches(PyExc_KeyboardInterrupt)) {
        stop("keyboard_interrupt");
      } else {
        error_.emplace(std::move(e));
        stop("exception");
      }
    }
  }
  if (!stop_) check_signals();
}

bool PythonObserver::stop_requested() const {
  if (stop_) return true;
  if (std::chrono::steady_clock::now() - last_poll_ < kPollInterval) return false;
  py::gil_scoped_acquire gil;
  check_signals();
  return stop_;
}

void PythonObserver::rethrow_if_failed(const py::object& result) {
  if (!error_) return;
  py::error_already_set e = std::move(*error_);
  error_.reset();
  if (PyObject_SetAttrString(e.value().ptr(), "result", result.ptr()) != 0) PyErr_Clear();
  throw e;
}

}  // namespace robens::python
