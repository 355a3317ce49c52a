"""The exercise bank: one module per chapter (ch01.py ... ch10.py), each with ``EXERCISES``.

Every exercise is data (prompt, signature, solution lines, cases, hints, known mistakes) plus a
``reference`` that calls honggong's own implementation. Known mistakes carry a ``planted`` wrong
implementation; tests/test_exercises.py checks that each one is caught with its diagnosis.
"""
from __future__ import annotations

import importlib

import numpy as np

CHAPTERS = tuple(f"ch{n:02d}" for n in range(1, 11))


def f32(values):
    """A float32 array (test inputs are float32, as in training)."""
    return np.asarray(values, dtype=np.float32)


def normal(seed, shape, scale=1.0):
    """Reproducible float32 normal values for test inputs."""
    return (np.random.default_rng(seed).standard_normal(shape) * scale).astype(np.float32)


def load_all():
    exercises = []
    for chapter in CHAPTERS:
        exercises.extend(importlib.import_module(f"{__name__}.{chapter}").EXERCISES)
    return exercises
