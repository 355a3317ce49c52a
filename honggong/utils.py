"""Small utilities with Keras names: ``set_random_seed`` and ``to_categorical``.

- ``set_random_seed(42)``: 파이썬 ``random``, ``np.random``, honggong의 난수 생성기를 한 번에
  고정합니다. 같은 시드면 가중치 초기화, Dropout, 데이터 섞기가 매번 같습니다.
- ``to_categorical(y)``: 정수 레이블을 one-hot 행렬(float32)로 바꿉니다.
"""
import random

import numpy as np

from honggong import backend
from honggong.backend import HonggongError, HonggongTypeError, message


def set_random_seed(seed):
    """Seed Python's ``random``, ``numpy.random`` and ``backend.global_rng()`` with ``seed``."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise HonggongTypeError(message(
            f"Expected `seed` to be an integer, received {backend.describe(seed)}.",
            "해결: keras.utils.set_random_seed(42)처럼 정수를 주세요.",
        ))
    seed = int(seed)
    if seed < 0:
        raise HonggongError(message(
            f"Expected `seed` to be a non-negative integer, received {seed}.",
            "해결: 0 이상의 정수를 쓰세요.",
        ))
    random.seed(seed)
    np.random.seed(seed % 2**32)
    backend.seed_global_rng(seed)


def to_categorical(y, num_classes=None):
    """One-hot encode integer labels: row ``i`` has a 1 in column ``y[i]``, zeros elsewhere.

    ``y`` of shape ``(n,)`` or ``(n, 1)`` gives shape ``(n, num_classes)`` (a trailing axis of size 1
    is dropped, as in Keras). ``num_classes`` defaults to ``max(y) + 1``. Returns float32.
    """
    y = np.asarray(y)
    if y.size and not (np.issubdtype(y.dtype, np.integer) or y.dtype == bool):
        if not np.issubdtype(y.dtype, np.number) or np.any(np.floor(y) != y):
            bad = y.ravel()[0] if not np.issubdtype(y.dtype, np.number) \
                else y[np.floor(y) != y].ravel()[0]
            raise HonggongError(message(
                f"to_categorical expects integer class labels, received a non-integer value "
                f"{bad.item()!r}.",
                "해결: 레이블은 0, 1, 2, ... 같은 클래스 번호여야 합니다.",
            ))
    labels = y.astype(np.int64)
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    labels = labels.reshape(-1)
    if num_classes is None:
        num_classes = int(labels.max()) + 1 if labels.size else 0
    num_classes = int(num_classes)
    if labels.size:
        low, high = int(labels.min()), int(labels.max())
        if low < 0:
            raise HonggongError(message(
                f"to_categorical received a negative label {low}; labels must be in "
                f"[0, {num_classes}).",
                "해결: 레이블이 0부터 시작하는 클래스 번호인지 확인하세요.",
            ))
        if high >= num_classes:
            raise HonggongError(message(
                f"to_categorical received label {high}, but num_classes={num_classes}: labels "
                f"must be in [0, {num_classes}).",
                f"해결: num_classes를 {high + 1} 이상으로 주거나 생략하세요.",
            ))
    out = np.zeros((labels.size, num_classes), dtype=np.float32)
    out[np.arange(labels.size), labels] = 1.0
    return out.reshape(shape + (num_classes,))
