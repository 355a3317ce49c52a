import math

import numpy as np
import pytest

from honggong import activations, backend, gradcheck

X = np.array([-2.0, -0.5, 0.5, 2.0])


def test_reference_values_by_hand():
    # sigmoid(0.5) = 1/(1+e^-0.5) = 0.6224593; tanh(0.5) = 0.4621172
    np.testing.assert_allclose(activations.sigmoid(X), 1 / (1 + np.exp(-X)), rtol=1e-12)
    np.testing.assert_allclose(activations.sigmoid([0.5])[0], 0.6224593312, rtol=1e-7)
    np.testing.assert_allclose(activations.tanh([0.5])[0], 0.4621171573, rtol=1e-7)
    np.testing.assert_allclose(activations.relu(X), [0, 0, 0.5, 2.0])
    np.testing.assert_allclose(activations.leaky_relu(X), [-0.4, -0.1, 0.5, 2.0])  # slope 0.2
    # elu(-2) = e^-2 - 1 = -0.8646647
    np.testing.assert_allclose(activations.elu(X), [math.expm1(-2), math.expm1(-0.5), 0.5, 2.0])
    np.testing.assert_allclose(activations.selu([1.0, -1.0]),
                               [1.0507009873554805, 1.0507009873554805 * 1.6732632423543772 * math.expm1(-1)])
    # softplus(0) = ln 2;  softplus(2) = ln(1 + e^2) = 2.1269280
    np.testing.assert_allclose(activations.softplus([0.0, 2.0]), [math.log(2), math.log1p(math.e ** 2)])
    np.testing.assert_allclose(activations.silu([1.0]), [1 / (1 + math.exp(-1))])
    # exact gelu(1) = 0.5·(1 + erf(1/√2)) = 0.8413447
    np.testing.assert_allclose(activations.gelu([1.0]), [0.5 * (1 + math.erf(1 / math.sqrt(2)))])
    # tanh approximation at 1: 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.8411920
    u = math.sqrt(2 / math.pi) * (1 + 0.044715)
    np.testing.assert_allclose(activations.gelu([1.0], approximate=True), [0.5 * (1 + math.tanh(u))])
    np.testing.assert_allclose(activations.linear(X), X)
    assert activations.swish is activations.silu


def test_relu_keras_options():
    x = np.array([-10.0, -5.0, 0.0, 5.0, 10.0])
    np.testing.assert_allclose(activations.relu(x, negative_slope=0.5), [-5, -2.5, 0, 5, 10])
    np.testing.assert_allclose(activations.relu(x, max_value=5.0), [0, 0, 0, 5, 5])
    np.testing.assert_allclose(activations.relu(x, threshold=5.0), [0, 0, 0, 0, 10])


def test_softmax_is_stable_and_sums_to_one():
    x = np.array([[1000.0, 1001.0, 1002.0], [1.0, 2.0, 3.0]], dtype=np.float32)
    y = activations.softmax(x)
    e = np.exp([0.0, 1.0, 2.0]); expected = e / e.sum()   # 0.0900306, 0.2447285, 0.6652410
    np.testing.assert_allclose(y[0], expected, rtol=1e-6)
    np.testing.assert_allclose(y[1], expected, rtol=1e-6)
    assert y.dtype == np.float32
    np.testing.assert_allclose(activations.softmax(x.T, axis=0).T, y, rtol=1e-6)


def test_sigmoid_no_overflow_at_extremes():
    with np.errstate(over="raise"):
        y = activations.sigmoid(np.array([-1000.0, 1000.0], dtype=np.float32))
    np.testing.assert_array_equal(y, [0.0, 1.0])


@pytest.mark.parametrize("name", activations.NAMES)
def test_float32_and_float64_preserved(name):
    act = activations.get(name)
    for dtype in (np.float32, np.float64):
        x = np.linspace(-2, 2, 6, dtype=dtype).reshape(2, 3)
        assert act(x).dtype == dtype
        assert act.backward(x, act(x), np.ones_like(x)).dtype == dtype
        assert act.derivative(x).dtype == dtype


@pytest.mark.parametrize("name", activations.NAMES)
def test_gradient_check_every_activation(name):
    err = gradcheck.check_activation(name)
    assert err < 1e-6, f"{name}: relative error {err}"


@pytest.mark.parametrize("params", [{"negative_slope": 0.3}, {"alpha": 0.5}, {"approximate": True}])
def test_gradient_check_with_parameters(params):
    name = {"negative_slope": "leaky_relu", "alpha": "elu", "approximate": "gelu"}[next(iter(params))]
    act = activations.get(name, **params)
    assert gradcheck.check_activation(act) < 1e-6


