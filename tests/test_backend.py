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
    assert backend.message("facts", "힌트: x") == "facts\n힌트: x"
    assert backend.message("facts") == "facts"


def test_set_epsilon_validates_and_sets():
    try:
        backend.set_epsilon(1e-5)
        assert backend.epsilon() == 1e-5
        with pytest.raises(backend.HonggongError, match="small positive"):
            backend.set_epsilon(-1)
    finally:
        backend.set_epsilon(1e-7)
    assert backend.epsilon() == 1e-7
