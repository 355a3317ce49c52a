"""Numerical gradient checks: compare each backward pass with central differences.

기울기 검사 (gradient check)
--------------------------
역전파(backward)로 구한 기울기 a가 맞는지, 수치 미분으로 구한 기울기 n과 비교합니다.
수치 미분은 중앙 차분입니다::

    n_i ≈ (L(x + h·e_i) − L(x − h·e_i)) / (2h)

두 값의 상대 오차(relative error)는 값의 크기로 나눈 차이입니다::

    error_i = |a_i − n_i| / max(|a_i|, |n_i|, 1e-6 · g_max)
    error   = max_i error_i                (g_max = 모든 |a|, |n| 중 가장 큰 값)

분모의 ``1e-6 · g_max``는 거의 0인 기울기에서 반올림 잡음이 오차를 부풀리지 않게 합니다.
float64에서 올바른 구현은 보통 1e-7보다 작습니다. **1e-6보다 작으면 통과**, 1e-4 이상이면
역전파에 실수가 있을 가능성이 큽니다. (float32로 검사하면 반올림 때문에 1e-3 정도가 나와서
판단할 수 없으므로 항상 float64로 검사합니다.)

Gradient check
--------------
The backward pass gives an analytic gradient ``a``; central differences give ``n``. The relative
error is ``max_i |a_i − n_i| / max(|a_i|, |n_i|, 1e-6·g_max)``. In float64 a correct backward pass
gives less than 1e-6 (usually below 1e-7); 1e-4 or more means a bug. Checks run in float64,
because float32 rounding alone gives errors around 1e-3.

The step ``h`` (``eps``, default 1e-5) balances two errors: the formula's truncation error grows
like h², rounding error like 1e-16/h; h ≈ (1e-16)^(1/3) ≈ 5e-6 makes both small.
(차분 간격 h가 너무 크면 공식 오차, 너무 작으면 반올림 오차가 커집니다. float64에서는 1e-5 정도가 좋습니다.)

Kinks (ReLU at 0, clipping at ε) have no derivative: pick inputs at least ``eps`` away from them.
"""
import numpy as np

from honggong import activations, backend, losses
from honggong.backend import HonggongError, message

DEFAULT_EPS = 1e-5   # ≈ (float64 machine epsilon)^(1/3): balances truncation and rounding error
GOOD_ERROR = 1e-6


