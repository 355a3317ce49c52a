"""``keras.metrics``: re-exported from honggong.metrics."""
from honggong.metrics import (Accuracy, BinaryAccuracy, CategoricalAccuracy, Mean, MeanAbsoluteError,
                              MeanSquaredError, Metric, SparseCategoricalAccuracy, accuracy,
                              binary_accuracy, binary_crossentropy, categorical_accuracy,
                              categorical_crossentropy, get, mean_absolute_error,
                              mean_squared_error, sparse_categorical_accuracy,
                              sparse_categorical_crossentropy)

__all__ = ["Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "Mean", "MeanAbsoluteError",
           "MeanSquaredError", "Metric", "SparseCategoricalAccuracy", "accuracy",
           "binary_accuracy", "binary_crossentropy", "categorical_accuracy",
           "categorical_crossentropy", "get", "mean_absolute_error", "mean_squared_error",
           "sparse_categorical_accuracy", "sparse_categorical_crossentropy"]
