"""Loss functions with Keras 3 formulas, defaults and names, plus their gradients.

손실 함수입니다. 공식, 기본값, 이름은 Keras 3과 같습니다.

    loss = losses.get("sparse_categorical_crossentropy")
    value = loss(y_true, y_pred)          # one float: the mean over the batch ("sum_over_batch_size")
    per_sample = loss.call(y_true, y_pred)  # one value per sample, shape (batch,)
    dy = loss.gradient(y_true, y_pred)    # d value / d y_pred, same shape as y_pred

Keras details followed here:

- Per-sample values are a mean over the last axis (MSE, MAE, Huber, BCE) or a sum over classes
  (crossentropy). ``value`` is the sum of the per-sample values divided by their number.
- Probabilities are clipped to ``[ε, 1 − ε]`` before ``log``, with ``ε = backend.epsilon()``
  (1e-7 unless ``set_epsilon`` changed it). Categorical crossentropy first divides ``y_pred``
  by its sum over classes. Where a probability was clipped, the loss does not change with
  ``y_pred``, so ``gradient`` is 0 there.
- ``y_true`` of shape ``(batch,)`` and ``y_pred`` of shape ``(batch, 1)`` are lined up
  (Keras' ``squeeze_or_expand_to_same_rank``).

A model whose last layer is softmax, trained with (sparse) categorical crossentropy, uses
``softmax_crossentropy``: the loss and its gradient with respect to the *logits*, ``(p − onehot)/n``.
"""
import numpy as np

from honggong import activations, backend, checks
from honggong.backend import HonggongError, HonggongTypeError, message

REDUCTIONS = ("sum_over_batch_size", "mean", "sum", "none", None)


# ---------------------------------------------------------------- input handling

def _to_arrays(y_true, y_pred):
    y_pred = backend.as_float_array(checks.numeric(y_pred, "y_pred", "loss"))
    y_true = checks.numeric(y_true, "y_true", "loss")
    if y_pred.ndim == 0:                # loss(1.0, 0.5): one sample with one value
        y_pred = y_pred.reshape(1)
    if y_true.ndim == 0:
        y_true = y_true.reshape(1)
    return y_true, y_pred


def align_ranks(y_true, y_pred):
    """Line up ranks that differ by one trailing axis of size 1 (Keras' rule).

    ``(batch,)`` with ``(batch, 1)`` → both ``(batch, 1)``. If the higher-rank array has a last
    axis of 1 and the other is not 1-D, that axis is dropped instead.
    """
    if y_true.ndim == y_pred.ndim + 1 and y_true.shape[-1] == 1:
        if y_pred.ndim == 1:
            y_pred = y_pred[..., None]
        else:
            y_true = y_true[..., 0]
    elif y_pred.ndim == y_true.ndim + 1 and y_pred.shape[-1] == 1:
        if y_true.ndim == 1:
            y_true = y_true[..., None]
        else:
            y_pred = y_pred[..., 0]
    return y_true, y_pred


def _check_same_shape(y_true, y_pred, loss_name, original_true, original_pred):
    if y_true.shape != y_pred.shape:
        raise HonggongError(message(
            f"{loss_name}: y_true and y_pred must have the same shape, received "
            f"y_true.shape={original_true} and y_pred.shape={original_pred}.",
            "해결: 모델 출력층의 유닛 수와 타깃(y)의 모양이 같은지 확인하세요.",
        ))


def _aligned_float(y_true, y_pred, loss_name):
    """Arrays for elementwise losses: aligned ranks, same shape, y_true in y_pred's dtype."""
    y_true, y_pred = _to_arrays(y_true, y_pred)
    shapes = (y_true.shape, y_pred.shape)
    y_true, y_pred = align_ranks(y_true, y_pred)
    _check_same_shape(y_true, y_pred, loss_name, *shapes)
    return y_true.astype(y_pred.dtype, copy=False), y_pred


def _is_integer_valued(a):
    if np.issubdtype(a.dtype, np.integer) or a.dtype == bool:
        return True
    return bool(np.all(np.floor(a) == a))