def relative_error(analytic, numerical):
    """``max_i |a_i − n_i| / max(|a_i|, |n_i|, 1e-6·g_max)``; 0.0 when both are all zeros."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numerical, dtype=np.float64)
    if a.shape != n.shape:
        raise HonggongError(message(
            f"Cannot compare gradients of different shapes: analytic {a.shape}, "
            f"numerical {n.shape}.",
            "힌트: backward가 입력과 같은 모양의 기울기를 돌려주어야 합니다.",
        ))
    if a.size == 0:
        return 0.0
    scale = max(float(np.max(np.abs(a))), float(np.max(np.abs(n))))
    if scale == 0.0:
        return 0.0
    denominator = np.maximum(np.maximum(np.abs(a), np.abs(n)), 1e-6 * scale)
    return float(np.max(np.abs(a - n) / denominator))


def numerical_gradient(f, x, eps=DEFAULT_EPS, dy=None):
    """Central-difference gradient of a scalar function, in float64.

    ``f(x)`` returns a number: ``n_i = (f(x + eps·e_i) − f(x − eps·e_i)) / (2·eps)``.
    If ``dy`` is given, ``f(x)`` returns an array and the scalar is ``Σ dy·f(x)``; the difference
    ``f(x+) − f(x−)`` is taken before summing, so unchanged entries add no rounding noise.
    ``x`` is changed in place during the loop and restored; it must be a float64 array to be
    perturbed in place (otherwise a float64 copy is used).
    """
    x = np.asarray(x)
    if x.dtype != np.float64:
        x = x.astype(np.float64)
    grad = np.zeros_like(x)
    if dy is not None:
        dy = np.asarray(dy, dtype=np.float64)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)
    for i in range(flat_x.size):
        original = flat_x[i]
        flat_x[i] = original + eps
        up = np.array(f(x), dtype=np.float64)      # a copy: f may return (a view of) x itself
        flat_x[i] = original - eps
        down = np.array(f(x), dtype=np.float64)
        flat_x[i] = original
        if dy is None:
            flat_grad[i] = (float(up) - float(down)) / (2.0 * eps)
        else:
            flat_grad[i] = float(np.sum(dy * (up - down))) / (2.0 * eps)
    return grad


def _rng(seed):
    return np.random.default_rng(seed)


def check_activation(activation, x=None, eps=DEFAULT_EPS, seed=0):
    """Max relative error between ``activation.backward`` and central differences.

    The scalar is ``L = Σ r·f(x)`` with a fixed random ``r``, so ``dL/dx = backward(x, y, r)``.
    Default ``x``: a (4, 5) float64 array of values in ±[0.05, 3] (away from the kink at 0).
    """
    act = activations.get(activation)
    rng = _rng(seed)
    if x is None:
        magnitudes = rng.uniform(0.05, 3.0, size=(4, 5))
        x = magnitudes * rng.choice([-1.0, 1.0], size=(4, 5))
    x = np.array(x, dtype=np.float64)
    y = act(x)
    r = rng.standard_normal(y.shape)
    analytic = act.backward(x, y, r)
    numerical = numerical_gradient(act, x.copy(), eps, dy=r)
    return relative_error(analytic, numerical)


def check_loss(loss, y_true, y_pred, eps=DEFAULT_EPS):
    """Max relative error between ``loss.gradient(y_true, y_pred)`` and central differences of
    ``loss(y_true, y_pred)`` with respect to ``y_pred`` (computed in float64).

    For probability losses keep ``y_pred`` inside ``(1e-7 + eps, 1 − 1e-7 − eps)``.
    """
    loss = losses.get(loss)
    y_pred = np.array(y_pred, dtype=np.float64)
    y_true = np.asarray(y_true)
    if np.issubdtype(y_true.dtype, np.floating):
        y_true = y_true.astype(np.float64)
    analytic = loss.gradient(y_true, y_pred)
    numerical = numerical_gradient(lambda p: loss(y_true, p), y_pred.copy(), eps)
    return relative_error(analytic, numerical)


def check_layer(layer, x, training=False, eps=DEFAULT_EPS, seed=0):
    """Relative errors of a layer's backward pass: ``{"input": e, "weight_0": e, ...}``.

    The layer is built inside ``backend.floatx_scope("float64")`` so its weights are float64.
    The scalar is ``L = Σ r·layer(x) + layer.regularization_loss()`` with a fixed random ``r``;
    ``backward(r)`` must return ``dL/dx`` and fill ``layer.grads`` (one per trainable weight,
    regularizer gradients included). ``weight_i`` follows ``layer.trainable_weights``.
    Pass an *unbuilt* layer. A layer whose forward pass is random (Dropout with training=True)
    cannot be checked this way.
    """
    x = np.array(x, dtype=np.float64)
    if getattr(layer, "built", False) and any(
            np.asarray(w).dtype != np.float64 for w in layer.weights):
        raise HonggongError(message(
            f"check_layer needs an unbuilt layer so it can create float64 weights, but layer "
            f"{getattr(layer, 'name', layer)!r} is already built with "
            f"{np.asarray(layer.weights[0]).dtype} weights.",
            "해결: 새 층 객체를 만들어 check_layer에 넘기세요.",
        ))
    with backend.floatx_scope("float64"):
        y = layer(x, training=training)
        r = _rng(seed).standard_normal(np.shape(y))
        analytic_dx = np.array(layer.backward(r), dtype=np.float64)
        analytic_grads = [np.array(g, dtype=np.float64) for g in layer.grads]

        def scalar(_):
            out = layer.forward(x, training=training)
            return float(np.sum(r * out)) + float(layer.regularization_loss())

        errors = {}
        numerical_dx = numerical_gradient(
            lambda xx: layer.forward(xx, training=training), x, eps, dy=r)
        errors["input"] = relative_error(analytic_dx, numerical_dx)
        for i, w in enumerate(layer.trainable_weights):
            if w.dtype != np.float64:
                raise HonggongError(message(
                    f"check_layer: weight {i} of layer {getattr(layer, 'name', layer)!r} has "
                    f"dtype {w.dtype}, expected float64 (build weights with backend.floatx()).",
                    "해결: 층의 build에서 가중치를 backend.floatx() 자료형으로 만드세요.",
                ))
            numerical_w = numerical_gradient(scalar, w, eps)
            errors[f"weight_{i}"] = relative_error(analytic_grads[i], numerical_w)
    return errors
