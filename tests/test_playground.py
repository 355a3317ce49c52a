"""Tests for widgets.playground (driven through its controls, in-process) and the 2-D data sets it uses."""
import base64

import numpy as np
import pytest

from honggong import layers, models, regularizers, utils, widgets
from honggong.datasets import synthetic
from honggong.trajectory import make_optimizer


@pytest.fixture
def pg():
    p = widgets.playground("xor", hidden_layers=1, units=4, activation="relu", optimizer="adam",
                           learning_rate=0.03, batch_size=10, display=False)
    yield p
    p.close()


# ---------------------------------------------------------------------------- data sets
def test_circles_geometry_without_noise():
    x, y = synthetic.circles(n=10, noise=0.0, factor=0.5)
    assert x.shape == (10, 2) and x.dtype == np.float32 and np.bincount(y).tolist() == [5, 5]
    radius = np.hypot(x[:, 0], x[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0, atol=1e-6)
    np.testing.assert_allclose(radius[y == 1], 0.5, atol=1e-6)
    x2, y2 = synthetic.circles(n=10, noise=0.0, factor=0.5)
    assert np.array_equal(x, x2) and np.array_equal(y, y2)


def test_circles_rejects_a_factor_outside_0_1():
    with pytest.raises(ValueError, match="해결: factor=0.5"):
        synthetic.circles(factor=1.5)


def test_xor_labels_are_the_sign_product():
    x, y = synthetic.xor(n=500, noise=0.0, seed=3)
    assert x.shape == (500, 2) and np.all(np.abs(x) <= 1.0)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] < 0).astype(np.int64))
    assert 200 < y.sum() < 300          # about half in each class
    noisy, y_noisy = synthetic.xor(n=500, noise=0.1, seed=3)
    np.testing.assert_array_equal(y_noisy, y)                  # labels decided before the noise
    assert 0.07 < float(np.std(noisy - x)) < 0.13


@pytest.mark.parametrize("name", ["circles", "xor", "moons", "spirals"])
def test_playground_data_is_split_in_halves_and_scaled(name):
    (xtr, ytr), (xte, yte) = widgets.playground_data(name, n=200, noise=0.1)
    assert xtr.shape == xte.shape == (100, 2) and ytr.shape == yte.shape == (100,)
    assert set(np.unique(np.concatenate([ytr, yte]))) == {0, 1}
    assert np.abs(np.concatenate([xtr, xte])).max() == pytest.approx(1.0)


def test_playground_data_unknown_name_is_a_clear_error():
    with pytest.raises(ValueError, match="Expected one of \\['circles', 'xor', 'moons', 'spirals'\\]"):
        widgets.playground_data("rings")


# ---------------------------------------------------------------------------- the widget
def test_model_follows_the_controls(pg):
    with pg.hold():
        pg.layers_slider.value = 2
        pg.units_slider.value = 5
        pg.l2_slider.value = 0.001
        pg.dropout_slider.value = 0.2
        pg.activation_dropdown.value = "tanh"
        pg.optimizer_dropdown.value = "sgd"
    pg.reset()
    model = pg.state["model"]
    kinds = [type(l).__name__ for l in model.layers]
    assert kinds == ["Dense", "Dropout", "Dense", "Dropout", "Dense"]
    assert [l.units for l in model.layers if hasattr(l, "units")] == [5, 5, 1]
    assert model.layers[0].activation.name == "tanh" and model.layers[-1].activation.name == "sigmoid"
    assert model.layers[0].kernel_regularizer.l2 == pytest.approx(0.001)
    assert model.layers[1].rate == pytest.approx(0.2)
    assert type(model.optimizer).__name__ == "SGD" and model.optimizer.learning_rate == pytest.approx(0.03)
    assert pg.state["description"] == "2 → 5 → 5 → 1, tanh, SGD(lr=0.03), batch_size 10, L2 0.001, 드롭아웃 0.2"


def test_play_ticks_train_one_epoch_each_and_the_curves_grow(pg):
    assert pg.state["epoch"] == 0 and len(pg.state["train_loss"]) == 1
    before = pg.state["redraws"]
    pg.play.value = 1                 # what the browser's Play widget does on every tick
    pg.play.value = 2
    pg.play.value = 5                 # a late tick catches up: 3 epochs
    assert pg.state["epoch"] == 5 and len(pg.state["test_loss"]) == 6
    assert pg.state["redraws"] == before + 3
    xs, ys = pg.train_line.get_data()
    np.testing.assert_array_equal(xs, np.arange(6))
    np.testing.assert_allclose(ys, pg.state["train_loss"])
    pg.step_button.click()
    assert pg.state["epoch"] == 6
    assert "에포크 6" in pg.readout.value


