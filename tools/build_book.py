"""Build the web edition: every chapter as one static HTML page in build/book/ (`./dev book`).

    .venv/bin/python tools/build_book.py            # execute what changed, then build build/book/
    .venv/bin/python tools/build_book.py --force    # execute every chapter again

Sphinx + MyST-NB + sphinx-book-theme (the stack Jupyter Book 1 wraps; all from PyPI, the `book` extra),
from the same MyST sources as the notebooks:
1. each `notebooks/NN_name.md` is executed top to bottom with nbclient (as finalize does), one chapter at
   a time, in a temporary folder; an exception, any stderr output or a text-only Figure stops the build. The executed copy
   is kept in build/book-cache/src/ with the hash of its inputs, so an unchanged chapter is not run again;
2. its outputs are made static: widget views go (an explorer keeps its PNG of the default settings, a
   quiz its HTML form with the answer folded away in <details>); an `interact` without a picture shows
   what its first run printed, with a note that the slider moves in the notebook;
3. Sphinx builds the pages (MyST-NB does not execute again) with MathJax 3 and mermaid served from the
   site itself (npm packages, fetched once with `npm pack` into build/book-cache/npm/), so a page loads
   nothing from another host. `tests/e2e/test_book.py` checks that in headless Chromium.
Prints the time of each step.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repo_venv import ROOT, use_repo_venv  # noqa: E402

if __name__ == "__main__":
    use_repo_venv()

from check_notebooks import INSTALL_MARK  # noqa: E402
from nbtools import WIDGET_VIEW  # noqa: E402

OUT = ROOT / "build" / "book"
CACHE = ROOT / "build" / "book-cache"
CONF = ROOT / "tools" / "book"
NOTEBOOKS = ROOT / "notebooks"
# Browser files the site serves itself (npm registry packages, pinned): math and the one diagram kind
# the chapters use (```mermaid fences, which JupyterLab draws natively).
NPM_FILES = [("mathjax@3.2.2", "package/es5/"), ("mermaid@11.17.2", "package/dist/mermaid.min.js")]
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = ('<p class="hg-widget-note">🎛️ 노트북에서는 여기에 위젯이 있어 값을 바꿔 볼 수 있습니다. '
               '이 페이지는 처음 값으로 실행한 결과입니다.</p>')


class BookError(RuntimeError):
    pass


def chapters():
    from finalize_notebooks import default_paths
    return default_paths()


# --- 1. execute (cached by the hash of the inputs) --------------------------------------------

def inputs_hash(md: Path) -> str:
    """What a chapter's executed copy depends on: its source and the package."""
    h = hashlib.sha256(md.read_bytes())
    for path in sorted((ROOT / "honggong").rglob("*")):
        if path.suffix in (".py", ".json", ".csv", ".ttf") and "__pycache__" not in path.parts:
            h.update(path.relative_to(ROOT).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def execute(md: Path, dest: Path, timeout: int):
    """The executed copy of one chapter at dest (NN_name.ipynb, widget state kept); seconds taken."""
    from finalize_notebooks import run_problems
    from nbtools import read_source, run_notebook, write_notebook
    nb = read_source(md)
    with tempfile.TemporaryDirectory(prefix=f"honggong-book-{md.stem}-") as cwd:
        seconds = run_notebook(nb, cwd, timeout)
    problems = [p for i, c in enumerate(nb.cells) if c.cell_type == "code"
                for p in run_problems(c, f"{md.name} cell {i}")]
    if problems:
        raise BookError("\n".join(problems))
    write_notebook(nb, dest)
    return seconds


# --- 2. static outputs ------------------------------------------------------------------------

def _output_widget_outputs(state: dict, model_id: str, seen=None) -> list:
    """The outputs an Output widget inside the widget `model_id` captured (nbclient records them)."""
    seen = seen if seen is not None else set()
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    model = state[model_id]
    if model.get("model_name") == "OutputModel":
        return list(model["state"].get("outputs", []))
    found = []
    for child in model["state"].get("children", []):
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found += _output_widget_outputs(state, child[len("IPY_MODEL_"):], seen)
    return found


def make_static(nb) -> None:
    """Outputs a static page can show (step 2 of the module docstring), in place."""
    import nbformat
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.outputs:
            data = out.get("data", {})
            if WIDGET_VIEW not in data:
                outputs.append(out)
                continue
            model_id = data.pop(WIDGET_VIEW)["model_id"]
            if any(k.startswith("image/") or k == "text/html" for k in data):
                outputs.append(out)          # an explorer's PNG, a quiz's static HTML
                continue
            outputs.extend(nbformat.from_dict(o) for o in _output_widget_outputs(state, model_id))
            outputs.append(nbformat.v4.new_output("display_data", data={"text/html": WIDGET_NOTE}))
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)


# --- 3. the Sphinx project --------------------------------------------------------------------

LINK_TO_README = re.compile(r"\]\(README\.md\)")
OUTSIDE_LINK = re.compile(r"\[([^\]]+)\]\(\.\./([^)]+)\)")


