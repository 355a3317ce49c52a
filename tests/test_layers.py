"""Tests for honggong.layers: gradient checks, shapes, parameter counts, Keras defaults, errors.

Reference numbers are worked by hand in comments or computed with independent numpy here.
"""
import warnings

import numpy as np
import pytest

from honggong import gradcheck, layers, regularizers
from honggong.backend import HonggongError


@pytest.fixture(autouse=True)
def _fresh_names():
    layers.reset_names()
    yield
    layers.reset_names()


def rng(seed=0):
    return np.random.default_rng(seed)


# ---------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------
def test_automatic_names_count_per_class_and_reset():
    assert [layers.Dense(3).name, layers.Dense(3).name, layers.Dense(3).name] == \
        ["dense", "dense_1", "dense_2"]
    assert layers.BatchNormalization().name == "batch_normalization"
    assert layers.LeakyReLU().name == "leaky_re_lu"
    assert layers.Flatten(name="my_flat").name == "my_flat"
    layers.reset_names()
    assert layers.Dense(3).name == "dense"


# ---------------------------------------------------------------------------------------------
# gradient checks (float64, central differences)
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda: layers.Dense(3),
    lambda: layers.Dense(3, activation="tanh"),
    lambda: layers.Dense(4, activation="softmax"),
    lambda: layers.Dense(3, use_bias=False, activation="sigmoid"),
    lambda: layers.Dense(3, activation="tanh", kernel_regularizer=regularizers.L2(0.1),
                         bias_regularizer=regularizers.L1(0.05)),
    lambda: layers.Activation("tanh"),
    lambda: layers.Softmax(),
    lambda: layers.LeakyReLU(),
    lambda: layers.LeakyReLU(negative_slope=0.1),
], ids=["dense", "dense_tanh", "dense_softmax", "dense_nobias_sigmoid", "dense_l2_l1",
        "activation", "softmax", "leaky_relu", "leaky_relu_0.1"])
def test_gradcheck_2d_layers(make):
    x = rng(1).normal(size=(5, 4))
    x[np.abs(x) < 0.01] = 0.5          # stay away from the kinks of (leaky) ReLU
    errors = gradcheck.check_layer(make(), x)
    assert max(errors.values()) < 1e-6, errors


def test_gradcheck_relu_and_flatten():
    x = rng(2).normal(size=(3, 2, 5))
    x[np.abs(x) < 0.01] = 0.3
    assert gradcheck.check_layer(layers.ReLU(), x)["input"] < 1e-6
    assert gradcheck.check_layer(layers.Flatten(), x)["input"] < 1e-6


def test_gradcheck_dense_with_regularizer_includes_penalty_gradient():
    layer = layers.Dense(2, kernel_regularizer=regularizers.L2(0.5))
    errors = gradcheck.check_layer(layer, rng(3).normal(size=(4, 3)))
    assert set(errors) == {"input", "weight_0", "weight_1"}
    assert max(errors.values()) < 1e-6
    # the penalty is 0.5 * sum(W^2) and its gradient W (= 2 * 0.5 * W) is inside grads[0]
    w = layer.kernel
    assert layer.regularization_loss() == pytest.approx(0.5 * np.sum(w ** 2))


@pytest.mark.parametrize("training", [True, False])
def test_gradcheck_batch_normalization(training):
    x = rng(4).normal(loc=2.0, scale=3.0, size=(6, 3))
    errors = gradcheck.check_layer(layers.BatchNormalization(), x, training=training)
    assert set(errors) == {"input", "weight_0", "weight_1"}      # gamma, beta
    assert max(errors.values()) < 1e-6, errors


def test_gradcheck_batch_normalization_3d_input_last_axis():
    x = rng(5).normal(size=(3, 4, 2))
    errors = gradcheck.check_layer(layers.BatchNormalization(), x, training=True)
    assert max(errors.values()) < 1e-6, errors