def sparse_labels(y_true, y_pred, loss_name="sparse_categorical_crossentropy"):
    """Check integer class labels against ``y_pred`` of shape (..., n_classes); return int labels.

    Accepts labels of shape ``y_pred.shape[:-1]`` or that shape plus a trailing 1.
    """
    y_true = checks.numeric(y_true, "y_true", loss_name)
    y_pred = checks.numeric(y_pred, "y_pred", loss_name)
    if y_pred.ndim == 0:
        raise HonggongError(message(
            f"{loss_name} expected y_pred of shape (batch, n_classes), received a single number.",
            "해결: 모델의 출력(model.predict의 결과)을 그대로 주세요."))
    n_classes = y_pred.shape[-1]
    labels = y_true
    if labels.ndim == y_pred.ndim and labels.shape[-1] == 1:
        labels = labels[..., 0]
    if labels.shape != y_pred.shape[:-1]:
        if y_true.shape == y_pred.shape and n_classes > 1:
            raise HonggongError(message(
                f"{loss_name} expects integer class labels of shape {y_pred.shape[:-1]}, "
                f"but received one-hot-like targets of shape {y_true.shape} "
                f"(same shape as y_pred).",
                "해결: one-hot 타깃이면 loss='categorical_crossentropy'를 쓰거나, "
                "y.argmax(axis=-1)로 정수 레이블로 바꾸세요.",
            ))
        raise HonggongError(message(
            f"{loss_name}: expected labels of shape {y_pred.shape[:-1]} for y_pred of shape "
            f"{y_pred.shape}, received labels of shape {y_true.shape}.",
            "해결: 샘플 수가 같은지, 레이블이 샘플마다 하나의 정수인지 확인하세요.",
        ))
    if labels.size and not _is_integer_valued(labels):
        bad = labels[np.floor(labels) != labels].ravel()[0]
        raise HonggongError(message(
            f"{loss_name} expects integer class labels, received a non-integer value {bad}.",
            "해결: 레이블은 0, 1, 2, ... 같은 클래스 번호여야 합니다. 확률 타깃이면 "
            "categorical_crossentropy를 쓰세요.",
        ))
    labels = labels.astype(np.int64, copy=False)
    if labels.size:
        low, high = labels.min(), labels.max()
        if low < 0 or high >= n_classes:
            bad = low if low < 0 else high
            raise HonggongError(message(
                f"{loss_name}: received label value {bad}, which is outside the valid range "
                f"[0, {n_classes}) for y_pred with n_classes={n_classes}.",
                f"해결: 출력층 유닛 수({n_classes})가 클래스 개수와 같은지, 레이블이 0부터 "
                "시작하는지 확인하세요.",
            ))
    return labels


def one_hot(labels, n_classes, dtype):
    """One-hot rows: ``onehot[i, labels[i]] = 1``, shape ``labels.shape + (n_classes,)``."""
    out = np.zeros(labels.shape + (n_classes,), dtype=dtype)
    np.put_along_axis(out, labels[..., None], 1.0, axis=-1)
    return out


def _categorical_targets(y_true, y_pred, loss_name):
    """Check one-hot (or probability) targets for categorical crossentropy."""
    y_true = checks.numeric(y_true, "y_true", loss_name)
    if y_true.shape != y_pred.shape:
        integer_like = (y_true.ndim == y_pred.ndim - 1
                        or (y_true.ndim == y_pred.ndim and y_true.shape[-1] == 1))
        if integer_like and y_pred.shape[-1] > 1:
            raise HonggongError(message(
                f"{loss_name} expects one-hot targets of shape {y_pred.shape}, but received "
                f"targets of shape {y_true.shape}, which look like integer class labels.",
                "해결: 정수 레이블이면 loss='sparse_categorical_crossentropy'를 쓰거나, "
                "keras.utils.to_categorical(y)로 one-hot으로 바꾸세요.",
            ))
        raise HonggongError(message(
            f"{loss_name}: y_true and y_pred must have the same shape, received "
            f"y_true.shape={y_true.shape} and y_pred.shape={y_pred.shape}.",
            "해결: 출력층의 유닛 수가 클래스 개수와 같은지 확인하세요.",
        ))
    return y_true.astype(y_pred.dtype, copy=False)


def _n_values(per_sample):
    return max(int(np.size(per_sample)), 1)


# ---------------------------------------------------------------- per-sample loss functions

def mean_squared_error(y_true, y_pred):
    """Per-sample MSE: ``mean((y_true − y_pred)², axis=−1)``."""
    y_true, y_pred = _aligned_float(y_true, y_pred, "mean_squared_error")
    return np.mean(np.square(y_true - y_pred), axis=-1)


