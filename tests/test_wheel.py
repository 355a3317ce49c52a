"""Issue 10 item 1: a real package. The wheel and the sdist carry everything honggong reads at run time.

The wheel is built from the tracked files, installed with its dependencies (pip, from the local pip
cache / wheelhouse where it can; no ``--no-deps``, no ``--system-site-packages``: a missing dependency
or data file must show) into a fresh virtual environment in a temp folder outside the repository. From
an empty folder, as a learner would, it loads Fashion-MNIST (from the Debian package
dataset-fashion-mnist) and the diabetes table, asks a quiz question (text fallback, no widgets front
end), draws a Korean figure and checks the Hangul glyphs come from a Hangul font (also with the Debian
fonts hidden: then the font of the koreanize-matplotlib dependency inside the venv), and fits, saves
and loads a model. The dataset cache lands in the per-user cache, never in site-packages.
"""
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from test_fresh_kernel import ROOT, build_wheel, make_venv

RUNTIME_DATA = {"honggong/datasets/data/registry.json", "honggong/datasets/data/diabetes.csv",
                *(f"honggong/quiz/banks/ch{n:02d}.json" for n in range(12))}

LEARNER = r"""
import io, json, os, sys, warnings
from pathlib import Path
import numpy as np
import matplotlib
matplotlib.use("Agg")
warnings.simplefilter("error")                 # a missing glyph or any other warning fails the run
hide_debian_fonts = sys.argv[1] == "hide-debian-fonts"
if hide_debian_fonts:
    from matplotlib import font_manager as fm
    fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if not f.fname.startswith("/usr/share/fonts")]
    fm.FontManager._findfont_cached.cache_clear()
    import honggong.fonts
    honggong.fonts.DEBIAN_FONTS = ()
import honggong
from honggong import fonts, keras, plots, quiz
from honggong.datasets import fashion_mnist, regression
out = {"honggong": honggong.__file__, "cwd_files_before": sorted(os.listdir("."))}

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
out["fashion"] = [list(x_train.shape), int(x_test.sum(dtype=np.int64)), np.bincount(y_train).tolist()]
(dx, dy), (tx, ty) = regression.load_diabetes()
out["diabetes"] = [list(dx.shape), list(tx.shape), float(dy.sum()), float(ty.sum())]

q = quiz.ask("ch03", 1)                        # printed as text: no Jupyter front end here
out["quiz"] = [type(q).__name__, q.check(100480), q.check(1010)]

fig = plots.plot_surface("bowl")
fig.axes[0].set_xlabel("한글 축 이름: " + ", ".join(fashion_mnist.CLASS_NAMES_KO))
fig.savefig("korean.png")
out["font"] = fonts.current_font()
out["font_has_hangul"] = fonts.has_hangul(out["font"])
out["missing_glyphs"] = fonts.missing_glyphs(fig.axes[0].get_xlabel() + fig.axes[0].get_title())

keras.utils.set_random_seed(42)
model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                          keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10, activation="softmax")])
model.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x_train[:2000] / 255.0, y_train[:2000], epochs=2, verbose=0)
model.save("model.keras")
again = keras.models.load_model("model.keras")
out["fit"] = [len(history.history["loss"]), history.history["accuracy"][-1]]
out["same_predictions"] = bool(np.array_equal(model.predict(x_test[:50] / 255.0, verbose=0),
                                              again.predict(x_test[:50] / 255.0, verbose=0)))
out["cwd_files_after"] = sorted(os.listdir("."))
print("RESULT " + json.dumps(out))
"""


def _install_venv(tmp, wheel):
    venv = tmp / "venv"
    # pip resolves the dependencies itself (numpy, matplotlib, ipywidgets, threadpoolctl, koreanize-matplotlib)
    # from the local wheelhouse / pip cache when it has them, else from PyPI.
    return venv, make_venv(venv, wheel)


def _learner_env(tmp, venv):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "MPLBACKEND", "VIRTUAL_ENV", "HONGGONG_DATA", "HONGGONG_FONT")}
    env.update(HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"), MPLCONFIGDIR=str(tmp / "mpl"),
               PATH=f"{venv / 'bin'}:{env.get('PATH', '')}")
    return env


