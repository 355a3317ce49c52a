"""층(Layer): 신경망을 이루는 블록. 각 층은 forward(정방향)와 backward(역방향)를 가집니다.

Every layer follows one small contract (docs/ARCHITECTURE.md):

    y = layer(x, training=False)    # builds the weights on the first call, then forward(x)
    dx = layer.backward(dy)         # dL/dx from dL/dy; fills layer.grads (same order as trainable_weights)

Shapes include the batch dimension first, written ``None`` when it can be anything:
``Dense(100)`` turns ``(None, 784)`` into ``(None, 100)``.

Layer names are given like Keras: ``dense``, ``dense_1``, ``dense_2`` ... counted per class name
for the whole Python session. ``reset_names()`` restarts the counting (like
``keras.backend.clear_session()``), which keeps notebook outputs deterministic.
"""
import math
import re
import warnings

import numpy as np

from . import activations, backend, checks, initializers, regularizers
from .backend import HonggongError, HonggongTypeError, floatx, global_rng, message

__all__ = [
    "Layer", "Input", "InputLayer", "KerasTensor", "Dense", "Flatten", "Dropout", "Activation",
    "ReLU", "LeakyReLU", "Softmax", "BatchNormalization", "serialize", "deserialize", "get",
    "reset_names",
]


class LayerError(HonggongError):
    """A layer received something it cannot use (wrong shape, bad argument)."""


# ---------------------------------------------------------------------------------------------
# Names: dense, dense_1, dense_2, ...
# ---------------------------------------------------------------------------------------------
_name_counts = {}


def reset_names():
    """Restart automatic layer/model names (``dense``, ``dense_1``, ...) from zero.

    Keras does this in ``keras.backend.clear_session()``; call it at the top of a notebook cell
    to get the same names every time the cell runs.
    """
    _name_counts.clear()


def to_snake_case(class_name):
    """'BatchNormalization' -> 'batch_normalization', 'LeakyReLU' -> 'leaky_re_lu' (Keras' rule)."""
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", s).lower()


def unique_name(base):
    """First 'dense', then 'dense_1', 'dense_2', ... (one counter per base name)."""
    n = _name_counts.get(base, 0)
    _name_counts[base] = n + 1
    return base if n == 0 else f"{base}_{n}"


def _shape_str(shape):
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _matmul_into(a, b, out):
    """out[...] = a @ b, without a temporary when the dtypes agree (the float32 training path)."""
    if a.dtype == b.dtype == out.dtype:
        np.matmul(a, b, out=out)       # np.dot(out=) would first fill `out` with zeros
    else:
        out[...] = a @ b