def mean_absolute_error(y_true, y_pred):
    """Per-sample MAE: ``mean(|y_true − y_pred|, axis=−1)``."""
    y_true, y_pred = _aligned_float(y_true, y_pred, "mean_absolute_error")
    return np.mean(np.abs(y_true - y_pred), axis=-1)


def huber(y_true, y_pred, delta=1.0):
    """Per-sample Huber loss with error ``e = y_pred − y_true``, mean over the last axis of::

        0.5·e²                      if |e| ≤ delta
        delta·|e| − 0.5·delta²      otherwise
    """
    y_true, y_pred = _aligned_float(y_true, y_pred, "huber")
    e = y_pred - y_true
    abs_e = np.abs(e)
    return np.mean(np.where(abs_e <= delta, 0.5 * e * e, delta * abs_e - 0.5 * delta * delta),
                   axis=-1).astype(y_pred.dtype, copy=False)


def _smooth_binary(y_true, label_smoothing):
    if label_smoothing:
        return y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing
    return y_true


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0):
    """Per-sample binary crossentropy, mean over the last axis of::

        −[t·log(p) + (1 − t)·log(1 − p)],   p = clip(y_pred, ε, 1 − ε)

    With ``from_logits=True``, ``y_pred`` is a logit x and the stable form
    ``max(x, 0) − x·t + log(1 + e^(−|x|))`` is used (no clipping).
    ``label_smoothing`` s moves targets towards 0.5: ``t ← t·(1 − s) + 0.5·s``.
    """
    y_true, y_pred = _aligned_float(y_true, y_pred, "binary_crossentropy")
    t = _smooth_binary(y_true, label_smoothing)
    if from_logits:
        x = y_pred
        per_element = np.maximum(x, 0.0) - x * t + np.log1p(np.exp(-np.abs(x)))
    else:
        eps = backend.epsilon()
        p = np.clip(y_pred, eps, 1.0 - eps)
        per_element = -(t * np.log(p) + (1.0 - t) * np.log(1.0 - p))
    if per_element.ndim == 0:                   # a single prediction: its own mean
        return per_element.astype(y_pred.dtype)
    return np.mean(per_element, axis=-1).astype(y_pred.dtype, copy=False)


