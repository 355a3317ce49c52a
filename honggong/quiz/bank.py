"""Loading and validating the question banks (honggong/quiz/banks/chNN.json).

A bank is data, not code. Its schema (see README.md beside this file):

    {"chapter": "ch05", "title": "옵티마이저", "questions": [question, ...]}

    question fields           types                           needed for
    id                        str, unique in the bank         all
    type                      "multiple_choice" | "numeric" | "short_answer"
    prompt, explanation       str (markup: `code`, **bold**)  all
    source                    str ("혼공머신 7-1 확인 문제 1")   all
    hint                      str                             optional
    computed_by               str (a computation the tests do) optional
    options                   [{"text": str, "feedback": str}], >= 2     multiple_choice
    answer                    int option number from 1 | number | str    all
    tolerance, unit           number >= 0, str                numeric (optional)
    accept                    [str] synonyms                  short_answer (optional)
    mistakes                  [{"answer": ..., "feedback": str}]         numeric, short_answer (optional)

Any problem raises ``QuizBankError`` naming the file, the question and the field.
"""
from __future__ import annotations

import json
import numbers
import re
from importlib import resources
from pathlib import Path

from .. import checks
from ..backend import HonggongError
from .normalize import normalize_text
from .questions import Mistake, MultipleChoice, Numeric, Option, Question, ShortAnswer


class QuizBankError(HonggongError):
    """A question bank that cannot be used, or a chapter/question that does not exist (a ValueError)."""


def _error(text):
    """A QuizBankError in the one error form: the facts, then the 해결: line."""
    return checks.error(text, QuizBankError)


_TYPES = {"multiple_choice": MultipleChoice, "numeric": Numeric, "short_answer": ShortAnswer}
_COMMON = {"id", "type", "prompt", "explanation", "source", "answer", "hint", "computed_by"}
_ALLOWED = {
    "multiple_choice": _COMMON | {"options"},
    "numeric": _COMMON | {"tolerance", "unit", "mistakes"},
    "short_answer": _COMMON | {"accept", "mistakes"},
}
_CHAPTER = re.compile(r"^(?:ch)?0*(\d{1,2})$", re.IGNORECASE)


def banks_dir() -> Path:
    folder = Path(str(resources.files("honggong.quiz") / "banks"))
    if not any(folder.glob("ch*.json")):
        raise QuizBankError(
            f"honggong is installed without its quiz banks: expected honggong/quiz/banks/ch*.json in {folder}, "
            "found none (the wheel or sdist was built without its package data).\n"
            "해결: honggong을 다시 설치하세요: `pip install --force-reinstall honggong` (또는 저장소에서 `pip install -e .`).")
    return folder


def chapters() -> list[str]:
    """Names of the chapters that have a bank, e.g. ["ch00", "ch01", ...]."""
    return sorted(path.stem for path in banks_dir().glob("ch*.json"))


def chapter_name(chapter) -> str:
    """"ch05" from "ch05", "ch5", "CH05", 5 or "5"; anything else is a QuizBankError."""
    if isinstance(chapter, bool) or not isinstance(chapter, (str, int)):
        raise _error(f'Expected a chapter name such as "ch05" or 5, received {chapter!r}. '
                            f"해결: 있는 장은 {', '.join(chapters())} 입니다.")
    match = _CHAPTER.match(str(chapter).strip())
    name = f"ch{int(match.group(1)):02d}" if match else str(chapter)
    if name not in chapters():
        raise _error(f"No quiz bank for chapter {chapter!r}: expected one of {', '.join(chapters())}. "
                            f'해결: quiz.ask("ch05", 1)처럼 장 이름을 적어 주세요.')
    return name


class _Checker:
    """Collects the context (file, question, field) for error messages while validating."""

    def __init__(self, file: str):
        self.file = file
        self.where = ""

    def fail(self, field: str, expected: str, received, fix: str = "") -> None:
        shown = "(missing)" if received is _MISSING else repr(received)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        message = f"{self.file}{self.where}, field {field!r}: expected {expected}, received {shown}."
        raise _error(message + (f" 해결: {fix}" if fix else ""))

    def text(self, data: dict, field: str, required: bool = True, empty_ok: bool = False) -> str:
        value = data.get(field, _MISSING)
        if value is _MISSING and not required:
            return ""
        if not isinstance(value, str) or (not empty_ok and not value.strip()):
            self.fail(field, "a non-empty string" if not empty_ok else "a string", value)
        return value

    def number(self, data: dict, field: str, value=None) -> float:
        value = data.get(field, _MISSING) if value is None else value
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            self.fail(field, "a number", value)
        return float(value)

    def mistakes(self, data: dict, as_number: bool) -> list[Mistake]:
        items = data.get("mistakes", [])
        if not isinstance(items, list):
            self.fail("mistakes", 'a list of {"answer": ..., "feedback": "..."}', items)
        result = []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or set(item) != {"answer", "feedback"}:
                self.fail(f"mistakes[{i}]", 'an object with exactly "answer" and "feedback"', item)
            answer = self.number(item, f"mistakes[{i}].answer", item["answer"]) if as_number else \
                self.text(item, "answer")
            result.append(Mistake(answer, self.text(item, "feedback")))
        return result


_MISSING = object()