# ---------------------------------------------------------------------------------------------
# Base class
# ---------------------------------------------------------------------------------------------
class Layer:
    """Base of all layers.

    Subclasses implement ``build(input_shape)`` (create weights with ``add_weight``),
    ``forward(x, training)`` and ``backward(dy)``; ``compute_output_shape`` if the shape changes.

    Attributes: ``name``, ``built``, ``trainable``; ``weights`` (trainable first, then
    non-trainable), ``trainable_weights``, ``non_trainable_weights`` and ``grads`` (one gradient
    array per trainable weight, overwritten by each ``backward``).
    """

    def __init__(self, name=None, trainable=True, dtype=None, input_shape=None, input_dim=None,
                 batch_input_shape=None, **kwargs):
        if kwargs:
            raise HonggongTypeError(message(
                f"{type(self).__name__} got unexpected keyword argument(s) {sorted(kwargs)}.",
                "해결: 인자 이름의 철자를 확인하세요."))
        if name is not None and not isinstance(name, str):
            raise HonggongTypeError(message(
                f"{type(self).__name__} expected name to be a string, received {name!r}. (A layer's "
                f"first argument is its setting, e.g. Dense(units); Flatten takes no size.)",
                "해결: name='hidden'처럼 문자열을 주거나 빼세요. Flatten()은 괄호만 씁니다."))
        self.name = name or unique_name(to_snake_case(type(self).__name__))
        self.trainable = trainable
        self.built = False
        self.input_shape = None        # set by build, includes the batch dim
        self._weight_names = []        # attribute names, in creation order
        self._trainable_names = []
        self._grads = {}               # attribute name -> gradient array (trainable weights only)
        self._batch_input_shape = None  # from the old input_shape=/input_dim= style
        if input_shape is not None or input_dim is not None or batch_input_shape is not None:
            if batch_input_shape is not None:
                shape = tuple(batch_input_shape)
            elif input_shape is not None:
                if isinstance(input_shape, (int, np.integer)):
                    input_shape = (input_shape,)           # input_shape=784 as Input(shape=784)
                if not isinstance(input_shape, (tuple, list)):
                    raise LayerError(message(
                        f"{type(self).__name__}: input_shape expected a tuple such as (784,), "
                        f"received {input_shape!r}.",
                        "해결: 모델의 맨 앞에 keras.Input(shape=(784,))를 두세요."))
                shape = (None,) + tuple(input_shape)
            else:
                shape = (None, int(input_dim))
            warnings.warn(
                f"{type(self).__name__}(input_shape=...) is the Keras 2 style. In Keras 3 put "
                f"keras.Input(shape={_shape_str(shape[1:])}) first in the model instead. "
                "(예전 방식입니다: 모델의 맨 앞에 keras.Input(shape=...)을 두세요.)",
                UserWarning, stacklevel=3)
            self._batch_input_shape = shape

    # ---- weights -------------------------------------------------------------------------
    def add_weight(self, name, shape, initializer="zeros", trainable=True):
        """Create a float32 weight ``self.<name>`` (and its gradient if trainable)."""
        init = initializers.get(initializer)
        value = np.asarray(init(tuple(shape)), dtype=floatx()).reshape(shape)
        value = np.ascontiguousarray(value)
        setattr(self, name, value)
        self._weight_names.append(name)
        if trainable:
            self._trainable_names.append(name)
            self._grads[name] = np.zeros_like(value)
        return value

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        return [getattr(self, n) for n in self._trainable_names]

    @property
    def non_trainable_weights(self):
        frozen = [n for n in self._weight_names if n not in self._trainable_names]
        if not self.trainable:   # a frozen layer: all its weights are non-trainable
            frozen = self._trainable_names + frozen
        return [getattr(self, n) for n in frozen]

    @property
    def weights(self):
        """Trainable weights first, then non-trainable (Keras order)."""
        return self.trainable_weights + self.non_trainable_weights

    @property
    def grads(self):
        """Gradients of the loss w.r.t. ``trainable_weights``, written by ``backward``."""
        if not self.trainable:
            return []
        return [self._grads[n] for n in self._trainable_names]

    def count_params(self):
        """Number of numbers in all weights (Dense(10) after 100 inputs: 100*10 + 10 = 1,010)."""
        return int(sum(w.size for w in self.weights))

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        """Copy new values into the weights (same count, same shapes as ``get_weights()``)."""
        own = self.weights
        if len(weights) != len(own):
            raise LayerError(message(
                f"Layer '{self.name}' expected {len(own)} weight arrays, received {len(weights)}.",
                f"해결: 가중치 배열 개수가 맞지 않습니다. 기대하는 모양: {[w.shape for w in own]}"))
        for i, (w, new) in enumerate(zip(own, weights)):
            new = checks.numeric(new, f"weight {i}", f"layer '{self.name}'").astype(floatx())
            if new.shape != w.shape:
                raise LayerError(message(
                    f"Layer '{self.name}' weight {i} expected shape {w.shape}, received "
                    f"{new.shape}.", "해결: 가중치 모양이 다릅니다. get_weights()의 모양을 확인하세요."))
            w[...] = new

    def bind(self, param_views, grad_views):
        """Move the trainable weights and their gradients into the given arrays (views).

        The model gives every layer views into one flat float32 parameter buffer and one flat
        gradient buffer, so the optimizer can update all weights in one pass. Values are copied
        into the views, which then replace the layer's own arrays.
        """
        names = self._trainable_names
        if len(param_views) != len(names) or len(grad_views) != len(names):
            raise LayerError(message(
                f"bind() on '{self.name}' expected {len(names)} views, received "
                f"{len(param_views)} and {len(grad_views)}.",
                "해결: 층의 trainable_weights 개수만큼 배열을 주세요."))
        for n, p, g in zip(names, param_views, grad_views):
            p[...] = getattr(self, n)
            g[...] = self._grads[n]
            setattr(self, n, p)
            self._grads[n] = g

    def regularization_loss(self):
        """Sum of the regularizer penalties of this layer (0.0 without regularizers)."""
        return 0.0

    def has_regularization(self):
        """True if ``regularization_loss()`` can be non-zero: the model adds it to the loss only
        then (a subclass that overrides ``regularization_loss`` counts)."""
        return type(self).regularization_loss is not Layer.regularization_loss

    # ---- shapes and calling -------------------------------------------------------------
    def build(self, input_shape):
        """Create the weights for inputs of ``input_shape`` (batch dim included)."""
        self.input_shape = tuple(input_shape)
        self.built = True

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def _maybe_build(self, input_shape):
        if not self.built:
            self.build(tuple(input_shape))
            self.built = True

    def __call__(self, x, training=False):
        x = checks.numeric(x, "the input", f"layer '{self.name}'").astype(floatx(), copy=False)
        training = checks.flag(training, "training", f"layer '{self.name}'")
        if x.ndim == 0 or 0 in x.shape[1:]:
            raise LayerError(message(
                f"Layer '{self.name}' expected an input with a batch axis and non-empty feature axes, "
                f"received shape {x.shape}.",
                "해결: 샘플들을 첫 번째 축에 쌓은 배열을 주세요. 예: x_train[:5] (한 샘플이면 x[None])"))
        self._maybe_build((None,) + x.shape[1:])
        return self.forward(x, training=training)

    def forward(self, x, training=False):
        raise NotImplementedError

    def backward(self, dy):
        raise NotImplementedError

    # ---- config -------------------------------------------------------------------------
    def get_config(self):
        return {"name": self.name, "trainable": self.trainable, "dtype": floatx()}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config.pop("dtype", None)
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r} built={self.built}>"


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------
class KerasTensor:
    """What ``keras.Input(shape=...)`` returns: a symbolic input with a ``shape`` (batch dim first).

    A Sequential model accepts it as its first element and learns the input shape from it.
    """

    def __init__(self, shape, name=None):
        self.shape = tuple(shape)
        self.name = name
        self.dtype = floatx()

    def __repr__(self):
        return f"<KerasTensor shape={self.shape}, dtype={self.dtype}, name={self.name}>"


