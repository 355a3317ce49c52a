"""Weight initializers with Keras 3 names, defaults and formulas.

가중치 초기화 방법입니다. 모든 초기화 객체는 ``init(shape, dtype=None)``으로 호출합니다.

fan_in / fan_out (Keras' ``compute_fans``):
- shape ``(n_in, n_out)`` (Dense kernel): ``fan_in = n_in``, ``fan_out = n_out``;
- shape ``(n,)``: ``fan_in = fan_out = n``;  scalar shape ``()``: both 1;
- more axes (conv kernels ``(..., in, out)``): receptive field × in / × out.

Variance scaling (Glorot, He, LeCun) with ``n`` = fan_in, fan_out or their average:
- uniform:          ``U(−limit, limit)``, ``limit = √(3·scale/n)``
- truncated normal: ``N(0, σ²)`` cut at ±2σ, ``σ = √(scale/n) / 0.87962566103423978``
  (dividing by the std of a unit normal truncated at ±2 makes the final std ``√(scale/n)``).

| name           | scale | n        | distribution     |
|----------------|-------|----------|------------------|
| glorot_uniform | 1     | fan_avg  | uniform          |  (Keras' default for Dense)
| glorot_normal  | 1     | fan_avg  | truncated normal |
| he_uniform     | 2     | fan_in   | uniform          |
| he_normal      | 2     | fan_in   | truncated normal |
| lecun_uniform  | 1     | fan_in   | uniform          |
| lecun_normal   | 1     | fan_in   | truncated normal |

Random numbers come from ``backend.global_rng()`` (set by ``utils.set_random_seed``) unless a
``seed`` is given; a seeded initializer returns the same values on every call, as in Keras 3.
"""
import math

import numpy as np

from honggong import backend
from honggong.backend import HonggongError, HonggongTypeError, message

TRUNCATED_NORMAL_STD = 0.87962566103423978  # std of N(0, 1) truncated to [−2, 2]


def compute_fans(shape):
    """Return ``(fan_in, fan_out)`` for a weight shape, as Keras computes them."""
    shape = tuple(int(d) for d in shape)
    if len(shape) == 0:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive_field = math.prod(shape[:-2])
    return shape[-2] * receptive_field, shape[-1] * receptive_field


def _check_shape(shape):
    try:
        shape = tuple(int(d) for d in shape)
    except TypeError:
        shape = (int(shape),)
    if any(d < 0 for d in shape):
        raise HonggongError(message(
            f"Initializer shape must have non-negative sizes, received {shape}.",
            "힌트: 가중치 모양은 (입력 수, 유닛 수)처럼 양의 정수로 이루어집니다.",
        ))
    return shape


class Initializer(backend.Configurable):
    """Base class: ``init(shape, dtype=None)`` → array of ``shape`` in ``dtype`` (default floatx)."""

    def __call__(self, shape, dtype=None):
        shape = _check_shape(shape)
        dtype = np.dtype(dtype or backend.floatx())
        return np.asarray(self.sample(shape), dtype=dtype)

    def sample(self, shape):
        raise NotImplementedError


class Zeros(Initializer):
    """All zeros (Keras' default for biases)."""

    def sample(self, shape):
        return np.zeros(shape)


class Ones(Initializer):
    """All ones (BatchNormalization's gamma)."""

    def sample(self, shape):
        return np.ones(shape)


class Constant(Initializer):
    """Every entry equals ``value``."""

    def __init__(self, value=0.0):
        self.value = float(value)

    def sample(self, shape):
        return np.full(shape, self.value)

    def get_config(self):
        return {"value": self.value}


class RandomInitializer(Initializer):
    """An initializer that draws random numbers (from ``seed`` or the global generator)."""

    def __init__(self, seed=None):
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
            raise HonggongTypeError(message(
                f"Initializer seed must be an integer or None, received {backend.describe(seed)}.",
                "해결: seed=42처럼 정수를 주거나 생략하세요.",
            ))
        self.seed = seed

    def rng(self):
        """A fresh generator from ``seed`` (same numbers each call) or the shared global one."""
        if self.seed is not None:
            return np.random.default_rng(self.seed)
        return backend.global_rng()

    def get_config(self):
        return {"seed": self.seed}


