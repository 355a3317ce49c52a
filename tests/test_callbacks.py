"""Callbacks driven directly with scripted logs on a real tiny model (Input(2) -> Dense(1)).

Expected values are worked out by hand from the Keras 3 rules written in each test's comment.
"""
import math
import os
import warnings

import numpy as np
import pytest

from honggong import callbacks as cb
from honggong import layers, models, optimizers, progbar, saving
from honggong.backend import HonggongError


def tiny_model(learning_rate=0.1):
    model = models.Sequential([layers.Input(shape=(2,)), layers.Dense(1)])
    model.compile(optimizer=optimizers.SGD(learning_rate=learning_rate), loss="mse")
    return model


def fill(model, value):
    """Every weight of the model becomes `value` (so we can tell epochs apart)."""
    model.set_weights([np.full(w.shape, value, np.float32) for w in model.get_weights()])


def weight_value(model):
    values = np.unique(np.concatenate([w.ravel() for w in model.get_weights()]))
    assert values.size == 1
    return float(values[0])


def run(callbacks, model, values, key="val_loss"):
    """A fit loop without data: epoch e sets all weights to e, then reports logs {key: values[e]}.

    Returns the list of epochs that ran.
    """
    cl = cb.CallbackList(callbacks, model=model, verbose=0, epochs=len(values), steps=1)
    model.stop_training = False
    ran = []
    cl.on_train_begin()
    for epoch, value in enumerate(values):
        cl.on_epoch_begin(epoch)
        fill(model, epoch)
        cl.on_epoch_end(epoch, {"loss": 1.0, key: value})
        ran.append(epoch)
        if model.stop_training:
            break
    cl.on_train_end()
    return ran


# ---------------------------------------------------------------------------------------------
# EarlyStopping
# ---------------------------------------------------------------------------------------------
def test_early_stopping_patience_2_restores_best_epoch():
    # val_loss 0.40 (best), 0.35 (best, wait=0), 0.37 (wait=1), 0.38 (wait=2 >= 2 -> stop at epoch 3)
    model = tiny_model()
    es = cb.EarlyStopping(patience=2, restore_best_weights=True)
    ran = run([es], model, [0.40, 0.35, 0.37, 0.38, 0.30, 0.20])
    assert ran == [0, 1, 2, 3]
    assert es.stopped_epoch == 3
    assert es.best_epoch == 1
    assert es.best == pytest.approx(0.35)
    assert model.stop_training is True
    assert weight_value(model) == 1.0          # weights of epoch 1 put back


def test_early_stopping_without_restore_keeps_last_weights():
    model = tiny_model()
    es = cb.EarlyStopping(patience=2)
    run([es], model, [0.40, 0.35, 0.37, 0.38])
    assert es.stopped_epoch == 3
    assert weight_value(model) == 3.0


def test_restore_best_weights_also_when_training_ends_without_stopping():
    # Keras 3: the best weights are restored at train end even if patience never ran out.
    model = tiny_model()
    es = cb.EarlyStopping(patience=5, restore_best_weights=True)
    ran = run([es], model, [0.5, 0.3, 0.4, 0.35])
    assert ran == [0, 1, 2, 3]
    assert es.stopped_epoch == 0
    assert es.best_epoch == 1
    assert weight_value(model) == 1.0


def test_patience_0_stops_at_first_non_improvement_but_never_at_epoch_0():
    model = tiny_model()
    es = cb.EarlyStopping(patience=0)
    assert run([es], model, [0.5, 0.6, 0.1]) == [0, 1]
    assert es.stopped_epoch == 1


def test_min_delta_counts_small_gains_as_no_improvement():
    # min_delta=0.1: 0.95 + 0.1 < 1.0 is false -> no improvement -> wait=1 >= patience 1 -> stop.
    model = tiny_model()
    es = cb.EarlyStopping(monitor="loss", min_delta=-0.1, patience=1)   # sign ignored: |min_delta|
    assert es.min_delta == 0.1
    assert run([es], model, [1.0, 0.95, 0.5], key="loss") == [0, 1]
    assert es.best == 1.0


def test_auto_mode_maximizes_accuracy():
    model = tiny_model()
    es = cb.EarlyStopping(monitor="val_accuracy", patience=2, restore_best_weights=True)
    ran = run([es], model, [0.80, 0.85, 0.84, 0.83, 0.90], key="val_accuracy")
    assert ran == [0, 1, 2, 3]
    assert es.best == pytest.approx(0.85)
    assert es.best_epoch == 1
    assert weight_value(model) == 1.0


