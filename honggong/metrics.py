"""Metrics: the accuracy family, MAE and MSE (Keras 3 names and rules).

평가 지표입니다. 모델은 ``metric.call(y_true, y_pred)``로 샘플마다 값을 받아 에포크 동안
샘플 수로 가중 평균합니다 (Keras의 누적 평균과 같은 값).

History keys follow Keras 3: a metric given as a string keeps that string as its name
(``"accuracy"`` → ``"accuracy"``, ``"acc"`` → ``"acc"``, ``"mae"`` → ``"mae"``); a metric object
keeps its own name (``MeanAbsoluteError()`` → ``"mean_absolute_error"``).

``"accuracy"``/``"acc"`` is resolved from the shapes, like Keras 3's ``compile``:
- ``y_pred`` with last axis 1 → binary accuracy (threshold 0.5);
- ``y_true`` of lower rank than ``y_pred`` (integer labels), or ``y_true`` with last axis 1 while
  ``y_pred`` has more → sparse categorical accuracy;
- otherwise (one-hot targets) → categorical accuracy.
"""
import numpy as np

from honggong import backend, checks, losses
from honggong.backend import HonggongError, HonggongTypeError, message


def _per_sample(matches):
    """Average over all axes but the first, so every sample gives one value (float32)."""
    matches = np.asarray(matches, dtype=np.float32)
    if matches.ndim > 1:
        matches = matches.reshape(matches.shape[0], int(np.prod(matches.shape[1:]))).mean(axis=1)
    return matches


# ---------------------------------------------------------------- functions (Keras names)

def accuracy(y_true, y_pred):
    """Exact match: ``1.0`` where ``y_true == y_pred`` else ``0.0`` (elementwise)."""
    y_true, y_pred = losses.align_ranks(np.asarray(y_true), np.asarray(y_pred))
    return (y_true == y_pred).astype(np.float32)


def binary_accuracy(y_true, y_pred, threshold=0.5):
    """``1.0`` where ``y_true == (y_pred > threshold)`` else ``0.0`` (elementwise)."""
    y_true, y_pred = losses.align_ranks(np.asarray(y_true), np.asarray(y_pred))
    return (y_true == (y_pred > threshold)).astype(np.float32)


def categorical_accuracy(y_true, y_pred):
    """``1.0`` where ``argmax(y_true) == argmax(y_pred)`` (one-hot targets), per sample."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise HonggongError(message(
            f"categorical_accuracy expects one-hot targets of shape {y_pred.shape}, received "
            f"shape {y_true.shape}.",
            "해결: 정수 레이블이면 'sparse_categorical_accuracy'(또는 'accuracy')를 쓰세요.",
        ))
    return (np.argmax(y_true, axis=-1) == np.argmax(y_pred, axis=-1)).astype(np.float32)


def sparse_categorical_accuracy(y_true, y_pred):
    """``1.0`` where the integer label equals ``argmax(y_pred)``, per sample."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1:
        y_true = y_true[..., 0]
    if y_true.shape != y_pred.shape[:-1]:
        raise HonggongError(message(
            f"sparse_categorical_accuracy expects integer labels of shape {y_pred.shape[:-1]}, "
            f"received shape {y_true.shape}.",
            "해결: one-hot 타깃이면 'categorical_accuracy'를 쓰세요.",
        ))
    return (y_true == y_pred.argmax(axis=-1)).astype(np.float32)


def mean_absolute_error(y_true, y_pred):
    """Per-sample ``mean(|y_true − y_pred|, axis=−1)`` (same as the loss)."""
    return losses.mean_absolute_error(y_true, y_pred)


def mean_squared_error(y_true, y_pred):
    """Per-sample ``mean((y_true − y_pred)², axis=−1)`` (same as the loss)."""
    return losses.mean_squared_error(y_true, y_pred)


mae = MAE = mean_absolute_error
mse = MSE = mean_squared_error
binary_crossentropy = losses.binary_crossentropy
categorical_crossentropy = losses.categorical_crossentropy
sparse_categorical_crossentropy = losses.sparse_categorical_crossentropy


# ---------------------------------------------------------------- metric objects

