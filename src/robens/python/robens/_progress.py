"""Progress display for ``train(progress=True)`` and ``sweep(progress=True)``.

A tqdm bar when tqdm is installed (Debian ``python3-tqdm``), else one line on standard error
redrawn at most ten times a second, like the CLI's progress line.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Dict, Optional

try:  # optional dependency
    from tqdm.auto import tqdm as _tqdm
except ImportError:  # pragma: no cover - depends on the machine
    _tqdm = None


def _postfix(record: Dict[str, Any]) -> Dict[str, Any]:
    out = {"errors": record.get("errors"), "best": record.get("best_errors")}
    for key in ("gamma", "beta"):
        value = record.get(key)
        if isinstance(value, float):
            out[key] = f"{value:.4g}"
        elif value is not None:
            out[key] = value
    return out


class _TextLine:
    """The fallback: a line on standard error, as the CLI draws it."""

    def __init__(self, unit: str, total: Optional[int]):
        self.unit, self.total, self.last, self.drawn = unit, total, 0.0, False

    def update_to(self, n: int, postfix: Dict[str, Any]) -> None:
        now = time.monotonic()
        if self.drawn and now - self.last < 0.1:
            return
        self.last, self.drawn = now, True
        of = f"/{self.total}" if self.total else ""
        extra = "  ".join(f"{k} {v}" for k, v in postfix.items())
        sys.stderr.write(f"\r\x1b[K{self.unit} {n}{of}  {extra}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


class _Bar:
    def __init__(self, unit: str, total: Optional[int], desc: str):
        self.bar = _tqdm(total=total, unit=unit, desc=desc, leave=False, dynamic_ncols=True)

    def update_to(self, n: int, postfix: Dict[str, Any]) -> None:
        self.bar.update(n - self.bar.n)
        self.bar.set_postfix(postfix, refresh=False)

    def close(self) -> None:
        self.bar.close()


class StepProgress:
    """Called with every step record of a training run."""

    def __init__(self, unit: str, desc: str = "robens", total: Optional[int] = None):
        self.impl = _Bar(unit, total, desc) if _tqdm is not None else _TextLine(unit, total)

    def __call__(self, record: Dict[str, Any]) -> None:
        self.impl.update_to(int(record.get("step", 0)), _postfix(record))

    def close(self) -> None:
        self.impl.close()


class JobProgress:
    """Called between the waits of a sweep with (jobs done, jobs in all, jobs running)."""

    def __init__(self, desc: str):
        self.desc, self.impl = desc, None

    def __call__(self, done: int, total: int, running: int) -> None:
        if self.impl is None:
            self.impl = _Bar("job", total, self.desc) if _tqdm else _TextLine("jobs", total)
        self.impl.update_to(done, {"running": running})

    def close(self) -> None:
        if self.impl is not None:
            self.impl.close()
