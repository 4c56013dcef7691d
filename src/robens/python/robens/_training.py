"""Training from Python: :func:`train`, its :class:`Result`, :func:`load` and Ctrl-C."""

from __future__ import annotations

import functools
import inspect
import os
from typing import Any, Callable, Dict, List, Optional, Union

import numpy as np

from . import _parameters as _p
from . import _robens
from ._progress import StepProgress

Network = _robens.Network
Patterns = _robens.Patterns

StepCallback = Callable[[Dict[str, Any]], Optional[bool]]


class Interrupted(KeyboardInterrupt):
    """Raised by ``train(..., interrupt="raise")`` when Ctrl-C stopped the run; ``.result`` holds
    the result so far (a :class:`Result` with ``interrupted == True``)."""

    def __init__(self, result: "Result"):
        super().__init__("training interrupted by Ctrl-C (the result so far is in .result)")
        self.result = result


class ErrorCount(int):
    """``result.errors``: the final training error count (an int). Called with patterns,
    ``result.errors(X, y)`` counts the errors of the result's network (the centre) on them."""

    def __new__(cls, value: int, network: Network):
        obj = super().__new__(cls, value)
        obj._network = network
        return obj

    def __call__(self, X, y=None) -> int:
        return self._network.errors(X, y)


class Result:
    """A finished run (from :func:`train`) or a saved one (from :func:`load`).

    Attributes: ``solved``, ``interrupted``, ``steps`` (epochs or iterations, see ``step_unit``),
    ``errors`` (final training errors of ``center``), ``min_errors``, ``solved_by``, ``seconds``
    (training wall time; None for a loaded file), ``summary`` (the dict ``robens train --json``
    prints, with the same keys), ``params``, ``seed``, ``version``, ``algorithm``, ``extra`` (the
    algorithm's own summary fields), ``center`` (the answer: a :class:`Network`), ``replicas``
    (list of networks), ``best`` / ``best_errors`` (fewest errors among the recorded steps),
    ``history`` (the step records when ``history=True``), ``stop_reason`` (``""``,
    ``"keyboard_interrupt"``, ``"callback"`` or ``"exception"``).
    """

    def __init__(self, raw: "_robens.RunResult"):
        self._raw = raw

    solved = property(lambda self: self._raw.solved, doc="whether a network with zero errors was found")
    interrupted = property(lambda self: self._raw.interrupted, doc="stopped before the end")
    steps = property(lambda self: self._raw.steps, doc="epochs or iterations done (step_unit)")
    step_unit = property(lambda self: self._raw.step_unit, doc="'epochs' or 'iterations'")
    min_errors = property(lambda self: self._raw.min_errors, doc="fewest errors seen")
    seconds = property(lambda self: self._raw.seconds, doc="training wall time (None if loaded)")
    best_errors = property(lambda self: self._raw.best_errors, doc="errors of `best`")
    history = property(lambda self: self._raw.history, doc="step records (history=True)")
    stop_reason = property(lambda self: self._raw.stop_reason, doc="why the run stopped early")

    @functools.cached_property
    def summary(self) -> Dict[str, Any]:
        """The ``--json`` summary: solved, epochs|iterations, errors, min_errors, seconds,
        interrupted, solved_by, seed, version, algorithm, params, the algorithm's extras."""
        return self._raw.summary

    @property
    def errors(self) -> ErrorCount:
        """Final training errors of ``center``; ``errors(X, y)`` counts them on other data."""
        return ErrorCount(self._raw.errors, self.center)

    @property
    def solved_by(self) -> str:
        """'center', 'replica 3', 'all replicas' or 'none'."""
        return self.summary.get("solved_by", "none")

    params = property(lambda self: self.summary.get("params", {}), doc="every parameter")
    seed = property(lambda self: self.summary.get("seed"), doc="the run's seed")
    version = property(lambda self: self.summary.get("version"), doc="robens version")
    algorithm = property(lambda self: self.summary.get("algorithm"), doc="what ran")
    extra = property(lambda self: self._raw.extra, doc="the algorithm's summary fields")
    info = property(lambda self: self._raw.run, doc="run info: version, seed, algorithm, params")

    @functools.cached_property
    def center(self) -> Network:
        """The answer of the run: the centre, or the replica that solved first."""
        return self._raw.center

    @functools.cached_property
    def replicas(self) -> List[Network]:
        """The replicas at the end of the run (empty for single-network algorithms' files)."""
        return self._raw.replicas

    @functools.cached_property
    def best(self) -> Network:
        """The answer with the fewest training errors among the recorded steps and the end."""
        return self._raw.best

    def predict(self, X) -> np.ndarray:
        """Outputs (+1 / -1; 0 for a ReLU tie) of ``center`` on patterns X (M, N)."""
        return self.center.predict(X)

    def stabilities(self, X, y=None, normalized: bool = False) -> np.ndarray:
        """Stabilities of ``center`` on (X, y): label x output field (ints), or with
        ``normalized=True`` as ``robens measure`` reports them (floats)."""
        return self.center.stabilities(X, y, normalized)

    def save(self, path: Union[str, os.PathLike]) -> None:
        """Writes the network file ``robens train --save`` writes (read by ``robens eval``,
        ``robens measure``, ``--init-from`` and :func:`load`)."""
        self._raw.save(os.fspath(path))

    def to_dict(self) -> Dict[str, Any]:
        """The network file's content as a dict."""
        return self._raw.network_file()

    def __repr__(self) -> str:
        state = "solved" if self.solved else "interrupted" if self.interrupted else "not solved"
        return (
            f"<robens.Result {self.algorithm} {state} after {self.steps} {self.step_unit}, "
            f"errors {int(self.errors)}, min errors {self.min_errors}>"
        )


