"""Tests for honggong.optimizers.

Reference numbers are worked by hand (comments) or computed by small float64 numpy references
written here in the textbook form (bias-corrected m̂, v̂ etc.), independent of the package code.
"""
import math
import warnings

import numpy as np
import pytest

from honggong import optimizers
from honggong.backend import HonggongError
from honggong.optimizers import SGD, Adagrad, Adam, AdamW, Nadam, RMSprop


def f32(*values):
    return np.array(values, dtype=np.float32)


# --------------------------------------------------------------------------------------------
# independent float64 references (one step each; state kept in a dict)
# --------------------------------------------------------------------------------------------
def ref_sgd(w, g, s, t, lr, momentum=0.0, nesterov=False, wd=None):
    if wd is not None:
        w = w * (1 - wd * lr)
    if momentum == 0:
        return w - lr * g
    v = s.get("v", 0.0)
    v = momentum * v - lr * g
    s["v"] = v
    return w + (momentum * v - lr * g if nesterov else v)


def ref_rmsprop(w, g, s, t, lr, rho=0.9, momentum=0.0, eps=1e-7, centered=False):
    ms = rho * s.get("ms", 0.0) + (1 - rho) * g * g
    s["ms"] = ms
    if centered:
        mg = rho * s.get("mg", 0.0) + (1 - rho) * g
        s["mg"] = mg
        ms = ms - mg * mg
    step = lr * g / np.sqrt(ms + eps)
    if momentum > 0:
        s["mom"] = momentum * s.get("mom", 0.0) + step
        step = s["mom"]
    return w - step


def ref_adagrad(w, g, s, t, lr, init=0.1, eps=1e-7):
    s["acc"] = s.get("acc", init) + g * g
    return w - lr * g / np.sqrt(s["acc"] + eps)


def ref_adam(w, g, s, t, lr, b1=0.9, b2=0.999, eps=1e-7, amsgrad=False, wd=None):
    # Textbook form with bias-corrected moments. Keras' "epsilon hat" form
    #   w -= lr·√(1-b2ᵗ)/(1-b1ᵗ) · m/(√v + ε)
    # equals w -= lr·m̂/(√v̂ + ε/√(1-b2ᵗ)), which is what we write here.
    if wd is not None:
        w = w * (1 - wd * lr)
    m = b1 * s.get("m", 0.0) + (1 - b1) * g
    v = b2 * s.get("v", 0.0) + (1 - b2) * g * g
    s["m"], s["v"] = m, v
    if amsgrad:
        s["vmax"] = np.maximum(s.get("vmax", 0.0), v)
        v = s["vmax"]
    m_hat = m / (1 - b1 ** t)
    v_hat = v / (1 - b2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps / np.sqrt(1 - b2 ** t))


def ref_nadam(w, g, s, t, lr, b1=0.9, b2=0.999, eps=1e-7):
    # Dozat's Nadam with the momentum schedule mu_t = b1 (1 - 0.5 * 0.96^t).
    mu = lambda k: b1 * (1 - 0.5 * 0.96 ** k)
    prod = s.get("prod", 1.0) * mu(t)            # mu_1 ... mu_t
    s["prod"] = prod
    m = b1 * s.get("m", 0.0) + (1 - b1) * g
    v = b2 * s.get("v", 0.0) + (1 - b2) * g * g
    s["m"], s["v"] = m, v
    m_bar = mu(t + 1) * m / (1 - prod * mu(t + 1)) + (1 - mu(t)) * g / (1 - prod)
    return w - lr * m_bar / (np.sqrt(v / (1 - b2 ** t)) + eps)


def run_reference(ref, w0, grads, **kw):
    w, s = np.asarray(w0, dtype=np.float64), {}
    for t, g in enumerate(grads, start=1):
        w = ref(w, np.asarray(g, dtype=np.float64), s, t, **kw)
    return w


def run_honggong(opt, w0, grads):
    w = np.array(w0, dtype=np.float32)
    for g in grads:
        opt.apply([np.asarray(g, dtype=np.float32)], [w])
    return w


GRADS5 = np.random.default_rng(7).normal(size=(5, 2, 3)).astype(np.float32)
W0 = np.random.default_rng(8).normal(size=(2, 3)).astype(np.float32)

