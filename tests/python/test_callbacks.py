"""Per-step callbacks, history, progress bars, Ctrl-C and the GIL."""

import os
import signal
import threading
import time

import pytest

import robens

# Not solvable in its budget: long enough for a signal to arrive mid-run.
HARD = dict(N=201, K=5, alpha=1.0, max_epochs=100000)


def test_callback_sees_every_step_record(small_data):
    records = []
    result = robens.train(*small_data, seed=3, callback=records.append, history=True)
    assert len(records) == result.steps and result.history == records
    first = records[0]
    assert first["step"] == 1 and first["epoch"] == 1
    for key in ("errors", "best_errors", "seconds", "gamma", "replica_errors", "distances"):
        assert key in first
    assert records[-1]["best_errors"] == result.min_errors


def test_returning_false_stops_the_run(small_data):
    result = robens.train(*small_data, seed=3, callback=lambda r: r["step"] < 4)
    assert result.interrupted and result.steps == 4 and result.stop_reason == "callback"
    assert result.summary["interrupted"] is True


def test_raising_stops_the_run_and_reraises_with_the_result(small_data):
    def boom(record):
        if record["step"] == 2:
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here") as info:
        robens.train(*small_data, seed=3, callback=boom)
    partial = info.value.result
    assert isinstance(partial, robens.Result) and partial.interrupted and partial.steps == 2
    assert partial.stop_reason == "exception"
    # The module keeps working afterwards.
    assert robens.train(*small_data, seed=3).solved


@pytest.mark.parametrize("algo", ["rsa", "fbp", "greedy"])
def test_callbacks_stop_every_kind_of_algorithm(algo, small_data):
    result = robens.train(*small_data, algo=algo, seed=1, callback=lambda r: False)
    assert result.interrupted or result.solved
    assert result.stop_reason == "callback"


def test_keyboard_interrupt_in_the_callback_returns_the_result(small_data):
    def ctrl_c(record):
        raise KeyboardInterrupt

    result = robens.train(*small_data, seed=3, callback=ctrl_c)
    assert result.interrupted and result.stop_reason == "keyboard_interrupt"
    with pytest.raises(robens.Interrupted) as info:
        robens.train(*small_data, seed=3, callback=ctrl_c, interrupt="raise")
    assert isinstance(info.value, KeyboardInterrupt) and info.value.result.interrupted


def send_sigint_after(seconds):
    timer = threading.Timer(seconds, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def test_ctrl_c_stops_a_run_without_callback():
    timer = send_sigint_after(0.3)
    start = time.monotonic()
    result = robens.train(seed=1, **HARD)
    timer.join()
    assert time.monotonic() - start < 5
    assert result.interrupted and not result.solved and result.stop_reason == "keyboard_interrupt"
    assert 0 < result.steps < HARD["max_epochs"]
    # Only that run consumed the interrupt: the next Ctrl-C is an ordinary KeyboardInterrupt.
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)


def test_ctrl_c_can_raise_for_loops():
    timer = send_sigint_after(0.3)
    with pytest.raises(robens.Interrupted) as info:
        robens.train(seed=1, interrupt="raise", **HARD)
    timer.join()
    assert info.value.result.interrupted


def test_the_gil_is_released_while_training():
    ticks = []
    stop = threading.Event()

    def count():
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.001)

    results = []
    worker = threading.Thread(target=lambda: results.append(robens.train(seed=1, **dict(HARD, max_epochs=400))))
    counter = threading.Thread(target=count)
    counter.start()
    worker.start()
    worker.join()
    stop.set()
    counter.join()
    assert results[0].steps == 400
    assert len(ticks) > 10  # the counter ran while the run held no GIL
    # Two runs at once in threads give the results they give alone.
    pair = []
    threads = [threading.Thread(target=lambda s=s: pair.append((s, robens.train(seed=s, N=51, K=3))))
               for s in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s, r in pair:
        alone = robens.train(seed=s, N=51, K=3)
        assert r.summary["epochs"] == alone.summary["epochs"] and r.center == alone.center


def test_progress_bar(small_data, capsys):
    result = robens.train(*small_data, seed=3, progress=True)
    assert result.solved
    capsys.readouterr()  # drawn on standard error, then cleared


def test_bad_callback(small_data):
    with pytest.raises(TypeError, match="callable"):
        robens.train(*small_data, callback=3)
    with pytest.raises(ValueError, match="interrupt"):
        robens.train(*small_data, interrupt="ignore")