def load(path: Union[str, os.PathLike]) -> Result:
    """Reads a network file (``robens train --save`` or :meth:`Result.save`; a bare network
    file gives a result with only ``center``)."""
    return Result(_robens._load(os.fspath(path)))


_FRONT_END = ("algo", "seed", "callback", "progress", "history", "interrupt", "init")


def _compose(callback: Optional[StepCallback], bar: Optional[StepProgress]):
    if bar is None:
        return callback

    def step(record):
        bar(record)
        return callback(record) if callback is not None else None

    return step


def train(
    X=None,
    y=None,
    /,
    *,
    algo: str = "rsgd",
    seed: int = 1,
    callback: Optional[StepCallback] = None,
    progress: bool = False,
    history: bool = False,
    interrupt: str = "return",
    init: Union[Result, Network, None] = None,
    **params: Any,
) -> Result:
    if interrupt not in ("return", "raise"):
        raise ValueError(f"interrupt: expected 'return' or 'raise', got {interrupt!r}")
    if callback is not None and not callable(callback):
        raise TypeError("callback: expected a callable taking the step record (a dict)")
    if not isinstance(algo, str):
        raise TypeError(f"algo: expected the name of an algorithm, got {type(algo).__name__}")
    seed = _p.check_seed(seed)
    params = _p.canonical_params(params)
    if isinstance(X, (str, os.PathLike)):  # a pattern file, as --patterns FILE
        if y is not None:
            raise TypeError("y: a pattern file holds its labels")
        params["patterns"], X = os.fspath(X), None
    info = _p.algorithm(algo)
    bar = StepProgress(info.record_unit, desc=algo) if progress else None
    raw_init = init._raw if isinstance(init, Result) else init
    if raw_init is not None and not isinstance(raw_init, (Network, _robens.RunResult)):
        raise TypeError("init: expected a robens.Result or robens.Network")
    try:
        raw = _robens._train(X, y, algo, seed, params, _compose(callback, bar), bool(history),
                             raw_init)
    except BaseException as e:
        partial = getattr(e, "result", None)
        if isinstance(partial, _robens.RunResult):
            e.result = Result(partial)
        raise
    finally:
        if bar is not None:
            bar.close()
    result = Result(raw)
    if interrupt == "raise" and result.stop_reason == "keyboard_interrupt":
        raise Interrupted(result)
    return result


