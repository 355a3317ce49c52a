"""콜백(callback): 훈련 도중 정해진 순간에 불리는 작은 객체들.

``model.fit`` calls the hooks of every callback at fixed moments (Keras 3 order):

    on_train_begin
        on_epoch_begin(epoch)                       epoch counts from 0
            on_train_batch_begin(batch) / on_train_batch_end(batch, logs)   for every batch
        (validation: on_test_begin / on_test_batch_* / on_test_end, silent inside fit)
        on_epoch_end(epoch, logs)                   logs = {"accuracy": .., "loss": .., "val_...": ..}
    on_train_end

A callback reads ``self.model`` and ``self.params`` ({"verbose", "epochs", "steps"}) and may set
``self.model.stop_training = True`` to end training after the current epoch.

Callbacks here (Keras 3 names, defaults and behaviour):

    History            records every epoch's logs in ``history.history`` (fit returns it)
    ProgbarLogger      the progress bar: ``1500/1500 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: ...``
    EarlyStopping      stop when the monitored value stops improving (patience), restore best weights
    ModelCheckpoint    save the model (or weights) every epoch or only when it improves
    TerminateOnNaN     stop as soon as the loss becomes NaN or infinite
    LambdaCallback     build a callback from plain functions
    ReduceLROnPlateau  multiply the learning rate by ``factor`` when the monitored value stalls

"Improvement" of a monitored value (EarlyStopping, ModelCheckpoint), with ``d = |min_delta|``:

    mode "min" (loss, mae, ...):        current + d < best
    mode "max" (accuracy, ...):         current - d > best
    mode "auto": "loss"/"val_loss" and error metrics -> "min", accuracy-like metrics -> "max".
"""
import math
import os
import sys
import warnings

import numpy as np

from . import checks
from . import metrics as metrics_module
from .progbar import Progbar, _format_eta, _format_step_time  # noqa: F401 (public here too)
from .backend import HonggongError, message

__all__ = [
    "Callback", "CallbackList", "History", "ProgbarLogger", "EarlyStopping", "ModelCheckpoint",
    "TerminateOnNaN", "LambdaCallback", "ReduceLROnPlateau",
]


# ---------------------------------------------------------------------------------------------
# Base class and the list that dispatches to many callbacks
# ---------------------------------------------------------------------------------------------
class Callback:
    """Base class: every hook does nothing; override the ones you need.

    ``self.model`` is the model being trained (set by ``set_model``), ``self.params`` the
    training parameters (set by ``set_params``): ``{"verbose": 1, "epochs": 5, "steps": 1500}``.
    """

    def __init__(self):
        self.params = {}
        self._model = None

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self._model = model

    @property
    def model(self):
        return self._model

    # ---- fit --------------------------------------------------------------------------------
    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_batch_begin(self, batch, logs=None):
        """Old (Keras 2) name; ``on_train_batch_begin`` calls it, as in Keras."""

    def on_batch_end(self, batch, logs=None):
        """Old (Keras 2) name; ``on_train_batch_end`` calls it, as in Keras."""

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        self.on_batch_end(batch, logs=logs)

    # ---- evaluate ---------------------------------------------------------------------------
    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    # ---- predict ----------------------------------------------------------------------------
    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass


def _check_callback(cb):
    if isinstance(cb, type) and issubclass(cb, Callback):
        raise HonggongError(message(
            f"callbacks expected Callback instances, received the class {cb.__name__}.",
            f"해결: 괄호를 붙여 객체를 만드세요: {cb.__name__}(...)"))
    if not isinstance(cb, Callback):
        raise HonggongError(message(
            f"callbacks expected a list of Callback instances, received {type(cb).__name__}: {cb!r}.",
            "해결: 예: callbacks=[keras.callbacks.EarlyStopping(patience=2)]"))
    return cb