def test_mode_min_on_accuracy_is_respected():
    model = tiny_model()
    es = cb.EarlyStopping(monitor="val_accuracy", mode="min", patience=1)
    assert run([es], model, [0.80, 0.85, 0.70], key="val_accuracy") == [0, 1]


def test_baseline_never_beaten_stops_after_patience():
    # baseline 0.5: epoch 0 improves on "best" (0.6) but not on the baseline, so wait stays 1;
    # epoch 1 (0.7) is worse: wait=2 >= 2 -> stop.
    model = tiny_model()
    es = cb.EarlyStopping(monitor="loss", baseline=0.5, patience=2)
    assert run([es], model, [0.6, 0.7, 0.2], key="loss") == [0, 1]
    assert es.stopped_epoch == 1


def test_start_from_epoch_ignores_warm_up_epochs():
    # epochs 0 and 1 are not monitored; epoch 2 is the first best; epoch 3 is worse -> stop.
    model = tiny_model()
    es = cb.EarlyStopping(monitor="loss", patience=0, start_from_epoch=2)
    assert run([es], model, [0.1, 0.2, 0.3, 0.4, 0.0], key="loss") == [0, 1, 2, 3]
    assert es.best == pytest.approx(0.3)
    assert es.best_epoch == 2


def test_early_stopping_can_be_reused_for_a_second_fit():
    model = tiny_model()
    es = cb.EarlyStopping(patience=1)
    run([es], model, [0.1, 0.2, 0.3])
    assert es.stopped_epoch == 1
    assert run([es], model, [0.9, 0.8, 0.7]) == [0, 1, 2]     # fresh start: 0.9 is not "worse"
    assert es.stopped_epoch == 0
    assert es.best == pytest.approx(0.7)


def test_early_stopping_missing_monitor_warns_and_keeps_training():
    model = tiny_model()
    es = cb.EarlyStopping(patience=0)
    with pytest.warns(UserWarning, match="val_loss.*Available metrics are: loss,accuracy"):
        ran = run([es], model, [0.5, 0.6, 0.7], key="accuracy")
    assert ran == [0, 1, 2]


def test_early_stopping_unknown_metric_direction_is_a_clear_error():
    model = tiny_model()
    es = cb.EarlyStopping(monitor="val_wiggle")
    with pytest.raises(HonggongError, match="mode='max'.*mode='min'"):
        run([es], model, [0.5], key="val_wiggle")


def test_early_stopping_unknown_mode_falls_back_to_auto():
    with pytest.warns(UserWarning, match="mode 'best' is unknown"):
        es = cb.EarlyStopping(mode="best")
    assert es.mode == "auto"


def test_early_stopping_verbose_messages(capsys):
    model = tiny_model()
    es = cb.EarlyStopping(patience=1, restore_best_weights=True, verbose=1)
    run([es], model, [0.3, 0.2, 0.25])
    out = capsys.readouterr().out
    assert "Epoch 3: early stopping" in out
    assert "Restoring model weights from the end of the best epoch: 2." in out


# ---------------------------------------------------------------------------------------------
# ModelCheckpoint
# ---------------------------------------------------------------------------------------------
def test_checkpoint_save_best_only_keeps_the_best_epoch(tmp_path):
    model = tiny_model()
    path = tmp_path / "best-model.keras"
    ck = cb.ModelCheckpoint(str(path), save_best_only=True)
    seen = []

    class Peek(cb.Callback):           # after the checkpoint: which epoch does the file hold?
        def on_epoch_end(self, epoch, logs=None):
            seen.append(weight_value(models.load_model(str(path))))

    run([ck, Peek()], model, [0.5, 0.4, 0.45, 0.3, 0.35])
    # saved at epochs 0, 1, 3 (improvements); epochs 2 and 4 leave the file alone
    assert seen == [0.0, 1.0, 1.0, 3.0, 3.0]
    assert ck.best == pytest.approx(0.3)


