"""Tests for the network pictures in honggong.plots: the numbers drawn are honggong's own."""
import io
import warnings

import numpy as np
import pytest
from matplotlib.figure import Figure

from honggong import keras, layers, plots
from honggong.backend import HonggongError


def texts(fig):
    return {t.get_gid(): t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid()}


def patches(fig, prefix):
    return sorted(p.get_gid() for ax in fig.axes for p in ax.patches if (p.get_gid() or "").startswith(prefix))


def save_strict(fig):
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # a missing Hangul/math glyph would warn
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


def test_neuron_shows_the_weighted_sum_and_activation():
    fig = plots.plot_neuron(x=(1.0, 2.0, 3.0), w=(0.5, -1.0, 0.25), b=0.1, activation="sigmoid")
    assert isinstance(fig, Figure)
    t = texts(fig)
    # z = 0.5 - 2.0 + 0.75 + 0.1 = -0.65; sigmoid(-0.65) = 1 / (1 + e^0.65) = 0.34299
    assert t["value:z"] == "z = -0.65"
    assert t["value:a"] == "a = f(z)\n= 0.343"
    assert fig.neuron["a"] == pytest.approx(1 / (1 + np.exp(0.65)), rel=1e-6)
    assert [t[f"weight:{i}"] for i in range(3)] == ["$w_{1}$=0.5", "$w_{2}$=-1", "$w_{3}$=0.25"]
    assert t["bias"] == "+ 절편 b = 0.1"
    assert patches(fig, "input:") == ["input:0", "input:1", "input:2"]
    assert fig.axes[0].get_title() == "뉴런 하나: 가중합 z = x·w + b, 출력 a = f(z)"
    assert save_strict(fig)[:4] == b"\x89PNG"


def test_neuron_rejects_mismatched_weights():
    with pytest.raises(HonggongError, match="3 inputs and 2 weights"):
        plots.plot_neuron(x=(1, 2, 3), w=(1, 2))


def test_dense_network_draws_every_connection_and_counts_parameters():
    fig = plots.plot_network((3, 4))
    assert patches(fig, "node:") == [f"node:0,{i}" for i in range(3)] + [f"node:1,{j}" for j in range(4)]
    edges = [c for c in fig.axes[0].collections if c.get_gid() == "edges:1"][0]
    assert len(edges.get_segments()) == 3 * 4
    assert texts(fig)["params:1"] == "3 × 4 + 4\n= 16개"
    assert fig.axes[0].get_title() == "밀집층: 모든 입력이 모든 뉴런에 연결 (파라미터 16개)"
    save_strict(fig)


def test_network_from_the_books_model_matches_count_params():
    keras.backend.clear_session()
    model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                              keras.layers.Dense(100, activation="relu"),
                              keras.layers.Dense(10, activation="softmax")])
    fig = plots.plot_network(model, max_nodes=8)
    assert fig.params == [l.count_params() for l in model.layers if hasattr(l, "units")] == [78500, 1010]
    t = texts(fig)
    assert t["title:1"] == "은닉층\nDense(100, relu)" and t["title:2"] == "출력층\nDense(10, softmax)"
    assert t["title:0"] == "입력 784개"
    # 784 inputs drawn as 4 + ⋮ + 3 nodes
    assert len(patches(fig, "node:0,")) == 7
    assert "79,510" in fig.axes[0].get_title()


def test_network_rejects_bad_sizes():
    with pytest.raises(HonggongError, match="해결:"):
        plots.plot_network((3,))


