"""Activation functions with their derivatives (Keras 3 names and defaults).

활성화 함수와 그 도함수입니다. 이름과 기본값은 Keras 3과 같습니다.

Two ways to use them::

    activations.relu(x)                  # plain function, like keras.activations.relu
    act = activations.get("relu")        # Activation object: forward + backward
    y = act(x)
    dx = act.backward(x, y, dy)          # vector-Jacobian product: dL/dx from dL/dy
    d = act.derivative(x)                # elementwise f'(x), for plots

All functions keep the float dtype they are given (float32 in training, float64 in gradient checks).
"""
import math

import numpy as np

from honggong import backend, checks

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def _float(x):
    """``x`` as a float array; an array that already is one is returned as it is (no copy)."""
    if type(x) is np.ndarray and x.dtype.kind == "f":
        return x
    return backend.as_float_array(checks.numeric(x, "x", "activation"))


# ---------------------------------------------------------------- plain functions (forward)

def linear(x):
    """Identity: ``f(x) = x``;  ``f'(x) = 1``."""
    return _float(x)


def sigmoid(x):
    """Logistic sigmoid: ``f(x) = 1 / (1 + exp(-x))``;  ``f'(x) = f(x)·(1 − f(x))``.

    Computed with ``e = exp(−|x|)`` so large ``|x|`` never overflows:
    ``f(x) = 1/(1+e)`` for x ≥ 0 and ``e/(1+e)`` for x < 0.
    """
    x = _float(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(x.dtype, copy=False)


def tanh(x):
    """Hyperbolic tangent: ``f(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)``;  ``f'(x) = 1 − f(x)²``."""
    return np.tanh(_float(x))


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    """Rectified linear unit: ``f(x) = max(x, 0)`` with Keras' optional extras.

    General form (Keras 3 ``keras.activations.relu``)::

        f(x) = min(x, max_value)                   if x > threshold
        f(x) = negative_slope · (x − threshold)    otherwise

    Derivative: 1 where ``threshold < x < max_value``, 0 above ``max_value``,
    ``negative_slope`` where ``x ≤ threshold`` (at the kink x = 0 we use 0, like TensorFlow).
    """
    x = _float(x)
    if negative_slope == 0.0 and max_value is None and threshold == 0.0:
        return np.maximum(x, 0.0)
    y = np.where(x > threshold, x, negative_slope * (x - threshold))
    if max_value is not None:
        y = np.minimum(y, max_value)
    return y.astype(x.dtype, copy=False)


def leaky_relu(x, negative_slope=0.2):
    """Leaky ReLU: ``f(x) = x`` if x > 0 else ``negative_slope·x``  (Keras 3 default 0.2).

    ``f'(x) = 1`` if x > 0 else ``negative_slope``.
    Note: the *layer* ``keras.layers.LeakyReLU`` uses ``negative_slope=0.3`` by default.
    """
    x = _float(x)
    return np.where(x > 0, x, negative_slope * x).astype(x.dtype, copy=False)


def elu(x, alpha=1.0):
    """Exponential linear unit: ``f(x) = x`` if x > 0 else ``alpha·(eˣ − 1)``.

    ``f'(x) = 1`` if x > 0 else ``alpha·eˣ = f(x) + alpha``.
    """
    x = _float(x)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0))).astype(x.dtype, copy=False)


def selu(x):
    """Scaled ELU: ``f(x) = scale·x`` if x > 0 else ``scale·alpha·(eˣ − 1)``.

    ``alpha ≈ 1.6732632``, ``scale ≈ 1.0507010``;  ``f'(x) = scale`` if x > 0 else
    ``scale·alpha·eˣ = f(x) + scale·alpha``. Use with the ``lecun_normal`` initializer.
    """
    x = _float(x)
    return (SELU_SCALE * elu(x, SELU_ALPHA)).astype(x.dtype, copy=False)


def softplus(x):
    """Softplus: ``f(x) = log(1 + eˣ)``;  ``f'(x) = sigmoid(x)``.

    Computed as ``max(x, 0) + log(1 + e^(−|x|))`` so it never overflows.
    """
    x = _float(x)
    return (np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))).astype(x.dtype, copy=False)


def silu(x):
    """SiLU / Swish: ``f(x) = x·sigmoid(x)``;  ``f'(x) = s + x·s·(1 − s)`` with ``s = sigmoid(x)``."""
    x = _float(x)
    return x * sigmoid(x)


swish = silu


_erf_impl = None


def _erf(x):
    """Error function, elementwise (scipy's if available, else Python's ``math.erf``)."""
    global _erf_impl
    if _erf_impl is None:
        try:
            from scipy.special import erf as scipy_erf
            _erf_impl = scipy_erf
        except ImportError:  # pragma: no cover - scipy comes with scikit-learn here
            _erf_impl = np.vectorize(math.erf, otypes=[np.float64])
    return np.asarray(_erf_impl(x)).astype(x.dtype, copy=False)


_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
_GELU_CUBIC = 0.044715


