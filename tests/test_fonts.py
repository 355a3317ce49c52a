"""Tests for honggong.fonts: a Hangul font is registered and Korean text renders without warnings.

Search order (Debian fonts-nanum -> system fonts via matplotlib's font list -> the pip dependency
koreanize-matplotlib), with the Debian fonts hidden in a subprocess; bad font settings; superscripts as
mathtext; and no glyph of any honggong figure text missing from the fonts in use.
"""
import io
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

import matplotlib
from matplotlib import ft2font
from matplotlib.figure import Figure

from honggong import fonts
from honggong.checks import HonggongWarning


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


def test_search_order_starts_with_the_debian_package():
    assert fonts.find_hangul_font() == fonts.DEBIAN_FONTS[0] == "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"


def test_system_font_list_is_the_second_place(monkeypatch):
    monkeypatch.setattr(fonts, "DEBIAN_FONTS", ())
    path = fonts.find_hangul_font()
    names = {e.fname: e.name for e in matplotlib.font_manager.fontManager.ttflist}
    assert names[path] == "NanumGothic"        # first of SYSTEM_FAMILIES present in the font list


def test_pip_dependency_ships_a_hangul_font():
    path, why = fonts._pip_package()
    assert why is None and Path(path).name == "NanumGothic.ttf" and "koreanize_matplotlib" in path
    assert fonts.has_hangul(path)


HIDDEN = r"""
import io, json, sys, warnings
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager as fm
# a font manager that never saw /usr/share/fonts: what Windows, macOS or Colab without Korean fonts have
fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if not f.fname.startswith("/usr/share/fonts")]
fm.FontManager._findfont_cached.cache_clear()
from honggong import fonts
fonts.DEBIAN_FONTS = ()
warnings.simplefilter("error")
from honggong import plots
from honggong.datasets import fashion_mnist
fig = plots.plot_surface("bowl")
fig.axes[0].set_xlabel(" ".join(fashion_mnist.CLASS_NAMES_KO) + " -1")
fig.savefig(io.BytesIO(), format="png")
print(json.dumps({"name": matplotlib.rcParams["font.family"][0], "path": fonts.current_font(),
                  "tried": fonts._state["tried"], "title": fig.axes[0].get_title()}))
"""


