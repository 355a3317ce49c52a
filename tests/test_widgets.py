"""Tests for honggong.widgets: explorers driven programmatically, as a front end would."""
import base64

import matplotlib.pyplot as plt
import numpy as np
import pytest

import honggong
from honggong import widgets


def bowl_sgd_loss(lr, steps, x0=-7.0, y0=2.0):
    # plain SGD on x²/20 + y²: x ← (1 − lr/10)·x, y ← (1 − 2·lr)·y
    x, y = x0 * (1 - lr / 10) ** steps, y0 * (1 - 2 * lr) ** steps
    return x * x / 20 + y * y


@pytest.fixture(scope="module")
def explorer():
    return widgets.OptimizerExplorer(optimizers=("sgd", "adam"), learning_rate=0.1, steps=50)


def test_default_figure_matches_the_trajectories(explorer):
    ex = explorer
    t_sgd, t_adam = ex.state["trajectories"]["sgd"], ex.state["trajectories"]["adam"]
    np.testing.assert_array_equal(t_sgd, honggong.trajectory("sgd", learning_rate=0.1, momentum=0.0, steps=50))
    np.testing.assert_array_equal(t_adam, honggong.trajectory("adam", learning_rate=0.1, steps=50))
    path = [ln for ln in ex.ax.lines if ln.get_gid() == "trajectory:sgd"][0]
    np.testing.assert_array_equal(path.get_xydata(), np.asarray(t_sgd, dtype=np.float64))
    assert ex.png[:8] == b"\x89PNG\r\n\x1a\n" and ex.image.value == ex.png
    expected = f"최종 손실 = {bowl_sgd_loss(0.1, 50):.3e}"        # 8.968e-01
    assert "<b>SGD(lr=0.1)</b>: " + expected in ex.readout.value
    assert [t.get_text() for t in ex.ax.get_legend().get_texts()] == ["최솟값", "SGD", "Adam"]
    assert ex.info_text.get_text() == "learning_rate = 0.1, momentum = 0, beta_1 = 0.9, beta_2 = 0.999, 50 스텝"


def test_moving_the_learning_rate_slider_redraws_in_place(explorer):
    ex = explorer
    before_png, before_text, before_count = ex.png, ex.readout.value, ex.state["redraws"]
    ex.lr_slider.value = 0.5
    assert ex.state["redraws"] == before_count + 1
    assert ex.png != before_png and ex.readout.value != before_text
    assert f"<b>SGD(lr=0.5)</b>: 최종 손실 = {bowl_sgd_loss(0.5, 50):.3e}" in ex.readout.value
    assert ex.state["settings"]["adam"]["learning_rate"] == 0.5
    ex.lr_slider.value = 0.1


def test_learning_rate_slider_is_log_from_1e_4_to_10(explorer):
    s = explorer.lr_slider
    assert type(s).__name__ == "FloatLogSlider"
    assert (s.base, s.min, s.max) == (10, -4, 1)


@pytest.mark.parametrize("chosen, shown", [
    (("sgd",), ["momentum", "nesterov"]),
    (("rmsprop",), ["momentum", "rho"]),
    (("adam",), ["beta_1", "beta_2"]),
    (("adagrad",), []),
    (("nadam", "sgd"), ["momentum", "nesterov", "beta_1", "beta_2"]),
])
def test_setting_sliders_appear_only_for_optimizers_that_use_them(explorer, chosen, shown):
    explorer.optimizer_select.value = chosen
    assert explorer.visible_settings() == shown
    assert explorer.rho_slider.layout.display == (None if "rho" in shown else "none")
    assert sorted(explorer.state["trajectories"]) == sorted(chosen)
    legend = [t.get_text() for t in explorer.ax.get_legend().get_texts()]
    assert legend == ["최솟값"] + [widgets.OPTIMIZER_LABELS[n] for n in widgets.OPTIMIZER_NAMES if n in chosen]


