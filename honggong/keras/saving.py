"""``keras.saving``: re-exported from honggong.models (the file format itself: honggong.saving)."""
from honggong.models import load_model, load_weights, save_model, save_weights

__all__ = ["load_model", "load_weights", "save_model", "save_weights"]
