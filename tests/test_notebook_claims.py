"""Claim convention (docs/NOTEBOOKS.md, "Claims are backed by the run"): a measured number in a
chapter's prose — a decimal like 0.3425, a percentage like 13%, a power like 3e-4 — must appear in the
same notebook either in the text output of a `# NBVAL_CHECK_OUTPUT` cell or in a code cell's source
(an `assert` with its tolerance, or the setting that produced it). Then a change in training that flips
the number fails CI (nbval compares the output, or the assert raises) instead of leaving the text lying.

Integers are not checked (counts, epochs and shapes are everywhere in code); claims about outcomes
("멈춘다", "0에 몰린다") are backed by assert cells by hand, see the convention.
"""
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
NUMBER = re.compile(r"(?<![\w.^_{\\])(\d+\.\d+|\d+(?:\.\d+)?%|\d+(?:\.\d+)?e-?\d+)(?![\w.])")
PROMPT_HEADING = "직접 해보기"       # numbers to try in a prompt are suggestions, not claims

# Numbers in prose that are not outcomes of this notebook's run (each with its reason).
NOT_A_RUN = {
    ("06_fashion_mnist", "0.82"): "the book's SGDClassifier cross-validation score, quoted from the book",
}


def prose(markdown):
    """Markdown without math, inline code and link targets (numbers there are formulas or code)."""
    text = re.sub(r"\$\$.*?\$\$", " ", markdown, flags=re.S)
    text = re.sub(r"\$[^$\n]*\$", " ", text)
    text = re.sub(r"`[^`\n]*`", " ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def spellings(number):
    """The ways a backing cell may write `number`: as is, and a percentage as a fraction."""
    forms = {number}
    if number.endswith("%"):
        forms.add(f"{float(number[:-1]) / 100:g}")
    return forms


def backing_text(nb):
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts.append(cell.source)
        if cell.source.lstrip().startswith(CHECK_MARK):
            for output in cell.get("outputs", []):
                parts.append(output.get("text", "") if output.output_type == "stream"
                             else str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def unbacked_numbers(nb, chapter):
    backing = backing_text(nb)
    missing = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or PROMPT_HEADING in cell.source:
            continue
        for match in NUMBER.finditer(prose(cell.source)):
            number = match.group(1)
            if (chapter, number) in NOT_A_RUN or any(form in backing for form in spellings(number)):
                continue
            missing.append(number)
    return missing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_prose_numbers_are_backed_by_the_run(path):
    missing = unbacked_numbers(nbformat.read(str(path), as_version=4), path.stem)
    assert not missing, (
        f"{path.name}: the prose states {missing} but no checked output or code cell of the notebook has it. "
        "Print it in a # NBVAL_CHECK_OUTPUT cell, or assert it with a tolerance "
        "(e.g. assert abs(test_mae - 47.5) < 1.5), see docs/NOTEBOOKS.md")


def test_the_rule_catches_an_unbacked_number_and_accepts_backed_ones():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("테스트 MAE는 47.5쯤, 선형 회귀는 46.5, 비율은 13%, 오차 3.1e-04, 식 $0.25^n$"),
        nbformat.v4.new_code_cell("assert abs(test_mae - 47.5) < 1.5 and abs(small - 0.13) < 0.03"),
        nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(err)", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="오차 3.1e-04\n")]),
        nbformat.v4.new_code_cell("print(linear_mae)", outputs=[           # not checked: does not count
            nbformat.v4.new_output("stream", name="stdout", text="46.5\n")]),
        nbformat.v4.new_markdown_cell("### 직접 해보기\n- 학습률을 0.37로 바꿔 보세요."),
    ])
    assert unbacked_numbers(nb, "99_test") == ["46.5"]
