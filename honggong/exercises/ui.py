"""Showing exercise results: a small ipywidgets box where a front end exists, text elsewhere.

One display call sends a bundle: the widget view (JupyterLab), a static text/html and text/plain.
nbval ignores the widget view; in plain Python the text is printed.

Widget (CSS classes for browser tests):

    VBox .hg-exercise
      HTML    .hg-exercise-feedback   ✅ / ❌ + the failing call, expected, received, 🔎 진단 / ✏️ 아직 풀지 않았습니다
      HBox    Button .hg-exercise-hint "힌트"   Button .hg-exercise-solution "정답 보기" (only after an attempt)
      HTML    .hg-exercise-more       the hint or the model answer
"""
from __future__ import annotations

import html
import sys

from ..quiz.ui import _shell, has_frontend
from .core import CheckResult

_COLORS = {"passed": "#1b7f3b", "failed": "#b3261e", "not_done": "#8a5a00", "invalid": "#8a5a00"}


def _pre(text: str, status: str = "") -> str:
    color = _COLORS.get(status, "inherit")
    return (f'<pre class="hg-exercise-{status or "text"}" style="color:{color}; white-space:pre-wrap; '
            f'font-family:inherit; margin:0">{html.escape(text)}</pre>')


def build_widget(result: CheckResult):
    import ipywidgets as widgets

    get, hint, solution = _actions["get"], _actions["hint"], _actions["solution"]

    feedback = widgets.HTML(_pre(result.message, result.status))
    feedback.add_class("hg-exercise-feedback")
    more = widgets.HTML("")
    more.add_class("hg-exercise-more")
    hint_button = widgets.Button(description="힌트", tooltip="힌트를 한 단계씩 봅니다")
    hint_button.add_class("hg-exercise-hint")
    solution_button = widgets.Button(description="정답 보기", tooltip="한 번 풀어 본 다음에 볼 수 있습니다",
                                     disabled=result.status == "not_done")
    solution_button.add_class("hg-exercise-solution")
    box = widgets.VBox([feedback, widgets.HBox([hint_button, solution_button]), more])
    box.add_class("hg-exercise")
    known = result.exercise_id
    try:
        get(known)
    except KeyError:
        hint_button.disabled = solution_button.disabled = True
    hint_button.on_click(lambda _b: setattr(more, "value", _pre(hint(known, display=False), "hint")))
    solution_button.on_click(lambda _b: setattr(more, "value", _pre(solution(known, display=False),
                                                                    "solution")))
    box.hg_feedback, box.hg_more, box.hg_hint, box.hg_solution = feedback, more, hint_button, solution_button
    return box


def display_result(result: CheckResult) -> None:
    from IPython.display import display

    bundle = {"text/plain": result.message, "text/html": _pre(result.message, result.status)}
    if has_frontend():
        key = "application/vnd.jupyter.widget-view+json"
        bundle[key] = build_widget(result)._repr_mimebundle_()[key]
    display(bundle, raw=True)


_shown_this_cell: set[int] = set()


def present(result: CheckResult) -> None:
    """Show a result now (printed without IPython), and not a second time as the cell's value.

    check() both shows and returns its result; without the guard ``exercises.check(...)`` as the last
    line of a cell would appear twice. The guard is lifted when the cell finishes.
    """
    shell = _shell()
    if shell is None:
        print(result.message)
        return
    display_result(result)
    _shown_this_cell.add(id(result))

    def release(*_args, **_kwargs):
        _shown_this_cell.discard(id(result))
        shell.events.unregister("post_run_cell", release)

    shell.events.register("post_run_cell", release)


def display_if_new(result: CheckResult) -> None:
    if id(result) not in _shown_this_cell:
        display_result(result)


def show_text(text: str, kind: str) -> None:
    if _shell() is None:
        print(text)
        return
    from IPython.display import display

    display({"text/plain": text, "text/html": _pre(text, kind)}, raw=True)


# The package's get/hint/solution, given by honggong.exercises (this module does not import the
# package: no import cycle), and this module as the results' front end.
_actions = {}


def use_actions(get, hint, solution) -> None:
    """Called by honggong.exercises with the functions the widget's buttons run."""
    _actions.update(get=get, hint=hint, solution=solution)


CheckResult.front_end = sys.modules[__name__]
