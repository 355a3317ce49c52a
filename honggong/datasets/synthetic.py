"""빠른 데모용 작은 합성 데이터셋 — 씨앗(seed)이 같으면 언제나 같은 데이터.

Every function returns ``(x, y)``: ``x`` float32 of shape (n, 2) (or (n, 1) for regression1d),
``y`` int64 class labels 0..k-1 (classification) or float32 targets (regression).
Samples are shuffled (also with ``seed``), so ``validation_split`` — which takes the LAST part of
the data, as in Keras — sees every class. No scikit-learn needed.
"""
import numpy as np

from .. import checks
from ._errors import DatasetError


MAX_SAMPLES = 1_000_000      # demo sets: a bigger request is almost surely a typo (and needs GBs)


def _check_int(name, value, minimum, maximum=MAX_SAMPLES):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise DatasetError(f"{name} must be an integer >= {minimum}, received {value!r}.\n"
                           f"해결: {name}에는 {minimum} 이상의 정수를 넣으세요.")
    if maximum is not None and value > maximum:
        raise DatasetError(f"{name} must be at most {maximum:,} for these small demo datasets, "
                           f"received {value:,}.\n해결: 예: {name}=200 (수백 개면 충분합니다).")


def _check_noise(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not np.isfinite(value) or value < 0:
        raise DatasetError(f"{name} must be a number >= 0, received {value!r}.\n"
                           f"해결: {name}은(는) 0 이상이어야 합니다.")


def _rng(seed):
    """numpy's generator for ``seed`` (None or an integer >= 0)."""
    if seed is not None:
        _check_int("seed", seed, 0, maximum=None)
    return np.random.default_rng(seed)


def _shuffled(rng, x, y):
    order = rng.permutation(len(x))
    return x[order].astype(np.float32), y[order]


def spirals(n_per_class=100, n_classes=3, noise=0.2, seed=0):
    """``n_classes`` interleaved spiral arms, ``n_per_class`` points each (CS231n style).

    Arm k, point i (r from 0 to 1 along the arm)::

        r = i / (n_per_class - 1)
        t = 4 (k + r) + noise * N(0, 1)          (angle; 4 radians per arm)
        x = (r sin t, r cos t),   y = k
    """
    _check_int("n_per_class", n_per_class, 2)
    _check_int("n_classes", n_classes, 2, maximum=1000)
    _check_int("n_per_class * n_classes", n_per_class * n_classes, 4)
    _check_noise("noise", noise)
    rng = _rng(seed)
    r = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes), n_per_class)
    t = 4.0 * (y + r) + noise * rng.standard_normal(r.shape)
    x = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
    return _shuffled(rng, x, y)


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles (class 0: upper moon, class 1: lower moon).

    With t evenly spaced in [0, pi]::

        class 0:  (cos t, sin t)              n - n // 2 points
        class 1:  (1 - cos t, 0.5 - sin t)    n // 2 points
        then each coordinate + noise * N(0, 1)
    """
    _check_int("n", n, 2)
    _check_noise("noise", noise)
    rng = _rng(seed)
    n_lower = n // 2
    t_upper = np.linspace(0.0, np.pi, n - n_lower)
    t_lower = np.linspace(0.0, np.pi, n_lower)
    x = np.concatenate([np.stack([np.cos(t_upper), np.sin(t_upper)], axis=1),
                        np.stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)], axis=1)])
    y = np.concatenate([np.zeros(n - n_lower, dtype=np.int64), np.ones(n_lower, dtype=np.int64)])
    x = x + noise * rng.standard_normal(x.shape)
    return _shuffled(rng, x, y)


def circles(n=200, noise=0.1, factor=0.5, seed=0):
    """A small circle inside a big one (class 0: outer circle of radius 1, class 1: inner circle).

    With t evenly spaced in [0, 2 pi)::

        class 0:  (cos t, sin t)                      n - n // 2 points
        class 1:  factor * (cos t, sin t)             n // 2 points
        then each coordinate + noise * N(0, 1)

    No straight line separates them: a model needs a hidden layer (or the features x₁², x₂²).
    """
    _check_int("n", n, 2)
    _check_noise("noise", noise)
    if not 0 < factor < 1:
        raise DatasetError(f"factor must be between 0 and 1 (inner radius / outer radius), received {factor!r}.\n"
                           "해결: factor=0.5처럼 0과 1 사이의 값을 주세요.")
    rng = _rng(seed)
    n_inner = n // 2
    t_outer = np.linspace(0.0, 2 * np.pi, n - n_inner, endpoint=False)
    t_inner = np.linspace(0.0, 2 * np.pi, n_inner, endpoint=False)
    x = np.concatenate([np.stack([np.cos(t_outer), np.sin(t_outer)], axis=1),
                        factor * np.stack([np.cos(t_inner), np.sin(t_inner)], axis=1)])
    y = np.concatenate([np.zeros(n - n_inner, dtype=np.int64), np.ones(n_inner, dtype=np.int64)])
    x = x + noise * rng.standard_normal(x.shape)
    return _shuffled(rng, x, y)


def xor(n=200, noise=0.0, seed=0):
    """The XOR pattern: points uniform in [-1, 1]², class 1 where the two coordinates have different signs.

        x ~ U(-1, 1)²,   y = 1 if x₁ · x₂ < 0 else 0,   then each coordinate + noise * N(0, 1)

    (the label is decided before the noise, so noise blurs the border). The classic problem a single
    neuron cannot solve (Minsky & Papert, 1969).
    """
    _check_int("n", n, 2)
    _check_noise("noise", noise)
    rng = _rng(seed)
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = (x[:, 0] * x[:, 1] < 0).astype(np.int64)
    x = x + noise * rng.standard_normal(x.shape)
    return _shuffled(rng, x, y)


def blobs(n=300, centers=3, std=1.0, seed=0):
    """Gaussian blobs: points ``center_k + std * N(0, I)``, classes as equal in size as possible.

    ``centers`` is a number k (the centres then sit evenly on a circle of radius 5:
    ``5 (cos(2 pi k/K + pi/2), sin(2 pi k/K + pi/2))``) or an array of shape (k, 2).
    """
    _check_int("n", n, 1)
    _check_noise("std", std)
    if isinstance(centers, (int, np.integer)):
        _check_int("centers", centers, 1, maximum=1000)
        angle = 2 * np.pi * np.arange(centers) / centers + np.pi / 2
        centers = 5.0 * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    centers = checks.numeric(centers, "centers", "blobs").astype(np.float64)
    if centers.ndim != 2 or centers.shape[1] != 2 or len(centers) == 0 \
            or not np.all(np.isfinite(centers)):
        raise DatasetError(f"centers must be a number or an array of shape (k, 2), received shape "
                           f"{centers.shape}.\n해결: 중심은 (k, 2) 모양의 좌표 배열로 주세요.")
    rng = _rng(seed)
    y = np.arange(n) % len(centers)
    x = centers[y] + std * rng.standard_normal((n, 2))
    return _shuffled(rng, x, y.astype(np.int64))


def regression1d(n=100, noise=0.1, seed=0):
    """A noisy sine for 1-D regression: ``x ~ U(-1, 1)``, ``y = sin(pi x) + noise * N(0, 1)``.

    Returns ``x`` float32 (n, 1) and ``y`` float32 (n,).
    """
    _check_int("n", n, 1)
    _check_noise("noise", noise)
    rng = _rng(seed)
    x = rng.uniform(-1.0, 1.0, size=(n, 1))
    y = np.sin(np.pi * x[:, 0]) + noise * rng.standard_normal(n)
    return x.astype(np.float32), y.astype(np.float32)