def test_gradcheck_dropout_training_with_fixed_mask():
    """Reseed before every forward so the numerical gradient sees the same mask."""
    x = rng(6).normal(size=(4, 5))
    layer = layers.Dropout(0.4, seed=3)
    layer(x, training=True)

    def forward(xx):
        layer.rng = np.random.default_rng(11)
        return layer.forward(xx, training=True)

    r = rng(7).normal(size=x.shape)
    y = forward(x)
    dx = layer.backward(r)
    numerical = gradcheck.numerical_gradient(forward, x.copy(), dy=r)
    assert gradcheck.relative_error(dx, numerical) < 1e-6
    # the mask is "kept * 1/(1-rate)": every output is 0 or x / 0.6
    kept = y != 0
    np.testing.assert_allclose(y[kept], x[kept] / 0.6, rtol=1e-6)
    np.testing.assert_allclose(dx[kept], r[kept] / 0.6, rtol=1e-6)
    assert np.all(dx[~kept] == 0)


# ---------------------------------------------------------------------------------------------
# forward numbers and shapes
# ---------------------------------------------------------------------------------------------
def test_dense_forward_worked_example():
    layer = layers.Dense(3, activation="relu")
    layer.build((None, 2))
    layer.set_weights([np.array([[1, 0, -1], [2, 1, 0]]), np.array([0.5, 0, 0])])
    # z = [1, 2] @ W + b = [1+4+0.5, 0+2, -1+0] = [5.5, 2, -1];  relu -> [5.5, 2, 0]
    y = layer(np.array([[1.0, 2.0]]))
    np.testing.assert_array_equal(y, [[5.5, 2.0, 0.0]])
    assert y.dtype == np.float32
    # backward with dy = [1, 1, 1]: dz = [1, 1, 0]; dW = x.T @ dz; db = dz; dx = dz @ W.T
    dx = layer.backward(np.ones((1, 3), np.float32))
    np.testing.assert_array_equal(layer.grads[0], [[1, 1, 0], [2, 2, 0]])
    np.testing.assert_array_equal(layer.grads[1], [1, 1, 0])
    np.testing.assert_array_equal(dx, [[1 + 0, 2 + 1]])


def test_param_counts_and_output_shapes():
    dense = layers.Dense(100)
    dense.build((None, 784))
    assert dense.count_params() == 78_500                    # 784*100 + 100
    assert dense.compute_output_shape((None, 784)) == (None, 100)
    small = layers.Dense(10)
    small.build((None, 100))
    assert small.count_params() == 1_010                     # 100*10 + 10, not 1,000
    nobias = layers.Dense(10, use_bias=False)
    nobias.build((None, 100))
    assert nobias.count_params() == 1_000
    flat = layers.Flatten()
    assert flat.compute_output_shape((None, 28, 28)) == (None, 784)
    assert flat(np.zeros((2, 28, 28))).shape == (2, 784)
    bn = layers.BatchNormalization()
    bn.build((None, 64))
    assert bn.count_params() == 256
    assert [w.size for w in bn.trainable_weights] == [64, 64]
    assert [w.size for w in bn.non_trainable_weights] == [64, 64]


def test_dense_default_initializers_glorot_uniform_and_zeros():
    layer = layers.Dense(100)
    layer.build((None, 784))
    limit = np.sqrt(6 / (784 + 100))                           # glorot_uniform limit = 0.0824
    assert np.abs(layer.kernel).max() <= limit
    assert np.abs(layer.kernel).max() > 0.95 * limit
    assert np.all(layer.bias == 0)
    assert layer.kernel.dtype == np.float32


def test_input_returns_shape_with_batch_dimension():
    assert layers.Input(shape=(28, 28)).shape == (None, 28, 28)
    assert layers.Input(shape=(784,), batch_size=16).shape == (16, 784)
    assert layers.Input(shape=(4,), name="pixels").name == "pixels"


def test_leaky_relu_layer_default_slope_is_0_3():
    y = layers.LeakyReLU()(np.array([[-2.0, 3.0]]))
    np.testing.assert_allclose(y, [[-0.6, 3.0]], rtol=1e-6)


def test_softmax_layer_rows_sum_to_one():
    y = layers.Softmax()(np.array([[0.0, np.log(3.0)]]))
    np.testing.assert_allclose(y, [[0.25, 0.75]], rtol=1e-6)


