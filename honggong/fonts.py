"""matplotlib 그림에서 한글이 네모(□)로 깨지지 않게 한글 글꼴을 등록합니다.

matplotlib's default font, DejaVu Sans, has no Hangul glyphs: Korean labels come out as empty
boxes with "Glyph ... missing from font(s) DejaVu Sans" warnings. ``use_korean_font()`` finds a
TTF with Hangul glyphs, offline, in this order:

1. NanumGothic from the Debian/Ubuntu package fonts-nanum (/usr/share/fonts/truetype/nanum/),
2. the NanumGothic TTF shipped inside the PyPI package koreanize-matplotlib (found on disk, not imported),

registers it with ``font_manager.fontManager.addfont`` (no font-cache rebuild needed), puts it first
in ``rcParams["font.family"]`` (DejaVu Sans stays as fallback for other symbols) and sets
``rcParams["axes.unicode_minus"] = False`` (NanumGothic has no U+2212 minus sign).
If neither is found it warns how to install one. ``import honggong.plots`` calls it once.
"""
from __future__ import annotations

import glob
import importlib.util
import os
import warnings

import matplotlib
from matplotlib import font_manager, ft2font

__all__ = ["use_korean_font", "find_hangul_font", "has_hangul", "current_font", "HANGUL_TEST_CHAR"]

NANUM_DIR = "/usr/share/fonts/truetype/nanum"
HANGUL_TEST_CHAR = "한"          # U+D55C, HANGUL SYLLABLE HAN
_state = {"path": None, "name": None, "done": False}


def has_hangul(path: str) -> bool:
    """True if the font file at ``path`` has glyphs for Hangul (checks U+D55C '한' and U+AE00 '글')."""
    try:
        charmap = ft2font.FT2Font(str(path)).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return ord("한") in charmap and ord("글") in charmap


def _candidates() -> list:
    paths = [os.path.join(NANUM_DIR, "NanumGothic.ttf"), os.path.join(NANUM_DIR, "NanumBarunGothic.ttf")]
    spec = importlib.util.find_spec("koreanize_matplotlib")   # find the package without importing it
    if spec is not None and spec.origin:
        pkg_dir = os.path.dirname(spec.origin)
        found = sorted(glob.glob(os.path.join(pkg_dir, "**", "*.ttf"), recursive=True))
        paths += [p for p in found if "NanumGothic" in os.path.basename(p) and "Bold" not in p] + found
    return paths


def find_hangul_font() -> str | None:
    """Path of the first available TTF with Hangul glyphs (see module docstring), or None."""
    for path in _candidates():
        if os.path.isfile(path) and has_hangul(path):
            return path
    return None


def use_korean_font(force: bool = False) -> str | None:
    """Register a Hangul font for matplotlib and make it the default; returns its family name.

    Idempotent: the search runs once (``force=True`` searches and sets rcParams again).
    Returns None (after a warning with install instructions) when no Hangul font is available.
    """
    if _state["done"] and not force:
        if _state["name"] is not None:
            _apply_rc(_state["name"])
        return _state["name"]
    path = find_hangul_font()
    _state["done"] = True
    if path is None:
        warnings.warn(
            "No font with Hangul glyphs found, so Korean text will show as boxes. "
            "Install one: `sudo apt-get install fonts-nanum` (Debian/Ubuntu) or "
            "`pip install koreanize-matplotlib`, then restart the kernel. "
            "해결: 한글 글꼴(fonts-nanum 또는 koreanize-matplotlib)을 설치하고 커널을 다시 시작하세요.",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    _state.update(path=path, name=name)
    _apply_rc(name)
    return name


def _apply_rc(name: str) -> None:
    # The Hangul font first; DejaVu Sans (matplotlib's default) as fallback for glyphs it lacks.
    matplotlib.rcParams["font.family"] = [name, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False


def current_font() -> str | None:
    """Path of the font file matplotlib now uses for text (resolved from rcParams), or None."""
    try:
        return font_manager.findfont(font_manager.FontProperties(), fallback_to_default=False)
    except ValueError:
        return None