def test_checkpoint_filepath_formatting_and_every_epoch(tmp_path):
    model = tiny_model()
    ck = cb.ModelCheckpoint(str(tmp_path / "ck-{epoch:02d}-{val_loss:.2f}.keras"))
    run([ck], model, [0.5, 0.4, 0.45])
    assert sorted(os.listdir(tmp_path)) == ["ck-01-0.50.keras", "ck-02-0.40.keras",
                                            "ck-03-0.45.keras"]


def test_checkpoint_best_only_with_formatted_names(tmp_path):
    model = tiny_model()
    ck = cb.ModelCheckpoint(str(tmp_path / "ck-{epoch:02d}.keras"), save_best_only=True)
    run([ck], model, [0.5, 0.4, 0.45, 0.3])
    assert sorted(os.listdir(tmp_path)) == ["ck-01.keras", "ck-02.keras", "ck-04.keras"]


def test_checkpoint_weights_only_and_mode_max(tmp_path):
    model = tiny_model()
    path = tmp_path / "sub" / "best.weights.h5"     # missing folder is created, as in Keras
    ck = cb.ModelCheckpoint(str(path), monitor="val_accuracy", save_best_only=True,
                            save_weights_only=True)
    run([ck], model, [0.7, 0.9, 0.8], key="val_accuracy")
    fill(model, 7.0)
    model.load_weights(str(path))
    assert weight_value(model) == 1.0
    config, _, _ = saving.read_file(str(path))
    assert config["kind"] == "weights"


def test_checkpoint_initial_value_threshold(tmp_path):
    model = tiny_model()
    path = tmp_path / "m.keras"
    ck = cb.ModelCheckpoint(str(path), save_best_only=True, initial_value_threshold=0.45)
    run([ck], model, [0.5])
    assert not path.exists()
    run([ck], model, [0.5, 0.44])
    assert weight_value(models.load_model(str(path))) == 1.0


def test_checkpoint_verbose_messages(tmp_path, capsys):
    model = tiny_model()
    path = str(tmp_path / "m.keras")
    run([cb.ModelCheckpoint(path, save_best_only=True, verbose=1)], model, [0.5, 0.4, 0.45])
    out = capsys.readouterr().out
    assert f"Epoch 1: val_loss improved from inf to 0.50000, saving model to {path}" in out
    assert f"Epoch 2: val_loss improved from 0.50000 to 0.40000, saving model to {path}" in out
    assert "Epoch 3: val_loss did not improve from 0.40000" in out


@pytest.mark.parametrize("name, weights_only, fragment", [
    ("best.h5", True, "must end in '.weights.h5'"),
    ("best.keras", True, "must end in '.weights.h5'"),
    ("best.ckpt", False, "must end in '.keras'"),
    ("best", False, "Received: filepath=best"),
])
def test_checkpoint_rejects_wrong_suffixes(name, weights_only, fragment):
    with pytest.raises(HonggongError, match=fragment.replace(".", r"\.")):
        cb.ModelCheckpoint(name, save_weights_only=weights_only)


def test_checkpoint_accepts_keras_and_legacy_h5_names():
    assert cb.ModelCheckpoint("a.keras").filepath == "a.keras"
    assert cb.ModelCheckpoint("a.h5").filepath == "a.h5"
    assert cb.ModelCheckpoint("a.weights.h5", save_weights_only=True).filepath == "a.weights.h5"


def test_checkpoint_bad_placeholder_names_the_available_fields(tmp_path):
    model = tiny_model()
    ck = cb.ModelCheckpoint(str(tmp_path / "m-{val_acc:.2f}.keras"))
    with pytest.raises(HonggongError, match=r"val_acc.*\['epoch', 'loss', 'val_loss'\]"):
        run([ck], model, [0.5])


def test_checkpoint_save_freq_in_batches(tmp_path):
    model = tiny_model()
    ck = cb.ModelCheckpoint(str(tmp_path / "b-{epoch}-{batch}.keras"), save_freq=2)
    cl = cb.CallbackList([ck], model=model, verbose=0, epochs=1, steps=5)
    cl.on_train_begin()
    cl.on_epoch_begin(0)
    for b in range(5):
        cl.on_train_batch_end(b, {"loss": 1.0})
    assert sorted(os.listdir(tmp_path)) == ["b-1-2.keras", "b-1-4.keras"]
    with pytest.raises(HonggongError, match="save_freq"):
        cb.ModelCheckpoint("x.keras", save_freq="batch")