def test_dropout_training_only_and_scaling():
    x = np.ones((200, 500), np.float32)
    layer = layers.Dropout(0.3, seed=0)
    y = layer(x, training=True)
    dropped = float(np.mean(y == 0))
    assert abs(dropped - 0.3) < 0.01                   # 100,000 draws: std of the rate ~0.0015
    np.testing.assert_allclose(np.unique(y), [0.0, 1 / 0.7], rtol=1e-6)
    assert abs(float(y.mean()) - 1.0) < 0.01           # inverted dropout keeps the mean
    assert layer(x, training=False) is not None
    np.testing.assert_array_equal(layer(x, training=False), x)


def test_dropout_same_seed_same_mask():
    x = np.ones((3, 8), np.float32)
    a = layers.Dropout(0.5, seed=42)(x, training=True)
    b = layers.Dropout(0.5, seed=42)(x, training=True)
    np.testing.assert_array_equal(a, b)


def test_batch_normalization_moving_statistics_follow_keras_formula():
    x = np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0], [7.0, 40.0]], np.float32)
    bn = layers.BatchNormalization()
    y = bn(x, training=True)
    mean = x.mean(axis=0)                                      # [4, 25]
    var = x.var(axis=0)                                        # [5, 125]  (biased, /N)
    np.testing.assert_allclose(bn.moving_mean, 0.01 * mean, rtol=1e-6)       # 0*0.99 + m*0.01
    np.testing.assert_allclose(bn.moving_variance, 0.99 + 0.01 * var, rtol=1e-6)
    np.testing.assert_allclose(y, (x - mean) / np.sqrt(var + 1e-3), rtol=1e-5, atol=1e-6)
    # inference uses the moving statistics
    y_inf = bn(x, training=False)
    expected = (x - bn.moving_mean) / np.sqrt(bn.moving_variance + 1e-3)
    np.testing.assert_allclose(y_inf, expected, rtol=1e-5)
    assert bn.momentum == 0.99 and bn.epsilon == 1e-3


def test_batch_normalization_weights_order_gamma_beta_mean_variance():
    bn = layers.BatchNormalization()
    bn.build((None, 3))
    names = ["gamma", "beta", "moving_mean", "moving_variance"]
    assert [id(w) for w in bn.weights] == [id(getattr(bn, n)) for n in names]
    np.testing.assert_array_equal(bn.gamma, [1, 1, 1])
    np.testing.assert_array_equal(bn.moving_variance, [1, 1, 1])


# ---------------------------------------------------------------------------------------------
# bind: weights moved into a flat buffer
# ---------------------------------------------------------------------------------------------
def test_bind_moves_weights_and_grads_into_views():
    layer = layers.Dense(2)
    layer.build((None, 3))
    old = layer.get_weights()
    params = np.zeros(3 * 2 + 2, np.float32)
    grads = np.zeros_like(params)
    layer.bind([params[:6].reshape(3, 2), params[6:]], [grads[:6].reshape(3, 2), grads[6:]])
    np.testing.assert_array_equal(params[:6].reshape(3, 2), old[0])      # values copied
    params[6:] = [1.0, 2.0]                                              # bias through the buffer
    y = layer(np.zeros((1, 3), np.float32))
    np.testing.assert_array_equal(y, [[1.0, 2.0]])
    layer.backward(np.array([[3.0, 4.0]], np.float32))
    np.testing.assert_array_equal(grads[6:], [3.0, 4.0])                 # db lands in the buffer


