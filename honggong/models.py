"""Sequential 모델: 층을 차례로 쌓고 compile → fit → evaluate → predict 합니다 (Keras 3과 같은 API).

One training step on a batch (x, y):

    y_pred = layers[-1](...layers[0](x))            # forward, training=True
    loss   = loss_fn(y, y_pred) + regularization      # the number printed as "loss"
    dy     = dloss/dy_pred  ->  backward through the layers in reverse, each fills layer.grads
    optimizer.apply(grads, params)                   # one update of all weights

When the last layer is softmax and the loss is (sparse_)categorical crossentropy, the loss and the
first backward step are one function, ``losses.softmax_crossentropy``: dz = (p - onehot) / batch_size
for the softmax's input z (tests/test_losses.py checks it against the softmax and loss gradients).

The loss and the metrics of an epoch are running means kept by ``metrics.Mean`` and the compiled
``metrics.Metric`` objects (``model.metrics``), updated every batch.
"""
import contextlib
import math
import os
import time

import numpy as np

from . import callbacks as callbacks_module
from . import checks
from . import layers as layers_module
from . import losses as losses_module
from . import metrics as metrics_module
from . import optimizers as optimizers_module
from . import summary as summary_module
from . import backend, saving
from .backend import HonggongError, HonggongTypeError, describe, floatx, global_rng, message
from .layers import InputLayer, KerasTensor, Layer, _shape_str

__all__ = ["Sequential", "ModelError", "load_model", "save_model", "load_weights", "save_weights"]


# BLAS threads while fit() runs (None = leave numpy's setting alone); why one: benchmarks/README.md.
BLAS_THREADS_IN_FIT = 1


def _blas_threads(n):
    """Context manager limiting numpy's BLAS to n threads (no-op if n is None or unavailable)."""
    if n is None:
        return contextlib.nullcontext()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=n, user_api="blas")


class ModelError(HonggongError):
    """The model was used in a way it cannot handle (wrong data, not compiled, not built)."""


# ---------------------------------------------------------------------------------------------
# Data checks at the model boundary
# ---------------------------------------------------------------------------------------------
def _as_float_array(x, what):
    if x is None:
        raise ModelError(message(f"{what} expected an array of samples, received None.",
                                 f"해결: {what}에 입력 데이터 배열을 주세요. 예: model.fit(x_train, y_train)"))
    arr = checks.numeric(x, what).astype(floatx(), copy=False)
    if arr.ndim == 0:
        raise ModelError(message(
            f"{what} expected an array with a batch dimension, received a scalar.",
            f"해결: {what}에는 샘플들이 첫 번째 축에 쌓인 배열을 주세요."))
    return arr


def _check_finite(arr, what):
    """Raise a clear error when arr has NaN or inf (say how many and the first sample index)."""
    if arr.dtype.kind != "f" or arr.size == 0:
        return
    if math.isfinite(float(np.sum(arr, dtype=np.float64))):   # NaN/inf would make the sum so
        return
    finite = np.isfinite(arr)
    n_nan = int(np.isnan(arr).sum())
    n_inf = int(arr.size - finite.sum() - n_nan)
    first = int(np.argwhere(~finite)[0][0])
    raise ModelError(message(
        f"{what} contains {n_nan} NaN and {n_inf} inf values (first in sample index {first}).",
        f"해결: {what}에 NaN/inf 값이 있습니다: 데이터를 읽고 나누는(정규화) 과정, 예를 들어 0으로 "
        f"나누기나 빈 값을 확인하세요 ({what}[{first}]부터 보세요)."))


def _check_lengths(x, y, what="x"):
    if len(x) != len(y):
        raise ModelError(message(
            f"{what} and y must have the same number of samples, received {what}: {len(x)} "
            f"samples, y: {len(y)} samples.",
            "해결: 입력과 정답(타깃)의 개수가 다릅니다. 같은 순서로 짝지어진 배열인지 확인하세요."))


_FIT_ARGS = ("x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
             "validation_data", "shuffle", "initial_epoch")
_EVALUATE_ARGS = ("x", "y", "batch_size", "verbose", "return_dict", "callbacks")


def _batch_size(batch_size, where, n):
    """batch_size as Keras takes it: None means 32, else an int >= 1; never more than n."""
    batch_size = 32 if batch_size is None else checks.integer(batch_size, "batch_size", 1, where=where)
    return max(min(batch_size, n), 1)


def _fit_numbers(batch_size, epochs, initial_epoch):
    """(batch_size, epochs) checked: ints, batch_size >= 1, epochs and initial_epoch >= 0."""
    batch_size = 32 if batch_size is None else checks.integer(batch_size, "batch_size", 1)
    epochs = checks.integer(epochs, "epochs", 0)
    initial_epoch = checks.integer(initial_epoch, "initial_epoch", 0)
    return batch_size, epochs


