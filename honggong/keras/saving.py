"""``keras.saving``: re-exported from honggong.saving (honggong's own zip format, see there)."""
from honggong.saving import load_model, load_weights, save_model, save_weights

__all__ = ["load_model", "load_weights", "save_model", "save_weights"]