def write_index(src: Path, names) -> None:
    """index.md: the series' table of contents (notebooks/README.md) plus the toctree of the chapters."""
    text = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    text = OUTSIDE_LINK.sub(r"`\2`", text)        # files outside the series (docs/...) are not pages
    note = ("> 웹판(web edition): 각 장을 한 번 실행한 결과(그림, 출력)를 그대로 보여 줍니다. 슬라이더와 퀴즈 버튼은 "
            "노트북(JupyterLab, 코랩)에서 움직입니다. 퀴즈의 정답은 접혀 있습니다.\n")
    lines = text.splitlines()
    title = next(i for i, ln in enumerate(lines) if ln.startswith("# "))
    lines.insert(title + 1, "\n" + note)
    toc = "\n```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(names) + "\n```\n"
    (src / "index.md").write_text("\n".join(lines) + "\n" + toc, encoding="utf-8")


def execute_stale(mds, executed: Path, force: bool, timeout: int, jobs: int = 1) -> dict:
    """Execute the chapters whose executed copy in `executed/` is missing or out of date, `jobs` at a
    time (each in its own kernel; fit() uses one BLAS thread); {chapter: seconds, or None when cached}."""
    from concurrent.futures import ThreadPoolExecutor
    executed.mkdir(parents=True, exist_ok=True)
    times, stale = {}, []
    for md in mds:
        run, stamp = executed / f"{md.stem}.ipynb", executed / f"{md.stem}.hash"
        digest = inputs_hash(md)
        if not force and run.exists() and stamp.exists() and stamp.read_text() == digest:
            times[md.stem] = None
        else:
            stamp.unlink(missing_ok=True)
            stale.append((md, run, stamp, digest))

    def one(item):
        md, run, stamp, digest = item
        seconds = execute(md, run, timeout)
        stamp.write_text(digest)
        print(f"  {md.stem}: executed in {seconds:.1f} s", flush=True)
        return md.stem, seconds

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        times.update(pool.map(one, stale))   # the first failure is raised here
    return {md.stem: times[md.stem] for md in mds}


def stage(src: Path, force: bool, timeout: int, jobs: int = 1) -> dict:
    """Static executed chapters and index.md in src/; {chapter: seconds executed, or None when cached}."""
    import nbformat
    from nbtools import write_notebook
    executed = CACHE / "executed"
    times = execute_stale(chapters(), executed, force, timeout, jobs)
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for md in chapters():
        nb = nbformat.read(str(executed / f"{md.stem}.ipynb"), as_version=4)
        nb.cells = [c for c in nb.cells if INSTALL_MARK not in c.source]   # nothing to install on a web page
        make_static(nb)
        for cell in nb.cells:   # the last chapter links back to the table of contents
            if cell.cell_type == "markdown":
                cell.source = LINK_TO_README.sub("](index.md)", cell.source)
        write_notebook(nb, src / f"{md.stem}.ipynb")
    write_index(src, [md.stem for md in chapters()])
    return times


def npm_files(spec: str, prefix: str) -> Path:
    """The files under `prefix` of the npm package `spec` (e.g. "mathjax@3.2.2", "package/es5/"), fetched
    once with `npm pack` into build/book-cache/npm/<name>-<version>/ (npm checks the package's integrity)."""
    target = CACHE / "npm" / spec.replace("@", "-")
    if (target / ".complete").exists():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise BookError(f"npm not found: the web edition serves {spec} from the npm registry's package. "
                        "Install Node.js with npm (Debian: apt-get install npm), then run ./dev book again.")
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([npm, "pack", spec, "--silent"], cwd=tmp, capture_output=True, text=True)
        tarballs = list(Path(tmp).glob("*.tgz"))
        if run.returncode != 0 or not tarballs:
            raise BookError(f"`npm pack {spec}` failed ({run.returncode}): {run.stderr.strip()[:500]}")
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        with tarfile.open(tarballs[0]) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(prefix) and m.isfile()]
            for m in members:
                m.name = m.name[len("package/"):]
            tar.extractall(partial, members=members, filter="data")
        (partial / ".complete").write_text(spec)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


def sphinx(src: Path, out: Path) -> None:
    from sphinx.cmd.build import build_main
    for spec, prefix in NPM_FILES:   # conf.py serves them from build/book-cache/npm/
        npm_files(spec, prefix)
    args = ["-b", "html", "-q", "-W", "--keep-going", "-c", str(CONF), "-d", str(CACHE / "doctrees"),
            str(src), str(out)]
    if build_main(args) != 0:
        raise BookError("sphinx-build failed (its messages are above)")


def default_jobs() -> int:
    """Chapters executed at once: $HONGGONG_BOOK_JOBS (CI sets 2), else 1 (a shared dev machine)."""
    return int(os.environ.get("HONGGONG_BOOK_JOBS", "1"))


def build(force=False, timeout=300, out=OUT, jobs=None) -> dict:
    """Build the site; returns the timings {"execute": {...}, "execute_s", "sphinx_s", "total_s"}."""
    t0 = time.perf_counter()
    src = CACHE / "src"
    times = stage(src, force, timeout, jobs or default_jobs())
    t1 = time.perf_counter()
    sphinx(src, out)
    t2 = time.perf_counter()
    return {"execute": times, "execute_s": round(t1 - t0, 1), "sphinx_s": round(t2 - t1, 1),
            "total_s": round(t2 - t0, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="execute every chapter again")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    parser.add_argument("--jobs", type=int, default=default_jobs(),
                        help="chapters executed at once (default: $HONGGONG_BOOK_JOBS or 1)")
    args = parser.parse_args(argv)
    from nbclient.exceptions import CellExecutionError
    try:
        timings = build(force=args.force, timeout=args.timeout, jobs=args.jobs)
    except (BookError, CellExecutionError) as err:
        print(f"build_book: FAILED\n{err}", file=sys.stderr)
        return 1
    ran = {k: v for k, v in timings["execute"].items() if v is not None}
    print(f"build_book: {OUT.relative_to(ROOT)}/index.html in {timings['total_s']} s "
          f"(executed {len(ran)} chapter(s) in {timings['execute_s']} s, sphinx {timings['sphinx_s']} s)")
    (CACHE / "timings.json").write_text(json.dumps(timings, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