# ---------------------------------------------------------------------------------------------
# config and registry
# ---------------------------------------------------------------------------------------------
def test_serialize_deserialize_round_trip_gives_same_outputs():
    dense = layers.Dense(3, activation="relu", kernel_regularizer=regularizers.L2(0.02),
                         name="hidden")
    dense.build((None, 4))
    config = layers.serialize(dense)
    assert config["class_name"] == "Dense"
    assert config["config"]["units"] == 3 and config["config"]["activation"] == "relu"
    clone = layers.deserialize(config)
    clone.build((None, 4))
    clone.set_weights(dense.get_weights())
    x = rng(8).normal(size=(2, 4)).astype(np.float32)
    np.testing.assert_array_equal(clone(x), dense(x))
    assert clone.name == "hidden"
    assert clone.regularization_loss() == pytest.approx(dense.regularization_loss())
    for layer in [layers.Dropout(0.25, seed=1), layers.LeakyReLU(0.1), layers.Softmax(),
                  layers.BatchNormalization(momentum=0.9), layers.Activation("tanh"),
                  layers.Flatten(), layers.ReLU()]:
        again = layers.deserialize(layers.serialize(layer))
        assert type(again) is type(layer) and again.get_config() == layer.get_config()


def test_unknown_layer_name_in_deserialize_is_clear():
    with pytest.raises(HonggongError, match=r"Unknown layer class_name 'Conv2D'.*Dense"):
        layers.deserialize({"class_name": "Conv2D", "config": {}})


# ---------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------
def test_dense_on_3d_input_suggests_flatten():
    layer = layers.Dense(100)
    with pytest.raises(HonggongError) as info:
        layer(np.zeros((2, 28, 28)))
    text = str(info.value)
    assert "'dense'" in text
    assert "(None, 28, 28)" in text
    assert "expects a 2-D input (batch, features)" in text
    assert "Flatten()" in text


def test_dense_feature_count_mismatch_after_build():
    layer = layers.Dense(2)
    layer(np.zeros((1, 3)))
    with pytest.raises(HonggongError, match=r"expected inputs with 3 features, received shape "
                                            r"\(None, 5\)"):
        layer(np.zeros((1, 5)))


@pytest.mark.parametrize("units", [0, -3, 2.5, "10", None, True])
def test_invalid_units(units):
    with pytest.raises(HonggongError, match="expected units to be a positive integer"):
        layers.Dense(units)


@pytest.mark.parametrize("rate", [1.0, -0.1, 1.5, "0.3"])
def test_invalid_dropout_rate(rate):
    with pytest.raises(HonggongError, match=r"Dropout expected rate in \[0, 1\)"):
        layers.Dropout(rate)


def test_set_weights_wrong_count_and_shape():
    layer = layers.Dense(2)
    layer.build((None, 3))
    with pytest.raises(HonggongError, match="expected 2 weight arrays, received 1"):
        layer.set_weights([np.zeros((3, 2))])
    with pytest.raises(HonggongError, match=r"weight 0 expected shape \(3, 2\), received \(2, 3\)"):
        layer.set_weights([np.zeros((2, 3)), np.zeros(2)])


def test_unknown_keyword_argument():
    with pytest.raises(TypeError, match="unexpected keyword"):
        layers.Dense(3, activaton="relu")


def test_old_input_shape_style_warns_with_keras3_form():
    with pytest.warns(UserWarning, match=r"keras\.Input\(shape=\(784,\)\)"):
        layer = layers.Dense(10, input_shape=(784,))
    assert layer._batch_input_shape == (None, 784)
    with pytest.warns(UserWarning, match=r"keras\.Input\(shape=\(8,\)\)"):
        layers.Dense(10, input_dim=8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # the modern form gives no warning
        layers.Dense(10)
        layers.Input(shape=(784,))


# ---------------------------------------------------------------------------------------------
# Dense's short route for plain relu/softmax gives the same bits as the Activation objects
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["relu", "softmax"])
def test_dense_short_route_equals_activation_object_bit_for_bit(name):
    from honggong import activations
    rng = np.random.default_rng(7)
    fast = layers.Dense(6, activation=name)
    readable = layers.Dense(6, activation=activations.get(name).with_params())  # a copy: general path
    assert fast.activation is activations.get(name) and readable.activation is not fast.activation
    x = rng.normal(size=(5, 4)).astype(np.float32)
    fast.build((None, 4))
    readable.build((None, 4))
    readable.set_weights(fast.get_weights())
    y_fast, y_read = fast.forward(x, training=True), readable.forward(x, training=True)
    assert y_fast.dtype == np.float32
    np.testing.assert_array_equal(y_fast.view(np.int32), y_read.view(np.int32))
    dy = rng.normal(size=(5, 6)).astype(np.float32)
    dx_fast, dx_read = fast.backward(dy), readable.backward(dy)
    np.testing.assert_array_equal(dx_fast.view(np.int32), dx_read.view(np.int32))
    for g_fast, g_read in zip(fast.grads, readable.grads):
        np.testing.assert_array_equal(g_fast.view(np.int32), g_read.view(np.int32))
    # independent numpy: z = xW + b, then the activation written out
    z = x @ fast.kernel + fast.bias
    if name == "relu":
        np.testing.assert_array_equal(y_fast, np.maximum(z, 0))
        np.testing.assert_array_equal(fast.grads[1], (dy * (z > 0)).sum(axis=0))
    else:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        np.testing.assert_allclose(y_fast, e / e.sum(axis=1, keepdims=True), rtol=1e-6)
        np.testing.assert_allclose(y_fast.sum(axis=1), np.ones(5), rtol=1e-6)
    assert np.abs(dx_fast).max() > 0                      # a real gradient flowed