class Metric:
    """A metric: ``call`` gives one float32 value per sample; ``update_state``/``result`` keep
    the running mean over samples (``total / count``), like a Keras metric."""

    def __init__(self, fn, name, **kwargs):
        self.fn = fn
        self.name = name
        self.kwargs = kwargs
        self.reset_state()

    def call(self, y_true, y_pred):
        y_true = checks.numeric(y_true, "y_true", f"metric {self.name!r}")
        y_pred = checks.numeric(y_pred, "y_pred", f"metric {self.name!r}")
        if y_true.ndim == 0 or y_pred.ndim == 0 or len(y_true) != len(y_pred) \
                or y_pred.shape[-1] == 0:
            raise HonggongError(message(
                f"metric {self.name!r} expected y_true and y_pred with the same number of samples "
                f"on the first axis, received shapes {y_true.shape} and {y_pred.shape}.",
                "해결: 같은 샘플들의 정답과 model.predict의 결과를 주세요."))
        try:
            return _per_sample(self.fn(y_true, y_pred, **self.kwargs))
        except HonggongError:
            raise
        except ValueError:            # numpy could not broadcast the two shapes
            raise HonggongError(message(
                f"metric {self.name!r} cannot compare y_true of shape {y_true.shape} with y_pred of "
                f"shape {y_pred.shape}: expected equal shapes (or class labels of shape "
                f"{y_pred.shape[:-1]} for sparse metrics).",
                "해결: 정답 배열의 모양이 모델 출력과 맞는지 확인하세요 (정수 레이블이면 "
                "'sparse_categorical_accuracy').")) from None

    direction = None         # "up": higher is better, "down": lower is better (see direction())

    def update_state(self, y_true, y_pred, sample_weight=None):
        """total += Σ w·value, count += Σ w over the batch's samples (w = 1 without weights)."""
        values = self.call(y_true, y_pred)
        if sample_weight is None:
            self.total += float(values.sum(dtype=np.float64))
            self.count += len(values)
            return
        weights = np.asarray(sample_weight, dtype=np.float32).reshape(values.shape)
        self.total += float(np.sum(values * weights, dtype=np.float64))
        self.count += float(np.sum(weights, dtype=np.float64))

    def result(self):
        return self.total / self.count if self.count else 0.0

    def reset_state(self):
        self.total = 0.0
        self.count = 0.0

    def __call__(self, y_true, y_pred, sample_weight=None):
        self.update_state(y_true, y_pred, sample_weight)
        return self.result()

    def get_config(self):
        if type(self) is Metric:       # wraps a function: only the built-in subclasses can be saved
            raise HonggongTypeError(message(
                f"Cannot save the metric {self.name!r} made from a function: a honggong file stores "
                "names and configs, not code. Expected a metric name or a keras.metrics class.",
                "해결: metrics=['accuracy']나 keras.metrics.SparseCategoricalAccuracy()처럼 지정하세요."))
        return {"name": self.name, **self.kwargs}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"{type(self).__name__}(name={self.name!r})"


class Accuracy(Metric):
    """Exact-match accuracy (``y_true == y_pred``). For classification use ``"accuracy"`` in
    ``compile``, which picks binary/categorical/sparse accuracy from the shapes."""

    direction = "up"

    def __init__(self, name="accuracy"):
        super().__init__(accuracy, name)


class BinaryAccuracy(Metric):
    direction = "up"

    def __init__(self, name="binary_accuracy", threshold=0.5):
        super().__init__(binary_accuracy, name, threshold=threshold)


class CategoricalAccuracy(Metric):
    direction = "up"

    def __init__(self, name="categorical_accuracy"):
        super().__init__(categorical_accuracy, name)


class SparseCategoricalAccuracy(Metric):
    direction = "up"

    def __init__(self, name="sparse_categorical_accuracy"):
        super().__init__(sparse_categorical_accuracy, name)


class MeanAbsoluteError(Metric):
    direction = "down"

    def __init__(self, name="mean_absolute_error"):
        super().__init__(mean_absolute_error, name)


class MeanSquaredError(Metric):
    direction = "down"

    def __init__(self, name="mean_squared_error"):
        super().__init__(mean_squared_error, name)