_TRAIN_DOC = """Trains a binary network and returns a :class:`Result`.

The same library calls as ``robens train``: the same seed and parameters give the same result,
bit for bit, and the same errors for bad input (ValueError / TypeError with the library's message).

Data, one of:
  * ``X`` (M, N) and ``y`` (M,) numpy arrays: X of +1/-1 (int8 is the fast path; any numeric or
    boolean array is binarised: entries > 0 are +1, all others -1; NaN raises ValueError), y of
    +1/-1 (or booleans). N is the width of X (inputs per unit for ``arch='fc'`` and the
    perceptron, all inputs for ``'tree'``); model, arch, activation and K describe the network.
  * a :class:`Patterns` object (packed once, reused without packing again), y omitted;
  * a pattern file name (text or .rbp), the same as ``patterns=FILE``;
  * nothing: patterns generated from N, K, alpha, teacher, data_seed and the seed, as the CLI.

Front-end arguments:
  algo       one of {algos} (default 'rsgd')
  seed       seed of every random choice (data and algorithm), as --seed
  callback   called with every step record (a dict: the trace line, e.g. step, errors,
             best_errors, seconds and the algorithm's fields); returning False stops the run
             (result.interrupted, stop_reason 'callback'); raising stops it too and the exception
             is re-raised once the run is over, with the partial result as ``exc.result``
  progress   draw a progress bar (tqdm if installed, else a line on standard error)
  history    keep every step record in ``result.history`` (a list of dicts, pandas-ready)
  interrupt  Ctrl-C stops the run after the current step and ``train`` returns the result so far
             (result.interrupted, stop_reason 'keyboard_interrupt'); the KeyboardInterrupt is
             consumed by this run. With interrupt='raise' it is raised again after the run, as
             :class:`robens.Interrupted` (a KeyboardInterrupt) holding ``.result``: use it in
             loops over many runs so that Ctrl-C ends the loop.
  init       warm start from a Result (its replicas, or centre; fbp/rbp: its final messages) or a
             Network in memory (init_from= reads a file instead)

The GIL is released while the algorithm runs, so other Python threads keep running; the callback
and the Ctrl-C check take it back briefly (Ctrl-C is noticed within about 50 ms of a step).
Keyword arguments that are Python keywords take a trailing underscore: ``lambda_=0.75``.

{problem}

{run}

Algorithm parameters (**params; the defaults of the chosen algo; keys of another algorithm
raise ValueError):
{algorithms}
"""


def _train_doc() -> str:
    algos = _p.algorithms()
    sections = []
    for a in algos.values():
        sections.append(
            _p.table_help(f"  {a.name}: {a.summary}\n      networks: {a.networks}",
                          a.parameters, indent="      ")
        )
    return _TRAIN_DOC.format(
        algos=", ".join(repr(n) for n in algos),
        problem=_p.table_help("Problem parameters (robens train --help):", _p.problem_parameters()),
        run=_p.table_help("Run options:", _p.run_options()),
        algorithms="\n".join(sections),
    )


def _train_signature() -> inspect.Signature:
    sig = inspect.signature(train)
    front = [p for p in sig.parameters.values() if p.kind != inspect.Parameter.VAR_KEYWORD]
    tables = _p.keyword_parameters(_p.problem_parameters() + _p.run_options())
    var = inspect.Parameter("params", inspect.Parameter.VAR_KEYWORD)
    return sig.replace(parameters=front + tables + [var])


train.__doc__ = _train_doc()
train.__signature__ = _train_signature()
