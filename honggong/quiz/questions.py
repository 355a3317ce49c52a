"""The three question types and how an answer is graded.

Every question grades an answer into a ``Feedback(status, message)``; ``status`` is one of

    "correct"  ✅ 정답입니다! + 해설 (explanation)
    "wrong"    ❌ 아쉬워요, 오답입니다. + the chosen option's (or known mistake's) feedback + 힌트 + 해설
    "missing"  ✏️ no answer yet (None or "")
    "invalid"  ⚠️ an answer of the wrong form ("expected ..., received ...")

``grade`` never raises: a quiz must not crash a learner's notebook whatever they type.

This module is data + grading (+ the plain-text and static-HTML forms). It never imports the
interactive UI: ``honggong.quiz.ui`` registers itself as ``Question.front_end`` when it is imported
(``from honggong import quiz`` does that), and the widget-related members below delegate to it.

    MultipleChoice  answer = option number (1-based). Accepts 2, "2", "2번", "(2)", 2.0 or an option's text.
    Numeric         |answer - key| <= tolerance. Accepts 1010, 1010.0, "1010", "1,010", "1,010개" (unit "개").
    ShortAnswer     normalize(answer) equals normalize(key) or of one of ``accept`` (synonyms, Korean/English).
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from .normalize import is_missing, normalize_text, parse_number


@dataclass(frozen=True)
class Feedback:
    """Result of grading one answer: status ("correct"/"wrong"/"missing"/"invalid") and a message."""

    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"


@dataclass(frozen=True)
class Option:
    """One multiple-choice option and what to tell the learner who picks it."""

    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer (e.g. the notes' 1,000 parameters) with a targeted explanation."""

    answer: object
    feedback: str


def markup_html(text: str) -> str:
    """The banks' tiny markup as HTML: `code`, **bold**, newlines. Everything else is escaped."""
    out = html.escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    return out.replace("\n", "<br>")