def truncated_normal_samples(rng, shape, mean, stddev):
    """Normal samples, redrawing any that fall outside ``mean ± 2·stddev``."""
    values = rng.standard_normal(shape)
    outside = np.abs(values) > 2.0
    while np.any(outside):
        values[outside] = rng.standard_normal(int(outside.sum()))
        outside = np.abs(values) > 2.0
    return mean + stddev * values


class RandomNormal(RandomInitializer):
    """``N(mean, stddev²)`` with Keras defaults ``mean=0.0, stddev=0.05``."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = float(mean), float(stddev)

    def sample(self, shape):
        return self.rng().normal(self.mean, self.stddev, size=shape)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, **super().get_config()}


class RandomUniform(RandomInitializer):
    """``U(minval, maxval)`` with Keras defaults ``minval=-0.05, maxval=0.05``."""

    def __init__(self, minval=-0.05, maxval=0.05, seed=None):
        super().__init__(seed)
        self.minval, self.maxval = float(minval), float(maxval)

    def sample(self, shape):
        return self.rng().uniform(self.minval, self.maxval, size=shape)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval, **super().get_config()}


class TruncatedNormal(RandomInitializer):
    """Normal ``N(mean, stddev²)`` redrawn outside ``mean ± 2·stddev``; defaults 0.0 and 0.05."""

    def __init__(self, mean=0.0, stddev=0.05, seed=None):
        super().__init__(seed)
        self.mean, self.stddev = float(mean), float(stddev)

    def sample(self, shape):
        return truncated_normal_samples(self.rng(), shape, self.mean, self.stddev)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev, **super().get_config()}


_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")


class VarianceScaling(RandomInitializer):
    """Random weights whose variance is ``scale / n`` (n from ``mode``); see the module table."""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal", seed=None):
        super().__init__(seed)
        if scale <= 0.0:
            raise HonggongError(message(
                f"VarianceScaling scale must be positive, received scale={scale}.",
                "힌트: Glorot/LeCun은 1.0, He는 2.0을 씁니다.",
            ))
        if mode not in _MODES:
            raise HonggongError(message(
                f"Unknown mode {mode!r}: expected one of {_MODES}.",
                "해결: 보통 mode='fan_in'(He, LeCun) 또는 'fan_avg'(Glorot)를 씁니다."))
        if distribution not in _DISTRIBUTIONS:
            raise HonggongError(message(
                f"Unknown distribution {distribution!r}: expected one of {_DISTRIBUTIONS}.",
                "해결: 목록에 있는 분포 이름 중 하나를 쓰세요 (예: 'truncated_normal', 'uniform')."))
        self.scale, self.mode, self.distribution = float(scale), mode, distribution

    def variance_denominator(self, shape):
        """``n`` in ``variance = scale / n``: fan_in, fan_out or (fan_in + fan_out)/2, at least 1."""
        fan_in, fan_out = compute_fans(shape)
        n = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        return max(1.0, n)

    def sample(self, shape):
        variance = self.scale / self.variance_denominator(shape)
        rng = self.rng()
        if self.distribution == "uniform":
            limit = math.sqrt(3.0 * variance)
            return rng.uniform(-limit, limit, size=shape)
        if self.distribution == "untruncated_normal":
            return rng.normal(0.0, math.sqrt(variance), size=shape)
        return truncated_normal_samples(rng, shape, 0.0, math.sqrt(variance) / TRUNCATED_NORMAL_STD)

    def get_config(self):
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution,
                **super().get_config()}


class _NamedVarianceScaling(VarianceScaling):
    SCALE, MODE, DISTRIBUTION = 1.0, "fan_in", "truncated_normal"

    def __init__(self, seed=None):
        super().__init__(self.SCALE, self.MODE, self.DISTRIBUTION, seed)

    def get_config(self):
        return {"seed": self.seed}


class GlorotUniform(_NamedVarianceScaling):
    """Glorot (Xavier) uniform: ``U(−limit, limit)``, ``limit = √(6 / (fan_in + fan_out))``."""
    SCALE, MODE, DISTRIBUTION = 1.0, "fan_avg", "uniform"


class GlorotNormal(_NamedVarianceScaling):
    """Glorot normal: truncated normal with std ``√(2 / (fan_in + fan_out))`` after truncation."""
    SCALE, MODE, DISTRIBUTION = 1.0, "fan_avg", "truncated_normal"


class HeUniform(_NamedVarianceScaling):
    """He uniform: ``U(−limit, limit)``, ``limit = √(6 / fan_in)`` (good with ReLU)."""
    SCALE, MODE, DISTRIBUTION = 2.0, "fan_in", "uniform"


class HeNormal(_NamedVarianceScaling):
    """He normal: truncated normal with std ``√(2 / fan_in)`` after truncation (good with ReLU)."""
    SCALE, MODE, DISTRIBUTION = 2.0, "fan_in", "truncated_normal"


class LecunUniform(_NamedVarianceScaling):
    """LeCun uniform: ``U(−limit, limit)``, ``limit = √(3 / fan_in)``."""
    SCALE, MODE, DISTRIBUTION = 1.0, "fan_in", "uniform"


class LecunNormal(_NamedVarianceScaling):
    """LeCun normal: truncated normal with std ``√(1 / fan_in)`` (use with SELU)."""
    SCALE, MODE, DISTRIBUTION = 1.0, "fan_in", "truncated_normal"


_CLASSES = {
    "zeros": Zeros, "ones": Ones, "constant": Constant,
    "random_normal": RandomNormal, "random_uniform": RandomUniform,
    "truncated_normal": TruncatedNormal, "variance_scaling": VarianceScaling,
    "glorot_uniform": GlorotUniform, "glorot_normal": GlorotNormal,
    "he_uniform": HeUniform, "he_normal": HeNormal,
    "lecun_uniform": LecunUniform, "lecun_normal": LecunNormal,
}
NAMES = tuple(_CLASSES)
_CLASSES.update({cls.__name__: cls for cls in list(_CLASSES.values())})
_CLASSES.update({"zero": Zeros, "one": Ones, "normal": RandomNormal, "uniform": RandomUniform})

# Keras also exports lower-case names: keras.initializers.glorot_uniform is the class.
zeros, ones, constant = Zeros, Ones, Constant
random_normal, random_uniform, truncated_normal = RandomNormal, RandomUniform, TruncatedNormal
variance_scaling = VarianceScaling
glorot_uniform, glorot_normal = GlorotUniform, GlorotNormal
he_uniform, he_normal = HeUniform, HeNormal
lecun_uniform, lecun_normal = LecunUniform, LecunNormal


def get(identifier):
    """Return an initializer for a name ("glorot_uniform", "he_normal", ...), a class, an
    instance, or a function ``f(shape, dtype=None)``."""
    found = backend.resolve(identifier, Initializer, _CLASSES, lambda name: message(
        f"Unknown initializer {name!r}. Expected one of: {', '.join(NAMES)}.",
        "해결: 예) kernel_initializer='he_normal', bias_initializer='zeros'.",
    ))
    if found is not None:
        return found
    if callable(identifier):
        return identifier
    raise HonggongTypeError(message(
        "Could not interpret initializer: expected a name, an Initializer or a function "
        f"f(shape, dtype=None), received {backend.describe(identifier)}.",
        "해결: kernel_initializer='glorot_uniform'처럼 문자열 이름을 주세요.",
    ))


serialize = backend.serialize     # an object -> {"class_name", "config"}; a name stays a name


def deserialize(config):
    """The inverse of ``serialize``: a name or a saved config -> the initializer (``get``)."""
    return get(config)