def _question(data, number: int, seen_ids: set, check: _Checker, header: dict) -> Question:
    check.where = f", question #{number}"
    if not isinstance(data, dict):
        check.fail("(question)", "an object {...}", data)
    qid = check.text(data, "id")
    check.where = f", question {qid!r} (#{number})"
    if qid in seen_ids:
        check.fail("id", "an id not used by another question of this bank", qid)
    seen_ids.add(qid)
    kind = data.get("type", _MISSING)
    if kind not in _TYPES:
        check.fail("type", "one of " + ", ".join(map(repr, _TYPES)), kind)
    unknown = sorted(set(data) - _ALLOWED[kind])
    if unknown:
        check.fail(unknown[0], "no such field for a " + kind + " question (allowed: "
                   + ", ".join(sorted(_ALLOWED[kind])) + ")", data[unknown[0]], "철자를 확인하세요.")
    common = dict(
        id=qid, prompt=check.text(data, "prompt"), explanation=check.text(data, "explanation"),
        source=check.text(data, "source"), hint=check.text(data, "hint", required=False),
        computed_by=check.text(data, "computed_by", required=False) or None, number=number, **header,
    )
    if "answer" not in data:
        check.fail("answer", "the answer key", _MISSING)
    answer = data["answer"]
    if kind == "multiple_choice":
        options = data.get("options", _MISSING)
        if not isinstance(options, list) or len(options) < 2:
            check.fail("options", 'a list of at least 2 {"text": ..., "feedback": ...}', options)
        parsed = []
        for i, item in enumerate(options):
            if not isinstance(item, dict) or not set(item) <= {"text", "feedback"}:
                check.fail(f"options[{i}]", 'an object {"text": "...", "feedback": "..."}', item)
            parsed.append(Option(check.text(item, "text"), check.text(item, "feedback", empty_ok=True)))
        texts = [normalize_text(option.text) for option in parsed]
        if len(set(texts)) != len(texts):
            check.fail("options", "option texts that differ from each other", [o.text for o in parsed])
        if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= len(parsed):
            check.fail("answer", f"an option number between 1 and {len(parsed)}", answer,
                       "answer는 정답 보기의 번호(1부터)입니다.")
        return MultipleChoice(**common, options=parsed, answer=answer)
    if kind == "numeric":
        tolerance = check.number(data, "tolerance") if "tolerance" in data else 0.0
        if tolerance < 0:
            check.fail("tolerance", "a number >= 0", data["tolerance"])
        return Numeric(**common, answer=check.number(data, "answer"), tolerance=tolerance,
                       unit=check.text(data, "unit", required=False),
                       mistakes=check.mistakes(data, as_number=True))
    accept = data.get("accept", [])
    if not isinstance(accept, list) or not all(isinstance(a, str) and a.strip() for a in accept):
        check.fail("accept", "a list of non-empty strings (synonyms)", accept)
    return ShortAnswer(**common, answer=check.text(data, "answer"), accept=list(accept),
                       mistakes=check.mistakes(data, as_number=False))


def load_bank(chapter) -> list[Question]:
    """Questions of a chapter ("ch05", 5) or of a bank file path (str/Path ending in .json).

    Raises QuizBankError naming the file, question id and field when the bank is malformed.
    """
    if isinstance(chapter, Path) or (isinstance(chapter, str) and chapter.endswith(".json")):
        path = Path(chapter)
    else:
        path = banks_dir() / f"{chapter_name(chapter)}.json"
    check = _Checker(path.name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _error(f"{path}: no such bank file. 해결: 경로를 확인하세요.") from None
    except json.JSONDecodeError as exc:
        raise _error(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
                            "해결: 쉼표와 따옴표를 확인하세요.") from None
    if not isinstance(data, dict):
        check.fail("(top level)", 'an object {"chapter": ..., "title": ..., "questions": [...]}', data)
    unknown = sorted(set(data) - {"chapter", "title", "questions"})
    if unknown:
        check.fail(unknown[0], 'only "chapter", "title", "questions" at the top level', data[unknown[0]])
    name, title = check.text(data, "chapter"), check.text(data, "title")
    if name != path.stem and path.parent == banks_dir():
        check.fail("chapter", f"{path.stem!r} (the file name)", name)
    questions = data.get("questions", _MISSING)
    if not isinstance(questions, list) or not questions:
        check.fail("questions", "a non-empty list of questions", questions)
    header = dict(chapter=name, title=title, total=len(questions))
    seen: set = set()
    return [_question(item, i, seen, check, header) for i, item in enumerate(questions, start=1)]


def get_question(chapter, which) -> Question:
    """Question ``which`` of a chapter: its number (from 1) or its id."""
    questions = load_bank(chapter)
    if isinstance(which, str) and not which.strip().isdigit():
        for question in questions:
            if question.id == which:
                return question
        raise _error(f"No question with id {which!r} in {chapter_name(chapter)}: expected one of "
                            + ", ".join(repr(q.id) for q in questions) + ". "
                            "해결: 문제 번호(1부터)나 위 id 중 하나를 쓰세요.")
    try:
        number = int(which)
    except (TypeError, ValueError):
        number = 0
    if isinstance(which, bool) or not 1 <= number <= len(questions):
        raise _error(f"Expected a question number between 1 and {len(questions)} (or an id), "
                            f"received {which!r}. 해결: 문제 번호는 1부터 셉니다.")
    return questions[number - 1]
