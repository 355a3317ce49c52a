"""Tests for honggong.models.Sequential: structure, summary, training numbers, fit semantics,
callbacks, errors. Reference numbers come from independent numpy code in the tests."""
import math
import re

import numpy as np
import pytest

from honggong import callbacks, layers, losses, optimizers, utils
from honggong.backend import HonggongError
from honggong.models import Sequential


def _frozen_sgd():
    """SGD whose steps do not move the weights: the constructor refuses learning_rate <= 0 (a
    learner's mistake), the setter allows 0 for experiments like this one."""
    opt = optimizers.SGD()
    opt.learning_rate = 0.0
    return opt


@pytest.fixture(autouse=True)
def _fresh_names():
    layers.reset_names()
    yield
    layers.reset_names()


def book_model():
    """The book's 7-2 model."""
    return Sequential([layers.Input(shape=(28, 28)), layers.Flatten(),
                       layers.Dense(100, activation="relu"),
                       layers.Dense(10, activation="softmax")])


def blobs(n=200, seed=0):
    """Two well separated 2-D clusters, labels 0/1 alternating."""
    r = np.random.default_rng(seed)
    y = np.arange(n) % 2
    x = r.normal(scale=0.5, size=(n, 2)) + np.where(y[:, None] == 1, 2.0, -2.0)
    return x.astype(np.float32), y


def small_classifier():
    return Sequential([layers.Input(shape=(2,)), layers.Dense(8, activation="relu"),
                       layers.Dense(2, activation="softmax")])


# ---------------------------------------------------------------------------------------------
# structure and summary
# ---------------------------------------------------------------------------------------------
def test_book_model_param_counts_and_shapes():
    model = book_model()
    assert [l.name for l in model.layers] == ["flatten", "dense", "dense_1"]
    assert model.count_params() == 79_510                 # 78,500 + 1,010
    assert [w.shape for w in model.get_weights()] == [(784, 100), (100,), (100, 10), (10,)]
    assert model.output_shape == (None, 10)
    assert model.input_shape == (None, 28, 28)


def test_summary_matches_keras3_layout_line_by_line():
    lines = []
    book_model().summary(print_fn=lines.append)
    expected = [
        'Model: "sequential"',
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
        "│ flatten (Flatten)               │ (None, 784)            │             0 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ dense (Dense)                   │ (None, 100)            │        78,500 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ dense_1 (Dense)                 │ (None, 10)             │         1,010 │",
        "└─────────────────────────────────┴────────────────────────┴───────────────┘",
        " Total params: 79,510 (310.59 KB)",           # 79,510 * 4 bytes / 1024
        " Trainable params: 79,510 (310.59 KB)",
        " Non-trainable params: 0 (0.00 B)",
    ]
    assert lines == expected


def test_summary_line_length_and_non_trainable_and_unbuilt():
    model = Sequential([layers.Input(shape=(3,)), layers.Dense(4),
                        layers.BatchNormalization()])
    lines = []
    model.summary(line_length=60, print_fn=lines.append)
    assert all(len(line) == 60 for line in lines[1:-3])
    assert lines[6:8] == ["│ batch_normalization      │ (None, 4)        │         16 │",
                          "│ (BatchNormalization)     │                  │            │"]
    assert lines[-3:] == [" Total params: 32 (128.00 B)",          # 16 dense + 16 BN
                          " Trainable params: 24 (96.00 B)",        # 16 + gamma 4 + beta 4
                          " Non-trainable params: 8 (32.00 B)"]     # moving mean/variance
    unbuilt = []
    Sequential([layers.Dense(3)]).summary(print_fn=unbuilt.append)
    assert re.search(r"│ dense_1 \(Dense\) +│ \? +│ +0 \(unbuilt\) │", unbuilt[4])


def test_old_style_input_shape_builds_with_warning():
    with pytest.warns(UserWarning, match=r"keras\.Input\(shape=\(28, 28\)\)"):
        model = Sequential([layers.Flatten(input_shape=(28, 28)), layers.Dense(10)])
    assert model.built and model.count_params() == 7_850


