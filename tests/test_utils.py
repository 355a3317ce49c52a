import random

import numpy as np
import pytest

from honggong import backend, utils


def test_to_categorical_values_and_dtype():
    out = utils.to_categorical([0, 2, 1])
    np.testing.assert_array_equal(out, [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    assert out.dtype == np.float32


def test_to_categorical_shapes():
    assert utils.to_categorical(np.array([[1], [0]]), num_classes=4).shape == (2, 4)
    assert utils.to_categorical(np.array([[1, 2, 0], [0, 0, 1]])).shape == (2, 3, 3)
    np.testing.assert_array_equal(utils.to_categorical(np.array([1.0, 0.0])), [[0, 1], [1, 0]])
    np.testing.assert_array_equal(utils.to_categorical(np.array([9], np.uint8), 10)[0, 9], 1.0)


def test_to_categorical_errors():
    with pytest.raises(ValueError) as info:
        utils.to_categorical([0, 5], num_classes=3)
    assert "label 5" in str(info.value) and "num_classes=3" in str(info.value)
    with pytest.raises(ValueError, match="negative label -1"):
        utils.to_categorical([-1, 0])
    with pytest.raises(ValueError, match="non-integer value 0.5"):
        utils.to_categorical([0.5, 1.0])


def test_set_random_seed_seeds_all_generators():
    utils.set_random_seed(123)
    a = (random.random(), np.random.rand(), backend.global_rng().random())
    utils.set_random_seed(123)
    b = (random.random(), np.random.rand(), backend.global_rng().random())
    assert a == b
    assert b[2] == np.random.default_rng(123).random()


def test_set_random_seed_rejects_non_integers():
    with pytest.raises(TypeError) as info:
        utils.set_random_seed(1.5)
    assert "Expected `seed` to be an integer" in str(info.value) and "1.5" in str(info.value)
    with pytest.raises(TypeError):
        utils.set_random_seed(True)
    with pytest.raises(ValueError, match="non-negative"):
        utils.set_random_seed(-3)
