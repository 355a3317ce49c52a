"""혼공 퀴즈: 각 장의 확인 문제를 노트북 안에서 풀어 봅니다.

    from honggong import quiz
    q = quiz.ask("ch05", 2)     # 5장 2번 문제를 보여 주고 Question을 돌려줍니다
    q.check(3)                  # 코드로 답하기: 정답/오답과 해설을 출력하고 True/False를 돌려줍니다
    quiz.ask_all("ch05")        # 5장의 모든 문제
    quiz.load_bank("ch05")      # -> list[Question] (그냥 불러오기만)

In JupyterLab each question is an ipywidgets form (choices or a text box, a "확인" button, feedback).
Without a front end (plain Python, nbval) the same question is shown as text with instructions.
``check`` never raises: a missing or oddly typed answer gets feedback, not an exception.

Question types: multiple_choice, numeric (tolerance; "1,010" == 1010), short_answer (normalized,
synonyms). Bank schema: README.md in this folder and honggong.quiz.bank.
"""
from __future__ import annotations

from .. import progress as _progress
from .bank import QuizBankError, chapters, get_question, load_bank
from .questions import Feedback, MultipleChoice, Numeric, Question, ShortAnswer
from .ui import QuestionSet, present

__all__ = ["ask", "ask_all", "load_bank", "chapters", "QuizBankError", "Question", "MultipleChoice",
           "Numeric", "ShortAnswer", "Feedback"]


Question.progress = _progress   # submit() records answers there; questions.py imports no progress

def ask(chapter, which) -> Question:
    """Display question ``which`` (number from 1, or id) of ``chapter`` ("ch05" or 5); return it."""
    question = get_question(chapter, which)
    present(question)
    return question


def ask_all(chapter) -> QuestionSet:
    """Display every question of ``chapter``; return them (a list) for answering with .check()."""
    questions = QuestionSet(load_bank(chapter))
    present(questions)
    return questions
