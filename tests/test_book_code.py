"""혼공머신 7-1, 7-2, 7-3: the book's code, in its Keras 3 form, runs unchanged on honggong.

Data: the first 2,000 Fashion-MNIST training images (real files through the dataset loader); if the
files cannot be found, 2,000 deterministic synthetic uint8 images of the same shape stand in, so
the test still runs every line of the book's code.
"""
import re

import numpy as np
import pytest
from sklearn.model_selection import train_test_split

from honggong import keras
from honggong.datasets import DatasetError

N_IMAGES = 2000


@pytest.fixture(autouse=True, scope="module")
def one_blas_thread():
    """On the shared 2-core machine a multi-threaded OpenBLAS spins against other processes and
    training becomes ~20x slower; the book's small matrices need only one thread."""
    from threadpoolctl import threadpool_limits
    with threadpool_limits(limits=1):
        yield


def synthetic_fashion(n=N_IMAGES, seed=0):
    """10 random 28x28 templates + pixel noise, 20% of labels shuffled (so a model can overfit)."""
    rng = np.random.default_rng(seed)
    templates = rng.integers(0, 256, size=(10, 28, 28))
    target = rng.integers(0, 10, n).astype(np.uint8)
    images = np.clip(0.5 * templates[target] + 64 + rng.normal(0, 60, (n, 28, 28)), 0, 255)
    flip = rng.random(n) < 0.2
    target[flip] = rng.integers(0, 10, flip.sum())
    return images.astype(np.uint8), target


@pytest.fixture(scope="module")
def fashion():
    try:
        (train_input, train_target), _ = keras.datasets.fashion_mnist.load_data()
        return train_input[:N_IMAGES], train_target[:N_IMAGES]
    except DatasetError:
        return synthetic_fashion()


@pytest.fixture(scope="module")
def flat(fashion):
    """7-1/7-2 preprocessing: scale to [0, 1], flatten to 784, hold out 20% for validation."""
    train_input, train_target = fashion
    train_scaled = train_input / 255.0
    train_scaled = train_scaled.reshape(-1, 28 * 28)
    return train_test_split(train_scaled, train_target, test_size=0.2, random_state=42)


@pytest.fixture(scope="module")
def images(fashion):
    """7-3 preprocessing: scale to [0, 1], keep 28x28 (Flatten does the rest)."""
    train_input, train_target = fashion
    return train_test_split(train_input / 255.0, train_target, test_size=0.2, random_state=42)


