"""2차원 시험 함수(손실 곡면)와 그 해석적 기울기.

Each surface is a function f(x, y) of two parameters, like a loss with only two weights, so an
optimizer's path can be drawn on a contour map. Every surface knows

- ``value(x, y)``: f, vectorized (x, y may be numpy arrays of any broadcastable shape),
- ``gradient(point)``: the analytic gradient (∂f/∂x, ∂f/∂y) at a point of shape (2,),
- ``minima``: the known minimum points, ``saddles``: known saddle points,
- a sensible view: ``xlim``, ``ylim``, default ``start`` and contour ``levels``.

    >>> s = surfaces.get("bowl")          # the textbook's f(x, y) = x²/20 + y², start (-7, 2)
    >>> s.value(-7.0, 2.0)
    6.45
    >>> s.gradient([-7.0, 2.0])           # (x/10, 2y)
    array([-0.7,  4. ])

No matplotlib here: this module is as cheap to import as numpy.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .checks import error as _error, numeric as _numeric, type_error as _type_error

__all__ = [
    "Surface", "get", "names",
    "bowl", "ill_conditioned", "rosenbrock", "beale", "saddle", "himmelblau",
]


@dataclass(frozen=True)
class Surface:
    """A 2-D test function with its analytic gradient and a default view.

    Attributes:
        name: registry name, e.g. "bowl".
        title: the formula as text for plot titles, e.g. "f(x, y) = x²/20 + y²".
        description: one Korean sentence about what the surface teaches.
        f: vectorized function f(x, y).
        grad: vectorized gradient (x, y) -> (∂f/∂x, ∂f/∂y).
        minima: known minimum points ((x, y), ...).
        saddles: known saddle points ((x, y), ...).
        xlim, ylim: the view (axis limits) for plots.
        start: default start point of a trajectory.
        levels: contour levels (increasing f values) for plots.
    """

    name: str
    title: str
    description: str
    f: Callable
    grad: Callable
    minima: tuple
    xlim: tuple
    ylim: tuple
    start: tuple
    levels: tuple
    saddles: tuple = ()
    params: dict = field(default_factory=dict)

    def value(self, x, y):
        """f(x, y); x and y may be floats or broadcastable arrays."""
        return self.f(x, y)

    def __call__(self, point):
        """f at a point (x, y): ``surface([x, y])``; a (..., 2) array gives (...) values."""
        p = _numeric(point, "point", "surface")
        _check_point(p, "point", allow_batch=True)
        return self.f(p[..., 0], p[..., 1])

    def gradient(self, point) -> np.ndarray:
        """The analytic gradient [∂f/∂x, ∂f/∂y] at ``point`` (shape (2,)), same dtype as the point."""
        p = _numeric(point, "point", "surface")
        _check_point(p, "point")
        if not np.issubdtype(p.dtype, np.floating):
            p = p.astype(np.float64)
        gx, gy = self.grad(p[0], p[1])
        return np.array([gx, gy], dtype=p.dtype)

    def grid(self, n: int = 200):
        """(X, Y, Z) on an n × n grid over the view, for contour plots (float64)."""
        xs = np.linspace(self.xlim[0], self.xlim[1], n)
        ys = np.linspace(self.ylim[0], self.ylim[1], n)
        X, Y = np.meshgrid(xs, ys)
        return X, Y, self.f(X, Y)

    def far_outside(self, point, factor: float = 5.0) -> bool:
        """True when ``point`` is more than ``factor`` view-widths away from the view's centre.

        trajectory() stops there: the optimizer has left the picture (it diverges).
        """
        x, y = float(point[0]), float(point[1])
        cx, cy = sum(self.xlim) / 2, sum(self.ylim) / 2
        wx, wy = self.xlim[1] - self.xlim[0], self.ylim[1] - self.ylim[0]
        return abs(x - cx) > factor * wx or abs(y - cy) > factor * wy

    def __repr__(self):
        return f"Surface({self.name!r}: {self.title})"


def _check_point(p: np.ndarray, what: str, allow_batch: bool = False) -> None:
    ok = p.shape == (2,) or (allow_batch and p.ndim >= 1 and p.shape[-1] == 2)
    if not ok:
        raise _error(
            f"Expected a 2-D point (x, y) of shape (2,), received {what} with shape {p.shape}. "
            "해결: 점은 [x, y] 두 개의 수로 주세요 (예: [-7.0, 2.0])."
        )


# ---------------------------------------------------------------------------------------------
# The surfaces
# ---------------------------------------------------------------------------------------------

def bowl() -> Surface:
    """The textbook's elongated bowl f(x, y) = x²/20 + y², minimum at (0, 0), start (-7, 2).

    Gradient: ∂f/∂x = x/10, ∂f/∂y = 2y. The y direction is 20 times steeper than the x
    direction, so plain SGD zig-zags in y while crawling in x.
    """
    return Surface(
        name="bowl",
        title="f(x, y) = x²/20 + y²",
        description="y 방향이 x 방향보다 20배 가파른 길쭉한 그릇: SGD는 지그재그로 움직입니다.",
        f=lambda x, y: x * x / 20 + y * y,
        grad=lambda x, y: (x / 10, 2 * y),
        minima=((0.0, 0.0),),
        xlim=(-10.0, 10.0),
        ylim=(-5.0, 5.0),
        start=(-7.0, 2.0),
        levels=tuple(float(v) for v in np.geomspace(0.01, 30.0, 14)),
    )


def ill_conditioned(condition_number: float = 25.0) -> Surface:
    """Quadratic f(x, y) = (x² + κ·y²) / 2 with condition number κ = ``condition_number``.

    Hessian = diag(1, κ): the curvatures differ by the factor κ. Gradient: (x, κ·y).
    Plain gradient descent is stable only for learning_rate < 2/κ, yet needs many steps along x.
    """
    kappa = float(condition_number)
    if not np.isfinite(kappa) or kappa < 1.0:
        raise _error(
            f"Expected condition_number >= 1, received condition_number={condition_number!r}. "
            "해결: 조건수는 1 이상이어야 합니다 (1이면 둥근 그릇)."
        )
    return Surface(
        name="ill_conditioned",
        title=f"f(x, y) = (x² + {kappa:g}·y²) / 2",
        description=f"조건수 κ = {kappa:g}: 두 방향의 곡률이 {kappa:g}배 다릅니다.",
        f=lambda x, y: (x * x + kappa * y * y) / 2,
        grad=lambda x, y: (x, kappa * y),
        minima=((0.0, 0.0),),
        xlim=(-10.0, 10.0),
        ylim=(-5.0, 5.0),
        start=(-7.0, 2.0),
        levels=tuple(float(v) for v in np.geomspace(0.05, 30.0 * kappa, 14)),
        params={"condition_number": kappa},
    )


def rosenbrock(a: float = 1.0, b: float = 100.0) -> Surface:
    """Rosenbrock's banana valley f(x, y) = (a − x)² + b·(y − x²)², minimum at (a, a²).

    Gradient: ∂f/∂x = −2(a − x) − 4b·x·(y − x²), ∂f/∂y = 2b·(y − x²).
    Finding the curved valley is easy, following it to the minimum is hard.
    """
    a, b = float(a), float(b)
    return Surface(
        name="rosenbrock",
        title=f"f(x, y) = ({a:g} − x)² + {b:g}·(y − x²)²",
        description="바나나 모양의 휘어진 골짜기: 골짜기는 금방 찾지만 바닥을 따라가기는 어렵습니다.",
        f=lambda x, y: (a - x) ** 2 + b * (y - x * x) ** 2,
        grad=lambda x, y: (-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)),
        minima=((a, a * a),),
        xlim=(-2.0, 2.0),
        ylim=(-1.0, 3.0),
        start=(-1.5, 2.0),
        levels=tuple(float(v) for v in np.geomspace(0.1, 2000.0, 15)),
        params={"a": a, "b": b},
    )


def _beale_terms(x, y):
    return 1.5 - x + x * y, 2.25 - x + x * y ** 2, 2.625 - x + x * y ** 3


def _beale_grad(x, y):
    t1, t2, t3 = _beale_terms(x, y)
    gx = 2 * t1 * (y - 1) + 2 * t2 * (y ** 2 - 1) + 2 * t3 * (y ** 3 - 1)
    gy = 2 * t1 * x + 2 * t2 * (2 * x * y) + 2 * t3 * (3 * x * y ** 2)
    return gx, gy


def beale() -> Surface:
    """Beale's function, minimum f(3, 0.5) = 0.

    f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
    With t1, t2, t3 the three brackets:
    ∂f/∂x = 2t1(y − 1) + 2t2(y² − 1) + 2t3(y³ − 1),  ∂f/∂y = 2t1·x + 2t2·2xy + 2t3·3xy².
    Flat plateaus next to very steep walls.
    """
    return Surface(
        name="beale",
        title="f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        description="평평한 고원과 아주 가파른 벽이 함께 있는 곡면입니다.",
        f=lambda x, y: sum(t * t for t in _beale_terms(x, y)),
        grad=_beale_grad,
        minima=((3.0, 0.5),),
        xlim=(-4.5, 4.5),
        ylim=(-4.5, 4.5),
        start=(1.0, 1.5),
        levels=tuple(float(v) for v in np.geomspace(0.1, 1e5, 16)),
    )


def saddle() -> Surface:
    """A saddle f(x, y) = x² − y²: a minimum along x, a maximum along y, no minimum at all.

    Gradient: (2x, −2y). The saddle point (0, 0) has zero gradient; an optimizer started just
    off the ridge (y ≠ 0) slides away along y, and f falls without bound (the path leaves the view).
    """
    return Surface(
        name="saddle",
        title="f(x, y) = x² − y²",
        description="안장점 (0, 0): 기울기가 0이지만 최솟값이 아닙니다.",
        f=lambda x, y: x * x - y * y,
        grad=lambda x, y: (2 * x, -2 * y),
        minima=(),
        saddles=((0.0, 0.0),),
        xlim=(-2.0, 2.0),
        ylim=(-2.0, 2.0),
        start=(-1.5, 0.01),
        levels=tuple(float(v) for v in np.linspace(-4.0, 4.0, 17)),
    )


def himmelblau() -> Surface:
    """Himmelblau's function f = (x² + y − 11)² + (x + y² − 7)², four minima with f = 0.

    Gradient: ∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7), ∂f/∂y = 2(x² + y − 11) + 4y(x + y² − 7).
    Which minimum you reach depends on the start point and on the optimizer.
    """
    return Surface(
        name="himmelblau",
        title="f(x, y) = (x² + y − 11)² + (x + y² − 7)²",
        description="최솟값이 네 개: 어느 곳에 도착할지는 시작점과 옵티마이저에 달려 있습니다.",
        f=lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        grad=lambda x, y: (
            4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
            2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
        ),
        minima=(
            (3.0, 2.0),
            (-2.805118, 3.131312),
            (-3.779310, -3.283186),
            (3.584428, -1.848126),
        ),
        saddles=(
            (-3.073026, -0.081353), (-0.127961, -1.953715),
            (0.086678, 2.884255), (3.385154, 0.073852),
        ),
        xlim=(-5.0, 5.0),
        ylim=(-5.0, 5.0),
        start=(0.0, 0.0),
        levels=tuple(float(v) for v in np.geomspace(0.5, 800.0, 14)),
    )


_REGISTRY = {
    "bowl": bowl,
    "ill_conditioned": ill_conditioned,
    "rosenbrock": rosenbrock,
    "beale": beale,
    "saddle": saddle,
    "himmelblau": himmelblau,
}

KOREAN_NAMES = {
    "bowl": "길쭉한 그릇 (교재)",
    "ill_conditioned": "나쁜 조건수의 2차 함수",
    "rosenbrock": "로젠브록 골짜기",
    "beale": "빌 함수",
    "saddle": "안장점",
    "himmelblau": "힘멜블라우 (최솟값 4개)",
}


def names() -> list:
    """Registered surface names: bowl, ill_conditioned, rosenbrock, beale, saddle, himmelblau."""
    return list(_REGISTRY)


def get(identifier="bowl", **kwargs) -> Surface:
    """A Surface by name (kwargs go to its constructor, e.g. condition_number=100), or the Surface itself."""
    if isinstance(identifier, Surface):
        if kwargs:
            raise _type_error(
                f"Expected no keyword arguments with a Surface object, received {sorted(kwargs)}. "
                "해결: 설정은 이름과 함께 주세요, 예: surfaces.get('ill_conditioned', condition_number=100)."
            )
        return identifier
    if isinstance(identifier, str) and identifier in _REGISTRY:
        return _REGISTRY[identifier](**kwargs)
    raise _error(
        f"Unknown surface: expected one of {names()}, received {identifier!r}. "
        "해결: 위 이름 중 하나를 쓰세요."
    )