class CallbackList(Callback):
    """Calls the same hook on every callback, in list order.

        CallbackList(callbacks, add_history=True, add_progbar=True, model=model,
                     verbose=1, epochs=5, steps=1500)

    As in Keras, a ``History`` (then a ``ProgbarLogger``) is appended when asked for and not
    already in the list, and ``model.history`` is set to the History. Batch-end logs are made
    plain Python floats with their keys sorted (so the progress bar shows them alphabetically).
    """

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None, **params):
        super().__init__()
        if callbacks is None:
            callbacks = []
        elif isinstance(callbacks, Callback):
            callbacks = [callbacks]
        self.callbacks = [_check_callback(cb) for cb in callbacks]
        self._history = next((cb for cb in self.callbacks if isinstance(cb, History)), None)
        self._progbar = next((cb for cb in self.callbacks if isinstance(cb, ProgbarLogger)), None)
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        self.set_model(model)
        self.set_params(params)
        self._batch_hooks = {}

    def set_params(self, params):
        self.params = params
        if params:
            for cb in self.callbacks:
                cb.set_params(params)

    def set_model(self, model):
        if model is None:
            return
        super().set_model(model)
        if self._history is not None:
            model.history = self._history
        for cb in self.callbacks:
            cb.set_model(model)

    def __iter__(self):
        return iter(self.callbacks)

    def __len__(self):
        return len(self.callbacks)

    def append(self, callback):
        self.callbacks.append(_check_callback(callback))
        self._batch_hooks = {}

    def hooked(self, hook):
        """The callbacks whose batch ``hook`` does something, in list order (found once per fit).

        A callback counts when its class overrides the base ``Callback``'s no-op for ``hook`` or
        for its Keras-2 name (``on_batch_end`` for ``on_train_batch_end``), or when the instance
        itself holds the hook (``LambdaCallback`` and ``cb.on_train_batch_end = f`` do that).
        The others are not called every batch: calling a no-op 1,500 times an epoch is the
        only effect skipping them has.
        """
        if hook not in self._batch_hooks:
            names = (hook,) + _KERAS_2_NAMES.get(hook, ())
            self._batch_hooks[hook] = [
                cb for cb in self.callbacks
                if any(name in vars(cb) or getattr(type(cb), name) is not getattr(Callback, name)
                       for name in names)]
        return self._batch_hooks[hook]

    # The dispatchers: one loop each. ``logs or {}`` so a callback never receives None.
    def on_train_begin(self, logs=None):
        self._batch_hooks = {}
        for cb in self.callbacks:
            cb.on_train_begin(logs or {})

    def on_train_end(self, logs=None):
        for cb in self.callbacks:
            cb.on_train_end(logs or {})

    def on_epoch_begin(self, epoch, logs=None):
        for cb in self.callbacks:
            cb.on_epoch_begin(epoch, logs or {})

    def on_epoch_end(self, epoch, logs=None):
        logs = {} if logs is None else logs
        for cb in self.callbacks:
            cb.on_epoch_end(epoch, logs)

    def on_train_batch_begin(self, batch, logs=None):
        for cb in self.hooked("on_train_batch_begin"):
            cb.on_train_batch_begin(batch, logs or {})

    def on_train_batch_end(self, batch, logs=None):
        hooked = self.hooked("on_train_batch_end")
        if hooked:
            logs = _pythonify_logs(logs)
        for cb in hooked:
            cb.on_train_batch_end(batch, logs)

    def on_test_begin(self, logs=None):
        self._batch_hooks = {}
        for cb in self.callbacks:
            cb.on_test_begin(logs or {})

    def on_test_end(self, logs=None):
        for cb in self.callbacks:
            cb.on_test_end(logs or {})

    def on_test_batch_begin(self, batch, logs=None):
        for cb in self.hooked("on_test_batch_begin"):
            cb.on_test_batch_begin(batch, logs or {})

    def on_test_batch_end(self, batch, logs=None):
        hooked = self.hooked("on_test_batch_end")
        if hooked:
            logs = _pythonify_logs(logs)
        for cb in hooked:
            cb.on_test_batch_end(batch, logs)

    def on_predict_begin(self, logs=None):
        self._batch_hooks = {}
        for cb in self.callbacks:
            cb.on_predict_begin(logs or {})

    def on_predict_end(self, logs=None):
        for cb in self.callbacks:
            cb.on_predict_end(logs or {})

    def on_predict_batch_begin(self, batch, logs=None):
        for cb in self.hooked("on_predict_batch_begin"):
            cb.on_predict_batch_begin(batch, logs or {})

    def on_predict_batch_end(self, batch, logs=None):
        for cb in self.hooked("on_predict_batch_end"):
            cb.on_predict_batch_end(batch, logs or {})


_KERAS_2_NAMES = {"on_train_batch_begin": ("on_batch_begin",),
                  "on_train_batch_end": ("on_batch_end",)}


