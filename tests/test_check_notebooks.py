"""tools/check_notebooks.py: every chapter pair is in sync and keeps the rules (no execution), and the
check really fails, naming chapter, cell and fix, on a desynced pair and on each kind of rule break."""
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import check_notebooks as cn  # noqa: E402

CHAPTERS = cn.chapter_paths()
SOURCE = cn.install_source()


def test_every_chapter_has_a_pair():
    assert len(CHAPTERS) >= 11
    for md in CHAPTERS:
        assert md.exists() and md.with_suffix(".ipynb").exists(), md.name


@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_passes_the_check(md):
    problems = cn.check_chapter(md, SOURCE)
    assert problems == [], "\n" + "\n".join(map(str, problems))


def test_install_source_is_the_pyproject_value():
    import tomllib
    with open(ROOT / "pyproject.toml", "rb") as fh:
        want = tomllib.load(fh)["tool"]["honggong"]["install-source"]
    assert SOURCE == want and "honggong" in want


@pytest.mark.parametrize("md", CHAPTERS, ids=lambda p: p.stem)
def test_first_code_cell_installs_from_the_pyproject_source(md):
    for nb in (cn.read_md(md), nbformat.read(str(md.with_suffix(".ipynb")), as_version=4)):
        first = next(c for c in nb.cells if c.cell_type == "code")
        found = cn.INSTALL_SOURCE_LINE.search(first.source)
        assert found and found.group(1) == SOURCE, first.source
        assert '%pip install -q "{install_source}"' in first.source
        assert 'find_spec("honggong") is None' in first.source


def test_install_cell_does_nothing_where_honggong_is_installed(capfd):
    # The cell as IPython runs it: its %pip line only inside the `if`; honggong is installed here.
    from IPython.core.inputtransformer2 import TransformerManager
    code = TransformerManager().transform_cell(cn.install_cell(SOURCE))
    assert "get_ipython().run_line_magic('pip', 'install -q \"{install_source}\"')" in code
    namespace = {"get_ipython": lambda: pytest.fail("the install cell ran %pip with honggong installed")}
    exec(code, namespace)
    assert "install_source" not in namespace
    assert capfd.readouterr() == ("", "")


# --- the check fails on a broken copy ---------------------------------------------------------

