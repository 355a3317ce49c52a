"""Tests for honggong.surfaces: values, analytic gradients, minima and views."""
import numpy as np
import pytest

from honggong import surfaces


def numeric_gradient(s, p, h=1e-6):
    p = np.asarray(p, dtype=np.float64)
    ex, ey = np.array([h, 0.0]), np.array([0.0, h])
    return np.array([(s(p + ex) - s(p - ex)) / (2 * h), (s(p + ey) - s(p - ey)) / (2 * h)])


def test_names_are_the_six_surfaces():
    assert surfaces.names() == ["bowl", "ill_conditioned", "rosenbrock", "beale", "saddle", "himmelblau"]


def test_textbook_bowl_value_gradient_and_view():
    s = surfaces.get("bowl")
    # f(-7, 2) = 49/20 + 4 = 6.45;  grad = (x/10, 2y) = (-0.7, 4)
    assert s.value(-7.0, 2.0) == pytest.approx(6.45)
    np.testing.assert_allclose(s.gradient([-7.0, 2.0]), [-0.7, 4.0])
    assert s.start == (-7.0, 2.0)
    assert s.minima == ((0.0, 0.0),)
    assert s.xlim == (-10.0, 10.0) and s.ylim == (-5.0, 5.0)
    assert "x²/20" in s.title


def test_gradient_keeps_float32():
    g = surfaces.get("bowl").gradient(np.array([-7.0, 2.0], dtype=np.float32))
    assert g.dtype == np.float32
    np.testing.assert_array_equal(g, np.array([-0.7, 4.0], dtype=np.float32))


def test_ill_conditioned_has_condition_number_knob():
    s = surfaces.get("ill_conditioned", condition_number=100)
    # f = (x² + 100 y²)/2 at (1, 1) = 50.5, grad = (x, 100 y) = (1, 100)
    assert s.value(1.0, 1.0) == pytest.approx(50.5)
    np.testing.assert_allclose(s.gradient([1.0, 1.0]), [1.0, 100.0])
    assert s.params == {"condition_number": 100.0}
    with pytest.raises(ValueError, match="condition_number >= 1"):
        surfaces.ill_conditioned(0.5)


@pytest.mark.parametrize("name", surfaces.names())
def test_analytic_gradient_matches_finite_differences(name):
    s = surfaces.get(name)
    for p in [s.start, (0.3, -0.7), (1.1, 0.4)]:
        np.testing.assert_allclose(s.gradient(np.array(p, float)), numeric_gradient(s, p), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", surfaces.names())
def test_minima_have_zero_gradient_and_lie_in_the_view(name):
    s = surfaces.get(name)
    for m in s.minima + s.saddles:
        np.testing.assert_allclose(s.gradient(np.array(m, float)), [0.0, 0.0], atol=1e-4)
        assert s.xlim[0] < m[0] < s.xlim[1] and s.ylim[0] < m[1] < s.ylim[1]
    assert s.xlim[0] < s.start[0] < s.xlim[1] and s.ylim[0] < s.start[1] < s.ylim[1]
    assert list(s.levels) == sorted(s.levels) and len(s.levels) >= 10


def test_known_minimum_values():
    assert surfaces.get("rosenbrock").minima == ((1.0, 1.0),)
    assert surfaces.get("rosenbrock").value(1.0, 1.0) == 0.0
    assert surfaces.get("beale").value(3.0, 0.5) == 0.0
    h = surfaces.get("himmelblau")
    assert len(h.minima) == 4
    assert max(abs(h.value(*m)) for m in h.minima) < 1e-9
    # saddle: no minimum, a saddle point at the origin; f(-1.5, 0.01) = 2.25 - 0.0001
    s = surfaces.get("saddle")
    assert s.minima == () and s.saddles == ((0.0, 0.0),)
    assert s.value(-1.5, 0.01) == pytest.approx(2.2499)


def test_grid_and_far_outside():
    s = surfaces.get("bowl")
    X, Y, Z = s.grid(5)
    assert X.shape == Y.shape == Z.shape == (5, 5)
    assert Z[2, 2] == 0.0 and Z[0, 0] == pytest.approx(100 / 20 + 25)   # corner (-10, -5)
    # view centre (0, 0), widths 20 and 10: "far" means |x| > 100 or |y| > 50
    assert not s.far_outside([99.0, 49.0])
    assert s.far_outside([0.0, 50.5]) and s.far_outside([-101.0, 0.0])


def test_vectorized_call_on_many_points():
    s = surfaces.get("bowl")
    np.testing.assert_allclose(s(np.array([[0.0, 1.0], [10.0, 0.0]])), [1.0, 5.0])


def test_clear_errors():
    with pytest.raises(ValueError, match=r"expected one of .*received 'bwol'"):
        surfaces.get("bwol")
    with pytest.raises(ValueError, match=r"shape \(2,\), received point with shape \(3,\)"):
        surfaces.get("bowl").gradient([1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="no keyword arguments"):
        surfaces.get(surfaces.bowl(), condition_number=3)
