"""옵티마이저가 2차원 곡면 위에서 지나가는 길(궤적).

``trajectory(optimizer, surface, start, steps)`` runs the very optimizer classes that train models:
the two coordinates (x, y) are one float32 parameter array of shape (2,), and each step is

    grads = surface.gradient(params)          # (∂f/∂x, ∂f/∂y), float32
    optimizer.apply([grads], [params])        # updates params in place, exactly as in model.fit

so the path is what Keras' optimizer would do from that point.

The result is a ``Trajectory``: a numpy array of shape (steps + 1, 2) (row 0 is the start) with
extra attributes. Divergence is shown, not crashed on: when a step gives a non-finite value (inf/nan)
or lands far outside the surface's view (more than 5 view-widths from its centre), the run stops:
``diverged`` is True, ``stopped_at`` is the number of the step that stopped it, ``reason`` says why,
and the array is shorter (it keeps the last step only if it is finite).
"""
from __future__ import annotations

import numpy as np

from .checks import error as _error, type_error as _type_error

from . import surfaces as _surfaces

__all__ = ["trajectory", "Trajectory", "describe", "make_optimizer"]

# Settings worth showing in a label, in the order they are shown (Keras 3 argument names).
_SETTINGS = ("momentum", "nesterov", "rho", "beta_1", "beta_2", "initial_accumulator_value",
             "weight_decay", "amsgrad", "centered", "epsilon")


class Trajectory(np.ndarray):
    """Points visited by an optimizer: an array of shape (n, 2), float32, plus attributes.

    Attributes:
        losses: f at every point, shape (n,), float64.
        surface: the Surface.
        optimizer: the optimizer object that produced it.
        label: e.g. "Adam(lr=0.1)" for legends.
        steps: the number of steps asked for.
        diverged: True if the run was stopped early (non-finite or far outside the view).
        stopped_at: the step number that stopped the run (1-based), or None.
        reason: None, "non-finite" or "outside the view".
    """

    def __new__(cls, points, **info):
        obj = np.asarray(points, dtype=np.float32).reshape(-1, 2).view(cls)
        obj._info = dict(info)
        return obj

    def __array_finalize__(self, obj):
        self._info = dict(getattr(obj, "_info", {}))

    def __getattr__(self, name):
        info = self.__dict__.get("_info", {})
        if name in info:
            return info[name]
        raise AttributeError(f"'Trajectory' object has no attribute {name!r}")

    @property
    def end(self) -> np.ndarray:
        """The last point reached, shape (2,)."""
        return np.asarray(self)[-1]

    def __repr__(self):
        info = self._info
        status = f", diverged at step {info.get('stopped_at')} ({info.get('reason')})" if info.get("diverged") else ""
        return (f"Trajectory({info.get('label')} on {getattr(info.get('surface'), 'name', '?')}, "
                f"{len(self)} points, end={np.asarray(self)[-1].tolist()}{status})")


def make_optimizer(optimizer, **settings):
    """An optimizer object from a name ("adam") or class (keras.optimizers.Adam), or the object itself.

    ``settings`` (e.g. learning_rate=0.1, momentum=0.9) go to the constructor of a name or class.
    """
    from . import optimizers   # imported here so `import honggong.trajectory` stays light

    if isinstance(optimizer, str):
        opt = optimizers.get(optimizer)
        return type(opt)(**settings) if settings else opt
    if isinstance(optimizer, type):
        return optimizer(**settings)
    if not hasattr(optimizer, "apply"):
        raise _type_error(
            f"Expected an optimizer (a name like 'adam', an optimizer class or object with apply()), "
            f"received {type(optimizer).__name__}: {optimizer!r}. "
            "해결: 'sgd', 'adam' 같은 이름이나 keras.optimizers.Adam(learning_rate=0.1)을 주세요."
        )
    if settings:
        raise _type_error(
            f"Expected no extra settings with an optimizer object, received {sorted(settings)}. "
            "해결: 설정은 옵티마이저를 만들 때 주세요, 예: Adam(learning_rate=0.1)."
        )
    return optimizer