def test_training_is_model_fit_exactly(pg):
    """The playground's numbers are those of the same Sequential trained with fit by hand."""
    pg.step(30)
    utils.set_random_seed(42)
    model = models.Sequential([layers.Input(shape=(2,)), layers.Dense(4, activation="relu"),
                               layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=make_optimizer("adam", learning_rate=0.03), loss="binary_crossentropy",
                  metrics=["accuracy"])
    first = model.evaluate(pg.x_test, pg.y_test, verbose=0)[0]
    for _ in range(30):
        model.fit(pg.x_train, pg.y_train, batch_size=10, epochs=1, verbose=0)
    loss, acc = model.evaluate(pg.x_test, pg.y_test, verbose=0)
    assert pg.state["test_loss"][0] == first
    assert pg.state["test_loss"][-1] == loss and pg.state["test_accuracy"][-1] == acc
    for a, b in zip(pg.state["model"].get_weights(), model.get_weights()):
        np.testing.assert_array_equal(a, b)
    # and it learns XOR: the test loss went from 0.80 to 0.36, test accuracy 82% (measured, seed 42)
    assert pg.state["test_loss"][0] > 0.75 and pg.state["test_loss"][-1] < 0.4
    assert pg.state["test_accuracy"][-1] >= 0.8


def test_the_decision_boundary_image_is_the_models_prediction(pg):
    pg.step(5)
    grid = pg._grid_points
    p = pg.state["model"].predict(grid, verbose=0).reshape(pg.grid, pg.grid)
    np.testing.assert_array_equal(np.asarray(pg.boundary.get_array()), p)
    assert grid.shape == (pg.grid ** 2, 2) and grid.min() == pytest.approx(-1.2)


def test_a_setting_change_starts_again_and_the_same_settings_repeat(pg):
    pg.step(10)
    losses_relu = list(pg.state["test_loss"])
    pg.activation_dropdown.value = "tanh"
    assert pg.state["epoch"] == 0 and pg.play.value == 0 and len(pg.state["test_loss"]) == 1
    pg.activation_dropdown.value = "relu"
    pg.step(10)
    assert pg.state["test_loss"] == losses_relu      # fixed seed: a run can be repeated exactly
    pg.reset_button.click()
    assert pg.state["epoch"] == 0


def test_dataset_change_loads_new_points(pg):
    pg.dataset_dropdown.value = "circles"
    (xtr, ytr), _ = widgets.playground_data("circles", noise=0.1)
    np.testing.assert_array_equal(pg.train_points.get_offsets(), xtr)
    np.testing.assert_array_equal(pg.train_points.get_array(), ytr.astype(float))


def test_l2_and_dropout_change_the_training(pg):
    pg.step(20)
    plain = pg.state["train_loss"][-1]
    pg.l2_slider.value = 0.03
    pg.step(20)
    # training loss with a penalty is measured by evaluate, which adds the L2 term: higher
    assert pg.state["train_loss"][-1] > plain
    kernel = pg.state["model"].layers[0].get_weights()[0]
    assert regularizers.L2(0.03).penalty(kernel) > 0


def test_play_stops_at_max_epochs():
    p = widgets.Playground("circles", max_epochs=3)
    p.play.playing = True
    p.play.value = 3
    assert p.state["epoch"] == 3 and p.play.playing is False
    p.close()


def test_static_png_fallback_and_text(pg):
    pg.step(2)
    bundle = pg._repr_mimebundle_()
    png = base64.b64decode(bundle["image/png"])
    assert png[:4] == b"\x89PNG" and png == pg.png
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("Playground: 에포크 2 · 훈련 손실")


def test_only_core_ipywidgets():
    import ipywidgets as W
    p = widgets.Playground("moons")
    assert isinstance(p.play, W.Play) and isinstance(p.step_button, W.Button)
    kinds = {type(c).__module__.split(".")[0] for c in p.settings}
    assert kinds == {"ipywidgets"}
    p.close()
