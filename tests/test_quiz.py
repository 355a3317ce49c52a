"""Quiz engine: grading of each question type, feedback text, widgets, text fallback, bank validation.

These tests use a small bank written to a temporary file, so they do not depend on the chapter banks
(those are checked in test_quiz_banks.py).
"""
import json

import numpy as np
import pytest

from honggong import quiz
from honggong.quiz.normalize import normalize_text, parse_number

BANK = {
    "chapter": "ch99",
    "title": "시험용",
    "questions": [
        {
            "id": "params",
            "type": "multiple_choice",
            "prompt": "입력 100개, 뉴런 10개인 `Dense` 층의 파라미터 수는?",
            "options": [
                {"text": "1,000개", "feedback": "절편(bias)을 빼먹었어요."},
                {"text": "1,010개", "feedback": ""},
                {"text": "'sigmoid'", "feedback": "활성화 함수 이름이에요."},
            ],
            "answer": 2,
            "explanation": "100×10 + 10 = 1,010개.",
            "source": "시험 1",
        },
        {
            "id": "count",
            "type": "numeric",
            "prompt": "파라미터 수는?",
            "answer": 1010,
            "unit": "개",
            "mistakes": [{"answer": 1000, "feedback": "절편 10개를 더하세요."}],
            "hint": "뉴런마다 절편이 하나.",
            "explanation": "1,010개입니다.",
            "source": "시험 2",
        },
        {
            "id": "step",
            "type": "numeric",
            "prompt": "Adam 첫 걸음 뒤의 w는?",
            "answer": 0.999,
            "tolerance": 1e-4,
            "explanation": "약 lr만큼 움직입니다.",
            "source": "시험 3",
        },
        {
            "id": "loss",
            "type": "short_answer",
            "prompt": "정수 레이블 다중 분류의 손실 함수는?",
            "answer": "sparse_categorical_crossentropy",
            "accept": ["희소 범주형 크로스 엔트로피", "SparseCategoricalCrossentropy"],
            "mistakes": [{"answer": "categorical_crossentropy", "feedback": "그건 원-핫 타깃용이에요."}],
            "explanation": "정수 레이블이면 sparse_를 붙입니다.",
            "source": "시험 4",
        },
    ],
}