def test_shape_inference_from_first_batch():
    model = Sequential([layers.Flatten(), layers.Dense(5)])
    assert not model.built
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.zeros((4, 2, 3)), np.zeros((4, 5)), verbose=0)
    assert model.built and model.input_shape == (None, 2, 3)
    assert model.count_params() == 35


def test_compile_default_optimizer_is_rmsprop_and_accepts_objects():
    model = small_classifier()
    model.compile(loss="sparse_categorical_crossentropy")
    assert isinstance(model.optimizer, optimizers.RMSprop)
    adam = optimizers.Adam(learning_rate=0.01)
    model.compile(optimizer=adam, loss=losses.SparseCategoricalCrossentropy())
    assert model.optimizer is adam


# ---------------------------------------------------------------------------------------------
# training numbers
# ---------------------------------------------------------------------------------------------
def _known_weights():
    r = np.random.default_rng(5)
    return [r.normal(scale=0.5, size=(3, 4)).astype(np.float32),
            r.normal(scale=0.1, size=4).astype(np.float32),
            r.normal(scale=0.5, size=(4, 3)).astype(np.float32),
            r.normal(scale=0.1, size=3).astype(np.float32)]


def _numpy_adam_step(weights, x, y, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
    """Independent forward/backward of Dense(4, relu) -> Dense(3, softmax) + one Adam step (t=1)."""
    w1, c1, w2, c2 = [w.astype(np.float64) for w in weights]
    n = len(x)
    h = np.maximum(x @ w1 + c1, 0)
    z = h @ w2 + c2
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(n), y]))
    onehot = np.eye(3)[y]
    dz = (p - onehot) / n
    dh = dz @ w2.T * (h > 0)
    grads = [x.T @ dh, dh.sum(0), h.T @ dz, dz.sum(0)]
    new = []
    for w, g in zip([w1, c1, w2, c2], grads):
        m = (1 - b1) * g                      # m0 = 0
        v = (1 - b2) * g * g                  # v0 = 0
        alpha = lr * math.sqrt(1 - b2) / (1 - b1)
        new.append(w - alpha * m / (np.sqrt(v) + eps))
    return loss, new


def _tiny_model(**compile_kwargs):
    model = Sequential([layers.Input(shape=(3,)), layers.Dense(4, activation="relu"),
                        layers.Dense(3, activation="softmax")])
    model.set_weights(_known_weights())
    model.compile(**compile_kwargs)
    return model


def test_train_on_batch_equals_independent_numpy_adam_step():
    x = np.random.default_rng(9).normal(size=(6, 3)).astype(np.float32)
    y = np.array([0, 1, 2, 2, 1, 0])
    model = _tiny_model(optimizer="adam", loss="sparse_categorical_crossentropy")
    loss = model.train_on_batch(x, y)
    ref_loss, ref_weights = _numpy_adam_step(_known_weights(), x.astype(np.float64), y)
    assert loss == pytest.approx(ref_loss, rel=1e-5)
    for got, ref in zip(model.get_weights(), ref_weights):
        np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-6)
    assert model.optimizer.iterations == 1


def test_fused_and_generic_loss_paths_agree_for_three_steps():
    r = np.random.default_rng(10)
    x = r.normal(size=(8, 3)).astype(np.float32)
    y = r.integers(0, 3, size=8)
    fused = _tiny_model(optimizer="adam", loss="sparse_categorical_crossentropy",
                        metrics=["accuracy"])
    generic = _tiny_model(optimizer="adam", loss="sparse_categorical_crossentropy",
                          metrics=["accuracy"])
    generic._uses_fused_softmax = lambda: False            # force the readable path
    for _ in range(3):
        a = fused.train_on_batch(x, y)
        b = generic.train_on_batch(x, y)
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    assert fused._fused and not generic._fused
    for wa, wb in zip(fused.get_weights(), generic.get_weights()):
        np.testing.assert_allclose(wa, wb, rtol=1e-6, atol=1e-6)


