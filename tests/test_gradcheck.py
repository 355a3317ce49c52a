import numpy as np
import pytest

from honggong import activations, backend, gradcheck, layers, losses


def test_numerical_gradient_of_known_functions():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(gradcheck.numerical_gradient(lambda v: np.sum(v ** 2), x.copy()), 2 * x, rtol=1e-8)
    dy = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(gradcheck.numerical_gradient(np.sin, x.copy(), dy=dy), dy * np.cos(x), rtol=1e-8)


def test_numerical_gradient_restores_input_and_upcasts():
    x = np.array([1.0, 2.0])
    gradcheck.numerical_gradient(lambda v: float(v.sum()), x)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    g = gradcheck.numerical_gradient(lambda v: float((v ** 2).sum()), np.array([1.0], np.float32))
    assert g.dtype == np.float64 and g[0] == pytest.approx(2.0, rel=1e-8)


def test_relative_error_definition():
    # |1.0 − 1.1| / 1.1 = 0.0909...; zeros compared with zeros -> 0
    assert gradcheck.relative_error([1.0, 0.0], [1.1, 0.0]) == pytest.approx(0.1 / 1.1)
    assert gradcheck.relative_error([0.0], [0.0]) == 0.0
    # a tiny entry is measured against 1e-6·max: |1e-12 − 0| / 1e-6 = 1e-6
    assert gradcheck.relative_error([1.0, 1e-12], [1.0, 0.0]) == pytest.approx(1e-6)
    with pytest.raises(ValueError, match="different shapes"):
        gradcheck.relative_error(np.zeros(2), np.zeros(3))


def test_check_activation_catches_a_wrong_derivative():
    wrong = activations.Activation("bad_sigmoid", activations.sigmoid, lambda x, y: y)  # forgot (1 − y)
    assert gradcheck.check_activation(wrong) > 1e-2
    assert gradcheck.check_activation("sigmoid") < 1e-6


def test_check_loss_catches_a_wrong_gradient():
    class ForgotTheTwo(losses.MeanSquaredError):
        def _gradient(self, y_true, y_pred):
            return (y_pred - y_true) / y_pred.size

    y, p = np.zeros((3, 2)), np.arange(6.0).reshape(3, 2)
    assert gradcheck.check_loss(ForgotTheTwo(), y, p) == pytest.approx(0.5, rel=1e-6)
    assert gradcheck.check_loss(losses.MeanSquaredError(), y, p) < 1e-6


class TinyTanhDense(layers.Layer):
    """y = tanh(x·W + b), with an L2 penalty 0.1·ΣW² on W (written only for this test)."""

    def __init__(self, units, bug=False, **kwargs):
        super().__init__(**kwargs)
        self.units, self.bug = units, bug

    def build(self, input_shape):
        self.add_weight("kernel", (input_shape[-1], self.units), "glorot_uniform")
        self.add_weight("bias", (self.units,), "random_normal")
        super().build(input_shape)

    def regularization_loss(self):
        return 0.1 * float(np.sum(self.kernel ** 2))

    def forward(self, x, training=False):
        self.x = x
        self.y = np.tanh(x @ self.kernel + self.bias)
        return self.y

    def backward(self, dy):
        dz = dy * (1 - self.y ** 2)
        self._grads["kernel"][...] = self.x.T @ dz + 0.2 * self.kernel * (0 if self.bug else 1)
        self._grads["bias"][...] = dz.sum(axis=0)
        return dz @ self.kernel.T


def test_check_layer_passes_for_correct_layer_in_float64():
    x = np.random.default_rng(0).normal(size=(5, 3))
    layer = TinyTanhDense(4)
    errors = gradcheck.check_layer(layer, x)
    assert set(errors) == {"input", "weight_0", "weight_1"}
    assert max(errors.values()) < 1e-6, errors
    assert layer.kernel.dtype == np.float64
    assert backend.floatx() == "float32"


def test_check_layer_finds_missing_regularizer_gradient():
    x = np.random.default_rng(0).normal(size=(5, 3))
    errors = gradcheck.check_layer(TinyTanhDense(4, bug=True), x)
    assert errors["input"] < 1e-6 and errors["weight_1"] < 1e-6
    assert errors["weight_0"] > 1e-3


def test_check_layer_rejects_float32_built_layer():
    layer = TinyTanhDense(2)
    layer(np.zeros((1, 3), np.float32))
    with pytest.raises(ValueError) as info:
        gradcheck.check_layer(layer, np.zeros((1, 3)))
    assert "unbuilt layer" in str(info.value) and "float32" in str(info.value)


class Float32Only(TinyTanhDense):
    """Ignores floatx and always stores float32 weights (what check_layer must refuse)."""

    def build(self, input_shape):
        super().build(input_shape)
        self.kernel = self.kernel.astype(np.float32)


def test_check_layer_explains_weights_not_built_in_floatx():
    with pytest.raises(ValueError) as info:
        gradcheck.check_layer(Float32Only(2), np.ones((2, 3)))
    text = str(info.value)
    assert "weight 0" in text and "float32" in text and "expected float64" in text