@pytest.fixture
def bank_path(tmp_path):
    path = tmp_path / "ch99.json"
    path.write_text(json.dumps(BANK, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def questions(bank_path):
    return quiz.load_bank(bank_path)


def write_bank(tmp_path, mutate):
    data = json.loads(json.dumps(BANK))
    mutate(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ---- normalization and number parsing ----------------------------------------------------------

@pytest.mark.parametrize("text", ["Sparse Categorical-Crossentropy", "'sparse_categorical_crossentropy'",
                                  "sparse categorical crossentropy", "ＳＰＡＲＳＥ_categorical_crossentropy"])
def test_normalize_text_ignores_case_spaces_hyphens_underscores_quotes(text):
    assert normalize_text(text) == "sparsecategoricalcrossentropy"


def test_normalize_text_brackets():
    assert normalize_text("compile()") == "compile"
    assert normalize_text("(None, 784)") == normalize_text("[None, 784]") == "none,784"
    # brackets inside code keep their meaning
    assert normalize_text("model.add(Dense(10))") != normalize_text("model.add(Dense)(10)")


@pytest.mark.parametrize("raw, expected", [
    (1010, 1010.0), (1010.0, 1010.0), ("1010", 1010.0), ("1,010", 1010.0), (" 1,010개 ", 1010.0),
    ("12,345,678.5", 12345678.5), ("1e-3", 0.001), ("-0.5", -0.5), (np.float32(0.25), 0.25),
    (np.int64(7), 7.0), (np.array([3.5]), 3.5), (np.array(2), 2.0),
])
def test_parse_number_accepts(raw, expected):
    assert parse_number(raw, unit="개") == expected


@pytest.mark.parametrize("raw", [True, False, "abc", "1,01", "0,5", [1], np.array([1.0, 2.0]), float("nan"),
                                 "inf", None, {"a": 1}])
def test_parse_number_rejects(raw):
    assert parse_number(raw, unit="개") is None


# ---- multiple choice ---------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [2, "2", "2번", "(2)", 2.0, np.int64(2), "1,010개", " 1,010 개 ", 1010, "1,010"])
def test_multiple_choice_correct(questions, capsys, answer):
    q = questions[0]
    assert q.check(answer) is True
    out = capsys.readouterr().out
    assert out == "✅ 정답입니다! 100×10 + 10 = 1,010개.\n"


def test_multiple_choice_option_text_with_quotes(questions):
    q = questions[0]
    assert q.choice_number("sigmoid") == 3
    assert q.choice_number("'sigmoid'") == 3


@pytest.mark.parametrize("answer", [1, "1번", "1,000개", 1000, "1000"])
def test_multiple_choice_wrong_shows_option_feedback_and_explanation(questions, capsys, answer):
    q = questions[0]
    assert q.check(answer) is False
    out = capsys.readouterr().out
    assert out.startswith("❌ 아쉬워요, 오답입니다. 절편(bias)을 빼먹었어요.")
    assert "📖 해설: 100×10 + 10 = 1,010개." in out


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_multiple_choice_missing(questions, capsys, answer):
    assert questions[0].check(answer) is False
    assert capsys.readouterr().out.startswith("✏️ 아직 답이 없어요. 보기 번호(1~3)를")


@pytest.mark.parametrize("answer, shown", [
    (7, "7 (int)"), (0, "0 (int)"), (True, "True (bool)"), ("abc", "'abc' (str)"), ([2], "[2] (list)"),
    (2.5, "2.5 (float)"), (float("nan"), "nan (float)"), (1001, "1001 (int)"),
])
def test_multiple_choice_ill_typed_never_raises(questions, capsys, answer, shown):
    assert questions[0].check(answer) is False
    out = capsys.readouterr().out
    assert out.startswith("⚠️ 답의 형식을 알아볼 수 없어요. Expected an option number 1-3 or an option's text, "
                          f"received {shown}.")


def test_check_survives_an_object_whose_repr_raises(questions, capsys):
    class Weird:
        def __repr__(self):
            raise RuntimeError("boom")

        def __str__(self):
            raise RuntimeError("boom")

    for q in questions:
        assert q.check(Weird()) is False
    out = capsys.readouterr().out
    assert out.count("⚠️") == 4 and "<Weird object>" in out


# ---- numeric -----------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [1010, 1010.0, "1010", "1,010", "1,010개", np.float32(1010)])
def test_numeric_correct(questions, capsys, answer):
    assert questions[1].check(answer) is True
    assert capsys.readouterr().out == "✅ 정답입니다! 1,010개입니다.\n"


def test_numeric_known_mistake_feedback_then_hint_and_explanation(questions, capsys):
    assert questions[1].check("1,000") is False
    assert capsys.readouterr().out == ("❌ 아쉬워요, 오답입니다. 절편 10개를 더하세요. 💡 힌트: 뉴런마다 절편이 하나. "
                                       "📖 해설: 1,010개입니다.\n")


def test_numeric_near_miss_and_far_miss(questions, capsys):
    assert questions[1].check(1011) is False
    assert "거의 다 왔어요!" in capsys.readouterr().out
    assert questions[1].check(5) is False
    out = capsys.readouterr().out
    assert out.startswith("❌ 아쉬워요, 오답입니다. 💡 힌트") and "거의" not in out


def test_numeric_tolerance_is_absolute(questions):
    q = questions[2]  # answer 0.999, tolerance 1e-4
    assert q.check(0.99909) is True
    assert q.check("0.9989") is True
    assert q.check(0.9988) is False
    assert q.check(1.0) is False


@pytest.mark.parametrize("answer", ["천 십", "1,01", [1010], True, {"x": 1}])
def test_numeric_ill_typed(questions, capsys, answer):
    assert questions[1].check(answer) is False
    assert capsys.readouterr().out.startswith(
        "⚠️ 답의 형식을 알아볼 수 없어요. Expected a number such as 1010, 1010.0 or \"1,010\", received ")


def test_numeric_missing(questions, capsys):
    assert questions[1].check(None) is False
    assert capsys.readouterr().out == "✏️ 아직 답이 없어요. 숫자를 `q.check(숫자)`처럼 넣어 보세요 (단위 '개'는 빼도 돼요).\n"


# ---- short answer ------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", ["sparse_categorical_crossentropy", "Sparse Categorical Crossentropy",
                                    "'sparse-categorical-crossentropy'", "SparseCategoricalCrossentropy",
                                    "희소 범주형 크로스엔트로피"])
def test_short_answer_correct_with_synonyms(questions, capsys, answer):
    assert questions[3].check(answer) is True
    assert capsys.readouterr().out == "✅ 정답입니다! 정수 레이블이면 sparse_를 붙입니다.\n"


def test_short_answer_known_mistake_and_plain_wrong(questions, capsys):
    q = questions[3]
    assert q.check("categorical_crossentropy") is False
    assert capsys.readouterr().out == "❌ 아쉬워요, 오답입니다. 그건 원-핫 타깃용이에요. 📖 해설: 정수 레이블이면 sparse_를 붙입니다.\n"
    assert q.check("mse") is False
    assert capsys.readouterr().out == "❌ 아쉬워요, 오답입니다. 📖 해설: 정수 레이블이면 sparse_를 붙입니다.\n"


def test_short_answer_missing_and_ill_typed(questions, capsys):
    q = questions[3]
    assert q.check("") is False
    assert capsys.readouterr().out.startswith("✏️ 아직 답이 없어요. 짧은 답을")
    assert q.check({"loss": 1}) is False
    assert capsys.readouterr().out.startswith(
        "⚠️ 답의 형식을 알아볼 수 없어요. Expected a short text answer (str), received {'loss': 1} (dict).")


def test_short_answer_accepts_a_tuple_for_shape_answers(tmp_path):
    path = write_bank(tmp_path, lambda d: d["questions"][3].update(answer="(None, 784)", accept=[], mistakes=[]))
    q = quiz.load_bank(path)[3]
    assert q.grade((None, 784)).correct and q.grade([None, 784]).correct and q.grade("None,784").correct
    assert q.grade((784,)).status == "wrong"


# ---- widgets -----------------------------------------------------------------------------------

def test_multiple_choice_widget_click(questions):
    q = questions[0]
    box = q.widget
    assert "hg-quiz" in box._dom_classes
    assert "hg-quiz-choices" in q.choices._dom_classes
    assert "hg-quiz-check" in q.button._dom_classes and q.button.description == "확인"
    assert "hg-quiz-feedback" in q.feedback._dom_classes
    assert [label for label, _ in q.choices.options] == ["1,000개", "1,010개", "'sigmoid'"]
    assert q.choices.value is None and q.feedback.value == ""

    q.button.click()  # nothing selected yet
    assert "아직 답이 없어요" in q.feedback.value

    q.choices.value = 1
    q.button.click()
    assert "오답" in q.feedback.value and "절편(bias)을 빼먹었어요." in q.feedback.value
    assert "해설: 100×10 + 10 = 1,010개." in q.feedback.value
    assert 'class="hg-quiz-wrong"' in q.feedback.value

    q.choices.value = 2
    q.button.click()
    assert "✅ 정답입니다!" in q.feedback.value and "100×10 + 10 = 1,010개." in q.feedback.value
    assert 'class="hg-quiz-correct"' in q.feedback.value


def test_text_widget_click_for_numeric_and_short_answer(questions):
    numeric, short = questions[1], questions[3]
    assert "hg-quiz-input" in numeric.input._dom_classes
    numeric.input.value = "1,010개"
    numeric.button.click()
    assert "정답입니다" in numeric.feedback.value
    numeric.input.value = "1000"
    numeric.button.click()
    assert "오답" in numeric.feedback.value and "절편 10개를 더하세요." in numeric.feedback.value
    short.input.value = "Sparse-Categorical-Crossentropy"
    short.button.click()
    assert "정답입니다" in short.feedback.value


def test_programmatic_check_updates_an_open_widget(questions, capsys):
    q = questions[0]
    _ = q.widget
    q.check(1)
    assert "오답" in q.feedback.value
    capsys.readouterr()


def test_feedback_html_escapes_and_renders_markup(tmp_path):
    path = write_bank(tmp_path, lambda d: d["questions"][0].update(
        explanation="**1,010**개: `Dense(10)` <script>x</script>"))
    q = quiz.load_bank(path)[0]
    assert "<code>Dense</code>" in q.html()  # the prompt's `Dense`
    q.choices.value = 2
    q.button.click()
    assert "<b>1,010</b>개: <code>Dense(10)</code> &lt;script&gt;x&lt;/script&gt;" in q.feedback.value


# ---- text fallback -----------------------------------------------------------------------------

def test_text_repr_lists_numbered_options_and_instructions(questions):
    text = str(questions[0])
    assert text == (
        "[ch99 시험용 · 문제 1/4]\n"
        "입력 100개, 뉴런 10개인 `Dense` 층의 파라미터 수는?\n"
        "  1) 1,000개\n"
        "  2) 1,010개\n"
        "  3) 'sigmoid'\n"
        '→ 답하기: q = quiz.ask("ch99", 1) 다음에 보기 번호(1~3)를 골라 `q.check(번호)`처럼 넣어 보세요.\n'
        "(출처: 시험 1)"
    )
    html = questions[0]._repr_html_()
    assert html.startswith('<div class="hg-quiz-static"><b>[ch99 시험용 · 문제 1/4]</b>')
    assert "<ol><li>1,000개</li><li>1,010개</li><li>'sigmoid'</li></ol>" in html
    assert "<code>q = quiz.ask(&quot;ch99&quot;, 1)</code>" in html


def test_repr_pretty_matches_text(questions):
    from IPython.lib.pretty import pretty

    assert pretty(questions[1]) == questions[1].text()
    assert "→ 답하기" in pretty(questions[1]) and "숫자를 `q.check(숫자)`처럼" in pretty(questions[1])


def test_ask_without_ipython_prints_text_once(capsys):
    q = quiz.ask("ch06", 1)
    out = capsys.readouterr().out
    assert out == q.text() + "\n"
    assert isinstance(q, quiz.MultipleChoice) and q.number == 1 and q.chapter == "ch06"


def test_ask_accepts_chapter_number_and_question_id():
    assert quiz.ask(6, "integer-labels-loss").number == quiz.ask("ch6", 4).number == 4


def test_ask_all_returns_every_question(capsys):
    questions = quiz.ask_all("ch06")
    out = capsys.readouterr().out
    assert len(questions) == len(quiz.load_bank("ch06"))
    assert out.count("→ 답하기") == len(questions)


def test_ask_in_ipython_displays_once_even_as_last_expression(capsys):
    """quiz.ask(...) as a cell's last line is displayed by ask() only, not again by the displayhook."""
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        shell.run_cell("from honggong import quiz\nquiz.ask('ch06', 1)")
        first = capsys.readouterr().out
        shell.run_cell("q = quiz.ask('ch06', 2)")
        second = capsys.readouterr().out
        shell.run_cell("q")  # a later cell showing q displays it again
        third = capsys.readouterr().out
    finally:
        InteractiveShell.clear_instance()
    assert first.count("[ch06 패션 MNIST 분류 · 문제 1/10]") == 1
    assert second.count("[ch06 패션 MNIST 분류 · 문제 2/10]") == 1
    assert third.count("[ch06 패션 MNIST 분류 · 문제 2/10]") == 1


def test_ask_errors_are_clear():
    with pytest.raises(quiz.QuizBankError, match=r"No quiz bank for chapter 'ch42'.*expected one of ch0"):
        quiz.ask("ch42", 1)
    with pytest.raises(quiz.QuizBankError, match=r"Expected a question number between 1 and 10 .*received 11"):
        quiz.ask("ch06", 11)
    with pytest.raises(quiz.QuizBankError, match=r"No question with id 'nope' in ch06"):
        quiz.ask("ch06", "nope")
    with pytest.raises(quiz.QuizBankError, match=r"Expected a chapter name"):
        quiz.load_bank(None)


# ---- bank validation ---------------------------------------------------------------------------

def test_load_bank_builds_typed_questions(questions):
    assert [type(q).__name__ for q in questions] == ["MultipleChoice", "Numeric", "Numeric", "ShortAnswer"]
    assert [q.number for q in questions] == [1, 2, 3, 4] and {q.total for q in questions} == {4}
    assert questions[2].tolerance == 1e-4 and questions[1].unit == "개"


@pytest.mark.parametrize("mutate, pattern", [
    (lambda d: d["questions"][0].update(answer=5),
     r"broken.json, question 'params' \(#1\), field 'answer': expected an option number between 1 and 3, received 5"),
    (lambda d: d["questions"][0].update(answer="2"),
     r"question 'params' \(#1\), field 'answer': expected an option number between 1 and 3, received '2'"),
    (lambda d: d["questions"][1].update(id="params"),
     r"question 'params' \(#2\), field 'id': expected an id not used by another question"),
    (lambda d: d["questions"][1].update(type="essay"),
     r"question 'count' \(#2\), field 'type': expected one of 'multiple_choice', 'numeric', 'short_answer', "
     r"received 'essay'"),
    (lambda d: d["questions"][1].update(explaination="오타"),
     r"question 'count' \(#2\), field 'explaination': expected no such field for a numeric question"),
    (lambda d: d["questions"][3].pop("explanation"),
     r"question 'loss' \(#4\), field 'explanation': expected a non-empty string, received \(missing\)"),
    (lambda d: d["questions"][2].update(tolerance=-1),
     r"question 'step' \(#3\), field 'tolerance': expected a number >= 0, received -1"),
    (lambda d: d["questions"][2].update(answer="0.999"),
     r"question 'step' \(#3\), field 'answer': expected a number, received '0.999'"),
    (lambda d: d["questions"][0].update(options=d["questions"][0]["options"][:1]),
     r"question 'params' \(#1\), field 'options': expected a list of at least 2"),
    (lambda d: d["questions"][0]["options"][1].update(text="1,000 개"),
     r"question 'params' \(#1\), field 'options': expected option texts that differ from each other"),
    (lambda d: d["questions"][0]["options"][1].update(txt="x"),
     r"question 'params' \(#1\), field 'options\[1\]': expected an object"),
    (lambda d: d["questions"][3].update(accept="sparse"),
     r"question 'loss' \(#4\), field 'accept': expected a list of non-empty strings"),
    (lambda d: d.update(questions=[]), r"broken.json, field 'questions': expected a non-empty list"),
    (lambda d: d.update(author="me"), r"broken.json, field 'author': expected only"),
    (lambda d: d["questions"].append("oops"), r"question #5, field '\(question\)': expected an object"),
])
def test_malformed_bank_error_names_file_question_and_field(tmp_path, mutate, pattern):
    path = write_bank(tmp_path, mutate)
    with pytest.raises(quiz.QuizBankError, match=pattern):
        quiz.load_bank(path)


def test_invalid_json_error_names_file_and_line(tmp_path):
    path = tmp_path / "ch98.json"
    path.write_text('{"chapter": "ch98",\n "title": "x",\n "questions": [,]}', encoding="utf-8")
    with pytest.raises(quiz.QuizBankError, match=r"ch98.json: not valid JSON \(line 3, column"):
        quiz.load_bank(path)


def test_quiz_bank_error_is_a_honggong_value_error():
    from honggong.backend import HonggongError

    assert issubclass(quiz.QuizBankError, HonggongError) and issubclass(quiz.QuizBankError, ValueError)


# ---- in a real Jupyter kernel (what nbval and JupyterLab see) -----------------------------------

def test_in_a_kernel_ask_sends_one_bundle_with_widget_html_and_text():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('from honggong import quiz\nquiz.ask("ch06", 1)'),
                nbformat.v4.new_code_cell('q = quiz.ask("ch06", 2)\n_ = q.check("sigmoid")')]
    NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    first, second = nb.cells[0].outputs, nb.cells[1].outputs
    # one display, no second copy as the cell's result
    assert [o.output_type for o in first] == ["display_data"]
    data = first[0]["data"]
    assert sorted(data) == ["application/vnd.jupyter.widget-view+json", "text/html", "text/plain"]
    assert data["text/plain"] == quiz.load_bank("ch06")[0].text()
    assert data["text/html"] == quiz.load_bank("ch06")[0].html()
    assert [o.output_type for o in second] == ["display_data", "stream"]
    assert second[1]["text"] == "✅ 정답입니다! " + quiz.load_bank("ch06")[1].explanation + "\n"
