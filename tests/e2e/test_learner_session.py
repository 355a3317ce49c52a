"""A learner's session in a real browser on the real JupyterLab (headless Debian Chromium + Playwright).

1. Chapter 5 (optimizers): run all cells, wait until every cell has run, move the learning-rate
   slider of the optimizer explorer with the keyboard (as a learner would after clicking it), check
   that the picture and the readout change, and that no error output appeared anywhere.
   The time from key release to the new picture in the page is measured and reported.
2. Chapter 5's first quiz: answer wrongly, then correctly, through the UI; check the feedback text.
3. Chapter 0: the figure with a Korean title is shown with real Hangul glyphs, not empty boxes.

Every step waits on an explicit condition (kernel idle, an element appearing, an attribute
changing), never on a fixed sleep. A failure names the step and the screenshot saved for it.
Screenshots of the slider move are always saved in artifacts/e2e/.
"""
import base64
import contextlib
import io
import json
import re
import statistics
import time
from pathlib import Path

import numpy as np
import pytest

from .conftest import KERNEL_IDLE, ROOT

CELL_TIMEOUT_MS = 120_000


@contextlib.contextmanager
def step(page, name, artifacts):
    """Run one step; on failure save a screenshot and say which step failed and where the picture is."""
    try:
        yield
    except Exception as exc:
        shot = artifacts / f"failed-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.png"
        with contextlib.suppress(Exception):
            page.screenshot(path=str(shot), full_page=True)
        raise AssertionError(f"e2e step failed: {name}: {exc}\nscreenshot: {shot}") from exc


def open_notebook(page, lab, name):
    """Open one notebook (the current tab; other notebooks may stay open in hidden tabs)."""
    base, token = lab
    # `reset` starts from an empty workspace, so no notebook of an earlier test is restored beside it.
    page.goto(f"{base}/lab/tree/{name}?reset&token={token}")
    # The status bar says "<kernel> | Idle" only once the kernel is really ready.
    page.get_by_text(KERNEL_IDLE).wait_for(timeout=60_000)


PROMPTS_JS = """() => {
    const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
    if (!panel) return null;
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
        .map(p => p.textContent.trim());
    const idle = [...document.querySelectorAll('.jp-StatusBar-TextItem, .jp-StatusBar-Item')]
        .some(e => e.textContent.includes('| Idle'));
    return {cells: prompts.length, done: prompts.filter(t => /^\\[\\d+\\]:$/.test(t)).length,
            running: prompts.filter(t => t === '[*]:').length, idle: idle};
}"""


def run_all_and_wait(page, n_code_cells):
    """Run every cell and wait until each code cell shows an execution number and the kernel is idle."""
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    try:
        page.wait_for_function(
            f"(n) => {{ const s = ({PROMPTS_JS})(); return s && s.cells === n && s.done === n && s.idle; }}",
            arg=n_code_cells, timeout=CELL_TIMEOUT_MS, polling=200)
    except Exception as exc:
        state = page.evaluate(PROMPTS_JS)
        raise AssertionError(f"not every cell ran: expected {n_code_cells} code cells with a number, "
                             f"the page shows {state}") from exc


def error_outputs(page):
    """Texts of every error or stderr output in the notebook, widget outputs included."""
    return page.eval_on_selector_all(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        "els => els.map(e => e.textContent.slice(0, 300))")