_NUMBER = (int, float, np.number)


class Mean(Metric):
    """Running mean of the values given (``keras.metrics.Mean``)::

        total += Σ w·v,  count += Σ w,  result = total / count

    ``fit`` and ``evaluate`` track the loss with one: ``update_state(batch_loss, sample_weight=n)``
    for a batch of n samples, so the epoch loss is the mean over samples, not over batches.
    """

    direction = "down"        # what fit tracks with it is a loss

    def __init__(self, name="mean"):
        super().__init__(None, name)

    def update_state(self, values, sample_weight=None):
        if isinstance(values, _NUMBER) and isinstance(sample_weight, _NUMBER + (type(None),)):
            weight = 1.0 if sample_weight is None else float(sample_weight)   # one batch loss
            self.total += float(values) * weight
            self.count += weight
            return
        values = np.asarray(values, dtype=np.float64)
        weights = np.broadcast_to(1.0 if sample_weight is None
                                  else np.asarray(sample_weight, dtype=np.float64), values.shape)
        self.total += float((values * weights).sum())
        self.count += float(weights.sum())

    def __call__(self, values, sample_weight=None):
        self.update_state(values, sample_weight)
        return self.result()


def accuracy_kind(y_true_shape, y_pred_shape):
    """Which accuracy Keras 3 uses for ``"accuracy"``: ``"binary"``, ``"sparse_categorical"``
    or ``"categorical"``, decided from the shapes of ``y_true`` and ``y_pred``."""
    y_true_shape, y_pred_shape = tuple(y_true_shape), tuple(y_pred_shape)
    y_true_last = y_true_shape[-1] if y_true_shape else 1
    y_pred_last = y_pred_shape[-1] if y_pred_shape else 1
    if y_pred_last == 1:
        return "binary"
    if len(y_true_shape) < len(y_pred_shape) or (y_true_last == 1 and y_pred_last > 1):
        return "sparse_categorical"
    return "categorical"


_ACCURACY_FUNCTIONS = {
    "binary": binary_accuracy,
    "sparse_categorical": sparse_categorical_accuracy,
    "categorical": categorical_accuracy,
}


class AutoAccuracy(Metric):
    """``"accuracy"`` from ``compile``: picks the accuracy function from the first batch's shapes
    (see ``accuracy_kind``) and keeps it. ``kind`` tells which one was chosen."""

    def __init__(self, name="accuracy"):
        super().__init__(None, name)
        self.kind = None

    def call(self, y_true, y_pred):
        if self.fn is None:
            y_true = checks.numeric(y_true, "y_true", f"metric {self.name!r}")
            y_pred = checks.numeric(y_pred, "y_pred", f"metric {self.name!r}")
            self.kind = accuracy_kind(np.shape(y_true), np.shape(y_pred))
            self.fn = _ACCURACY_FUNCTIONS[self.kind]
        return super().call(y_true, y_pred)


_CLASSES = {
    "accuracy": Accuracy,
    "binary_accuracy": BinaryAccuracy,
    "categorical_accuracy": CategoricalAccuracy,
    "sparse_categorical_accuracy": SparseCategoricalAccuracy,
    "mean_absolute_error": MeanAbsoluteError,
    "mean_squared_error": MeanSquaredError,
}
_CLASSES.update({cls.__name__: cls for cls in list(_CLASSES.values())})
_ALIASES = {"mae": "mean_absolute_error", "mse": "mean_squared_error"}
_LOSS_METRICS = ("binary_crossentropy", "categorical_crossentropy",
                 "sparse_categorical_crossentropy")
_FUNCTIONS = {
    accuracy: "accuracy", binary_accuracy: "binary_accuracy",
    categorical_accuracy: "categorical_accuracy",
    sparse_categorical_accuracy: "sparse_categorical_accuracy",
    mean_absolute_error: "mean_absolute_error", mean_squared_error: "mean_squared_error",
}

NAMES = ("accuracy", "acc", "binary_accuracy", "categorical_accuracy",
         "sparse_categorical_accuracy", "mae", "mean_absolute_error", "mse",
         "mean_squared_error") + _LOSS_METRICS