class InputLayer(Layer):
    """Declares the input shape of a model; passes the data through unchanged."""

    def __init__(self, shape=None, batch_size=None, name=None, batch_shape=None, **kwargs):
        if "input_shape" in kwargs:
            shape = kwargs.pop("input_shape")
        super().__init__(name=name, **kwargs)
        if batch_shape is None:
            if shape is None:
                raise LayerError(message("InputLayer expected shape=(...), received nothing.",
                                         "해결: 예: keras.Input(shape=(784,))"))
            if isinstance(shape, (int, np.integer)):
                shape = (shape,)
            if not isinstance(shape, (tuple, list)):
                batch_shape = shape
            else:
                batch_shape = (batch_size,) + tuple(shape)
        if not isinstance(batch_shape, (tuple, list)) or not all(
                d is None or (isinstance(d, (int, np.integer)) and not isinstance(d, bool) and d >= 0)
                for d in batch_shape):
            raise LayerError(message(
                f"Input expected shape as a tuple of non-negative integers (without the batch size), "
                f"received {shape if batch_shape is shape else batch_shape!r}.",
                "해결: 예: keras.Input(shape=(784,)) 또는 keras.Input(shape=(28, 28))"))
        self.batch_shape = tuple(None if d is None else int(d) for d in batch_shape)
        self.output = KerasTensor(self.batch_shape, name=self.name)
        self.build(self.batch_shape)

    def forward(self, x, training=False):
        return x

    def backward(self, dy):
        return dy

    def get_config(self):
        return {"name": self.name, "batch_shape": list(self.batch_shape), "dtype": floatx()}