def test_fused_path_with_one_hot_targets_and_categorical_crossentropy():
    r = np.random.default_rng(11)
    x = r.normal(size=(8, 3)).astype(np.float32)
    y = utils.to_categorical(r.integers(0, 3, size=8), 3)
    fused = _tiny_model(optimizer="sgd", loss="categorical_crossentropy")
    generic = _tiny_model(optimizer="sgd", loss="categorical_crossentropy")
    generic._uses_fused_softmax = lambda: False
    for _ in range(3):
        assert fused.train_on_batch(x, y) == pytest.approx(generic.train_on_batch(x, y), rel=1e-6)
    for wa, wb in zip(fused.get_weights(), generic.get_weights()):
        np.testing.assert_allclose(wa, wb, rtol=1e-6, atol=1e-7)


def test_fit_reaches_known_accuracy_on_separable_blobs():
    utils.set_random_seed(0)
    x, y = blobs()
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=20, batch_size=16, verbose=0)
    assert history.history["accuracy"][-1] >= 0.99            # clusters 4 std apart
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert model.evaluate(x, y, verbose=0)[1] >= 0.99


def test_epoch_loss_is_batch_size_weighted_mean():
    """With learning_rate=0 the weights never change, so the epoch loss over batches of 2, 2, 1
    must equal the loss of all 5 samples at once (a plain mean of batch means would differ)."""
    x, y = blobs(5, seed=3)
    model = small_classifier()
    model.compile(optimizer=_frozen_sgd(),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, batch_size=2, epochs=1, shuffle=False, verbose=0)
    loss, acc = model.evaluate(x, y, batch_size=5, verbose=0)
    assert history.history["loss"][0] == pytest.approx(loss, rel=1e-6)
    assert history.history["accuracy"][0] == pytest.approx(acc, rel=1e-6)


def test_epoch_metrics_are_the_metric_objects_running_means():
    """fit tracks the loss with a metrics.Mean and the metrics with the compiled Metric objects
    (model.metrics); 50 samples in batches of 8 end with a batch of 2, and the epoch means are
    still means over samples."""
    from honggong import metrics
    x, y = blobs(50, seed=4)
    model = _tiny_model(optimizer=_frozen_sgd(), loss="sparse_categorical_crossentropy",
                        metrics=["accuracy", metrics.SparseCategoricalAccuracy()])
    h = model.fit(np.c_[x, x[:, :1]], y, batch_size=8, shuffle=False, verbose=0)
    assert list(h.history) == ["accuracy", "loss", "sparse_categorical_accuracy"]
    assert [type(m).__name__ for m in model.metrics] == ["Mean", "Metric",
                                                         "SparseCategoricalAccuracy"]
    assert model.metrics[0].count == 50                       # samples, not batches
    p = model.predict(np.c_[x, x[:, :1]], verbose=0)
    acc = float(np.mean(p.argmax(1) == y))
    assert h.history["accuracy"] == h.history["sparse_categorical_accuracy"] == [pytest.approx(acc)]
    loss = float(np.mean(-np.log(p[np.arange(50), y])))
    assert h.history["loss"][0] == pytest.approx(loss, rel=1e-5)


