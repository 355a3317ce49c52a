"""honggong against real Keras 3 (torch backend), on every CI run.

The same optimizer settings, losses, activations and a few ``train_on_batch`` steps of the book's model
run in both libraries from the same numbers; the results must agree to float32 rounding. The helpers here
(``optimizer_errors``, ``loss_errors``, ``activation_errors``, ``train_on_batch_pair``) are also what
benchmarks/parity_keras.py prints as a report; Keras is installed by the
``bridge`` extra (``./dev setup``, ``.ci/run``). Without Keras this test FAILS (it is never skipped):
the claim "the book's Keras code runs unchanged, with Keras' results" needs Keras to be checked.

Reference values come from Keras itself, computed here in the same run; gradients of Keras' losses and
activations come from torch autograd through Keras' own ops.
"""
import os
import re

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")

try:
    import keras
    import torch
except ImportError as exc:  # pragma: no cover - only without the bridge extra
    raise ImportError(
        f"real Keras 3 with the torch backend is needed for the parity test ({exc}).\n"
        "해결: pip install -e '.[bridge]'  (또는 ./dev setup) 으로 keras와 torch를 설치하세요."
    ) from exc

from honggong import activations as hg_activations
from honggong import keras as hg_keras
from honggong import losses as hg_losses
from honggong import optimizers as hg_optimizers
from honggong.layers import reset_names

torch.set_num_threads(1)
# Keras' torch backend converts tensors with np.array(x), which numpy 2 flags (not our code, not a result)
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy:DeprecationWarning")
STEPS = 50
# relative error; measured on torch 2.13 CPU (benchmarks/README.md): parameters ≤ 8.6e-6 (plain SGD on the
# surface, where x shrinks towards the 1e-3 floor), state ≤ 1.4e-5 (Nadam's u_product), losses ≤ 6.8e-8,
# activations ≤ 1.8e-7. Keras' torch backend fuses updates (torch._foreach_*), so the last bit differs.
TOLERANCE = 3e-5


def test_keras_is_real_keras_3_on_torch():
    assert keras.__version__.startswith("3.") and keras.backend.backend() == "torch"
    assert not keras.__file__.startswith(os.path.dirname(hg_keras.__file__))


# ------------------------------------------------------------------------------ optimizers
OPTIMIZER_CASES = [
    ("SGD", dict(learning_rate=0.1)),
    ("SGD", dict(learning_rate=0.1, momentum=0.9)),
    ("SGD", dict(learning_rate=0.1, momentum=0.9, nesterov=True)),
    ("SGD", dict(learning_rate=0.1, global_clipnorm=1.0)),
    ("SGD", dict(learning_rate=0.1, clipvalue=0.5)),
    ("RMSprop", dict(learning_rate=0.01)),
    ("RMSprop", dict(learning_rate=0.01, momentum=0.5, centered=True)),
    ("RMSprop", dict(learning_rate=0.01, weight_decay=0.1)),
    ("Adagrad", dict(learning_rate=0.1)),
    ("Adam", dict(learning_rate=0.01)),
    ("Adam", dict(learning_rate=0.01, amsgrad=True)),
    ("Adam", dict(learning_rate=0.01, clipnorm=0.5)),
    ("AdamW", dict(learning_rate=0.01, weight_decay=0.1)),
    ("Nadam", dict(learning_rate=0.01)),
    ("SGD", dict(learning_rate=("ExponentialDecay", 0.1, 10, 0.5))),
    ("SGD", dict(learning_rate=("PiecewiseConstantDecay", [10, 30], [0.1, 0.05, 0.01]))),
]


def make(lib, class_name, kwargs):
    kwargs = dict(kwargs)
    lr = kwargs.get("learning_rate")
    if isinstance(lr, tuple):
        schedules = keras.optimizers.schedules if lib == "keras" else hg_optimizers.schedules
        kwargs["learning_rate"] = getattr(schedules, lr[0])(*lr[1:])
    module = keras.optimizers if lib == "keras" else hg_optimizers
    return getattr(module, class_name)(**kwargs)


def max_rel(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-3))) if a.size else 0.0