def gelu(x, approximate=False):
    """Gaussian error linear unit (Keras 3 default ``approximate=False``).

    Exact:       ``f(x) = x·Φ(x) = 0.5·x·(1 + erf(x/√2))``;  ``f'(x) = Φ(x) + x·φ(x)``
    with ``φ(x) = exp(−x²/2)/√(2π)``.
    Approximate: ``f(x) = 0.5·x·(1 + tanh(u))``, ``u = √(2/π)·(x + 0.044715·x³)``.
    """
    x = _float(x)
    if approximate:
        u = _SQRT_2_OVER_PI * (x + _GELU_CUBIC * x ** 3)
        return 0.5 * x * (1.0 + np.tanh(u))
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def softmax(x, axis=-1):
    """Softmax along ``axis``: ``f(x)_i = exp(x_i) / Σ_j exp(x_j)``.

    Computed as ``exp(x − max(x))`` first (same result, no overflow).
    Jacobian ``∂f_i/∂x_j = f_i·(δ_ij − f_j)``, so the backward pass is
    ``dx = y·(dy − Σ_j dy_j·y_j)``; the diagonal ``y·(1 − y)`` is what ``derivative`` returns.
    """
    x = _float(x)
    if x.ndim == 0:
        raise backend.HonggongError(backend.message(
            "softmax expects an array with at least 1 dimension, received a scalar.",
            "힌트: softmax는 여러 값(예: 클래스 점수)을 확률로 바꿉니다.",
        ))
    if x.size == 0:
        return x.copy()
    e = x - x.max(axis=axis, keepdims=True)
    np.exp(e, out=e)                                  # one new array, then in place
    e /= e.sum(axis=axis, keepdims=True)
    return e


# ---------------------------------------------------------------- derivatives f'(x), given y = f(x)

def _d_linear(x, y):
    return np.ones_like(x)


def _d_sigmoid(x, y):
    return y * (1.0 - y)


def _d_tanh(x, y):
    return 1.0 - y * y


def _d_relu(x, y, negative_slope=0.0, max_value=None, threshold=0.0):
    if negative_slope == 0.0 and max_value is None and threshold == 0.0:
        return (x > 0).astype(x.dtype)          # 1 where x > 0, else 0
    d = np.where(x > threshold, 1.0, negative_slope).astype(x.dtype, copy=False)
    if max_value is not None:
        d = np.where(x < max_value, d, 0.0).astype(x.dtype, copy=False)
    return d


def _d_leaky_relu(x, y, negative_slope=0.2):
    return np.where(x > 0, 1.0, negative_slope).astype(x.dtype, copy=False)


def _d_elu(x, y, alpha=1.0):
    return np.where(x > 0, 1.0, y + alpha).astype(x.dtype, copy=False)


def _d_selu(x, y):
    return np.where(x > 0, SELU_SCALE, y + SELU_SCALE * SELU_ALPHA).astype(x.dtype, copy=False)


def _d_softplus(x, y):
    return sigmoid(x)


def _d_silu(x, y):
    s = sigmoid(x)
    return s + x * s * (1.0 - s)


def _d_gelu(x, y, approximate=False):
    if approximate:
        u = _SQRT_2_OVER_PI * (x + _GELU_CUBIC * x ** 3)
        t = np.tanh(u)
        du = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_CUBIC * x * x)
        return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du
    cdf = 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


def _d_softmax(x, y, axis=-1):
    return y * (1.0 - y)


# ---------------------------------------------------------------- Activation objects

class Activation:
    """An activation function with its derivative.

    ``act(x)`` computes ``y = f(x)``; ``act.backward(x, y, dy)`` returns ``dx = dy · f'(x)``
    (the chain rule for an elementwise function); ``act.derivative(x)`` returns ``f'(x)``.
    Extra keyword arguments (``negative_slope``, ``alpha``, ``approximate``, ``axis``) are
    passed to both the function and its derivative.
    """

    def __init__(self, name, function, derivative_function, **params):
        self.name = name
        self.function = function
        self.derivative_function = derivative_function
        self.params = params

    def __call__(self, x):
        return self.function(x, **self.params)

    def derivative(self, x):
        """Elementwise derivative ``f'(x)`` (for softmax: the Jacobian diagonal ``y·(1−y)``)."""
        x = _float(x)
        return self.derivative_function(x, self(x), **self.params)

    def backward(self, x, y, dy):
        """Vector-Jacobian product ``dx = dy · f'(x)``. ``y`` may be ``None`` (recomputed)."""
        x = _float(x)
        if y is None:
            y = self(x)
        dy = np.asarray(dy, dtype=x.dtype)
        return dy * self.derivative_function(x, y, **self.params)

    def with_params(self, **params):
        """A new Activation of the same kind with some parameters changed."""
        return type(self)(self.name, self.function, self.derivative_function,
                          **{**self.params, **params})

    def get_config(self):
        return {"name": self.name, **self.params}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        return get(config.pop("name"), **config)

    @property
    def serialized_name(self):
        """The name alone when it rebuilds this activation (a built-in one with its default
        parameters: saved as ``"relu"``, as Keras does), else None (saved with its config)."""
        registered = _REGISTRY.get(self.name)
        if registered is not None and type(registered) is type(self) and registered.params == self.params:
            return self.name
        return None

    def __repr__(self):
        extra = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Activation({self.name!r}{extra})"