def test_fit_runs_blas_on_one_thread_and_restores_it(monkeypatch):
    import threadpoolctl  # a dependency of honggong (pyproject.toml)
    from honggong import models

    def blas_threads():
        return [i["num_threads"] for i in threadpoolctl.threadpool_info()
                if i["user_api"] == "blas"]

    before = blas_threads()
    seen = []

    class Probe(callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen.append(blas_threads())

    x, y = blobs(8)
    model = small_classifier()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.fit(x, y, verbose=0, callbacks=[Probe()])
    assert seen == [[1] * len(before)]
    assert blas_threads() == before
    monkeypatch.setattr(models, "BLAS_THREADS_IN_FIT", None)
    model.fit(x, y, verbose=0, callbacks=[Probe()])
    assert seen[-1] == before


def test_regularization_is_added_to_the_loss():
    model = Sequential([layers.Input(shape=(2,)),
                        layers.Dense(1, kernel_regularizer="l2", kernel_initializer="ones")])
    model.compile(optimizer=_frozen_sgd(), loss="mse")
    x = np.zeros((4, 2), np.float32)
    # prediction 0, target 1 -> mse 1; l2 default 0.01 * (1 + 1) = 0.02
    assert model.evaluate(x, np.ones((4, 1)), verbose=0) == pytest.approx(1.02, rel=1e-6)
    assert model.train_on_batch(x, np.ones((4, 1))) == pytest.approx(1.02, rel=1e-6)


# ---------------------------------------------------------------------------------------------
# fit semantics
# ---------------------------------------------------------------------------------------------
def test_history_keys_and_lengths():
    x, y = blobs(40)
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=3, validation_split=0.25, verbose=0)
    assert list(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert all(len(v) == 3 for v in history.history.values())
    assert history.epoch == [0, 1, 2]
    assert model.history is history
    reg = Sequential([layers.Input(shape=(2,)), layers.Dense(1)])
    reg.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    h = reg.fit(x, y.astype(np.float32), epochs=2, validation_data=(x[:5], y[:5]), verbose=0)
    assert list(h.history) == ["loss", "mae", "val_loss", "val_mae"]


def test_validation_split_takes_the_last_fraction_before_shuffling():
    x, y = blobs(40)
    y = y.copy()
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=1, batch_size=8, validation_split=0.2, verbose=0)
    # validation = samples 32..39; the values are computed with the end-of-epoch weights
    val_loss, val_acc = model.evaluate(x[32:], y[32:], verbose=0)
    assert history.history["val_loss"][0] == pytest.approx(val_loss, rel=1e-6)
    assert history.history["val_accuracy"][0] == pytest.approx(val_acc)
    other_loss = model.evaluate(x[:8], y[:8], verbose=0)[0]
    assert other_loss != pytest.approx(val_loss, rel=1e-6)
    # 32 training samples in batches of 8 -> 4 optimizer steps
    assert model.optimizer.iterations == 4


def test_initial_epoch_and_stop_training_from_a_callback():
    x, y = blobs(16)
    model = small_classifier()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    h = model.fit(x, y, epochs=4, initial_epoch=2, verbose=0)
    assert h.epoch == [2, 3]

    class StopAfterTwo(callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if epoch == 1:
                self.model.stop_training = True

    h = model.fit(x, y, epochs=10, callbacks=[StopAfterTwo()], verbose=0)
    assert h.epoch == [0, 1]


def test_callback_hooks_order_and_logs():
    x, y = blobs(10)
    events = []

    class Recorder(callbacks.Callback):
        def on_train_begin(self, logs=None):
            events.append(("train_begin", self.params["epochs"], self.params["steps"]))

        def on_epoch_begin(self, epoch, logs=None):
            events.append(("epoch_begin", epoch))

        def on_train_batch_begin(self, batch, logs=None):
            events.append(("batch_begin", batch))

        def on_train_batch_end(self, batch, logs=None):
            events.append(("batch_end", batch, sorted(logs)))

        def on_epoch_end(self, epoch, logs=None):
            events.append(("epoch_end", epoch, sorted(logs)))

        def on_train_end(self, logs=None):
            events.append(("train_end",))

    model = small_classifier()
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=1, batch_size=6, verbose=0, callbacks=[Recorder()])
    keys = ["accuracy", "loss"]
    assert events == [("train_begin", 1, 2), ("epoch_begin", 0),
                      ("batch_begin", 0), ("batch_end", 0, keys),
                      ("batch_begin", 1), ("batch_end", 1, keys),
                      ("epoch_end", 0, keys), ("train_end",)]