GOLDEN_CASES = [
    (SGD, dict(learning_rate=0.1), ref_sgd, dict(lr=0.1)),
    (SGD, dict(learning_rate=0.1, momentum=0.9), ref_sgd, dict(lr=0.1, momentum=0.9)),
    (SGD, dict(learning_rate=0.1, momentum=0.9, nesterov=True), ref_sgd,
     dict(lr=0.1, momentum=0.9, nesterov=True)),
    (RMSprop, dict(learning_rate=0.01), ref_rmsprop, dict(lr=0.01)),
    (RMSprop, dict(learning_rate=0.01, momentum=0.5, centered=True), ref_rmsprop,
     dict(lr=0.01, momentum=0.5, centered=True)),
    (Adagrad, dict(learning_rate=0.1), ref_adagrad, dict(lr=0.1)),
    (Adam, dict(learning_rate=0.01), ref_adam, dict(lr=0.01)),
    (Adam, dict(learning_rate=0.01, amsgrad=True), ref_adam, dict(lr=0.01, amsgrad=True)),
    (AdamW, dict(learning_rate=0.01), ref_adam, dict(lr=0.01, wd=0.004)),
    (Nadam, dict(learning_rate=0.01), ref_nadam, dict(lr=0.01)),
]


@pytest.mark.parametrize("cls,kwargs,ref,refkw", GOLDEN_CASES,
                         ids=[f"{c.__name__}-{sorted(k.items())}" for c, k, _, _ in GOLDEN_CASES])
def test_five_step_golden_array_matches_float64_reference(cls, kwargs, ref, refkw):
    got = run_honggong(cls(**kwargs), W0, GRADS5)
    want = run_reference(ref, W0, GRADS5, **refkw)
    np.testing.assert_allclose(got, want, rtol=2e-6, atol=2e-7)
    assert not np.allclose(got, W0)             # it really moved


# --------------------------------------------------------------------------------------------
# single steps worked by hand
# --------------------------------------------------------------------------------------------
def test_sgd_single_step_by_hand():
    w = f32(1.0, 2.0)
    SGD(learning_rate=0.1).apply([f32(0.5, -1.0)], [w])
    np.testing.assert_allclose(w, [0.95, 2.1], rtol=1e-6)      # w - 0.1 g


def test_sgd_momentum_two_steps_by_hand():
    w, g = f32(1.0, 2.0), f32(0.5, -1.0)
    opt = SGD(learning_rate=0.1, momentum=0.9)
    opt.apply([g], [w])      # m = -0.1 g = [-0.05, 0.1];  w = [0.95, 2.1]
    np.testing.assert_allclose(opt.slots(0)["momentum"], [-0.05, 0.1], rtol=1e-6)
    opt.apply([g], [w])      # m = 0.9 m - 0.1 g = [-0.095, 0.19];  w = [0.855, 2.29]
    np.testing.assert_allclose(w, [0.855, 2.29], rtol=1e-6)


def test_sgd_nesterov_single_step_by_hand():
    w = f32(1.0, 2.0)
    # m = [-0.05, 0.1];  w += 0.9 m - 0.1 g = [-0.095, 0.19]  ->  [0.905, 2.19]
    SGD(learning_rate=0.1, momentum=0.9, nesterov=True).apply([f32(0.5, -1.0)], [w])
    np.testing.assert_allclose(w, [0.905, 2.19], rtol=1e-6)


def test_rmsprop_single_step_by_hand():
    # loss w²/2 at w = 10 -> g = 10;  v = 0.1 · 100 = 10;  w -= 0.1 · 10 / √(10 + 1e-7) = 1/√10
    w = f32(10.0)
    RMSprop(learning_rate=0.1).apply([f32(10.0)], [w])
    np.testing.assert_allclose(w, [10 - 1 / math.sqrt(10)], rtol=1e-6)   # 9.683772


def test_adagrad_single_step_by_hand_starts_accumulator_at_0_1():
    # acc = 0.1 + 0.3² = 0.19;  w -= 0.1 · 0.3 / √0.19 = 0.0688247
    w = f32(1.0)
    opt = Adagrad(learning_rate=0.1)
    opt.apply([f32(0.3)], [w])
    np.testing.assert_allclose(opt.slots(0)["accumulator"], [0.19], rtol=1e-6)
    np.testing.assert_allclose(w, [1 - 0.03 / math.sqrt(0.19)], rtol=1e-6)


