"""The exercise cells of the chapters, and CI's second run of them with the solutions injected.

nbval runs every notebook as shipped (the stubs untouched: each check says "아직 풀지 않았습니다" and
nothing errors). This file adds, for every chapter 1-10:

- structure: each exercise of the chapter appears exactly once, as the stub cell ``exercise.stub()``
  followed by its check cell, after one ``from honggong import exercises`` cell; the stub and the
  model answer (the stub with ``exercise.solution`` injected between the markers) are the same text
  outside the marked lines, so the two versions cannot drift; ``tools/exercise_cells.py --check``
  finds every .md up to date;
- the double run, in a real kernel (nbclient): the chapter's exercise cells (they are self-contained:
  each stub imports what it uses, each check needs only the import cell) run once as shipped — every
  check reports not done, no error, no stderr — and once with the solutions injected into the marked
  lines — every check shows ✅. Only the exercise cells run here, not the whole chapter a second time
  (nbval already ran it), which keeps this at a few seconds per chapter.
"""
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from honggong import exercises
from honggong.exercises import core

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = {int(p.name[:2]): p for p in sorted(NOTEBOOKS.glob("[01][0-9]_*.ipynb")) if 1 <= int(p.name[:2]) <= 10}
IMPORT = "from honggong import exercises"


def code_cells(path):
    return [c for c in nbformat.read(str(path), as_version=4).cells if c.cell_type == "code"]


def inject(stub_source, solution):
    """Replace the lines between the markers of a stub cell by ``solution`` (indented like the markers)."""
    lines = stub_source.split("\n")
    begin = next(i for i, line in enumerate(lines) if line.strip() == core.BEGIN)
    end = next(i for i, line in enumerate(lines) if line.strip() == core.END)
    indent = lines[begin][: len(lines[begin]) - len(lines[begin].lstrip())]
    body = [indent + line if line else line for line in solution.split("\n")]
    return "\n".join(lines[: begin + 1] + body + lines[end:])


def outside_markers(source):
    lines = source.split("\n")
    begin = next(i for i, line in enumerate(lines) if line.strip() == core.BEGIN)
    end = next(i for i, line in enumerate(lines) if line.strip() == core.END)
    return lines[: begin + 1] + lines[end:]


def exercise_cells(number):
    """[(exercise, stub cell source, check cell source)] in notebook order, checking the structure."""
    cells = code_cells(CHAPTERS[number])
    sources = [c.source for c in cells]
    found = []
    for i, source in enumerate(sources):
        m = re.match(r"# 연습 (ch\d\d-[a-z0-9-]+):", source)
        if m:
            exercise = exercises.get(m.group(1))
            assert i + 1 < len(sources) and sources[i + 1] == exercise.check_cell(), \
                f"{CHAPTERS[number].name}: the cell after the stub of {exercise.id} must be {exercise.check_cell()!r}"
            found.append((exercise, source, sources[i + 1]))
    return sources, found


def test_every_chapter_1_to_10_exists():
    assert sorted(CHAPTERS) == list(range(1, 11))


@pytest.mark.parametrize("number", range(1, 11))
def test_chapter_holds_each_of_its_exercises_once(number):
    sources, found = exercise_cells(number)
    assert [e.id for e, _, _ in found] == exercises.ids(number)
    assert sources.count(IMPORT) == 1
    assert sources.index(IMPORT) < sources.index(found[0][1])
    for exercise, stub, _ in found:
        assert stub == exercise.stub().rstrip("\n"), f"{exercise.id}: run tools/exercise_cells.py, then finalize"


@pytest.mark.parametrize("number", range(1, 11))
def test_stub_and_injected_solution_match_outside_the_marked_lines(number):
    _, found = exercise_cells(number)
    for exercise, stub, _ in found:
        solved = inject(stub, exercise.solution)
        assert outside_markers(solved) == outside_markers(stub)
        assert solved == exercise.solution_cell().rstrip("\n")
        assert core.STUB_BODY in stub and core.STUB_BODY not in solved


def test_chapter_0_shows_the_progress_dashboard():
    sources = [c.source for c in code_cells(NOTEBOOKS / "00_start.ipynb")]
    assert "from honggong import progress\nprogress.show()" in sources


def test_markdown_sources_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "exercise_cells.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _texts(cell):
    out = []
    for output in cell.outputs:
        if output.output_type == "stream":
            out.append((output.name, output.text))
        elif output.output_type in ("display_data", "execute_result"):
            out.append(("data", output.data.get("text/plain", "")))
        elif output.output_type == "error":
            out.append(("error", f"{output.ename}: {output.evalue}"))
    return out


@pytest.mark.parametrize("number", range(1, 11))
def test_exercise_cells_run_as_shipped_and_with_the_solutions(number):
    from nbclient import NotebookClient

    _, found = exercise_cells(number)
    cells = [nbformat.v4.new_code_cell(IMPORT)]
    for _exercise, stub, check in found:                      # 1st run: as shipped
        cells += [nbformat.v4.new_code_cell(stub), nbformat.v4.new_code_cell(check)]
    for exercise, stub, check in found:                       # 2nd run: solutions injected
        cells += [nbformat.v4.new_code_cell(inject(stub, exercise.solution)), nbformat.v4.new_code_cell(check)]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, kernel_name="python3", timeout=60, allow_errors=True).execute()
    n = len(found)
    shipped, solved = nb.cells[1:1 + 2 * n], nb.cells[1 + 2 * n:]
    for k, (exercise, _, _) in enumerate(found):
        for cell in (shipped[2 * k], solved[2 * k]):          # the stub cells only define a function
            assert _texts(cell) == [], (exercise.id, _texts(cell))
        as_shipped = _texts(shipped[2 * k + 1])
        assert len(as_shipped) == 1 and as_shipped[0][0] == "data", (exercise.id, as_shipped)
        assert as_shipped[0][1].startswith(f"✏️ {core.NOT_DONE} ({exercise.id}"), as_shipped
        with_solution = _texts(solved[2 * k + 1])
        assert len(with_solution) == 1 and with_solution[0][0] == "data", (exercise.id, with_solution)
        assert with_solution[0][1].startswith("✅ 정답입니다!"), (exercise.id, with_solution)