def _pythonify_logs(logs):
    """{"loss": np.float32(0.5), "accuracy": ...} -> {"accuracy": ..., "loss": 0.5} (sorted keys)."""
    if not logs:
        return {}
    out = {}
    for key in sorted(logs):
        value = logs[key]
        try:
            value = float(value)
        except (TypeError, ValueError):
            pass
        out[key] = value
    return out


# ---------------------------------------------------------------------------------------------
# History
# ---------------------------------------------------------------------------------------------
class History(Callback):
    """Records the logs of every epoch; ``model.fit`` returns it.

        history.history   {"accuracy": [0.81, 0.85, ...], "loss": [...], "val_loss": [...], ...}
        history.epoch     [0, 1, 2, ...]   (the epochs that ran, counted from 0)

    Values are Python floats, one per epoch, in the order the epochs ran.
    """

    def __init__(self):
        super().__init__()
        self.history = checks.LogDict()     # a dict; a missing key says which keys exist and why
        self.epoch = []

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            try:
                value = float(value)
            except (TypeError, ValueError):
                pass
            self.history.setdefault(key, []).append(value)
        if self.model is not None:
            self.model.history = self


# ---------------------------------------------------------------------------------------------
# Progress bar (the bar itself is honggong/progbar.py)
# ---------------------------------------------------------------------------------------------
class ProgbarLogger(Callback):
    """Prints training progress (Keras 3 look).

    ``verbose`` comes from ``fit(verbose=...)``: ``"auto"`` and 1 -> a bar updated in place, 2 -> one
    line per epoch, 0 -> silent. ``"Epoch 3/5"`` heads every epoch when ``epochs > 1``.
    Validation inside ``fit`` is silent; its values appear as ``val_...`` in the epoch line.
    """

    def __init__(self):
        super().__init__()
        self.verbose = 1
        self.epochs = 1
        self.target = None
        self.seen = 0
        self.progbar = None
        self._called_in_fit = False

    def set_params(self, params):
        super().set_params(params)
        verbose = params.get("verbose", 1)
        self.verbose = 1 if verbose == "auto" else int(verbose)
        self.epochs = params.get("epochs", 1)
        self.target = params.get("steps")

    def _new_bar(self):
        self.seen = 0
        self.progbar = Progbar(self.target, verbose=self.verbose)

    def _update(self, batch, logs):
        self.seen = batch + 1
        if self.verbose:
            self.progbar.update(self.seen, logs, finalize=False)

    def _finalize(self, logs):
        if self.progbar is None:
            self._new_bar()
        if self.target is None:
            self.target = self.progbar.target = self.seen
        self.progbar.update(self.target, logs, finalize=True)

    def on_train_begin(self, logs=None):
        self._called_in_fit = True

    def on_train_end(self, logs=None):
        self._called_in_fit = False

    def on_epoch_begin(self, epoch, logs=None):
        self._new_bar()
        if self.verbose and self.epochs > 1:
            sys.stdout.write(f"Epoch {epoch + 1}/{self.epochs}\n")

    def on_train_batch_end(self, batch, logs=None):
        self._update(batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._finalize(logs)

    def on_test_begin(self, logs=None):
        if not self._called_in_fit:
            self._new_bar()

    def on_test_batch_end(self, batch, logs=None):
        if not self._called_in_fit:
            self._update(batch, logs)

    def on_test_end(self, logs=None):
        if not self._called_in_fit:
            self._finalize(logs)

    def on_predict_begin(self, logs=None):
        self._new_bar()

    def on_predict_batch_end(self, batch, logs=None):
        self._update(batch, None)      # predictions are not shown

    def on_predict_end(self, logs=None):
        self._finalize(None)


# ---------------------------------------------------------------------------------------------
# Monitoring a value: which direction is "better"?
# ---------------------------------------------------------------------------------------------
def _metric_direction(monitor, model=None):
    """'min' or 'max' for ``monitor``, or None if unknown (decided by ``metrics.direction``)."""
    found = metrics_module.direction(monitor, getattr(model, "metrics", None))
    return {"up": "max", "down": "min"}.get(found)


def _check_mode(mode, owner):
    if mode not in ("auto", "min", "max"):
        warnings.warn(f"{owner} mode {mode!r} is unknown, fallback to auto mode. "
                      "mode는 'auto', 'min', 'max' 중 하나입니다.", stacklevel=3)
        return "auto"
    return mode


def _resolve_mode(mode, monitor, model, owner):
    if mode != "auto":
        return mode
    direction = _metric_direction(monitor, model)
    if direction is None:
        raise HonggongError(
            f"{owner} callback received monitor={monitor!r}, but cannot determine whether that "
            "metric should be maximized or minimized. Pass mode='max' to keep the highest value "
            "or mode='min' to keep the lowest. 이 지표가 클수록 좋은지 작을수록 좋은지 mode로 알려 주세요.")
    return direction


def _is_improvement(current, best, mode, min_delta):
    """min: current + d < best;  max: current - d > best  (d = |min_delta| >= 0)."""
    if best is None:
        return True
    if mode == "min":
        return current + min_delta < best
    return current - min_delta > best


def _warn_missing(owner, monitor, logs):
    warnings.warn(f"{owner} conditioned on metric `{monitor}` which is not available. "
                  f"Available metrics are: {','.join(logs)}. "
                  "(monitor 이름이 history.history의 키와 같은지 확인하세요. val_ 값은 검증 데이터가 "
                  "있어야 생깁니다.)", stacklevel=3)


# ---------------------------------------------------------------------------------------------
# EarlyStopping
# ---------------------------------------------------------------------------------------------
class EarlyStopping(Callback):
    """조기 종료: stop training when ``monitor`` has not improved for ``patience`` epochs.

    At the end of each epoch (``epoch`` counts from 0), once ``epoch >= start_from_epoch``::

        wait += 1
        if improved(current, best):  best, best_epoch = current, epoch   (and keep the weights)
                                     wait = 0 (only if it also beats ``baseline``, when given)
        elif wait >= patience and epoch > 0:  stopped_epoch = epoch; model.stop_training = True

    With ``restore_best_weights=True`` the weights of the best epoch are put back at the end of
    training — also when training ran all its epochs without stopping early (Keras 3).
    ``stopped_epoch`` is 0 when training was not stopped early.

    Example (혼공머신 7-3): ``EarlyStopping(patience=2, restore_best_weights=True)`` with val_loss
    0.40, 0.35, 0.37, 0.38 stops after the 4th epoch (stopped_epoch == 3) and restores the
    weights of the 2nd (best_epoch == 1).
    """

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
                 baseline=None, restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        self.monitor = checks.text(monitor, "monitor", "EarlyStopping")
        self.min_delta = abs(checks.number(min_delta, "min_delta", where="EarlyStopping"))
        self.patience = checks.integer(patience, "patience", 0, where="EarlyStopping")
        start_from_epoch = checks.integer(start_from_epoch, "start_from_epoch", 0, where="EarlyStopping")
        self.verbose = verbose
        self.mode = _check_mode(mode, "EarlyStopping")
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self._reset()

    def _reset(self):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_epoch = 0
        self.best_weights = None
        self._mode = None          # "min"/"max", decided at the first epoch end

    def on_train_begin(self, logs=None):
        # A callback object may be reused for a second fit(): start from scratch.
        self._reset()
        checks.check_monitor(self, "EarlyStopping")

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        current = logs.get(self.monitor)
        if current is None:
            _warn_missing("Early stopping", self.monitor, logs)
            return
        if self._mode is None:
            self._mode = _resolve_mode(self.mode, self.monitor, self.model, "EarlyStopping")
        if epoch < self.start_from_epoch:
            return
        current = float(current)
        if self.restore_best_weights and self.best_weights is None:
            # the first monitored epoch is the best so far
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if _is_improvement(current, self.best, self._mode, self.min_delta):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or _is_improvement(current, self.baseline, self._mode,
                                                        self.min_delta):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(f"Restoring model weights from the end of the best epoch: "
                      f"{self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)


# ---------------------------------------------------------------------------------------------
# ModelCheckpoint
# ---------------------------------------------------------------------------------------------
class ModelCheckpoint(Callback):
    """체크포인트: save the model at the end of every epoch, or only when ``monitor`` improves.

        ModelCheckpoint("best-model.keras", save_best_only=True)          # 혼공머신 7-3
        ModelCheckpoint("ckpt-{epoch:02d}-{val_loss:.2f}.keras")          # one file per epoch
        ModelCheckpoint("best.weights.h5", save_weights_only=True)        # weights only

    ``filepath`` is formatted with ``epoch`` (counted from 1) and the epoch's logs. As in Keras 3
    it must end in ``.keras`` (or the legacy ``.h5``) for a whole model and ``.weights.h5`` for
    weights only. honggong writes its own zip format under these names (see honggong.saving);
    the files are not HDF5 and only honggong reads them.

    ``best`` keeps the best value seen (also across several ``fit`` calls, like Keras), so the
    file always holds the best model so far; ``initial_value_threshold`` sets its start value.
    """

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch",
                 initial_value_threshold=None):
        super().__init__()
        self.filepath = _check_checkpoint_path(filepath, save_weights_only)
        self.monitor = checks.text(monitor, "monitor", "ModelCheckpoint")
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.mode = _check_mode(mode, "ModelCheckpoint")
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise HonggongError(f"Unrecognized save_freq: {save_freq!r}. Expected 'epoch' or a "
                                "positive integer (number of batches). 예: save_freq='epoch'")
        self.save_freq = save_freq
        self.best = initial_value_threshold
        self._mode = None
        self._current_epoch = 0
        self._batches_since_save = 0

    def on_train_begin(self, logs=None):
        if self.save_best_only:
            checks.check_monitor(self, "ModelCheckpoint")

    def on_epoch_begin(self, epoch, logs=None):
        self._current_epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._batches_since_save += 1
        if self._batches_since_save >= self.save_freq:
            self._batches_since_save = 0
            self._save(self._current_epoch, logs, batch=batch)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._save(epoch, logs)

    def _file_path(self, epoch, logs, batch=None):
        fields = dict(logs or {})
        fields["epoch"] = epoch + 1
        if batch is not None:
            fields.setdefault("batch", batch + 1)
        try:
            return self.filepath.format(**fields)
        except (KeyError, IndexError, ValueError) as e:
            raise HonggongError(
                f'Failed to format this callback filepath: "{self.filepath}". Reason: {e!r}. '
                f"Available fields: {sorted(fields)}. 파일 이름의 {{...}} 안에는 epoch이나 "
                "logs의 키(val_loss 등)만 쓸 수 있습니다.") from None

    def _should_save(self, epoch, logs, filepath):
        if not self.save_best_only:
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: saving model to {filepath}")
            return True
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(f"Can save best model only with {self.monitor} available. "
                          "(monitor 값이 없어 매번 저장합니다.)", stacklevel=3)
            return True
        if self._mode is None:
            self._mode = _resolve_mode(self.mode, self.monitor, self.model, "ModelCheckpoint")
            if self.best is None:
                self.best = math.inf if self._mode == "min" else -math.inf
        current = float(current)
        best_str = f"{self.best:.5f}"
        if _is_improvement(current, self.best, self._mode, 0.0):
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: {self.monitor} improved from {best_str} to "
                      f"{current:.5f}, saving model to {filepath}")
            self.best = current
            return True
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {best_str}")
        return False

    def _save(self, epoch, logs, batch=None):
        filepath = self._file_path(epoch, logs, batch)
        if not self._should_save(epoch, logs, filepath):
            return
        folder = os.path.dirname(filepath)
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError:
                pass          # the save below says clearly what is wrong with the path
        if self.save_weights_only:
            self.model.save_weights(filepath)
        else:
            self.model.save(filepath)


