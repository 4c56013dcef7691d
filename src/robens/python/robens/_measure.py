"""Measurements on trained networks, as ``robens measure`` makes them (PRL 2019 Fig. 3; the
library's measure/robustness.hpp): robustness curves, the majority network, replica overlaps."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Union

import numpy as np

from . import _robens

Network = _robens.Network


def _network(net) -> Network:
    return net.center if hasattr(net, "center") else net


def _etas(etas, eta_max: float, eta_steps: int) -> List[float]:
    if etas is None:
        return list(_robens.eta_grid(eta_max, eta_steps))
    return [float(e) for e in np.atleast_1d(np.asarray(etas, dtype=float))]


def input_noise(
    network,
    X,
    y=None,
    *,
    etas: Optional[Sequence[float]] = None,
    eta_max: float = 0.3,
    eta_steps: int = 7,
    perturbations: int = 50,
    seed: int = 1,
    noise: str = "exact",
) -> Dict[str, np.ndarray]:
    """Robustness to input noise (``robens measure --what input-noise``): for every pattern,
    ``perturbations`` copies with a fraction eta of its inputs flipped (noise='exact': exactly
    round(eta N) distinct entries; 'bernoulli': each with probability eta), and the fraction
    misclassified. ``network``: a Network or a Result (its centre); X, y: arrays or Patterns.
    ``etas`` (default: the grid 0..eta_max in eta_steps points). Returns a dict of arrays
    ``eta``, ``error_probability``, ``standard_error`` (over patterns), pandas-ready."""
    return _robens._input_noise(
        _network(network), X, y, _etas(etas, eta_max, eta_steps), perturbations, seed, noise
    )


def weight_noise(
    network,
    X,
    y=None,
    *,
    etas: Optional[Sequence[float]] = None,
    eta_max: float = 0.3,
    eta_steps: int = 7,
    perturbations: int = 50,
    seed: int = 1,
    noise: str = "exact",
) -> Dict[str, np.ndarray]:
    """Robustness to weight flips (``robens measure --what weight-noise``): the error rate on
    (X, y) after flipping a fraction eta of the weights, averaged over ``perturbations`` random
    flip sets. Arguments and result as :func:`input_noise`."""
    return _robens._weight_noise(
        _network(network), X, y, _etas(etas, eta_max, eta_steps), perturbations, seed, noise
    )


def majority(networks, seed: int = 1) -> Network:
    """The spin-wise majority of networks (a list, or a Result's replicas); ties (an even
    number of networks) broken by seeded random bits, as ``robens measure --networks majority``."""
    nets = networks.replicas if hasattr(networks, "replicas") else list(networks)
    return _robens._majority(nets, seed)


def overlaps(replicas, center: Optional[Network] = None, seed: int = 1) -> Dict[str, object]:
    """Overlaps and distances between replicas and a centre (``robens measure --what
    overlaps``): ``replica_overlap`` (mean q_ab over pairs), ``center_overlap``,
    ``replica_distance``, ``center_distance`` ((1 - q)/2) and ``unit_replica_overlap`` (an array,
    per hidden unit). ``replicas``: a list of networks, or a Result (its replicas; centre: its
    centre unless given). Without a centre: the replicas' majority."""
    if hasattr(replicas, "replicas"):
        center = replicas.center if center is None else center
        replicas = replicas.replicas
    replicas = list(replicas)
    if center is None:
        center = majority(replicas, seed)
    return _robens._overlaps(replicas, center)


def eta_grid(max: float = 0.3, steps: int = 7) -> np.ndarray:
    """The noise grid 0, max/(steps-1), ..., max (``robens measure --eta-max --eta-steps``)."""
    return _robens.eta_grid(max, steps)
