"""Where the robens binary is: sweeps run every job as a ``robens train`` process."""

from __future__ import annotations

import os
import shutil
from typing import List, Optional

from . import _robens


def _candidates(explicit: Optional[str]) -> List[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    found = [explicit, os.environ.get("ROBENS_EXECUTABLE"), os.path.join(here, "bin", "robens"),
             _robens._build_executable, shutil.which("robens")]
    return [c for c in found if c]


def robens_executable(explicit: Optional[str] = None) -> str:
    """The robens binary sweeps run: ``explicit`` (then nothing else), else $ROBENS_EXECUTABLE, else the copy
    installed with this package (robens/bin/robens), else the binary of the build that made this
    package, else ``robens`` on PATH."""
    candidates = [explicit] if explicit else _candidates(None)
    for c in candidates:
        if os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    raise FileNotFoundError(
        "cannot find the robens binary (looked at: " + ", ".join(candidates) +
        "); set ROBENS_EXECUTABLE or pass executable="
    )
