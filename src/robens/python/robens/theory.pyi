# Signatures of robens.theory (the functions live in the extension; defaults: the CLI's).
from typing import Any, Dict, Sequence, Union, overload

import numpy as np
import numpy.typing as npt

from ._curve import Curve

def capacity(model: str = ..., activation: str = ..., weights: str = ..., kernel_variant: str = ...,
             nodes: int = ..., tolerance: float = ..., damping: float = ...,
             full_output: bool = ...) -> Union[float, Dict[str, Any]]: ...
def saddle(alpha: Union[float, Sequence[float], npt.NDArray[np.float64]], *, model: str = ...,
           activation: str = ..., weights: str = ..., kernel_variant: str = ..., nodes: int = ...,
           tolerance: float = ..., damping: float = ...) -> Curve: ...
def at_line(model: str = ..., activation: str = ..., weights: str = ..., kernel_variant: str = ...,
            nodes: int = ..., tolerance: float = ..., damping: float = ...,
            full_output: bool = ...) -> Union[float, Dict[str, Any]]: ...
def one_rsb_capacity(model: str = ..., activation: str = ..., weights: str = ...,
                     kernel_variant: str = ..., nodes: int = ..., mu_min: float = ...,
                     mu_max: float = ..., ansatz: str = ...,
                     full_output: bool = ...) -> Union[float, Dict[str, Any]]: ...
def franz_parisi(alpha: float = ..., d_min: float = ..., d_max: float = ..., points: int = ...,
                 model: str = ..., activation: str = ..., weights: str = ...,
                 kernel_variant: str = ..., outer_nodes: int = ..., inner_nodes: int = ...,
                 eta_nodes: int = ..., table_points: int = ..., tolerance: float = ...,
                 damping: float = ...) -> Curve: ...
def large_deviation(alpha: float = ..., q1_min: float = ..., q1_max: float = ...,
                    points: int = ..., model: str = ..., activation: str = ..., weights: str = ...,
                    kernel_variant: str = ..., nodes: int = ...) -> Curve: ...
@overload
def local_entropy_bound(d: float) -> float: ...
@overload
def local_entropy_bound(d: npt.ArrayLike) -> npt.NDArray[np.float64]: ...
@overload
def phi(q: float, model: str = ..., activation: str = ..., kernel_variant: str = ...) -> float: ...
@overload
def phi(q: npt.ArrayLike, model: str = ..., activation: str = ...,
        kernel_variant: str = ...) -> npt.NDArray[np.float64]: ...

__all__: list[str]
