"""The playground in a real browser (JupyterLab + headless Chromium): ▶ (ipywidgets.Play, ticking in the
front end, no kernel thread) trains epoch after epoch, ⏸ stops it, "한 스텝" trains exactly one epoch,
and the picture changes. Chapter 2's playground starts after 100 epochs."""
import re

from .conftest import KERNEL_IDLE
from .test_learner_session import code_cells, error_outputs, open_notebook, run_all_and_wait, step

EPOCH = re.compile(r"에포크 (\d+)")


def epoch_of(info):
    m = EPOCH.search(info.inner_text())
    assert m, info.inner_text()
    return int(m.group(1))


def test_playground_play_pause_and_one_step(lab, browser, artifacts):
    nb_name = "02_activations.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    with step(page, "open chapter 2 and run all cells", artifacts):
        open_notebook(page, lab, nb_name)
        run_all_and_wait(page, len(code_cells(nb_name)))
    box_sel = ".jp-NotebookPanel:not(.lm-mod-hidden) .honggong-playground"
    with step(page, "find the playground", artifacts):
        page.locator(f"{box_sel} img.honggong-image").first.wait_for(timeout=30_000)
        box = page.locator(box_sel).first
        box.scroll_into_view_if_needed()
        info = box.locator(".honggong-readout").first
        image = box.locator("img.honggong-image").first
        assert epoch_of(info) == 100
        src0 = image.get_attribute("src")
    with step(page, "press ▶ and wait for three more epochs", artifacts):
        box.locator(".widget-play button").first.click()          # the Play widget's ▶
        page.wait_for_function(
            "(sel) => { const m = document.querySelector(sel).textContent.match(/에포크 (\\d+)/);"
            " return m && Number(m[1]) >= 103; }",
            arg=f"{box_sel} .honggong-readout", timeout=60_000, polling=200)
        page.screenshot(path=str(artifacts / "02-playground-playing.png"))
    with step(page, "press ⏸: training stops", artifacts):
        box.locator(".widget-play button").nth(1).click()         # ⏸
        page.get_by_text(KERNEL_IDLE).wait_for(timeout=30_000)
        stopped = epoch_of(info)
        page.wait_for_timeout(1500)                               # no tick may come after a pause
        page.get_by_text(KERNEL_IDLE).wait_for(timeout=30_000)
        assert epoch_of(info) == stopped
    with step(page, "한 스텝 trains exactly one epoch and changes the picture", artifacts):
        box.get_by_role("button", name="한 스텝").click()
        page.wait_for_function(
            "([sel, n]) => document.querySelector(sel).textContent.includes('에포크 ' + n)",
            arg=[f"{box_sel} .honggong-readout", stopped + 1], timeout=30_000, polling=200)
        assert image.get_attribute("src") != src0
    with step(page, "no cell shows an error", artifacts):
        assert error_outputs(page) == []