def scaled_err(a, b):
    """max |a − b| / max |b| over the whole array."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-12))


def run_pair(class_name, kwargs, start, grad_fn):
    hg, ks = make("honggong", class_name, kwargs), make("keras", class_name, kwargs)
    hg_params = [np.array(p, dtype=np.float32) for p in start]
    ks_params = [keras.Variable(np.array(p, dtype=np.float32), name=f"p{i}") for i, p in enumerate(start)]
    for step in range(STEPS):
        hg.apply(grad_fn(step, hg_params), hg_params)
        grads = grad_fn(step, [np.asarray(keras.ops.convert_to_numpy(v)) for v in ks_params])
        ks.apply([keras.ops.convert_to_tensor(g) for g in grads], ks_params)
    param_err = max(max_rel(h, keras.ops.convert_to_numpy(k)) for h, k in zip(hg_params, ks_params))
    ks_state = {("u_product" if re.fullmatch(r"variable(_\d+)?", v.name) else v.name):
                np.asarray(keras.ops.convert_to_numpy(v)) for v in ks.variables}
    hg_state = {"iteration": hg.iterations}
    for i in range(len(start)):
        hg_state.update({f"p{i}_{slot}": value for slot, value in hg.slots(i).items()})
    if "learning_rate" in ks_state:
        hg_state["learning_rate"] = np.float32(hg.learning_rate)
    if class_name == "Nadam":
        hg_state["u_product"] = hg.u_product
    assert sorted(hg_state) == sorted(ks_state)          # the same state, by Keras' variable names
    # state (momentums, velocities) per array as max|diff| / max|keras|: torch's fused foreach updates
    # (m + (1 − β)·g in one op) round differently from the formula order, ~1e-5 of tiny elements
    return param_err, max(scaled_err(hg_state[k], ks_state[k]) for k in ks_state)


def case_label(class_name, kwargs):
    """'SGD-learning_rate=0.1-momentum=0.9': the test id, and the row name of the report."""
    return "-".join([class_name] + [f"{k}={v}" for k, v in kwargs.items()])


def optimizer_errors(class_name, kwargs):
    """{"random": (parameter error, state error), "surface": (...)} after STEPS steps in both
    libraries: on a fixed sequence of random gradients for a (4, 3) and a (3,) parameter, and on the
    textbook surface f = x²/20 + y² from (-7, 2), where the gradients depend on the path taken."""
    rng = np.random.default_rng(0)
    start = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    grads = [[rng.normal(size=(4, 3)).astype(np.float32), rng.normal(size=3).astype(np.float32)]
             for _ in range(STEPS)]
    surface = lambda step, params: [np.array([params[0][0] / 10, 2 * params[0][1]], np.float32)]
    return {"random": run_pair(class_name, kwargs, start, lambda step, params: grads[step]),
            "surface": run_pair(class_name, kwargs, [np.array([-7.0, 2.0])], surface)}


@pytest.mark.parametrize("class_name, kwargs", OPTIMIZER_CASES,
                         ids=[case_label(c, kw) for c, kw in OPTIMIZER_CASES])
def test_optimizer_matches_keras_after_50_steps(class_name, kwargs):
    for where, (param_err, state_err) in optimizer_errors(class_name, kwargs).items():
        assert param_err <= TOLERANCE and state_err <= TOLERANCE, (where, param_err, state_err)


# ------------------------------------------------------------------------------ losses
def _loss_cases():
    rng = np.random.default_rng(1)
    probs = rng.dirichlet(np.ones(5), size=8).astype(np.float32)
    labels = rng.integers(0, 5, size=8)
    onehot = np.eye(5, dtype=np.float32)[labels]
    reg_true = rng.normal(size=(8, 1)).astype(np.float32)
    reg_pred = rng.normal(size=(8, 1)).astype(np.float32)
    bin_true = rng.integers(0, 2, size=(8, 1)).astype(np.float32)
    bin_pred = rng.uniform(0.01, 0.99, size=(8, 1)).astype(np.float32)
    return [("MeanSquaredError", reg_true, reg_pred), ("MeanAbsoluteError", reg_true, reg_pred),
            ("Huber", reg_true, reg_pred), ("BinaryCrossentropy", bin_true, bin_pred),
            ("CategoricalCrossentropy", onehot, probs), ("SparseCategoricalCrossentropy", labels, probs)]


def loss_errors(name, y_true, y_pred):
    """(value error, gradient error) of loss class `name`; Keras' gradient by torch autograd."""
    hg, ks = getattr(hg_losses, name)(), getattr(keras.losses, name)()
    pred = torch.tensor(y_pred, requires_grad=True)
    value = ks(torch.tensor(y_true), pred)
    value.backward()
    return (scaled_err(hg(y_true, y_pred), value.item()),
            scaled_err(hg.gradient(y_true, y_pred), pred.grad.numpy()))


