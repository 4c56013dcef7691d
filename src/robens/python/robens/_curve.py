"""Curves returned by robens.theory: a dict of numpy columns (``pd.DataFrame(curve)`` works)
with the run's scalars and settings in ``.info``."""

from __future__ import annotations

from typing import Any, Dict


class Curve(dict):
    """Columns of a theory curve (name → numpy array) plus ``info`` (a dict: parameters, version,
    and e.g. ``d_star`` for the Franz-Parisi curve)."""

    def __init__(self, columns: Dict[str, Any], info: Dict[str, Any]):
        super().__init__(columns)
        self.info = info

    def __repr__(self) -> str:
        n = len(next(iter(self.values()))) if self else 0
        return f"Curve({n} points: {', '.join(self)}; info keys: {', '.join(self.info)})"