def Input(shape=None, batch_size=None, name=None, dtype=None, batch_shape=None):
    """``keras.Input(shape=(784,))``: the input of a model, shape without the batch dimension."""
    return InputLayer(shape=shape, batch_size=batch_size, name=name,
                      batch_shape=batch_shape).output


# ---------------------------------------------------------------------------------------------
# Dense
# ---------------------------------------------------------------------------------------------
def _activation_argument(activation, where):
    """The ``activation=`` argument of Dense/Activation. An activation layer object (``ReLU()``,
    ``LeakyReLU(0.2)``, ``Softmax()``, ``Activation("tanh")``) is a callable in Keras and works
    there, so here it gives its activation function. A layer class (``keras.layers.ReLU``
    without parentheses) or another layer (``Dense(3)``) is refused: Keras would call it on the
    tensor and fail later, far from the mistake."""
    if isinstance(activation, Activation):
        return activation.activation
    is_class = isinstance(activation, type) and issubclass(activation, Layer)
    if is_class or isinstance(activation, Layer):
        cls = activation if is_class else type(activation)
        received = f"the layer class {cls.__name__}" if is_class else f"a {cls.__name__} layer"
        if is_class and issubclass(cls, Activation):
            name = {"LeakyReLU": "leaky_relu", "Softmax": "softmax"}.get(cls.__name__, "relu")
            layer = f"{cls.__name__}()" if cls is not Activation else "Activation('relu')"
            fix = (f"해결: 괄호를 붙여 층 객체로 주거나(activation=keras.layers.{layer}) "
                   f"이름으로 주세요(activation='{name}').")
        else:
            fix = ("해결: activation에는 'relu' 같은 이름을 주세요. 층은 Sequential([...])에 "
                   "따로 쌓습니다.")
        raise HonggongTypeError(message(
            f"{where}: argument `activation` expected a name such as 'relu', a function or an "
            f"activation layer object such as ReLU(), received {received}.", fix))
    return activation


class Dense(Layer):
    """Fully connected layer.

        forward:   z = x @ W + b,   y = activation(z)
        backward:  dz = activation.backward(z, y, dy)
                   dW = x.T @ dz  (+ regularizer gradient),  db = sum(dz over batch),  dx = dz @ W.T

    Weights: ``kernel`` W of shape (inputs, units) and ``bias`` b of shape (units,).
    Parameters: inputs*units + units (784 inputs, 100 units: 78,400 + 100 = 78,500).
    """

    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units <= 0:
            raise LayerError(message(
                f"Dense expected units to be a positive integer, received units={units!r}.",
                "해결: 뉴런 개수는 1 이상의 정수여야 합니다. 예: Dense(100)"))
        self.units = int(units)
        self.activation = activations.get(_activation_argument(activation, "Dense"))
        self.use_bias = use_bias
        self.kernel_initializer = kernel_initializer
        self.bias_initializer = bias_initializer
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)

    def _check_input_shape(self, input_shape):
        expected = getattr(self, "kernel", None)
        if len(input_shape) != 2:
            raise LayerError(message(
                f"Dense layer '{self.name}' expects a 2-D input (batch, features) but received "
                f"shape {_shape_str(input_shape)}.",
                f"해결: Dense 층 '{self.name}'에 {_shape_str(input_shape)} 모양이 들어왔습니다. "
                "앞에 keras.layers.Flatten()을 넣으세요."))
        if expected is not None and input_shape[-1] != expected.shape[0]:
            raise LayerError(message(
                f"Dense layer '{self.name}' expected inputs with {expected.shape[0]} features, "
                f"received shape {_shape_str(input_shape)}.",
                f"해결: 입력 특성 개수가 처음 만들 때({expected.shape[0]})와 다릅니다."))

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        self._check_input_shape(input_shape)
        self.add_weight("kernel", (input_shape[-1], self.units), self.kernel_initializer)
        if self.use_bias:
            self.add_weight("bias", (self.units,), self.bias_initializer)
        super().build(input_shape)

    def compute_output_shape(self, input_shape):
        self._check_input_shape(tuple(input_shape))
        return tuple(input_shape[:-1]) + (self.units,)

    def forward(self, x, training=False):
        if x.ndim != 2 or x.shape[1] != self.kernel.shape[0]:
            self._check_input_shape((None,) + x.shape[1:])
        self.x = x
        z = x @ self.kernel
        if self.use_bias:
            z += self.bias
        self.z = z
        self.y = self.activation(z)
        return self.y

    def backward(self, dy, input_grad=True):
        dz = self.activation.backward(self.z, self.y, dy)
        return self.backward_linear(dz, input_grad)

    def backward_linear(self, dz, input_grad=True):
        """Backward through z = x @ W + b only, given dz = dL/dz (used by the fused softmax path).

        ``input_grad=False`` skips dx (the model does so for its first layer: nobody needs dL/dx
        of the data, and it is one of the three matrix products).
        """
        grads = [self._grads[n] for n in self._trainable_names]   # [dW, db]
        _matmul_into(self.x.T, dz, grads[0])
        if self.kernel_regularizer is not None:
            grads[0] += self.kernel_regularizer.gradient(self.kernel)
        if self.use_bias:
            dz.sum(axis=0, out=grads[1])
            if self.bias_regularizer is not None:
                grads[1] += self.bias_regularizer.gradient(self.bias)
        return dz @ self.kernel.T if input_grad else None

    def has_regularization(self):
        return self.kernel_regularizer is not None or (
            self.use_bias and self.bias_regularizer is not None)

    def regularization_loss(self):
        total = 0.0
        if self.kernel_regularizer is not None:
            total += float(self.kernel_regularizer.penalty(self.kernel))
        if self.use_bias and self.bias_regularizer is not None:
            total += float(self.bias_regularizer.penalty(self.bias))
        return total

    def get_config(self):
        return {**super().get_config(), "units": self.units,
                "activation": serialize(self.activation), "use_bias": self.use_bias,
                "kernel_initializer": serialize(self.kernel_initializer),
                "bias_initializer": serialize(self.bias_initializer),
                "kernel_regularizer": serialize(self.kernel_regularizer),
                "bias_regularizer": serialize(self.bias_regularizer)}


