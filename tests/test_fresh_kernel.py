"""Issue 10 item 4: a chapter runs in a kernel where honggong is not installed (as on Colab).

A fresh virtual environment outside the repository gets only ipykernel + nbclient. Chapters 0 and 2 are
copied into an empty folder and executed there with nbclient, one after the other. Chapter 0's first code
cell finds no honggong and `%pip install`s it from HONGGONG_INSTALL_SOURCE, here a wheel built from this
checkout (on Colab the cell's default, pyproject.toml's `[tool.honggong] install-source`, applies); then
the chapter runs to the end (Fashion-MNIST, Korean font, quizzes). In chapter 2 honggong is installed
now, so the same cell does nothing (no output); an install that fails stops in that cell with a clear
message. Both chapters' checked outputs equal the stored ones, no
other cell writes to stderr, honggong is imported from the venv (not the repository), and every widget
made is a core ipywidgets widget (no third-party widget front end: only those work in Colab's widget
manager).
"""
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
INSTALLS, INSTALLED = "00_start.ipynb", "02_activations.ipynb"
CORE_WIDGET_MODULES = {"@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output"}
LEFT_OUT = ("notebooks/", "tests/", "benchmarks/", "docs/")

PROBE = """\
import json, sys, honggong
from ipywidgets.widgets import widget as _w
_made = getattr(_w, "_instances", None) or getattr(_w.Widget, "widgets", {})
print(json.dumps({"prefix": sys.prefix, "honggong": honggong.__file__,
                  "widget_modules": sorted({w._model_module for w in _made.values()})}))"""

DRIVER = """\
import json, sys, time, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
nb.cells.append(nbformat.v4.new_code_cell(sys.argv[2]))
start = time.perf_counter()
NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": "."}}).execute()
nb.metadata["seconds"] = time.perf_counter() - start
nbformat.write(nb, sys.argv[1])
"""


def build_wheel(out):
    """A wheel of this checkout, built from a copy of the tracked files (keeps build/ out of the tree)."""
    src = out / "src"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for rel in files.splitlines():
        if rel.startswith(LEFT_OUT) or not (ROOT / rel).is_file():
            continue
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)],
                   check=True, capture_output=True, text=True)
    (wheel,) = out.glob("honggong-*.whl")
    return wheel


def make_venv(venv, *requirements):
    """A fresh virtual environment at `venv` with `requirements` pip-installed (pip resolves their
    dependencies, from the local pip cache / wheelhouse when it can); returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *map(str, requirements)],
                   check=True, capture_output=True, text=True)
    return py


def test_chapter_runs_in_a_fresh_venv_via_its_install_cell(tmp_path):
    t0 = time.perf_counter()
    wheel = build_wheel(tmp_path / "wheel")
    venv = tmp_path / "venv"
    py = make_venv(venv, "ipykernel", "nbclient")
    work = tmp_path / "empty"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MPLBACKEND", "VIRTUAL_ENV")}
    env.update(HONGGONG_INSTALL_SOURCE=str(wheel), PIP_DISABLE_PIP_VERSION_CHECK="1",
               JUPYTER_PATH=str(venv / "share" / "jupyter"), JUPYTER_DATA_DIR=str(tmp_path / "jupyter"),
               MPLCONFIGDIR=str(tmp_path / "mpl"), PATH=f"{venv / 'bin'}:{env.get('PATH', '')}")
    missing = subprocess.run([str(py), "-c", "import importlib.util as u; print(u.find_spec('honggong'))"],
                             cwd=work, env=env, capture_output=True, text=True, check=True)
    assert missing.stdout.strip() == "None"      # really a kernel without honggong
    setup_s = time.perf_counter() - t0

    (work / "run.py").write_text(DRIVER)
    # An install that fails (here: no such wheel) stops at the install cell with a clear message,
    # instead of a bare "No module named 'honggong'" in the next cell.
    first = nbformat.v4.new_notebook(cells=[next(c for c in nbformat.read(
        str(ROOT / "notebooks" / INSTALLS), as_version=4).cells if c.cell_type == "code")])
    nbformat.write(first, str(work / "install_only.ipynb"))
    bad = subprocess.run([str(py), "run.py", "install_only.ipynb", "print(1)"], cwd=work, capture_output=True,
                         text=True, timeout=300, env=dict(env, HONGGONG_INSTALL_SOURCE=str(tmp_path / "none.whl")))
    assert bad.returncode != 0
    assert "honggong could not be installed. Expected a module after %pip install" in bad.stderr, bad.stderr[-2000:]
    assert "해결: 위 pip 메시지(인터넷 연결, 주소)를 확인하고 이 셀을 다시 실행하세요." in bad.stderr
    seconds = {}
    for chapter in (INSTALLS, INSTALLED):
        shutil.copy(ROOT / "notebooks" / chapter, work / chapter)
        run = subprocess.run([str(py), "run.py", chapter, PROBE], cwd=work, env=env, capture_output=True,
                             text=True, timeout=900)
        assert run.returncode == 0, f"{chapter} failed in the fresh venv:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
        ran = nbformat.read(str(work / chapter), as_version=4)
        seconds[chapter] = ran.metadata["seconds"]
        check_run(chapter, ran, venv)

        install = next(c for c in ran.cells if c.cell_type == "code")
        assert "HONGGONG_INSTALL_SOURCE" in install.source
        stdout = "".join(o.get("text", "") for o in install.outputs if o.output_type == "stream")
        if chapter == INSTALLS:
            assert "you may need to restart the kernel" in stdout     # %pip ran (its closing note)
        else:
            assert install.outputs == []                               # installed: the cell does nothing

    labext = venv / "share" / "jupyter" / "labextensions"
    front_ends = sorted(str(p.relative_to(labext)) for p in labext.glob("*/*/package.json")) + \
        sorted(str(p.relative_to(labext)) for p in labext.glob("[!@]*/package.json"))
    assert front_ends == ["@jupyter-widgets/jupyterlab-manager/package.json"], front_ends
    print(f"\n[fresh venv] wheel + venv + ipykernel/nbclient {setup_s:.1f} s; {INSTALLS} incl. %pip install "
          f"{seconds[INSTALLS]:.1f} s; {INSTALLED} {seconds[INSTALLED]:.1f} s; "
          f"total {time.perf_counter() - t0:.1f} s")


def check_run(chapter, ran, venv):
    """honggong came from the venv, only core widgets were made, the checked outputs are the stored
    ones and no cell after the install cell wrote to stderr."""
    stored = nbformat.read(str(ROOT / "notebooks" / chapter), as_version=4)
    probe = json.loads(ran.cells[-1].outputs[0]["text"])
    assert Path(probe["prefix"]).resolve() == venv.resolve()
    assert Path(probe["honggong"]).resolve().is_relative_to((venv / "lib").resolve()), probe["honggong"]
    assert probe["widget_modules"] and set(probe["widget_modules"]) <= CORE_WIDGET_MODULES, probe
    for i, (cell, want) in enumerate(zip(ran.cells[2:], stored.cells[2:]), start=2):
        if cell.cell_type != "code":
            continue
        errors = [o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]
        assert errors == [], f"{chapter} cell {i} wrote to stderr in the fresh venv: {errors}"
        if want.outputs:   # a # NBVAL_CHECK_OUTPUT cell: the same text as the stored run
            assert text_of(cell) == text_of(want), (chapter, i)


def text_of(cell):
    """(stdout, [text/plain of each result]) of a cell: stream chunks may be split differently."""
    return ("".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream"),
            [o["data"].get("text/plain") for o in cell.outputs if o.output_type != "stream"])
