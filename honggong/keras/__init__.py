"""``from honggong import keras``: the Keras 3 names the book uses, backed by honggong's numpy code.

    from honggong import keras
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(100, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

This package only re-exports; every function and class lives in the honggong module named in
each submodule's docstring.
"""
from honggong import __version__
from honggong.keras import (activations, backend, callbacks, datasets, initializers, layers, losses,
                            metrics, models, optimizers, regularizers, saving, utils)
from honggong.initializers import Initializer
from honggong.layers import Input, Layer
from honggong.losses import Loss
from honggong.metrics import Metric
from honggong.models import Sequential
from honggong.optimizers import Optimizer
from honggong.regularizers import Regularizer

__all__ = [
    "Sequential", "Input", "Layer", "Loss", "Metric", "Optimizer", "Regularizer", "Initializer",
    "activations", "backend", "callbacks", "datasets",
    "initializers", "layers", "losses", "metrics", "models", "optimizers", "regularizers",
    "saving", "utils", "__version__",
]
