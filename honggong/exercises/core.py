"""Exercises as data, and how a learner's function is graded against honggong's own.

An ``Exercise`` holds

    id, chapter, title, prompt (Korean)     what to write
    signature, docstring                    the function the learner completes
    solution                                the lines that go between the markers (the model answer)
    reference, reference_name               honggong's OWN function (the one implementation); the
                                            grader compares every answer with it
    cases                                   inputs: typical values and edge cases (large logits, a
                                            batch of one, negative values, float32, ...)
    mistakes                                known wrong implementations (``planted``) with their
                                            Korean diagnosis: when the learner's output equals the
                                            planted one on the failing input, the diagnosis is shown
    hints                                   two or more levels, from a nudge to nearly the answer

``grade(exercise, answer)`` never raises: None, a string, a function that raises, a wrong shape or a
wrong type all become a ``CheckResult`` with a message.

The learner's cell is ``exercise.stub()``::

    def softmax(z):
        \"\"\"...\"\"\"
        # ---- 여기부터 ----
        raise NotImplementedError("이 줄을 지우고 직접 써 보세요")
        # ---- 여기까지 ----

and ``exercise.solution_cell()`` is the same text with ``solution`` between the markers.
"""
from __future__ import annotations

import copy
import contextlib
import io
import numbers
import textwrap
import warnings
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

BEGIN = "# ---- 여기부터 ----"
END = "# ---- 여기까지 ----"
STUB_BODY = 'raise NotImplementedError("이 줄을 지우고 직접 써 보세요")'
NOT_DONE = "아직 풀지 않았습니다"