def _describe(value) -> str:
    """repr() that cannot fail and stays short, for "received ..." messages."""
    try:
        text = repr(value)
    except Exception:  # a learner's object with a broken __repr__
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(eq=False, repr=False)
class Question:
    """Base class: common fields, the feedback wording, and the text/HTML displays.

    The live widget is the front end's business (``front_end``, set by ``honggong.quiz.ui``).
    """

    id: str
    prompt: str
    explanation: str
    source: str
    hint: str = ""
    computed_by: str | None = None
    chapter: str = ""
    title: str = ""
    number: int = 0
    total: int = 0
    kind = "question"
    front_end = None  # the interactive UI (honggong.quiz.ui registers itself here)
    progress = None   # the learner's record (honggong.progress, set by honggong.quiz)
    _widget: object = field(default=None, init=False, repr=False)
    _echo_guard: bool = field(default=False, init=False, repr=False)

    # ---- grading -------------------------------------------------------------------------------
    def grade(self, answer) -> Feedback:
        """Grade ``answer`` into a Feedback. Never raises."""
        try:
            if is_missing(answer):
                return Feedback("missing", f"✏️ 아직 답이 없어요. {self.how_to_answer()}")
            return self._grade(answer)
        except Exception as exc:  # safety net: unexpected input must not crash the notebook
            return self._invalid("an answer the quiz can read", answer, extra=f"({type(exc).__name__})")

    def submit(self, answer) -> Feedback:
        """Grade a learner's answer (from code or the widget) and record it in honggong.progress."""
        feedback = self.grade(answer)
        if self.progress is not None:
            self.progress.record_quiz(self, feedback)
        return feedback

    def check(self, answer) -> bool:
        """Answer from code: prints 정답/오답 feedback with the explanation, returns True/False.

        Never raises, even for a missing (None, "") or oddly typed answer.
        """
        feedback = self.submit(answer)
        print(feedback.message)
        if self._widget is not None:  # keep an open widget in step with programmatic answers
            self._front_end().show_feedback(self, feedback)
        return feedback.correct

    def _grade(self, answer) -> Feedback:  # pragma: no cover - subclasses implement it
        raise NotImplementedError

    def _correct(self) -> Feedback:
        return Feedback("correct", f"✅ 정답입니다! {self.explanation}")

    def _wrong(self, specific: str = "") -> Feedback:
        parts = ["❌ 아쉬워요, 오답입니다."]
        if specific:
            parts.append(specific)
        if self.hint:
            parts.append(f"💡 힌트: {self.hint}")
        parts.append(f"📖 해설: {self.explanation}")
        return Feedback("wrong", " ".join(parts))

    def _invalid(self, expected: str, answer, extra: str = "") -> Feedback:
        received = f"{_describe(answer)} ({type(answer).__name__})"
        message = f"⚠️ 답의 형식을 알아볼 수 없어요. Expected {expected}, received {received}."
        if extra:
            message += f" {extra}"
        return Feedback("invalid", f"{message} {self.how_to_answer()}")

    def how_to_answer(self) -> str:  # pragma: no cover - subclasses implement it
        raise NotImplementedError

    # ---- display -------------------------------------------------------------------------------
    def heading(self) -> str:
        where = f"{self.chapter} {self.title}".strip()
        position = f"문제 {self.number}/{self.total}" if self.number else "문제"
        return f"[{where} · {position}]" if where else f"[{position}]"

    def call_hint(self) -> str:
        """How to get this question again in code, e.g. q = quiz.ask("ch05", 2)."""
        if self.chapter and self.number:
            return f'q = quiz.ask("{self.chapter}", {self.number})'
        return "q = quiz.ask(...)"

    def option_texts(self) -> list[str]:
        """Texts of the options (multiple choice only)."""
        return []

    def body_lines(self) -> list[str]:
        return [f"  {i}) {text}" for i, text in enumerate(self.option_texts(), start=1)]

    def text(self) -> str:
        """Plain-text form (no front end, nbval, a terminal): question, options, how to answer."""
        lines = [self.heading(), self.prompt, *self.body_lines()]
        lines.append(f"→ 답하기: {self.call_hint()} 다음에 {self.how_to_answer()}")
        lines.append(f"(출처: {self.source})")
        return "\n".join(lines)

    def answer_text(self) -> str:  # pragma: no cover - subclasses implement it
        """The right answer as a learner would write it (the static form shows it folded away)."""
        raise NotImplementedError

    def html(self) -> str:
        """Static HTML form (shown where widgets cannot run, e.g. the web edition): the question,
        how to answer it in a notebook, and the answer with its explanation folded in <details>."""
        body = "".join(f"<li>{markup_html(text)}</li>" for text in self.option_texts())
        options = f"<ol>{body}</ol>" if body else ""
        return (
            f'<div class="hg-quiz-static"><b>{html.escape(self.heading())}</b>'
            f"<p>{markup_html(self.prompt)}</p>{options}"
            f"<p><small>→ 답하기: <code>{html.escape(self.call_hint())}</code> 다음에 "
            f"{markup_html(self.how_to_answer())}<br>(출처: {html.escape(self.source)})</small></p>"
            f'<details class="hg-quiz-answer"><summary>정답과 해설 보기</summary>'
            f"<p>정답: {markup_html(self.answer_text())}</p><p>{markup_html(self.explanation)}</p></details></div>"
        )

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.chapter} #{self.number} {self.id!r}>"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.text())

    def _repr_html_(self) -> str:
        return self.html()

    # ---- the interactive front end (honggong.quiz.ui) -------------------------------------------
    def _front_end(self):
        if self.front_end is None:
            raise RuntimeError("No quiz front end: import honggong.quiz (it loads honggong.quiz.ui).")
        return self.front_end

    def _ipython_display_(self) -> None:
        self._front_end().display_question(self)

    @property
    def widget(self):
        """The ipywidgets UI (VBox with class "hg-quiz"), built by the front end on first use."""
        if self._widget is None:
            self._widget = self._front_end().build_widget(self)
        return self._widget

    @property
    def button(self):
        """The "확인" (check) Button of the widget."""
        return self.widget.hg_button

    @property
    def feedback(self):
        """The HTML widget where feedback appears after "확인"."""
        return self.widget.hg_feedback


def _stated_number(text: str) -> float | None:
    """The number an option text states, ignoring a trailing unit word: "1,010개" -> 1010.0."""
    match = re.fullmatch(r"\s*([-+]?[\d,]*\.?\d+(?:e[-+]?\d+)?)\s*[^\d\s]*\s*", text, flags=re.IGNORECASE)
    return parse_number(match.group(1)) if match else None