def test_dense_relu_backward_with_float64_dy_matches_the_activation_object():
    # dy of another dtype takes the general route (which casts dy to z's dtype first).
    layer = layers.Dense(3, activation="relu")
    layer.build((None, 2))
    layer.set_weights([np.array([[1.0, -1.0, 0.5], [2.0, 1.0, -3.0]]), np.zeros(3)])
    x = np.array([[1.0, 1.0]], dtype=np.float32)            # z = [3, 0, -2.5] -> mask [1, 0, 0]
    layer.forward(x, training=True)
    dx = layer.backward(np.array([[1.0, 1.0, 1.0]]))      # float64
    assert dx.dtype == np.float32
    np.testing.assert_array_equal(layer.grads[1], [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(dx, [[1.0, 2.0]])        # dz @ W.T = [1, 0, 0] @ W.T


def test_dense_and_activation_layers_use_the_activation_objects():
    """One body per activation: Dense and the ReLU/LeakyReLU/Softmax layers call the objects of
    honggong.activations for forward and backward."""
    from honggong import activations
    calls = []

    class Recording(activations.Activation):
        def __call__(self, x):
            calls.append("forward")
            return super().__call__(x)

        def backward(self, x, y, dy):
            calls.append("backward")
            return super().backward(x, y, dy)

    relu = activations.get("relu")
    act = Recording("relu", relu.function, relu.derivative_function)
    dense = layers.Dense(3, activation=act)
    x = np.array([[1.0, -2.0]], np.float32)
    y = dense(x)
    dense.backward(np.ones_like(y))
    assert calls == ["forward", "backward"]
    for layer, name, params in ((layers.ReLU(), "relu", {}),
                                (layers.LeakyReLU(), "leaky_relu", {"negative_slope": 0.3}),
                                (layers.Softmax(axis=0), "softmax", {"axis": 0})):
        assert isinstance(layer, layers.Activation)
        assert (layer.activation.name, layer.activation.params) == (name, params)
    z = np.array([[2.0, -1.0], [-3.0, 0.5]], np.float32)
    np.testing.assert_allclose(layers.LeakyReLU()(z), [[2.0, -0.3], [-0.9, 0.5]], rtol=1e-6)
    np.testing.assert_allclose(layers.Softmax(axis=0)(z).sum(axis=0), [1.0, 1.0], rtol=1e-6)
    assert layers.ReLU().get_config().keys() == {"name", "trainable", "dtype"}


def test_has_regularization_only_with_a_regularizer():
    """fit adds regularization_loss() to the loss only for layers that can give a non-zero one."""
    class Penalized(layers.Layer):
        def regularization_loss(self):
            return 1.5

    assert not layers.Dense(3).has_regularization()
    assert layers.Dense(3, kernel_regularizer="l2").has_regularization()
    assert layers.Dense(3, bias_regularizer="l2").has_regularization()
    assert not layers.Dense(3, use_bias=False, bias_regularizer="l2").has_regularization()
    assert not layers.Flatten().has_regularization()
    assert Penalized().has_regularization()