def model_fn(a_layer=None):
    """혼공머신 7-3's model factory (Keras 3 form: Input first instead of input_shape=)."""
    model = keras.Sequential()
    model.add(keras.layers.Input(shape=(28, 28)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(100, activation="relu"))
    if a_layer:
        model.add(a_layer)
    model.add(keras.layers.Dense(10, activation="softmax"))
    return model


FINAL_BAR = re.compile(r"^\s*\d+/\d+ ━{20} \d+s \d+(us|ms|s)/step - accuracy: \d\.\d{4} - "
                       r"loss: \d\.\d{4}\s*$")


# ---------------------------------------------------------------------------------------------
# 7-1 인공 신경망
# ---------------------------------------------------------------------------------------------
def test_7_1_data_shapes(fashion, flat):
    train_input, train_target = fashion
    assert train_input.shape == (2000, 28, 28) and train_input.dtype == np.uint8
    assert train_target.shape == (2000,) and set(np.unique(train_target)) <= set(range(10))
    train_scaled, val_scaled, train_target, val_target = flat
    assert train_scaled.shape == (1600, 784) and val_scaled.shape == (400, 784)
    assert train_scaled.min() >= 0.0 and train_scaled.max() <= 1.0


def test_7_1_single_layer_network(flat, capsys):
    train_scaled, val_scaled, train_target, val_target = flat
    keras.utils.set_random_seed(42)
    inputs = keras.layers.Input(shape=(784,))
    dense = keras.layers.Dense(10, activation="softmax")
    model = keras.Sequential([inputs, dense])
    assert model.count_params() == 7850                 # 784 x 10 weights + 10 biases
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(train_scaled, train_target, epochs=5)
    out = capsys.readouterr().out
    lines = out.split("\n")                 # (str.splitlines would also split at \r)
    assert [line for line in lines if line.startswith("Epoch")] == [
        f"Epoch {i}/5" for i in range(1, 6)]
    finals = [line.split("\r")[-1] for line in lines if "\r" in line]
    assert len(finals) == 5 and all(FINAL_BAR.match(line) for line in finals), finals
    assert finals[-1].lstrip().startswith("50/50 ")      # 1,600 / 32 = 50 steps
    assert list(history.history) == ["accuracy", "loss"]
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert isinstance(model.optimizer, keras.optimizers.RMSprop)   # compile's default
    loss, accuracy = model.evaluate(val_scaled, val_target)     # default verbose: a bar
    final = capsys.readouterr().out.split("\r")[-1]
    assert final.startswith("13/13 " + "━" * 20)                  # 400 / 32 -> 13 steps
    assert final.endswith("\n")
    # the bar pads with spaces to wipe a longer previous line (e.g. "120us/step" -> "60us/step")
    assert final.rstrip(" \n").endswith(f" - accuracy: {accuracy:.4f} - loss: {loss:.4f}")
    assert 0.0 < loss < history.history["loss"][0]
    assert accuracy > 0.5


def test_7_1_old_input_shape_form_still_works_with_a_warning(flat):
    train_scaled, _, train_target, _ = flat
    with pytest.warns(UserWarning, match=r"Keras 2 style.*keras\.Input\(shape=\(784,\)\)"):
        dense = keras.layers.Dense(10, activation="softmax", input_shape=(784,))
    model = keras.Sequential([dense])
    assert model.input_shape == (None, 784)
    assert model.count_params() == 7850
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    assert len(model.fit(train_scaled, train_target, epochs=1, verbose=0).history["loss"]) == 1


# ---------------------------------------------------------------------------------------------
# 7-2 심층 신경망
# ---------------------------------------------------------------------------------------------
def test_7_2_deep_network_parameters(flat, capsys):
    train_scaled, _, train_target, _ = flat
    dense1 = keras.layers.Dense(100, activation="sigmoid")
    dense2 = keras.layers.Dense(10, activation="softmax")
    model = keras.Sequential([keras.Input(shape=(784,)), dense1, dense2])
    model.summary()
    summary = capsys.readouterr().out
    assert "78,500" in summary and "1,010" in summary and "79,510" in summary
    assert (dense1.count_params(), dense2.count_params(), model.count_params()) == (78500, 1010,
                                                                                   79510)
    model = keras.Sequential([keras.Input(shape=(784,)),
                              keras.layers.Dense(100, activation="sigmoid", name="은닉층"),
                              keras.layers.Dense(10, activation="softmax", name="출력층")],
                             name="패션 MNIST 모델")
    assert model.name == "패션 MNIST 모델"
    assert [layer.name for layer in model.layers] == ["은닉층", "출력층"]
    model = keras.Sequential()
    model.add(keras.Input(shape=(784,)))
    model.add(keras.layers.Dense(100, activation="sigmoid"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(train_scaled, train_target, epochs=5, verbose=0)
    assert len(history.history["accuracy"]) == 5
    assert history.history["loss"][-1] < history.history["loss"][0]


def test_7_2_relu_with_flatten(images):
    train_scaled, _, train_target, _ = images
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(100, activation="relu"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    assert model.layers[0].count_params() == 0
    assert model.layers[0].output_shape == (None, 784)
    assert model.count_params() == 79510
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(train_scaled, train_target, epochs=2, verbose=0)
    assert history.history["loss"][1] < history.history["loss"][0]


def test_7_2_old_flatten_input_shape_form_warns(images):
    train_scaled, _, train_target, _ = images
    with pytest.warns(UserWarning, match=r"keras\.Input\(shape=\(28, 28\)\)"):
        flatten = keras.layers.Flatten(input_shape=(28, 28))
    model = keras.Sequential()
    model.add(flatten)
    model.add(keras.layers.Dense(100, activation="relu"))
    model.add(keras.layers.Dense(10, activation="softmax"))
    assert model.input_shape == (None, 28, 28)
    assert model.count_params() == 79510
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    assert model.fit(train_scaled[:64], train_target[:64], verbose=0).history["loss"][0] > 0


@pytest.mark.parametrize("optimizer, cls, lr", [
    ("sgd", "SGD", 0.01),
    (keras.optimizers.SGD(learning_rate=0.1), "SGD", 0.1),
    (keras.optimizers.SGD(momentum=0.9, nesterov=True), "SGD", 0.01),
    (keras.optimizers.Adagrad(), "Adagrad", 0.001),
    (keras.optimizers.RMSprop(), "RMSprop", 0.001),
    ("adam", "Adam", 0.001),
])
def test_7_2_optimizers(images, optimizer, cls, lr):
    train_scaled, _, train_target, _ = images
    model = model_fn()
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    assert type(model.optimizer).__name__ == cls
    assert model.optimizer.learning_rate == pytest.approx(lr)
    history = model.fit(train_scaled, train_target, epochs=2, verbose=0)
    assert model.optimizer.iterations == 2 * 50
    assert history.history["loss"][1] < history.history["loss"][0]


# ---------------------------------------------------------------------------------------------
# 7-3 신경망 모델 훈련
# ---------------------------------------------------------------------------------------------
def test_7_3_history_keys(images):
    train_scaled, val_scaled, train_target, val_target = images
    model = model_fn()
    model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(train_scaled, train_target, epochs=5, verbose=0)
    assert list(history.history.keys()) == ["accuracy", "loss"]
    assert history.epoch == [0, 1, 2, 3, 4]
    model = model_fn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(train_scaled, train_target, epochs=3, verbose=0,
                        validation_data=(val_scaled, val_target))
    assert list(history.history.keys()) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert all(len(v) == 3 for v in history.history.values())
    assert model.history is history
    val_loss, val_accuracy = model.evaluate(val_scaled, val_target, verbose=0)
    assert val_loss == pytest.approx(history.history["val_loss"][-1], rel=1e-5)
    assert val_accuracy == pytest.approx(history.history["val_accuracy"][-1])


def test_7_3_dropout_save_and_load(images, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)             # the book saves into the working folder
    train_scaled, val_scaled, train_target, val_target = images
    keras.utils.set_random_seed(42)
    model = model_fn(keras.layers.Dropout(0.3))
    assert model.count_params() == 79510    # dropout adds no parameters
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(train_scaled, train_target, epochs=5, verbose=0,
              validation_data=(val_scaled, val_target))
    model.save_weights("model.weights.h5")
    model.save("model-whole.keras")
    with pytest.raises(ValueError, match=r"\.weights\.h5"):
        model.save_weights("model-weights.h5")     # the TF 2 book's name: Keras 3 refuses it too

    expected = model.predict(val_scaled, verbose=0)
    assert np.array_equal(expected, model.predict(val_scaled, verbose=0))   # no dropout at predict

    model2 = model_fn(keras.layers.Dropout(0.3))
    model2.load_weights("model.weights.h5")
    val_labels = np.argmax(model2.predict(val_scaled, verbose=0), axis=-1)
    assert np.array_equal(model2.predict(val_scaled, verbose=0), expected)
    assert np.mean(val_labels == val_target) == pytest.approx(
        np.mean(np.argmax(expected, axis=-1) == val_target))

    model3 = keras.models.load_model("model-whole.keras")
    assert np.array_equal(model3.predict(val_scaled, verbose=0), expected)
    assert model3.evaluate(val_scaled, val_target, verbose=0) == \
        model.evaluate(val_scaled, val_target, verbose=0)


def test_7_3_checkpoint_and_early_stopping(images, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    train_scaled, val_scaled, train_target, val_target = images
    keras.utils.set_random_seed(42)
    model = model_fn(keras.layers.Dropout(0.3))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    checkpoint_cb = keras.callbacks.ModelCheckpoint("best-model.keras", save_best_only=True)
    early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
    history = model.fit(train_scaled, train_target, epochs=20, verbose=0,
                        validation_data=(val_scaled, val_target),
                        callbacks=[checkpoint_cb, early_stopping_cb])
    val_loss = history.history["val_loss"]
    best = int(np.argmin(val_loss))
    # Stopped early: the 2 epochs after the best one did not improve (patience=2).
    assert 0 < early_stopping_cb.stopped_epoch < 19
    assert len(val_loss) == early_stopping_cb.stopped_epoch + 1
    assert early_stopping_cb.best_epoch == best == early_stopping_cb.stopped_epoch - 2
    assert checkpoint_cb.best == val_loss[best]
    # The model now holds the best epoch's weights, and so does the checkpoint file.
    best_model = keras.models.load_model("best-model.keras")
    for a, b in zip(model.get_weights(), best_model.get_weights()):
        assert np.array_equal(a, b)
    assert np.array_equal(model.predict(val_scaled, verbose=0),
                          best_model.predict(val_scaled, verbose=0))
    loss, _ = model.evaluate(val_scaled, val_target, verbose=0)
    assert loss == pytest.approx(val_loss[best], rel=1e-5)


def test_7_3_checkpoint_with_the_old_h5_name(images, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    train_scaled, val_scaled, train_target, val_target = images
    model = model_fn()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    checkpoint_cb = keras.callbacks.ModelCheckpoint("best-model.h5", save_best_only=True)
    with pytest.warns(UserWarning, match="legacy"):
        model.fit(train_scaled, train_target, epochs=2, verbose=0,
                  validation_data=(val_scaled, val_target), callbacks=[checkpoint_cb])
    loaded = keras.models.load_model("best-model.h5")
    assert loaded.count_params() == 79510
