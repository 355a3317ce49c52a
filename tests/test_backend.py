import numpy as np
import pytest

from honggong import backend


def test_defaults_match_keras():
    assert backend.floatx() == "float32"
    assert backend.epsilon() == 1e-7


def test_floatx_scope_sets_and_restores():
    with backend.floatx_scope("float64"):
        assert backend.floatx() == "float64"
    assert backend.floatx() == "float32"


def test_floatx_scope_restores_after_error():
    with pytest.raises(RuntimeError):
        with backend.floatx_scope("float64"):
            raise RuntimeError("boom")
    assert backend.floatx() == "float32"


def test_set_floatx_rejects_unknown_type_with_clear_message():
    with pytest.raises(backend.HonggongError) as info:
        backend.set_floatx("int8")
    text = str(info.value)
    assert "'int8'" in text and "float32" in text and "해결" in text
    assert backend.floatx() == "float32"


def test_honggong_error_is_value_error():
    assert issubclass(backend.HonggongError, ValueError)
    assert issubclass(backend.HonggongTypeError, TypeError)


def test_except_honggong_error_catches_every_honggong_error():
    from honggong import layers, models, saving
    from honggong.datasets import _errors
    from honggong.quiz import bank
    for cls in (backend.HonggongTypeError, layers.LayerError, models.ModelError,
                saving.SavingError, _errors.DatasetError, _errors.DatasetNotFoundError,
                bank.QuizBankError):
        assert issubclass(cls, backend.HonggongError), cls
    with pytest.raises(backend.HonggongError) as info:      # a type error from the public API
        from honggong import activations
        activations.get(3.5)
    assert isinstance(info.value, TypeError)
    assert type(info.value) is backend.HonggongTypeError


def test_seed_global_rng_is_reproducible():
    backend.seed_global_rng(3)
    a = backend.global_rng().standard_normal(4)
    backend.seed_global_rng(3)
    b = backend.global_rng().standard_normal(4)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(a, np.random.default_rng(3).standard_normal(4))


def test_float_dtype_of_keeps_floats_and_promotes_integers():
    assert backend.float_dtype_of(np.zeros(2, np.float64)) == np.float64
    assert backend.float_dtype_of(np.zeros(2, np.float32)) == np.float32
    assert backend.float_dtype_of(np.array([1, 2])) == np.float32
    with backend.floatx_scope("float64"):
        assert backend.float_dtype_of([1, 2]) == np.float64


def test_describe_and_message():
    assert backend.describe(np.zeros((2, 3), np.float32)) == "array of shape (2, 3) and dtype float32"
    assert backend.message("facts") == "facts"
    # one form: the facts, then exactly one "해결:" line, whatever prefix the caller wrote
    assert backend.message("facts", "해결: x") == "facts\n해결: x"
    assert backend.message("facts", "힌트: x") == "facts\n해결: x"
    assert backend.message("facts", "x") == "facts\n해결: x"


def test_message_puts_expected_and_received_facts_before_the_fix():
    text = backend.message("Dense got the wrong input.", "Flatten을 넣으세요.",
                           expected="a 2-D input (batch, features)", received="shape (None, 28, 28)")
    assert text == ("Dense got the wrong input. Expected a 2-D input (batch, features), received "
                    "shape (None, 28, 28).\n해결: Flatten을 넣으세요.")
    assert backend.message("Bad seed.", received="'a'") == "Bad seed. Received 'a'."


def test_every_message_call_in_the_package_gives_a_fix():
    """The one error form needs a 해결: line: every message(...) call in honggong passes a fix."""
    import ast
    from pathlib import Path
    root = Path(backend.__file__).parent
    missing = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name != "message":
                continue
            hint = node.args[1] if len(node.args) > 1 else next(
                (k.value for k in node.keywords if k.arg == "korean_hint"), None)
            if hint is None or isinstance(hint, ast.Constant) and not hint.value:
                missing.append(f"{path.relative_to(root)}:{node.lineno}")
    assert missing == []


def test_set_epsilon_validates_and_sets():
    try:
        backend.set_epsilon(1e-5)
        assert backend.epsilon() == 1e-5
        with pytest.raises(backend.HonggongError, match="small positive"):
            backend.set_epsilon(-1)
    finally:
        backend.set_epsilon(1e-7)
    assert backend.epsilon() == 1e-7