def _fmt(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, float, np.floating, np.integer)):
        return f"{float(value):.4g}"     # 4 significant digits, like the slider readouts
    return repr(value)


def describe(optimizer) -> str:
    """A short legend label: class name, learning rate and the settings that differ from the defaults.

    e.g. ``SGD(lr=0.1, momentum=0.9)``, ``Adam(lr=0.001)``.
    """
    cls = type(optimizer)
    try:
        default = cls()
    except TypeError:
        default = None
    parts = [f"lr={_fmt(getattr(optimizer, 'learning_rate', float('nan')))}"]
    for key in _SETTINGS:
        if not hasattr(optimizer, key):
            continue
        value = getattr(optimizer, key)
        if default is not None and getattr(default, key, None) == value:
            continue
        if value is None:
            continue
        parts.append(f"{key}={_fmt(value)}")
    return f"{cls.__name__}({', '.join(parts)})"


MAX_STEPS = 100_000     # more is almost surely a typo: the loop would run for minutes


def trajectory(optimizer, surface="bowl", start=None, steps: int = 50, **settings) -> Trajectory:
    """Run ``optimizer`` for ``steps`` steps on ``surface`` from ``start``; return the visited points.

    Args:
        optimizer: a name ("sgd", "adam", ...), an optimizer class, or an optimizer object.
            An object is used as given (its state carries over); names and classes make a new one
            with ``settings`` (e.g. ``trajectory("sgd", learning_rate=0.1, momentum=0.9)``).
        surface: a Surface or its name (see ``honggong.surfaces.names()``); default the textbook bowl.
        start: (x, y); default the surface's start, (-7, 2) for the bowl.
        steps: number of optimizer steps (>= 0).

    Returns:
        Trajectory, an array of shape (steps + 1, 2) (shorter if it diverged; see module docstring).
    """
    surf = _surfaces.get(surface)
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 0 <= steps <= MAX_STEPS:
        raise _error(
            f"Expected steps to be an integer from 0 to {MAX_STEPS:,}, received steps={steps!r}. "
            "해결: steps=50 처럼 0 이상의 정수를 주세요 (경로 그림에는 수백 걸음이면 충분합니다)."
        )
    opt = make_optimizer(optimizer, **settings)
    params = np.array(surf.start if start is None else start, dtype=np.float32)
    if params.shape != (2,) or not np.all(np.isfinite(params)):
        raise _error(
            f"Expected start to be a finite point (x, y), received start={start!r}. "
            "해결: start=(-7.0, 2.0) 처럼 두 개의 수를 주세요."
        )
    points = [params.copy()]
    stopped_at, reason = None, None
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(1, int(steps) + 1):
            grads = np.array(surf.grad(params[0], params[1]), dtype=np.float32)  # = surf.gradient(params)
            opt.apply([grads], [params])
            if not np.isfinite(params).all():
                stopped_at, reason = step, "non-finite"
                break
            points.append(params.copy())
            if surf.far_outside(params):
                stopped_at, reason = step, "outside the view"
                break
        pts = np.array(points, dtype=np.float32)
        losses = np.asarray(surf.value(pts[:, 0].astype(np.float64), pts[:, 1].astype(np.float64)))
    return Trajectory(
        pts, losses=losses, surface=surf, optimizer=opt, label=describe(opt), steps=int(steps),
        diverged=stopped_at is not None, stopped_at=stopped_at, reason=reason,
    )


class _CallableModule(type(np)):
    """Lets ``honggong.trajectory(...)`` call the function while ``honggong.trajectory.Trajectory``
    still names the class: the module object itself forwards calls to trajectory()."""

    def __call__(self, *args, **kwargs):
        return trajectory(*args, **kwargs)


import sys as _sys  # noqa: E402

_sys.modules[__name__].__class__ = _CallableModule
