"""Small helpers for reading and writing the honggong notebooks.

Each chapter's source is `notebooks/NN_name.md` (MyST Markdown, jupytext-paired with `NN_name.ipynb`).
Cells whose first line is `# NBVAL_CHECK_OUTPUT` keep their (text) outputs after
`tools/finalize_notebooks.py` has executed the notebook; every other cell is stored without outputs.
"""
from __future__ import annotations

import json
import os
import tempfile
import textwrap
from pathlib import Path

import nbformat

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"   # the mime type of a widget view output

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}


def _clean(text: str) -> str:
    """Dedent a triple-quoted block and drop the blank first/last lines."""
    return textwrap.dedent(text).strip("\n")


def md(text: str) -> nbformat.NotebookNode:
    """A markdown cell."""
    return nbformat.v4.new_markdown_cell(_clean(text))


def code(src: str) -> nbformat.NotebookNode:
    """A code cell (stored without outputs until finalize_notebooks.py runs it)."""
    return nbformat.v4.new_code_cell(_clean(src))


def is_checked(cell) -> bool:
    """True for a code cell whose first line is `# NBVAL_CHECK_OUTPUT` (nbval compares its output)."""
    return cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK_MARK)


def new_notebook(cells) -> nbformat.NotebookNode:
    """A v4 notebook with the python3 kernelspec every chapter uses."""
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    return nb


def strip_ids(nb) -> None:
    """Give cells stable ids (cell-0, cell-1, ...) so regenerating does not create noisy diffs."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"


def write_notebook(nb, path) -> None:
    """Validate and write a notebook atomically (temp file + os.replace)."""
    path = Path(path)
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def read_notebook(path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def read_source(path) -> nbformat.NotebookNode:
    """The cells of a chapter from its MyST source `NN_name.md` (given the `.md` or the `.ipynb`),
    with the pairing metadata the `.ipynb` stores (`jupytext.formats`)."""
    import jupytext
    nb = jupytext.read(str(Path(path).with_suffix(".md")))
    meta = nb.metadata.setdefault("jupytext", {})
    meta.pop("text_representation", None)
    meta["formats"] = "ipynb,md:myst"
    return nb


def run_notebook(nb, cwd, timeout=120) -> float:
    """Execute every cell of `nb` in place with nbclient (kernel "python3" of this Python's environment),
    with `cwd` as the kernel's working folder; an exception in a cell raises nbclient's
    CellExecutionError with its traceback. Returns the seconds taken."""
    import time
    from nbclient import NotebookClient
    client = NotebookClient(nb, kernel_name="python3", timeout=timeout, record_timing=False,
                            resources={"metadata": {"path": str(cwd)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def dumps_compact(obj) -> str:  # used in error messages
    return json.dumps(obj, ensure_ascii=False)[:300]
