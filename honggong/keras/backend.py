"""``keras.backend``: float settings from honggong.backend; ``clear_session()`` restarts the
automatic layer names (dense, dense_1, ...) via honggong.layers.reset_names."""
from honggong.backend import epsilon, floatx, set_epsilon, set_floatx
from honggong.layers import reset_names as clear_session

__all__ = ["clear_session", "epsilon", "floatx", "set_epsilon", "set_floatx"]
