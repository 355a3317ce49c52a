"""Execute notebooks top to bottom and store only the outputs nbval should compare.

    .venv/bin/python tools/finalize_notebooks.py notebooks/02_activations.md [...]
    .venv/bin/python tools/finalize_notebooks.py            # every notebooks/NN_*.md

The MyST Markdown file `NN_name.md` is the source (jupytext-paired with `NN_name.ipynb`); either path
may be given. For each chapter:
0. read the cells from the `.md` (the source of truth);
1. run every cell with nbclient in this Python's environment (kernel "python3" = sys.executable);
   an exception in any cell stops with the cell's traceback;
2. fail if any cell wrote to stderr (a warning the learner would see) or showed a matplotlib Figure
   only as its text repr (no PNG: the inline backend was never activated);
3. keep the outputs of cells whose first line is `# NBVAL_CHECK_OUTPUT`, minus images and widget
   views (nbval skips those keys; e.g. a quiz cell keeps its text/plain and text/html forms);
4. clear outputs and execution counts of every other cell, drop widget state and timing metadata;
5. write the paired `.ipynb` atomically (jupytext pairing metadata kept) and print the execution time;
6. run the checks CI runs without executing (`tools/check_notebooks.py`) and print what they find.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repo_venv import ROOT, use_repo_venv  # noqa: E402

if __name__ == "__main__":
    use_repo_venv()   # before importing nbclient, which only the venv may have

from nbclient.exceptions import CellExecutionError

from check_notebooks import check_chapter  # noqa: E402
from nbtools import WIDGET_VIEW, is_checked, read_source, run_notebook, strip_ids, write_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"


class FinalizeError(RuntimeError):
    pass


def _comparable(output, where):
    """The part of one output of a checked cell that nbval compares: stdout text and the text-like
    data (text/plain, text/html, ...). Images and widget views are dropped (nbval skips them too)."""
    kind = output.output_type
    if kind == "stream":
        return output
    if kind in ("execute_result", "display_data"):
        data = output.get("data", {})
        output["data"] = {k: v for k, v in data.items()
                          if not k.startswith("image/") and k != WIDGET_VIEW}
        output["metadata"] = {}
        return output if output["data"] else None
    raise FinalizeError(f"{where}: unexpected output type {kind!r} in a # NBVAL_CHECK_OUTPUT cell")


def run_problems(cell, where) -> list[str]:
    """What an executed cell shows that a learner must not see: stderr output (a warning box), or a
    matplotlib Figure only as its text repr (no PNG: the inline backend was never activated)."""
    problems = []
    for out in cell.outputs:
        if out.output_type == "stream" and out.name == "stderr":
            problems.append(f"{where} wrote to stderr (a warning?): {out.text.strip()[:300]}")
        data = out.get("data", {})
        if str(data.get("text/plain", "")).startswith("<Figure size") and "image/png" not in data:
            problems.append(f"{where} shows a Figure as text only (no image/png): start the notebook's "
                            "import cell with `%matplotlib inline`. (그림이 글자로만 보입니다.)")
    return problems


def keep_checked_outputs(nb, name="notebook") -> None:
    """Post-process an executed notebook in place (steps 2-4 of the module docstring).

    Raises FinalizeError listing every cell that wrote to stderr or is a checked cell without output.
    """
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            cell.pop("outputs", None)
            continue
        where = f"{name} cell {i}"
        problems += run_problems(cell, where)
        if is_checked(cell):
            kept = [o for o in (_comparable(o, where) for o in cell.outputs) if o is not None]
            if not kept:
                problems.append(f"{where}: # NBVAL_CHECK_OUTPUT cell produced no text output to compare")
            cell.outputs = kept
        else:
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    if problems:
        raise FinalizeError("\n".join(problems))
    nb.metadata.pop("widgets", None)   # nbclient records widget state; we never store it
    strip_ids(nb)


def finalize(path, timeout=120) -> float:
    """Execute one notebook in place and keep only the checked text outputs; return seconds taken."""
    path = Path(path)
    nb = read_source(path)
    seconds = run_notebook(nb, path.parent, timeout)
    keep_checked_outputs(nb, path.name)
    write_notebook(nb, path.with_suffix(".ipynb"))
    return seconds


def finalize_and_report(path, done_message, **kwargs) -> bool:
    """Finalize one notebook, print `done_message` (formatted with the seconds) or the failure;
    True when it succeeded."""
    try:
        seconds = finalize(path, **kwargs)
    except (FinalizeError, CellExecutionError) as err:
        print(f"{path.name}: FAILED\n{err}", file=sys.stderr)
        return False
    print(f"{path.name}: {done_message.format(seconds)}")
    problems = check_chapter(path)     # the rules CI checks without executing (tools/check_notebooks.py)
    for problem in problems:
        print(problem, file=sys.stderr)
    return not problems


def default_paths():
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.md"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="chapters, .md or .ipynb (default: every notebooks/NN_*.md)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.paths] or default_paths()
    failures = [p for p in paths if not finalize_and_report(p, "executed in {:.1f} s, outputs finalized",
                                                          timeout=args.timeout)]
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