# ---------------------------------------------------------------------------------------------
# Sequential
# ---------------------------------------------------------------------------------------------
class Sequential:
    """A stack of layers, each feeding the next.

        model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                                  keras.layers.Dense(100, activation="relu"),
                                  keras.layers.Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        history = model.fit(x, y, epochs=5, validation_split=0.2)

    Without ``keras.Input`` the model builds itself when the first data arrives.
    """

    def __init__(self, layers=None, name=None, trainable=True):
        self.name = name or layers_module.unique_name("sequential")
        self.trainable = trainable
        self._layers = []
        self._input_shape = None            # batch shape incl. None, from Input or the data
        self.built = False
        self.compiled = False
        self.optimizer = None
        self.loss = None
        self.stop_training = False
        self.history = None
        self._flat_params = None
        self._flat_grads = None
        self._bound = None
        if isinstance(layers, (Layer, KerasTensor)):
            raise HonggongTypeError(message(
                f"Sequential expects a list of layers, but received a single {type(layers).__name__}.",
                f"해결: 대괄호로 감싸 리스트로 넣으세요. 예: keras.Sequential([{type(layers).__name__}(...)])",
            ))
        if layers is not None and not isinstance(layers, (list, tuple)):
            raise HonggongTypeError(message(
                f"Sequential expects a list of layers, received {describe(layers)}.",
                "해결: keras.Sequential([keras.layers.Dense(10)])처럼 층의 리스트를 주세요."))
        for layer in layers or []:
            self.add(layer)

    # ---- structure ----------------------------------------------------------------------
    @property
    def layers(self):
        return list(self._layers)

    def add(self, layer):
        """Append a layer. ``keras.Input(shape=...)`` / ``InputLayer`` set the input shape."""
        if isinstance(layer, KerasTensor) or isinstance(layer, InputLayer):
            if self._layers:
                raise ModelError(message(
                    "keras.Input must be the first element of a Sequential model, received it "
                    "after other layers.", "해결: keras.Input(shape=...)은 층 리스트의 맨 앞에 두세요."))
            self._input_shape = tuple(layer.shape if isinstance(layer, KerasTensor)
                                      else layer.batch_shape)
            return
        if not isinstance(layer, Layer):
            raise ModelError(message(
                f"Sequential.add expected a layer (e.g. keras.layers.Dense(10)), received "
                f"{describe(layer)}.", "해결: 층 객체를 넣으세요 (괄호로 만든 Dense(10) 등)."))
        if not self._layers and self._input_shape is None and layer._batch_input_shape:
            self._input_shape = layer._batch_input_shape
        self._layers.append(layer)
        self.built = False
        self._bound = None
        if self._input_shape is not None:
            self.build(self._input_shape)

    def pop(self):
        layer = self._layers.pop()
        self.built = False
        self._bound = None
        return layer

    def get_layer(self, name=None, index=None):
        if index is not None:
            return self._layers[index]
        for layer in self._layers:
            if layer.name == name:
                return layer
        raise ModelError(message(
            f"No layer named {name!r}; layers: {[l.name for l in self._layers]}.",
            "해결: model.summary()에 보이는 층 이름을 쓰세요."))

    def build(self, input_shape=None):
        """Build every layer for inputs of ``input_shape`` (batch dim included, may be None)."""
        input_shape = tuple(input_shape if input_shape is not None else self._input_shape or ())
        if not input_shape:
            raise self._unbuilt_error("build")
        input_shape = (None,) + tuple(input_shape[1:])
        shape = input_shape
        for layer in self._layers:
            layer._maybe_build(shape)
            shape = layer.compute_output_shape(shape)
            layer.output_shape = tuple(shape)
        self._input_shape = input_shape
        self.built = True

    def _unbuilt_error(self, what):
        return ModelError(message(
            f"{what}: the model does not know its input shape yet. Add keras.Input(shape=...) as "
            f"the first element, call model.build((None, n_features)), or fit/predict on data first.",
            "해결: 모델이 아직 입력 모양을 모릅니다: 맨 앞에 keras.Input(shape=...)을 넣으세요."))

    def _ensure_built(self, x_shape):
        if not self.built:
            if not self._layers:
                raise ModelError(message("The model has no layers.",
                                         "해결: model.add(...)로 층을 먼저 추가하세요."))
            self.build((None,) + tuple(x_shape[1:]))
        elif tuple(x_shape[1:]) != tuple(self._input_shape[1:]):
            expected = self._input_shape
            if any(d is not None and d != r for d, r in zip(expected[1:], x_shape[1:])) \
                    or len(expected) != len(x_shape):
                one_sample = tuple(x_shape) == tuple(expected[1:])
                raise ModelError(message(
                    f"Model '{self.name}' expected inputs of shape {_shape_str(expected)}, received "
                    f"{_shape_str((None,) + tuple(x_shape[1:]))}"
                    + (f" (an array of shape {tuple(x_shape)}: one sample without the batch axis)."
                       if one_sample else "."),
                    "해결: 샘플 하나는 배치 축을 붙여 주세요: model.predict(x[None]) 또는 x[:1]."
                    if one_sample else "해결: 입력 데이터의 모양이 모델을 만들 때와 다릅니다. "
                    "같은 reshape를 했는지 확인하세요."))

    @property
    def input_shape(self):
        return self._input_shape

    @property
    def output_shape(self):
        if not self.built:
            raise self._unbuilt_error("output_shape")
        return self._layers[-1].output_shape if self._layers else self._input_shape

    # ---- weights ------------------------------------------------------------------------
    @property
    def weights(self):
        return [w for layer in self._layers for w in layer.weights]

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        return [w for layer in self._layers for w in layer.trainable_weights]

    @property
    def non_trainable_weights(self):
        if not self.trainable:
            return self.weights
        return [w for layer in self._layers for w in layer.non_trainable_weights]

    def count_params(self):
        if not self.built:
            raise self._unbuilt_error("count_params")
        return sum(layer.count_params() for layer in self._layers)

    def get_weights(self):
        if not self.built:
            raise self._unbuilt_error("get_weights")
        return [w.copy() for layer in self._layers for w in layer.weights]

    def set_weights(self, weights):
        """Set all weights from a list like ``get_weights()`` (same count, same shapes)."""
        if not self.built:
            raise self._unbuilt_error("set_weights")
        own = self.weights
        if len(weights) != len(own):
            raise ModelError(message(
                f"set_weights expected a list of {len(own)} arrays, received {len(weights)}.",
                "해결: 가중치 배열 개수가 다릅니다. model.get_weights()와 같은 순서·개수로 주세요."))
        i = 0
        for layer in self._layers:
            n = len(layer.weights)
            layer.set_weights(weights[i:i + n])
            i += n

    def _bind_flat(self):
        """Put all trainable weights (and their gradients) into one flat float32 buffer each.

        Layers keep views into the two buffers (``Layer.bind``), so one ``optimizer.apply`` on
        the buffers updates every weight (measured in benchmarks/README.md).
        """
        train_layers = [l for l in self._layers if l.trainable and l.trainable_weights]
        signature = [(id(l), l.trainable) for l in self._layers]
        if self._bound == signature and all(w.base is self._flat_params for l in train_layers
                                            for w in l.trainable_weights):
            return       # still bound here (a layer shared with another model may have moved)
        total = sum(w.size for l in train_layers for w in l.trainable_weights)
        params = np.empty(total, dtype=floatx())
        grads = np.zeros(total, dtype=floatx())
        offset = 0
        for layer in train_layers:
            p_views, g_views = [], []
            for w in layer.trainable_weights:
                p_views.append(params[offset:offset + w.size].reshape(w.shape))
                g_views.append(grads[offset:offset + w.size].reshape(w.shape))
                offset += w.size
            layer.bind(p_views, g_views)
        self._flat_params, self._flat_grads = params, grads
        self._bound = signature

    # ---- compile ------------------------------------------------------------------------
    def compile(self, optimizer="rmsprop", loss=None, metrics=None):
        """Choose the optimizer (default "rmsprop" as Keras 3), the loss and the metrics."""
        self.optimizer = optimizers_module.get(optimizer)
        checks.loss_argument(loss, losses_module)
        self.loss = losses_module.get(loss) if loss is not None else None
        self._loss_config = loss
        if metrics is None:
            metrics = []
        if isinstance(metrics, (str, dict)) or callable(metrics):
            metrics = [metrics]
        if not isinstance(metrics, (list, tuple)):
            raise HonggongTypeError(message(
                f"compile expected metrics as a list of names, received {describe(metrics)}.",
                "해결: metrics=['accuracy']처럼 리스트로 주세요."))
        for spec in metrics:
            metrics_module.get(spec)       # an unknown name is told now, not at the first batch
        self._metric_specs = list(metrics)
        self._metric_fns = None            # metric objects, resolved on the first batch (shapes)
        self.compiled = True
        self._bound = None

    def _require_compiled(self, what):
        if not self.compiled or self.loss is None:
            raise ModelError(message(
                f"{what}: call model.compile(optimizer=..., loss=...) first.",
                "해결: 학습 전에 compile()로 손실 함수를 정하세요. "
                "예: loss='sparse_categorical_crossentropy'"))

    def _resolve_metrics(self, y_true, y_pred):
        """Metric objects for compile(metrics=[...]); "accuracy" is chosen from the shapes."""
        return [metrics_module.get(spec, loss=self.loss, y_true=y_true, y_pred=y_pred)
                for spec in self._metric_specs]

    def _uses_fused_softmax(self):
        """True when the last layer ends in softmax and the loss is (sparse_)categorical CE."""
        last = self._layers[-1] if self._layers else None
        act = getattr(last, "activation", None)
        last_is_softmax = (getattr(act, "name", None) == "softmax"
                           and act.params.get("axis", -1) in (-1, len(last.output_shape) - 1))
        loss_name = type(self.loss).__name__
        return (last_is_softmax and len(last.output_shape) == 2
                and loss_name in ("SparseCategoricalCrossentropy", "CategoricalCrossentropy")
                and not getattr(self.loss, "from_logits", False)
                and not getattr(self.loss, "label_smoothing", 0)
                and getattr(self.loss, "reduction", "sum_over_batch_size")
                in ("sum_over_batch_size", None))

    # ---- the training step --------------------------------------------------------------
    def _forward(self, x, training):
        for layer in self._layers:
            x = layer.forward(x, training=training)
        return x

    def _backward(self, dy, skip_last=False):
        """Backward from the last layer (or the one before it) down to the first layer with
        trainable weights; layers below it (Flatten, ...) need no gradient."""
        stop = self._first_trainable
        for i in range(len(self._layers) - (2 if skip_last else 1), stop - 1, -1):
            layer = self._layers[i]
            if i == stop and isinstance(layer, layers_module.Dense):
                return layer.backward(dy, input_grad=False)
            dy = layer.backward(dy)
        return dy

    def _regularization_loss(self):
        return sum(layer.regularization_loss() for layer in self._reg_layers)

    def _backward_from_logits(self, dz):
        """Backward from dL/dz where z is the input of the final softmax."""
        last = self._layers[-1]
        if isinstance(last, layers_module.Dense):
            if self._first_trainable == len(self._layers) - 1:
                return last.backward_linear(dz, input_grad=False)
            dz = last.backward_linear(dz)
        return self._backward(dz, skip_last=True)

    def _prepare_training(self, x, y):
        """Build, bind the flat buffers, pick the fast path, check labels once via the loss."""
        self._require_compiled("fit")
        self._ensure_built(x.shape)
        self._bind_flat()
        self._reg_layers = self._reg_layers_now()
        self._first_trainable = next((i for i, l in enumerate(self._layers)
                                      if l.trainable and l.trainable_weights), len(self._layers))
        self._fused = self._uses_fused_softmax()
        self._sparse_labels = type(self.loss).__name__ == "SparseCategoricalCrossentropy"
        # Label checks (one-hot vs integer mix-ups, out-of-range classes) once, by the loss itself:
        out_shape = (len(y),) + tuple(self.output_shape[1:])
        if None not in out_shape and len(y):
            k = min(len(y), 4096)
            dummy = np.full((k,) + out_shape[1:], 1.0 / max(out_shape[-1], 1), dtype=floatx())
            if dummy.shape[-1] == 1:
                dummy[...] = 0.5
            self.loss.call(y[:k], dummy)
            checks.labels_in_range(self.loss, y, out_shape[-1])
        checks.from_logits_after_softmax(self, self.loss)
        # What optimizer.apply receives: the two flat buffers, or, when each weight is clipped by
        # its own norm (clipnorm), the per-weight views into them.
        if getattr(self.optimizer, "clipnorm", None) is None:
            self._update_grads, self._update_params = self._flat_grads, self._flat_params
        else:
            trainable = [l for l in self._layers if l.trainable]
            self._update_params = [w for l in trainable for w in l.trainable_weights]
            self._update_grads = [g for l in trainable for g in l.grads]

    def _prepare_labels(self, y):
        """Integer class ids for the fused sparse path (float or (n, 1) labels are accepted)."""
        if self._fused and self._sparse_labels:
            return np.asarray(y).reshape(len(y), -1)[:, 0].astype(np.intp)
        return y

    def _train_step(self, xb, yb):
        """Forward, loss, backward, optimizer update. Returns (loss, y_pred); loss is a float."""
        p = self._forward(xb, training=True)
        if self._fused:
            loss, dz = losses_module.softmax_crossentropy(yb, p)
        else:
            loss = float(self.loss(yb, p))
        if self._reg_layers:
            loss += self._regularization_loss()
        if not math.isfinite(loss):
            return loss, p                 # the caller stops training; weights stay as they were
        if self._fused:
            self._backward_from_logits(dz)
        else:
            self._backward(self.loss.gradient(yb, p))
        self.optimizer.apply(self._update_grads, self._update_params)
        return loss, p

    # ---- fit ----------------------------------------------------------------------------
    def fit(self, x=None, y=None, batch_size=32, epochs=1, verbose="auto", callbacks=None,
            validation_split=0.0, validation_data=None, shuffle=True, initial_epoch=0, **other):
        """Train for ``epochs`` passes over (x, y). Returns a History (``history.history`` dict).

        ``validation_split`` holds out the LAST fraction of x, y (before shuffling), as Keras does.
        ``batch_size`` and ``epochs`` are ints (32.0 or "32" is an error); a batch_size larger than
        the data is one batch of all samples; epochs <= initial_epoch trains nothing and, unlike
        Keras, warns once. Learner mistakes are checked first (honggong.checks, docs/MISTAKES.md).
        """
        checks.no_other_arguments("fit", other, _FIT_ARGS)
        x_dtype = getattr(x, "dtype", np.dtype(float))
        x = _as_float_array(x, "x")
        y = checks.targets(y, "fit", len(x))
        batch_size, epochs = _fit_numbers(batch_size, epochs, initial_epoch)
        checks.no_epochs(self, epochs, initial_epoch)
        _check_lengths(x, y)
        validation_split = checks.number(validation_split, "validation_split", 0.0, 1.0, "fit",
                                         high_inclusive=False)
        shuffle = checks.flag(shuffle, "shuffle", "fit")
        _check_finite(x, "x")
        _check_finite(y, "y")
        if validation_data is None and validation_split:
            split_at = int(math.floor(len(x) * (1.0 - validation_split)))
            x, val_x = x[:split_at], x[split_at:]
            y, val_y = y[:split_at], y[split_at:]
            validation_data = (val_x, val_y)
        elif validation_data is not None:
            val_x, val_y = checks.validation_data(validation_data, x, y)
            val_x = _as_float_array(val_x, "validation x")
            _check_finite(val_x, "validation x")
            _check_finite(val_y, "validation y")
            checks.validation_scale(self, x, val_x)
            validation_data = (val_x, val_y)
        if len(x) == 0:
            raise ModelError(message("fit received 0 training samples.",
                                     "해결: 학습 데이터가 비어 있습니다. 데이터를 나눈 과정을 확인하세요."))
        checks.input_scale(self, x, x_dtype)
        batch_size = min(batch_size, len(x))     # Keras: a batch bigger than the data is all of it

        self._prepare_training(x, y)
        if validation_data is not None:
            checks.labels_in_range(self.loss, validation_data[1], self.output_shape[-1],
                                   "validation y")
        labels = self._prepare_labels(y)
        n = len(x)
        steps = math.ceil(n / batch_size)
        verbose = checks.verbosity(verbose)
        cbs = callbacks_module.CallbackList(callbacks, add_history=True, add_progbar=verbose != 0,
                                            model=self, verbose=verbose, epochs=epochs,
                                            steps=steps)
        self.stop_training = False
        self._log_keys = checks.log_keys(
            [metrics_module.get(m).name for m in self._metric_specs], validation_data is not None)
        # An overflowing loss is reported by _report_nan in plain words; numpy's own
        # RuntimeWarnings about it would only add noise.
        with np.errstate(over="ignore", invalid="ignore"), _blas_threads(BLAS_THREADS_IN_FIT):
            self._fit_epochs(x, labels, validation_data, batch_size, epochs, initial_epoch,
                             shuffle, steps, cbs)
        return self.history

    def _fit_epochs(self, x, labels, validation_data, batch_size, epochs, initial_epoch, shuffle,
                    steps, cbs):
        n = len(x)
        cbs.on_train_begin()

        # Shuffling: a new order each epoch; each batch is gathered into one reused buffer.
        x_buf = np.empty((batch_size,) + x.shape[1:], dtype=x.dtype)
        y_buf = np.empty((batch_size,) + labels.shape[1:], dtype=labels.dtype)
        order = np.arange(n)
        for epoch in range(initial_epoch, epochs):
            cbs.on_epoch_begin(epoch)
            if shuffle:
                order = global_rng().permutation(n)
            self._reset_metrics()
            for step in range(steps):
                idx = order[step * batch_size:(step + 1) * batch_size]
                if shuffle:
                    xb = x.take(idx, axis=0, out=x_buf[:len(idx)], mode="clip")
                    yb = labels.take(idx, axis=0, out=y_buf[:len(idx)], mode="clip")
                else:
                    xb = x[step * batch_size:(step + 1) * batch_size]
                    yb = labels[step * batch_size:(step + 1) * batch_size]
                cbs.on_train_batch_begin(step)
                loss, p = self._train_step(xb, yb)
                self._update_metrics(loss, yb, p)
                if not math.isfinite(loss):
                    self._report_nan(loss, epoch, step, steps)
                    self.stop_training = True
                    break
                if cbs.hooked("on_train_batch_end"):   # every batch, as Keras, when any cb uses it
                    cbs.on_train_batch_end(step, self._metric_logs())
                if self.stop_training:
                    break
            logs = self._metric_logs()
            if validation_data is not None and math.isfinite(logs.get("loss", 0.0)):
                # bigger batches give the same per-sample means
                val_logs = self.evaluate(*validation_data, batch_size=max(batch_size, 1024),
                                         verbose=0, return_dict=True, _fit_call=True)
                logs.update({"val_" + k: v for k, v in val_logs.items()})
            cbs.on_epoch_end(epoch, logs)
            if self.stop_training:
                break
        cbs.on_train_end()

    # ---- running means of the loss and the metrics ---------------------------------------
    @property
    def metrics(self):
        """The running means fit/evaluate keep: the loss (a ``metrics.Mean``), then the compiled
        metrics (resolved on the first batch, e.g. "accuracy" from the shapes)."""
        tracker = getattr(self, "_loss_tracker", None)
        return ([tracker] if tracker is not None else []) + list(getattr(self, "_metric_fns", None) or [])

    def _reset_metrics(self):
        self._loss_tracker = metrics_module.Mean(name="loss")
        for metric in self._metric_fns or []:
            metric.reset_state()

    def _update_metrics(self, loss, yb, p):
        """Add one batch: its mean loss weighted by its size, and its samples to every metric."""
        if self._metric_fns is None:
            self._metric_fns = self._resolve_metrics(yb, p)
        self._loss_tracker.update_state(loss, sample_weight=len(p))
        for metric in self._metric_fns:
            metric.update_state(yb, p)

    def _metric_logs(self):
        """{name: running mean}, names in alphabetical order as Keras 3 shows them."""
        return {m.name: m.result() for m in sorted(self.metrics, key=lambda m: m.name)}

    def _report_nan(self, loss, epoch, step, steps):
        print(f"손실이 {loss}이 되어 학습을 멈춥니다 (에포크 {epoch + 1}, 배치 {step + 1}/{steps}). "
              f"학습률(learning_rate)을 더 작게 해 보세요.\n"
              f"Loss became {loss} at epoch {epoch + 1}, batch {step + 1}/{steps}: training stopped. "
              f"Try a smaller learning rate (e.g. keras.optimizers.Adam(learning_rate=1e-4)).")

    # ---- evaluate / predict ------------------------------------------------------------
    def evaluate(self, x=None, y=None, batch_size=32, verbose="auto", return_dict=False,
                 callbacks=None, _fit_call=False, **other):
        """Loss and metrics on (x, y): a float loss, or [loss, metric1, ...] (dict if return_dict)."""
        checks.no_other_arguments("evaluate", other, _EVALUATE_ARGS)
        x = _as_float_array(x, "x")
        if not _fit_call:                  # fit checked its validation data already
            y = checks.targets(y, "evaluate", len(x))
            batch_size = _batch_size(batch_size, "evaluate", len(x))
            _check_lengths(x, y)
            _check_finite(x, "x")
            _check_finite(y, "y")
            self._require_compiled("evaluate")
            self._ensure_built(x.shape)
        steps = math.ceil(len(x) / batch_size)
        verbose = checks.verbosity(verbose)
        cbs = self._aux_callbacks(callbacks, verbose, steps)
        cbs.on_test_begin()
        penalty = sum(l.regularization_loss() for l in self._reg_layers_now())  # same all batches
        self._reset_metrics()
        for step in range(steps):
            xb = x[step * batch_size:(step + 1) * batch_size]
            yb = y[step * batch_size:(step + 1) * batch_size]
            p = self._forward(xb, training=False)
            self._update_metrics(float(self.loss(yb, p)) + penalty, yb, p)
            if cbs.hooked("on_test_batch_end"):      # as fit: logs only when a callback reads them
                cbs.on_test_batch_end(step, self._metric_logs())
        logs = self._metric_logs() if steps else {}
        cbs.on_test_end(logs)
        if return_dict:
            return logs
        values = [m.result() for m in self.metrics]
        return values[0] if len(values) == 1 else values

    def _reg_layers_now(self):
        return [l for l in self._layers if l.has_regularization()]

    def _aux_callbacks(self, callbacks, verbose, steps):
        return callbacks_module.CallbackList(callbacks, add_progbar=verbose != 0, model=self,
                                             verbose=verbose, epochs=1, steps=steps)

    def predict(self, x, batch_size=32, verbose="auto", callbacks=None, **other):
        """Outputs of the model for x, computed in batches, as one float32 array."""
        checks.no_other_arguments("predict", other, ("x", "batch_size", "verbose", "callbacks"))
        x = _as_float_array(x, "x")
        _check_finite(x, "x")
        batch_size = _batch_size(batch_size, "predict", len(x))
        self._ensure_built(x.shape)
        steps = math.ceil(len(x) / batch_size)
        verbose = checks.verbosity(verbose)
        cbs = self._aux_callbacks(callbacks, verbose, steps)
        cbs.on_predict_begin()
        outs = []
        for step in range(steps):
            outs.append(np.array(self._forward(x[step * batch_size:(step + 1) * batch_size],
                                               training=False)))
            cbs.on_predict_batch_end(step)
        cbs.on_predict_end()
        if not outs:
            return np.zeros((0,) + tuple(self.output_shape[1:]), dtype=floatx())
        return np.concatenate(outs, axis=0)

    def __call__(self, x, training=False):
        x = _as_float_array(x, "x")
        self._ensure_built(x.shape)
        return self._forward(x, training=training)

    def train_on_batch(self, x, y, return_dict=False):
        """One optimizer step on one batch; returns that batch's loss (and metrics)."""
        x = _as_float_array(x, "x")
        y = checks.targets(y, "train_on_batch", len(x))
        _check_lengths(x, y)
        _check_finite(x, "x")
        _check_finite(y, "y")
        self._prepare_training(x, y)
        loss, p = self._train_step(x, self._prepare_labels(y))
        return self._batch_result(loss, y, p, return_dict)

    def test_on_batch(self, x, y, return_dict=False):
        return self.evaluate(x, y, batch_size=max(len(x), 1), verbose=0, return_dict=return_dict)

    def predict_on_batch(self, x):
        return self.predict(x, batch_size=max(len(x), 1), verbose=0)

    def _batch_result(self, loss, y, p, return_dict):
        self._reset_metrics()
        self._update_metrics(loss, y, p)
        if return_dict:
            return self._metric_logs()
        values = [m.result() for m in self.metrics]
        return values[0] if len(values) == 1 else values

    # ---- summary -------------------------------------------------------------------------
    def summary(self, line_length=None, print_fn=None):
        """Print the layer table like Keras 3: name (type), output shape, parameter count.

        ``line_length`` (default 76, what Keras prints in an 80-column notebook) sets the width;
        ``print_fn`` receives each line (default ``print``). The table is honggong/summary.py.
        """
        for line in summary_module.summary_lines(self, line_length):
            (print_fn or print)(line)

    # ---- config and saving --------------------------------------------------------------
    def get_config(self):
        return {"name": self.name,
                "layers": [layers_module.serialize(l) for l in self._layers],
                "build_input_shape": list(self._input_shape) if self._input_shape else None}

    @classmethod
    def from_config(cls, config):
        model = cls(name=config.get("name"))
        shape = config.get("build_input_shape")
        if shape:
            model.add(layers_module.Input(batch_shape=tuple(shape)))
        for spec in config.get("layers", []):
            model.add(layers_module.deserialize(spec))
        return model

    def get_compile_config(self):
        """compile()'s arguments in the saved form (``backend.serialize``): names stay names,
        objects become {"class_name", "config"}; None if the model is not compiled."""
        if not self.compiled:
            return None
        loss = self._loss_config
        if loss is not None and not isinstance(loss, str):
            loss = self.loss                  # a Loss object (a loss function becomes its class)
        specs = [m if isinstance(m, str) else metrics_module.get(m) for m in self._metric_specs]
        return {"optimizer": backend.serialize(self.optimizer), "loss": backend.serialize(loss),
                "metrics": backend.serialize(specs)}

    def compile_from_config(self, config):
        """compile() from ``get_compile_config()``'s form: every get() reads the saved form."""
        self.compile(optimizer=config["optimizer"], loss=config.get("loss"),
                     metrics=config.get("metrics"))

    # The file format lives in honggong.saving (config and arrays in, config and arrays out);
    # here the model gives its config and arrays, and rebuilds itself from them.
    def _weight_layers(self):
        """The layers that own weights, in model order."""
        return [layer for layer in self._layers if layer.weights]

    def _weights_for_saving(self):
        return [(layer.name, type(layer).__name__, layer.weights) for layer in self._weight_layers()]

    def _optimizer_for_saving(self):
        opt = self.optimizer if self.compiled else None
        if opt is None or not getattr(opt, "built", False):
            return None
        return opt.iterations, opt.variables[2:]          # slots after iterations, learning_rate

    def save(self, filepath, overwrite=True):
        """Save structure, weights, compile settings and optimizer state (docs/SAVING.md)."""
        saving.save_model_file(filepath, backend.serialize(self), self.get_compile_config(),
                               self._weights_for_saving(), self._input_shape,
                               self._optimizer_for_saving(), overwrite=overwrite)

    def save_weights(self, filepath, overwrite=True):
        """Save only the weights, layer by layer (``.weights.h5``)."""
        saving.save_weights_file(filepath, self._weights_for_saving(), self._input_shape,
                                 overwrite=overwrite)

    def load_weights(self, filepath):
        """Load weights saved by ``save_weights`` (or the weights inside a ``.keras`` file)."""
        config, weights, _ = saving.read_weights_file(filepath)
        self._set_saved_weights(config, weights, filepath)

    def _set_saved_weights(self, config, weights, filepath):
        shape = saving.saved_input_shape(config)
        if not self.built and shape:
            self.build(shape)             # like Keras: an unbuilt model takes the saved shape
        targets = self._weight_layers()
        arrays = saving.weights_for(config, weights, [
            (layer.name, type(layer).__name__, [w.shape for w in layer.weights])
            for layer in targets], filepath)
        for layer, layer_arrays in zip(targets, arrays):
            layer.set_weights(layer_arrays)

    def _restore_optimizer(self, state, slots):
        """Give the optimizer its saved iterations and slots (momentums, velocities, ...)."""
        optimizer = self.optimizer
        if optimizer is None or state is None:
            return
        optimizer.iterations = state["iterations"]
        n_slot_names = len(getattr(optimizer, "slot_names", ()))
        if n_slot_names == 0 or len(slots) % n_slot_names:
            return
        per_param = len(slots) // n_slot_names
        optimizer.build([np.zeros(s, dtype=np.float32) for s in state["shapes"][:per_param]])
        for target, value in zip(optimizer.variables[2:], slots):
            target[...] = value

    def __repr__(self):
        return f"<Sequential name={self.name!r}, {len(self._layers)} layers, built={self.built}>"


