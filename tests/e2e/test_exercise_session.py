"""A learner's exercise in the real browser: chapter 2's softmax exercise, then the progress dashboard.

1. Chapter 2: run all cells (every exercise check says "아직 풀지 않았습니다").
2. Type a softmax without the max subtracted into the stub cell (the lines between the markers are
   replaced as a learner would: click into the editor, select all, type), run it and its check cell
   with Shift+Enter: the feedback names the failing input and shows the overflow diagnosis.
3. Type the correct softmax, run both cells again: the feedback shows ✅.
4. Restart chapter 2's kernel, then open chapter 0 and run it: its progress dashboard shows
   "✅ ch02-softmax (2회 시도, 1회 통과)": passed, after 2 attempts (both checks were recorded in the progress file, which the
   JupyterLab of these tests keeps in its own temporary folder).
"""
import json
import time

from .conftest import KERNEL_IDLE
from .test_learner_session import code_cells, error_outputs, open_notebook, run_all_and_wait, step

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
NO_MAX = '''# 연습 ch02-softmax: 소프트맥스 직접 짜기
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
'''
RIGHT = '''# 연습 ch02-softmax: 소프트맥스 직접 짜기
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
'''


def _type_into_cell(page, cell, code):
    editor = cell.locator(".cm-content").first
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)


def _run_cell_and_the_next(page):
    """Shift+Enter twice: run the stub cell (focus moves to the check cell), then run the check cell."""
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")


def _wait_feedback(page, check_cell, words, timeout=30_000):
    feedback = check_cell.locator(".hg-exercise-feedback").first
    page.wait_for_function(
        "([el, words]) => words.every(w => el.textContent.includes(w))",
        arg=[check_cell.element_handle(), words], timeout=timeout, polling=200)
    return feedback.inner_text()


def test_exercise_wrong_then_right_then_progress_after_restart(lab, browser, artifacts):
    nb_name = "02_activations.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    timings = {}
    t0 = time.monotonic()
    with step(page, "open chapter 2 and run all cells", artifacts):
        open_notebook(page, lab, nb_name)
        run_all_and_wait(page, len(code_cells(nb_name)))
        assert error_outputs(page) == []
    cells = page.locator(f"{PANEL} .jp-CodeCell")
    sources = ["".join(c["source"]) for c in code_cells(nb_name)]
    index = next(i for i, s in enumerate(sources) if s.startswith("# 연습 ch02-softmax:"))
    assert sources[index + 1] == 'exercises.check("ch02-softmax", softmax)'
    stub, check = cells.nth(index), cells.nth(index + 1)
    with step(page, "the untouched stub is reported as not done", artifacts):
        text = _wait_feedback(page, check, ["아직 풀지 않았습니다"])
        assert "ch02-softmax" in text
    with step(page, "a softmax without the max subtracted gets the overflow diagnosis", artifacts):
        _type_into_cell(page, stub, NO_MAX)
        _run_cell_and_the_next(page)
        text = _wait_feedback(page, check, ["진단", "overflow"])
        assert "입력 2/4: 큰 로짓 (1000 근처)" in text and "[[nan, nan, nan]," in text, text
        check.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "02-exercise-wrong.png"))
    with step(page, "the corrected softmax gets ✅", artifacts):
        _type_into_cell(page, stub, RIGHT)
        _run_cell_and_the_next(page)
        text = _wait_feedback(page, check, ["✅ 정답입니다!"])
        assert "honggong.activations.softmax" in text
        page.screenshot(path=str(artifacts / "02-exercise-right.png"))
        assert error_outputs(page) == []
    timings["exercise_s"] = round(time.monotonic() - t0, 1)
    with step(page, "restart the kernel of chapter 2", artifacts):
        page.evaluate("() => { window.jupyterapp.commands.execute('kernelmenu:restart'); }")
        page.locator(".jp-Dialog .jp-mod-accept").first.click()
        page.get_by_text(KERNEL_IDLE).wait_for(timeout=60_000)
    with step(page, "chapter 0's dashboard shows both checks of ch02-softmax", artifacts):
        open_notebook(page, lab, "00_start.ipynb")
        run_all_and_wait(page, len(code_cells("00_start.ipynb")))
        dashboard = page.locator(f"{PANEL} .hg-progress-dashboard").first
        dashboard.wait_for(timeout=30_000)
        dashboard.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "00-progress-dashboard.png"))
        row = dashboard.locator("tr").filter(has_text="ch02-softmax").first.inner_text()
        assert row.startswith("ch02") and "1/3" in row, row            # 1 of chapter 2's 3 exercises
        assert "✅ ch02-softmax (2회 시도, 1회 통과)" in row, row         # the wrong and the right check
    timings["total_s"] = round(time.monotonic() - t0, 1)
    print(f"\n[e2e] chapter 2 exercise + chapter 0 progress: {json.dumps(timings)}")
    page.close()