# ---------------------------------------------------------------------------------------------
# Shape and activation layers (no weights)
# ---------------------------------------------------------------------------------------------
class Flatten(Layer):
    """Flatten every sample into one row: (batch, 28, 28) -> (batch, 784). A reshape, no copy."""

    def compute_output_shape(self, input_shape):
        rest = input_shape[1:]
        n = None if any(d is None for d in rest) else int(np.prod(rest, dtype=np.int64))
        return (input_shape[0], n)

    def forward(self, x, training=False):
        self.x_shape = x.shape
        return x.reshape(x.shape[0], math.prod(x.shape[1:]))

    def backward(self, dy):
        return dy.reshape(self.x_shape)


class Activation(Layer):
    """Apply an activation function: y = f(x); backward dx = f.backward(x, y, dy).

    ``ReLU``, ``LeakyReLU`` and ``Softmax`` below are this layer with a fixed activation from
    ``honggong.activations`` (the same objects ``Dense(activation=...)`` uses).
    """

    def __init__(self, activation, **kwargs):
        super().__init__(**kwargs)
        self.activation = activations.get(_activation_argument(activation, "Activation"))

    def forward(self, x, training=False):
        self.x = x
        self.y = self.activation(x)
        return self.y

    def backward(self, dy):
        return self.activation.backward(self.x, self.y, dy)

    def get_config(self):
        return {**super().get_config(), "activation": serialize(self.activation)}


class ReLU(Activation):
    """y = max(x, 0);  dx = dy where x > 0, else 0   (``activations.relu``)."""

    def __init__(self, **kwargs):
        super().__init__("relu", **kwargs)

    def get_config(self):
        return Layer.get_config(self)


