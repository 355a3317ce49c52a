import numpy as np
import pytest

from honggong import gradcheck, regularizers

W = np.array([[1.0, -2.0], [0.0, 0.5]])


def test_keras_defaults():
    assert regularizers.L1().l1 == 0.01
    assert regularizers.L2().l2 == 0.01
    assert regularizers.L1L2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.l1_l2 is regularizers.L1L2
    assert regularizers.l2 is regularizers.L2


def test_penalties_by_hand():
    # Σ|w| = 3.5, Σw² = 1 + 4 + 0 + 0.25 = 5.25
    assert regularizers.L1(0.1)(W) == pytest.approx(0.35)
    assert regularizers.L2(0.1)(W) == pytest.approx(0.525)
    assert regularizers.L1L2(l1=0.1, l2=0.1).penalty(W) == pytest.approx(0.875)
    assert regularizers.L1L2()(W) == 0.0


def test_gradients_by_hand():
    np.testing.assert_allclose(regularizers.L1(0.1).gradient(W), [[0.1, -0.1], [0.0, 0.1]])
    np.testing.assert_allclose(regularizers.L2(0.1).gradient(W), [[0.2, -0.4], [0.0, 0.1]])
    assert regularizers.L2().gradient(W.astype(np.float32)).dtype == np.float32


def test_gradient_matches_numerical():
    reg = regularizers.L1L2(l1=0.03, l2=0.2)
    w = np.array([[0.3, -1.2], [0.7, 2.0]])
    numerical = gradcheck.numerical_gradient(reg, w.copy())
    assert gradcheck.relative_error(reg.gradient(w), numerical) < 1e-7


def test_get():
    assert regularizers.get(None) is None
    assert isinstance(regularizers.get("l2"), regularizers.L2)
    assert regularizers.get("l1").l1 == 0.01
    assert isinstance(regularizers.get("l1_l2"), regularizers.L1L2)
    assert isinstance(regularizers.get("l1l2"), regularizers.L1L2)
    reg = regularizers.L2(0.5)
    assert regularizers.get(reg) is reg
    assert regularizers.get(regularizers.L1).l1 == 0.01


def test_get_config_round_trip():
    reg = regularizers.L1L2(l1=0.2, l2=0.3)
    assert regularizers.L1L2.from_config(reg.get_config()).get_config() == {"l1": 0.2, "l2": 0.3}
    assert regularizers.L2.from_config({"l2": 0.05}).l2 == 0.05


def test_errors():
    with pytest.raises(ValueError) as info:
        regularizers.L2(-0.1)
    assert "l2=-0.1" in str(info.value) and "non-negative" in str(info.value)
    with pytest.raises(ValueError, match="l1=nan"):
        regularizers.L1(float("nan"))
    with pytest.raises(ValueError) as info:
        regularizers.get("l3")
    assert "'l3'" in str(info.value) and "l1_l2" in str(info.value)
    with pytest.raises(TypeError, match="Could not interpret regularizer"):
        regularizers.get(0.01)
