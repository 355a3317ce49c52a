"""The exercise cells of the chapters, and CI's second run of every chapter with the solutions injected.

CI runs every notebook twice:

1. as shipped, by nbval (``./dev test``: ``pytest ... notebooks``): the stubs untouched, nothing errors,
   nothing writes to stderr, the ``# NBVAL_CHECK_OUTPUT`` cells match. That each shipped check says
   "아직 풀지 않았습니다" follows from two tests that need no kernel: the stub cell in the notebook is
   ``exercise.stub()`` (below) and grading ``exercise.stub()`` gives not_done
   (tests/test_exercises.py::test_untouched_stub_is_not_done);
2. with the reference solutions injected, here: EVERY chapter (00-11, chapter 11 with the Keras of
   the ``bridge`` extra) runs whole, all cells top to bottom, in a real kernel with
   ``tools/nbtools.run_notebook`` (nbclient, as ``tools/finalize_notebooks.py`` runs it), the lines
   between the markers of each stub replaced by ``exercise.solution`` (``inject``). It asserts: no
   cell raises (so every assert cell that backs the prose passes), no cell writes to stderr or shows
   a Figure only as text (``finalize_notebooks.run_problems``), every exercise check cell shows ✅,
   and every ``# NBVAL_CHECK_OUTPUT`` cell's text outputs equal the stored ones as nbval compares them
   (same skipped keys, streams coalesced, tests/nbval_sanitize.cfg applied). A failure names the
   chapter, the cell and the exercise. Chapters run ``HONGGONG_NOTEBOOK_JOBS`` at a time (default 2
   when ``CI`` is set, else 1: a shared developer machine); the per-chapter seconds are printed in
   the terminal summary (tests/conftest.py).

The structure checks: each exercise of the chapter appears exactly once, as the stub cell
``exercise.stub()`` followed by its check cell, after one ``from honggong import exercises`` cell; the
stub and the model answer (the stub with ``exercise.solution`` injected between the markers) are the
same text outside the marked lines, so the two versions cannot drift; ``tools/exercise_cells.py
--check`` finds every .md up to date.
"""
from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from honggong import exercises
from honggong.exercises import core

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = {int(p.name[:2]): p for p in sorted(NOTEBOOKS.glob("[01][0-9]_*.ipynb")) if 1 <= int(p.name[:2]) <= 10}
IMPORT = "from honggong import exercises"
STUB = re.compile(r"# 연습 (ch\d\d-[a-z0-9-]+):")

sys.path.insert(0, str(ROOT / "tools"))
from finalize_notebooks import run_problems  # noqa: E402
from nbtools import is_checked, read_notebook, run_notebook  # noqa: E402


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
        m = STUB.match(source)
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




# --- the second run: every chapter, whole, with the reference solutions injected ---------------

EVERY_CHAPTER = sorted(NOTEBOOKS.glob("[01][0-9]_*.ipynb"))
JOBS = int(os.environ.get("HONGGONG_NOTEBOOK_JOBS", "2" if os.environ.get("CI") else "1"))
CELL_TIMEOUT = 120   # seconds, as tools/finalize_notebooks.py
# What nbval leaves out of the comparison (nbval.plugin.IPyNbFile.skip_compare without --nbdime).
NBVAL_SKIP = ("metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
              "application/vnd.jupyter.widget-view+json", "image/png", "image/jpeg")


@dataclass
class SolvedRun:
    nb: nbformat.NotebookNode                       # executed, solutions injected
    stored: dict                                    # cell index -> stored outputs of a checked cell
    checks: dict                                    # cell index -> exercise of a check cell
    started: float = 0.0
    seconds: float = 0.0
    error: str | None = None                        # a cell raised (nbclient's message and traceback)
    injected: list = field(default_factory=list)    # exercise ids whose solution was injected


def with_solutions(path):
    """The chapter as nbval runs it (the .ipynb) with each stub's marked lines replaced by the reference
    solution (``inject``) and every output cleared; the stored outputs of the checked cells are kept aside."""
    nb = read_notebook(path)
    run = SolvedRun(nb, {}, {})
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_checked(cell):
            run.stored[i] = copy.deepcopy(cell.outputs)
        m = STUB.match(cell.source)
        if m:
            exercise = exercises.get(m.group(1))
            cell.source = inject(cell.source, exercise.solution)
            run.injected.append(exercise.id)
        else:
            run.checks.update({i: e for e in map(exercises.get, run.injected) if cell.source == e.check_cell()})
        cell.outputs, cell.execution_count = [], None
    return run


def run_with_solutions(path) -> SolvedRun:
    run = with_solutions(path)
    from nbclient.exceptions import CellExecutionError
    run.started = time.time()
    try:
        run_notebook(run.nb, path.parent, CELL_TIMEOUT)
    except CellExecutionError as err:
        run.error = str(err)
    run.seconds = time.time() - run.started
    return run


def _sanitizer():
    from nbval.plugin import get_sanitize_patterns
    patterns = get_sanitize_patterns((ROOT / "tests" / "nbval_sanitize.cfg").read_text(encoding="utf-8"))
    return lambda s: s if not isinstance(s, str) else _apply(patterns, s)


