"""The `from honggong import keras` face: Keras 3 names, same objects as the core, no logic."""
import subprocess
import sys
import types

import numpy as np
import pytest

import honggong
from honggong import keras

KERAS_NAMES = {
    "layers": ["Input", "InputLayer", "Layer", "Dense", "Flatten", "Dropout", "Activation", "ReLU",
               "LeakyReLU", "Softmax", "BatchNormalization"],
    "optimizers": ["Optimizer", "SGD", "RMSprop", "Adagrad", "Adam", "AdamW", "Nadam", "get",
                   "schedules"],
    "losses": ["Loss", "MeanSquaredError", "MeanAbsoluteError", "Huber", "BinaryCrossentropy",
               "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "mean_squared_error",
               "sparse_categorical_crossentropy", "get"],
    "metrics": ["Metric", "Accuracy", "SparseCategoricalAccuracy", "CategoricalAccuracy",
                "BinaryAccuracy", "MeanAbsoluteError", "accuracy",
                "sparse_categorical_accuracy", "get"],
    "activations": ["relu", "sigmoid", "softmax", "tanh", "linear", "leaky_relu", "elu", "selu",
                    "gelu", "silu", "swish", "softplus", "get"],
    "initializers": ["GlorotUniform", "HeNormal", "Zeros", "RandomNormal", "glorot_uniform",
                     "he_normal", "get"],
    "regularizers": ["L1", "L2", "L1L2", "l1", "l2", "l1_l2", "get"],
    "callbacks": ["Callback", "History", "ProgbarLogger", "EarlyStopping", "ModelCheckpoint",
                  "TerminateOnNaN", "LambdaCallback", "ReduceLROnPlateau", "CallbackList"],
    "models": ["Sequential", "load_model", "save_model"],
    "saving": ["load_model", "save_model"],
    "datasets": ["fashion_mnist", "mnist"],
    "utils": ["set_random_seed", "to_categorical"],
    "backend": ["clear_session", "floatx", "epsilon"],
}
CORE = {"layers": "layers", "optimizers": "optimizers", "losses": "losses", "metrics": "metrics",
        "activations": "activations", "initializers": "initializers",
        "regularizers": "regularizers", "callbacks": "callbacks", "utils": "utils"}


@pytest.mark.parametrize("module", sorted(KERAS_NAMES))
def test_keras_names_exist(module):
    sub = getattr(keras, module)
    missing = [n for n in KERAS_NAMES[module] if not hasattr(sub, n)]
    assert missing == []


@pytest.mark.parametrize("module", sorted(CORE))
def test_names_are_the_core_objects(module):
    core = __import__(f"honggong.{CORE[module]}", fromlist=["x"])
    sub = getattr(keras, module)
    for name in sub.__all__:
        assert getattr(sub, name) is getattr(core, name), name


def test_top_level_names():
    from honggong import layers, models, optimizers
    assert keras.Sequential is models.Sequential
    assert keras.Input is layers.Input
    assert keras.layers.Input is layers.Input
    assert keras.Layer is layers.Layer and keras.Optimizer is optimizers.Optimizer
    assert keras.__version__ == honggong.__version__
    assert keras.models.load_model is honggong.models.load_model
    assert keras.models.Sequential is models.Sequential
    assert keras.datasets.fashion_mnist is honggong.datasets.fashion_mnist
    assert keras.datasets.mnist.load_data is honggong.datasets.mnist.load_data


def test_face_holds_no_logic():
    # every public object of every keras submodule is defined outside honggong.keras
    for module in KERAS_NAMES:
        sub = getattr(keras, module)
        for name in sub.__all__:
            obj = getattr(sub, name)
            where = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", "")
            assert not where.startswith("honggong.keras"), f"keras.{module}.{name}"


def test_clear_session_restarts_layer_names():
    keras.backend.clear_session()
    first = keras.layers.Dense(3)
    second = keras.layers.Dense(3)
    keras.backend.clear_session()
    again = keras.layers.Dense(3)
    assert (first.name, second.name, again.name) == ("dense", "dense_1", "dense")


def test_keras_utils_and_backend_values():
    assert keras.backend.floatx() == "float32"
    assert keras.backend.epsilon() == 1e-7
    onehot = keras.utils.to_categorical([2, 0], num_classes=3)
    assert onehot.dtype == np.float32
    assert onehot.tolist() == [[0, 0, 1], [1, 0, 0]]
    keras.utils.set_random_seed(3)
    a = keras.layers.Dense(2)
    a.build((None, 2))
    keras.utils.set_random_seed(3)
    b = keras.layers.Dense(2)
    b.build((None, 2))
    assert np.array_equal(a.kernel, b.kernel)


def test_book_defaults_through_the_face():
    # Keras 3 defaults the book relies on
    assert keras.optimizers.SGD().learning_rate == pytest.approx(0.01)
    assert keras.optimizers.Adam().learning_rate == pytest.approx(0.001)
    assert keras.optimizers.RMSprop().learning_rate == pytest.approx(0.001)
    es = keras.callbacks.EarlyStopping()
    assert (es.monitor, es.patience, es.min_delta, es.restore_best_weights) == ("val_loss", 0, 0,
                                                                             False)
    ck = keras.callbacks.ModelCheckpoint("best-model.keras")
    assert (ck.monitor, ck.save_best_only, ck.save_weights_only) == ("val_loss", False, False)


def test_import_stays_light():
    code = ("import sys, honggong; assert 'honggong.keras' not in sys.modules; "
            "from honggong import keras; "
            "bad = [m for m in ('matplotlib', 'ipywidgets', 'sklearn') if m in sys.modules]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