@dataclass(eq=False, repr=False)
class MultipleChoice(Question):
    """One correct option among ``options``; ``answer`` is its number, counting from 1."""

    options: list[Option] = field(default_factory=list)
    answer: int = 1
    kind = "multiple_choice"

    def how_to_answer(self) -> str:
        return f"보기 번호(1~{len(self.options)})를 골라 `q.check(번호)`처럼 넣어 보세요."

    def option_texts(self) -> list[str]:
        return [option.text for option in self.options]

    def answer_text(self) -> str:
        return f"{self.answer}) {self.options[self.answer - 1].text}"

    def choice_number(self, answer) -> int | None:
        """Option number (1-based) meant by ``answer``, or None if it names no option.

        Tried in order: an option number (2, "2", "2번", "(2)"), an option's text ("'sigmoid'"),
        then the number an option states (1010 or "1,010" for the option "1,010개").
        """
        if isinstance(answer, str):
            text = normalize_text(answer).rstrip(".").removesuffix("번")
            for i, option in enumerate(self.options, start=1):
                if not text.isdigit() and normalize_text(option.text) == text:
                    return i
            if text.isdigit():
                answer = int(text)
        number = parse_number(answer)
        if number is None:
            return None
        if number == int(number) and 1 <= number <= len(self.options):
            return int(number)
        stated = [i for i, option in enumerate(self.options, start=1) if _stated_number(option.text) == number]
        return stated[0] if len(stated) == 1 else None

    def _grade(self, answer) -> Feedback:
        choice = self.choice_number(answer)
        if choice is None:
            return self._invalid(f"an option number 1-{len(self.options)} or an option's text", answer)
        if choice == self.answer:
            return self._correct()
        return self._wrong(self.options[choice - 1].feedback)

    @property
    def choices(self):
        """The RadioButtons widget (class "hg-quiz-choices"); its value is the option number."""
        return self.widget.hg_input


@dataclass(eq=False, repr=False)
class Numeric(Question):
    """A number answer, correct when ``|answer - key| <= tolerance`` (tolerance 0: exact)."""

    answer: float = 0.0
    tolerance: float = 0.0
    unit: str = ""
    mistakes: list[Mistake] = field(default_factory=list)
    kind = "numeric"

    def how_to_answer(self) -> str:
        unit = f" (단위 '{self.unit}'는 빼도 돼요)" if self.unit else ""
        return f"숫자를 `q.check(숫자)`처럼 넣어 보세요{unit}."

    def answer_text(self) -> str:
        value = float(self.answer)
        number = f"{int(value):,}" if value.is_integer() else f"{value:.10g}"
        within = f" (±{self.tolerance:g})" if self.tolerance else ""
        return f"{number}{self.unit}{within}"

    def _matches(self, value: float, key: float) -> bool:
        return math.isclose(value, key, rel_tol=1e-9, abs_tol=max(self.tolerance, 1e-12))

    def _grade(self, answer) -> Feedback:
        value = parse_number(answer, self.unit or None)
        if value is None:
            return self._invalid('a number such as 1010, 1010.0 or "1,010"', answer)
        if self._matches(value, self.answer):
            return self._correct()
        for mistake in self.mistakes:
            if self._matches(value, float(mistake.answer)):
                return self._wrong(mistake.feedback)
        scale = max(abs(self.answer), self.tolerance, 1e-12)
        if abs(value - self.answer) <= 0.05 * scale:
            return self._wrong("거의 다 왔어요! 정답과 아주 가깝지만 조금 달라요. 계산을 한 번 더 확인해 보세요.")
        return self._wrong()

    @property
    def input(self):
        """The Text widget (class "hg-quiz-input") where the number is typed."""
        return self.widget.hg_input


@dataclass(eq=False, repr=False)
class ShortAnswer(Question):
    """A short text answer compared after ``normalize_text`` with the key and its synonyms."""

    answer: str = ""
    accept: list[str] = field(default_factory=list)
    mistakes: list[Mistake] = field(default_factory=list)
    kind = "short_answer"

    def how_to_answer(self) -> str:
        return '짧은 답을 `q.check("답")`처럼 넣어 보세요 (대소문자, 띄어쓰기, -, _ 는 상관없어요).'

    def answer_text(self) -> str:
        return self.answer

    def _grade(self, answer) -> Feedback:
        if isinstance(answer, (tuple, list, int, float)) and not isinstance(answer, bool):
            answer_text = str(tuple(answer) if isinstance(answer, list) else answer)
        elif isinstance(answer, str):
            answer_text = answer
        else:
            return self._invalid("a short text answer (str)", answer)
        given = normalize_text(answer_text)
        if given in {normalize_text(key) for key in [self.answer, *self.accept]}:
            return self._correct()
        for mistake in self.mistakes:
            if given == normalize_text(str(mistake.answer)):
                return self._wrong(mistake.feedback)
        return self._wrong()

    @property
    def input(self):
        """The Text widget (class "hg-quiz-input") where the answer is typed."""
        return self.widget.hg_input
