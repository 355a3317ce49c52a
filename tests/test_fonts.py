"""Tests for honggong.fonts: a Hangul font is registered and Korean text renders without warnings."""
import io
import warnings

import matplotlib
from matplotlib import ft2font
from matplotlib.figure import Figure

from honggong import fonts


def test_found_font_has_hangul_glyphs():
    path = fonts.find_hangul_font()
    assert path is not None and path.endswith(".ttf")
    charmap = ft2font.FT2Font(path).get_charmap()
    assert 0xD55C in charmap           # '한'
    assert fonts.has_hangul(path)


def test_default_font_dejavu_has_no_hangul():
    from matplotlib import font_manager
    dejavu = font_manager.findfont("DejaVu Sans")
    assert not fonts.has_hangul(dejavu)   # why the registration is needed at all


def test_use_korean_font_sets_rcparams_and_resolves_to_the_hangul_file():
    name = fonts.use_korean_font()
    assert name == "NanumGothic"     # fonts-nanum is installed here and in CI
    assert matplotlib.rcParams["font.family"][0] == name
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert fonts.current_font() == fonts.find_hangul_font()
    assert fonts.use_korean_font() == name   # idempotent


def test_saving_korean_figure_raises_no_warning():
    fonts.use_korean_font()
    fig = Figure()
    ax = fig.subplots()
    ax.plot([-3, -1, 2])                       # negative tick labels: needs unicode_minus=False
    ax.set_title("손실 곡선: 한글 제목")
    ax.set_xlabel("에포크")
    ax.text(0.5, 0.5, "최종 손실 = 1.234e-03")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    assert buf.getvalue()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_registration_hangul_warns():
    # The failure the module prevents: the plain default font warns about missing glyphs.
    fig = Figure()
    fig.text(0.5, 0.5, "한글", family="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    assert any("missing from font" in str(w.message) for w in caught)


def test_missing_font_gives_install_instructions(monkeypatch):
    import pytest
    monkeypatch.setattr(fonts, "_candidates", lambda: ["/nonexistent/NoHangul.ttf"])
    monkeypatch.setattr(fonts, "_state", {"path": None, "name": None, "done": False})
    family = list(matplotlib.rcParams["font.family"])
    with pytest.warns(RuntimeWarning, match=r"apt-get install fonts-nanum.*koreanize-matplotlib"):
        assert fonts.use_korean_font() is None
    assert list(matplotlib.rcParams["font.family"]) == family      # rcParams left alone
