"""One serialize / deserialize for every kind of object (backend.serialize, backend.resolve).

Keras' ``keras.saving.serialize_keras_object`` semantics: plain values stay, objects become
``{"class_name": ..., "config": ...}`` with their config serialized the same way, and every
``get()`` turns that form back into an equal object. Each kind of object gets a round trip here,
through JSON text, as a saved file stores it.
"""
import json

import numpy as np
import pytest

from honggong import keras
from honggong import (activations, backend, initializers, layers, losses, metrics, models,
                      optimizers, regularizers)
from honggong.backend import HonggongError
from honggong.optimizers import schedules


def through_json(obj):
    """serialize -> JSON text -> parsed back: what a saved file holds."""
    return json.loads(json.dumps(backend.serialize(obj)))


def test_plain_values_lists_and_dicts_are_kept():
    assert backend.serialize(None) is None
    assert backend.serialize("relu") == "relu"
    assert backend.serialize((1, 2.5, True)) == [1, 2.5, True]
    assert backend.serialize({"a": np.float32(0.5), "b": [np.int64(3)]}) == {"a": 0.5, "b": [3]}
    assert type(backend.serialize(np.float32(0.5))) is float


def test_an_object_becomes_class_name_and_its_serialized_config():
    opt = optimizers.Adam(learning_rate=schedules.ExponentialDecay(0.01, 10, 0.9))
    form = backend.serialize(opt)
    assert form["class_name"] == "Adam"
    assert form["config"]["learning_rate"] == {
        "class_name": "ExponentialDecay",
        "config": {"initial_learning_rate": 0.01, "decay_steps": 10, "decay_rate": 0.9,
                   "staircase": False, "name": "ExponentialDecay"}}


@pytest.mark.parametrize("obj", [
    layers.Dense(5, activation="relu", kernel_initializer="he_normal", name="d"),
    layers.Dense(3, kernel_initializer=initializers.RandomNormal(stddev=0.5, seed=3),
                 kernel_regularizer=regularizers.l2(0.001), name="d2"),
    layers.Dropout(0.25, seed=1, name="drop"),
    layers.Flatten(name="flat"),
    layers.Activation("softmax", name="act"),
    layers.ReLU(name="relu"),
    layers.LeakyReLU(negative_slope=0.1, name="lrelu"),
    layers.Softmax(name="sm"),
    layers.BatchNormalization(momentum=0.9, name="bn"),
], ids=lambda layer: type(layer).__name__)
def test_layers_round_trip(obj):
    back = layers.get(through_json(obj))
    assert type(back) is type(obj) and back is not obj
    assert back.get_config() == obj.get_config()
    assert backend.serialize(back) == backend.serialize(obj)


def test_activations_round_trip_by_name_and_with_parameters():
    assert through_json(activations.get("relu")) == "relu"       # as Keras stores it in a layer
    assert activations.get(through_json(activations.get("relu"))) is activations.get("relu")
    leaky = activations.get("leaky_relu", negative_slope=0.3)
    form = through_json(leaky)
    assert form == {"class_name": "Activation", "config": {"name": "leaky_relu", "negative_slope": 0.3}}
    back = activations.get(form)
    assert back.name == "leaky_relu" and back.params == {"negative_slope": 0.3}
    x = np.array([-2.0, 3.0], np.float32)
    np.testing.assert_array_equal(back(x), np.array([-0.6, 3.0], np.float32))
    assert activations.deserialize(activations.serialize("softmax")).name == "softmax"


def test_a_custom_activation_function_cannot_be_saved_and_says_why():
    with pytest.raises(HonggongError, match=r"(?s)custom activation function 'cube'.*\n해결: "):
        backend.serialize(activations.CustomActivation(lambda x: x ** 3, name="cube"))


