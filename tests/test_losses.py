import math

import numpy as np
import pytest

from honggong import gradcheck, losses

Y2 = np.array([[0.0, 1.0], [0.0, 0.0]])
P2 = np.array([[0.6, 0.4], [0.4, 0.6]])


# ---------------------------------------------------------------- values worked by hand

def test_mse_mae_values():
    y = np.array([[1.0, 2.0], [3.0, 4.0]])
    p = np.array([[1.5, 2.0], [2.0, 5.0]])
    # squared errors: [0.25, 0], [1, 1] -> per sample [0.125, 1.0], mean 0.5625
    np.testing.assert_allclose(losses.mean_squared_error(y, p), [0.125, 1.0])
    assert losses.MeanSquaredError()(y, p) == pytest.approx(0.5625)
    # absolute errors: [0.5, 0], [1, 1] -> per sample [0.25, 1.0], mean 0.625
    np.testing.assert_allclose(losses.mae(y, p), [0.25, 1.0])
    assert losses.get("mae")(y, p) == pytest.approx(0.625)


def test_huber_values():
    # errors 0.6, -0.6 | 0.4, 0.6 all within delta=1: 0.5·e² -> [0.18, 0.18], [0.08, 0.18]
    np.testing.assert_allclose(losses.huber(Y2, P2), [0.18, 0.13], rtol=1e-12)
    assert losses.Huber()(Y2, P2) == pytest.approx(0.155)
    # delta = 0.5, error 1: linear part 0.5·1 − 0.5·0.25 = 0.375; error 0.2: 0.5·0.04 = 0.02
    np.testing.assert_allclose(losses.huber([[0.0, 0.0]], [[1.0, 0.2]], delta=0.5), [(0.375 + 0.02) / 2])


def test_binary_crossentropy_values():
    # sample 1: −log 0.4 twice = 0.9162907;  sample 2: (−log 0.6 − log 0.4)/2 = 0.7135581
    expected = [-math.log(0.4), (-math.log(0.6) - math.log(0.4)) / 2]
    np.testing.assert_allclose(losses.binary_crossentropy(Y2, P2), expected, rtol=1e-12)
    assert losses.BinaryCrossentropy()(Y2, P2) == pytest.approx(np.mean(expected))


def test_binary_crossentropy_from_logits_matches_sigmoid_formula():
    x = np.array([[-3.0, 0.5], [2.0, -0.1]])
    p = 1 / (1 + np.exp(-x))
    t = Y2
    expected = np.mean(-(t * np.log(p) + (1 - t) * np.log(1 - p)), axis=-1)
    np.testing.assert_allclose(losses.binary_crossentropy(t, x, from_logits=True), expected, rtol=1e-12)


def test_binary_crossentropy_label_smoothing():
    # s = 0.2: targets 0 -> 0.1, 1 -> 0.9
    t = np.array([[0.1, 0.9]])
    p = np.array([[0.6, 0.4]])
    expected = np.mean(-(t * np.log(p) + (1 - t) * np.log(1 - p)))
    assert losses.BinaryCrossentropy(label_smoothing=0.2)([[0.0, 1.0]], p) == pytest.approx(expected)


def test_binary_crossentropy_clips_probabilities():
    # p = 0 with target 1 is clipped to 1e-7: −log(1e-7) = 16.1180957
    value = losses.BinaryCrossentropy()(np.array([[1.0]]), np.array([[0.0]], dtype=np.float32))
    assert value == pytest.approx(-math.log(1e-7), rel=1e-5)
    assert np.isfinite(value)


def test_categorical_crossentropy_values_and_normalization():
    y = np.array([[0, 1, 0], [0, 0, 1]], dtype=np.float32)
    p = np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]], dtype=np.float32)
    np.testing.assert_allclose(losses.categorical_crossentropy(y, p), [-math.log(0.95), -math.log(0.1)], rtol=1e-6)
    # unnormalized [1, 2, 1]: divided by its sum 4 -> q = 0.5 for the target -> ln 2
    np.testing.assert_allclose(losses.categorical_crossentropy([[0, 1, 0]], [[1.0, 2.0, 1.0]]), [math.log(2)])


def test_categorical_crossentropy_from_logits_and_smoothing():
    x = np.array([[2.0, 1.0, 0.1]])
    t = np.array([[1.0, 0.0, 0.0]])
    log_softmax = x - np.log(np.sum(np.exp(x)))
    np.testing.assert_allclose(losses.categorical_crossentropy(t, x, from_logits=True), [-log_softmax[0, 0]])
    # smoothing 0.3 over 3 classes: t = [0.8, 0.1, 0.1]
    ts = np.array([0.8, 0.1, 0.1])
    np.testing.assert_allclose(losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.3).call(t, x),
                               [-(ts * log_softmax[0]).sum()])


def test_sparse_categorical_crossentropy_values_and_label_shapes():
    p = np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]], dtype=np.float32)
    expected = [-math.log(0.95), -math.log(0.1)]
    for labels in ([1, 2], [[1], [2]], np.array([1, 2], np.uint8), np.array([1.0, 2.0], np.float32)):
        np.testing.assert_allclose(losses.sparse_categorical_crossentropy(labels, p), expected, rtol=1e-6)
    assert losses.SparseCategoricalCrossentropy()([1, 2], p) == pytest.approx(np.mean(expected), rel=1e-6)