def test_verbose_output_has_keras_epoch_lines(capsys):
    x, y = blobs(20)
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=2, batch_size=10, validation_split=0.5)
    out = capsys.readouterr().out
    assert "Epoch 1/2\n" in out and "Epoch 2/2\n" in out
    finals = re.findall(r"1/1 ━━━━━━━━━━━━━━━━━━━━ \d+s \S+/step - accuracy: \d\.\d{4} - "
                        r"loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - val_loss: \d\.\d{4}\n", out)
    assert len(finals) == 2
    model.fit(x, y, epochs=1, verbose=0)
    assert capsys.readouterr().out == ""


def test_nan_loss_stops_at_once_with_epoch_and_batch(capsys):
    """Dense(1) on x=1, y=3 with SGD(10): every step multiplies the error e = w + b - 3 by
    1 - 2*lr*2 = -39 (mse gradient 2e for w and for b). Start w = b = 0: |e_k| = 3*39^k.
    float32 squares overflow (> 3.4e38) once |e| > 1.8e19, first at k = 12 (3*39^12 = 3.8e19).
    Two batches per epoch -> step 12 is epoch 7, batch 1."""
    model = Sequential([layers.Input(shape=(1,)), layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=optimizers.SGD(learning_rate=10.0), loss="mse")
    x = np.ones((64, 1), np.float32)
    history = model.fit(x, 3 * x, batch_size=32, epochs=50, shuffle=False, verbose=0)
    out = capsys.readouterr().out
    assert "epoch 7, batch 1/2" in out
    assert "에포크 7" in out and "smaller learning rate" in out
    assert len(history.epoch) == 7
    assert model.optimizer.iterations == 12                # the bad step was not applied
    assert all(np.isfinite(w).all() for w in model.get_weights())


def test_evaluate_and_predict_shapes_and_return_types():
    x, y = blobs(30)
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    assert isinstance(model.evaluate(x, y, verbose=0), float)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    result = model.evaluate(x, y, verbose=0)
    assert isinstance(result, list) and len(result) == 2
    as_dict = model.evaluate(x, y, verbose=0, return_dict=True)
    assert list(as_dict) == ["accuracy", "loss"]
    assert as_dict["loss"] == pytest.approx(result[0])
    p = model.predict(x, verbose=0)
    assert p.shape == (30, 2) and p.dtype == np.float32
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(model.predict(x, batch_size=7, verbose=0), p, rtol=1e-6)
    np.testing.assert_allclose(model.predict_on_batch(x), p, rtol=1e-6)
    assert model.test_on_batch(x, y) == pytest.approx(result, rel=1e-6)


def test_predict_prints_progress_bar(capsys):
    model = small_classifier()
    model.predict(np.zeros((64, 2)), batch_size=32)
    assert re.search(r"2/2 ━━━━━━━━━━━━━━━━━━━━ \d+s \S+/step\n", capsys.readouterr().out)


def test_batch_normalization_model_trains_and_updates_moving_stats():
    utils.set_random_seed(1)
    x, y = blobs(64)
    model = Sequential([layers.Input(shape=(2,)), layers.Dense(8),
                        layers.BatchNormalization(), layers.ReLU(),
                        layers.Dropout(0.2), layers.Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    bn = model.layers[1]
    assert model.count_params() == 24 + 32 + 18
    history = model.fit(x, y, epochs=15, batch_size=16, verbose=0)
    assert history.history["accuracy"][-1] >= 0.95
    assert np.any(bn.moving_mean != 0) and np.any(bn.moving_variance != 1)
    assert model.evaluate(x, y, verbose=0)[1] >= 0.95


def test_get_config_round_trip_and_save_load(tmp_path):
    model = book_model()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    config = model.get_config()
    assert config["name"] == "sequential"
    assert config["build_input_shape"] == [None, 28, 28]
    assert [c["class_name"] for c in config["layers"]] == ["Flatten", "Dense", "Dense"]
    clone = Sequential.from_config(config)
    assert clone.count_params() == 79_510
    x = np.random.default_rng(0).random((3, 28, 28)).astype(np.float32)
    model.fit(x, np.array([1, 2, 3]), verbose=0)
    path = tmp_path / "book.keras"
    model.save(path)
    from honggong import models
    loaded = models.load_model(path)
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    weights_path = tmp_path / "book.weights.h5"
    model.save_weights(weights_path)
    clone.load_weights(weights_path)
    np.testing.assert_allclose(clone.predict(x, verbose=0), model.predict(x, verbose=0))


def test_set_weights_errors():
    model = small_classifier()
    with pytest.raises(HonggongError, match="set_weights expected a list of 4 arrays, received 3"):
        model.set_weights(model.get_weights()[:3])
    bad = model.get_weights()
    bad[2] = np.zeros((2, 8))
    with pytest.raises(HonggongError, match=r"expected shape \(8, 2\), received \(2, 8\)"):
        model.set_weights(bad)


# ---------------------------------------------------------------------------------------------
# errors a learner meets
# ---------------------------------------------------------------------------------------------
def test_dense_after_input_without_flatten_fails_when_added():
    with pytest.raises(HonggongError, match=r"'dense'.*\(None, 28, 28\).*Flatten"):
        Sequential([layers.Input(shape=(28, 28)), layers.Dense(10)])


def test_x_y_length_mismatch():
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    with pytest.raises(HonggongError, match="x: 10 samples, y: 9 samples"):
        model.fit(np.zeros((10, 2)), np.zeros(9), verbose=0)


def test_nan_and_inf_in_inputs_say_how_many_and_where():
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    x = np.zeros((10, 2), np.float32)
    x[3, 1] = np.nan
    x[7, 0] = np.nan
    x[8, 1] = np.inf
    with pytest.raises(HonggongError, match=r"2 NaN and 1 inf values \(first in sample index 3\)"):
        model.fit(x, np.zeros(10), verbose=0)
    with pytest.raises(HonggongError, match="NaN"):
        model.predict(x, verbose=0)


def test_label_mix_ups_are_reported_by_the_loss_before_training():
    x, y = blobs(20)
    model = small_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    with pytest.raises(HonggongError, match="one-hot"):
        model.fit(x, utils.to_categorical(y, 2), verbose=0)
    assert model.optimizer.iterations == 0
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    with pytest.raises(HonggongError, match="integer class labels"):
        model.fit(x, y, verbose=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    with pytest.raises(HonggongError, match=r"label value 5.*\[0, 2\)"):
        model.fit(x, np.full(20, 5), verbose=0)


def test_model_without_input_shape_cannot_report_weights():
    model = Sequential([layers.Dense(3)])
    for call in (model.count_params, model.get_weights):
        with pytest.raises(HonggongError, match="does not know its input shape yet"):
            call()
    with pytest.raises(HonggongError, match="no layers"):
        Sequential().predict(np.zeros((2, 3)), verbose=0)
    # predict itself infers the shape from the data, as in Keras
    assert model.predict(np.zeros((2, 5)), verbose=0).shape == (2, 3)


def test_fit_before_compile_and_wrong_input_shape():
    model = small_classifier()
    with pytest.raises(HonggongError, match=r"call model.compile\(optimizer=..., loss=...\) first"):
        model.fit(np.zeros((4, 2)), np.zeros(4), verbose=0)
    with pytest.raises(HonggongError, match=r"expected inputs of shape \(None, 2\), received "
                                            r"\(None, 3\)"):
        model.predict(np.zeros((4, 3)), verbose=0)


def test_reset_names_makes_model_names_deterministic():
    assert Sequential().name == "sequential"
    assert Sequential().name == "sequential_1"
    layers.reset_names()
    assert Sequential().name == "sequential"


def test_a_single_layer_instead_of_a_list_is_a_clear_error():
    from honggong.backend import HonggongTypeError
    with pytest.raises(HonggongTypeError) as err:
        Sequential(layers.Dense(10))
    assert "list of layers" in str(err.value) and "single Dense" in str(err.value)
    assert "keras.Sequential([Dense(...)])" in str(err.value)
