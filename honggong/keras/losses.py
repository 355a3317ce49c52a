"""``keras.losses``: re-exported from honggong.losses."""
from honggong.losses import (BinaryCrossentropy, CategoricalCrossentropy, Huber, Loss,
                             MeanAbsoluteError, MeanSquaredError, SparseCategoricalCrossentropy,
                             binary_crossentropy, categorical_crossentropy, get, huber,
                             mean_absolute_error, mean_squared_error,
                             sparse_categorical_crossentropy)

__all__ = ["BinaryCrossentropy", "CategoricalCrossentropy", "Huber", "Loss", "MeanAbsoluteError",
           "MeanSquaredError", "SparseCategoricalCrossentropy", "binary_crossentropy",
           "categorical_crossentropy", "get", "huber", "mean_absolute_error", "mean_squared_error",
           "sparse_categorical_crossentropy"]