def test_regression_output_column_lines_up_with_flat_targets():
    y = np.array([1.0, 2.0, 3.0])
    p = np.array([[1.5], [2.0], [2.0]], dtype=np.float32)
    per_sample = losses.mse(y, p)
    assert per_sample.shape == (3,)
    np.testing.assert_allclose(per_sample, [0.25, 0.0, 1.0])
    assert losses.get("mse").gradient(y, p).shape == (3, 1)


def test_reductions():
    y, p = [[1.0], [3.0]], [[2.0], [1.0]]
    assert losses.MeanSquaredError(reduction="sum")(y, p) == pytest.approx(5.0)
    np.testing.assert_allclose(losses.MeanSquaredError(reduction="none")(y, p), [1.0, 4.0])
    assert losses.MeanSquaredError()(y, p, sample_weight=[1.0, 0.0]) == pytest.approx(0.5)


def test_float32_in_float32_out():
    p = np.array([[0.2, 0.8]], dtype=np.float32)
    for name in ("mse", "mae", "huber", "binary_crossentropy", "categorical_crossentropy"):
        loss = losses.get(name)
        assert loss.call([[0.0, 1.0]], p).dtype == np.float32
        assert loss.gradient([[0.0, 1.0]], p).dtype == np.float32
    assert losses.get("sparse_categorical_crossentropy").gradient([1], p).dtype == np.float32


# ---------------------------------------------------------------- gradients

RNG = np.random.default_rng(1)
PROBS = RNG.uniform(0.05, 0.95, size=(4, 3))
ONE_HOT = np.eye(3)[[0, 2, 1, 2]]
LABELS = np.array([0, 2, 1, 2])
REAL = RNG.normal(size=(4, 3))


@pytest.mark.parametrize("loss, y_true, y_pred", [
    (losses.MeanSquaredError(), REAL, REAL + RNG.normal(size=(4, 3))),
    (losses.MeanAbsoluteError(), REAL, REAL + 0.5 + RNG.uniform(size=(4, 3))),
    (losses.Huber(), REAL, REAL + np.array([[-2.0, 0.3, 1.7]])),
    (losses.Huber(delta=0.5), REAL, REAL + np.array([[-2.0, 0.3, 0.1]])),
    (losses.BinaryCrossentropy(), (PROBS > 0.5).astype(float), PROBS),
    (losses.BinaryCrossentropy(from_logits=True), (PROBS > 0.5).astype(float), REAL),
    (losses.BinaryCrossentropy(label_smoothing=0.1), (PROBS > 0.5).astype(float), PROBS),
    (losses.CategoricalCrossentropy(), ONE_HOT, PROBS),          # rows do not sum to 1: normalization
    (losses.CategoricalCrossentropy(from_logits=True), ONE_HOT, REAL),
    (losses.CategoricalCrossentropy(label_smoothing=0.2), ONE_HOT, PROBS),
    (losses.SparseCategoricalCrossentropy(), LABELS, PROBS),
    (losses.SparseCategoricalCrossentropy(from_logits=True), LABELS, REAL),
    (losses.MeanSquaredError(reduction="sum"), REAL, REAL + 1.0),
], ids=lambda v: getattr(v, "name", None) or "")
def test_gradient_check_every_loss(loss, y_true, y_pred):
    err = gradcheck.check_loss(loss, y_true, y_pred)
    assert err < 1e-6, f"{loss}: relative error {err}"


def test_gradient_check_with_aligned_ranks():
    y = np.array([1.0, 0.0, 1.0])
    p = np.array([[0.7], [0.2], [0.4]])
    assert gradcheck.check_loss("binary_crossentropy", y, p) < 1e-6
    assert gradcheck.check_loss("mse", y, p) < 1e-6


def test_mse_gradient_by_hand():
    # d/dp mean((p−y)²) over 4 entries = 2(p−y)/4
    g = losses.get("mse").gradient([[1.0, 2.0], [3.0, 4.0]], [[2.0, 2.0], [3.0, 6.0]])
    np.testing.assert_allclose(g, [[0.5, 0.0], [0.0, 1.0]])


def test_gradient_is_zero_where_probability_was_clipped():
    g = losses.BinaryCrossentropy().gradient([[1.0, 1.0]], [[0.0, 0.5]])
    # clipped entry has no slope; the other is −1/0.5 / 2 entries = −1
    np.testing.assert_allclose(g, [[0.0, -1.0]])


