"""``keras.activations``: re-exported from honggong.activations."""
from honggong.activations import (elu, gelu, get, leaky_relu, linear, relu, selu, serialize,
                                  sigmoid, silu, softmax, softplus, swish, tanh)

__all__ = ["elu", "gelu", "get", "leaky_relu", "linear", "relu", "selu", "serialize", "sigmoid",
           "silu", "softmax", "softplus", "swish", "tanh"]