@pytest.fixture
def chapter5(tmp_path):
    """A copy of chapter 5's pair in a temporary notebooks/ folder."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for suffix in (".md", ".ipynb"):
        shutil.copy(ROOT / "notebooks" / f"05_optimizers{suffix}", folder)
    md = folder / "05_optimizers.md"
    assert cn.check_chapter(md, SOURCE) == []
    return md


def edit_ipynb(md, change):
    path = md.with_suffix(".ipynb")
    nb = nbformat.read(str(path), as_version=4)
    change(nb)
    nbformat.write(nb, str(path))


def only_problem(md):
    problems = cn.check_chapter(md, SOURCE)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_desynced_pair_names_chapter_cell_and_fix(chapter5):
    text = chapter5.read_text(encoding="utf-8")
    assert "## 1. " in text
    chapter5.write_text(text.replace("## 1. ", "## 1. 오타 ", 1), encoding="utf-8")
    problem = only_problem(chapter5)
    nb = cn.read_md(chapter5)
    edited = next(i for i, c in enumerate(nb.cells) if c.source.startswith("## 1. 오타"))
    assert (problem.chapter, problem.cell) == ("05_optimizers", edited)
    assert "differ in this cell's text" in problem.what and "out of sync" in problem.what
    assert f"tools/finalize_notebooks.py {chapter5.as_posix()}" in problem.fix
    assert f"jupytext --update --to ipynb {chapter5.as_posix()}` (only markdown changed)" in problem.fix
    assert str(problem).startswith(f"05_optimizers cell {edited}: ")


def test_added_cell_in_md_is_reported(chapter5):
    text = chapter5.read_text(encoding="utf-8")
    chapter5.write_text(text.rstrip("\n") + "\n\n```{code-cell} ipython3\nprint(1)\n```\n", encoding="utf-8")
    problem = only_problem(chapter5)
    assert "the .md has" in problem.what and "cells, the .ipynb" in problem.what
    assert "--update" not in problem.fix and "tools/finalize_notebooks.py" in problem.fix


def test_command_line_exits_1_with_the_message(chapter5):
    text = chapter5.read_text(encoding="utf-8")
    chapter5.write_text(text.replace("## 1. ", "## 1. 오타 ", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_notebooks.py"), str(chapter5)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "05_optimizers cell" in run.stderr and "finalize_notebooks.py" in run.stderr
    assert "check_notebooks: 1 problem(s) in 1 chapter(s)" in run.stderr


def first_unchecked_code(nb):
    return next(c for c in nb.cells[2:] if c.cell_type == "code" and not cn.is_checked(c))


def first_checked(nb):
    return next(c for c in nb.cells if cn.is_checked(c))


@pytest.mark.parametrize("breakage, expected", [
    (lambda nb: first_checked(nb).outputs.append(
        nbformat.v4.new_output("stream", name="stderr", text="UserWarning: boo")),
     "wrote to stderr (a warning box for the learner): 'UserWarning: boo'"),
    (lambda nb: first_checked(nb).outputs.append(
        nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"})),
     "stores ['image/png']"),
    (lambda nb: first_unchecked_code(nb).outputs.append(
        nbformat.v4.new_output("stream", name="stdout", text="hi")),
     "stored outputs or an execution count on a cell without # NBVAL_CHECK_OUTPUT"),
    (lambda nb: nb.metadata.update(widgets={"application/vnd.jupyter.widget-state+json": {}}),
     "widget state is stored"),
    (lambda nb: first_checked(nb).update(outputs=[], execution_count=None),
     "# NBVAL_CHECK_OUTPUT cell has no stored output"),
    (lambda nb: first_checked(nb).outputs.append(
        nbformat.v4.new_output("error", ename="ValueError", evalue="boom", traceback=[])),
     "stored an error: ValueError: boom"),
])
def test_rule_breaks_in_the_ipynb_are_reported(chapter5, breakage, expected):
    edit_ipynb(chapter5, breakage)
    problem = only_problem(chapter5)
    assert expected in problem.what
    assert problem.chapter == "05_optimizers"
    assert f"tools/finalize_notebooks.py {chapter5.as_posix()}" in problem.fix


def test_too_big_notebook_is_reported(chapter5):
    edit_ipynb(chapter5, lambda nb: first_checked(nb).outputs.append(
        nbformat.v4.new_output("stream", name="stdout", text="x" * cn.MAX_BYTES)))
    problem = only_problem(chapter5)
    assert problem.cell is None and "bytes (limit 200,000)" in problem.what


def test_wrong_install_source_is_reported(chapter5):
    problems = cn.check_chapter(chapter5, "honggong==9.9")
    assert [p.cell for p in problems] == [1]
    assert f"installs {SOURCE!r}, but pyproject.toml [tool.honggong] install-source is 'honggong==9.9'" \
        in problems[0].what
    assert "--write-install-cell" in problems[0].fix
    assert cn.write_install_cell(chapter5, "honggong==9.9")   # the fix writes both files, no execution
    assert cn.check_chapter(chapter5, "honggong==9.9") == []
    assert not cn.write_install_cell(chapter5, "honggong==9.9")


def test_install_cell_inserted_after_the_title_when_missing(chapter5):
    nb = cn.read_md(chapter5)
    del nb.cells[1]
    import jupytext
    chapter5.write_text(jupytext.writes(nb, fmt="md:myst"), encoding="utf-8")
    edit_ipynb(chapter5, lambda b: b.cells.__delitem__(1))
    problem = only_problem(chapter5)
    assert "the first code cell is not the install cell" in problem.what
    assert cn.write_install_cell(chapter5, SOURCE)
    assert cn.check_chapter(chapter5, SOURCE) == []
    assert cn.read_md(chapter5).cells[1].source == cn.install_cell(SOURCE)


def test_plots_before_inline_backend_is_reported(chapter5):
    text = chapter5.read_text(encoding="utf-8")
    chapter5.write_text(text.replace("%matplotlib inline\n", "", 1), encoding="utf-8")
    edit_ipynb(chapter5, lambda nb: nb.cells[2].update(source=nb.cells[2].source.replace("%matplotlib inline\n", "")))
    problem = only_problem(chapter5)
    assert "before any `%matplotlib inline`" in problem.what and "add `%matplotlib inline`" in problem.fix


# --- clear_session() before a checked summary() -----------------------------------------------

SUMMARY = ("Model: \"sequential\"\n┃ Layer (type) ┃\n│ flatten (Flatten)   │ (None, 784) │ 0 │\n"
           "│ {name} (Dense)   │ (None, 10) │ 7,850 │\n")


def summary_notebook(*sources, name="dense"):
    v4 = nbformat.v4
    cells = [v4.new_markdown_cell("# 9장. 시험")]
    for i, src in enumerate(sources):
        cell = v4.new_code_cell(src)
        if cn.is_checked(cell):
            cell.execution_count = i + 1
            cell.outputs = [v4.new_output("stream", name="stdout", text=SUMMARY.format(name=name))]
        cells.append(cell)
    return v4.new_notebook(cells=cells)


def summary_problems(*sources, name="dense"):
    nb = summary_notebook(*sources, name=name)
    return cn.check_summaries("09_x", Path("notebooks/09_x.md"), nb, "", nb)


MAKE = "model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dense(10)])"
CHECKED_SUMMARY = "# NBVAL_CHECK_OUTPUT\nmodel.summary()"


def test_checked_summary_after_other_layers_needs_clear_session():
    problems = summary_problems("layer = keras.layers.Dense(3)", MAKE, CHECKED_SUMMARY)
    assert len(problems) == 1 and problems[0].cell == 3
    assert "no `keras.backend.clear_session()` since the last model" in problems[0].what
    assert "add `keras.backend.clear_session()`" in problems[0].fix


def test_checked_summary_with_clear_session_or_fresh_session_passes():
    assert summary_problems("keras.backend.clear_session()\n" + MAKE, CHECKED_SUMMARY) == []
    assert summary_problems("keras.layers.Dense(3)", "keras.backend.clear_session()", MAKE, CHECKED_SUMMARY) == []
    assert summary_problems("def model_fn():\n    return keras.Sequential([keras.layers.Dense(1)])",
                            "# NBVAL_CHECK_OUTPUT\nmodel = model_fn()\nmodel.summary()") == []


def test_checked_summary_with_given_names_needs_no_clear_session():
    nb = summary_notebook("keras.layers.Dense(3)", MAKE, CHECKED_SUMMARY)
    nb.cells[-1].outputs[0].text = "│ hidden (Dense)   │ (None, 10) │ 7,850 │\n"
    assert cn.check_summaries("09_x", Path("notebooks/09_x.md"), nb, "", nb) == []


def test_summary_names_must_count_from_the_start():
    problems = summary_problems("keras.backend.clear_session()\n" + MAKE, CHECKED_SUMMARY, name="dense_2")
    assert len(problems) == 1
    assert "shows layer names ['dense_2']: they should count from 'dense'" in problems[0].what