def test_with_the_debian_fonts_hidden_the_pip_font_renders_korean(tmp_path):
    env = dict(os.environ, MPLCONFIGDIR=str(tmp_path / "mpl"))
    run = subprocess.run([sys.executable, "-c", HIDDEN], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0 and run.stderr == "", run.stderr[-2000:]      # no glyph warning at all
    out = json.loads(run.stdout)
    assert out["name"] == "NanumGothic" and out["path"].endswith("koreanize_matplotlib/fonts/NanumGothic.ttf")
    assert out["tried"][0].startswith("Debian package fonts-nanum: not found")
    assert out["tried"][1].startswith("installed system fonts (matplotlib's font list): none of")
    assert out["title"] == "f(x, y) = x$^{2}$/20 + y$^{2}$"


def test_no_hangul_font_anywhere_names_every_place_tried(monkeypatch):
    monkeypatch.setattr(fonts, "STEPS", tuple((label, lambda label=label: (None, f"nothing for {label}"))
                                              for label, _ in fonts.STEPS))
    monkeypatch.setattr(fonts, "_state", {"path": None, "name": None, "done": False, "tried": []})
    monkeypatch.delenv("HONGGONG_FONT", raising=False)
    family = list(matplotlib.rcParams["font.family"])
    with pytest.warns(HonggongWarning) as caught:
        assert fonts.use_korean_font() is None
    text = str(caught[0].message)
    assert ("Tried: 1. Debian package fonts-nanum: nothing for Debian package fonts-nanum; "
            "2. installed system fonts (matplotlib's font list): nothing for") in text
    assert "3. pip dependency koreanize-matplotlib" in text
    assert text.splitlines()[-1].startswith("해결: `pip install koreanize-matplotlib`")
    assert list(matplotlib.rcParams["font.family"]) == family      # rcParams left alone


def test_explicit_font_is_used_or_refused_with_what_exists():
    try:
        assert fonts.use_korean_font("NanumMyeongjo") == "NanumMyeongjo"
        assert matplotlib.rcParams["font.family"] == ["NanumMyeongjo", "DejaVu Sans"]
        with pytest.raises(fonts.FontSettingError) as err:
            fonts.use_korean_font("Malgun Gothc")
        text = str(err.value)
        assert "no font family named 'Malgun Gothc' in matplotlib's font list" in text
        assert "Hangul fonts here:" in text and "NanumGothic" in text and "\n해결: " in text
        dejavu = matplotlib.font_manager.findfont("DejaVu Sans")
        with pytest.raises(fonts.FontSettingError, match="has no Hangul glyphs"):
            fonts.use_korean_font(dejavu)
        with pytest.raises(fonts.FontSettingError, match="no such font file: /nowhere/Font.ttf"):
            fonts.use_korean_font("/nowhere/Font.ttf")
    finally:
        fonts.use_korean_font(force=True)
    assert matplotlib.rcParams["font.family"][0] == "NanumGothic"


def test_bad_font_environment_setting_warns_and_falls_back(monkeypatch):
    monkeypatch.setenv("HONGGONG_FONT", "Comic Hangul")
    try:
        with pytest.warns(HonggongWarning, match=r"\$HONGGONG_FONT='Comic Hangul' cannot be used \(no font family "
                                                 r"named 'Comic Hangul'.*\); using '/usr/share/fonts/truetype/nanum/"
                                                 r"NanumGothic.ttf' from the automatic search instead"):
            assert fonts.use_korean_font(force=True) == "NanumGothic"
        monkeypatch.setenv("HONGGONG_FONT", "NanumBarunGothic")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert fonts.use_korean_font(force=True) == "NanumBarunGothic"
    finally:
        monkeypatch.delenv("HONGGONG_FONT")
        fonts.use_korean_font(force=True)


@pytest.mark.parametrize("text, expected", [
    ("f(x, y) = x²/20 + y²", "f(x, y) = x$^{2}$/20 + y$^{2}$"),
    ("β₁ = 0.9, 10⁻³", "β$_{1}$ = 0.9, 10$^{-3}$"),
    ("손실 곡선", "손실 곡선"),
    (r"$x^2$ 그대로", r"$x^2$ 그대로"),
])
def test_math_text_turns_super_and_subscripts_into_mathtext(text, expected):
    assert fonts.math_text(text) == expected


def test_nanum_draws_superscripts_small_which_is_why_mathtext_is_used():
    # NanumGothic *has* a glyph for '²' (so no per-glyph fallback happens) but it is a small mark:
    # its ink is about 2/3 as tall as DejaVu Sans' '²' at the same size. mathtext uses matplotlib's math font.
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path as MplPath
    from matplotlib.textpath import TextPath

    def ink_height(family):
        path = TextPath((0, 0), "²", size=100, prop=FontProperties(family=family))
        ys = path.vertices[path.codes != MplPath.CLOSEPOLY, 1]
        return ys.max() - ys.min()
    assert ink_height("NanumGothic") < 0.7 * ink_height("DejaVu Sans")


def _figure_texts(fig):
    from matplotlib.text import Text
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_no_glyph_of_honggong_figure_texts_is_missing():
    from honggong import keras, plots, surfaces, trajectory
    from honggong.datasets import fashion_mnist, synthetic

    fonts.use_korean_font()
    figures = [plots.plot_surface(name) for name in surfaces.names()]
    runs = [trajectory(keras.optimizers.Adam(learning_rate=0.1), "bowl", steps=5),
            trajectory(keras.optimizers.SGD(learning_rate=1.1), "bowl", steps=20)]
    figures += [plots.plot_trajectories(runs), plots.plot_loss_steps(runs), plots.plot_activations(),
                plots.plot_losses(),
                plots.plot_history({"loss": [1.0, 0.5, 0.6], "accuracy": [0.5, 0.8, 0.7],
                                    "val_loss": [1.1, 0.7, 0.8], "val_accuracy": [0.4, 0.7, 0.6]}),
                plots.plot_images(np.zeros((10, 28, 28), np.uint8), labels=np.arange(10), predictions=np.arange(10)[::-1]),
                plots.plot_confusion_matrix(np.arange(10), np.arange(10)[::-1])]
    x, y = synthetic.moons(20, noise=0.1, seed=0)
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2, activation="softmax")])
    figures.append(plots.plot_decision_boundary(model, x, y, resolution=20))
    texts = [t for fig in figures for t in _figure_texts(fig)]
    assert "f(x, y) = x$^{2}$/20 + y$^{2}$" in texts and any("앵클 부츠" in t for t in texts)
    missing = {t: fonts.missing_glyphs(t) for t in texts if fonts.missing_glyphs(t)}
    assert missing == {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")            # "Glyph ... missing from font(s)" would fail here
        for fig in figures:
            fig.savefig(io.BytesIO(), format="png")