def code_cells(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def first_quiz_call(name):
    """(chapter, number) of the first quiz.ask(...) cell in the notebook."""
    for cell in code_cells(name):
        m = re.search(r'quiz\.ask\(\s*["\'](ch\d+)["\']\s*,\s*(\d+)\s*\)', "".join(cell["source"]))
        if m:
            return m.group(1), int(m.group(2))
    raise AssertionError(f"{name} has no quiz.ask(...) cell")


def watch_src(page, selector):
    """Start recording when the src of the first element matching selector changes (time in ms)."""
    page.evaluate(
        """(sel) => {
            const el = document.querySelector(sel);
            window.__hgChanged = null;
            if (window.__hgObserver) window.__hgObserver.disconnect();
            window.__hgObserver = new MutationObserver(() => { window.__hgChanged = performance.now(); });
            window.__hgObserver.observe(el, {attributes: true, attributeFilter: ['src']});
        }""", selector)


def test_optimizer_chapter_slider_and_quiz(lab, browser, artifacts):
    nb_name = "05_optimizers.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    timings = {}
    t0 = time.monotonic()
    with step(page, "open chapter 5 and wait for the kernel", artifacts):
        open_notebook(page, lab, nb_name)
    with step(page, "run all cells of chapter 5", artifacts):
        run_all_and_wait(page, len(code_cells(nb_name)))
    timings["run_all_s"] = round(time.monotonic() - t0, 1)

    explorer = ".jp-NotebookPanel:not(.lm-mod-hidden) .honggong-optimizer-explorer"
    image_sel = f"{explorer} img.honggong-image"
    with step(page, "find the optimizer explorer and its learning-rate slider", artifacts):
        page.locator(image_sel).first.wait_for(timeout=30_000)
        box = page.locator(explorer).first
        box.scroll_into_view_if_needed()
        slider = box.locator(".widget-slider").first        # learning_rate is the first slider
        assert "learning_rate" in slider.inner_text(), slider.inner_text()
        handle = slider.locator(".noUi-handle").first
        readout = slider.locator(".widget-readout").first
        info = box.locator(".honggong-readout").first
        image = box.locator("img.honggong-image").first
        src0, lr0, text0 = image.get_attribute("src"), readout.inner_text(), info.inner_text()
        assert src0 and ("최종 손실" in text0 or "발산" in text0), text0
        page.screenshot(path=str(artifacts / "05-before-slider.png"))

    latencies = []
    with step(page, "move the learning-rate slider and wait for the new picture", artifacts):
        handle.focus()
        for _ in range(3):
            src_before = image.get_attribute("src")
            watch_src(page, image_sel)
            t_press = page.evaluate("performance.now()")
            handle.press("ArrowRight")                       # key down + key up = release
            page.wait_for_function("window.__hgChanged !== null", timeout=30_000, polling="raf")
            latencies.append(page.evaluate("window.__hgChanged") - t_press)
            assert image.get_attribute("src") != src_before
        page.get_by_text(KERNEL_IDLE).wait_for(timeout=30_000)
        src1, lr1, text1 = image.get_attribute("src"), readout.inner_text(), info.inner_text()
        page.screenshot(path=str(artifacts / "05-after-slider.png"))
        assert float(lr1) > float(lr0), (lr0, lr1)
        assert src1 != src0, "the explorer picture did not change after moving the slider"
        assert text1 != text0, f"the explorer readout did not change: {text0!r}"
    timings["slider_to_figure_ms"] = [round(x, 1) for x in latencies]
    timings["slider_to_figure_median_ms"] = round(statistics.median(latencies), 1)

    with step(page, "check that no cell shows an error", artifacts):
        errors = error_outputs(page)
        assert errors == [], f"error/stderr outputs in {nb_name}: {errors}"

    from honggong import quiz
    chapter, number = first_quiz_call(nb_name)
    question = quiz.load_bank(chapter)[number - 1]
    assert question.kind == "multiple_choice", f"the first quiz of {nb_name} should be multiple choice"
    options = [o.text for o in question.options]
    right = options[question.answer - 1]
    wrong = next(o for o in options if o != right)
    with step(page, "answer the first quiz wrongly, then correctly", artifacts):
        qbox = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .hg-quiz").first
        qbox.scroll_into_view_if_needed()
        feedback = qbox.locator(".hg-quiz-feedback").first
        qbox.locator(".hg-quiz-choices .widget-radio-box label").filter(has_text=wrong).first.click()
        qbox.locator(".hg-quiz-check button, button.hg-quiz-check").first.click()
        page.wait_for_function(
            "(el) => el.textContent.includes('오답')", arg=feedback.element_handle(), timeout=15_000)
        qbox.locator(".hg-quiz-choices .widget-radio-box label").filter(has_text=right).first.click()
        qbox.locator(".hg-quiz-check button, button.hg-quiz-check").first.click()
        page.wait_for_function(
            "(el) => el.textContent.includes('정답입니다')", arg=feedback.element_handle(), timeout=15_000)
        page.screenshot(path=str(artifacts / "05-quiz.png"))
    timings["total_s"] = round(time.monotonic() - t0, 1)
    (artifacts / "timings.json").write_text(json.dumps(timings, indent=2))
    print(f"\n[e2e] chapter 5: {json.dumps(timings)}")
    page.close()


def _title_band(png_bytes):
    from PIL import Image
    img = np.asarray(Image.open(io.BytesIO(png_bytes)).convert("L"), dtype=np.float32) / 255.0
    return img


def test_korean_figure_renders_in_browser(lab, browser, artifacts):
    """The figure with the Korean title in chapter 0, as the browser shows it, equals a reference
    rendered here with the Hangul font, and differs from the same figure drawn with a font that
    has no Hangul (which would show empty boxes)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure
    from honggong import fonts

    nb_name = "00_start.ipynb"
    cells = code_cells(nb_name)
    source = next("".join(c["source"]) for c in cells if "한글 글꼴 확인" in "".join(c["source"]))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    with step(page, "open chapter 0 and run all cells", artifacts):
        open_notebook(page, lab, nb_name)
        run_all_and_wait(page, len(cells))
        assert error_outputs(page) == []
    with step(page, "read the Korean figure from the page", artifacts):
        cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").filter(
            has_text="한글 글꼴 확인").first
        img = cell.locator(".jp-OutputArea-output img").first
        img.wait_for(timeout=30_000)
        img.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "00-korean-figure.png"))
        src = img.get_attribute("src")
        assert src.startswith("data:image/png;base64,"), src[:40]
        shown = _title_band(base64.b64decode(src.split(",", 1)[1]))

    def render(font_family):
        with matplotlib.rc_context({"font.family": font_family, "axes.unicode_minus": False}):
            plt.close("all")
            namespace = {"plt": plt}
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(plt, "show", lambda *a, **k: None)
                exec(source, namespace)
            fig = plt.gcf()
            fig.set_dpi(matplotlib.rcParams["figure.dpi"])
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")      # the tofu reference warns about missing glyphs
                png = print_figure(fig, "png", bbox_inches="tight", base64=False)
            plt.close(fig)
            return _title_band(png)

    with step(page, "compare with the Hangul and the tofu references", artifacts):
        hangul_font = fonts.use_korean_font()
        assert hangul_font and fonts.has_hangul(fonts.current_font())
        good, tofu = render(hangul_font), render("DejaVu Sans")
        assert shown.shape == good.shape, (shown.shape, good.shape)
        diff_good = float(np.abs(shown - good).mean())
        diff_tofu = float(np.abs(shown - tofu).mean()) if tofu.shape == shown.shape else 1.0
        print(f"\n[e2e] chapter 0 Korean figure: mean pixel difference {diff_good:.4f} to the Hangul "
              f"reference, {diff_tofu:.4f} to the tofu reference")
        assert diff_good < 0.01 and diff_tofu > 5 * max(diff_good, 1e-3)
    page.close()
