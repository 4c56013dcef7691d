"""Pattern data: generated, teacher-student, and both pattern file formats."""

from __future__ import annotations

import inspect
import os
from typing import Any, Dict, Optional, Tuple, Union

import numpy as np

from . import _parameters as _p
from . import _robens

PathLike = Union[str, os.PathLike]


def generate(*, seed: int = 1, **params: Any) -> Tuple[np.ndarray, np.ndarray]:
    return _robens._generate(_p.canonical_params(params), _p.check_seed(seed))


def teacher_student(*, seed: int = 1, **params: Any) -> Tuple[np.ndarray, np.ndarray, "_robens.Network"]:
    return _robens._teacher_student(_p.canonical_params(params), _p.check_seed(seed))


def read_patterns(path: PathLike) -> Tuple[np.ndarray, np.ndarray]:
    """Reads a pattern file, text or binary ``.rbp`` (recognised by content; README "File
    formats"). Returns ``(X, y)``: X (M, N) int8 of +1/-1, y (M,) int8 of +1/-1."""
    return _robens._read_patterns(os.fspath(path))


def write_patterns(
    path: PathLike,
    X,
    y,
    *,
    format: str = "auto",
    metadata: Optional[Dict[str, Any]] = None,
) -> None:
    """Writes X (M, N) and y (M,) as a pattern file that ``robens train --patterns`` reads.

    ``format``: 'text' (one pattern per line, the label first), 'binary' (.rbp) or 'auto' (binary
    for a name ending in .rbp). ``metadata`` (a dict) is stored in the file next to the robens
    version. X is binarised as in :func:`robens.train` (entries > 0 are +1)."""
    _robens._write_patterns(os.fspath(path), X, y, format, metadata)


_GENERATE_DOC = """Random patterns ``(X, y)``, the ones ``robens generate`` / ``robens train`` make.

M = round-half-even(alpha * weights) patterns of i.i.d. +1/-1 inputs; labels i.i.d. +1/-1, or
from a random teacher of the same network with ``teacher=True``. The same seed and parameters give
the same patterns as the CLI (``data_seed`` fixes the data separately; -1: ``seed``). Returns X
(M, N_inputs) and y (M,), both int8.

{problem}
"""

_TEACHER_DOC = """Teacher-student data ``(X, y, teacher)``: random inputs labelled by a random
teacher :class:`Network` of the same architecture (``robens generate --teacher --save-teacher``;
the same X, y as ``generate(teacher=True)``).

{problem}
"""


def _data_parameters(*left_out: str):
    return [p for p in _p.problem_parameters() if p.key not in ("patterns",) + left_out]


def _signature(fn, tables) -> inspect.Signature:
    seed = inspect.Parameter("seed", inspect.Parameter.KEYWORD_ONLY, default=1)
    tables = _p.keyword_parameters(tables)
    ret = inspect.signature(fn).return_annotation
    return inspect.Signature([seed] + tables, return_annotation=ret)


generate.__doc__ = _GENERATE_DOC.format(problem=_p.table_help("Parameters:", _data_parameters()))
generate.__signature__ = _signature(generate, _data_parameters())
teacher_student.__doc__ = _TEACHER_DOC.format(
    problem=_p.table_help("Parameters:", _data_parameters("teacher"))
)
teacher_student.__signature__ = _signature(teacher_student, _data_parameters("teacher"))
