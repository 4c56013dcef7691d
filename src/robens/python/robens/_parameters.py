"""The library's parameter tables, seen from Python.

Every keyword argument of :func:`robens.train`, :func:`robens.generate` and the sweeps comes from
these tables (``core/parameter_spec.hpp`` in the C++ library): the names, the defaults, the help
texts and the checks are the library's, the same as ``robens train --help`` shows. Nothing here
lists parameters by hand.
"""

from __future__ import annotations

import functools
import inspect
import keyword
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Tuple

from . import _robens


@dataclass(frozen=True)
class Parameter:
    """One entry of a parameter table.

    ``type`` is one of boolean, integer, count (a whole number that may be written 1e9), real,
    choice, text. ``settable`` is False for values an algorithm variant fixes (e.g. ``y = 1`` for
    ``sgd``): they are recorded, not accepted. ``output`` marks file names an observer writes.
    """

    key: str
    type: str
    default: Any
    help: str
    range: str
    choices: Tuple[str, ...]
    settable: bool
    sweepable: bool
    output: bool
    file: bool
    cli_flag: str

    @property
    def python_name(self) -> str:
        """The keyword argument: the key, with a trailing ``_`` if it is a Python keyword
        (``lambda_`` for ``lambda``)."""
        return self.key + "_" if keyword.iskeyword(self.key) else self.key

    def describe(self) -> str:
        """One help line: ``name=default  help (range)``."""
        fixed = "" if self.settable else " [fixed by this algorithm]"
        rng = f" ({self.range})" if self.range and self.type != "choice" else ""
        return f"{self.python_name}={self.default!r}  {self.help}{rng}{fixed}"


@dataclass(frozen=True)
class Algorithm:
    """A registered training algorithm and its parameter table."""

    name: str
    summary: str
    networks: str
    record_unit: str  # what one step record is: epoch, stage, step
    count_unit: str  # what the summary counts: epochs or iterations
    parameters: Tuple[Parameter, ...]

    def defaults(self) -> Dict[str, Any]:
        """Every parameter's default, the fixed ones included."""
        return {p.key: p.default for p in self.parameters}

    def help(self) -> str:
        """The algorithm's help text, one line per parameter."""
        lines = [f"{self.name}: {self.summary}", f"    networks: {self.networks}"]
        lines += ["    " + p.describe() for p in self.parameters]
        return "\n".join(lines)


def _parameters(entries: Iterable[dict]) -> Tuple[Parameter, ...]:
    return tuple(Parameter(**{**e, "choices": tuple(e["choices"])}) for e in entries)


def _algorithm(entry: dict) -> Algorithm:
    return Algorithm(
        name=entry["name"],
        summary=entry["summary"],
        networks=entry["networks"],
        record_unit=entry["record_unit"],
        count_unit=entry["count_unit"],
        parameters=_parameters(entry["parameters"]),
    )


@functools.lru_cache(maxsize=None)
def _registry() -> Dict[str, Algorithm]:
    return {e["name"]: _algorithm(e) for e in _robens.algorithms()}


def algorithms() -> Dict[str, Algorithm]:
    """Every registered algorithm by name, in registration order (``robens train --help``)."""
    return dict(_registry())


def algorithm(name: str) -> Algorithm:
    """The algorithm called ``name``; ValueError naming the registered ones if there is none."""
    if name in _registry():
        return _registry()[name]
    return _algorithm(_robens.algorithm(name))  # raises the library's InputError


@functools.lru_cache(maxsize=None)
def problem_parameters() -> Tuple[Parameter, ...]:
    """The problem's table: the network (model, arch, activation, N, K) and the data."""
    return _parameters(_robens.problem_parameters())


@functools.lru_cache(maxsize=None)
def run_options() -> Tuple[Parameter, ...]:
    """The run options' table: warm starts (init_from...) and output files (trace, save)."""
    return _parameters(_robens.run_options())


def defaults(algo: str = "rsgd") -> Dict[str, Any]:
    """The defaults of a training run with ``algo``: problem, run options, then the algorithm."""
    out = {p.key: p.default for p in problem_parameters()}
    out.update({p.key: p.default for p in run_options()})
    out.update(algorithm(algo).defaults())
    return out


def canonical_params(params: Dict[str, Any]) -> Dict[str, Any]:
    """Keyword arguments as table keys: ``lambda_`` → ``lambda`` (Python keywords only)."""
    out = {}
    for name, value in params.items():
        key = name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name
        if key in out:
            raise TypeError(f"{name}: given twice (as {key} and {name})")
        out[key] = value
    return out


def keyword_parameters(tables: Iterable[Parameter]) -> List[inspect.Parameter]:
    """inspect.Parameters (keyword-only, with the table's defaults) for a signature."""
    return [
        inspect.Parameter(p.python_name, inspect.Parameter.KEYWORD_ONLY, default=p.default)
        for p in tables
        if p.settable
    ]


def table_help(title: str, tables: Iterable[Parameter], indent: str = "    ") -> str:
    """A help section: a title, then one line per parameter (fixed ones marked)."""
    lines = [title] + [indent + p.describe() for p in tables]
    return "\n".join(lines)


def check_seed(seed: Any) -> int:
    """The run's seed as the CLI's --seed takes it: a whole number in [0, 2^64)."""
    if isinstance(seed, bool) or not hasattr(seed, "__index__"):
        raise TypeError(f"seed: expected a whole number, got {type(seed).__name__}")
    value = seed.__index__()
    if not 0 <= value < 2**64:
        raise ValueError(f"seed must be in [0, 2^64) (got {value})")
    return value
