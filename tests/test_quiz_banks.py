"""The chapter banks (honggong/quiz/banks/ch00.json ... ch11.json): schema, self-consistency, book keys,
and every answer marked ``computed_by`` recomputed with honggong itself.
"""
import re
import types

import numpy as np
import pytest

from honggong import quiz
from honggong.quiz.normalize import normalize_text, parse_number

CHAPTERS = [f"ch{i:02d}" for i in range(12)]
ALL = [(chapter, q) for chapter in CHAPTERS for q in quiz.load_bank(chapter)]
IDS = [f"{chapter}-{q.id}" for chapter, q in ALL]
HANGUL = re.compile(r"[가-힣]")


# ---- schema and consistency --------------------------------------------------------------------

def test_every_chapter_has_a_bank():
    assert quiz.chapters() == CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_question_count_per_chapter(chapter):
    count = len(quiz.load_bank(chapter))
    if chapter == "ch06":  # all eight 확인 문제 of 혼공머신 7-1 and 7-2, plus computed ones
        assert 8 <= count <= 12
    else:
        assert 3 <= count <= 6


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_ids_unique_and_numbers_in_order(chapter):
    questions = quiz.load_bank(chapter)
    assert len({q.id for q in questions}) == len(questions)
    assert [q.number for q in questions] == list(range(1, len(questions) + 1))
    assert all(q.chapter == chapter and q.total == len(questions) for q in questions)


@pytest.mark.parametrize("chapter, q", ALL, ids=IDS)
def test_question_is_korean_with_explanation_and_source(chapter, q):
    assert HANGUL.search(q.prompt) and HANGUL.search(q.explanation)
    assert len(q.explanation) >= 20 and q.source.strip()


@pytest.mark.parametrize("chapter, q", ALL, ids=IDS)
def test_answer_key_is_accepted_by_the_engine(chapter, q):
    assert q.grade(q.answer).correct
    if isinstance(q, quiz.ShortAnswer):
        assert all(q.grade(synonym).correct for synonym in q.accept)


@pytest.mark.parametrize("chapter, q", [item for item in ALL if isinstance(item[1], quiz.MultipleChoice)],
                         ids=[i for i, item in zip(IDS, ALL) if isinstance(item[1], quiz.MultipleChoice)])
def test_multiple_choice_answer_is_an_option_and_wrong_options_explain_themselves(chapter, q):
    assert 1 <= q.answer <= len(q.options) and len(q.options) >= 3
    for number, option in enumerate(q.options, start=1):
        feedback = q.grade(number)
        if number == q.answer:
            assert feedback.status == "correct"
        else:
            assert option.feedback.strip(), f"option {number} needs feedback"
            assert feedback.status == "wrong" and option.feedback in feedback.message


@pytest.mark.parametrize("chapter, q", [item for item in ALL if getattr(item[1], "mistakes", None)],
                         ids=[i for i, item in zip(IDS, ALL) if getattr(item[1], "mistakes", None)])
def test_known_mistakes_are_graded_wrong_with_their_feedback(chapter, q):
    for mistake in q.mistakes:
        feedback = q.grade(mistake.answer)
        assert feedback.status == "wrong", f"mistake {mistake.answer!r} is accepted as correct"
        assert mistake.feedback in feedback.message


def test_notes_known_mistakes_are_used_as_distractors():
    """seeds/README.md lists the notes' mistakes; the quizzes teach the correct version."""
    texts = {q.id: " ".join([q.prompt, q.explanation, *(o.feedback for o in getattr(q, "options", []))])
             for _, q in ALL}
    assert "흔한 실수예요" in texts["dense-params-100-10"] and "1,010" in texts["dense-params-100-10"]           # 1,000 vs 1,010
    assert "흔한 오답이에요" in texts["integer-labels-loss"]   # categorical vs sparse
    assert "흔한 오해예요" in texts["nesterov"]                 # "momentum twice"
    assert "momentum은 선택 사항으로 기본값 0" in texts["keras-defaults"]          # RMSprop momentum
    assert "CTC" in texts["regression-loss"]                                      # regression loss
    assert "'끌 비율'" in texts["dropout-meaning"]                                 # dropout semantics
    assert "손실과 규제를 섞었습니다" in texts["robust-to-outliers"]           # L1 loss vs penalty


# ---- the book's 확인 문제 (혼공머신 7-1, 7-2) ------------------------------------------------------