class LeakyReLU(Activation):
    """y = x if x > 0 else negative_slope * x  (Keras 3 layer default negative_slope = 0.3;
    ``activations.leaky_relu``)."""

    def __init__(self, negative_slope=0.3, **kwargs):
        if isinstance(negative_slope, bool) or not isinstance(negative_slope, (int, float, np.floating)) \
                or not negative_slope >= 0:
            raise LayerError(message(
                f"LeakyReLU expected negative_slope >= 0, received {negative_slope!r}.",
                "해결: 음수 쪽 기울기는 0 이상이어야 합니다. 예: LeakyReLU(negative_slope=0.2)"))
        super().__init__(activations.get("leaky_relu", negative_slope=float(negative_slope)),
                         **kwargs)
        self.negative_slope = float(negative_slope)

    def get_config(self):
        return {**Layer.get_config(self), "negative_slope": self.negative_slope}


class Softmax(Activation):
    """y_i = exp(x_i) / sum_j exp(x_j) along ``axis``;  dx = y * (dy - sum(dy * y))
    (``activations.softmax``)."""

    def __init__(self, axis=-1, **kwargs):
        super().__init__(activations.get("softmax", axis=axis), **kwargs)
        self.axis = axis

    def get_config(self):
        return {**Layer.get_config(self), "axis": self.axis}


# ---------------------------------------------------------------------------------------------
# Dropout
# ---------------------------------------------------------------------------------------------
class Dropout(Layer):
    """Inverted dropout (training only).

        training:   mask ~ Bernoulli(1 - rate),   y = x * mask / (1 - rate),   dx = dy * mask / (1 - rate)
        inference:  y = x   (nothing is dropped, nothing is scaled)
    """

    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(rate, bool) or not isinstance(rate, (int, float, np.floating)) or not 0 <= rate < 1:
            raise LayerError(message(
                f"Dropout expected rate in [0, 1), received rate={rate!r}.",
                "해결: rate는 '버릴 비율'입니다. 예: Dropout(0.3)은 30%를 끕니다."))
        self.rate = float(rate)
        self.seed = seed
        self.rng = np.random.default_rng(seed) if seed is not None else None

    def _generator(self):
        """Own generator when seeded, else the shared one (honggong.utils.set_random_seed)."""
        return self.rng if self.rng is not None else global_rng()

    def forward(self, x, training=False):
        if not training or self.rate == 0:
            self.scale = None
            return x
        keep = self._generator().random(x.shape, dtype=np.float32) >= self.rate
        self.scale = keep.astype(floatx()) * np.float32(1.0 / (1.0 - self.rate))
        return x * self.scale

    def backward(self, dy):
        return dy if self.scale is None else dy * self.scale

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}


