"""Weight penalties (regularizers) with Keras 3 names and defaults.

규제(regularizer)는 가중치가 커지지 않도록 손실에 벌점을 더합니다.

- L1:   ``penalty = l1 · Σ|w|``     gradient ``l1 · sign(w)``   (pushes weights to exactly 0)
- L2:   ``penalty = l2 · Σ w²``     gradient ``2 · l2 · w``     (shrinks all weights smoothly)
- L1L2: both terms added.

Keras defaults: ``L1(l1=0.01)``, ``L2(l2=0.01)``, ``L1L2(l1=0.0, l2=0.0)``. As in Keras 3,
``l1``, ``l2`` and ``l1_l2`` are the same classes under lower-case names, so
``regularizers.l1_l2()`` has *no* penalty until you give ``l1=`` and/or ``l2=``.
Note: Keras' L2 has no factor ½, so its gradient is ``2·l2·w``.
"""
import math

import numpy as np

from honggong import backend
from honggong.backend import HonggongError, HonggongTypeError, message


def _factor(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)) \
            or math.isnan(value) or math.isinf(value) or value < 0:
        raise HonggongError(message(
            f"Invalid value for argument {name}: expected a non-negative float, "
            f"received {name}={value!r}.",
            f"해결: {name}=0.01처럼 0 이상의 작은 실수를 주세요.",
        ))
    return float(value)


class Regularizer(backend.Configurable):
    """Base class: ``reg(w)`` (or ``reg.penalty(w)``) → float, ``reg.gradient(w)`` → array."""

    def __call__(self, w):
        return self.penalty(w)

    def penalty(self, w):
        raise NotImplementedError

    def gradient(self, w):
        raise NotImplementedError


class L1L2(Regularizer):
    """``penalty = l1·Σ|w| + l2·Σw²``;  ``gradient = l1·sign(w) + 2·l2·w``."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _factor(0.0 if l1 is None else l1, "l1")
        self.l2 = _factor(0.0 if l2 is None else l2, "l2")

    def penalty(self, w):
        w = np.asarray(w)
        total = 0.0
        if self.l1:
            total += self.l1 * float(np.sum(np.abs(w), dtype=np.float64))
        if self.l2:
            total += self.l2 * float(np.sum(np.square(w, dtype=np.float64)))
        return total

    def gradient(self, w):
        w = backend.as_float_array(w)
        grad = np.zeros_like(w)
        if self.l1:
            grad += self.l1 * np.sign(w)
        if self.l2:
            grad += (2.0 * self.l2) * w
        return grad

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


class L1(L1L2):
    """``penalty = l1·Σ|w|`` (default ``l1=0.01``);  ``gradient = l1·sign(w)`` (0 at w = 0)."""

    def __init__(self, l1=0.01):
        super().__init__(l1=l1, l2=0.0)

    def get_config(self):
        return {"l1": self.l1}


class L2(L1L2):
    """``penalty = l2·Σw²`` (default ``l2=0.01``);  ``gradient = 2·l2·w``."""

    def __init__(self, l2=0.01):
        super().__init__(l1=0.0, l2=l2)

    def get_config(self):
        return {"l2": self.l2}


l1, l2, l1_l2 = L1, L2, L1L2

_CLASSES = {"l1": L1, "l2": L2, "l1l2": L1L2, "l1_l2": L1L2,
            "L1": L1, "L2": L2, "L1L2": L1L2}
NAMES = ("l1", "l2", "l1_l2")


def get(identifier):
    """Return a regularizer for ``None`` (no penalty → ``None``), a name ("l1", "l2", "l1_l2"),
    a class or an instance. A name gives the Keras defaults (``"l1_l2"`` → no penalty)."""
    if identifier is None:
        return None
    found = backend.resolve(identifier, Regularizer, _CLASSES, lambda name: message(
        f"Unknown regularizer {name!r}. Expected one of: {', '.join(NAMES)}.",
        "해결: 예) kernel_regularizer=keras.regularizers.l2(0.001)",
    ))
    if found is not None:
        return found
    raise HonggongTypeError(message(
        "Could not interpret regularizer: expected None, a name or a Regularizer, received "
        f"{backend.describe(identifier)}.",
        "해결: kernel_regularizer=keras.regularizers.l2(0.01)처럼 주세요.",
    ))


serialize = backend.serialize     # an object -> {"class_name", "config"}; a name stays a name


def deserialize(config):
    """The inverse of ``serialize``: a name or a saved config -> the regularizer (``get``)."""
    return get(config)