class SoftmaxActivation(Activation):
    """Softmax: its Jacobian is not diagonal, so backward uses the full vector-Jacobian product.

    ``dx = y · (dy − Σ_j dy_j·y_j)`` along ``axis``.
    """

    def backward(self, x, y, dy):
        x = _float(x)
        if y is None:
            y = self(x)
        dy = np.asarray(dy, dtype=x.dtype)
        axis = self.params.get("axis", -1)
        return y * (dy - (dy * y).sum(axis=axis, keepdims=True))


class CustomActivation(Activation):
    """Wraps a user's elementwise function; its derivative is taken numerically.

    ``f'(x) ≈ (f(x + h) − f(x − h)) / 2h`` with ``h = 1e-3·max(1, |x|)`` computed in float64.
    """

    def __init__(self, function, name=None):
        name = name or getattr(function, "__name__", "custom_activation")
        super().__init__(name, function, self._numerical_derivative)

    def get_config(self):
        raise backend.HonggongTypeError(backend.message(
            f"Cannot save the custom activation function {self.name!r}: a honggong file stores "
            f"names, not code. Expected one of: {', '.join(NAMES)}.",
            "저장하려면 activation='relu'처럼 이름으로 지정하세요."))

    def _numerical_derivative(self, x, y):
        x64 = np.asarray(x, dtype=np.float64)
        h = 1e-3 * np.maximum(1.0, np.abs(x64))
        up = np.asarray(self.function(x64 + h), dtype=np.float64)
        down = np.asarray(self.function(x64 - h), dtype=np.float64)
        return ((up - down) / (2.0 * h)).astype(x.dtype)

    def __call__(self, x):
        x = _float(x)
        return np.asarray(self.function(x), dtype=x.dtype)


_REGISTRY = {
    "linear": Activation("linear", linear, _d_linear),
    "sigmoid": Activation("sigmoid", sigmoid, _d_sigmoid),
    "tanh": Activation("tanh", tanh, _d_tanh),
    "relu": Activation("relu", relu, _d_relu),
    "leaky_relu": Activation("leaky_relu", leaky_relu, _d_leaky_relu),
    "elu": Activation("elu", elu, _d_elu),
    "selu": Activation("selu", selu, _d_selu),
    "gelu": Activation("gelu", gelu, _d_gelu),
    "softplus": Activation("softplus", softplus, _d_softplus),
    "silu": Activation("silu", silu, _d_silu),
    "swish": Activation("swish", silu, _d_silu),
    "softmax": SoftmaxActivation("softmax", softmax, _d_softmax),
}
_BY_FUNCTION = {act.function: name for name, act in _REGISTRY.items() if name != "swish"}

NAMES = tuple(_REGISTRY)


_CLASSES = {"Activation": Activation, "SoftmaxActivation": SoftmaxActivation}   # saved configs


def _unknown(name):
    return backend.message(
        f"Unknown activation {name!r}. Expected one of: {', '.join(NAMES)}.",
        "해결: 이름의 철자를 확인하세요. 예: activation='relu', 'sigmoid', 'softmax'.",
    )


def get(identifier, **params):
    """Return an ``Activation`` for a name, ``None`` (linear), a plain function, an Activation or
    the saved form (``backend.resolve``: the one lookup rule shared by every ``get``).

    ``params`` change the defaults, e.g. ``get("leaky_relu", negative_slope=0.3)``.
    A user's own elementwise function is wrapped with a numerical derivative.
    """
    if identifier is None:
        identifier = "linear"
    if isinstance(identifier, dict):
        act = backend.deserialize(identifier, _CLASSES, _unknown)
    elif isinstance(identifier, type):
        act = None
    else:
        act = backend.resolve(identifier, Activation, _REGISTRY, _unknown, key=str.lower)
    if act is not None:
        return act.with_params(**params) if params else act
    if callable(identifier):
        if identifier in _BY_FUNCTION:
            return get(_BY_FUNCTION[identifier], **params)
        return CustomActivation(identifier)
    raise backend.HonggongTypeError(backend.message(
        "Could not interpret activation: expected a name (str), None, a function or an "
        f"Activation, received {backend.describe(identifier)}.",
        "해결: activation='relu'처럼 문자열 이름을 주세요.",
    ))


def serialize(activation):
    """What Keras stores in a layer config: the name of a built-in activation (``"relu"``), or
    ``{"class_name": "Activation", "config": {"name": ..., <changed parameters>}}``."""
    return backend.serialize(get(activation))


def deserialize(config):
    """The inverse of ``serialize``: a name or a saved config -> an Activation."""
    return get(config)