def test_adam_first_step_is_lr_times_sign_of_gradient():
    # t = 1: m = 0.1 g, v = 0.001 g², α = lr·√0.001/0.1
    # step = α·m/(√v + ε) = lr·√0.001|g| / (√0.001|g| + 1e-7) · sign(g)
    # |g| = 0.5: 0.1 · 0.0158114 / 0.0158115 = 0.09999937
    w = f32(1.0, 2.0)
    opt = Adam(learning_rate=0.1)
    opt.apply([f32(0.5, -1.0)], [w])
    np.testing.assert_allclose(w, [1 - 0.09999937, 2 + 0.09999968], rtol=1e-6)
    np.testing.assert_allclose(opt.slots(0)["momentum"], [0.05, -0.1], rtol=1e-6)
    np.testing.assert_allclose(opt.slots(0)["velocity"], [0.00025, 0.001], rtol=1e-6)


def test_adamw_decays_weight_before_the_adam_step():
    # w = 2 - 2 · 0.004 · 0.1 = 1.9992, then the Adam step of ≈ -0.1 · sign(g)
    w = f32(2.0)
    AdamW(learning_rate=0.1).apply([f32(1.0)], [w])
    np.testing.assert_allclose(w, [1.9992 - 0.1 * math.sqrt(0.001) / (math.sqrt(0.001) + 1e-7)],
                               rtol=1e-6)


def test_nadam_first_step_by_hand():
    # μ₁ = 0.9·(1-0.5·0.96) = 0.468, μ₂ = 0.9·(1-0.5·0.9216) = 0.48528, Π₁ = 0.468
    # m = 0.1 g;  m̂ = 0.48528·0.1g/(1-0.468·0.48528) + (1-0.468)g/(1-0.468)
    #              = g·(0.048528/0.77288896 + 1) = 1.0627878·g
    # v̂ = 0.001g²/0.001 = g²  ->  step = 0.1 · 1.0627878 / (1 + 1e-7) = 0.10627877  at g = 1
    w = f32(0.0)
    opt = Nadam(learning_rate=0.1)
    opt.apply([f32(1.0)], [w])
    np.testing.assert_allclose(w, [-0.10627877], rtol=1e-6)
    assert opt.u_product == pytest.approx(0.468)


def test_epsilon_placement_shows_with_tiny_gradients():
    g = f32(1e-6)
    # Adam: ε outside √v.  t = 1: √v = √0.001·1e-6 = 3.1623e-8;  step = lr·3.1623e-8/(3.1623e-8 + 1e-7)
    w = f32(0.0)
    Adam(learning_rate=1.0).apply([g], [w])
    np.testing.assert_allclose(w, [-3.1622777e-8 / (3.1622777e-8 + 1e-7)], rtol=1e-5)  # -0.240253
    # RMSprop: ε inside the root.  v = 0.1·1e-12;  step = 1e-6/√(1e-13 + 1e-7) = 3.16226e-3
    w = f32(0.0)
    RMSprop(learning_rate=1.0).apply([g], [w])
    np.testing.assert_allclose(w, [-1e-6 / math.sqrt(1e-13 + 1e-7)], rtol=1e-5)
    # Adagrad: ε inside the root, accumulator starts at 0.1:  step = 1e-6/√(0.1 + 1e-12 + 1e-7)
    w = f32(0.0)
    Adagrad(learning_rate=1.0).apply([g], [w])
    np.testing.assert_allclose(w, [-1e-6 / math.sqrt(0.1000001)], rtol=1e-5)


# --------------------------------------------------------------------------------------------
# defaults (Keras 3)
# --------------------------------------------------------------------------------------------
def test_defaults_match_keras_3():
    sgd, rms, ada, adam, adamw, nadam = SGD(), RMSprop(), Adagrad(), Adam(), AdamW(), Nadam()
    assert (sgd.learning_rate, sgd.momentum, sgd.nesterov, sgd.name) == (0.01, 0.0, False, "sgd")
    assert (rms.learning_rate, rms.rho, rms.momentum, rms.epsilon, rms.centered) == (
        0.001, 0.9, 0.0, 1e-7, False)
    assert (ada.learning_rate, ada.initial_accumulator_value, ada.epsilon) == (0.001, 0.1, 1e-7)
    assert (adam.learning_rate, adam.beta_1, adam.beta_2, adam.epsilon, adam.amsgrad) == (
        0.001, 0.9, 0.999, 1e-7, False)
    assert (adamw.learning_rate, adamw.weight_decay, adamw.beta_1, adamw.beta_2) == (
        0.001, 0.004, 0.9, 0.999)
    assert (nadam.learning_rate, nadam.beta_1, nadam.beta_2, nadam.epsilon) == (
        0.001, 0.9, 0.999, 1e-7)
    for opt in (sgd, rms, ada, adam, nadam):
        assert opt.weight_decay is None and opt.clipnorm is None and opt.iterations == 0
    assert [o.name for o in (rms, ada, adam, adamw, nadam)] == [
        "rmsprop", "adagrad", "adam", "adamw", "nadam"]