# ---------------------------------------------------------------------------------------------
# History, CallbackList
# ---------------------------------------------------------------------------------------------
def test_history_records_every_epoch_and_sets_model_history():
    model = tiny_model()
    cl = cb.CallbackList(None, add_history=True, model=model, verbose=0, epochs=2, steps=1)
    cl.on_train_begin()
    cl.on_epoch_end(0, {"accuracy": np.float32(0.5), "loss": 2.0})
    cl.on_epoch_end(1, {"accuracy": 0.75, "loss": np.float64(1.5)})
    h = model.history
    assert isinstance(h, cb.History)
    assert h.history == {"accuracy": [0.5, 0.75], "loss": [2.0, 1.5]}
    assert all(type(v) is float for v in h.history["accuracy"] + h.history["loss"])
    assert h.epoch == [0, 1]


def test_callback_list_adds_history_then_progbar_once():
    own = cb.History()
    cl = cb.CallbackList([own], add_history=True, add_progbar=True)
    assert [type(c).__name__ for c in cl] == ["History", "ProgbarLogger"]
    assert cl.callbacks[0] is own


def test_callback_list_rejects_classes_and_other_objects():
    with pytest.raises(HonggongError, match=r"(?s)class EarlyStopping.*EarlyStopping\(\.\.\.\)"):
        cb.CallbackList([cb.EarlyStopping])
    with pytest.raises(HonggongError, match="received str"):
        cb.CallbackList(["early_stopping"])


def test_train_batch_hooks_call_the_keras_2_names():
    calls = []

    class Old(cb.Callback):
        def on_batch_begin(self, batch, logs=None):
            calls.append(("begin", batch))

        def on_batch_end(self, batch, logs=None):
            calls.append(("end", batch, logs))

    cl = cb.CallbackList([Old()])
    cl.on_train_batch_begin(4)
    cl.on_train_batch_end(4, {"loss": np.float32(0.25), "accuracy": 1})
    assert calls == [("begin", 4), ("end", 4, {"accuracy": 1.0, "loss": 0.25})]
    assert list(calls[1][2]) == ["accuracy", "loss"]      # sorted keys, plain floats


# ---------------------------------------------------------------------------------------------
# Progress bar
# ---------------------------------------------------------------------------------------------
class FakeClock:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        return self.t


def test_progbar_final_line_keras_layout(capsys):
    # first step 0.5 s (one-off costs), then 1,499 steps of 1 ms: elapsed 1.999 s -> "2s",
    # time per step excluding the first: (1.999 - 0.5) / 1499 = 0.001 -> "1ms/step".
    clock = FakeClock()
    bar = cb.Progbar(1500, clock=clock)
    clock.t = 0.5
    bar.update(1, {"accuracy": 0.5, "loss": 1.0})
    for step in range(2, 1501):
        clock.t = 0.5 + (step - 1) * 0.001
        bar.update(step, {"accuracy": 0.8123, "loss": 0.5432})
    bar.update(1500, {"accuracy": 0.8123, "loss": 0.5432, "val_accuracy": 0.85,
                      "val_loss": 0.41}, finalize=True)
    out = capsys.readouterr().out
    assert out.endswith("\r1500/1500 " + "━" * 20 + " 2s 1ms/step - accuracy: 0.8123 - loss: 0.5432"
                        " - val_accuracy: 0.8500 - val_loss: 0.4100\n")
    # rewritten in place, at most every 0.2 s: step 1, then about every 200 steps, then final
    assert 5 <= out.count("\r") <= 10
    assert out.count("\n") == 1


def test_progbar_in_progress_line_shows_eta_and_partial_bar(capsys):
    clock = FakeClock()
    bar = cb.Progbar(100, clock=clock)
    clock.t = 0.1
    bar.update(1)
    clock.t = 0.1 + 49 * 0.01        # step 50: 10 ms per step, 50 steps left -> ETA 0.5 s -> "0s"
    bar.update(50, {"loss": 0.0005})
    last = capsys.readouterr().out.split("\r")[-1]
    assert last == " 50/100 " + "━" * 10 + "─" * 10 + " 0s 10ms/step - loss: 5.0000e-04"


