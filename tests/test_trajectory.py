"""Tests for honggong.trajectory: paths produced by the real optimizer classes."""
import numpy as np
import pytest

import honggong
from honggong import surfaces
from honggong.trajectory import Trajectory, describe, trajectory


def optimizers():
    from honggong import optimizers as o   # the module that trains models
    return o


def test_sgd_on_textbook_bowl_matches_hand_derivation():
    # SGD, lr=0.1, f = x²/20 + y²: x ← x − 0.1·x/10 = 0.99x,  y ← y − 0.1·2y = 0.8y
    t = trajectory("sgd", "bowl", start=(-7.0, 2.0), steps=30, learning_rate=0.1)
    k = np.arange(31)
    expected = np.stack([-7.0 * 0.99 ** k, 2.0 * 0.8 ** k], axis=1)
    assert isinstance(t, Trajectory) and t.shape == (31, 2) and t.dtype == np.float32
    np.testing.assert_allclose(t, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(t.losses, expected[:, 0] ** 2 / 20 + expected[:, 1] ** 2, rtol=1e-5)
    assert t.label == "SGD(lr=0.1)"
    assert not t.diverged and t.stopped_at is None and t.reason is None


@pytest.mark.parametrize("name, settings", [
    ("sgd", {"learning_rate": 0.001, "momentum": 0.9}),
    ("rmsprop", {"learning_rate": 0.3}),
    ("adam", {"learning_rate": 0.2}),
    ("adagrad", {"learning_rate": 1.5}),
    ("nadam", {"learning_rate": 0.2}),
    ("adamw", {"learning_rate": 0.2}),
])
def test_trajectory_equals_a_manual_optimizer_loop(name, settings):
    o = optimizers()
    t = trajectory(name, "rosenbrock", start=(-1.5, 2.0), steps=40, **settings)
    opt = type(o.get(name))(**settings)
    s = surfaces.rosenbrock()
    w = np.array([-1.5, 2.0], dtype=np.float32)
    manual = [w.copy()]
    for _ in range(40):
        opt.apply([s.gradient(w).astype(np.float32)], [w])
        manual.append(w.copy())
    np.testing.assert_array_equal(np.asarray(t), np.array(manual, dtype=np.float32))
    assert t.optimizer.iterations == 40


def test_adam_first_step_moves_each_coordinate_by_lr():
    # Adam's first step: m̂ = g, v̂ = g², step = lr·g/(|g| + ε) ≈ lr·sign(g) for every coordinate.
    t = trajectory("adam", "bowl", steps=1, learning_rate=0.5)
    np.testing.assert_allclose(t[1], [-7.0 + 0.5, 2.0 - 0.5], atol=1e-5)
    assert t.label == "Adam(lr=0.5)"


def test_optimizer_object_is_used_as_given():
    o = optimizers()
    opt = o.SGD(learning_rate=0.1, momentum=0.9)
    t = trajectory(opt, "bowl", steps=3)
    assert t.optimizer is opt and opt.iterations == 3
    # momentum: v ← 0.9v − 0.1·g, w ← w + v. y: g=4 at y=2 → v=-0.4, y=1.6; g=3.2 → v=-0.68, y=0.92
    np.testing.assert_allclose(t[:3, 1], [2.0, 1.6, 0.92], rtol=1e-6)
    assert describe(opt) == "SGD(lr=0.1, momentum=0.9)"


def test_divergence_outside_the_view_is_marked_not_raised():
    # SGD lr=1.1 on the bowl: y ← y − 2.2y = −1.2y, so |y| = 2·1.2^k. The view is y ∈ [-5, 5]
    # (width 10), "far outside" is |y| > 50: 2·1.2^17 = 44.4, 2·1.2^18 = 53.2 → stop at step 18.
    t = trajectory("sgd", "bowl", steps=50, learning_rate=1.1)
    assert t.diverged and t.stopped_at == 18 and t.reason == "outside the view"
    assert t.shape == (19, 2)
    assert t[-1, 1] == pytest.approx(2 * 1.2 ** 18, rel=1e-4)


def test_divergence_to_infinity_is_marked_not_raised():
    # Rosenbrock at (-1.5, 2): ∂f/∂x = -2·2.5 - 400·(-1.5)·(2 - 2.25) = -155; lr=1e38 → x overflows float32.
    t = trajectory("sgd", "rosenbrock", start=(-1.5, 2.0), steps=10, learning_rate=1e38)
    assert t.diverged and t.stopped_at == 1 and t.reason == "non-finite"
    assert t.shape == (1, 2) and np.all(np.isfinite(t))


def test_saddle_escape_is_marked():
    t = trajectory("sgd", "saddle", steps=500, learning_rate=0.1)
    # y grows by 1.2 each step from 0.01 → leaves the view; x shrinks by 0.8 toward 0
    assert t.diverged and t.reason == "outside the view"
    assert abs(t[-1, 0]) < 1e-3 and abs(t[-1, 1]) > 10


def test_zero_steps_and_default_start():
    t = trajectory("sgd", "himmelblau", steps=0)
    assert t.shape == (1, 2)
    np.testing.assert_array_equal(t[0], [0.0, 0.0])
    assert t.losses[0] == pytest.approx(11 ** 2 + 7 ** 2)


def test_duck_typed_optimizer_object():
    class HalfStep:
        learning_rate = 0.5
        def apply(self, grads, params):
            for g, p in zip(grads, params):
                p -= 0.5 * g
    t = trajectory(HalfStep(), "bowl", steps=2)
    # y: 2 → 2 - 0.5·4 = 0 → 0
    np.testing.assert_allclose(t[:, 1], [2.0, 0.0, 0.0])


def test_package_level_callable():
    t = honggong.trajectory("sgd", steps=2, learning_rate=0.1)
    np.testing.assert_allclose(t[2], [-7 * 0.99 ** 2, 2 * 0.8 ** 2], rtol=1e-6)
    assert honggong.surfaces.get("bowl").name == "bowl"


def test_clear_errors():
    with pytest.raises(ValueError, match="an integer from 0 to 100,000, received steps=-1"):
        trajectory("sgd", steps=-1)
    with pytest.raises(ValueError, match="finite point"):
        trajectory("sgd", start=(1.0, 2.0, 3.0))
    with pytest.raises(TypeError, match="Expected an optimizer"):
        trajectory(3.0)


def test_import_honggong_and_trajectory_stay_headless():
    import subprocess
    import sys
    code = ("import sys, honggong; honggong.trajectory('adam', steps=2); honggong.surfaces.get('beale'); "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_describe_names_only_settings_that_differ_from_keras_defaults():
    o = optimizers()
    assert describe(o.Adam()) == "Adam(lr=0.001)"
    assert describe(o.Adam(learning_rate=0.01, beta_1=0.8)) == "Adam(lr=0.01, beta_1=0.8)"
    assert describe(o.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)) == "SGD(lr=0.1, momentum=0.9, nesterov=True)"
    assert describe(o.RMSprop(rho=0.5)) == "RMSprop(lr=0.001, rho=0.5)"