BOOK_KEYS = {
    "혼공머신 7-1 확인 문제 1": "1,010개",
    "혼공머신 7-1 확인 문제 2": "'sigmoid'",
    "혼공머신 7-1 확인 문제 3": "compile()",
    "혼공머신 7-1 확인 문제 4": "'sparse_categorical_crossentropy'",
    "혼공머신 7-2 확인 문제 1": "model.add(keras.layers.Dense(10, activation='relu'))",
    "혼공머신 7-2 확인 문제 2": "Flatten",
    "혼공머신 7-2 확인 문제 3": "relu",
    "혼공머신 7-2 확인 문제 4": "SGD",
}


def test_ch06_has_every_book_question_with_the_correct_key():
    by_source = {q.source: q for q in quiz.load_bank("ch06")}
    assert set(BOOK_KEYS) <= set(by_source)
    for source, key in BOOK_KEYS.items():
        q = by_source[source]
        assert q.options[q.answer - 1].text == key, source
        assert len(q.options) == 4


def test_ch06_q1_rejects_the_notes_1000():
    q = quiz.load_bank("ch06")[0]
    assert [o.text for o in q.options] == ["1,000개", "1,001개", "1,010개", "1,100개"]
    assert q.grade(1).status == "wrong" and q.grade(3).correct and q.grade("1,010개").correct


# ---- computed answers --------------------------------------------------------------------------

def _keras():
    from honggong import keras

    return keras


def _count(*layers):
    keras = _keras()
    return keras.Sequential(list(layers)).count_params()


def _one_step(optimizer, steps=1, w0=1.0, g=2.0):
    w = np.array([w0], dtype=np.float32)
    for _ in range(steps):
        optimizer.apply([np.array([g], dtype=np.float32)], [w])
    return float(w[0])


def _early_stopping_epochs():
    from honggong.callbacks import EarlyStopping

    model = types.SimpleNamespace(stop_training=False, get_weights=lambda: [], set_weights=lambda w: None)
    callback = EarlyStopping(monitor="val_loss", patience=2)
    callback.set_model(model)
    callback.on_train_begin()
    val_losses = [0.50, 0.42, 0.40, 0.41, 0.43] + [0.39] * 15
    for epoch, val_loss in enumerate(val_losses):
        callback.on_epoch_end(epoch, {"loss": 0.3, "val_loss": val_loss})
        if model.stop_training:
            return epoch + 1
    return len(val_losses)


def _dropout_kept_value():
    from honggong.layers import Dropout

    y = Dropout(0.2, seed=0).forward(np.ones((1000,), dtype=np.float32), training=True)
    kept = np.unique(y[y != 0])
    assert kept.size == 1 and 0 < np.mean(y == 0) < 0.5
    return float(kept[0])


def _regression_history_val_key():
    keras = _keras()
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    x = np.linspace(0, 1, 10, dtype=np.float32).reshape(-1, 1)
    history = model.fit(x, 2 * x, epochs=1, validation_split=0.2, verbose=0)
    keys = set(history.history)
    assert {"loss", "mae", "val_loss"} <= keys
    (key,) = keys - {"loss", "mae", "val_loss"}
    return key


def _sigmoid_derivative_max():
    from honggong import activations

    z = np.linspace(-6, 6, 1201, dtype=np.float32)
    return float(np.max(activations.get("sigmoid").derivative(z)))


def _loss(name_or_obj, y_true, y_pred):
    from honggong import losses

    loss = losses.get(name_or_obj)
    return float(loss(np.array(y_true, dtype=np.float32), np.array(y_pred, dtype=np.float32)))


def _numerical(f, x, eps):
    from honggong.gradcheck import numerical_gradient

    return float(numerical_gradient(f, np.array([x], dtype=np.float64), eps=eps)[0])