def test_iterations_count_apply_calls_from_zero():
    opt, w = Adam(), f32(1.0)
    assert opt.iterations == 0
    for _ in range(3):
        opt.apply([f32(1.0)], [w])
    assert opt.iterations == 3


def test_slot_names_per_optimizer():
    w = f32(1.0)
    expected = {SGD(): [], SGD(momentum=0.5): ["momentum"], RMSprop(): ["velocity"],
                RMSprop(momentum=0.9, centered=True): ["velocity", "momentum", "average_gradient"],
                Adagrad(): ["accumulator"], Adam(): ["momentum", "velocity"],
                Adam(amsgrad=True): ["momentum", "velocity", "velocity_hat"],
                Nadam(): ["momentum", "velocity"]}
    for opt, names in expected.items():
        opt.apply([f32(0.5)], [w])
        assert list(opt.slots(0)) == names


# --------------------------------------------------------------------------------------------
# clipping and weight decay
# --------------------------------------------------------------------------------------------
def test_clipnorm_clips_each_gradient_separately():
    w1, w2 = f32(0.0, 0.0), f32(0.0)
    SGD(learning_rate=1.0, clipnorm=1.0).apply([f32(3.0, 4.0), f32(0.1)], [w1, w2])
    np.testing.assert_allclose(w1, [-0.6, -0.8], rtol=1e-6)     # [3,4]·1/5
    np.testing.assert_allclose(w2, [-0.1], rtol=1e-6)           # norm 0.1 < 1: unchanged


def test_global_clipnorm_scales_all_gradients_together():
    w1, w2 = f32(0.0, 0.0), f32(0.0)
    # global norm √(9 + 16 + 144) = 13  ->  every gradient times 1/13
    SGD(learning_rate=1.0, global_clipnorm=1.0).apply([f32(3.0, 4.0), f32(12.0)], [w1, w2])
    np.testing.assert_allclose(w1, [-3 / 13, -4 / 13], rtol=1e-6)
    np.testing.assert_allclose(w2, [-12 / 13], rtol=1e-6)


def test_clipvalue_clips_elementwise():
    w = f32(0.0, 0.0, 0.0)
    SGD(learning_rate=1.0, clipvalue=0.5).apply([f32(3.0, -4.0, 0.2)], [w])
    np.testing.assert_allclose(w, [-0.5, 0.5, -0.2], rtol=1e-6)


def test_clipping_does_not_modify_the_callers_gradient():
    g = f32(3.0, 4.0)
    SGD(clipnorm=1.0).apply([g], [f32(0.0, 0.0)])
    np.testing.assert_array_equal(g, [3.0, 4.0])


def test_only_one_clipping_option_allowed():
    with pytest.raises(HonggongError, match="Only one of `clipnorm`"):
        Adam(clipnorm=1.0, clipvalue=0.5)


def test_weight_decay_for_any_optimizer():
    # w = 2 - 2·0.5·0.1 = 1.9 (decay), then - 0.1·1 = 1.8 (SGD step)
    w = f32(2.0)
    SGD(learning_rate=0.1, weight_decay=0.5).apply([f32(1.0)], [w])
    np.testing.assert_allclose(w, [1.8], rtol=1e-6)


def test_adamw_requires_weight_decay():
    with pytest.raises(HonggongError, match="weight_decay"):
        AdamW(weight_decay=None)


def test_loss_scale_factor_unscales_gradients():
    w = f32(0.0)
    SGD(learning_rate=1.0, loss_scale_factor=4.0).apply([f32(2.0)], [w])
    np.testing.assert_allclose(w, [-0.5])


# --------------------------------------------------------------------------------------------
# learning rate: settable, schedules, callables
# --------------------------------------------------------------------------------------------
def test_learning_rate_is_settable():
    opt, w = SGD(learning_rate=0.1), f32(0.0)
    opt.learning_rate = 0.5
    opt.apply([f32(1.0)], [w])
    assert opt.learning_rate == 0.5
    np.testing.assert_allclose(w, [-0.5])