_MODEL_CLASSES = {"Sequential": Sequential}


def save_model(model, filepath, overwrite=True):
    """``keras.models.save_model(model, filepath)``: the same as ``model.save(filepath)``."""
    return model.save(filepath, overwrite=overwrite)


def save_weights(model, filepath, overwrite=True):
    """``keras.saving.save_weights(model, filepath)``: ``model.save_weights(filepath)``."""
    return model.save_weights(filepath, overwrite=overwrite)


def load_weights(model, filepath):
    """``keras.saving.load_weights(model, filepath)``: ``model.load_weights(filepath)``."""
    return model.load_weights(filepath)


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Rebuild a model saved with ``model.save`` (structure, weights, compile settings, optimizer
    state). ``compile=False`` skips compile(); the model can still predict.

    Keras' ``safe_mode`` is accepted and always on (nothing in the file is executed);
    ``custom_objects`` are not supported (honggong files hold only built-in layers).
    """
    if custom_objects:
        raise saving.SavingError(message(
            f"custom_objects are not supported by honggong, received {sorted(custom_objects)}.",
            "honggong 파일에는 기본 층만 들어 있습니다. custom_objects 없이 불러오세요."))
    config, weights, slots = saving.read_model_file(filepath)
    try:
        model = backend.deserialize(config["model_config"], _MODEL_CLASSES, lambda name: message(
            f"unknown model class {name!r}, expected one of {sorted(_MODEL_CLASSES)}.",
            "honggong이 저장한 Sequential 모델 파일인지 확인하세요."))
    except HonggongError as e:
        raise saving.SavingError(message(
            f"Cannot load {os.fspath(filepath)!r}: the model in the file cannot be rebuilt: "
            f"{str(e).partition(chr(10) + '해결:')[0]}",
            "파일이 손상되었거나 다른 버전의 honggong이 저장했습니다. 모델을 다시 저장하세요.")) from None
    model._set_saved_weights(config, weights, filepath)
    if compile and config.get("compile_config"):
        model.compile_from_config(config["compile_config"])
        model._restore_optimizer(config.get("optimizer"), slots)
    return model
