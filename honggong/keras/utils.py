"""``keras.utils``: re-exported from honggong.utils."""
from honggong.utils import set_random_seed, to_categorical

__all__ = ["set_random_seed", "to_categorical"]
