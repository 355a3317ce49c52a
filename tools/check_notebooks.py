"""Check every chapter pair and the notebook rules without executing anything (CI runs this).

    .venv/bin/python tools/check_notebooks.py                        # every notebooks/NN_*.md
    .venv/bin/python tools/check_notebooks.py notebooks/05_optimizers.md
    .venv/bin/python tools/check_notebooks.py --write-install-cell   # (re)write each first code cell

`notebooks/NN_name.md` (MyST) is the source and `NN_name.ipynb` its jupytext pair, written by
`tools/finalize_notebooks.py`. This script reads both and reports, for each chapter, every cell that
breaks a rule, with the command that fixes it:

- the pair agrees: same cells, same types, same sources, same tags (the .md wins: re-finalize);
- the first code cell is the install cell, whose install source is `[tool.honggong] install-source`
  of pyproject.toml (a Colab kernel has no checkout to read it from, so the string is written into
  every chapter and checked here; `--write-install-cell` rewrites it in the .md and the .ipynb);
- only `# NBVAL_CHECK_OUTPUT` cells have stored outputs and execution counts, and only text
  (stdout, text/plain, text/html, ...): no stderr, no error, no image, no widget view;
- no widget state or execution timing metadata; the .ipynb is under 200 KB; kernelspec python3;
- `%matplotlib inline` before the first `plots.` call (else figures show as text in JupyterLab);
- a checked `summary()` with automatic layer names (dense, dense_1, ...) follows a
  `keras.backend.clear_session()`, and its names count from the start (dense, dense_1, ...).

Exit status 1 when any chapter breaks a rule. `tests/test_check_notebooks.py` runs the same check.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repo_venv import ROOT, use_repo_venv  # noqa: E402

if __name__ == "__main__":
    use_repo_venv()   # jupytext and nbformat live in the venv

import nbformat  # noqa: E402

from nbtools import CHECK_MARK, WIDGET_VIEW, is_checked  # noqa: E402,F401  (re-exported: tests use cn.is_checked)

NOTEBOOKS = ROOT / "notebooks"
PYPROJECT = ROOT / "pyproject.toml"
MAX_BYTES = 200_000
PAIRING = "ipynb,md:myst"
FINALIZE = ".venv/bin/python tools/finalize_notebooks.py {md}"
UPDATE = ".venv/bin/jupytext --update --to ipynb {md}"
WRITE_INSTALL = ".venv/bin/python tools/check_notebooks.py --write-install-cell"

INSTALL_MARK = "# 준비: honggong"
INSTALL_CELL = '''\
# 준비: honggong 패키지가 없는 커널(예: 구글 코랩)이면 설치합니다. 이미 있으면 아무것도 하지 않습니다.
import importlib.util, os
if importlib.util.find_spec("honggong") is None:
    install_source = os.environ.get("HONGGONG_INSTALL_SOURCE", "{source}")
    %pip install -q "{{install_source}}"
    importlib.invalidate_caches()
    if importlib.util.find_spec("honggong") is None:
        raise ModuleNotFoundError(f"honggong could not be installed. Expected a module after %pip install "
                                  f"{{install_source!r}}, received none.\\n해결: 위 pip 메시지(인터넷 연결, 주소)를 "
                                  "확인하고 이 셀을 다시 실행하세요.")'''
INSTALL_SOURCE_LINE = re.compile(r'os\.environ\.get\("HONGGONG_INSTALL_SOURCE", "([^"]*)"\)')


@dataclass
class Problem:
    chapter: str      # e.g. "05_optimizers"
    cell: int | None  # index in the notebook (markdown and code cells counted), None: the whole file
    what: str
    fix: str

    def __str__(self):
        where = self.chapter if self.cell is None else f"{self.chapter} cell {self.cell}"
        return f"{where}: {self.what}\n    fix: {self.fix}"


# --- the install source: one value in pyproject.toml ------------------------------------------

def install_source(pyproject=PYPROJECT) -> str:
    """`[tool.honggong] install-source` of pyproject.toml: the pip requirement the first cell installs."""
    text = Path(pyproject).read_text(encoding="utf-8")
    try:
        import tomllib
        value = tomllib.loads(text).get("tool", {}).get("honggong", {}).get("install-source")
    except ModuleNotFoundError:   # Python 3.10: read the one line
        m = re.search(r'^\[tool\.honggong\][^\[]*?^install-source\s*=\s*"([^"]+)"', text, re.M | re.S)
        value = m.group(1) if m else None
    if not value:
        raise SystemExit(f"{pyproject}: no [tool.honggong] install-source = \"...\" (where the notebooks' "
                         "first cell installs honggong from)")
    return value


def install_cell(source: str) -> str:
    return INSTALL_CELL.format(source=source)


# --- reading a pair ---------------------------------------------------------------------------

def read_md(path):
    import jupytext
    return jupytext.read(str(path))


def snippet(cell) -> str:
    first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
    return f"{cell.cell_type} cell starting {first[:60]!r}"


def md_line(md_text: str, nb_md, index: int) -> str:
    """' (line N of the .md)' for a code cell: the line of its ```{code-cell} fence."""
    if nb_md.cells[index].cell_type != "code":
        return ""
    k = sum(1 for c in nb_md.cells[:index] if c.cell_type == "code")
    fences = [i + 1 for i, ln in enumerate(md_text.splitlines()) if ln.startswith("```{code-cell}")]
    return f" (line {fences[k]} of the .md)" if k < len(fences) else ""


