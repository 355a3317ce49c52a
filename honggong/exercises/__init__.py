"""혼공 연습 문제: 장에서 배운 코드를 직접 짜고, 노트북 안에서 바로 채점받습니다.

    from honggong import exercises
    exercises.check("ch02-softmax", softmax)   # ✅ 또는 어떤 입력에서 무엇이 달랐는지 + 진단 (절대 예외 없음)
    exercises.hint("ch02-softmax")             # 힌트 1단계, 다시 부르면 2단계 ... (level=2처럼 고를 수도)
    exercises.solution("ch02-softmax")         # 모범 답안: 한 번 check()로 풀어 본 다음에만 보여 줍니다
    exercises.ids("ch05")                      # 장의 연습 id 목록
    exercises.get("ch05-adam-step").stub()     # 노트북의 빈칸 셀 코드

Each exercise is data plus a reference that is honggong's own implementation (one implementation of
each idea): the learner's function is called on several inputs, edge cases included, and compared
with it. Known mistakes (e.g. softmax without the max subtracted) are recognized and explained in
Korean. Every check that is an attempt is recorded by ``honggong.progress``.
In JupyterLab the result is a small widget (feedback, "힌트" and "정답 보기" buttons); elsewhere text.
Catalog and conventions: README.md beside this file.
"""
from __future__ import annotations

from .bank import load_all
from .core import BEGIN, END, NOT_DONE, STUB_BODY, Case, CheckResult, Exercise, Mistake, grade

__all__ = ["check", "hint", "solution", "get", "ids", "all_exercises", "CheckResult", "Exercise",
           "Case", "Mistake", "BEGIN", "END", "NOT_DONE"]

_EXERCISES = {exercise.id: exercise for exercise in load_all()}
_hint_levels: dict[str, int] = {}
_attempted: set[str] = set()


def all_exercises() -> list[Exercise]:
    """Every exercise, in chapter order."""
    return list(_EXERCISES.values())


def ids(chapter=None) -> list[str]:
    """Exercise ids, all or of one chapter ("ch05" or 5)."""
    if chapter is None:
        return list(_EXERCISES)
    prefix = f"ch{int(chapter):02d}-" if not isinstance(chapter, str) else f"{chapter}-"
    return [i for i in _EXERCISES if i.startswith(prefix)]


def _lookup(exercise_id):
    exercise = _EXERCISES.get(exercise_id) if isinstance(exercise_id, str) else None
    if exercise is None:
        from difflib import get_close_matches

        close = get_close_matches(str(exercise_id), list(_EXERCISES), n=1)
        guess = f' 혹시 "{close[0]}"인가요?' if close else ""
        return None, (f"⚠️ 연습 문제 id {exercise_id!r}를 찾을 수 없습니다.{guess} "
                      f"exercises.ids()로 목록을 볼 수 있습니다.")
    return exercise, None


def get(exercise_id) -> Exercise:
    """The Exercise with this id (KeyError naming the known ids otherwise)."""
    exercise, problem = _lookup(exercise_id)
    if exercise is None:
        raise KeyError(problem)
    return exercise


def check(exercise_id, answer, *, display=True) -> CheckResult:
    """Grade ``answer`` (the learner's function) for ``exercise_id``; show and return the result.

    Never raises. ``result.passed`` is True only when every case matches honggong's reference.
    """
    exercise, problem = _lookup(exercise_id)
    if exercise is None:
        result = CheckResult(str(exercise_id), "invalid", problem)
    else:
        result = grade(exercise, answer)
        if result.status != "not_done":
            _attempted.add(exercise.id)
            from .. import progress

            progress.record_exercise(exercise.id, result.status, result.passed)
    if display:
        from .ui import present

        present(result)
    return result


def hint(exercise_id, level=None, *, display=True) -> str:
    """Hint ``level`` (1, 2, ...) or, without a level, the next one each time it is called."""
    exercise, problem = _lookup(exercise_id)
    if exercise is None:
        text = problem
    else:
        n = len(exercise.hints)
        if level is None:
            level = _hint_levels.get(exercise.id, 0) + 1
        try:
            level = min(max(int(level), 1), n)
        except (TypeError, ValueError):
            level = 1
        _hint_levels[exercise.id] = level
        more = (f' 더 필요하면 exercises.hint("{exercise.id}")를 한 번 더.' if level < n
                else f' 마지막 힌트입니다. 그래도 막히면 exercises.solution("{exercise.id}")')
        text = f"💡 힌트 {level}/{n} ({exercise.id}): {exercise.hints[level - 1]}{more}"
    if display:
        from .ui import show_text

        show_text(text, "hint")
    return text


def attempted(exercise_id) -> bool:
    """True when the learner has checked an attempt (in this session or recorded by progress)."""
    if exercise_id in _attempted:
        return True
    from .. import progress

    return progress.has_attempt("exercise", exercise_id)


def solution(exercise_id, *, display=True) -> str:
    """The model answer, only after an attempt has been checked (otherwise: how to attempt first)."""
    exercise, problem = _lookup(exercise_id)
    if exercise is None:
        text = problem
    elif not attempted(exercise.id):
        text = (f"🔒 먼저 직접 풀어 보세요: 빈칸을 채우고 exercises.check(\"{exercise.id}\", "
                f"{exercise.function_name})로 한 번 확인하면 모범 답안을 볼 수 있습니다. "
                f'막히면 exercises.hint("{exercise.id}")부터.')
    else:
        text = (f"📖 모범 답안 ({exercise.id}: {exercise.title}) — 채점 기준은 {exercise.reference_name}입니다.\n\n"
                f"{exercise.solution_cell()}")
    if display:
        from .ui import show_text

        show_text(text, "solution")
    return text


from . import ui as _ui  # noqa: E402  (the widget front end; it gets these functions, never imports us)

_ui.use_actions(get=get, hint=hint, solution=solution)
