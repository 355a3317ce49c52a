"""``keras.callbacks``: re-exported from honggong.callbacks."""
from honggong.callbacks import (Callback, CallbackList, EarlyStopping, History, LambdaCallback,
                                ModelCheckpoint, ProgbarLogger, ReduceLROnPlateau, TerminateOnNaN)

__all__ = ["Callback", "CallbackList", "EarlyStopping", "History", "LambdaCallback",
           "ModelCheckpoint", "ProgbarLogger", "ReduceLROnPlateau", "TerminateOnNaN"]