@pytest.mark.parametrize("name, y_true, y_pred", _loss_cases(), ids=[c[0] for c in _loss_cases()])
def test_loss_value_and_gradient_match_keras(name, y_true, y_pred):
    value_err, grad_err = loss_errors(name, y_true, y_pred)
    assert value_err <= 1e-6 and grad_err <= 1e-6, (value_err, grad_err)


# ------------------------------------------------------------------------------ activations
ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu", "softplus", "silu", "softmax")


def activation_errors(name):
    """(forward error, backward error) of activation `name`; Keras' vector-Jacobian product
    dyᵀ·∂y/∂x by torch autograd."""
    rng = np.random.default_rng(2)
    x = rng.normal(scale=2.0, size=(6, 5)).astype(np.float32)
    dy = rng.normal(size=(6, 5)).astype(np.float32)
    act, ks = hg_activations.get(name), keras.activations.get(name)
    xt = torch.tensor(x, requires_grad=True)
    y_ks = ks(xt)
    y_ks.backward(torch.tensor(dy))
    y = act(x)
    return scaled_err(y, y_ks.detach().numpy()), scaled_err(act.backward(x, y, dy), xt.grad.numpy())


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_forward_and_backward_match_keras(name):
    forward_err, backward_err = activation_errors(name)
    assert forward_err <= 1e-6 and backward_err <= 2e-6, (forward_err, backward_err)


# ------------------------------------------------------------------------------ train_on_batch
def build(lib):
    return lib.Sequential([lib.Input(shape=(28, 28)), lib.layers.Flatten(),
                           lib.layers.Dense(100, activation="relu"),
                           lib.layers.Dense(10, activation="softmax")])


TRAIN_ON_BATCH_CASES = [("sgd", dict(learning_rate=0.1)), ("rmsprop", {}), ("adam", {}),
                        ("adagrad", dict(learning_rate=0.01))]


def train_on_batch_pair(name, kwargs, steps=3):
    """The book's 7-2 model in both libraries, Keras' initial weights copied into honggong, `steps`
    train_on_batch calls of batch 32 with optimizer `name`. Returns (honggong, keras) pairs:
    {"losses": (list, list), "accuracies": (list, list), "weights": [(h, k) per array],
    "predictions": (h, k)}."""
    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.random((steps, 32, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=(steps, 32))
    reset_names()
    km, hm = build(keras), build(hg_keras)
    hm.set_weights(km.get_weights())
    km.compile(optimizer=keras.optimizers.get({"class_name": name, "config": kwargs}),
               loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    hm.compile(optimizer=type(hg_optimizers.get(name))(**kwargs),
               loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    losses, accuracies = ([], []), ([], [])
    for i in range(steps):
        k_loss, k_acc = km.train_on_batch(x[i], y[i])
        h_loss, h_acc = hm.train_on_batch(x[i], y[i])
        for pair, h, k in ((losses, h_loss, k_loss), (accuracies, h_acc, k_acc)):
            pair[0].append(float(h))
            pair[1].append(float(k))
    return {"losses": losses, "accuracies": accuracies,
            "weights": list(zip(hm.get_weights(), km.get_weights())),
            "predictions": (hm.predict(x[0], verbose=0), km.predict(x[0], verbose=0))}


@pytest.mark.parametrize("name, kwargs", TRAIN_ON_BATCH_CASES)
def test_train_on_batch_of_the_books_model_matches_keras(name, kwargs):
    """The book's 7-2 model, Keras' initial weights copied into honggong, 3 steps of batch 32."""
    run = train_on_batch_pair(name, kwargs)
    for i, (h_loss, k_loss) in enumerate(zip(*run["losses"])):
        assert abs(h_loss - k_loss) <= 1e-6 * abs(k_loss) + 1e-7, (i, h_loss, k_loss)
    assert run["accuracies"][0] == pytest.approx(run["accuracies"][1], abs=1e-7)
    # weights: float32 sums in another order; Adam's g/√v enlarges that for weights with ~0 gradient
    for h, k in run["weights"]:
        assert h.shape == k.shape and scaled_err(h, k) <= 2e-5
    assert scaled_err(*run["predictions"]) <= 1e-5