def test_setting_sliders_reach_the_optimizer(explorer):
    ex = explorer
    ex.optimizer_select.value = ("sgd", "rmsprop")
    with ex.hold():
        ex.momentum_slider.value = 0.9
        ex.rho_slider.value = 0.5
        ex.lr_slider.value = 0.01
    assert ex.state["settings"]["rmsprop"] == {"learning_rate": 0.01, "momentum": 0.9, "rho": 0.5}
    expected = honggong.trajectory("sgd", learning_rate=0.01, momentum=0.9, steps=50)
    np.testing.assert_array_equal(ex.state["trajectories"]["sgd"], expected)
    assert ex.state["trajectories"]["sgd"].label == "SGD(lr=0.01, momentum=0.9)"
    with ex.hold():
        ex.momentum_slider.value = 0.0
        ex.rho_slider.value = 0.9
        ex.lr_slider.value = 0.1


def test_hold_gives_one_redraw_for_several_changes(explorer):
    count = explorer.state["redraws"]
    with explorer.hold():
        explorer.steps_slider.value = 10
        explorer.start_y_slider.value = 1.0
    assert explorer.state["redraws"] == count + 1
    assert len(explorer.state["trajectories"]["sgd"]) == 11
    np.testing.assert_array_equal(explorer.state["trajectories"]["sgd"][0], [-7.0, 1.0])
    with explorer.hold():
        explorer.steps_slider.value = 50
        explorer.start_y_slider.value = 2.0


def test_changing_the_surface_resets_start_and_view():
    ex = widgets.OptimizerExplorer(optimizers=("adam",))
    ex.surface_dropdown.value = "rosenbrock"
    assert (ex.start_x_slider.min, ex.start_x_slider.max) == (-2.0, 2.0)
    assert (ex.start_x_slider.value, ex.start_y_slider.value) == (-1.5, 2.0)
    assert ex.state["surface"] == "rosenbrock" and ex.state["start"] == (-1.5, 2.0)
    assert ex.ax.get_title().startswith("f(x, y) = (1 − x)$^{2}$")
    np.testing.assert_array_equal([ln for ln in ex.ax.lines if ln.get_gid() == "minimum"][0].get_xydata(), [[1, 1]])
    assert len(ex.ax.collections) == 1           # one contour set, the old one was removed


def test_divergence_is_reported_in_the_readout():
    ex = widgets.OptimizerExplorer(optimizers=("sgd",), learning_rate=1.1)   # leaves the view at step 18
    assert "<b>SGD(lr=1.1)</b>: 발산 (스텝 18, 화면 밖)" in ex.readout.value
    assert ex.info_text.get_text().splitlines()[1] == "SGD 발산 (스텝 18)"
    assert ex.state["trajectories"]["sgd"].diverged


def test_no_figure_stacking_after_many_slider_changes(explorer):
    figs_before, lines_before = plt.get_fignums(), len(explorer.ax.lines)
    for lr in np.geomspace(0.001, 1.0, 25):
        explorer.lr_slider.value = float(lr)
    assert plt.get_fignums() == figs_before
    assert len(explorer.ax.lines) == lines_before and len(explorer.ax.collections) == 1
    explorer.lr_slider.value = 0.1


def test_static_fallback_in_the_display_bundle(explorer):
    bundle = explorer._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == explorer.png
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "최종 손실" in bundle["text/plain"]
    def descendants(w):
        for c in getattr(w, "children", ()):
            yield c
            yield from descendants(c)
    parts = list(descendants(explorer.widget))
    assert explorer.image in parts and explorer.readout in parts and explorer.lr_slider in parts
    assert explorer.widget.children[-1] is explorer.readout


def test_factory_function_without_a_front_end_returns_the_explorer():
    ex = widgets.optimizer_explorer(optimizers="rmsprop", steps=5)     # plain Python: nothing to display
    assert isinstance(ex, widgets.OptimizerExplorer) and len(ex.state["trajectories"]["rmsprop"]) == 6
    with pytest.raises(ValueError, match=r"Unknown optimizer for optimizer_explorer 'adamm'. Did you mean 'adam'"):
        widgets.OptimizerExplorer(optimizers=("adamm",))