@dataclass(frozen=True)
class Case:
    """One call of the learner's function: a Korean label and the arguments."""

    label: str
    args: tuple
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A known wrong implementation and what to tell the learner who made it."""

    id: str
    diagnosis: str                 # Korean: what went wrong and how to fix it
    planted: Callable              # the wrong implementation (same signature as the exercise)


@dataclass(frozen=True)
class CheckResult:
    """What ``exercises.check`` found: ``passed`` (bool), ``status``, ``message`` (str).

    status: "passed" ✅ | "failed" ❌ (a case differs or raised) | "not_done" ✏️ (stub untouched)
    | "invalid" ⚠️ (not a function, or a function with the wrong number of arguments)
    """

    exercise_id: str
    status: str
    message: str
    case: str | None = None          # label of the failing case
    mistake: str | None = None       # id of the diagnosed known mistake

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        return self.message

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.message)

    # the interactive UI (honggong.exercises.ui registers itself here; core never imports it)
    front_end = None

    def _ipython_display_(self) -> None:
        if self.front_end is None:
            print(self.message)
            return
        self.front_end.display_if_new(self)


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    prompt: str
    signature: str                 # "softmax(z)"
    docstring: str
    solution: str                  # lines between the markers (indented by the function body)
    reference: Callable
    reference_name: str
    cases: tuple
    hints: tuple
    mistakes: tuple = ()
    imports: str = "import numpy as np"
    rtol: float = 1e-5
    atol: float = 1e-6
    float32: bool = True           # array results must keep float32

    @property
    def chapter(self) -> str:
        return self.id.split("-", 1)[0]

    @property
    def function_name(self) -> str:
        return self.signature.split("(", 1)[0]

    # ---- the cells --------------------------------------------------------------------------
    def _cell(self, body: str) -> str:
        doc = textwrap.indent(f'"""{self.docstring.strip()}"""', "    ")
        body = textwrap.indent(textwrap.dedent(body).strip("\n"), "    ")
        return (f"# 연습 {self.id}: {self.title}\n{self.imports}\n\n\ndef {self.signature}:\n{doc}\n"
                f"    {BEGIN}\n{body}\n    {END}\n")

    def stub(self) -> str:
        """The cell the learner starts from (the function raises NotImplementedError)."""
        return self._cell(STUB_BODY)

    def solution_cell(self) -> str:
        """The stub with the model answer between the markers."""
        return self._cell(self.solution)

    def check_cell(self) -> str:
        return f'exercises.check("{self.id}", {self.function_name})'


# ---------------------------------------------------------------------------------------------
# describing values for messages
# ---------------------------------------------------------------------------------------------
def describe(value) -> str:
    """A short, never-failing description of a value (arrays with shape and dtype)."""
    try:
        if isinstance(value, np.ndarray):
            text = np.array2string(value, precision=4, threshold=12, edgeitems=2,
                                   separator=", ", suppress_small=False)
            return f"{text} (shape {value.shape}, {value.dtype})"
        if isinstance(value, tuple):
            return "(" + ", ".join(describe(v) for v in value) + ")"
        if callable(value) and hasattr(value, "__name__"):
            return f"함수 {value.__name__}"
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 200 else text[:197] + "..."


def _block(text: str, indent: str = "      ") -> str:
    """Continuation lines of a multi-line array description, indented under their first line."""
    return text.replace("\n", "\n" + indent)


def _call_text(exercise: Exercise, case: Case) -> str:
    names = [a.strip().split("=")[0] for a in exercise.signature.split("(", 1)[1].rstrip(")").split(",")]
    lines = []
    for name, value in zip(names, case.args):
        lines.append(f"    {name} = {_block(describe(value))}")
    for name, value in case.kwargs.items():
        lines.append(f"    {name} = {_block(describe(value))}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# comparing a result with the expected one
# ---------------------------------------------------------------------------------------------
def _is_number(x) -> bool:
    return isinstance(x, numbers.Number) and not isinstance(x, bool) or (
        isinstance(x, np.generic) and np.issubdtype(type(x), np.number))


def difference(expected, received, exercise: Exercise) -> str | None:
    """None when ``received`` matches ``expected``; otherwise a Korean sentence saying how it differs."""
    if isinstance(expected, tuple):
        if not isinstance(received, (tuple, list)):
            return (f"값 {len(expected)}개를 튜플로 돌려주어야 하는데 {type(received).__name__}이(가) "
                    f"왔습니다. 해결: return a, b 처럼 쉼표로 묶어 돌려주세요.")
        if len(received) != len(expected):
            return f"값 {len(expected)}개를 돌려주어야 하는데 {len(received)}개가 왔습니다."
        for i, (e, r) in enumerate(zip(expected, received), start=1):
            problem = difference(e, r, exercise)
            if problem:
                return f"{i}번째 값: {problem}"
        return None
    if expected is None:
        return None if received is None else f"None이 와야 하는데 {describe(received)}이(가) 왔습니다."
    if received is None:
        return "None이 돌아왔습니다. 해결: 함수 끝에 return을 잊지 않았는지 확인하세요."
    if isinstance(expected, (int, np.integer)) and not isinstance(expected, bool):
        if isinstance(received, bool) or not _is_number(received):
            return f"정수(int)가 와야 하는데 {type(received).__name__}이(가) 왔습니다."
        return None if float(received) == float(expected) else "값이 다릅니다."
    if isinstance(expected, (float, np.floating)) or (isinstance(expected, np.ndarray) and expected.ndim == 0
                                                       and not isinstance(received, np.ndarray)):
        try:
            value = float(np.asarray(received, dtype=np.float64).reshape(()))
        except Exception:
            return (f"숫자 하나(float)가 와야 하는데 {type(received).__name__}"
                    f"{' 모양 ' + str(np.shape(received)) if isinstance(received, np.ndarray) else ''}이(가) "
                    "왔습니다. 해결: 평균을 내어 숫자 하나로 돌려주세요.")
        if np.isnan(value) or np.isinf(value):
            return "nan 또는 inf가 나왔습니다 (log(0)이나 너무 큰 exp?)."
        ok = np.isclose(value, float(expected), rtol=exercise.rtol, atol=exercise.atol)
        return None if ok else "값이 다릅니다."
    # arrays
    if not isinstance(received, np.ndarray):
        if isinstance(received, (list, tuple)) or _is_number(received):
            received = np.asarray(received)
            if isinstance(expected, np.ndarray) and received.shape != expected.shape:
                return (f"모양(shape)이 다릅니다: 기대 {expected.shape}, 받은 값 {received.shape}.")
            return "numpy 배열(np.ndarray)을 돌려주세요 (리스트나 숫자가 아니라). 해결: np.array(...)"
        return f"numpy 배열이 와야 하는데 {type(received).__name__}이(가) 왔습니다."
    if received.shape != expected.shape:
        return f"모양(shape)이 다릅니다: 기대 {expected.shape}, 받은 값 {received.shape}."
    if not np.issubdtype(received.dtype, np.number) and received.dtype != bool:
        return f"숫자 배열이 와야 하는데 dtype {received.dtype}이(가) 왔습니다."
    r = received.astype(np.float64)
    e = expected.astype(np.float64)
    bad = ~np.isfinite(r) & np.isfinite(e)
    if bad.any():
        return "nan 또는 inf가 섞여 있습니다 (너무 큰 exp나 log(0)?)."
    if not np.allclose(r, e, rtol=exercise.rtol, atol=exercise.atol, equal_nan=True):
        i = np.unravel_index(np.argmax(np.abs(r - e) - exercise.atol - exercise.rtol * np.abs(e)), e.shape)
        return f"값이 다릅니다 (예: 위치 {tuple(int(k) for k in i)}에서 기대 {e[i]:.6g}, 받은 값 {r[i]:.6g})."
    return None


def dtype_note(expected, received, exercise: Exercise) -> str | None:
    """A remark (not a failure) when float32 inputs gave a float64 array."""
    if isinstance(expected, tuple) and isinstance(received, (tuple, list)):
        for e, r in zip(expected, received):
            note = dtype_note(e, r, exercise)
            if note:
                return note
        return None
    if (exercise.float32 and isinstance(expected, np.ndarray) and isinstance(received, np.ndarray)
            and expected.dtype == np.float32 and received.dtype == np.float64):
        return ("참고: 값은 맞지만 결과의 dtype이 float64입니다 (honggong과 케라스는 float32로 계산합니다). "
                "np.sqrt(파이썬 수)나 np.where(..., 1.0, 0.0)처럼 float64가 섞이면 그렇게 됩니다. "
                "math.sqrt를 쓰거나 .astype(x.dtype)으로 맞추면 float32로 남습니다.")
    return None


def _same(a, b, exercise: Exercise) -> bool:
    """True when a planted mistake's output equals the learner's (nan/inf included)."""
    if isinstance(a, tuple):
        return isinstance(b, (tuple, list)) and len(a) == len(b) and all(
            _same(x, y, exercise) for x, y in zip(a, b))
    try:
        x = np.asarray(a, dtype=np.float64)
        y = np.asarray(b, dtype=np.float64)
    except Exception:
        return False
    if x.shape != y.shape:
        return False
    return bool(np.allclose(x, y, rtol=exercise.rtol, atol=exercise.atol, equal_nan=True))


@contextlib.contextmanager
def quiet():
    """No numpy warnings (overflow in a learner's exp) reach the notebook's stderr."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def _fresh(case: Case):
    return copy.deepcopy(case.args), copy.deepcopy(case.kwargs)


def run(function, case: Case):
    """Call ``function`` on a deep copy of the case's arguments, quietly."""
    args, kwargs = _fresh(case)
    with quiet():
        return function(*args, **kwargs)


def expected_for(exercise: Exercise, case: Case):
    return run(exercise.reference, case)


def diagnose_exception(exercise: Exercise, case: Case, exc: Exception) -> Mistake | None:
    """The known mistake whose planted implementation raises the same error on ``case``."""
    for mistake in exercise.mistakes:
        try:
            run(mistake.planted, case)
        except Exception as planted_exc:
            if type(planted_exc) is type(exc) and str(planted_exc) == str(exc):
                return mistake
    return None


def diagnose(exercise: Exercise, case: Case, received, expected) -> Mistake | None:
    """The known mistake whose planted implementation gives ``received`` on ``case``
    (and not ``expected``, the reference's output there)."""
    for mistake in exercise.mistakes:
        try:
            planted = run(mistake.planted, case)
        except Exception:
            continue
        if _same(planted, received, exercise) and not _same(planted, expected, exercise):
            return mistake
    return None


# ---------------------------------------------------------------------------------------------
# grading
# ---------------------------------------------------------------------------------------------
def _hint_line(exercise: Exercise) -> str:
    return f'💡 힌트: exercises.hint("{exercise.id}")  ·  정답 보기: exercises.solution("{exercise.id}")'


def grade(exercise: Exercise, answer) -> CheckResult:
    """Grade ``answer`` (the learner's function). Never raises."""
    try:
        return _grade(exercise, answer)
    except Exception as exc:  # a safety net: the notebook must never crash here
        return CheckResult(exercise.id, "invalid",
                           f"⚠️ 채점하는 중에 예상하지 못한 문제가 생겼습니다 ({type(exc).__name__}: {exc}). "
                           f"함수 {exercise.signature}를 정의한 셀을 다시 실행하고 "
                           f'exercises.check("{exercise.id}", {exercise.function_name})로 확인해 보세요.')


def _not_done(exercise: Exercise) -> CheckResult:
    return CheckResult(exercise.id, "not_done",
                       f"✏️ {NOT_DONE} ({exercise.id}: {exercise.title}). 위 셀의 `{BEGIN}`와 `{END}` 사이를 "
                       f"채우고 그 셀과 이 셀을 다시 실행하세요.\n{_hint_line(exercise)}")


def _grade(exercise: Exercise, answer) -> CheckResult:
    how = f'exercises.check("{exercise.id}", {exercise.function_name})'
    if answer is None or answer is Ellipsis:
        return _not_done(exercise)
    if isinstance(answer, str):
        return CheckResult(exercise.id, "invalid",
                           f"⚠️ 문자열 {answer[:40]!r}이(가) 왔습니다. 함수 자체를 따옴표 없이 넣어 주세요: {how}")
    if not callable(answer):
        return CheckResult(exercise.id, "invalid",
                           f"⚠️ 함수가 와야 하는데 {describe(answer)} ({type(answer).__name__})이(가) 왔습니다. "
                           f"함수 {exercise.signature}를 정의하고 {how}처럼 넣어 주세요.")
    n = len(exercise.cases)
    note = None
    for k, case in enumerate(exercise.cases, start=1):
        call = f"{exercise.function_name}(...) 호출 — 입력 {k}/{n}: {case.label}\n{_call_text(exercise, case)}"
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output):
                received = run(answer, case)
        except NotImplementedError:
            return _not_done(exercise)
        except TypeError as exc:
            if k == 1 and ("positional argument" in str(exc) or "unexpected keyword" in str(exc)):
                return CheckResult(exercise.id, "invalid",
                                   f"⚠️ 함수의 인자가 맞지 않습니다 ({exc}). 이 연습의 함수 모양은 "
                                   f"{exercise.signature}입니다.", case.label)
            return _raised(exercise, call, exc, case)
        except Exception as exc:
            return _raised(exercise, call, exc, case)
        expected = expected_for(exercise, case)
        problem = difference(expected, received, exercise)
        if problem is None:
            note = note or dtype_note(expected, received, exercise)
            continue
        lines = [f"❌ 아직 달라요. {problem}", call,
                 f"  기대한 값 ({exercise.reference_name}):\n      {_block(describe(expected))}",
                 f"  받은 값:\n      {_block(describe(received))}"]
        mistake = diagnose(exercise, case, received, expected)
        if mistake is not None:
            lines.append(f"🔎 진단: {mistake.diagnosis}")
        lines.append(_hint_line(exercise))
        return CheckResult(exercise.id, "failed", "\n".join(lines), case.label,
                           mistake.id if mistake else None)
    return CheckResult(exercise.id, "passed",
                       f"✅ 정답입니다! {exercise.function_name}가 입력 {n}개 모두에서 "
                       f"{exercise.reference_name}와 같은 결과를 냅니다 ({exercise.title})."
                       + (f"\n{note}" if note else ""))


def _raised(exercise: Exercise, call: str, exc: Exception, case: Case) -> CheckResult:
    text = f"{type(exc).__name__}: {exc}"
    if len(text) > 300:
        text = text[:297] + "..."
    mistake = diagnose_exception(exercise, case, exc)
    found = f"🔎 진단: {mistake.diagnosis}\n" if mistake else ""
    return CheckResult(exercise.id, "failed",
                       f"❌ 함수를 부르다가 오류가 났습니다.\n{call}\n  오류: {text}\n{found}{_hint_line(exercise)}",
                       case.label, mistake.id if mistake else None)