def _check_checkpoint_path(filepath, save_weights_only):
    filepath = os.fspath(filepath)
    if save_weights_only:
        if not filepath.endswith(".weights.h5"):
            raise HonggongError(
                "When using save_weights_only=True in ModelCheckpoint, the filepath provided must "
                f"end in '.weights.h5' (Keras weights format). Received: filepath={filepath}. "
                "가중치만 저장할 때는 파일 이름을 .weights.h5로 끝내세요 (예: 'best.weights.h5').")
    elif not filepath.endswith((".keras", ".h5")):
        raise HonggongError(
            "The filepath provided must end in '.keras' (Keras model format). "
            f"Received: filepath={filepath}. 모델 전체를 저장할 때는 파일 이름을 .keras로 끝내세요 "
            "(예: 'best-model.keras').")
    return filepath


# ---------------------------------------------------------------------------------------------
# TerminateOnNaN, LambdaCallback, ReduceLROnPlateau
# ---------------------------------------------------------------------------------------------
class TerminateOnNaN(Callback):
    """Stop training at the first batch whose loss is NaN or ±inf (learning rate too high?)."""

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(float(loss)):
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True


class LambdaCallback(Callback):
    """A callback from plain functions, e.g.

        LambdaCallback(on_epoch_end=lambda epoch, logs: print(epoch, logs["loss"]))

    Signatures: on_epoch_begin/on_epoch_end(epoch, logs), on_train_batch_begin/end(batch, logs),
    on_train_begin/on_train_end(logs). Other hook names may be given as keywords too.
    """

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_train_begin=None,
                 on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None, **kwargs):
        super().__init__()
        hooks = dict(on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end,
                     on_train_begin=on_train_begin, on_train_end=on_train_end,
                     on_train_batch_begin=on_train_batch_begin,
                     on_train_batch_end=on_train_batch_end, **kwargs)
        for name, fn in hooks.items():
            if fn is None:
                continue
            if not name.startswith("on_") or not hasattr(Callback, name):
                raise HonggongError(f"LambdaCallback received an unknown hook {name}=...; "
                                    "expected names like on_epoch_end, on_train_batch_end. "
                                    "훅 이름의 철자를 확인하세요.")
            if not callable(fn):
                raise HonggongError(f"LambdaCallback expected a function for {name}, received "
                                    f"{type(fn).__name__}. 예: {name}=lambda epoch, logs: ...")
            setattr(self, name, fn)


