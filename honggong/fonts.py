"""matplotlib 그림에서 한글이 네모(□)로 깨지지 않게 한글 글꼴을 찾아 등록합니다.

matplotlib's default font, DejaVu Sans, has no Hangul glyphs: Korean labels come out as empty
boxes with "Glyph ... missing from font(s) DejaVu Sans" warnings. ``use_korean_font()`` finds a
font with Hangul glyphs, offline, on every system, in this order:

0. the font you asked for: ``use_korean_font("Malgun Gothic")`` or ``$HONGGONG_FONT`` (a family name
   or a font file path); one that is unknown or has no Hangul is named in a warning (an error for
   the explicit argument) together with the Hangul fonts that are available;
1. NanumGothic from the Debian/Ubuntu package fonts-nanum (``/usr/share/fonts/truetype/nanum/``);
2. an installed system font with Hangul, through matplotlib's font list: NanumGothic / NanumBarunGothic
   (any system), Malgun Gothic (Windows), Apple SD Gothic Neo / AppleGothic (macOS), Noto Sans CJK KR /
   Noto Sans KR / Source Han Sans (Linux, Colab after ``apt-get install fonts-noto-cjk``), then any
   other font whose name suggests Korean or CJK and whose character map has Hangul;
3. the NanumGothic TTF that arrives with the pip dependency ``koreanize-matplotlib`` (found on disk
   with importlib, never imported: its import needs ``distutils``, gone in Python 3.12). It is a
   declared dependency of honggong, so ``pip install honggong`` alone always renders Korean.

The font is registered with ``font_manager.fontManager.addfont`` when it is a file (no font-cache
rebuild needed) and put first in ``rcParams["font.family"]``, with DejaVu Sans after it as the per-glyph
fallback (matplotlib >= 3.6) for symbols the Hangul font lacks, e.g. the minus sign U+2212.
``rcParams["axes.unicode_minus"] = False`` keeps tick labels on the ASCII hyphen-minus.

Superscripts and subscripts: NanumGothic has glyphs for "²" and "₁" but draws them as tiny ticks, so
figure titles such as "f(x, y) = x²/20 + y²" go through ``math_text`` first, which turns them into
mathtext (``x$^{2}$/20 + y$^{2}$``), drawn by matplotlib's own math font. ``missing_glyphs(text)``
lists the characters that no font in the chain can draw (tests use it on every figure text).
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager, ft2font

from .backend import HonggongError, message
from .checks import HonggongWarning

__all__ = ["use_korean_font", "find_hangul_font", "has_hangul", "current_font", "math_text",
           "missing_glyphs", "HANGUL_TEST_CHAR", "FontSettingError"]

DEBIAN_FONTS = ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
                "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf")
SYSTEM_FAMILIES = ("NanumGothic", "NanumBarunGothic", "Malgun Gothic", "Apple SD Gothic Neo", "AppleGothic",
                   "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans K", "Source Han Sans KR")
# other family names worth a look at their character map (any Korean or pan-CJK font has Hangul)
_HINTS = re.compile(r"nanum|gothic|cjk|\bkr\b|korean|hangul|gulim|dotum|batang|baekmuk|un ?dotum|source han",
                    re.IGNORECASE)
PIP_FONT_PACKAGE = "koreanize_matplotlib"
FALLBACK_FAMILY = "DejaVu Sans"
HANGUL_TEST_CHAR = "한"          # U+D55C, HANGUL SYLLABLE HAN
_state = {"path": None, "name": None, "done": False, "tried": []}


class FontSettingError(HonggongError):
    """The font asked for (argument of use_korean_font) is unknown or has no Hangul."""


def has_hangul(path) -> bool:
    """True if the font file at ``path`` has glyphs for Hangul (checks U+D55C '한' and U+AE00 '글')."""
    charmap = _charmap(str(path))
    return ord("한") in charmap and ord("글") in charmap


@functools.lru_cache(maxsize=None)
def _charmap(path: str) -> dict:
    try:
        return ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return {}


# ---------------------------------------------------------------------------------------------
# the search: every step returns (label, path or None, why-not) so a failure can name what was tried
# ---------------------------------------------------------------------------------------------
def _first_with_hangul(paths):
    """The first of ``paths`` (as a str) whose font has Hangul glyphs, or None."""
    return next((str(p) for p in paths if has_hangul(p)), None)


def _debian():
    path = _first_with_hangul(p for p in DEBIAN_FONTS if os.path.isfile(p))
    if path:
        return path, None
    return None, f"not found ({', '.join(DEBIAN_FONTS)})"


def _system():
    entries = font_manager.fontManager.ttflist
    by_name = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry.fname)
    others = [n for n in sorted(by_name) if _HINTS.search(n) and n not in SYSTEM_FAMILIES]
    path = _first_with_hangul(p for family in list(SYSTEM_FAMILIES) + others for p in by_name.get(family, []))
    if path:
        return path, None
    return None, (f"none of {len(entries)} fonts in matplotlib's font list has Hangul "
                  f"(looked for {', '.join(SYSTEM_FAMILIES)} and other Korean/CJK names)")


def _pip_package():
    spec = importlib.util.find_spec(PIP_FONT_PACKAGE)    # find the package without importing it
    if spec is None or not spec.origin:
        return None, f"the pip package {PIP_FONT_PACKAGE.replace('_', '-')} is not installed"
    folder = Path(spec.origin).parent
    path = _first_with_hangul(sorted(folder.rglob("*.ttf"), key=lambda p: (p.name != "NanumGothic.ttf", p.name)))
    if path:
        return path, None
    return None, f"no TTF with Hangul in {folder}"


STEPS = (("Debian package fonts-nanum", _debian),
         ("installed system fonts (matplotlib's font list)", _system),
         ("pip dependency koreanize-matplotlib", _pip_package))


def _requested(setting):
    """Resolve a font setting (family name or file path) to a font file with Hangul, or explain why not."""
    candidate = Path(os.path.expanduser(str(setting)))
    if candidate.suffix.lower() in (".ttf", ".otf", ".ttc") or candidate.exists():
        if not candidate.is_file():
            return None, f"no such font file: {candidate}"
        return (str(candidate), None) if has_hangul(candidate) else (None, f"{candidate} has no Hangul glyphs")
    paths = [e.fname for e in font_manager.fontManager.ttflist if e.name.lower() == str(setting).lower()]
    if not paths:
        return None, f"no font family named {setting!r} in matplotlib's font list"
    path = _first_with_hangul(paths)
    if path:
        return path, None
    return None, f"the font family {setting!r} ({paths[0]}) has no Hangul glyphs"


def _search(setting=None):
    """(path, tried): the first font with Hangul and the list of 'label: reason' for every step tried."""
    tried = []
    if setting:
        path, why = _requested(setting)
        if path:
            return path, tried
        tried.append(f"requested font {setting!r}: {why}")
    for label, step in STEPS:
        path, why = step()
        if path:
            return path, tried
        tried.append(f"{label}: {why}")
    return None, tried


def find_hangul_font() -> str | None:
    """Path of the first available font file with Hangul glyphs (see module docstring), or None."""
    return _search()[0]


def _available_hangul_families() -> list:
    names = {e.name for e in font_manager.fontManager.ttflist if _HINTS.search(e.name) and has_hangul(e.fname)}
    return sorted(names)


def use_korean_font(font: str | None = None, force: bool = False) -> str | None:
    """Register a Hangul font for matplotlib and make it the default; returns its family name.

    ``font``: a family name ("Malgun Gothic") or a font file path to use instead of the automatic search;
    ``$HONGGONG_FONT`` is read when ``font`` is None. An explicit ``font`` that is unknown or has no
    Hangul raises ``FontSettingError``; a bad ``$HONGGONG_FONT`` gives a warning and the automatic search.
    Idempotent: the search runs once (``force=True`` or a ``font`` searches and sets rcParams again).
    Returns None (after a warning naming every place tried and the fix) when no Hangul font exists.
    """
    if font is not None:
        path, why = _requested(font)
        if path is None:
            available = ", ".join(_available_hangul_families()) or "none"
            raise FontSettingError(message(
                f"Cannot use the font {font!r}: {why}.",
                "글꼴 이름(예: 'NanumGothic', 'Malgun Gothic', 'AppleGothic')이나 .ttf 파일 경로를 주세요. "
                "use_korean_font()처럼 비워 두면 설치된 한글 글꼴을 자동으로 찾습니다.",
                expected=f"a family name or font file with Hangul; Hangul fonts here: {available}",
                received=repr(font)))
        return _register(path, [])
    if _state["done"] and not force:
        if _state["name"] is not None:
            _apply_rc(_state["name"])
        return _state["name"]
    setting = os.environ.get("HONGGONG_FONT") or None
    path, tried = _search(setting)
    _state.update(done=True, tried=tried)
    if setting and tried and tried[0].startswith("requested font"):
        warnings.warn(message(
            f"$HONGGONG_FONT={setting!r} cannot be used ({tried[0].split(': ', 1)[1]}); "
            f"{'using ' + repr(path) + ' from the automatic search instead' if path else 'no other Hangul font found'}.",
            "HONGGONG_FONT에 설치된 한글 글꼴 이름(예: NanumGothic, Malgun Gothic)이나 .ttf 경로를 적거나, "
            "지우고 자동 검색을 쓰세요."), HonggongWarning, stacklevel=2)
    if path is None:
        _state.update(path=None, name=None)
        places = "; ".join(f"{i}. {t}" for i, t in enumerate(tried, start=1))
        warnings.warn(message(
            f"No font with Hangul glyphs found, so Korean text in figures will show as boxes. Tried: {places}.",
            "`pip install koreanize-matplotlib`(honggong의 의존성: 나눔고딕 포함) 또는 Debian/Ubuntu에서 "
            "`sudo apt-get install fonts-nanum`으로 한글 글꼴을 설치하고 커널을 다시 시작하세요."),
            HonggongWarning, stacklevel=2)
        return None
    return _register(path, tried)


def _register(path: str, tried: list) -> str:
    known = {e.fname for e in font_manager.fontManager.ttflist}
    if path not in known:
        font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    _state.update(path=path, name=name, done=True, tried=tried)
    _apply_rc(name)
    return name


def _apply_rc(name: str) -> None:
    # The Hangul font first; DejaVu Sans (matplotlib's default) as per-glyph fallback for what it lacks.
    matplotlib.rcParams["font.family"] = [name, FALLBACK_FAMILY]
    matplotlib.rcParams["axes.unicode_minus"] = False


def current_font() -> str | None:
    """Path of the font file matplotlib now uses for text (resolved from rcParams), or None."""
    try:
        return font_manager.findfont(font_manager.FontProperties(), fallback_to_default=False)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# superscripts, subscripts and glyph coverage
# ---------------------------------------------------------------------------------------------
_SUPER = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", "0123456789+-=()ni"))
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₜ", "0123456789+-=()aeoxt"))
_RUN = re.compile(f"[{''.join(_SUPER)}]+|[{''.join(_SUB)}]+")


def math_text(text: str) -> str:
    """Unicode super/subscripts as mathtext: ``"x²/20 + y²"`` -> ``"x$^{2}$/20 + y$^{2}$"``.

    Text that already contains ``$`` (mathtext written by hand) is returned unchanged.
    """
    text = str(text)
    if "$" in text:
        return text

    def repl(match):
        run = match.group(0)
        if run[0] in _SUPER:
            return "$^{" + "".join(_SUPER[c] for c in run) + "}$"
        return "$_{" + "".join(_SUB[c] for c in run) + "}$"

    return _RUN.sub(repl, text)


def missing_glyphs(text: str) -> list:
    """Characters of ``text`` (outside ``$...$`` mathtext) that no font in ``rcParams["font.family"]``
    can draw; an empty list means the text renders without boxes."""
    plain = re.sub(r"\$[^$]*\$", "", str(text))
    charmaps = []
    for family in matplotlib.rcParams["font.family"]:
        try:
            charmaps.append(_charmap(font_manager.findfont(family, fallback_to_default=False)))
        except ValueError:
            continue
    return sorted({c for c in plain if not c.isspace() and not any(ord(c) in m for m in charmaps)})