def _unknown_metric(name):
    return message(f"Unknown metric {name!r}. Expected one of: {', '.join(NAMES)}.",
                   "해결: 분류는 metrics=['accuracy'], 회귀는 metrics=['mae']를 많이 씁니다.")


serialize = backend.serialize     # a metric name stays a name; an object -> {"class_name", "config"}


def deserialize(config):
    """The inverse of ``serialize``: a name or a saved config -> a metric."""
    return get(config)


def get(identifier, loss=None, y_true=None, y_pred=None):
    """Return a metric object for ``compile(metrics=[...])``.

    - ``"accuracy"``/``"acc"`` (any case): the accuracy Keras 3 would choose. With ``y_true`` and
      ``y_pred`` (arrays or shapes) it is chosen now, otherwise on the first batch
      (``AutoAccuracy``). The name stays the string the user wrote.
    - other names ("mae", "mean_squared_error", "binary_crossentropy", ...): that metric, named
      with the string as written.
    - a Metric object is returned as is; a Metric class is instantiated; one of this module's
      functions is wrapped under its Keras name.

    ``loss`` is accepted for the model's convenience; like Keras 3 the choice of accuracy depends
    only on the shapes, so it does not change the result.
    """
    if isinstance(identifier, str):
        name = identifier
        key = identifier.lower()
        if key in ("accuracy", "acc"):
            if y_true is None or y_pred is None:
                return AutoAccuracy(name=name)
            kind = accuracy_kind(_shape(y_true), _shape(y_pred))
            return Metric(_ACCURACY_FUNCTIONS[kind], name)
        key = _ALIASES.get(key, key)
        if key in _CLASSES:
            return _CLASSES[key](name=name)
        if identifier in _CLASSES:
            return _CLASSES[identifier]()
        if key in _LOSS_METRICS:
            return Metric(getattr(losses, key), name)
        raise HonggongError(_unknown_metric(identifier))
    found = backend.resolve(identifier, Metric, _CLASSES, _unknown_metric)   # objects, saved configs
    if found is not None:
        return found
    if callable(identifier):
        if identifier in _FUNCTIONS:
            return _CLASSES[_FUNCTIONS[identifier]]()
        return Metric(identifier, getattr(identifier, "__name__", "metric"))
    raise HonggongTypeError(message(
        "Could not interpret metric: expected a name, a Metric or a function, received "
        f"{backend.describe(identifier)}.",
        "해결: metrics=['accuracy']처럼 문자열 이름의 리스트를 주세요.",
    ))


# ---------------------------------------------------------------- which way is better

_HIGHER_IS_BETTER = {
    "accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
    "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "auc", "precision",
    "recall", "r2_score", "f1_score",
}
_LOWER_IS_BETTER = {
    "loss", "mae", "mse", "mape", "msle", "rmse", "mean_absolute_error", "mean_squared_error",
    "mean_absolute_percentage_error", "mean_squared_logarithmic_error",
    "root_mean_squared_error", "binary_crossentropy", "categorical_crossentropy",
    "sparse_categorical_crossentropy", "huber", "hinge", "log_cosh", "kl_divergence",
}


def direction(name, metrics=()):
    """``"up"`` if a higher value of the log key ``name`` is better, ``"down"`` if a lower one is,
    ``None`` if unknown. The one place honggong decides it (EarlyStopping, ModelCheckpoint and
    ReduceLROnPlateau with ``mode="auto"``).

    A ``"val_"`` prefix is ignored. A metric object in ``metrics`` with that name and a
    ``direction`` attribute decides first; then the name: "loss" and error metrics are "down",
    accuracy-like metrics "up".
    """
    name = name[4:] if name.startswith("val_") else name
    if name == "loss":
        return "down"
    for metric in metrics or ():
        found = getattr(metric, "direction", None) or getattr(metric, "_direction", None)
        if getattr(metric, "name", None) == name and found in ("up", "down"):
            return found
    if name in _HIGHER_IS_BETTER:
        return "up"
    if name in _LOWER_IS_BETTER:
        return "down"
    return None


def _shape(a):
    if isinstance(a, tuple):
        return a
    return np.shape(a)