def test_exponential_decay_schedule_uses_iterations_before_the_step():
    # lr(step) = 0.1 · 0.5^step for step = 0, 1, 2  ->  w = -(0.1 + 0.05 + 0.025) = -0.175
    sched = optimizers.ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5)
    opt, w = SGD(learning_rate=sched), f32(0.0)
    for _ in range(3):
        opt.apply([f32(1.0)], [w])
    np.testing.assert_allclose(w, [-0.175], rtol=1e-6)
    assert opt.learning_rate == pytest.approx(0.0125)       # lr for the next step (step 3)


def test_staircase_and_piecewise_schedules():
    stair = optimizers.schedules.ExponentialDecay(1.0, decay_steps=10, decay_rate=0.5,
                                                  staircase=True)
    assert [stair(s) for s in (0, 9, 10, 25)] == [1.0, 1.0, 0.5, 0.25]
    piece = optimizers.schedules.PiecewiseConstantDecay([2, 5], [1.0, 0.5, 0.1])
    assert [piece(s) for s in (0, 2, 3, 5, 6)] == [1.0, 1.0, 0.5, 0.5, 0.1]


def test_callable_learning_rates_with_and_without_step():
    w = f32(0.0)
    opt = SGD(learning_rate=lambda step: 0.1 * (step + 1))     # 0.1, 0.2
    opt.apply([f32(1.0)], [w])
    opt.apply([f32(1.0)], [w])
    np.testing.assert_allclose(w, [-0.3], rtol=1e-6)
    w2 = f32(0.0)
    SGD(learning_rate=lambda: 0.25).apply([f32(1.0)], [w2])   # Keras: no-argument callable
    np.testing.assert_allclose(w2, [-0.25])


def test_bad_learning_rate_is_a_type_error():
    with pytest.raises(TypeError, match="received learning_rate='fast'"):
        Adam(learning_rate="fast")
    opt = SGD(learning_rate=optimizers.ExponentialDecay(0.1, 10, 0.9))
    with pytest.raises(TypeError, match="not settable"):
        opt.learning_rate = 0.5


# --------------------------------------------------------------------------------------------
# state and input errors
# --------------------------------------------------------------------------------------------
def test_different_number_of_params_later_is_an_error():
    opt, w1, w2 = Adam(), f32(1.0), f32(1.0, 2.0)
    opt.apply([f32(1.0), f32(1.0, 1.0)], [w1, w2])
    with pytest.raises(HonggongError, match="use a new optimizer") as info:
        opt.apply([f32(1.0)], [w1])
    assert "built for 2 parameters" in str(info.value) and "해결:" in str(info.value)


def test_different_shape_of_params_later_is_an_error():
    opt = RMSprop()
    opt.apply([f32(1.0, 2.0)], [f32(1.0, 2.0)])
    with pytest.raises(HonggongError, match=r"shapes \[\(2,\)\], received 1 with shapes \[\(3,\)\]"):
        opt.apply([f32(1.0, 2.0, 3.0)], [f32(1.0, 2.0, 3.0)])


def test_gradient_shape_and_count_mismatch_errors():
    with pytest.raises(HonggongError, match=r"Gradient 0 has shape \(3,\) but its parameter has shape \(2,\)"):
        SGD().apply([f32(1.0, 2.0, 3.0)], [f32(1.0, 2.0)])
    with pytest.raises(HonggongError, match="expected one gradient per parameter"):
        SGD().apply([f32(1.0)], [f32(1.0), f32(2.0)])


def test_params_must_be_float_numpy_arrays():
    with pytest.raises(TypeError, match="expected a numpy float array"):
        SGD().apply([1.0], [[1.0]])
    with pytest.raises(TypeError, match="dtype int64"):
        SGD().apply([np.array([1])], [np.array([1], dtype=np.int64)])


def test_single_arrays_are_accepted():
    w = f32(1.0, 2.0)
    SGD(learning_rate=0.5).apply(f32(1.0, 1.0), w)
    np.testing.assert_allclose(w, [0.5, 1.5])


def test_none_gradient_skips_that_parameter_with_a_warning():
    w1, w2 = f32(1.0), f32(1.0)
    with pytest.warns(UserWarning, match=r"parameters \[1\]"):
        SGD(learning_rate=0.5).apply([f32(1.0), None], [w1, w2])
    assert (w1[0], w2[0]) == (0.5, 1.0)
    with pytest.raises(HonggongError, match="No gradients provided"):
        SGD().apply([None], [w1])