def code_indices(nb):
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]


# --- the rules --------------------------------------------------------------------------------

def check_pair(name, md_path, nb_md, nb, md_text):
    fix = FINALIZE.format(md=md_path.as_posix())
    problems = []
    header = nb_md.metadata.get("jupytext", {}).get("formats")
    if header != PAIRING:
        problems.append(Problem(name, None, f"the .md header says formats: {header!r}, expected {PAIRING!r}",
                                f"put `formats: {PAIRING}` under `jupytext:` in {md_path.name}"))
    stored = nb.metadata.get("jupytext", {}).get("formats")
    if stored != PAIRING:
        problems.append(Problem(name, None, f"the .ipynb metadata says jupytext formats {stored!r}, expected "
                                f"{PAIRING!r}", fix))
    codes_agree = ([c.source for c in nb_md.cells if c.cell_type == "code"]
                   == [c.source for c in nb.cells if c.cell_type == "code"])
    if codes_agree:   # only prose changed: update the .ipynb's text and keep its stored outputs
        fix = f"{UPDATE.format(md=md_path.as_posix())}` (only markdown changed) or `{fix}"
    for i, (a, b) in enumerate(zip(nb_md.cells, nb.cells)):
        if a.cell_type != b.cell_type:
            what = f"the .md has a {a.cell_type} cell where the .ipynb has a {b.cell_type} cell"
        elif a.source != b.source:
            what = "the .md and the .ipynb differ in this cell's text"
        elif a.metadata.get("tags", []) != b.metadata.get("tags", []):
            what = f"tags differ: .md {a.metadata.get('tags', [])} vs .ipynb {b.metadata.get('tags', [])}"
        else:
            continue
        problems.append(Problem(
            name, i, f"{what} ({snippet(a)}{md_line(md_text, nb_md, i)}): the pair is out of sync",
            f"the .md is the source; run `{fix}` (if you edited only the .ipynb, first "
            f"`.venv/bin/jupytext --to md:myst {md_path.with_suffix('.ipynb').as_posix()}`)"))
        break   # later cells are usually shifted by the same edit; one message is enough
    if len(nb_md.cells) != len(nb.cells) and not problems:
        problems.append(Problem(name, min(len(nb_md.cells), len(nb.cells)),
                                f"the .md has {len(nb_md.cells)} cells, the .ipynb {len(nb.cells)}: the pair is out "
                                "of sync", f"the .md is the source; run `{fix}`"))
    return problems