def test_activation_explorer_values_and_tangent():
    ex = widgets.ActivationExplorer("sigmoid", x=1.0)
    s = 1 / (1 + np.exp(-1.0))                       # σ(1) = 0.7311, σ'(1) = σ(1 − σ) = 0.1966
    assert ex.state["f"] == pytest.approx(s, rel=1e-6)
    assert ex.state["derivative"] == pytest.approx(s * (1 - s), rel=1e-6)
    assert ex.readout.value == "<b>sigmoid</b>: f(1.00) = 0.7311, 기울기 f′(1.00) = 0.1966"
    png = ex.png
    ex.activation_dropdown.value = "relu"
    ex.x_slider.value = -1.0
    assert (ex.state["f"], ex.state["derivative"]) == (0.0, 0.0)
    np.testing.assert_allclose(ex.tangent_line.get_ydata(), [0.0, 0.0])
    ex.x_slider.value = 2.0
    np.testing.assert_allclose(ex.tangent_line.get_xydata(), [[0.5, 0.5], [3.5, 3.5]])   # y = x
    assert ex.png != png and len(ex.ax.lines) == 7


def test_loss_explorer_mse_and_binary_crossentropy():
    ex = widgets.LossExplorer("mean_squared_error", y_true=0.0, y_pred=1.5)
    # L = (ŷ − y)² = 2.25, dL/dŷ = 2(ŷ − y) = 3
    assert ex.state["loss"] == pytest.approx(2.25) and ex.state["gradient"] == pytest.approx(3.0)
    assert ex.readout.value == "<b>mean_squared_error</b>: 손실 L(0, 1.500) = 2.2500, 기울기 dL/dŷ = 3.0000"
    assert ex.label_toggle.layout.display == "none" and ex.y_true_slider.layout.display is None
    ex.loss_dropdown.value = "binary_crossentropy"
    assert (ex.y_pred_slider.min, ex.y_pred_slider.max) == (0.001, 0.999)
    assert ex.label_toggle.layout.display is None and ex.y_true_slider.layout.display == "none"
    ex.y_pred_slider.value = 0.8
    # y = 1: L = −log p = 0.22314, dL/dp = −1/p = −1.25
    assert ex.state["loss"] == pytest.approx(-np.log(0.8), rel=1e-5)
    assert ex.state["gradient"] == pytest.approx(-1.25, rel=1e-5)
    ex.label_toggle.value = 0
    # y = 0: L = −log(1 − p) = 1.6094, dL/dp = 1/(1 − p) = 5
    assert ex.state["loss"] == pytest.approx(-np.log(0.2), rel=1e-5)
    assert ex.state["gradient"] == pytest.approx(5.0, rel=1e-4)


def test_learning_rate_explorer_live_curves_and_kept_runs():
    ex = widgets.LearningRateExplorer("sgd", learning_rate=0.1, epochs=4, train=False)
    assert ex.state["runs"] == [] and ex.readout.value == "'훈련 시작'을 누르세요."
    count = ex.state["redraws"]
    history = ex.train()
    assert ex.state["redraws"] == count + 4                   # one redraw per epoch (live)
    run = ex.state["runs"][0]
    assert run["label"] == "SGD(lr=0.1)"
    np.testing.assert_allclose(run["loss"], history.history["loss"])
    np.testing.assert_allclose(run["val_accuracy"], history.history["val_accuracy"])
    ex.lr_slider.value = 1.0
    ex.optimizer_dropdown.value = "adam"
    ex.train_button.click()                                   # the button trains too
    assert [r["label"] for r in ex.state["runs"]] == ["SGD(lr=0.1)", "Adam(lr=1)"]
    train_lines = [ln for ln in ex.ax.lines if ln.get_gid().startswith("train:")]
    assert len(train_lines) == 2
    np.testing.assert_allclose(train_lines[1].get_ydata(), ex.state["runs"][1]["loss"])
    assert "Adam(lr=1)</b>: 에포크 4, 훈련 손실 = " in ex.readout.value
    ex.clear_button.click()
    assert ex.state["runs"] == [] and len(ex.ax.lines) == 0