def _run_learner(py, tmp, venv, mode):
    work = tmp / f"empty-{mode}"
    work.mkdir()
    run = subprocess.run([str(py), "-c", LEARNER, mode], cwd=work, env=_learner_env(tmp, venv),
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{mode}:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    assert run.stderr == "", run.stderr[-3000:]
    line = next(l for l in run.stdout.splitlines() if l.startswith("RESULT "))
    return json.loads(line[len("RESULT "):]), run.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(wheel, seconds to build it, the copy of the tracked files it was built from)."""
    out = tmp_path_factory.mktemp("wheel")
    t0 = time.perf_counter()
    wheel = build_wheel(out)
    return wheel, time.perf_counter() - t0, out / "src"


def test_wheel_and_sdist_carry_the_runtime_data(built, tmp_path):
    wheel, _, src = built
    names = set(zipfile.ZipFile(wheel).namelist())
    assert RUNTIME_DATA <= names, sorted(RUNTIME_DATA - names)
    assert not any(n.startswith(("datasets/", "tests/", "notebooks/")) for n in names)
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "Requires-Dist: koreanize-matplotlib>=0.1.1" in meta
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path / "sdist"), str(src)],
                   check=True, capture_output=True, text=True)
    (name,) = [p.name for p in (tmp_path / "sdist").glob("honggong-*.tar.gz")]
    with tarfile.open(tmp_path / "sdist" / name) as sdist:
        members = {m.split("/", 1)[1] for m in sdist.getnames() if "/" in m}
    assert RUNTIME_DATA <= members, sorted(RUNTIME_DATA - members)


def test_a_learner_runs_honggong_from_the_wheel_in_a_fresh_venv(built, tmp_path):
    wheel, build_s, _ = built
    t_wheel = time.perf_counter()
    venv, py = _install_venv(tmp_path, wheel)
    t_venv = time.perf_counter()
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()

    out, stdout = _run_learner(py, tmp_path, venv, "system-fonts")
    t_run = time.perf_counter()
    assert Path(out["honggong"]).resolve().is_relative_to(Path(site).resolve())
    assert not Path(out["honggong"]).resolve().is_relative_to(ROOT)
    assert out["cwd_files_before"] == []
    assert out["fashion"] == [[60000, 28, 28], 573469082, [6000] * 10]
    assert out["diabetes"] == [[354, 10], [88, 10], 53768.0, 13475.0]
    assert out["quiz"] == ["Numeric", True, False]
    assert "[ch03 Dense와 Flatten · 문제 1/5]" in stdout and "✅ 정답입니다!" in stdout
    assert out["font"] == "/usr/share/fonts/truetype/nanum/NanumGothic.ttf" and out["font_has_hangul"]
    assert out["missing_glyphs"] == []
    assert out["fit"][0] == 2 and out["fit"][1] > 0.6 and out["same_predictions"]
    assert out["cwd_files_after"] == ["korean.png", "model.keras"]
    cache = tmp_path / "cache" / "honggong" / "fashion_mnist"          # the per-user cache, not site-packages
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"])
    assert not list(Path(site).rglob("*idx3-ubyte*"))

    hidden, _ = _run_learner(py, tmp_path, venv, "hide-debian-fonts")
    assert Path(hidden["font"]).resolve().is_relative_to(Path(site).resolve())
    assert hidden["font"].endswith("koreanize_matplotlib/fonts/NanumGothic.ttf") and hidden["font_has_hangul"]
    assert hidden["missing_glyphs"] == [] and hidden["same_predictions"]
    print(f"\n[wheel] build {build_s:.1f} s, venv + pip install with deps {t_venv - t_wheel:.1f} s, "
          f"learner run {t_run - t_venv:.1f} s, second run (fonts hidden) {time.perf_counter() - t_run:.1f} s, "
          f"total {build_s + time.perf_counter() - t_wheel:.1f} s")