def _log_softmax(x):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def _crossentropy_from_targets(t, y_pred, from_logits):
    """``−Σ_c t_c·log q_c`` over the last axis (q: normalized+clipped probs or softmax(logits))."""
    if from_logits:
        log_q = _log_softmax(y_pred)
    else:
        eps = backend.epsilon()
        q = y_pred / np.sum(y_pred, axis=-1, keepdims=True)
        log_q = np.log(np.clip(q, eps, 1.0 - eps))
    return -np.sum(t * log_q, axis=-1)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0):
    """Per-sample categorical crossentropy with one-hot targets ``t``::

        q = y_pred / Σ_c y_pred_c,   loss = −Σ_c t_c · log(clip(q_c, ε, 1 − ε))

    With ``from_logits=True``: ``loss = −Σ_c t_c · log_softmax(y_pred)_c``.
    ``label_smoothing`` s: ``t ← t·(1 − s) + s/n_classes``.
    """
    y_pred = backend.as_float_array(checks.numeric(y_pred, "y_pred", "loss"))
    t = _categorical_targets(y_true, y_pred, "categorical_crossentropy")
    if label_smoothing:
        t = t * (1.0 - label_smoothing) + label_smoothing / y_pred.shape[-1]
    return _crossentropy_from_targets(t, y_pred, from_logits).astype(y_pred.dtype, copy=False)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Per-sample crossentropy with integer labels: ``loss_i = −log q_i[label_i]``.

    ``q`` is ``y_pred`` normalized and clipped (as in categorical crossentropy) or
    ``softmax(y_pred)`` with ``from_logits=True``.
    """
    y_pred = backend.as_float_array(checks.numeric(y_pred, "y_pred", "loss"))
    labels = sparse_labels(y_true, y_pred)
    t = one_hot(labels, y_pred.shape[-1], y_pred.dtype)
    return _crossentropy_from_targets(t, y_pred, from_logits).astype(y_pred.dtype, copy=False)


mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
bce = BCE = binary_crossentropy


# ---------------------------------------------------------------- softmax + crossentropy in one step

def softmax_crossentropy(y_true, probs):
    """Softmax + crossentropy as one step (deep-learning-from-scratch's ``SoftmaxWithLoss``).

    ``probs`` = softmax(z), the output of a final softmax, shape (n, n_classes); ``y_true`` are
    integer labels of shape (n,) (already checked, as the model does once per fit) or one-hot /
    probability rows of shape (n, n_classes). With ``ε = backend.epsilon()``::

        loss    = (1/n) · Σ_i −Σ_c t_ic · log(clip(p_ic, ε, 1 − ε))      (Keras' crossentropy)
        dlogits = (p · Σ_c t_c − t) / n  =  (p − onehot) / n                (dL/dz for the logits z)

    Returns ``(loss, dlogits)``: a float and a float32 array of ``probs``' shape. The gradient
    goes straight to the logits, skipping the clipping (TensorFlow-Keras does the same), so it is
    ``softmax.backward(z, p, crossentropy.gradient(t, p))`` wherever no probability was clipped.
    """
    n = probs.shape[0]
    eps = backend.epsilon()
    dlogits = probs.copy()
    if y_true.ndim == probs.ndim:                      # one-hot or probability rows
        t = y_true.astype(probs.dtype, copy=False)
        loss = float(-(t * np.log(probs.clip(eps, 1 - eps))).sum()) / n
        dlogits *= t.sum(axis=-1, keepdims=True)
        dlogits -= t
    else:                                              # integer labels
        rows = np.arange(n)
        loss = float(-np.log(probs[rows, y_true].clip(eps, 1 - eps)).sum()) / n
        dlogits[rows, y_true] -= 1
    dlogits *= probs.dtype.type(1.0 / n)
    return loss, dlogits


def sigmoid_crossentropy_grad(y_true, probs, label_smoothing=0.0):
    """Gradient of the mean binary crossentropy with respect to the sigmoid *logits*: ``(p − t)/N``.

    ``probs`` = sigmoid(logits); ``N`` = total number of entries (the loss averages over all).
    """
    y_true, probs = _aligned_float(y_true, probs, "binary_crossentropy")
    t = _smooth_binary(y_true, label_smoothing)
    return ((probs - t) / max(probs.size, 1)).astype(probs.dtype, copy=False)


# ---------------------------------------------------------------- Loss objects

class Loss(backend.Configurable):
    """Base class: ``loss(y_true, y_pred)`` → float, ``call`` → per sample, ``gradient`` → dL/dy_pred.

    Subclasses implement ``call`` (per-sample values) and ``_elementwise_grad``.
    """

    def __init__(self, name=None, reduction="sum_over_batch_size"):
        if reduction not in REDUCTIONS:
            raise HonggongError(message(
                f"Invalid reduction: expected one of {REDUCTIONS}, received {reduction!r}.",
                "힌트: 기본값 'sum_over_batch_size'(배치 평균)를 쓰면 됩니다.",
            ))
        self.name = name or type(self).__name__
        self.reduction = reduction

    def call(self, y_true, y_pred):
        raise NotImplementedError

    def __call__(self, y_true, y_pred, sample_weight=None):
        values = self.call(y_true, y_pred)
        if sample_weight is not None:
            values = values * np.asarray(sample_weight, dtype=values.dtype).reshape(values.shape)
        if self.reduction in ("none", None):
            return values
        total = float(np.sum(values, dtype=np.float64))
        if self.reduction == "sum":
            return total
        return total / _n_values(values)

    def gradient(self, y_true, y_pred):
        """``d loss(y_true, y_pred) / d y_pred`` for the mean reduction; same shape as ``y_pred``."""
        y_pred_array = backend.as_float_array(checks.numeric(y_pred, "y_pred", "loss"))
        grad = self._gradient(y_true, y_pred_array)
        if self.reduction == "sum":
            grad = grad * _n_values(self.call(y_true, y_pred_array))
        return grad.reshape(y_pred_array.shape).astype(y_pred_array.dtype, copy=False)

    def _gradient(self, y_true, y_pred):
        raise NotImplementedError

    def get_config(self):
        return {"name": self.name, "reduction": self.reduction}


class MeanSquaredError(Loss):
    """``mean((y_true − y_pred)²)``;  gradient ``2·(y_pred − y_true) / N`` (N = number of entries)."""

    def __init__(self, reduction="sum_over_batch_size", name="mean_squared_error"):
        super().__init__(name=name, reduction=reduction)

    def call(self, y_true, y_pred):
        return mean_squared_error(y_true, y_pred)

    def _gradient(self, y_true, y_pred):
        y_true, p = _aligned_float(y_true, y_pred, self.name)
        return 2.0 * (p - y_true) / max(p.size, 1)


class MeanAbsoluteError(Loss):
    """``mean(|y_true − y_pred|)``;  gradient ``sign(y_pred − y_true) / N`` (0 where equal)."""

    def __init__(self, reduction="sum_over_batch_size", name="mean_absolute_error"):
        super().__init__(name=name, reduction=reduction)

    def call(self, y_true, y_pred):
        return mean_absolute_error(y_true, y_pred)

    def _gradient(self, y_true, y_pred):
        y_true, p = _aligned_float(y_true, y_pred, self.name)
        return np.sign(p - y_true) / max(p.size, 1)


class Huber(Loss):
    """Huber loss (quadratic for ``|e| ≤ delta``, linear beyond); gradient ``clip(e, −δ, δ) / N``."""

    def __init__(self, delta=1.0, reduction="sum_over_batch_size", name="huber_loss"):
        super().__init__(name=name, reduction=reduction)
        self.delta = float(delta)

    def call(self, y_true, y_pred):
        return huber(y_true, y_pred, delta=self.delta)

    def _gradient(self, y_true, y_pred):
        y_true, p = _aligned_float(y_true, y_pred, self.name)
        return np.clip(p - y_true, -self.delta, self.delta) / max(p.size, 1)

    def get_config(self):
        return {**super().get_config(), "delta": self.delta}


class BinaryCrossentropy(Loss):
    """Binary crossentropy (see ``binary_crossentropy``).

    Gradient per entry, divided by the number of entries N:
    probabilities: ``−t/p + (1 − t)/(1 − p)`` where ``ε < y_pred < 1 − ε``, else 0 (clipped);
    logits: ``sigmoid(x) − t``.
    """

    def __init__(self, from_logits=False, label_smoothing=0.0,
                 reduction="sum_over_batch_size", name="binary_crossentropy"):
        super().__init__(name=name, reduction=reduction)
        self.from_logits = bool(from_logits)
        self.label_smoothing = float(label_smoothing)

    def call(self, y_true, y_pred):
        return binary_crossentropy(y_true, y_pred, from_logits=self.from_logits,
                                   label_smoothing=self.label_smoothing)

    def _gradient(self, y_true, y_pred):
        y_true, p = _aligned_float(y_true, y_pred, self.name)
        t = _smooth_binary(y_true, self.label_smoothing)
        n = max(p.size, 1)
        if self.from_logits:
            return (activations.sigmoid(p) - t) / n
        eps = backend.epsilon()
        inside = (p > eps) & (p < 1.0 - eps)
        pc = np.clip(p, eps, 1.0 - eps)
        return np.where(inside, -t / pc + (1.0 - t) / (1.0 - pc), 0.0) / n

    def get_config(self):
        return {**super().get_config(), "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing}


def _crossentropy_gradient(t, y_pred, from_logits, n):
    """Gradient of ``(1/n)·Σ_samples −Σ_c t_c·log q_c`` with respect to ``y_pred``.

    logits: ``softmax(x)·Σ_c t_c − t``.
    probabilities: with ``S = Σ_c y_pred_c``, ``q = y_pred/S`` and
    ``g_c = −t_c/q_c`` where q_c was not clipped (else 0), the chain rule through the
    normalization gives ``∂/∂y_pred_k = (g_k − Σ_c g_c·q_c) / S``.
    """
    if from_logits:
        return (activations.softmax(y_pred) * np.sum(t, axis=-1, keepdims=True) - t) / n
    eps = backend.epsilon()
    s = np.sum(y_pred, axis=-1, keepdims=True)
    q = y_pred / s
    inside = (q > eps) & (q < 1.0 - eps)
    g = np.where(inside, -t / np.clip(q, eps, 1.0 - eps), 0.0)
    return (g - np.sum(g * q, axis=-1, keepdims=True)) / s / n


class CategoricalCrossentropy(Loss):
    """Categorical crossentropy with one-hot targets (see ``categorical_crossentropy``)."""

    def __init__(self, from_logits=False, label_smoothing=0.0,
                 reduction="sum_over_batch_size", name="categorical_crossentropy"):
        super().__init__(name=name, reduction=reduction)
        self.from_logits = bool(from_logits)
        self.label_smoothing = float(label_smoothing)

    def call(self, y_true, y_pred):
        return categorical_crossentropy(y_true, y_pred, from_logits=self.from_logits,
                                        label_smoothing=self.label_smoothing)

    def _gradient(self, y_true, y_pred):
        t = _categorical_targets(y_true, y_pred, self.name)
        if self.label_smoothing:
            t = t * (1.0 - self.label_smoothing) + self.label_smoothing / y_pred.shape[-1]
        n = max(int(np.prod(y_pred.shape[:-1])), 1)
        return _crossentropy_gradient(t, y_pred, self.from_logits, n)

    def get_config(self):
        return {**super().get_config(), "from_logits": self.from_logits,
                "label_smoothing": self.label_smoothing}


class SparseCategoricalCrossentropy(Loss):
    """Crossentropy with integer labels (see ``sparse_categorical_crossentropy``)."""

    def __init__(self, from_logits=False, reduction="sum_over_batch_size",
                 name="sparse_categorical_crossentropy"):
        super().__init__(name=name, reduction=reduction)
        self.from_logits = bool(from_logits)

    def call(self, y_true, y_pred):
        return sparse_categorical_crossentropy(y_true, y_pred, from_logits=self.from_logits)

    def _gradient(self, y_true, y_pred):
        labels = sparse_labels(y_true, y_pred, self.name)
        t = one_hot(labels, y_pred.shape[-1], y_pred.dtype)
        n = max(int(np.prod(y_pred.shape[:-1])), 1)
        return _crossentropy_gradient(t, y_pred, self.from_logits, n)

    def get_config(self):
        return {**super().get_config(), "from_logits": self.from_logits}


# ---------------------------------------------------------------- lookup

_CLASSES = {
    "mean_squared_error": MeanSquaredError,
    "mean_absolute_error": MeanAbsoluteError,
    "huber": Huber,
    "huber_loss": Huber,
    "binary_crossentropy": BinaryCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
}
_ALIASES = {"mse": "mean_squared_error", "mae": "mean_absolute_error",
            "bce": "binary_crossentropy"}
for _cls in set(_CLASSES.values()):
    _CLASSES[_cls.__name__] = _cls
_FUNCTIONS = {
    mean_squared_error: MeanSquaredError, mean_absolute_error: MeanAbsoluteError,
    huber: Huber, binary_crossentropy: BinaryCrossentropy,
    categorical_crossentropy: CategoricalCrossentropy,
    sparse_categorical_crossentropy: SparseCategoricalCrossentropy,
}

NAMES = ("mean_squared_error", "mse", "mean_absolute_error", "mae", "huber",
         "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy")


def _loss_key(name):
    """Registry key of a loss name: aliases ("mse", "bce", ...) and any letter case."""
    key = _ALIASES.get(name.lower(), name)
    return key if key in _CLASSES else key.lower()


def _unknown_loss(name):
    hint = " CTC is for unaligned sequence labelling, not regression." if name.lower() == "ctc" else ""
    return message(
        f"Unknown loss {name!r}.{hint} Expected one of: {', '.join(NAMES)}.",
        "해결: 회귀는 'mse', 이진 분류는 'binary_crossentropy', 정수 레이블 다중 분류는 "
        "'sparse_categorical_crossentropy', one-hot 다중 분류는 "
        "'categorical_crossentropy'를 쓰세요.",
    )


def get(identifier):
    """Return a ``Loss`` object for a name ("mse", "sparse_categorical_crossentropy", ...),
    a Loss class, a Loss instance, or one of this module's loss functions."""
    found = backend.resolve(identifier, Loss, _CLASSES, _unknown_loss, key=_loss_key)
    if found is not None:
        return found
    if callable(identifier) and identifier in _FUNCTIONS:
        return _FUNCTIONS[identifier]()
    raise HonggongTypeError(message(
        "Could not interpret loss: expected a loss name, a Loss class or instance, received "
        f"{backend.describe(identifier)}.",
        "해결: loss='sparse_categorical_crossentropy'처럼 문자열 이름을 주세요.",
    ))


serialize = backend.serialize     # an object -> {"class_name", "config"}; a name stays a name


def deserialize(config):
    """The inverse of ``serialize``: a name or a saved config -> the loss (``get``)."""
    return get(config)
