"""The static HTML form of a question (the web edition, viewers without widgets) shows the answer and its
explanation folded away in <details>, closed until the reader opens it."""
import re

from honggong import quiz
from honggong.quiz.questions import MultipleChoice, Numeric, Option, ShortAnswer


def folded(html):
    m = re.search(r'<details class="hg-quiz-answer"><summary>정답과 해설 보기</summary>(.*)</details></div>$', html)
    assert m, html
    return html[:m.start()], m.group(1)


def test_multiple_choice_answer_is_folded():
    q = MultipleChoice(id="t", prompt="은닉층의 기본 활성화 함수는?", explanation="기울기 소실이 적어요.",
                       source="시험", options=[Option("sigmoid"), Option("relu")], answer=2)
    shown, answer = folded(q.html())
    assert answer == "<p>정답: 2) relu</p><p>기울기 소실이 적어요.</p>"
    assert "기울기 소실이 적어요" not in shown and "<details open" not in q.html()


def test_numeric_and_short_answers_are_written_as_a_learner_would():
    n = Numeric(id="n", prompt="p", explanation="e", source="s", answer=100480.0, unit="개")
    assert folded(n.html())[1].startswith("<p>정답: 100,480개</p>")
    assert Numeric(id="n", prompt="p", explanation="e", source="s", answer=0.25, tolerance=1e-4).answer_text() \
        == "0.25 (±0.0001)"
    s = ShortAnswer(id="s", prompt="p", explanation="e", source="s", answer="(60000, 784)")
    assert folded(s.html())[1].startswith("<p>정답: (60000, 784)</p>")


def test_every_bank_question_has_a_folded_answer():
    for chapter in [f"ch{i:02d}" for i in range(12)]:
        for q in quiz.load_bank(chapter):
            shown, answer = folded(q.html())
            assert answer.startswith(f"<p>정답: {quiz.questions.markup_html(q.answer_text())}</p>")
