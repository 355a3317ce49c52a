"""Structure rules for the notebook series (docs/NOTEBOOKS.md).

Checks every chapter notebook that exists; `test_all_chapters_exist` fails until all eleven are
written (intended: it shows which chapters are still missing). The pair, output, size, kernelspec,
inline-backend, install-cell and clear_session rules are in tools/check_notebooks.py
(tests/test_check_notebooks.py).
"""
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = [
    "00_start.ipynb",
    "01_tensors.ipynb",
    "02_activations.ipynb",
    "03_dense_flatten.ipynb",
    "04_losses.ipynb",
    "05_optimizers.ipynb",
    "06_fashion_mnist.ipynb",
    "07_training_tools.ipynb",
    "08_regularization.ipynb",
    "09_regression.ipynb",
    "10_backprop.ipynb",
    "11_keras.ipynb",
]
EXISTING = [name for name in CHAPTERS if (NOTEBOOKS / name).exists()]
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
WIDGET_CALL = re.compile(r"\bwidgets\.\w+\(|\binteract(ive)?(_manual)?\(|\binteractive_output\(")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def load(name):
    return nbformat.read(str(NOTEBOOKS / name), as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def is_checked(cell):
    return cell.source.lstrip().startswith(CHECK_MARK)


def is_quiz(cell):
    return "quiz.ask(" in cell.source


def next_target(name):
    i = CHAPTERS.index(name)
    return CHAPTERS[i + 1] if i + 1 < len(CHAPTERS) else "README.md"


def test_all_chapters_exist():
    missing = [name for name in CHAPTERS if name not in EXISTING]
    assert missing == [], f"chapters not written yet: {missing}"


def test_no_stray_notebooks():
    present = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
    assert [p for p in present if p not in CHAPTERS] == []


@pytest.mark.parametrize("name", EXISTING)
def test_title_cell(name):
    first = load(name).cells[0]
    number = int(name[:2])
    assert first.cell_type == "markdown"
    assert re.match(rf"# {number}장\. \S", first.source), first.source.splitlines()[0]


@pytest.mark.parametrize("name", EXISTING)
def test_quiz_cells(name):
    quizzes = [c for c in code_cells(load(name)) if is_quiz(c)]
    assert 3 <= len(quizzes) <= 10, f"{name} has {len(quizzes)} quiz.ask cells, expected 3 to 10"
    assert all("from honggong import quiz" in c.source or "quiz.ask(" in c.source for c in quizzes)


QUIZ_CALL = re.compile(r"""quiz\.ask\(\s*["'](ch\d\d)["']\s*,\s*(\d+)\s*\)""")


@pytest.mark.parametrize("name", EXISTING)
def test_quiz_questions_exist_in_the_chapter_bank(name):
    from honggong import quiz
    asked = [QUIZ_CALL.search(c.source) for c in code_cells(load(name)) if is_quiz(c)]
    assert all(asked), "write quiz cells as quiz.ask(\"chNN\", k)"
    chapter = f"ch{name[:2]}"
    assert {m.group(1) for m in asked} == {chapter}
    numbers = [int(m.group(2)) for m in asked]
    assert len(set(numbers)) == len(numbers), f"{name} asks a question twice: {numbers}"
    assert max(numbers) <= len(quiz.load_bank(chapter))
    # every question of the bank is asked in its chapter (the book's 7-1/7-2 확인 문제 included)
    assert sorted(numbers) == list(range(1, len(quiz.load_bank(chapter)) + 1)), (
        f"{name} asks {sorted(numbers)}, the bank {chapter} has {len(quiz.load_bank(chapter))} questions")


@pytest.mark.parametrize("name", EXISTING)
def test_has_a_widget_cell(name):
    cells = [c for c in code_cells(load(name)) if not is_quiz(c) and WIDGET_CALL.search(c.source)]
    assert len(cells) >= 1, f"{name} has no widget cell (widgets.xxx(...) or interact(...))"


@pytest.mark.parametrize("name", EXISTING)
def test_next_chapter_link(name):
    last_md = [c for c in load(name).cells if c.cell_type == "markdown"][-1].source
    assert "다음 장" in last_md or name == CHAPTERS[-1]
    targets = LINK.findall(last_md)
    want = next_target(name)
    assert want in targets, f"{name}: last markdown cell links to {targets}, expected {want}"
    assert (NOTEBOOKS / want).exists(), f"{name} links to {want}, which does not exist yet"


@pytest.mark.parametrize("name", EXISTING)
def test_current_keras_idioms(name):
    # Keras 3: keras.Input(shape=...) first; input_shape= on a layer is the old form and warns.
    for cell in code_cells(load(name)):
        assert "input_shape=" not in cell.source, cell.source


@pytest.mark.parametrize("name", EXISTING)
def test_figure_cells_end_with_show(name):
    # A bare `plt.plot(...)` at the end of a cell prints a changing repr; end figure cells with plt.show().
    for cell in code_cells(load(name)):
        lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        if lines and re.match(r"\s*plt\.", lines[-1]):
            assert lines[-1].strip() == "plt.show()", lines[-1]


def test_readme_lists_every_chapter():
    readme = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    for name in CHAPTERS:
        lines = [ln for ln in readme.splitlines() if f"]({name})" in ln]
        assert len(lines) == 1, f"README.md should link {name} exactly once, found {len(lines)}"
        summary = LINK.sub("", lines[0]).strip(" |-*")
        assert len(summary) >= 10, f"README.md line for {name} needs a one-line summary"


def test_readme_chapters_in_order():
    readme = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    positions = [readme.find(f"]({name})") for name in CHAPTERS]
    assert positions == sorted(positions)


# --- the widget callbacks do what the prose says (run in-process, no kernel) -------------------

def cell_defining(name, func):
    for cell in code_cells(load(name)):
        if f"def {func}(" in cell.source:
            return cell.source
    raise AssertionError(f"{name} has no cell defining {func}()")


def run_widget_cell(name, func, capsys):
    namespace = {}
    exec("import numpy as np\nfrom honggong import keras\n" + cell_defining(name, func), namespace)
    capsys.readouterr()  # drop whatever displaying the widget printed
    return namespace[func]


def test_ch01_reshape_widget(capsys):
    show_reshape = run_widget_cell("01_tensors.ipynb", "show_reshape", capsys)
    show_reshape(6)
    assert capsys.readouterr().out.splitlines()[0] == "[[ 0  1  2  3]"   # 6 rows of 4
    show_reshape(5)  # 24 is not divisible by 5: a message, not an exception
    assert "reshape(5, -1) 불가능" in capsys.readouterr().out


def test_ch03_parameter_calculator(capsys):
    count = run_widget_cell("03_dense_flatten.ipynb", "count_dense_params", capsys)
    count(100, 10)   # the notes' quiz: 100 x 10 + 10
    out = capsys.readouterr().out
    assert "100 × 10 + 10 = 1,010" in out and "(층이 센 값: 1,010)" in out
    count(784, 100)
    assert "= 78,500" in capsys.readouterr().out


def test_ch00_slider_function(capsys):
    square = run_widget_cell("00_start.ipynb", "square", capsys)
    square(-2.5)
    assert capsys.readouterr().out.strip() == "x = -2.5   x² = 6.25"


# --- tools/finalize_notebooks.py post-processing (no kernel needed) ------------------------------

def finalize_module():
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import finalize_notebooks
    return finalize_notebooks


def executed_notebook():
    v4 = nbformat.v4
    checked = v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1010)\nquiz_like", execution_count=1, outputs=[
        v4.new_output("stream", name="stdout", text="1010\n"),
        v4.new_output("display_data", data={"text/plain": "Q1", "text/html": "<b>Q1</b>",
                                             "application/vnd.jupyter.widget-view+json": {"model_id": "x"}}),
        v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure size 10x10 with 1 Axes>"}),
    ])
    plain = v4.new_code_cell("plot()", execution_count=2, outputs=[
        v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"})])
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# 9장. 시험"), checked, plain])
    nb.metadata["widgets"] = {"state": {}}
    return nb


def test_finalize_keeps_only_checked_text_outputs():
    nb = executed_notebook()
    finalize_module().keep_checked_outputs(nb, "t.ipynb")
    checked, plain = nb.cells[1], nb.cells[2]
    assert [o.output_type for o in checked.outputs] == ["stream", "display_data", "display_data"]
    assert checked.outputs[1]["data"] == {"text/plain": "Q1", "text/html": "<b>Q1</b>"}
    assert checked.outputs[2]["data"] == {"text/plain": "<Figure size 10x10 with 1 Axes>"}
    assert checked.execution_count == 1
    assert plain.outputs == [] and plain.execution_count is None
    assert "widgets" not in nb.metadata
    assert [c["id"] for c in nb.cells] == ["cell-0", "cell-1", "cell-2"]


def test_finalize_rejects_warnings_text_only_figures_and_empty_checked_cells():
    nb = executed_notebook()
    nb.cells[2].outputs.append(nbformat.v4.new_output("stream", name="stderr", text="UserWarning: boo"))
    nb.cells[2].outputs.append(nbformat.v4.new_output(
        "execute_result", execution_count=2, data={"text/plain": "<Figure size 720x360 with 2 Axes>"}))
    nb.cells.append(nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nx = 1", execution_count=3))
    tools = finalize_module()
    with pytest.raises(tools.FinalizeError) as info:
        tools.keep_checked_outputs(nb, "t.ipynb")
    assert "t.ipynb cell 2 wrote to stderr (a warning?): UserWarning: boo" in str(info.value)
    assert "t.ipynb cell 2 shows a Figure as text only (no image/png)" in str(info.value)
    assert "t.ipynb cell 3: # NBVAL_CHECK_OUTPUT cell produced no text output" in str(info.value)