def check_install_cell(name, md_path, nb_md, source):
    codes = code_indices(nb_md)
    want = install_cell(source)
    if not codes:
        return [Problem(name, None, "has no code cell (the first code cell installs honggong)", WRITE_INSTALL)]
    first = nb_md.cells[codes[0]]
    if first.source == want:
        return []
    m = INSTALL_SOURCE_LINE.search(first.source)
    if m and m.group(1) != source:
        what = (f"the first code cell installs {m.group(1)!r}, but pyproject.toml [tool.honggong] "
                f"install-source is {source!r}")
    elif INSTALL_MARK in first.source:
        what = "the first code cell (the install cell) was edited by hand"
    else:
        what = f"the first code cell is not the install cell ({snippet(first)})"
    return [Problem(name, codes[0], what, f"run `{WRITE_INSTALL}` (writes the .md and the .ipynb)")]


def check_outputs(name, md_path, nb):
    fix = FINALIZE.format(md=md_path.as_posix())
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            if cell.get("outputs"):
                problems.append(Problem(name, i, "a markdown cell has outputs", f"run `{fix}`"))
            continue
        if "execution" in cell.metadata:
            problems.append(Problem(name, i, "execution timing metadata is stored", f"run `{fix}`"))
        if not is_checked(cell):
            if cell.outputs or cell.execution_count is not None:
                problems.append(Problem(
                    name, i, f"stored outputs or an execution count on a cell without {CHECK_MARK} "
                    f"({snippet(cell)}): only checked cells keep outputs",
                    f"run `{fix}` (it clears them); put {CHECK_MARK} on the first line if the output "
                    "is a fact the prose states"))
            continue
        if not cell.outputs or cell.execution_count is None:
            problems.append(Problem(name, i, f"{CHECK_MARK} cell has no stored output: it was not executed "
                                    f"({snippet(cell)})", f"run `{fix}`"))
        for out in cell.outputs:
            kind = out.output_type
            if kind == "stream" and out.get("name") == "stderr":
                problems.append(Problem(name, i, f"wrote to stderr (a warning box for the learner): "
                                        f"{out.text.strip()[:200]!r}",
                                        f"fix the code so it does not warn, then run `{fix}`"))
            elif kind == "error":
                problems.append(Problem(name, i, f"stored an error: {out.get('ename')}: {out.get('evalue')}",
                                        f"fix the cell, then run `{fix}`"))
            elif kind in ("execute_result", "display_data"):
                bad = [k for k in out.get("data", {}) if k.startswith("image/") or k == WIDGET_VIEW
                       or not (k.startswith("text/") or k.endswith("json"))]
                if bad:
                    problems.append(Problem(name, i, f"stores {bad} (images and widget views are never "
                                            "stored; they change with every run)", f"run `{fix}`"))
            elif kind != "stream":
                problems.append(Problem(name, i, f"unexpected output type {kind!r}", f"run `{fix}`"))
    if "widgets" in nb.metadata:
        problems.append(Problem(name, None, "widget state is stored in the notebook metadata", f"run `{fix}`"))
    return problems


def check_file(name, md_path, nb, ipynb_path):
    fix = FINALIZE.format(md=md_path.as_posix())
    problems = []
    size = ipynb_path.stat().st_size
    if size >= MAX_BYTES:
        problems.append(Problem(name, None, f"{ipynb_path.name} is {size:,} bytes (limit {MAX_BYTES:,})",
                                f"run `{fix}`; if it is still too big, print less in the checked cells"))
    spec = nb.metadata.get("kernelspec", {}).get("name")
    if spec != "python3":
        problems.append(Problem(name, None, f"kernelspec is {spec!r}, expected 'python3'",
                                f"set `kernelspec: name: python3` in {md_path.name}, then run `{fix}`"))
    return problems