def test_derivative_values_by_hand():
    x = np.array([-1.0, 1.0])
    s = 1 / (1 + np.exp(-x))
    np.testing.assert_allclose(activations.get("sigmoid").derivative(x), s * (1 - s))
    np.testing.assert_allclose(activations.get("tanh").derivative(x), 1 - np.tanh(x) ** 2)
    np.testing.assert_allclose(activations.get("relu").derivative([-1.0, 0.0, 2.0]), [0, 0, 1])
    np.testing.assert_allclose(activations.get("leaky_relu").derivative(x), [0.2, 1.0])
    np.testing.assert_allclose(activations.get("elu").derivative(x), [math.exp(-1), 1.0])
    # gelu'(0) = Φ(0) = 0.5
    np.testing.assert_allclose(activations.get("gelu").derivative([0.0]), [0.5])
    y = activations.softmax([[1.0, 2.0, 3.0]])
    np.testing.assert_allclose(activations.get("softmax").derivative([[1.0, 2.0, 3.0]]), y * (1 - y))


def test_softmax_backward_uses_full_jacobian():
    x = np.array([[0.2, -1.0, 0.5]])
    dy = np.array([[1.0, 2.0, -1.0]])
    y = activations.softmax(x)[0]
    jacobian = np.diag(y) - np.outer(y, y)
    expected = dy[0] @ jacobian
    np.testing.assert_allclose(activations.get("softmax").backward(x, None, dy)[0], expected, rtol=1e-12)


def test_get_variants():
    assert activations.get(None).name == "linear"
    assert activations.get("ReLU").name == "relu"
    relu = activations.get("relu")
    assert activations.get(relu) is relu
    assert activations.get(activations.relu).name == "relu"
    assert activations.get("swish").name == "swish"
    assert activations.get("leaky_relu", negative_slope=0.3)([-1.0])[0] == pytest.approx(-0.3)
    assert activations.serialize(activations.sigmoid) == "sigmoid"


def test_custom_callable_gets_numerical_derivative():
    act = activations.get(lambda x: x ** 3)
    np.testing.assert_allclose(act([2.0]), [8.0])
    np.testing.assert_allclose(act.derivative([2.0]), [12.0], rtol=1e-5)


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError) as info:
        activations.get("relux")
    text = str(info.value)
    assert "'relux'" in text
    for name in ("relu", "sigmoid", "softmax", "leaky_relu", "gelu"):
        assert name in text


def test_bad_type_error():
    with pytest.raises(TypeError, match="Could not interpret activation"):
        activations.get(3)


def test_softmax_scalar_error():
    with pytest.raises(backend.HonggongError, match="at least 1 dimension"):
        activations.softmax(np.float32(1.0))


# ---------------------------------------------------------------- fast branches == general formulas

def test_default_relu_derivative_equals_general_where_form_bit_for_bit():
    # The default relu takes the short branch (x > 0).astype(dtype); the general branch with
    # negative_slope=0 written out independently must give the same bits, including -0.0 products.
    rng = np.random.default_rng(0)
    x = rng.normal(size=(32, 100)).astype(np.float32)
    x[0, :4] = [0.0, -0.0, np.inf, -np.inf]
    dy = rng.normal(size=x.shape).astype(np.float32)
    fast = activations.get("relu").backward(x, None, dy)
    general = dy * np.where(x > 0, np.float32(1.0), np.float32(0.0))
    assert fast.dtype == np.float32
    np.testing.assert_array_equal(fast.view(np.int32), general.view(np.int32))
    assert fast[0, 0] == 0.0 and fast[0, 2] == dy[0, 2]     # kink at 0 -> 0; inf -> slope 1


def test_float_input_is_used_without_a_copy_and_ints_are_converted():
    x = np.array([[1.0, -2.0]], dtype=np.float32)
    assert activations._float(x) is x
    ints = activations._float(np.array([1, -2]))
    assert ints.dtype == np.float32 and ints.tolist() == [1.0, -2.0]
    # relu of a list of ints: [0, 3] as float32, like keras.activations.relu
    out = activations.relu([-1, 3])
    assert out.dtype == np.float32 and out.tolist() == [0.0, 3.0]


def test_softmax_forward_and_backward_match_independent_numpy():
    # softmax([1, 2, 3]) = e^(x-3)/Σ = [0.09003057, 0.24472847, 0.66524096]
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], dtype=np.float32)
    y = activations.softmax(x)
    np.testing.assert_allclose(y[0], [0.09003057, 0.24472847, 0.66524096], rtol=1e-6)
    np.testing.assert_allclose(y[1], [1 / 3] * 3, rtol=1e-6)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    np.testing.assert_array_equal(y, e / np.sum(e, axis=-1, keepdims=True))
    dy = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, -1.0]], dtype=np.float32)
    dx = activations.get("softmax").backward(x, y, dy)
    np.testing.assert_array_equal(dx, y * (dy - np.sum(dy * y, axis=-1, keepdims=True)))
    # row 2: y = 1/3 each, Σ dy·y = 0, so dx = y·dy = [0, 1/3, -1/3]
    np.testing.assert_allclose(dx[1], [0.0, 1 / 3, -1 / 3], rtol=1e-6)