def test_slots_before_apply_is_an_error():
    with pytest.raises(HonggongError, match="apply"):
        Adam().slots(0)


def test_unknown_argument_is_an_error():
    with pytest.raises(HonggongError, match="not recognized"):
        Adam(lr=0.1)


def test_sgd_momentum_out_of_range():
    with pytest.raises(HonggongError, match=r"`momentum` expected a number in \[0.0, 1.0\], received 1.5"):
        SGD(momentum=1.5)


# --------------------------------------------------------------------------------------------
# get / config
# --------------------------------------------------------------------------------------------
def test_get_by_name_is_case_insensitive_with_keras_defaults():
    assert type(optimizers.get("adam")) is Adam
    assert type(optimizers.get("RMSprop")) is RMSprop
    assert [type(optimizers.get(n)).__name__ for n in ("sgd", "adamw", "adagrad", "nadam")] == [
        "SGD", "AdamW", "Adagrad", "Nadam"]
    opt = Adam()
    assert optimizers.get(opt) is opt and optimizers.get(None) is None


def test_get_unknown_name_lists_valid_names():
    with pytest.raises(HonggongError) as info:
        optimizers.get("adamax")
    assert "'adamax'" in str(info.value)
    assert "['adagrad', 'adam', 'adamw', 'nadam', 'rmsprop', 'sgd']" in str(info.value)
    with pytest.raises(TypeError, match="Could not interpret optimizer identifier"):
        optimizers.get(3)


def test_config_round_trip_and_get_from_dict():
    opt = Adam(learning_rate=0.01, beta_1=0.8, amsgrad=True, clipnorm=2.0)
    config = opt.get_config()
    assert config["learning_rate"] == 0.01 and config["beta_1"] == 0.8 and config["clipnorm"] == 2.0
    again = Adam.from_config(config)
    assert again.get_config() == config
    via_get = optimizers.get({"class_name": "Adam", "config": config})
    assert type(via_get) is Adam and via_get.amsgrad is True


def test_config_with_schedule_round_trips():
    opt = SGD(learning_rate=optimizers.ExponentialDecay(0.1, 100, 0.9), momentum=0.5)
    config = opt.get_config()
    assert config["learning_rate"] == {"class_name": "ExponentialDecay", "config": {
        "initial_learning_rate": 0.1, "decay_steps": 100, "decay_rate": 0.9,
        "staircase": False, "name": "ExponentialDecay"}}
    again = SGD.from_config(config)
    assert isinstance(again._learning_rate, optimizers.ExponentialDecay)
    assert again.learning_rate == pytest.approx(0.1)


def test_variables_layout_iterations_lr_then_live_slots():
    opt = Adam()
    opt.apply([f32(1.0), f32(2.0, 3.0)], [f32(0.0), f32(0.0, 0.0)])
    shapes = [v.shape for v in opt.variables]
    assert shapes == [(), (), (1,), (2,), (1,), (2,)]   # iterations, lr, m0, m1, v0, v1
    assert int(opt.variables[0]) == 1
    np.testing.assert_allclose(opt.variables[3], [0.2, 0.3], rtol=1e-6)   # m1 = 0.1·g
    opt.variables[2][...] = 7.0                         # variables[2:] are the live slots
    assert opt.slots(0)["momentum"][0] == 7.0
    sched = SGD(learning_rate=optimizers.ExponentialDecay(0.1, 1, 0.5), momentum=0.5)
    sched.apply([f32(1.0)], [f32(0.0)])
    values = [float(v.ravel()[0]) for v in sched.variables]
    assert values == pytest.approx([1.0, 0.05, -0.1], rel=1e-6)   # lr is the one for the next step


def test_nadam_product_is_recomputed_when_iterations_is_restored():
    # e.g. load_model sets iterations and the slots; Πₜ must continue as if never interrupted
    grads = [f32(0.3), f32(-0.2), f32(0.5), f32(0.1)]
    straight, w1 = Nadam(learning_rate=0.1), f32(1.0)
    for g in grads:
        straight.apply([g], [w1])
    first, w2 = Nadam(learning_rate=0.1), f32(1.0)
    for g in grads[:2]:
        first.apply([g], [w2])
    resumed = Nadam(learning_rate=0.1)
    resumed.build([w2])
    resumed.iterations = 2
    for k, value in enumerate(first.variables[2:]):
        resumed.variables[2 + k][...] = value
    for g in grads[2:]:
        resumed.apply([g], [w2])
    np.testing.assert_array_equal(w2, w1)
    assert resumed.u_product == straight.u_product