def _computations():
    keras = _keras()
    from honggong import activations, losses, optimizers, regularizers

    L = keras.layers
    return {
        # ch01 tensors (plain numpy arrays are honggong's tensors)
        "fashion_mnist_train_rank": lambda: np.empty((60000, 28, 28), dtype=np.uint8).ndim,
        "reshape_fashion_mnist_2d": lambda: np.empty((60000, 28, 28), dtype=np.uint8).reshape(60000, -1).shape,
        "transpose_2x3_first_row": lambda: np.arange(6).reshape(2, 3).T[0].tolist(),
        "broadcast_3x1_plus_1x4": lambda: (np.zeros((3, 1)) + np.zeros((1, 4))).shape,
        "fashion_mnist_float32_bytes": lambda: np.empty((60000, 784), dtype=np.float32).nbytes,
        # ch02 activations
        "sigmoid_derivative_max": _sigmoid_derivative_max,
        "sigmoid_derivative_max_pow_10": lambda: _sigmoid_derivative_max() ** 10,
        "softmax_123_last": lambda: float(activations.softmax(np.array([[1.0, 2.0, 3.0]], np.float32))[0, 2]),
        # ch03 / ch06 parameter counts and shapes
        "dense_params_100_to_10": lambda: _count(keras.Input(shape=(100,)), L.Dense(10)),
        "dense_params_784_to_128": lambda: _count(keras.Input(shape=(784,)), L.Dense(128, activation="relu")),
        "mlp_4_8_3_params": lambda: _count(keras.Input(shape=(4,)), L.Dense(8, activation="relu"),
                                           L.Dense(3, activation="softmax")),
        "fashion_mnist_deep_total_params": lambda: _count(
            keras.Input(shape=(28, 28)), L.Flatten(), L.Dense(100, activation="relu"),
            L.Dense(10, activation="softmax")),
        "dense_output_shape_8_to_16": lambda: tuple(L.Dense(16).compute_output_shape((None, 8))),
        "flatten_28x28_output_shape": lambda: tuple(L.Flatten().compute_output_shape((None, 28, 28))),
        # ch04 / ch09 losses
        "mse_example": lambda: _loss("mse", [[1], [2], [3]], [[1], [2], [5]]),
        "huber_example": lambda: _loss(losses.Huber(delta=1.0), [[1], [2], [3]], [[1], [2], [5]]),
        "bce_y1_p08": lambda: _loss("binary_crossentropy", [[1.0]], [[0.8]]),
        "sparse_ce_example": lambda: _loss("sparse_categorical_crossentropy", [2], [[0.1, 0.2, 0.7]]),
        "mae_example": lambda: _loss("mae", [[3], [5], [2]], [[2.5], [5], [4]]),
        "regression_history_val_key": _regression_history_val_key,
        # ch05 optimizers: w = 1.0, constant gradient g = 2.0
        "sgd_momentum_two_steps": lambda: _one_step(optimizers.SGD(learning_rate=0.01, momentum=0.9), steps=2),
        "rmsprop_first_step": lambda: _one_step(optimizers.RMSprop()),
        "adam_first_step": lambda: _one_step(optimizers.Adam()),
        # ch07 training tools
        "dropout_kept_value_rate_02": _dropout_kept_value,
        "early_stopping_patience_2": _early_stopping_epochs,
        # ch08 regularization / batch norm
        "l2_penalty_001_w_1_m2_3": lambda: float(regularizers.l2(0.01).penalty(np.array([1, -2, 3], np.float32))),
        "batchnorm_params_64": lambda: _count(keras.Input(shape=(64,)), L.BatchNormalization()),
        # ch10 backpropagation
        "chain_rule_3x_plus_1_squared": lambda: _numerical(lambda x: float(np.sum((3 * x + 1) ** 2)), 1.0, 1e-6),
        "central_difference_cube": lambda: _numerical(lambda x: float(np.sum(x ** 3)), 2.0, 1e-3),
        "mse_gradient_example": lambda: float(losses.get("mse").gradient(
            np.array([[1.0], [2.0]], np.float32), np.array([[3.0], [2.0]], np.float32))[0, 0]),
    }


COMPUTED = [(chapter, q) for chapter, q in ALL if q.computed_by]
COMPUTED_KEYS = {q.computed_by for _, q in COMPUTED}


def test_every_computed_by_key_has_exactly_one_computation():
    assert set(_computations()) == COMPUTED_KEYS
    assert len(COMPUTED_KEYS) == len(COMPUTED) == 30


@pytest.mark.parametrize("chapter, q", COMPUTED, ids=[f"{c}-{q.id}" for c, q in COMPUTED])
def test_computed_answer_matches_honggong(chapter, q):
    value = _computations()[q.computed_by]()
    if isinstance(q, quiz.Numeric):
        assert abs(float(value) - q.answer) <= max(q.tolerance, 1e-9 * abs(q.answer)), (value, q.answer)
        assert q.grade(value).correct
    elif isinstance(q, quiz.MultipleChoice):
        key_text = q.options[q.answer - 1].text
        assert parse_number(key_text, unit="개") == float(value), (key_text, value)
        for number, option in enumerate(q.options, start=1):  # no other option has the computed value
            assert number == q.answer or parse_number(option.text, unit="개") != float(value)
    else:
        assert normalize_text(str(value)) == normalize_text(q.answer), (value, q.answer)
        assert q.grade(value).correct