def test_progbar_final_line_after_a_longer_line_has_no_trailing_spaces(capsys):
    """A slow first step (541us/step) then fast ones (72us/step): the final line is shorter. It
    wipes the old line with spaces, returns, and ends with the metrics (no padding after them)."""
    clock = FakeClock()
    bar = cb.Progbar(13, clock=clock)
    clock.t = 0.000541
    bar.update(1, {"loss": 2.0})
    clock.t = 0.000541 + 12 * 0.000072
    bar.update(13, {"loss": 1.5}, finalize=True)
    out = capsys.readouterr().out
    first = out.split("\r")[1]
    assert first == " 1/13 ━" + "─" * 19 + " 0s 541us/step - loss: 2.0000"
    assert out.endswith("\r" + " " * len(first) + "\r13/13 " + "━" * 20
                        + " 0s 72us/step - loss: 1.5000\n")
    assert cb.Progbar is progbar.Progbar                   # the bar lives in honggong/progbar.py


def test_progbar_verbose_2_prints_one_line(capsys):
    clock = FakeClock()
    bar = cb.Progbar(3, verbose=2, clock=clock)
    for step in (1, 2, 3):
        clock.t = step * 2.0
        bar.update(step, {"loss": 0.25})
    bar.update(3, {"loss": 0.25}, finalize=True)
    # elapsed 6 s; per step after the first: (6 - 2) / 2 = 2 s
    assert capsys.readouterr().out == "3/3 - 6s - 2s/step - loss: 0.2500\n"


def test_time_and_eta_formats():
    assert cb._format_step_time(0.0004) == " 400us/step"
    assert cb._format_step_time(0.0123) == " 12ms/step"
    assert cb._format_step_time(2.4) == " 2s/step"
    assert cb._format_eta(75) == "1:15"
    assert cb._format_eta(3725) == "1:02:05"
    assert cb._format_eta(9.7) == "9s"


def drive_progbar_logger(verbose, epochs=2, steps=3):
    cl = cb.CallbackList(None, add_progbar=True, verbose=verbose, epochs=epochs, steps=steps)
    cl.on_train_begin()
    for epoch in range(epochs):
        cl.on_epoch_begin(epoch)
        for b in range(steps):
            cl.on_train_batch_begin(b)
            cl.on_train_batch_end(b, {"loss": 0.5, "accuracy": 0.75})
        cl.on_epoch_end(epoch, {"accuracy": 0.75, "loss": 0.5, "val_accuracy": 0.5,
                                "val_loss": 0.25})
    cl.on_train_end()


def test_progbar_logger_verbose_1_epoch_headers_and_alphabetical_metrics(capsys):
    drive_progbar_logger("auto")
    out = capsys.readouterr().out
    assert out.startswith("Epoch 1/2\n")
    assert "\nEpoch 2/2\n" in out
    finals = [line.split("\r")[-1] for line in out.split("\n") if "\r" in line]
    assert len(finals) == 2
    for line in finals:
        assert line.startswith("3/3 " + "━" * 20 + " ")
        assert line.endswith(" - accuracy: 0.7500 - loss: 0.5000 - val_accuracy: 0.5000"
                             " - val_loss: 0.2500")


def test_progbar_logger_verbose_2_one_line_per_epoch(capsys):
    drive_progbar_logger(2)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert "\r" not in "".join(lines)
    assert lines[1].startswith("3/3 - ") and lines[1].endswith(" - val_loss: 0.2500")


def test_progbar_logger_verbose_0_is_silent_and_single_epoch_has_no_header(capsys):
    drive_progbar_logger(0)
    assert capsys.readouterr().out == ""
    drive_progbar_logger(1, epochs=1)
    assert "Epoch" not in capsys.readouterr().out


def test_progbar_logger_evaluate_bar_outside_fit(capsys):
    cl = cb.CallbackList(None, add_progbar=True, verbose=1, epochs=1, steps=2)
    cl.on_test_begin()
    cl.on_test_batch_end(0, {"loss": 1.0})
    cl.on_test_batch_end(1, {"loss": 0.5})
    cl.on_test_end({"loss": 0.75})
    last = capsys.readouterr().out.split("\r")[-1]
    assert last.startswith("2/2 " + "━" * 20) and last.endswith(" - loss: 0.7500\n")


