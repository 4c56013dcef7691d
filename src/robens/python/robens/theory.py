"""Replica theory of binary perceptrons and K -> infinity tree committees (sign or ReLU units,
binary or spherical weights): every quantity of ``robens theory`` (formulas and choices:
docs/theory.md; PRL 123, 170602 (2019); PNAS 113, E7655 (2016)).

Functions: :func:`capacity`, :func:`saddle`, :func:`at_line`, :func:`one_rsb_capacity`,
:func:`franz_parisi`, :func:`large_deviation`, :func:`local_entropy_bound`, :func:`phi`. Scalars
are floats (``full_output=True`` gives the details as a dict); curves are :class:`Curve` objects,
dicts of numpy arrays. The defaults are the CLI's.
"""

import numpy as _np

from ._curve import Curve
from ._robens import theory as _t

capacity = _t.capacity
at_line = _t.at_line
one_rsb_capacity = _t.one_rsb_capacity
franz_parisi = _t.franz_parisi
large_deviation = _t.large_deviation
local_entropy_bound = _t.local_entropy_bound
phi = _t.phi


def saddle(alpha, **settings) -> Curve:
    return _t.saddle([float(a) for a in _np.atleast_1d(_np.asarray(alpha, dtype=float))], **settings)


saddle.__doc__ = "saddle(alpha: float | array, **settings) -> Curve\n\n" + _t.saddle.__doc__

__all__ = [
    "Curve",
    "at_line",
    "capacity",
    "franz_parisi",
    "large_deviation",
    "local_entropy_bound",
    "one_rsb_capacity",
    "phi",
    "saddle",
]