def test_softmax_crossentropy_equals_the_generic_path():
    """The one-step function gives the crossentropy of softmax(z) and dL/dz; the generic path is
    the softmax activation's backward applied to the loss gradient with respect to p."""
    from honggong import activations
    z = REAL.astype(np.float32)
    p = activations.softmax(z)
    for targets, loss in ((LABELS, losses.SparseCategoricalCrossentropy()),
                          (ONE_HOT.astype(np.float32), losses.CategoricalCrossentropy())):
        value, dz = losses.softmax_crossentropy(targets, p)
        generic = activations.get("softmax").backward(z, p, loss.gradient(targets, p))
        assert value == pytest.approx(loss(targets, p), rel=1e-6)
        np.testing.assert_allclose(dz, generic, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(dz, (p - ONE_HOT) / 4, rtol=1e-6, atol=1e-8)
        assert dz.dtype == np.float32


def test_softmax_crossentropy_clips_with_backend_epsilon():
    from honggong import backend
    p = np.array([[0.99, 0.01], [0.5, 0.5]], np.float32)
    old = backend.epsilon()
    backend.set_epsilon(0.05)
    try:
        value, _ = losses.softmax_crossentropy(np.array([1, 0]), p)
        assert value == pytest.approx((-math.log(0.05) - math.log(0.5)) / 2, rel=1e-6)
        assert value == pytest.approx(losses.SparseCategoricalCrossentropy()([1, 0], p), rel=1e-6)
    finally:
        backend.set_epsilon(old)


def test_sigmoid_crossentropy_grad_matches_from_logits_loss():
    t = (PROBS > 0.5).astype(float)
    p = 1 / (1 + np.exp(-REAL))
    via_loss = losses.BinaryCrossentropy(from_logits=True).gradient(t, REAL)
    np.testing.assert_allclose(losses.sigmoid_crossentropy_grad(t, p), via_loss, rtol=1e-10)
    np.testing.assert_allclose(losses.sigmoid_crossentropy_grad(t, p), (p - t) / 12, rtol=1e-12)


# ---------------------------------------------------------------- errors

def test_sparse_label_out_of_range_names_value_and_classes():
    with pytest.raises(ValueError) as info:
        losses.get("sparse_categorical_crossentropy")([0, 10], np.full((2, 10), 0.1))
    text = str(info.value)
    assert "label value 10" in text and "n_classes=10" in text and "[0, 10)" in text


def test_sparse_negative_label():
    with pytest.raises(ValueError, match="label value -1"):
        losses.sparse_categorical_crossentropy([-1, 0], np.full((2, 3), 1 / 3))


def test_sparse_loss_given_one_hot_targets():
    with pytest.raises(ValueError) as info:
        losses.SparseCategoricalCrossentropy()(ONE_HOT, PROBS)
    text = str(info.value)
    assert "one-hot" in text and "categorical_crossentropy" in text and "argmax" in text


def test_sparse_loss_non_integer_labels():
    with pytest.raises(ValueError, match="non-integer value 0.5"):
        losses.sparse_categorical_crossentropy([0.5, 1.0], PROBS[:2])


def test_categorical_loss_given_integer_labels():
    for labels in (LABELS, LABELS[:, None]):
        with pytest.raises(ValueError) as info:
            losses.CategoricalCrossentropy()(labels, PROBS)
        text = str(info.value)
        assert "sparse_categorical_crossentropy" in text and "to_categorical" in text
        assert "(4, 3)" in text


def test_shape_mismatch_message():
    with pytest.raises(ValueError) as info:
        losses.mse(np.zeros((4, 2)), np.zeros((4, 3)))
    text = str(info.value)
    assert "y_true.shape=(4, 2)" in text and "y_pred.shape=(4, 3)" in text


def test_get_names_classes_and_errors():
    assert isinstance(losses.get("mse"), losses.MeanSquaredError)
    assert losses.get("MSE").name == "mean_squared_error"
    assert losses.get("huber").name == "huber_loss"
    assert isinstance(losses.get(losses.BinaryCrossentropy), losses.BinaryCrossentropy)
    obj = losses.CategoricalCrossentropy(from_logits=True)
    assert losses.get(obj) is obj
    assert isinstance(losses.get(losses.sparse_categorical_crossentropy), losses.SparseCategoricalCrossentropy)
    assert losses.get("SparseCategoricalCrossentropy").name == "sparse_categorical_crossentropy"
    with pytest.raises(ValueError) as info:
        losses.get("categorical_crossentopy")
    assert "sparse_categorical_crossentropy" in str(info.value) and "mse" in str(info.value)
    with pytest.raises(ValueError, match="not regression"):
        losses.get("ctc")
    with pytest.raises(TypeError, match="Could not interpret loss"):
        losses.get(42)
    with pytest.raises(ValueError, match="Invalid reduction"):
        losses.MeanSquaredError(reduction="average")


def test_get_config_round_trip():
    loss = losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.1)
    clone = losses.BinaryCrossentropy.from_config(loss.get_config())
    assert clone.get_config() == {"name": "binary_crossentropy", "reduction": "sum_over_batch_size",
                                  "from_logits": True, "label_smoothing": 0.1}


def test_sparse_labels_with_wrong_count():
    with pytest.raises(ValueError) as info:
        losses.sparse_categorical_crossentropy([0, 1, 2], PROBS)
    text = str(info.value)
    assert "expected labels of shape (4,)" in text and "received labels of shape (3,)" in text
