"""``keras.optimizers``: re-exported from honggong.optimizers."""
from honggong.optimizers import (SGD, Adagrad, Adam, AdamW, Nadam, Optimizer, RMSprop,
                                 deserialize, get, schedules, serialize)

__all__ = ["SGD", "Adagrad", "Adam", "AdamW", "Nadam", "Optimizer", "RMSprop", "deserialize",
           "get", "schedules", "serialize"]
