"""robens — robust ensemble training of binary neural networks, from Python.

Binary perceptrons and committee machines trained by replicated algorithms that look for the
dense, robust regions of solutions: replicated SGD, replicated simulated annealing, focusing
belief propagation and their baselines (Baldassi et al., PNAS 113, E7655 (2016); Baldassi,
Malatesta, Zecchina, PRL 123, 170602 (2019)). The whole C++ library, with numpy arrays in and out;
the same seed and parameters give the same results, bit for bit, as the ``robens`` command line.

Quick start::

    import robens
    X, y = robens.generate(N=321, K=5, alpha=0.5, seed=7)    # int8 arrays of +1/-1
    result = robens.train(X, y, algo="rsgd", seed=1, y=7, history=True)
    result.solved, result.steps, result.errors, result.center.weights.shape   # (5, 321)
    result.save("net.json")                                  # robens eval net.json data.txt

Data: :func:`generate`, :func:`teacher_student`, :func:`read_patterns`, :func:`write_patterns`,
:class:`Patterns` (packed once). Training: :func:`train`, :class:`Result`, :func:`load`,
:func:`algorithms`, :func:`defaults`. Networks: :class:`Network` (``weights`` (K, n) int8,
``predict``, ``errors``, ``stabilities``). Measurements: :func:`input_noise`,
:func:`weight_noise`, :func:`majority`, :func:`overlaps`. Theory: :mod:`robens.theory`. Sweeps:
:func:`sweep`, :func:`sweep_jobs`, :func:`read_results`, :func:`report`.

Errors: bad input raises ValueError (:class:`InputError`, with the library's message) or TypeError
(a value of the wrong kind); the library never aborts the interpreter.
"""

from . import _robens
from ._data import generate, read_patterns, teacher_student, write_patterns
from ._executable import robens_executable
from ._measure import eta_grid, input_noise, majority, overlaps, weight_noise
from ._parameters import (
    Algorithm,
    Parameter,
    algorithm,
    algorithms,
    defaults,
    problem_parameters,
    run_options,
)
from ._sweeps import read_results, report, sweep, sweep_jobs
from ._training import ErrorCount, Interrupted, Result, load, train
from . import theory

__version__ = _robens.__version__
InputError = _robens.InputError
InputError.__doc__ = (
    "Bad input the library rejects (a parameter out of range, an impossible network, an "
    "unreadable file...), with the library's one-line message; a ValueError."
)
Network = _robens.Network
Patterns = _robens.Patterns

__all__ = [
    "Algorithm",
    "ErrorCount",
    "InputError",
    "Interrupted",
    "Network",
    "Parameter",
    "Patterns",
    "Result",
    "algorithm",
    "algorithms",
    "defaults",
    "eta_grid",
    "generate",
    "input_noise",
    "load",
    "majority",
    "overlaps",
    "problem_parameters",
    "read_patterns",
    "read_results",
    "report",
    "robens_executable",
    "run_options",
    "sweep",
    "sweep_jobs",
    "teacher_student",
    "theory",
    "train",
    "weight_noise",
    "write_patterns",
]