class ReduceLROnPlateau(Callback):
    """Multiply the learning rate by ``factor`` after ``patience`` epochs without improvement.

        improvement (min mode):  current < best - min_delta      (max mode: current > best + min_delta)
        after patience bad epochs:  lr <- max(lr * factor, min_lr), then wait ``cooldown`` epochs

    mode "auto": the direction ``metrics.direction`` knows for the name (as EarlyStopping); for
    a name it does not know, "max" when it contains "acc", else "min" (Keras 3).
    The current learning rate is also written to ``logs["learning_rate"]`` (so it lands in
    ``history.history``).
    """

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto",
                 min_delta=1e-4, cooldown=0, min_lr=0.0):
        super().__init__()
        if checks.number(factor, "factor", where="ReduceLROnPlateau") >= 1.0:
            raise HonggongError(message(
                f"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor}.",
                "해결: factor는 1보다 작아야 학습률이 줄어듭니다. 예: factor=0.5"))
        self.monitor = checks.text(monitor, "monitor", "ReduceLROnPlateau")
        self.factor = factor
        self.patience = checks.integer(patience, "patience", 0, where="ReduceLROnPlateau")
        self.verbose = verbose
        self.mode = _check_mode(mode, "ReduceLROnPlateau")
        self.min_delta = min_delta
        self.cooldown = cooldown
        self.min_lr = min_lr
        self._reset()

    def _reset(self):
        mode = self.mode
        if mode == "auto":     # Keras: "max" when the name contains "acc"; used for unknown names
            mode = _metric_direction(self.monitor, self.model) or ("max" if "acc" in self.monitor else "min")
        self._maximize = mode == "max"
        self.best = -math.inf if self._maximize else math.inf
        self.wait = 0
        self.cooldown_counter = 0

    def _improved(self, current):
        if self._maximize:
            return current > self.best + self.min_delta
        return current < self.best - self.min_delta

    def on_train_begin(self, logs=None):
        self._reset()
        checks.check_monitor(self, "ReduceLROnPlateau")

    def on_epoch_end(self, epoch, logs=None):
        logs = {} if logs is None else logs
        optimizer = self.model.optimizer
        logs["learning_rate"] = float(optimizer.learning_rate)
        current = logs.get(self.monitor)
        if current is None:
            _warn_missing("Learning rate reduction", self.monitor, logs)
            return
        current = float(current)
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self._improved(current):
            self.best = current
            self.wait = 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                old_lr = float(optimizer.learning_rate)
                if old_lr > np.float32(self.min_lr):
                    new_lr = max(old_lr * self.factor, self.min_lr)
                    optimizer.learning_rate = new_lr
                    if self.verbose > 0:
                        print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate "
                              f"to {new_lr}.")
                    self.cooldown_counter = self.cooldown
                    self.wait = 0