@pytest.mark.parametrize("obj", [
    initializers.Zeros(), initializers.Constant(0.5), initializers.RandomNormal(0.1, 0.2, seed=4),
    initializers.RandomUniform(-0.1, 0.1, seed=5), initializers.TruncatedNormal(seed=6),
    initializers.VarianceScaling(2.0, "fan_out", "uniform", seed=7), initializers.GlorotUniform(seed=8),
    initializers.HeNormal(seed=9),
], ids=lambda o: type(o).__name__)
def test_initializers_round_trip_and_draw_the_same_numbers(obj):
    back = initializers.get(through_json(obj))
    assert type(back) is type(obj) and back.get_config() == obj.get_config()
    np.testing.assert_array_equal(back((3, 4)), obj((3, 4)))      # same seed, same numbers


@pytest.mark.parametrize("obj", [regularizers.L1(0.02), regularizers.L2(0.003),
                                 regularizers.L1L2(l1=0.1, l2=0.2)], ids=lambda o: type(o).__name__)
def test_regularizers_round_trip(obj):
    back = regularizers.get(through_json(obj))
    w = np.array([[1.0, -2.0]], np.float32)
    assert type(back) is type(obj) and back.penalty(w) == pytest.approx(obj.penalty(w))


@pytest.mark.parametrize("obj", [
    losses.MeanSquaredError(), losses.MeanAbsoluteError(), losses.Huber(delta=0.5),
    losses.BinaryCrossentropy(from_logits=True), losses.CategoricalCrossentropy(),
    losses.SparseCategoricalCrossentropy(from_logits=True),
], ids=lambda o: type(o).__name__)
def test_losses_round_trip(obj):
    back = losses.get(through_json(obj))
    assert type(back) is type(obj) and back.get_config() == obj.get_config()
    assert losses.deserialize(losses.serialize(obj)).get_config() == obj.get_config()


@pytest.mark.parametrize("obj", [
    metrics.Accuracy(), metrics.BinaryAccuracy(threshold=0.7), metrics.CategoricalAccuracy(),
    metrics.SparseCategoricalAccuracy(name="acc"), metrics.MeanAbsoluteError(),
    metrics.MeanSquaredError(),
], ids=lambda o: type(o).__name__)
def test_metrics_round_trip(obj):
    back = metrics.get(through_json(obj))
    assert type(back) is type(obj) and back.get_config() == obj.get_config()


def test_metric_names_stay_names():
    assert through_json(["accuracy", "mae"]) == ["accuracy", "mae"]


@pytest.mark.parametrize("obj", [
    optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True), optimizers.RMSprop(rho=0.8),
    optimizers.Adagrad(learning_rate=0.05), optimizers.Adam(learning_rate=0.002, amsgrad=True),
    optimizers.AdamW(weight_decay=0.01), optimizers.Nadam(beta_1=0.8, clipnorm=1.0),
], ids=lambda o: type(o).__name__)
def test_optimizers_round_trip(obj):
    back = optimizers.get(through_json(obj))
    assert type(back) is type(obj) and back.get_config() == obj.get_config()


@pytest.mark.parametrize("obj", [schedules.ExponentialDecay(0.01, 10, 0.9, staircase=True),
                                 schedules.PiecewiseConstantDecay([5, 10], [0.1, 0.01, 0.001])],
                         ids=lambda o: type(o).__name__)
def test_schedules_round_trip_alone_and_inside_an_optimizer(obj):
    back = schedules.deserialize(through_json(obj))
    assert type(back) is type(obj) and back.get_config() == obj.get_config()
    assert [back(step) for step in (0, 7, 25)] == [obj(step) for step in (0, 7, 25)]
    opt = optimizers.get(through_json(optimizers.Adam(learning_rate=obj)))
    opt.iterations = 25
    assert opt.learning_rate == pytest.approx(obj(25))


def test_model_round_trip():
    model = models.Sequential([layers.Input(shape=(4,)), layers.Dense(3, activation="relu"),
                               layers.Dense(2, activation="softmax")], name="m")
    back = backend.deserialize(through_json(model), {"Sequential": models.Sequential},
                               lambda name: f"unknown {name}")
    assert back.get_config() == model.get_config() and back.input_shape == (None, 4)


