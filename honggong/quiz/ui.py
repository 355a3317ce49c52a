"""Showing questions: an ipywidgets UI where a front end exists, plain text everywhere else.

One display call sends a bundle with three forms of the same question:

    application/vnd.jupyter.widget-view+json   the live widget (JupyterLab/Notebook with a kernel)
    text/html                                   a static version (viewers without widgets)
    text/plain                                  question + numbered options + "q.check(...)" instructions

JupyterLab renders the widget; nbval ignores widget views and compares the deterministic text.
Without IPython (plain ``python``) the text is printed.

Widget layout (CSS classes for browser tests):

    VBox .hg-quiz
      HTML            heading + prompt
      RadioButtons    .hg-quiz-choices   (multiple choice; value = option number from 1)
      or Text         .hg-quiz-input     (numeric / short answer)
      Button "확인"   .hg-quiz-check
      HTML            .hg-quiz-feedback  (✅ 정답입니다! ... / ❌ 아쉬워요, 오답입니다. ...)

The questions (``questions.py``) are data + grading and do not import this module; at import time
this module registers itself as ``Question.front_end`` (see the end of the file), and
``Question.widget``, ``check`` and IPython's display of a question call ``build_widget``,
``show_feedback`` and ``display_question`` here.
"""
from __future__ import annotations

import html
import sys

from .questions import Feedback, MultipleChoice, Question, markup_html

_COLORS = {"correct": "#1b7f3b", "wrong": "#b3261e", "missing": "#8a5a00", "invalid": "#8a5a00"}


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipywidgets
        return None
    return get_ipython()


def has_frontend() -> bool:
    """True inside a Jupyter kernel (a front end may render widgets); False in python/IPython terminal."""
    shell = _shell()
    return shell is not None and getattr(shell, "kernel", None) is not None


def build_widget(question: Question):
    """The ipywidgets VBox for ``question``; its button grades the current input."""
    import ipywidgets as widgets

    header = widgets.HTML(f"<b>{html.escape(question.heading())}</b><p>{markup_html(question.prompt)}</p>")
    if isinstance(question, MultipleChoice):
        answer_box = widgets.RadioButtons(
            options=[(text.replace("`", ""), i) for i, text in enumerate(question.option_texts(), start=1)],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        answer_box.add_class("hg-quiz-choices")
    else:
        answer_box = widgets.Text(placeholder="답을 입력하세요", continuous_update=False)
        answer_box.add_class("hg-quiz-input")
    button = widgets.Button(description="확인", button_style="primary", tooltip="답 확인하기")
    button.add_class("hg-quiz-check")
    feedback = widgets.HTML("")
    feedback.add_class("hg-quiz-feedback")
    source = widgets.HTML(f"<small>출처: {html.escape(question.source)}</small>")
    box = widgets.VBox([header, answer_box, button, feedback, source])
    box.add_class("hg-quiz")
    box.hg_input, box.hg_button, box.hg_feedback = answer_box, button, feedback
    button.on_click(lambda _button: show_feedback(question, question.submit(answer_box.value)))
    return box


def feedback_html(feedback: Feedback) -> str:
    color = _COLORS.get(feedback.status, "inherit")
    return (
        f'<div class="hg-quiz-{feedback.status}" style="color:{color}; white-space:normal">'
        f"{markup_html(feedback.message)}</div>"
    )


def show_feedback(question: Question, feedback: Feedback) -> None:
    """Write ``feedback`` into the question's widget feedback area."""
    question.feedback.value = feedback_html(feedback)


def display_question(question: Question) -> None:
    """Display one question (called by IPython for display(q) and for a cell's last value)."""
    if question._echo_guard:  # ask() already displayed it in this cell: do not show it twice
        return
    from IPython.display import display

    bundle = {"text/plain": question.text(), "text/html": question.html()}
    if has_frontend():
        key = "application/vnd.jupyter.widget-view+json"
        bundle[key] = question.widget._repr_mimebundle_()[key]
    display(bundle, raw=True)


class QuestionSet(list):
    """The questions of a chapter (returned by ask_all); displays as all of its questions."""

    _echo_guard = False

    def text(self) -> str:
        return "\n\n".join(question.text() for question in self)

    def __str__(self) -> str:
        return self.text()

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.text())

    def _ipython_display_(self) -> None:
        if self._echo_guard:
            return
        for question in self:
            display_question(question)


def present(obj) -> None:
    """Show a Question or QuestionSet now, and avoid showing it again as the cell's result.

    ask() both displays and returns its question. Without the guard, ``quiz.ask("ch05", 2)`` as the
    last line of a cell would appear twice. The guard is lifted when the cell finishes, so a later
    ``q`` alone in a cell displays it again.
    """
    shell = _shell()
    if shell is None:
        print(obj.text())
        return
    from IPython.display import display

    display(obj)
    obj._echo_guard = True

    def release(*_args, **_kwargs):
        obj._echo_guard = False
        shell.events.unregister("post_run_cell", release)

    shell.events.register("post_run_cell", release)


# The questions ask their front end for widgets and displays; this module is that front end.
Question.front_end = sys.modules[__name__]
