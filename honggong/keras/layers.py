"""``keras.layers``: re-exported from honggong.layers."""
from honggong.layers import (Activation, BatchNormalization, Dense, Dropout, Flatten, Input,
                             InputLayer, Layer, LeakyReLU, ReLU, Softmax, deserialize, get,
                             serialize)

__all__ = ["Activation", "BatchNormalization", "Dense", "Dropout", "Flatten", "Input",
           "InputLayer", "Layer", "LeakyReLU", "ReLU", "Softmax", "deserialize", "get",
           "serialize"]
