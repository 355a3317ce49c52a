"""``keras.models``: Sequential, load_model and save_model (honggong.models; file format: honggong.saving)."""
from honggong.models import Sequential, load_model, save_model

__all__ = ["Sequential", "load_model", "save_model"]