def test_unknown_class_names_and_bad_configs_are_clear_errors():
    with pytest.raises(HonggongError, match=r"Unknown initializer 'Orthogonal'"):
        initializers.get({"class_name": "Orthogonal", "config": {}})
    with pytest.raises(HonggongError, match=r"Unknown layer class_name 'Conv2D'.*Expected one of"):
        layers.get({"class_name": "Conv2D", "config": {}})
    with pytest.raises(HonggongError, match=r"Cannot rebuild Dense from its config .*units.*\n해결: "):
        layers.get({"class_name": "Dense", "config": {"unitz": 3}})
    with pytest.raises(HonggongError, match=r"expected a dict \{\"class_name\": str"):
        losses.get({"config": {}})


# ---- issue 9, bugs 1 and 2: what compile() accepted, load_model must rebuild -------------------
def _fit_and_reload(tmp_path, **compile_args):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(32, 4)).astype(np.float32), rng.integers(0, 3, 32)
    model = models.Sequential([layers.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
    model.compile(loss="sparse_categorical_crossentropy", **compile_args)
    model.fit(x, y, epochs=2, batch_size=8, verbose=0)
    path = tmp_path / "m.keras"
    model.save(path)
    return model, keras.models.load_model(path), x, y   # the book's call


def test_bug1_a_learning_rate_schedule_survives_save_and_load(tmp_path):
    schedule = schedules.ExponentialDecay(0.01, 10, 0.9)
    model, loaded, x, y = _fit_and_reload(tmp_path, optimizer=optimizers.Adam(learning_rate=schedule))
    assert isinstance(loaded.optimizer._learning_rate, schedules.ExponentialDecay)
    assert loaded.optimizer._learning_rate.get_config() == schedule.get_config()
    assert loaded.optimizer.iterations == 8
    assert loaded.optimizer.learning_rate == pytest.approx(0.01 * 0.9 ** (8 / 10))
    model.fit(x, y, epochs=1, batch_size=8, verbose=0, shuffle=False)
    loaded.fit(x, y, epochs=1, batch_size=8, verbose=0, shuffle=False)
    np.testing.assert_allclose(loaded.get_weights()[0], model.get_weights()[0], rtol=1e-6)


def test_bug2_a_metric_object_survives_save_and_load(tmp_path):
    model, loaded, x, y = _fit_and_reload(
        tmp_path, optimizer="adam", metrics=[metrics.SparseCategoricalAccuracy()])
    assert loaded.evaluate(x, y, verbose=0, return_dict=True) == \
        model.evaluate(x, y, verbose=0, return_dict=True)
    assert "sparse_categorical_accuracy" in loaded.evaluate(x, y, verbose=0, return_dict=True)
    assert loaded.get_compile_config()["metrics"] == [
        {"class_name": "SparseCategoricalAccuracy", "config": {"name": "sparse_categorical_accuracy"}}]


def test_a_loss_function_and_a_metric_function_survive_save_and_load(tmp_path):
    model = models.Sequential([layers.Input(shape=(2,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss=losses.mean_squared_error, metrics=[metrics.mae])
    x = np.array([[1.0, 2.0], [3.0, 4.0]], np.float32)
    model.fit(x, np.array([1.0, 2.0], np.float32), epochs=1, verbose=0)
    model.save(tmp_path / "r.keras")
    loaded = models.load_model(tmp_path / "r.keras")
    assert loaded.get_compile_config()["loss"] == {
        "class_name": "MeanSquaredError",
        "config": {"name": "mean_squared_error", "reduction": "sum_over_batch_size"}}
    assert loaded.get_compile_config()["metrics"] == [
        {"class_name": "MeanAbsoluteError", "config": {"name": "mean_absolute_error"}}]
