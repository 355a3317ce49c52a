"""Regression tests for the three numeric-core bugs of issue 9 (each failed on main before the fix).

3. per-batch callback hooks were skipped in fit (0 of 8 calls at verbose=0, 1 of 8 at verbose=1,
   0 for a subclass overriding the Keras-2 name on_batch_end);
4. the fused softmax + crossentropy hard-coded 1e-7, so after set_epsilon(0.05) fit's loss
   differed from evaluate's;
5. a Dense shared by two models stopped training in the first model once the second was fit.
"""
import numpy as np
import pytest

from honggong import backend, callbacks, layers, optimizers
from honggong.models import Sequential


@pytest.fixture(autouse=True)
def _fresh_names():
    layers.reset_names()
    yield
    layers.reset_names()


def _data(n=64, seed=0):
    r = np.random.default_rng(seed)
    x = r.normal(size=(n, 3)).astype(np.float32)
    return x, r.integers(0, 3, size=n)


def _classifier(optimizer="sgd"):
    model = Sequential([layers.Input(shape=(3,)), layers.Dense(4, activation="relu"),
                        layers.Dense(3, activation="softmax")])
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


# ---- bug 3 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("verbose", [0, 1])
def test_lambda_callback_batch_hooks_run_every_batch(verbose, capsys):
    x, y = _data()                                   # 64 samples / batch 8 = 8 steps per epoch
    begins, ends = [], []
    hook = callbacks.LambdaCallback(on_train_batch_begin=lambda b, logs: begins.append(b),
                                    on_train_batch_end=lambda b, logs: ends.append(
                                        (b, sorted(logs))))
    _classifier().fit(x, y, batch_size=8, epochs=2, verbose=verbose, callbacks=[hook])
    assert begins == list(range(8)) * 2
    assert ends == [(b, ["accuracy", "loss"]) for b in range(8)] * 2


def test_keras_2_batch_hook_names_overridden_in_a_subclass_run_every_batch():
    x, y = _data()
    calls = []

    class Old(callbacks.Callback):
        def on_batch_begin(self, batch, logs=None):
            calls.append(("begin", batch))

        def on_batch_end(self, batch, logs=None):
            calls.append(("end", batch, "loss" in logs))

    _classifier().fit(x, y, batch_size=16, epochs=1, verbose=0, callbacks=[Old()])
    assert calls == [c for b in range(4) for c in (("begin", b), ("end", b, True))]


def test_batch_hook_set_on_the_instance_runs_every_batch():
    """The "does a callback need every batch" question must look at the instance, not the class."""
    x, y = _data()
    seen = []
    plain = callbacks.Callback()
    plain.on_train_batch_end = lambda batch, logs=None: seen.append(batch)
    _classifier().fit(x, y, batch_size=32, epochs=3, verbose=0, callbacks=[plain])
    assert seen == [0, 1] * 3


# ---- bug 4 ------------------------------------------------------------------------------------
@pytest.fixture
def epsilon_005():
    old = backend.epsilon()
    backend.set_epsilon(0.05)
    yield
    backend.set_epsilon(old)


def test_fit_loss_equals_evaluate_loss_after_set_epsilon(epsilon_005):
    """With learning_rate=0 the weights never move, so fit's epoch loss is the loss of the same
    predictions evaluate sees. Confident rows (p > 0.95 or p < 0.05) are clipped at ε = 0.05."""
    x, y = _data(seed=1)
    model = _classifier(optimizer=optimizers.SGD())
    model.optimizer.learning_rate = 0.0
    model.layers[-1].kernel[...] *= 20                # confident predictions: clipping matters
    p = model.predict(x, verbose=0)
    picked = np.clip(p[np.arange(len(y)), y], 0.05, 0.95)
    expected = float(np.mean(-np.log(picked.astype(np.float64))))
    assert ((p > 0.95) | (p < 0.05)).any()
    history = model.fit(x, y, batch_size=64, epochs=1, shuffle=False, verbose=0)
    assert history.history["loss"][0] == pytest.approx(expected, rel=1e-5)
    assert model.evaluate(x, y, batch_size=64, verbose=0)[0] == pytest.approx(expected, rel=1e-5)


# ---- bug 5 ------------------------------------------------------------------------------------
def test_dense_shared_by_two_models_keeps_training_in_the_first():
    x, y = _data(seed=2)
    shared = layers.Dense(4, activation="relu")
    a = Sequential([layers.Input(shape=(3,)), shared, layers.Dense(3, activation="softmax")])
    b = Sequential([layers.Input(shape=(3,)), shared, layers.Dense(3, activation="softmax")])
    for model in (a, b):
        model.compile(optimizer=optimizers.SGD(learning_rate=0.1),
                      loss="sparse_categorical_crossentropy")
    a.fit(x, y, epochs=1, verbose=0)
    b.fit(x, y, epochs=1, verbose=0)
    before = shared.kernel.copy()
    head_before = a.layers[-1].kernel.copy()
    a.fit(x, y, epochs=3, verbose=0)
    assert np.abs(shared.kernel - before).max() > 1e-3       # the shared layer trained in a
    assert np.abs(a.layers[-1].kernel - head_before).max() > 1e-3
    # and the weights the model reports are the ones it computes with
    np.testing.assert_array_equal(a.get_weights()[0], shared.kernel)
    np.testing.assert_allclose(a.predict(x, verbose=0),
                               _manual_forward(x, a), rtol=1e-6, atol=1e-7)


def _manual_forward(x, model):
    w1, b1, w2, b2 = model.get_weights()
    h = np.maximum(x @ w1 + b1, 0)
    z = h @ w2 + b2
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
