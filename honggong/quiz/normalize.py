"""Turning a learner's typed answer into something comparable.

Two helpers, used by every question type:

- ``normalize_text(s)``: the form in which short answers and option texts are compared.
  NFKC (full-width letters -> ASCII), case folded, and what carries no meaning for a quiz answer
  removed: spaces, ``-``, ``_``, quotes, a trailing ``()`` and one pair of brackets around the
  whole answer. So ``"Sparse Categorical-Crossentropy"``, ``"'sparse_categorical_crossentropy'"``
  and ``"sparse categorical crossentropy"`` all become ``"sparsecategoricalcrossentropy"``;
  ``"compile()"`` becomes ``"compile"``; ``"(None, 784)"`` and ``"[None, 784]"`` become ``"none,784"``.
  Brackets inside code stay, so ``add(Dense(10))`` and ``add(Dense)(10)`` remain different.
- ``parse_number(value, unit)``: a number from ``1010``, ``1010.0``, ``"1,010"``, ``"1010"``,
  ``"1,010개"`` (when ``unit="개"``), ``"1e-3"``, a numpy scalar or a one-element array.
  Returns ``None`` when the value is not a number (the caller turns that into friendly feedback).
"""
from __future__ import annotations

import math
import numbers
import re
import unicodedata

# Characters that never change the meaning of a quiz answer.
_IGNORED = re.compile(r"[\s\-_'\"`‘’“”]+")
_WRAPPED = re.compile(r"^[(\[]([^()\[\]]*)[)\]]$")
# 1,010 or 12,345,678.5 : commas only as thousands separators.
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def normalize_text(text: str) -> str:
    """Canonical form of a short text answer: NFKC, casefold, without spaces/-/_/quotes/brackets."""
    text = _IGNORED.sub("", unicodedata.normalize("NFKC", str(text)).casefold())
    text = text.removesuffix("()")
    wrapped = _WRAPPED.match(text)
    return wrapped.group(1) if wrapped else text


def is_missing(value) -> bool:
    """True for "no answer yet": None, or a string that is empty after stripping spaces."""
    return value is None or (isinstance(value, str) and value.strip() == "")


def parse_number(value, unit: str | None = None) -> float | None:
    """A finite float from a learner's answer, or None if it is not a number.

    Accepted: int/float/numpy scalars (not bool), one-element arrays, and strings such as
    "1010", "1,010", "1010.0", "1e-3", " 0.999 ", optionally followed by ``unit`` ("1,010개").
    """
    if isinstance(value, bool):
        return None  # True/False are ints in Python, but never a meant number
    if hasattr(value, "shape") and hasattr(value, "size") and not isinstance(value, str):
        if value.size != 1:
            return None
        value = value.reshape(-1)[0].item() if hasattr(value, "reshape") else value.item()
        if isinstance(value, bool):
            return None
    if isinstance(value, numbers.Real):
        number = float(value)
        return number if math.isfinite(number) else None
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    if unit and text.endswith(unit):
        text = text[: -len(unit)].strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
