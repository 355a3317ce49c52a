import numpy as np
import pytest

from honggong import metrics

PROBS = np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3]], dtype=np.float32)
LABELS = np.array([1, 0, 1, 2])          # argmax of PROBS is [1, 0, 2, 1] -> matches 1, 1, 0, 0
ONE_HOT = np.eye(3, dtype=np.float32)[LABELS]


def test_sparse_categorical_accuracy_per_sample():
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(LABELS, PROBS), [1, 1, 0, 0])
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(LABELS[:, None], PROBS), [1, 1, 0, 0])
    assert metrics.sparse_categorical_accuracy(LABELS, PROBS).dtype == np.float32


def test_categorical_accuracy_per_sample():
    np.testing.assert_array_equal(metrics.categorical_accuracy(ONE_HOT, PROBS), [1, 1, 0, 0])


def test_binary_accuracy_threshold_half():
    y = np.array([1, 0, 1, 0])
    p = np.array([[0.9], [0.4], [0.5], [0.51]])       # 0.5 is not > 0.5 -> predicted 0
    np.testing.assert_array_equal(metrics.BinaryAccuracy().call(y, p), [1, 1, 0, 0])
    np.testing.assert_array_equal(metrics.BinaryAccuracy(threshold=0.45).call(y, p), [1, 1, 1, 0])


def test_mae_mse_per_sample():
    y = np.array([1.0, 2.0])
    p = np.array([[1.5], [4.0]])
    np.testing.assert_allclose(metrics.get("mae").call(y, p), [0.5, 2.0])
    np.testing.assert_allclose(metrics.get("mse").call(y, p), [0.25, 4.0])


def test_accuracy_resolution_from_shapes_like_keras():
    assert metrics.accuracy_kind((32,), (32, 10)) == "sparse_categorical"
    assert metrics.accuracy_kind((32, 1), (32, 10)) == "sparse_categorical"
    assert metrics.accuracy_kind((32, 10), (32, 10)) == "categorical"
    assert metrics.accuracy_kind((32,), (32, 1)) == "binary"
    assert metrics.accuracy_kind((32, 1), (32, 1)) == "binary"


def test_auto_accuracy_picks_sparse_for_integer_labels():
    m = metrics.get("accuracy", loss="sparse_categorical_crossentropy")
    assert m.name == "accuracy"
    np.testing.assert_array_equal(m.call(LABELS, PROBS), [1, 1, 0, 0])
    assert m.kind == "sparse_categorical"


def test_auto_accuracy_picks_categorical_and_binary():
    m = metrics.get("accuracy")
    np.testing.assert_array_equal(m.call(ONE_HOT, PROBS), [1, 1, 0, 0])
    assert m.kind == "categorical"
    b = metrics.get("accuracy")
    np.testing.assert_array_equal(b.call([1, 0], [[0.8], [0.7]]), [1, 0])
    assert b.kind == "binary"


def test_accuracy_with_shapes_given_now():
    m = metrics.get("acc", y_true=(4,), y_pred=(4, 3))
    np.testing.assert_array_equal(m.call(LABELS, PROBS), [1, 1, 0, 0])


def test_history_names_follow_keras3():
    assert metrics.get("accuracy").name == "accuracy"
    assert metrics.get("acc").name == "acc"            # Keras 3 keeps the string as written
    assert metrics.get("mae").name == "mae"
    assert metrics.get("mean_absolute_error").name == "mean_absolute_error"
    assert metrics.get("mse").name == "mse"
    assert metrics.get(metrics.MeanAbsoluteError()).name == "mean_absolute_error"
    assert metrics.get(metrics.SparseCategoricalAccuracy).name == "sparse_categorical_accuracy"
    assert metrics.get(metrics.mae).name == "mean_absolute_error"
    assert metrics.get("binary_crossentropy").name == "binary_crossentropy"


def test_streaming_mean_is_sample_weighted():
    m = metrics.SparseCategoricalAccuracy()
    m.update_state(LABELS[:3], PROBS[:3])      # 2 of 3 right
    m.update_state(LABELS[3:], PROBS[3:])      # 0 of 1 right
    assert m.result() == pytest.approx(0.5)
    m.reset_state()
    assert m.result() == 0.0
    assert metrics.MeanSquaredError()([[1.0], [2.0]], [[1.0], [4.0]]) == pytest.approx(2.0)


def test_metric_from_loss_name():
    m = metrics.get("sparse_categorical_crossentropy")
    np.testing.assert_allclose(m.call([1], [[0.5, 0.5]]), [np.log(2)], rtol=1e-6)


def test_unknown_metric_lists_names():
    with pytest.raises(ValueError) as info:
        metrics.get("acuracy")
    text = str(info.value)
    assert "'acuracy'" in text and "accuracy" in text and "mae" in text


def test_bad_type():
    with pytest.raises(TypeError, match="Could not interpret metric"):
        metrics.get(1.5)


def test_wrong_target_shapes_explained():
    with pytest.raises(ValueError, match="sparse_categorical_accuracy"):
        metrics.categorical_accuracy(LABELS, PROBS)
    with pytest.raises(ValueError, match="categorical_accuracy"):
        metrics.sparse_categorical_accuracy(ONE_HOT, PROBS)


def test_direction_is_decided_in_one_place_for_every_callback():
    from honggong import callbacks
    assert metrics.direction("val_accuracy") == metrics.direction("acc") == "up"
    assert metrics.direction("loss") == metrics.direction("val_mae") == "down"
    assert metrics.direction("val_my_score") is None
    custom = metrics.Metric(lambda t, p: t == p, "my_score")
    custom.direction = "up"
    assert metrics.direction("val_my_score", [custom]) == "up"
    # ReduceLROnPlateau's auto mode follows it ("auc" has no "acc" in it: Keras' rule says min)
    assert callbacks.ReduceLROnPlateau(monitor="val_auc")._maximize
    assert not callbacks.ReduceLROnPlateau(monitor="val_my_loss")._maximize
    assert metrics.Mean().direction == "down"


def test_mean_metric_weighted_running_mean():
    m = metrics.Mean(name="loss")
    m.update_state(0.5, sample_weight=32)
    m.update_state(2.0, sample_weight=8)
    assert m.result() == pytest.approx((0.5 * 32 + 2.0 * 8) / 40)
    m.update_state([1.0, 3.0])
    assert m.count == 42 and m.result() == pytest.approx((16 + 16 + 4) / 42)
    m.reset_state()
    assert m.result() == 0.0
