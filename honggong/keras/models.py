"""``keras.models``: Sequential (honggong.models) and load_model / save_model (honggong.saving)."""
from honggong.models import Sequential
from honggong.saving import load_model, save_model

__all__ = ["Sequential", "load_model", "save_model"]
