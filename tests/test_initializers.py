import math

import numpy as np
import pytest

from honggong import backend, initializers, utils

SHAPE = (400, 600)          # fan_in 400, fan_out 600, fan_avg 500; 240,000 numbers


def test_compute_fans():
    assert initializers.compute_fans(()) == (1, 1)
    assert initializers.compute_fans((7,)) == (7, 7)
    assert initializers.compute_fans((3, 4)) == (3, 4)
    assert initializers.compute_fans((3, 3, 16, 32)) == (144, 288)


@pytest.mark.parametrize("name, limit", [
    ("glorot_uniform", math.sqrt(6 / 1000)),
    ("he_uniform", math.sqrt(6 / 400)),
    ("lecun_uniform", math.sqrt(3 / 400)),
    ("random_uniform", 0.05),
])
def test_uniform_bounds_and_std(name, limit):
    utils.set_random_seed(0)
    w = initializers.get(name)(SHAPE)
    assert w.dtype == np.float32 and w.shape == SHAPE
    assert np.abs(w).max() <= limit
    assert np.abs(w).max() > 0.99 * limit
    assert w.std() == pytest.approx(limit / math.sqrt(3), rel=0.01)   # std of U(−a, a) = a/√3
    assert abs(w.mean()) < 0.01 * limit


@pytest.mark.parametrize("name, std", [
    ("glorot_normal", math.sqrt(2 / 1000)),
    ("he_normal", math.sqrt(2 / 400)),
    ("lecun_normal", math.sqrt(1 / 400)),
])
def test_truncated_normal_std_after_correction(name, std):
    utils.set_random_seed(0)
    w = initializers.get(name)(SHAPE)
    raw_std = std / 0.87962566103423978
    assert np.abs(w).max() <= 2 * raw_std          # cut at two (uncorrected) standard deviations
    assert w.std() == pytest.approx(std, rel=0.01)
    assert abs(w.mean()) < 0.01 * std


def test_random_normal_defaults():
    utils.set_random_seed(1)
    w = initializers.RandomNormal()(SHAPE)
    assert w.std() == pytest.approx(0.05, rel=0.01)
    assert np.abs(w).max() > 0.2                   # not truncated: 4σ values occur in 240,000 draws


def test_one_dimensional_shape_uses_same_fan_in_and_out():
    utils.set_random_seed(0)
    w = initializers.GlorotUniform()((1000,))
    assert np.abs(w).max() <= math.sqrt(6 / 2000)
    assert w.std() == pytest.approx(math.sqrt(6 / 2000) / math.sqrt(3), rel=0.05)


def test_constant_family():
    np.testing.assert_array_equal(initializers.get("zeros")((2, 3)), np.zeros((2, 3)))
    np.testing.assert_array_equal(initializers.get("ones")((3,)), np.ones(3))
    np.testing.assert_array_equal(initializers.Constant(0.5)((2,)), [0.5, 0.5])


def test_dtype_follows_floatx_or_argument():
    assert initializers.HeNormal()((3, 3)).dtype == np.float32
    assert initializers.HeNormal()((3, 3), dtype="float64").dtype == np.float64
    with backend.floatx_scope("float64"):
        assert initializers.GlorotUniform()((3, 3)).dtype == np.float64


def test_seeded_initializer_repeats_and_global_seed_reproduces():
    init = initializers.GlorotUniform(seed=7)
    np.testing.assert_array_equal(init((5, 4)), init((5, 4)))
    utils.set_random_seed(42)
    a = initializers.HeNormal()((5, 4))
    utils.set_random_seed(42)
    b = initializers.HeNormal()((5, 4))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, initializers.HeNormal()((5, 4)))


def test_get_variants_and_errors():
    assert isinstance(initializers.get("GlorotUniform"), initializers.GlorotUniform)
    assert isinstance(initializers.get("normal"), initializers.RandomNormal)
    assert initializers.glorot_uniform is initializers.GlorotUniform
    assert initializers.truncated_normal is initializers.TruncatedNormal
    fn = lambda shape, dtype=None: np.full(shape, 2.0)
    assert initializers.get(fn) is fn
    with pytest.raises(ValueError) as info:
        initializers.get("xavier")
    text = str(info.value)
    assert "'xavier'" in text and "glorot_uniform" in text and "he_normal" in text
    with pytest.raises(TypeError, match="Could not interpret initializer"):
        initializers.get(3)
    with pytest.raises(TypeError, match="seed must be an integer"):
        initializers.HeNormal(seed=1.5)
    with pytest.raises(ValueError, match="non-negative"):
        initializers.Zeros()((2, -1))
    with pytest.raises(ValueError, match="scale must be positive"):
        initializers.VarianceScaling(scale=0.0)


def test_config_round_trip():
    init = initializers.VarianceScaling(scale=2.0, mode="fan_out", distribution="uniform", seed=3)
    clone = initializers.VarianceScaling.from_config(init.get_config())
    np.testing.assert_array_equal(init((4, 6)), clone((4, 6)))
    # fan_out = 6 -> limit √(3·2/6) = 1
    assert np.abs(clone((4, 6))).max() <= 1.0


def test_variance_scaling_rejects_unknown_mode_and_distribution():
    with pytest.raises(ValueError) as info:
        initializers.VarianceScaling(mode="fan_sum")
    assert "'fan_sum'" in str(info.value) and "fan_avg" in str(info.value)
    with pytest.raises(ValueError) as info:
        initializers.VarianceScaling(distribution="gaussian")
    assert "'gaussian'" in str(info.value) and "truncated_normal" in str(info.value)
