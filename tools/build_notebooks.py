"""Build notebooks/NN_*.ipynb from the generator files in tools/notebooks/, then finalize them.

    .venv/bin/python tools/build_notebooks.py              # every generator, executed + finalized
    .venv/bin/python tools/build_notebooks.py 02 04        # only chapters 02 and 04
    .venv/bin/python tools/build_notebooks.py --no-execute # write cells only (fast, no outputs)

A generator (tools/notebooks/chNN_*.py) defines FILENAME and CELLS (built with nbtools.md / nbtools.code).
The committed .ipynb is the product; for a chapter with a generator, edit the generator, not the .ipynb.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
if __name__ == "__main__":
    from repo_venv import use_repo_venv
    use_repo_venv()   # before importing nbformat/nbclient, which only the venv may have
from finalize_notebooks import NOTEBOOKS, finalize_and_report  # noqa: E402
from nbtools import new_notebook, strip_ids, write_notebook  # noqa: E402

GENERATORS = HERE / "notebooks"


def load_generator(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("FILENAME", "CELLS"):
        if not hasattr(module, name):
            raise SystemExit(f"{path}: expected a module-level {name}, received none. "
                             f"(생성기 파일에 {name}를 정의하세요.)")
    return module


def build(path) -> Path:
    gen = load_generator(path)
    nb = new_notebook(gen.CELLS)
    strip_ids(nb)
    out = NOTEBOOKS / gen.FILENAME
    write_notebook(nb, out)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter numbers like 02 (default: all)")
    parser.add_argument("--no-execute", action="store_true", help="only write the cells")
    args = parser.parse_args(argv)
    gens = sorted(GENERATORS.glob("ch[0-9][0-9]_*.py"))
    if args.chapters:
        gens = [g for g in gens if g.name[2:4] in {c.zfill(2) for c in args.chapters}]
    status = 0
    for g in gens:
        out = build(g)
        if args.no_execute:
            print(f"{out.name}: written (not executed)")
            continue
        if not finalize_and_report(out, "built, executed in {:.1f} s, finalized"):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