def _apply(patterns, s):
    for regex, replace in patterns:
        s = re.sub(regex, replace, s)
    return s


def nbval_view(outputs, sanitize):
    """{key: [values]} of outputs the way nbval compares them (nbval.plugin.IPyNbCell.compare_outputs):
    streams coalesced and keyed by their name, data flattened by MIME type, NBVAL_SKIP left out."""
    from nbval.plugin import coalesce_streams, transform_streams_for_comparison
    view = defaultdict(list)
    for out in transform_streams_for_comparison(coalesce_streams(copy.deepcopy(outputs))):
        for key, value in out.items():
            if key in NBVAL_SKIP:
                continue
            if key == "data":
                for mime, data in value.items():
                    if mime not in NBVAL_SKIP:
                        view[mime].append(sanitize(data))
            else:
                view[key].append(sanitize(value))
    return dict(view)


def _first_line(source):
    return next((ln.strip() for ln in source.splitlines() if ln.strip() and not ln.startswith("# NBVAL")), "")[:70]


def _plain(cell):
    return "".join(o.get("text", "") if o.output_type == "stream" else str(o.get("data", {}).get("text/plain", ""))
                   for o in cell.outputs)


def solved_run_problems(name, run) -> list[str]:
    """Everything the solved run of one chapter shows that it must not (empty: the run is clean)."""
    problems = []
    if run.error is not None:
        text = run.error if len(run.error) < 4000 else run.error[:4000] + "\n..."
        problems.append(f"{name}: a cell raised with the reference solutions injected ({run.injected}):\n{text}")
    sanitize = _sanitizer()
    for i, cell in enumerate(run.nb.cells):
        if cell.cell_type != "code" or (run.error is not None and cell.execution_count is None):
            continue
        problems += run_problems(cell, f"{name} cell {i} ({_first_line(cell.source)!r})")
        if i in run.checks:
            exercise, shown = run.checks[i], _plain(cell)
            if not shown.startswith("✅"):
                problems.append(f"{name}: exercise {exercise.id} ({exercise.title}) with its reference solution "
                                f"injected does not pass; its check cell {i} shows:\n{shown.strip()[:1500]}")
        if i in run.stored:
            want, got = nbval_view(run.stored[i], sanitize), nbval_view(cell.outputs, sanitize)
            if want != got:
                problems.append(f"{name} cell {i} ({_first_line(cell.source)!r}): the # NBVAL_CHECK_OUTPUT outputs "
                                f"differ from the stored ones with the solutions injected\n  stored: "
                                f"{str(want)[:800]}\n  now:    {str(got)[:800]}")
    missing = [e.id for e in map(exercises.get, run.injected) if e not in run.checks.values()]
    if missing:
        problems.append(f"{name}: no check cell after the stubs of {missing}")
    return problems


@pytest.fixture(scope="session")
def solved_runs(request):
    """Start the solved runs of the selected chapters, JOBS at a time, as soon as the first one is wanted."""
    wanted = [item.callspec.params["path"] for item in request.session.items
              if getattr(item, "originalname", None) == "test_whole_chapter_runs_with_the_solutions"]
    pool = ThreadPoolExecutor(max_workers=max(1, JOBS), thread_name_prefix="solved-run")
    futures = {path: pool.submit(run_with_solutions, path) for path in wanted}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


def test_every_chapter_0_to_11_gets_the_solved_run():
    assert [int(p.name[:2]) for p in EVERY_CHAPTER] == list(range(12))


@pytest.mark.parametrize("path", EVERY_CHAPTER, ids=lambda p: p.stem)
def test_whole_chapter_runs_with_the_solutions(path, solved_runs, record_property):
    run = solved_runs[path].result()
    record_property("solved_run", {"chapter": path.stem, "seconds": round(run.seconds, 1), "started": run.started,
                                   "jobs": JOBS, "checked": len(run.stored), "exercises": len(run.checks)})
    problems = solved_run_problems(path.stem, run)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
    number = int(path.name[:2])
    assert run.injected == (exercises.ids(number) if 1 <= number <= 10 else [])
    assert len(run.checks) == len(run.injected)


def test_nbval_view_compares_text_as_nbval_does():
    node = nbformat.from_dict
    stored = [node({"output_type": "stream", "name": "stdout", "text": "loss 0.25\n"}),
              node({"output_type": "execute_result", "execution_count": 3, "metadata": {},
                    "data": {"text/plain": "<Figure size 720x360 with 2 Axes>"}})]
    now = [node({"output_type": "stream", "name": "stdout", "text": "loss "}),
           node({"output_type": "stream", "name": "stdout", "text": "0.25\n"}),
           node({"output_type": "execute_result", "execution_count": 9, "metadata": {"x": 1},
                 "data": {"text/plain": "<Figure size 640x480 with 1 Axes>", "image/png": "iVBOR"}})]
    sanitize = _sanitizer()
    assert nbval_view(now, sanitize) == nbval_view(stored, sanitize) == {
        "stdout": ["loss 0.25\n"], "text/plain": ["<Figure>"]}
    now[1]["text"] = "0.26\n"
    assert nbval_view(now, sanitize)["stdout"] == ["loss 0.26\n"]