# --------------------------------------------------------------------------------------------
# update_step: in place, no new arrays; the Keras order of operations bit for bit; denormal flush
# --------------------------------------------------------------------------------------------
ALL_CASES = [(SGD, dict()), (SGD, dict(momentum=0.9, nesterov=True)), (Adagrad, dict()),
             (Adam, dict()), (Adam, dict(amsgrad=True)), (Adam, dict(weight_decay=0.01)),
             (AdamW, dict()), (RMSprop, dict()), (RMSprop, dict(centered=True, momentum=0.5)),
             (Nadam, dict())]


@pytest.mark.parametrize("cls,kwargs", ALL_CASES,
                         ids=[f"{c.__name__}-{sorted(k.items())}" for c, k in ALL_CASES])
def test_update_step_allocates_no_arrays_after_the_first_step(cls, kwargs):
    import tracemalloc
    w = np.ones(100_000, np.float32)            # 400 KB: any temporary array would show
    g = np.full_like(w, 0.5)
    opt = cls(**kwargs)
    opt.apply(g, w)                               # builds the slots and the two work arrays
    tracemalloc.start()
    try:
        for _ in range(3):
            opt.apply(g, w)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000                          # bytes: bookkeeping only, no 400 KB array


def test_adam_and_rmsprop_steps_equal_keras_order_of_operations_bit_for_bit():
    """Independent float32 numpy in Keras' order: m += (g − m)·(1 − β₁); v += (g² − v)·(1 − β₂);
    w −= (m·α) / (√v + ε) with α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) in float32;  RMSprop:
    v = ρ·v + (1 − ρ)·g²;  w −= (lr·g) / √(v + ε)."""
    rng = np.random.default_rng(3)
    grads = (rng.normal(size=(50, 1000)) * rng.choice([0.0, 1e-3, 1.0], 1000)).astype(np.float32)
    w0 = rng.normal(size=1000).astype(np.float32)
    adam, w_adam = Adam(learning_rate=0.01), w0.copy()
    rms, w_rms = RMSprop(learning_rate=0.01), w0.copy()
    w, m, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    w2, v2 = w0.copy(), np.zeros_like(w0)
    lr, b1, b2, eps = np.float32(0.01), np.float32(0.9), np.float32(0.999), 1e-7
    for t, g in enumerate(grads, start=1):
        adam.apply(g, w_adam)
        rms.apply(g, w_rms)
        m = m + (g - m) * (1 - 0.9)
        v = v + (np.square(g) - v) * (1 - 0.999)
        alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        w = w - (m * alpha) / (np.sqrt(v) + eps)
        v2 = 0.9 * v2 + (1 - 0.9) * np.square(g)
        w2 = w2 - (lr * g) / np.sqrt(v2 + eps)
    np.testing.assert_array_equal(w_adam, w)
    np.testing.assert_array_equal(adam.slots(0)["velocity"], v)
    np.testing.assert_array_equal(w_rms, w2)
    assert np.abs(w_adam - w0).max() > 0.05           # it moved: a real comparison


def test_moving_average_helper():
    avg = np.array([1.0, 2.0], np.float32)
    out = np.empty_like(avg)
    optimizers.moving_average(avg, np.array([3.0, 2.0], np.float32), 0.75, out=out)
    np.testing.assert_allclose(avg, [1.5, 2.0])        # 0.75·1 + 0.25·3
    assert avg.dtype == np.float32


def test_tiny_moments_are_flushed_to_zero_every_32_steps():
    # m = 0.1·1e-28 = 1e-29 after step 1, then decays by 0.9 per zero-gradient step:
    # after 31 steps 1e-29·0.9^30 ≈ 4.2e-31 (< 1e-30) is still there; step 32 flushes it.
    opt, w = Adam(), f32(1.0)
    opt.apply([f32(1e-28)], [w])
    for _ in range(30):
        opt.apply([f32(0.0)], [w])
    assert 0 < opt.slots(0)["momentum"][0] < 1e-30
    opt.apply([f32(0.0)], [w])
    assert opt.iterations == 32 and opt.slots(0)["momentum"][0] == 0.0


