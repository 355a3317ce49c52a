"""Tests for honggong.plots: figures are checked by the data they draw."""
import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

import honggong
from honggong import plots
from honggong.callbacks import History


def by_gid(fig, gid):
    found = [a for ax in fig.axes for a in ax.get_children() if a.get_gid() == gid]
    assert found, f"no artist with gid {gid!r}"
    return found[0] if len(found) == 1 else found


def save_strict(fig):
    """Render the figure with every warning (e.g. a missing Hangul glyph) turned into an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


def test_import_registers_hangul_font():
    assert matplotlib.rcParams["font.family"][0] == "NanumGothic"
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_trajectory_plot_draws_the_trajectory_points():
    t1 = honggong.trajectory("sgd", steps=20, learning_rate=0.1)
    t2 = honggong.trajectory("adam", steps=20, learning_rate=0.1)
    before = plt.get_fignums()
    fig = plots.plot_trajectories([t1, t2])
    assert isinstance(fig, Figure) and plt.get_fignums() == before   # not stacked in pyplot
    ax = fig.axes[0]
    np.testing.assert_array_equal(by_gid(fig, "trajectory:0").get_xydata(), np.asarray(t1, dtype=np.float64))
    np.testing.assert_array_equal(by_gid(fig, "trajectory:1").get_xydata(), np.asarray(t2, dtype=np.float64))
    np.testing.assert_array_equal(by_gid(fig, "start:0").get_xydata(), [[-7.0, 2.0]])
    np.testing.assert_array_equal(by_gid(fig, "end:1").get_xydata(), np.asarray(t2[-1:], dtype=np.float64))
    np.testing.assert_array_equal(by_gid(fig, "minimum").get_xydata(), [[0.0, 0.0]])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["최솟값", "SGD(lr=0.1)", "Adam(lr=0.1)"]
    assert ax.get_title() == "f(x, y) = x$^{2}$/20 + y$^{2}$"     # mathtext: NanumGothic draws ² small
    assert ax.get_xlim() == (-10.0, 10.0) and ax.get_ylim() == (-5.0, 5.0)
    assert save_strict(fig)[:4] == b"\x89PNG"


def test_diverged_trajectory_is_marked_in_legend_and_text():
    t = honggong.trajectory("sgd", steps=50, learning_rate=1.1)   # leaves the view at step 18
    fig = plots.plot_trajectories(t)
    ax = fig.axes[0]
    assert ax.get_legend().get_texts()[1].get_text() == "SGD(lr=1.1) — 발산 (스텝 18)"
    assert by_gid(fig, "diverged:0").get_text() == "SGD(lr=1.1): 스텝 18에서 발산 (화면 밖으로 멀리 나감)"
    assert ax.get_ylim() == (-5.0, 5.0)          # the view is kept, the path leaves it
    save_strict(fig)


def test_saddle_and_several_minima_are_marked():
    fig = plots.plot_surface("himmelblau")
    assert by_gid(fig, "minimum").get_xydata().shape == (4, 2)
    assert by_gid(fig, "saddle").get_xydata().shape == (4, 2)
    fig = plots.plot_surface("saddle")
    np.testing.assert_array_equal(by_gid(fig, "saddle").get_xydata(), [[0.0, 0.0]])


def test_loss_along_steps():
    t = honggong.trajectory("sgd", steps=10, learning_rate=0.1)
    fig = plots.plot_loss_steps([t])
    x, y = by_gid(fig, "loss:0").get_data()
    np.testing.assert_array_equal(x, np.arange(11))
    k = np.arange(11)   # x = -7·0.99^k, y = 2·0.8^k  →  f = x²/20 + y²
    np.testing.assert_allclose(y, (7 * 0.99 ** k) ** 2 / 20 + (2 * 0.8 ** k) ** 2, rtol=1e-5)
    assert fig.axes[0].get_yscale() == "log" and fig.axes[0].get_title() == "스텝에 따른 손실"
    save_strict(fig)


def make_history(epochs_planned=10):
    h = History()
    h.set_params({"epochs": epochs_planned, "verbose": 0, "steps": 4})
    h.on_train_begin()
    loss = [0.9, 0.6, 0.45, 0.40, 0.42, 0.47]
    val = [1.0, 0.7, 0.50, 0.55, 0.48, 0.52]
    acc = [0.60, 0.70, 0.80, 0.82, 0.84, 0.85]
    val_acc = [0.55, 0.68, 0.79, 0.78, 0.81, 0.80]
    for e in range(6):
        h.on_epoch_end(e, {"loss": loss[e], "accuracy": acc[e], "val_loss": val[e], "val_accuracy": val_acc[e]})
    return h


def test_history_curves_with_best_epoch_and_early_stop():
    fig = plots.plot_history(make_history())
    loss_ax, acc_ax = fig.axes
    x, y = by_gid(fig, "train:loss").get_data()
    np.testing.assert_array_equal(x, [1, 2, 3, 4, 5, 6])                # epochs drawn from 1
    np.testing.assert_allclose(y, [0.9, 0.6, 0.45, 0.40, 0.42, 0.47])
    np.testing.assert_allclose(by_gid(fig, "val:loss").get_ydata(), [1.0, 0.7, 0.50, 0.55, 0.48, 0.52])
    # best validation loss 0.48 at epoch 5; best validation accuracy 0.81 at epoch 5 as well
    np.testing.assert_allclose(by_gid(fig, "best:loss").get_xydata(), [[5, 0.48]])
    np.testing.assert_allclose(by_gid(fig, "best:accuracy").get_xydata(), [[5, 0.81]])
    # 6 of 10 planned epochs ran → early stop after epoch 6
    stops = by_gid(fig, "early_stop")
    assert [s.get_xdata()[0] for s in stops] == [6, 6]
    assert loss_ax.get_title() == "손실 (loss)" and acc_ax.get_title() == "정확도 (accuracy)"
    assert loss_ax.get_xlabel() == "에포크"
    legend = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert legend == ["훈련", "검증", "최고 에포크 5 (0.48)", "조기 종료 (에포크 6)"]
    save_strict(fig)


def test_history_without_validation_uses_training_curve_and_no_early_stop():
    fig = plots.plot_history({"loss": [3.0, 2.0, 2.5]})
    np.testing.assert_allclose(by_gid(fig, "best:loss").get_xydata(), [[2, 2.0]])
    assert not [a for a in fig.axes[0].get_children() if a.get_gid() in ("val:loss", "early_stop")]
    with pytest.raises(ValueError, match=r"received \['acc'\]"):
        plots.plot_history({"loss": [1.0]}, metrics="acc")
    with pytest.raises(TypeError, match="Expected a History"):
        plots.plot_history([1, 2, 3])


def test_activations_with_derivatives():
    fig = plots.plot_activations(["sigmoid", "relu"], x=np.array([-2.0, 0.0, 2.0]))
    s = 1 / (1 + np.exp(-2.0))
    np.testing.assert_allclose(by_gid(fig, "f:sigmoid").get_ydata(), [1 - s, 0.5, s], rtol=1e-6)
    np.testing.assert_allclose(by_gid(fig, "df:sigmoid").get_ydata(), [s * (1 - s), 0.25, s * (1 - s)], rtol=1e-6)
    np.testing.assert_allclose(by_gid(fig, "f:relu").get_ydata(), [0.0, 0.0, 2.0])
    np.testing.assert_allclose(by_gid(fig, "df:relu").get_ydata()[[0, 2]], [0.0, 1.0])
    assert [ax.get_title() for ax in fig.axes] == ["sigmoid", "relu"]
    save_strict(fig)


def test_losses_as_function_of_prediction():
    fig = plots.plot_losses()
    x, mse = by_gid(fig, "loss:mean_squared_error").get_data()
    np.testing.assert_allclose(mse, x ** 2, rtol=1e-5, atol=1e-6)          # y_true = 0
    np.testing.assert_allclose(by_gid(fig, "loss:mean_absolute_error").get_ydata(), np.abs(x), atol=1e-6)
    huber = by_gid(fig, "loss:huber").get_ydata()   # δ = 1: x²/2 inside, |x| − 1/2 outside
    np.testing.assert_allclose(huber, np.where(np.abs(x) <= 1, x ** 2 / 2, np.abs(x) - 0.5), rtol=1e-5, atol=1e-6)
    p, y1 = by_gid(fig, "loss:bce_y1").get_data()
    np.testing.assert_allclose(y1, -np.log(p), rtol=1e-4)
    np.testing.assert_allclose(by_gid(fig, "loss:bce_y0").get_ydata(), -np.log(1 - p), rtol=1e-4)
    assert fig.axes[1].get_title() == "이진 크로스엔트로피"
    save_strict(fig)


def test_image_grid_titles_in_korean_and_english():
    images = np.arange(4 * 28 * 28).reshape(4, 28, 28) % 255
    labels = [0, 1, 9, 3]
    probs = np.eye(10)[[0, 2, 9, 3]]           # second one wrong: 스웨터 instead of 바지
    fig = plots.plot_images(images, labels, probs, ncols=4)
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["정답: 티셔츠\n예측: 티셔츠", "정답: 바지\n예측: 스웨터", "정답: 앵클 부츠\n예측: 앵클 부츠",
                      "정답: 드레스\n예측: 드레스"]
    colors = [ax.title.get_color() for ax in fig.axes]
    assert colors == ["tab:green", "tab:red", "tab:green", "tab:green"]
    np.testing.assert_array_equal(fig.axes[1].images[0].get_array(), images[1])
    fig_en = plots.plot_images(images[:2], labels[:2], class_names="en")
    assert [ax.get_title() for ax in fig_en.axes] == ["정답: T-shirt/top", "정답: Trouser"]
    save_strict(fig)
    with pytest.raises(ValueError, match=r"received shape \(2, 3, 4, 5\)"):
        plots.plot_images(np.zeros((2, 3, 4, 5)))


def test_confusion_matrix_counts_and_cells():
    y_true = [0, 0, 1, 1, 1, 2]
    y_pred = [0, 1, 1, 1, 2, 2]
    cm = plots.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 2, 1], [0, 0, 1]])
    fig = plots.plot_confusion_matrix(y_true, y_pred, class_names=["가", "나", "다"])
    assert by_gid(fig, "cell:1,1").get_text() == "2" and by_gid(fig, "cell:0,2").get_text() == "0"
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["가", "나", "다"]
    assert ax.get_title() == "혼동 행렬 (정확도 66.7%)"     # 4 of 6 on the diagonal
    fig10 = plots.plot_confusion_matrix([0, 9], [0, 9])    # Fashion-MNIST names by default
    assert fig10.axes[0].get_yticklabels()[9].get_text() == "앵클 부츠"
    save_strict(fig10)


class ThresholdModel:
    """x₀ > 0 → class 1, as sigmoid probabilities (a stand-in for any model with predict)."""
    def predict(self, x, batch_size=32, verbose="auto"):
        return (1 / (1 + np.exp(-10 * x[:, :1]))).astype(np.float32)


def test_decision_boundary_with_any_model():
    x = np.array([[-1.0, 0.0], [-0.5, 1.0], [0.5, 0.0], [1.0, -1.0]], dtype=np.float32)
    y = np.array([0, 0, 1, 0])
    fig = plots.plot_decision_boundary(ThresholdModel(), x, y, resolution=50)
    np.testing.assert_array_equal(by_gid(fig, "data").get_offsets(), x)
    assert fig.axes[0].get_title() == "결정 경계 (훈련 정확도 75.0%)"   # the last point is misclassified
    save_strict(fig)


def test_decision_boundary_with_a_trained_softmax_model():
    from honggong import layers, models, optimizers
    from honggong.datasets import synthetic
    x, y = synthetic.blobs(n=150, centers=3, std=0.5, seed=0)
    model = models.Sequential([layers.Input(shape=(2,)), layers.Dense(3, activation="softmax")])
    model.compile(optimizer=optimizers.Adam(learning_rate=0.05), loss="sparse_categorical_crossentropy")
    model.fit(x, y, epochs=30, verbose=0)
    fig = plots.plot_decision_boundary(model, x, y, resolution=40)
    predicted = model.predict(x, verbose=0).argmax(axis=1)
    assert fig.axes[0].get_title() == f"결정 경계 (훈련 정확도 {np.mean(predicted == y):.1%})"


def test_ax_argument_and_no_pyplot_leak():
    before = len(plt.get_fignums())
    fig, axes = plots.new_figure(1, 2)
    out = plots.plot_surface("bowl", ax=axes[0, 1])
    assert out is fig and axes[0, 1].get_title() == "f(x, y) = x$^{2}$/20 + y$^{2}$"
    for _ in range(5):
        plots.plot_trajectories(honggong.trajectory("adam", steps=3))
    assert len(plt.get_fignums()) == before


def test_class_name_sets():
    assert plots.class_names("ko")[0] == "티셔츠" and plots.class_names("en")[9] == "Ankle boot"
    assert plots.class_names("both")[1] == "바지 / Trouser"
    with pytest.raises(ValueError, match="received 'kr'"):
        plots.class_names("kr")