def test_dropout_mask_is_the_dropout_layers_mask():
    fig = plots.plot_dropout(sizes=(4, 6, 6, 2), rate=0.5, seed=1)
    drop = layers.Dropout(0.5, seed=1)
    for l in (1, 2):
        expected = drop(np.ones((1, 6), np.float32), training=True)[0] == 0
        np.testing.assert_array_equal(fig.masks[l], expected)
        dropped = [g for g in patches(fig, f"train:dropped:{l},")]
        assert dropped == [f"train:dropped:{l},{i}" for i in np.flatnonzero(expected)]
    # prediction side: every node present, none dropped
    assert len(patches(fig, "predict:node:")) == 4 + 6 + 6 + 2
    assert patches(fig, "predict:dropped:") == []
    left, right = fig.axes
    n_off = int(fig.masks[1].sum() + fig.masks[2].sum())
    assert left.get_title() == ("훈련 (training=True): Dropout(0.5)\n"
                                f"은닉 뉴런 12개 중 {n_off}개 꺼짐, 남은 출력 ×1/(1−0.5)")
    # the connections of dropped nodes are removed: edges into hidden layer 1 = 4 inputs × kept nodes
    edges = [c for c in left.collections if c.get_gid() == "train:edges:1"][0]
    assert len(edges.get_segments()) == 4 * int((~fig.masks[1]).sum())
    save_strict(fig)


def test_computational_graph_numbers_match_a_hand_derivation():
    fig = plots.plot_computational_graph(w=3.0, x=2.0, b=1.0, y=5.0)
    fwd, bwd = fig.values
    # forward: wx = 6, z = 7, e = 2, L = 4; backward: dL/de = 2e = 4 = dL/dz = dL/db = dL/d(wx),
    # dL/dy = -4, dL/dw = 4·x = 8, dL/dx = 4·w = 12
    assert fwd == {"w": 3.0, "x": 2.0, "b": 1.0, "y": 5.0, "wx": 6.0, "z": 7.0, "e": 2.0, "L": 4.0}
    assert bwd == {"L": 1.0, "e": 4.0, "z": 4.0, "y": -4.0, "wx": 4.0, "b": 4.0, "w": 8.0, "x": 12.0}
    t = texts(fig)
    assert t["forward:z"] == "z = 7" and t["forward:L"] == "L = 4"
    assert [t[f"backward:{k}"] for k in ("w", "x", "b", "y", "L")] == ["8", "12", "4", "-4", "1"]
    save_strict(fig)


def test_computational_graph_agrees_with_honggong_on_other_numbers():
    w, x, b, y = -1.5, 0.5, 2.0, -1.0
    fwd, bwd = plots.computational_graph_values(w, x, b, y)
    e = w * x + b - y
    assert fwd["L"] == pytest.approx(e ** 2)
    assert bwd["w"] == pytest.approx(2 * e * x) and bwd["x"] == pytest.approx(2 * e * w)
    assert bwd["b"] == pytest.approx(2 * e)
    fig = plots.plot_computational_graph(w, x, b, y, backward=False)
    assert not [g for g in texts(fig) if g.startswith("backward:")]


def test_batch_norm_picture_training_vs_inference_and_no_side_effect():
    rng = np.random.default_rng(0)
    batch = rng.normal(loc=5.0, scale=3.0, size=(256, 3)).astype(np.float32)
    bn = keras.layers.BatchNormalization()
    bn(batch, training=True)
    before = [w.copy() for w in bn.get_weights()]
    fig = plots.plot_batch_norm(bn, batch, feature=0)
    for a, b in zip(before, bn.get_weights()):
        np.testing.assert_array_equal(a, b)            # drawing did not move the moving statistics
    s = fig.stats
    col = batch[:, 0].astype(np.float64)
    assert s["batch_mean"] == pytest.approx(col.mean()) and s["batch_std"] == pytest.approx(col.std())
    assert s["train_mean"] == pytest.approx(0.0, abs=1e-5)
    # var/(var + 1e-3) under the root: std = σ/√(σ² + 0.001)
    assert s["train_std"] == pytest.approx(col.std() / np.sqrt(col.var() + 1e-3), rel=1e-4)
    assert s["moving_mean"] == pytest.approx(0.01 * col.mean(), rel=1e-5)
    expected = (col - s["moving_mean"]) / np.sqrt(s["moving_variance"] + 1e-3)
    assert s["inference_mean"] == pytest.approx(expected.mean(), rel=1e-4)
    t = texts(fig)
    assert t["stats:train"] == "출력 평균 0.000\n출력 표준편차 1.000"
    assert t["stats:inference"].startswith(f"moving_mean = {s['moving_mean']:.3g}")
    assert [ax.get_title() for ax in fig.axes][2] == "예측 (training=False)\nmoving_mean, moving_variance로 정규화"
    save_strict(fig)
