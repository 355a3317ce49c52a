"""honggong.exercises: every reference passes, every planted mistake is caught with its diagnosis,
odd answers get feedback without raising, hints and the solution rule, the stub/solution cells."""
import re

import numpy as np
import pytest

from honggong import activations, exercises
from honggong.exercises import core

ALL = exercises.all_exercises()
MISTAKES = [(ex.id, m.id) for ex in ALL for m in ex.mistakes]
REQUIRED = {
    "ch02-softmax": "softmax(z)",
    "ch04-sparse-ce": "sparse_categorical_crossentropy(y_true, y_pred)",
    "ch05-momentum-step": "sgd_momentum_step(w, m, g, learning_rate, momentum)",
    "ch05-adam-step": "adam_step(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)",
    "ch10-dense-backward": "dense_backward(x, kernel, dy)",
}


@pytest.fixture(autouse=True)
def own_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("HONGGONG_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.setattr(exercises, "_attempted", set())
    monkeypatch.setattr(exercises, "_hint_levels", {})


def function_from(cell, name):
    namespace = {}
    exec(cell, namespace)
    return namespace[name]


def test_catalog_has_the_required_exercises_and_two_per_chapter():
    ids = exercises.ids()
    assert len(ids) == len(set(ids)) == 24
    for exercise_id, signature in REQUIRED.items():
        assert exercises.get(exercise_id).signature == signature
    for n in range(1, 11):
        assert len(exercises.ids(n)) >= 2, f"chapter {n}"
        assert exercises.ids(n) == exercises.ids(f"ch{n:02d}")


def test_softmax_reference_is_honggongs_own_function():
    assert exercises.get("ch02-softmax").reference is activations.softmax


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_data_is_complete(exercise):
    assert len(exercise.hints) >= 2
    assert len(exercise.mistakes) >= 2
    assert len(exercise.cases) >= 3
    assert exercise.prompt and exercise.title and exercise.reference_name.startswith("honggong.")
    assert exercise.chapter in {f"ch{n:02d}" for n in range(1, 11)}


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_model_solution_passes(exercise):
    result = exercises.check(exercise.id, function_from(exercise.solution_cell(), exercise.function_name),
                             display=False)
    assert result.passed, result.message
    assert result.status == "passed" and result.message.startswith("✅ 정답입니다!")


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_untouched_stub_is_not_done(exercise):
    result = exercises.check(exercise.id, function_from(exercise.stub(), exercise.function_name), display=False)
    assert result.status == "not_done" and not result.passed
    assert core.NOT_DONE in result.message


@pytest.mark.parametrize("exercise_id, mistake_id", MISTAKES)
def test_planted_mistake_is_caught_with_its_diagnosis(exercise_id, mistake_id):
    exercise = exercises.get(exercise_id)
    mistake = next(m for m in exercise.mistakes if m.id == mistake_id)
    result = exercises.check(exercise_id, mistake.planted, display=False)
    assert result.status == "failed" and not result.passed
    assert result.mistake == mistake_id, result.message
    assert f"🔎 진단: {mistake.diagnosis}" in result.message
    assert "기대한 값" in result.message or "오류:" in result.message


def test_softmax_failure_message_names_call_input_expected_received():
    no_max = exercises.get("ch02-softmax").mistakes[0]
    message = exercises.check("ch02-softmax", no_max.planted, display=False).message
    assert "softmax(...) 호출 — 입력 2/4: 큰 로짓 (1000 근처)" in message
    assert "z = [[ 1000.,  1001.,  1002.]," in message
    assert "  기대한 값 (honggong.activations.softmax):\n      [[0.09  , 0.2447, 0.6652],\n" in message
    assert "  받은 값:\n      [[nan, nan, nan],\n       [ 0.,  0., nan]] (shape (2, 3), float32)" in message
    assert "overflow" in message


def test_learner_versions_of_the_issue_mistakes():
    """Mistakes written the way a learner would, not by the planted functions themselves."""
    def softmax_axis0(z):
        e = np.exp(z - np.max(z))
        return e / np.sum(e, axis=0)

    assert exercises.check("ch02-softmax", softmax_axis0, display=False).mistake == "wrong-axis"

    def ce_no_clip(y_true, y_pred):
        return -np.mean(np.log(y_pred[range(len(y_true)), y_true]))

    assert exercises.check("ch04-sparse-ce", ce_no_clip, display=False).mistake == "no-clipping"

    def momentum_torch(w, v, g, learning_rate, momentum):
        v = momentum * v + g
        w = w - learning_rate * v
        return w, v

    assert exercises.check("ch05-momentum-step", momentum_torch, display=False).mistake == "pytorch-form"

    def adam_eps_inside(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        m = beta_1 * m + (1 - beta_1) * g
        v = beta_2 * v + (1 - beta_2) * g * g
        lr_t = learning_rate * (1 - beta_2 ** t) ** 0.5 / (1 - beta_1 ** t)
        return w - lr_t * m / np.sqrt(v + epsilon), m, v

    assert exercises.check("ch05-adam-step", adam_eps_inside, display=False).mistake == "epsilon-inside-root"

    def dense_backward_transposed(x, kernel, dy):
        return dy @ kernel.T, dy.T @ x, dy.sum(axis=0)

    assert exercises.check("ch10-dense-backward", dense_backward_transposed,
                           display=False).mistake == "dkernel-transposed"


@pytest.mark.parametrize("answer, status, words", [
    (None, "not_done", "아직 풀지 않았습니다"),
    (..., "not_done", "아직 풀지 않았습니다"),
    ("softmax", "invalid", "따옴표 없이"),
    (3.5, "invalid", "함수가 와야 하는데 3.5"),
    (np.zeros(3), "invalid", "함수가 와야 하는데"),
    (lambda: None, "invalid", "함수의 인자가 맞지 않습니다"),
    (lambda z: 1 / 0, "failed", "ZeroDivisionError: division by zero"),
    (lambda z: z.T, "failed", "모양(shape)이 다릅니다: 기대 (2, 3), 받은 값 (3, 2)"),
    (lambda z: None, "failed", "return을 잊지"),
    (lambda z: "확률", "failed", "numpy 배열이 와야 하는데 str"),
    (lambda z: z.tolist(), "failed", "numpy 배열(np.ndarray)을 돌려주세요"),
    (lambda z: (z, z), "failed", "모양(shape)이 다릅니다"),
])
def test_odd_answers_get_feedback_without_raising(answer, status, words):
    result = exercises.check("ch02-softmax", answer, display=False)
    assert result.status == status and not result.passed
    assert words in result.message, result.message


def test_a_number_where_a_tuple_is_expected_and_a_wrong_tuple_length():
    message = exercises.check("ch05-momentum-step", lambda w, v, g, learning_rate, momentum: w,
                              display=False).message
    assert "값 2개를 튜플로 돌려주어야 하는데 ndarray" in message
    message = exercises.check("ch05-momentum-step", lambda w, v, g, learning_rate, momentum: (w, v, g),
                              display=False).message
    assert "값 2개를 돌려주어야 하는데 3개가 왔습니다." in message


def test_unknown_id_and_a_function_that_prints():
    result = exercises.check("ch02-softmx", lambda z: z, display=False)
    assert result.status == "invalid" and '혹시 "ch02-softmax"인가요?' in result.message

    def noisy(z):
        print("계산 중")
        return activations.softmax(z)

    assert exercises.check("ch02-softmax", noisy, display=False).passed


def test_learner_function_may_change_its_inputs_in_place():
    def in_place(w, v, g, learning_rate, momentum):
        v *= momentum
        v -= learning_rate * g
        w += v
        return w, v

    assert exercises.check("ch05-momentum-step", in_place, display=False).passed


def test_float64_result_passes_with_a_note():
    result = exercises.check("ch02-relu-derivative", lambda x: np.where(x > 0, 1.0, 0.0), display=False)
    assert result.passed and "float64" in result.message


def test_no_warning_escapes_from_an_overflowing_answer(recwarn):
    exercises.check("ch02-softmax", lambda z: np.exp(z) / np.exp(z).sum(-1, keepdims=True), display=False)
    assert len(recwarn) == 0


def test_hints_go_level_by_level_and_stop_at_the_last():
    exercise = exercises.get("ch02-softmax")
    first = exercises.hint("ch02-softmax", display=False)
    second = exercises.hint("ch02-softmax", display=False)
    assert first.startswith("💡 힌트 1/3 (ch02-softmax): ") and exercise.hints[0] in first
    assert second.startswith("💡 힌트 2/3") and exercise.hints[1] in second
    assert exercises.hint("ch02-softmax", level=9, display=False).startswith("💡 힌트 3/3")
    assert "마지막 힌트" in exercises.hint("ch02-softmax", display=False)
    assert exercises.hint("ch02-softmax", level=1, display=False) == first


def test_solution_only_after_an_attempt():
    locked = exercises.solution("ch04-mse", display=False)
    assert locked.startswith("🔒") and "np.mean" not in locked
    exercises.check("ch04-mse", None, display=False)            # not an attempt
    assert exercises.solution("ch04-mse", display=False).startswith("🔒")
    exercises.check("ch04-mse", lambda y_true, y_pred: 0.0, display=False)
    shown = exercises.solution("ch04-mse", display=False)
    assert shown.startswith("📖 모범 답안") and "return float(np.mean((y_pred - y_true) ** 2))" in shown


def test_solution_unlocked_by_an_attempt_recorded_in_an_earlier_session():
    exercises.check("ch09-mae", lambda y_true, y_pred: 1.0, display=False)
    exercises._attempted.clear()                                 # as after a kernel restart
    assert exercises.solution("ch09-mae", display=False).startswith("📖")


def test_check_prints_without_ipython(capsys):
    result = exercises.check("ch02-softmax", activations.softmax)
    assert capsys.readouterr().out == result.message + "\n"


@pytest.mark.parametrize("exercise", ALL, ids=lambda e: e.id)
def test_stub_and_solution_cells_differ_only_between_the_markers(exercise):
    def outside(cell):
        lines = cell.splitlines()
        begin = next(i for i, line in enumerate(lines) if line.strip() == core.BEGIN)
        end = next(i for i, line in enumerate(lines) if line.strip() == core.END)
        return lines[:begin + 1] + lines[end:]

    stub, solved = exercise.stub(), exercise.solution_cell()
    assert outside(stub) == outside(solved)
    assert core.STUB_BODY in stub and core.STUB_BODY not in solved
    assert re.search(rf"^def {re.escape(exercise.signature)}:$", stub, flags=re.M)


def test_widget_has_feedback_hint_and_solution_buttons(monkeypatch):
    from honggong.exercises import ui

    result = exercises.check("ch02-softmax", lambda z: z, display=False)
    box = ui.build_widget(result)
    assert "hg-exercise" in box._dom_classes
    assert "아직 달라요" in box.hg_feedback.value
    box.hg_hint.click()
    assert "힌트 1/3" in box.hg_more.value
    box.hg_solution.click()
    assert "모범 답안" in box.hg_more.value
    stub_result = exercises.check("ch03-dense-params", None, display=False)
    assert ui.build_widget(stub_result).hg_solution.disabled
