"""jupytext's JupyterLab integration, in the real JupyterLab of the e2e fixture (installed by `./dev lab`'s
`pip install -e ".[lab]"`): the server opens a chapter's MyST `.md` as a notebook (cells from the .md,
stored outputs from the .ipynb), the "Jupytext Notebook" viewer is registered in the page, and an edit
saved from JupyterLab lands in both files of the pair, so `tools/check_notebooks.py` finds them in sync.
"""
import json
import sys
import urllib.request

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import check_notebooks as cn  # noqa: E402


def get(lab, path, **params):
    base, token = lab
    query = "&".join(f"{k}={v}" for k, v in params.items())
    req = urllib.request.Request(f"{base}/api/contents/{path}?{query}",
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def raw(lab, path):
    return get(lab, path, content=1, type="file", format="text")["content"]


def test_server_opens_the_md_as_a_notebook(lab):
    model = get(lab, "04_losses.md", content=1, type="notebook")
    assert model["type"] == "notebook"
    want = cn.read_md(ROOT / "notebooks" / "04_losses.md")
    assert [c["source"] for c in model["content"]["cells"]] == [c.source for c in want.cells]
    checked = [c for c in model["content"]["cells"] if c["cell_type"] == "code" and c["outputs"]]
    assert checked and all(cn.CHECK_MARK in c["source"] for c in checked)   # outputs come from the .ipynb


OPEN_AND_EDIT = """async ([path, factory, marker]) => {
    const app = window.jupyterapp;
    const panel = await app.commands.execute('docmanager:open', {path, factory});
    await panel.context.ready;
    const cells = panel.context.model.sharedModel.cells;
    const i = cells.findIndex(c => c.cell_type === 'markdown' && c.source.startsWith('## 1.'));
    cells[i].setSource(cells[i].source.replace('## 1.', '## 1. ' + marker));
    await panel.context.save();
    const n = cells.length;
    await panel.context.sessionContext.shutdown();
    panel.dispose();
    return {index: i, cells: n};
}"""


@pytest.mark.parametrize("opened, factory", [("03_dense_flatten.md", "Jupytext Notebook"),
                                             ("08_regularization.ipynb", "Notebook")])
def test_edit_saved_in_jupyterlab_updates_both_files(lab, browser, tmp_path, opened, factory):
    base, token = lab
    page = browser.new_page()
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.docRegistry"
                           " && document.querySelector('.jp-LabShell')", timeout=60_000)
    factories = page.evaluate("() => [...window.jupyterapp.docRegistry.widgetFactories()].map(f => f.name)")
    assert "Jupytext Notebook" in factories, factories
    marker = "(랩에서 고침)"
    result = page.evaluate(OPEN_AND_EDIT, [opened, factory, marker])
    page.close()

    stem = opened.rsplit(".", 1)[0]
    for suffix in (".md", ".ipynb"):
        (tmp_path / f"{stem}{suffix}").write_text(raw(lab, f"{stem}{suffix}"), encoding="utf-8")
        assert f"## 1. {marker}" in (tmp_path / f"{stem}{suffix}").read_text(encoding="utf-8"), suffix
    md = tmp_path / f"{stem}.md"
    nb_md = cn.read_md(md)
    assert len(nb_md.cells) == result["cells"]
    assert nb_md.cells[result["index"]].source.startswith(f"## 1. {marker}")
    problems = cn.check_chapter(md)
    assert problems == [], "\n".join(map(str, problems))