def test_learning_rate_explorer_same_seed_same_run():
    a = widgets.LearningRateExplorer("adam", learning_rate=0.01, epochs=2)
    a.train()
    r0, r1 = a.state["runs"]
    assert r0["loss"] == r1["loss"]           # same seed and data: runs differ only by the settings


def test_in_place_redraw_leaves_no_trace_of_old_paths():
    # Blitting restores the cached contour background before drawing the new paths: after a detour
    # through other settings the picture is pixel-identical to a fresh explorer's.
    a = widgets.OptimizerExplorer(optimizers=("sgd", "adam"), learning_rate=0.1)
    fresh = a.png
    a.lr_slider.value = 1.1                 # SGD diverges, paths everywhere
    a.optimizer_select.value = ("rmsprop",)
    a.optimizer_select.value = ("sgd", "adam")
    a.lr_slider.value = 0.1
    assert a.png == fresh
    b = widgets.OptimizerExplorer(optimizers=("sgd", "adam"), learning_rate=0.1)
    assert b.png == fresh


def test_close_closes_only_this_explorer():
    a = widgets.ActivationExplorer()
    b = widgets.ActivationExplorer()
    a.close()
    assert a.x_slider.comm is None and a.widget.comm is None
    assert b.x_slider.comm is not None
    b.x_slider.value = 0.0            # the other explorer still works
    assert b.state["f"] == pytest.approx(0.5)


def test_in_a_real_kernel_the_display_has_widget_view_and_png_fallback():
    # What nbval / a static render sees: one display_data with the widget view and a PNG of the
    # default settings (nbclient plays the widget front end; no browser).
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from honggong import widgets\nex = widgets.optimizer_explorer(['sgd'])"),
        nbformat.v4.new_code_cell("ex.lr_slider.value = 0.5\nprint(ex.state['redraws'], ex.readout.value)"),
    ]
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    shown = nb.cells[0].outputs
    assert [o["output_type"] for o in shown] == ["display_data"]
    assert {"application/vnd.jupyter.widget-view+json", "image/png", "text/plain"} <= set(shown[0]["data"])
    assert base64.b64decode(shown[0]["data"]["image/png"])[:4] == b"\x89PNG"
    expected = f"2 <span style=\"color:tab:red\">■</span> <b>SGD(lr=0.5)</b>: 최종 손실 = {bowl_sgd_loss(0.5, 50):.3e}"
    assert nb.cells[1].outputs[0]["text"].strip() == expected


def test_changing_the_dataset_clears_the_runs():
    ex = widgets.LearningRateExplorer("adam", learning_rate=0.01, epochs=2)
    assert len(ex.state["runs"]) == 1
    ex.dataset_dropdown.value = "blobs"
    assert ex.state["runs"] == [] and ex.readout.value == "'훈련 시작'을 누르세요."
    ex.train()
    assert ex.state["runs"][0]["dataset"] == "blobs" and len(ex.state["runs"][0]["loss"]) == 2


def test_saddle_surface_and_no_optimizer_chosen():
    ex = widgets.OptimizerExplorer(optimizers=("sgd",))
    ex.surface_dropdown.value = "saddle"            # no minimum: the legend names the saddle point
    assert [t.get_text() for t in ex.ax.get_legend().get_texts()] == ["안장점", "SGD"]
    assert ex.state["trajectories"]["sgd"].diverged    # slides off the saddle, out of the view
    ex.optimizer_select.value = ()
    assert ex.readout.value == "옵티마이저를 하나 이상 고르세요." and ex.state["trajectories"] == {}