PLOTS_CALL = re.compile(r"\bplots\.\w+\(")


def check_inline_backend(name, md_path, nb_md, md_text):
    seen_inline = False
    for i, cell in enumerate(nb_md.cells):
        if cell.cell_type != "code":
            continue
        seen_inline = seen_inline or "%matplotlib inline" in cell.source
        if PLOTS_CALL.search(cell.source) and not seen_inline:
            return [Problem(name, i, f"calls plots.…() before any `%matplotlib inline`{md_line(md_text, nb_md, i)}: "
                            "its figures would show as text in JupyterLab",
                            f"add `%matplotlib inline` to the import cell of {md_path.name}")]
    return []


CLEAR = re.compile(r"\bclear_session\(")
MAKES_LAYERS = re.compile(r"\b(?:layers\.[A-Z]\w*|Sequential|Model|Input|Dense|Flatten|Dropout)\(")
SUMMARY_ROW = re.compile(r"^│ (\S+) \((\w+)\)", re.M)


def _snake(cls: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", cls).lower()


def _without_def_bodies(src: str) -> str:
    """The source minus the bodies of `def` blocks (a definition creates no layer until called)."""
    kept, body_indent = [], None
    for line in src.splitlines():
        indent = len(line) - len(line.lstrip())
        if body_indent is not None and (not line.strip() or indent > body_indent):
            continue
        body_indent = indent if re.match(r"\s*def \w+\(", line) else None
        kept.append(line)
    return "\n".join(kept)


def _auto_names(cell):
    """{base: [numbers]} of the automatic layer names (dense, dense_1, ...) in a stored summary() table."""
    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    names = {}
    for layer, cls in SUMMARY_ROW.findall(text):
        base = _snake(cls)
        m = re.fullmatch(rf"{re.escape(base)}(?:_(\d+))?", layer)
        if m:
            names.setdefault(base, []).append(int(m.group(1) or 0))
    return names


def check_summaries(name, md_path, nb, md_text, nb_md):
    """Checked summary() tables with automatic layer names need clear_session() first: the names
    (dense, dense_1, ...) count every layer made since the last clear_session(), so adding a cell
    above would otherwise change the checked output."""
    problems = []
    codes = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    for k, (i, cell) in enumerate(codes):
        if not (is_checked(cell) and ".summary(" in cell.source):
            continue
        names = _auto_names(cell)
        for base, numbers in names.items():
            if sorted(numbers) != list(range(len(numbers))):
                shown = [base if n == 0 else f"{base}_{n}" for n in numbers]
                problems.append(Problem(
                    name, i, f"the checked summary() shows layer names {shown}: they should count from "
                    f"{base!r}", "call `keras.backend.clear_session()` before making this model, then run "
                    f"`{FINALIZE.format(md=md_path.as_posix())}`"))
        if not names:
            continue   # every layer has a name given with name=...
        own = cell.source.split(".summary(")[0]
        if CLEAR.search(own):
            continue
        # Back to the previous checked table with automatic names (or the start): a clear_session()
        # there is needed, unless no layer at all was made before this cell (a fresh session).
        ok, made = None, False
        for _, earlier in reversed(codes[:k]):
            src = _without_def_bodies(earlier.source)
            if CLEAR.search(src):
                ok = True
            elif is_checked(earlier) and ".summary(" in earlier.source and _auto_names(earlier):
                ok = False
            made = made or bool(MAKES_LAYERS.search(src))
            if ok is not None:
                break
        ok = ok if ok is not None else not made
        if not ok:
            problems.append(Problem(
                name, i, f"checked summary() with automatic layer names but no `keras.backend.clear_session()` "
                f"since the last model{md_line(md_text, nb_md, i)}: its names depend on every layer made above",
                f"add `keras.backend.clear_session()` before the model is made (in {md_path.name}), then run "
                f"`{FINALIZE.format(md=md_path.as_posix())}`"))
    return problems


def check_chapter(md_path, source=None) -> list[Problem]:
    """Every problem of one chapter (the .md path, or its .ipynb)."""
    md_path = Path(md_path).with_suffix(".md")
    ipynb_path = md_path.with_suffix(".ipynb")
    name = md_path.stem
    if not md_path.exists():
        return [Problem(name, None, f"{ipynb_path.name} has no MyST source {md_path.name}",
                        f"`.venv/bin/jupytext --set-formats {PAIRING} {ipynb_path.as_posix()}`")]
    if not ipynb_path.exists():
        return [Problem(name, None, f"{md_path.name} has no paired {ipynb_path.name}",
                        f"run `{FINALIZE.format(md=md_path.as_posix())}`")]
    md_text = md_path.read_text(encoding="utf-8")
    nb_md = read_md(md_path)
    nb = nbformat.read(str(ipynb_path), as_version=4)
    source = source if source is not None else install_source()
    return (check_pair(name, md_path, nb_md, nb, md_text)
            + check_install_cell(name, md_path, nb_md, source)
            + check_outputs(name, md_path, nb)
            + check_file(name, md_path, nb, ipynb_path)
            + check_inline_backend(name, md_path, nb_md, md_text)
            + check_summaries(name, md_path, nb, md_text, nb_md))


def chapter_paths(folder=NOTEBOOKS):
    """Every chapter, as its .md path (an .ipynb without a .md is included too, to be reported)."""
    stems = {p.with_suffix("") for p in Path(folder).glob("[0-9][0-9]_*.md")}
    stems |= {p.with_suffix("") for p in Path(folder).glob("[0-9][0-9]_*.ipynb")}
    return [s.with_suffix(".md") for s in sorted(stems)]


def relative(path: Path) -> Path:
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path


# --- writing the install cell -----------------------------------------------------------------

def write_install_cell(md_path, source=None) -> bool:
    """Put the install cell first among the code cells of the .md and of its .ipynb (right after the
    title cell), replacing an older install cell; other cells and stored outputs are untouched.
    True when a file changed."""
    import jupytext

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from nbtools import strip_ids, write_notebook

    md_path = Path(md_path).with_suffix(".md")
    want = install_cell(source if source is not None else install_source())
    changed = False
    nb_md = read_md(md_path)
    nb = nbformat.read(str(md_path.with_suffix(".ipynb")), as_version=4)
    for book in (nb_md, nb):
        codes = code_indices(book)
        if codes and INSTALL_MARK in book.cells[codes[0]].source:
            if book.cells[codes[0]].source == want:
                continue
            book.cells[codes[0]].source = want
        else:
            book.cells.insert(1, nbformat.v4.new_code_cell(want))
        changed = True
        if book is nb_md:
            md_path.write_text(jupytext.writes(nb_md, fmt="md:myst"), encoding="utf-8")
        else:
            strip_ids(nb)
            write_notebook(nb, md_path.with_suffix(".ipynb"))
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="chapters, .md or .ipynb (default: every notebooks/NN_*)")
    parser.add_argument("--write-install-cell", action="store_true",
                        help="write the install cell (from pyproject.toml) into every chapter, then check")
    args = parser.parse_args(argv)
    paths = [relative(Path(p)) for p in args.paths] or [relative(p) for p in chapter_paths()]
    source = install_source()
    if args.write_install_cell:
        for p in paths:
            if write_install_cell(p, source):
                print(f"{p.name}: install cell written")
    problems = [pr for p in paths for pr in check_chapter(p, source)]
    for pr in problems:
        print(pr, file=sys.stderr)
    if problems:
        print(f"check_notebooks: {len(problems)} problem(s) in "
              f"{len({pr.chapter for pr in problems})} chapter(s)", file=sys.stderr)
        return 1
    print(f"check_notebooks: {len(paths)} chapter(s) OK (pairs in sync, rules kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