# --------------------------------------------------------------------------------------------
# 50 steps on the textbook surface f(x, y) = x²/20 + y² from (-7, 2)
# --------------------------------------------------------------------------------------------
TRAJECTORY_CASES = [
    (SGD(learning_rate=0.95), ref_sgd, dict(lr=0.95)),
    (SGD(learning_rate=0.1, momentum=0.9), ref_sgd, dict(lr=0.1, momentum=0.9)),
    (SGD(learning_rate=0.1, momentum=0.9, nesterov=True), ref_sgd,
     dict(lr=0.1, momentum=0.9, nesterov=True)),
    (Adagrad(learning_rate=1.5), ref_adagrad, dict(lr=1.5)),
    (RMSprop(learning_rate=0.1), ref_rmsprop, dict(lr=0.1)),
    (Adam(learning_rate=0.3), ref_adam, dict(lr=0.3)),
    (AdamW(learning_rate=0.3), ref_adam, dict(lr=0.3, wd=0.004)),
    (Nadam(learning_rate=0.3), ref_nadam, dict(lr=0.3)),
]


@pytest.mark.parametrize("opt,ref,refkw", TRAJECTORY_CASES,
                         ids=[f"{type(o).__name__}-{sorted(k.items())}" for o, _, k in TRAJECTORY_CASES])
def test_fifty_steps_on_textbook_surface_match_float64(opt, ref, refkw):
    grad = lambda p: np.array([p[0] / 10, 2 * p[1]])           # ∇(x²/20 + y²)
    w = f32(-7.0, 2.0)
    w64, state = np.array([-7.0, 2.0]), {}
    path, path64 = [], []
    for t in range(1, 51):
        opt.apply([grad(w).astype(np.float32)], [w])
        w64 = ref(w64, grad(w64), state, t, **refkw)
        path.append(w.copy())
        path64.append(w64)
    path, path64 = np.array(path), np.array(path64)
    # relative to the size of the path (points near the minimum are ~0)
    rel = np.abs(path - path64).max() / np.abs(path64).max()
    assert rel < 1e-5
    assert np.linalg.norm(path[-1]) < 7.0                       # it made progress


def test_flush_sets_only_values_below_threshold_to_plus_zero():
    # |v| < 1e-30 -> +0.0 (what putmask(v, |v| < 1e-30, 0) gives); larger values and their
    # signs stay bit-for-bit.
    opt, w = Adam(), np.zeros(6, dtype=np.float32)
    opt.apply([np.ones(6, dtype=np.float32)], [w])
    m = opt._slots[0]["momentum"]
    m[:] = [1e-31, -1e-31, 1e-38, -2e-30, 1e-29, 0.5]
    before = m.copy()
    opt._flush_denormals()
    expected = before.copy()
    np.putmask(expected, np.abs(expected) < 1e-30, 0)
    np.testing.assert_array_equal(m.view(np.int32), expected.view(np.int32))
    assert m.tolist() == [0.0, 0.0, 0.0, np.float32(-2e-30), np.float32(1e-29), 0.5]
    assert not np.signbit(m[1])                                   # +0.0, not -0.0


def test_single_arrays_and_one_element_lists_give_identical_steps():
    # The model passes its flat buffers as single arrays (a short input check); a list of one
    # array takes the general check. Both must update the same bits.
    rng = np.random.default_rng(5)
    grads = rng.normal(size=(40, 300)).astype(np.float32)
    w_single = rng.normal(size=300).astype(np.float32)
    w_list, w0 = w_single.copy(), w_single.copy()
    a, b = Adam(learning_rate=0.01), Adam(learning_rate=0.01)
    for g in grads:
        a.apply(g, w_single)
        b.apply([g], [w_list])
    np.testing.assert_array_equal(w_single, w_list)
    assert a.iterations == b.iterations == 40
    assert np.abs(w_single - w0).max() > 0.1          # 40 steps of ~0.01: a real comparison


def test_single_array_with_wrong_shape_or_dtype_still_gets_the_clear_errors():
    w = np.zeros(3, dtype=np.float32)
    with pytest.raises(ValueError, match=r"Gradient 0 has shape \(2,\) but its parameter has shape \(3,\)"):
        Adam().apply(np.zeros(2, dtype=np.float32), w)
    with pytest.raises(TypeError, match="expected a numpy float array"):
        Adam().apply(np.zeros(3), np.zeros(3, dtype=np.int64))
    w64 = np.zeros(3, dtype=np.float64)
    opt = Adam()
    opt.apply(np.ones(3, dtype=np.float32), w64)       # float32 grad cast to the param's float64
    assert w64.dtype == np.float64 and np.allclose(w64, -0.001)