# ---------------------------------------------------------------------------------------------
# BatchNormalization
# ---------------------------------------------------------------------------------------------
class BatchNormalization(Layer):
    """Normalize each feature with batch statistics, then scale and shift.

    training (batch statistics over every axis except ``axis``, N numbers per feature):
        mean = mean(x),  var = mean((x - mean)^2)
        x_hat = (x - mean) / sqrt(var + epsilon),   y = gamma * x_hat + beta
        moving_mean     = moving_mean * momentum     + mean * (1 - momentum)
        moving_variance = moving_variance * momentum + var  * (1 - momentum)
    inference: the same with moving_mean / moving_variance instead of the batch statistics.
    backward (training):
        dgamma = sum(dy * x_hat),  dbeta = sum(dy)
        dx = gamma / sqrt(var + epsilon) * (dy - dbeta / N - x_hat * dgamma / N)
    Weights: gamma, beta (trainable), moving_mean, moving_variance (non-trainable): 4 per feature.
    """

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones", **kwargs):
        super().__init__(**kwargs)
        self.axis = checks.integer(axis, "axis", where="BatchNormalization")
        self.momentum = checks.number(momentum, "momentum", 0.0, 1.0, "BatchNormalization")
        self.epsilon = checks.number(epsilon, "epsilon", 0.0, None, "BatchNormalization",
                                     low_inclusive=False)
        self.center = center
        self.scale = scale
        self.beta_initializer = beta_initializer
        self.gamma_initializer = gamma_initializer
        self.moving_mean_initializer = moving_mean_initializer
        self.moving_variance_initializer = moving_variance_initializer

    def build(self, input_shape):
        axis = self.axis % len(input_shape)
        n = input_shape[axis]
        if n is None:
            raise LayerError(message(
                f"BatchNormalization '{self.name}' expected a known size on axis {self.axis}, "
                f"received shape {_shape_str(input_shape)}.",
                "해결: BatchNormalization 앞에 특성 축이 있는 입력(예: Dense 층의 출력)을 주세요."))
        self._axis = axis
        self._reduce = tuple(i for i in range(len(input_shape)) if i != axis)
        self._bshape = tuple(n if i == axis else 1 for i in range(len(input_shape)))
        if self.scale:
            self.add_weight("gamma", (n,), self.gamma_initializer)
        if self.center:
            self.add_weight("beta", (n,), self.beta_initializer)
        self.add_weight("moving_mean", (n,), self.moving_mean_initializer, trainable=False)
        self.add_weight("moving_variance", (n,), self.moving_variance_initializer, trainable=False)
        super().build(input_shape)

    def _gamma_beta(self):
        gamma = self.gamma.reshape(self._bshape) if self.scale else np.float32(1)
        beta = self.beta.reshape(self._bshape) if self.center else np.float32(0)
        return gamma, beta

    def forward(self, x, training=False):
        gamma, beta = self._gamma_beta()
        if training:
            mean = x.mean(axis=self._reduce, keepdims=True)
            var = ((x - mean) ** 2).mean(axis=self._reduce, keepdims=True)
            m = self.momentum
            self.moving_mean[...] = self.moving_mean * m + mean.reshape(-1) * (1 - m)
            self.moving_variance[...] = self.moving_variance * m + var.reshape(-1) * (1 - m)
        else:
            mean = self.moving_mean.reshape(self._bshape)
            var = self.moving_variance.reshape(self._bshape)
        self.inv_std = (1.0 / np.sqrt(var + self.epsilon)).astype(floatx())
        self.x_hat = (x - mean) * self.inv_std
        self.training = training
        return (gamma * self.x_hat + beta).astype(floatx(), copy=False)

    def backward(self, dy):
        gamma, _ = self._gamma_beta()
        x_hat, r = self.x_hat, self._reduce
        dgamma = (dy * x_hat).sum(axis=r)
        dbeta = dy.sum(axis=r)
        if self.scale:
            self._grads["gamma"][...] = dgamma
        if self.center:
            self._grads["beta"][...] = dbeta
        if not self.training:   # moving statistics are constants: y is linear in x
            return dy * gamma * self.inv_std
        n = dy.size // dbeta.size
        b = self._bshape
        return gamma * self.inv_std * (dy - dbeta.reshape(b) / n - x_hat * dgamma.reshape(b) / n)

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "momentum": self.momentum,
                "epsilon": self.epsilon, "center": self.center, "scale": self.scale}


# ---------------------------------------------------------------------------------------------
# Registry for saving / loading
# ---------------------------------------------------------------------------------------------
_REGISTRY = {cls.__name__: cls for cls in (InputLayer, Dense, Flatten, Dropout, Activation, ReLU,
                                            LeakyReLU, Softmax, BatchNormalization)}


serialize = backend.serialize        # Layer -> {"class_name": "Dense", "config": {...}} (JSON-safe)


def _unknown_layer(class_name):
    return message(f"Unknown layer class_name {class_name!r}. Expected one of: "
                   f"{', '.join(sorted(_REGISTRY))}.",
                   "저장 파일에 honggong이 모르는 층이 있습니다. honggong의 층으로 모델을 만드세요.")


def deserialize(config):
    """{"class_name": ..., "config": ...} -> a new (unbuilt) layer (``backend.deserialize``)."""
    return get(config)


def get(identifier):
    """A layer instance passes through; a serialized dict is deserialized (``backend.resolve``)."""
    found = None if isinstance(identifier, (str, type)) else backend.resolve(
        identifier, Layer, _REGISTRY, _unknown_layer)
    if found is None:
        raise LayerError(message(
            "Could not interpret a layer: expected a Layer or a {\"class_name\", \"config\"} dict, "
            f"received {backend.describe(identifier)}.",
            "keras.layers.Dense(10)처럼 층 객체를 주세요."))
    return found
