"""tools/build_book.py without executing or building: how outputs are made static for the web edition,
and the table of contents page."""
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_book  # noqa: E402

VIEW = build_book.WIDGET_VIEW


def widget_notebook():
    v4 = nbformat.v4
    explorer = v4.new_code_cell("explorer = widgets.optimizer_explorer()", outputs=[v4.new_output(
        "display_data", data={VIEW: {"model_id": "box1"}, "image/png": "iVBOR", "text/plain": "VBox()"})])
    interact = v4.new_code_cell("@interact\ndef square(x): ...", outputs=[v4.new_output(
        "display_data", data={VIEW: {"model_id": "box2"}, "text/plain": "interactive(children=...)"})])
    quiz = v4.new_code_cell('quiz.ask("ch00", 1)', outputs=[v4.new_output(
        "display_data", data={VIEW: {"model_id": "q"}, "text/html": "<div>Q</div>", "text/plain": "Q"})])
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("# 0장. 시험"), explorer, interact, quiz])
    nb.metadata["widgets"] = {build_book.WIDGET_STATE: {"state": {
        "box2": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_slider", "IPY_MODEL_out"]}},
        "slider": {"model_name": "FloatSliderModel", "state": {}},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "stream", "name": "stdout", "text": "x = +2.0   x² = 4.00\n"}]}},
    }}}
    return nb


def test_widget_views_go_explorers_keep_their_png_quizzes_their_html():
    nb = widget_notebook()
    build_book.make_static(nb)
    explorer, interact, quiz = (c.outputs for c in nb.cells[1:])
    assert [sorted(o["data"]) for o in explorer] == [["image/png", "text/plain"]]
    assert [sorted(o["data"]) for o in quiz] == [["text/html", "text/plain"]]
    assert "widgets" not in nb.metadata


def test_an_interact_shows_what_its_first_run_printed_and_a_note():
    nb = widget_notebook()
    build_book.make_static(nb)
    first_run, note = nb.cells[2].outputs
    assert (first_run.output_type, first_run.text) == ("stream", "x = +2.0   x² = 4.00\n")
    assert note["data"] == {"text/html": build_book.WIDGET_NOTE}


def test_index_has_the_table_of_contents_a_note_and_a_hidden_toctree(tmp_path):
    names = [md.stem for md in build_book.chapters()]
    build_book.write_index(tmp_path, names)
    text = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert text.startswith("# ") and "웹판(web edition)" in text and "정답은 접혀 있습니다" in text
    assert "](../" not in text                          # no links out of the site
    assert "```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(names) + "\n```" in text
    for name in names:
        assert f"]({name}.ipynb)" in text               # the README's chapter links, resolved by MyST


def test_stale_chapters_run_in_parallel_and_unchanged_ones_are_cached(tmp_path):
    import jupytext
    mds = []
    for name in ("00_a", "01_b"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {name}"),
                                             nbformat.v4.new_code_cell(f"print('{name}')")])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        md = tmp_path / f"{name}.md"
        md.write_text(jupytext.writes(nb, fmt="md:myst"), encoding="utf-8")
        mds.append(md)
    executed = tmp_path / "executed"
    times = build_book.execute_stale(mds, executed, force=False, timeout=60, jobs=2)
    assert list(times) == ["00_a", "01_b"] and all(t > 0 for t in times.values())
    ran = nbformat.read(str(executed / "01_b.ipynb"), as_version=4)
    assert ran.cells[1].outputs[0]["text"] == "01_b\n"
    assert build_book.execute_stale(mds, executed, force=False, timeout=60, jobs=2) == {"00_a": None, "01_b": None}
    mds[1].write_text(mds[1].read_text(encoding="utf-8").replace("print('01_b')", "print('changed')"),
                      encoding="utf-8")
    again = build_book.execute_stale(mds, executed, force=False, timeout=60, jobs=2)
    assert again["00_a"] is None and again["01_b"] > 0