# ---------------------------------------------------------------------------------------------
# TerminateOnNaN, LambdaCallback, ReduceLROnPlateau
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_terminate_on_nan(bad, capsys):
    model = tiny_model()
    model.stop_training = False
    cl = cb.CallbackList([cb.TerminateOnNaN()], model=model)
    cl.on_train_batch_end(2, {"loss": 0.5})
    assert model.stop_training is False
    cl.on_train_batch_end(3, {"loss": bad})
    assert model.stop_training is True
    assert capsys.readouterr().out == "Batch 3: Invalid loss, terminating training\n"


def test_lambda_callback_calls_the_given_functions():
    calls = []
    lam = cb.LambdaCallback(
        on_train_begin=lambda logs: calls.append("train_begin"),
        on_epoch_end=lambda epoch, logs: calls.append(("epoch_end", epoch, logs["val_loss"])),
        on_train_batch_end=lambda batch, logs: calls.append(("batch_end", batch)),
        on_test_end=lambda logs: calls.append("test_end"))
    model = tiny_model()
    run([lam], model, [0.5, 0.25])
    cb.CallbackList([lam]).on_train_batch_end(7, {})
    cb.CallbackList([lam]).on_test_end({})
    assert calls == ["train_begin", ("epoch_end", 0, 0.5), ("epoch_end", 1, 0.25),
                     ("batch_end", 7), "test_end"]


def test_lambda_callback_errors():
    with pytest.raises(HonggongError, match="unknown hook on_epoch_finish"):
        cb.LambdaCallback(on_epoch_finish=print)
    with pytest.raises(HonggongError, match="expected a function for on_epoch_end, received int"):
        cb.LambdaCallback(on_epoch_end=3)


def test_reduce_lr_on_plateau_halves_after_patience():
    # best 1.0 at epoch 0; epochs 1, 2 no gain -> wait 2 >= 2 -> lr 0.1 -> 0.05;
    # epoch 3 improves (0.5); epochs 4, 5 no gain -> lr 0.05 -> 0.025.
    model = tiny_model(learning_rate=0.1)
    seen = []
    rl = cb.ReduceLROnPlateau(factor=0.5, patience=2)
    log = cb.LambdaCallback(on_epoch_end=lambda e, logs: seen.append(logs["learning_rate"]))
    run([rl, log], model, [1.0, 1.0, 1.0, 0.5, 0.5, 0.5])
    assert seen == pytest.approx([0.1, 0.1, 0.1, 0.05, 0.05, 0.05])
    assert model.optimizer.learning_rate == pytest.approx(0.025)


def test_reduce_lr_cooldown_and_min_lr():
    # patience 1, cooldown 2, value never improves after epoch 0:
    # e1 reduce 0.1 -> 0.01 (cooldown 2); e2 in cooldown (counter 1); e3 counter 0, wait 1 -> 0.001
    model = tiny_model(learning_rate=0.1)
    run([cb.ReduceLROnPlateau(patience=1, cooldown=2)], model, [1.0] * 4)
    assert model.optimizer.learning_rate == pytest.approx(0.001)
    model = tiny_model(learning_rate=0.1)
    run([cb.ReduceLROnPlateau(patience=1, min_lr=0.02)], model, [1.0] * 4)
    assert model.optimizer.learning_rate == pytest.approx(0.02)
    with pytest.raises(HonggongError, match="factor >= 1.0"):
        cb.ReduceLROnPlateau(factor=1.5)


def test_batch_hooks_go_only_to_callbacks_that_override_them():
    """CallbackList skips base-class no-op batch hooks (fit calls them 1,500 times an epoch);
    a class override, the Keras-2 name or an instance attribute each count."""
    class Old(cb.Callback):
        def on_batch_end(self, batch, logs=None):
            pass

    class New(cb.Callback):
        def on_train_batch_begin(self, batch, logs=None):
            pass

    instance = cb.Callback()
    instance.on_train_batch_end = lambda batch, logs=None: None
    lam = cb.LambdaCallback(on_train_batch_begin=lambda b, logs: None)
    history, old, new = cb.History(), Old(), New()
    cbs = cb.CallbackList([history, old, new, instance, lam, cb.Callback()])
    assert cbs.hooked("on_train_batch_begin") == [new, lam]
    assert cbs.hooked("on_train_batch_end") == [old, instance]
    assert cbs.hooked("on_test_batch_end") == []
    late = New()
    cbs.append(late)
    assert cbs.hooked("on_train_batch_begin") == [new, lam, late]
