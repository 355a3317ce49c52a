"""Parity check: honggong against real Keras 3, when Keras is installed.

CI runs the same checks as a test on every run: tests/test_parity_keras.py (torch backend, the
``[bridge]`` extra). This script prints the full report, on the JAX backend by default.

For every optimizer setting below, both libraries run 50 steps from the same start on
  (a) a fixed sequence of random gradients for two parameters of shapes (4, 3) and (3,), and
  (b) the textbook surface f(x, y) = x²/20 + y² from (-7, 2) (gradients depend on the path),
and the script prints the max relative error of the final parameters,
    max_i |honggong_i − keras_i| / max(|keras_i|, 1e-3),
and of the optimizer state (Keras' variables matched by name to honggong's opt.slots(i)).
If honggong.losses / honggong.activations exist, their values and gradients are compared with
Keras' (gradients through jax.grad / jax.vjp on the JAX backend), as max|diff| / max|keras|.

Keras is not a dependency of honggong. Use a throwaway venv outside the repo:
    python3 -m venv /tmp/kerasvenv && /tmp/kerasvenv/bin/pip install keras "jax[cpu]"
    KERAS_BACKEND=jax /tmp/kerasvenv/bin/python benchmarks/parity_keras.py
Without Keras the script prints a note and exits 0. It exits 1 if an error exceeds TOLERANCE.
"""
import os
import re
import sys

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)                     # honggong needs only numpy: import it from the repo
os.environ.setdefault("KERAS_BACKEND", "jax")

TOLERANCE = 1e-5
STEPS = 50

try:
    import keras
except ImportError:
    print("keras is not installed here: nothing to compare, skipping the parity check.\n"
          "To run it: python3 -m venv /tmp/kerasvenv && /tmp/kerasvenv/bin/pip install keras "
          "'jax[cpu]'; then /tmp/kerasvenv/bin/python benchmarks/parity_keras.py")
    sys.exit(0)

from honggong import optimizers as hg_optimizers  # noqa: E402

# (label, class name, keyword arguments shared by both libraries)
OPTIMIZER_CASES = [
    ("SGD", "SGD", dict(learning_rate=0.1)),
    ("SGD momentum", "SGD", dict(learning_rate=0.1, momentum=0.9)),
    ("SGD nesterov", "SGD", dict(learning_rate=0.1, momentum=0.9, nesterov=True)),
    ("SGD global_clipnorm", "SGD", dict(learning_rate=0.1, global_clipnorm=1.0)),
    ("SGD clipvalue", "SGD", dict(learning_rate=0.1, clipvalue=0.5)),
    ("RMSprop", "RMSprop", dict(learning_rate=0.01)),
    ("RMSprop centered+mom", "RMSprop", dict(learning_rate=0.01, momentum=0.5, centered=True)),
    ("RMSprop weight_decay", "RMSprop", dict(learning_rate=0.01, weight_decay=0.1)),
    ("Adagrad", "Adagrad", dict(learning_rate=0.1)),
    ("Adam", "Adam", dict(learning_rate=0.01)),
    ("Adam amsgrad", "Adam", dict(learning_rate=0.01, amsgrad=True)),
    ("Adam clipnorm", "Adam", dict(learning_rate=0.01, clipnorm=0.5)),
    ("AdamW", "AdamW", dict(learning_rate=0.01, weight_decay=0.1)),
    ("Nadam", "Nadam", dict(learning_rate=0.01)),
    ("SGD ExponentialDecay", "SGD", dict(learning_rate=("ExponentialDecay", 0.1, 10, 0.5))),
]


def make(lib, class_name, kwargs):
    kwargs = dict(kwargs)
    lr = kwargs.get("learning_rate")
    if isinstance(lr, tuple):
        schedules = keras.optimizers.schedules if lib == "keras" else hg_optimizers.schedules
        kwargs["learning_rate"] = getattr(schedules, lr[0])(*lr[1:])
    module = keras.optimizers if lib == "keras" else hg_optimizers
    return getattr(module, class_name)(**kwargs)


def scaled_err(a, b):
    """max |a − b| / max |b|: error relative to the size of the whole array (for float32 values
    that pass through cancellation, e.g. 1 − tanh², an elementwise ratio would only show noise)."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-12))


def max_rel(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-3))) if a.size else 0.0


def run_pair(class_name, kwargs, start, grad_fn):
    """50 steps in both libraries; grad_fn(step, params) -> list of gradients.

    Returns (error of the parameters, error of the optimizer state). The state is matched by
    Keras' variable names: "p{i}_{slot}" <-> honggong's opt.slots(i)[slot].
    """
    hg = make("honggong", class_name, kwargs)
    ks = make("keras", class_name, kwargs)
    hg_params = [np.array(p, dtype=np.float32) for p in start]
    ks_params = [keras.Variable(np.array(p, dtype=np.float32), name=f"p{i}")
                 for i, p in enumerate(start)]
    for step in range(STEPS):
        hg.apply(grad_fn(step, hg_params), hg_params)
        ks.apply(grad_fn(step, [np.asarray(v.numpy()) for v in ks_params]), ks_params)
    param_err = max(max_rel(h, k.numpy()) for h, k in zip(hg_params, ks_params))

    # Nadam's u_product is an unnamed Keras variable ("variable", "variable_1", ...)
    ks_state = {("u_product" if re.fullmatch(r"variable(_\d+)?", v.name) else v.name):
                np.asarray(v.numpy()) for v in ks.variables}
    hg_state = {"iteration": hg.iterations}
    for i in range(len(start)):
        hg_state.update({f"p{i}_{slot}": value for slot, value in hg.slots(i).items()})
    if "learning_rate" in ks_state:
        hg_state["learning_rate"] = np.float32(hg.learning_rate)
    if class_name == "Nadam":
        hg_state["u_product"] = hg.u_product
    if sorted(hg_state) != sorted(ks_state):
        return param_err, f"state names differ: {sorted(hg_state)} vs {sorted(ks_state)}"
    return param_err, max(max_rel(hg_state[name], ks_state[name]) for name in ks_state)


def compare_optimizers():
    rng = np.random.default_rng(0)
    start = [rng.normal(size=(4, 3)), rng.normal(size=3)]
    grads = [[rng.normal(size=(4, 3)).astype(np.float32), rng.normal(size=3).astype(np.float32)]
             for _ in range(STEPS)]
    random_grads = lambda step, params: grads[step]
    surface = lambda step, params: [np.array([params[0][0] / 10, 2 * params[0][1]], np.float32)]

    worst = 0.0
    print(f"Optimizers: max relative error after {STEPS} steps (honggong vs keras {keras.__version__}, "
          f"backend {keras.backend.backend()})")
    print(f"  {'setting':22s} {'random':>10s} {'state':>10s} {'x²/20+y²':>10s} {'state':>10s}")
    for label, class_name, kwargs in OPTIMIZER_CASES:
        row = []
        for start_points, fn in ((start, random_grads), ([np.array([-7.0, 2.0])], surface)):
            param_err, state_err = run_pair(class_name, kwargs, start_points, fn)
            if not isinstance(state_err, float):
                print(f"  {label}: {state_err}")
                state_err = np.inf
            row += [param_err, state_err]
            worst = max(worst, param_err, state_err)
        print(f"  {label:22s} " + " ".join(f"{v:10.2e}" for v in row))
    return worst


def compare_losses_and_activations():
    try:
        import jax
        import jax.numpy as jnp
    except ImportError:
        print("jax not installed: skipping losses/activations gradients")
        return 0.0
    worst = 0.0
    rng = np.random.default_rng(1)
    try:
        from honggong import losses as hg_losses
    except ImportError:
        hg_losses = None
    if hg_losses is not None:
        probs = rng.dirichlet(np.ones(5), size=8).astype(np.float32)
        labels = rng.integers(0, 5, size=8)
        onehot = np.eye(5, dtype=np.float32)[labels]
        reg_true = rng.normal(size=(8, 1)).astype(np.float32)
        reg_pred = rng.normal(size=(8, 1)).astype(np.float32)
        bin_true = rng.integers(0, 2, size=(8, 1)).astype(np.float32)
        bin_pred = rng.uniform(0.01, 0.99, size=(8, 1)).astype(np.float32)
        cases = [("MeanSquaredError", reg_true, reg_pred), ("MeanAbsoluteError", reg_true, reg_pred),
                 ("Huber", reg_true, reg_pred), ("BinaryCrossentropy", bin_true, bin_pred),
                 ("CategoricalCrossentropy", onehot, probs),
                 ("SparseCategoricalCrossentropy", labels, probs)]
        print("Losses: scaled error (max|diff|/max|keras|) of value and of gradient wrt y_pred")
        for name, y_true, y_pred in cases:
            try:
                hg = getattr(hg_losses, name)()
                ks = getattr(keras.losses, name)()
                value_err = scaled_err(hg(y_true, y_pred), float(ks(y_true, y_pred)))
                ks_grad = jax.grad(lambda p: ks(jnp.asarray(y_true), p))(jnp.asarray(y_pred))
                grad_err = scaled_err(hg.gradient(y_true, y_pred), np.asarray(ks_grad))
                worst = max(worst, value_err, grad_err)
                print(f"  {name:30s} value {value_err:9.2e}   gradient {grad_err:9.2e}")
            except Exception as exc:          # report and keep going: this is a report script
                print(f"  {name:30s} could not compare: {type(exc).__name__}: {exc}")
    try:
        from honggong import activations as hg_acts
    except ImportError:
        hg_acts = None
    if hg_acts is not None:
        x = rng.normal(scale=2.0, size=(6, 5)).astype(np.float32)
        dy = rng.normal(size=(6, 5)).astype(np.float32)
        print("Activations: scaled error of forward and of backward (vector-Jacobian product)")
        for name in ("sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu", "softplus",
                     "silu", "softmax"):
            try:
                act = hg_acts.get(name)
                ks = keras.activations.get(name)
                y_ks, vjp = jax.vjp(lambda v: ks(v), jnp.asarray(x))
                y = act(x)
                fwd_err = scaled_err(y, np.asarray(y_ks))
                bwd_err = scaled_err(act.backward(x, y, dy), np.asarray(vjp(jnp.asarray(dy))[0]))
                worst = max(worst, fwd_err, bwd_err)
                print(f"  {name:12s} forward {fwd_err:9.2e}   backward {bwd_err:9.2e}")
            except Exception as exc:
                print(f"  {name:12s} could not compare: {type(exc).__name__}: {exc}")
    return worst


def compare_train_on_batch(steps=3):
    """The book's 7-2 model (Flatten -> Dense(100, relu) -> Dense(10, softmax)), same initial weights
    and batches in both libraries: `steps` train_on_batch calls per optimizer, then compare the losses
    returned at each step (max relative error) and the final weights per array as
    max|diff| / max|keras| (scaled_err): the two libraries sum the 784-long matrix products in a
    different order, so float32 rounding (~1e-7) of a gradient is amplified by Adam/RMSprop's
    g/√v for weights whose gradients are nearly zero; an elementwise ratio with a 1e-3 floor
    (printed too) measures that noise, not the formulas."""
    from honggong import keras as hg_keras
    from honggong.layers import reset_names

    keras.utils.set_random_seed(0)
    rng = np.random.default_rng(0)
    x = rng.random((steps, 32, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, size=(steps, 32))

    def build(lib):
        return lib.Sequential([lib.Input(shape=(28, 28)), lib.layers.Flatten(),
                               lib.layers.Dense(100, activation="relu"),
                               lib.layers.Dense(10, activation="softmax")])

    print(f"train_on_batch, book 7-2 model, {steps} steps of batch 32 "
          "(losses: max rel. error | weights: scaled error, elementwise ratio):")
    worst = 0.0
    for name, kwargs in [("sgd", dict(learning_rate=0.1)), ("rmsprop", {}), ("adam", {}),
                         ("adagrad", dict(learning_rate=0.01))]:
        reset_names()
        km, hm = build(keras), build(hg_keras)
        hm.set_weights(km.get_weights())
        km.compile(optimizer=keras.optimizers.get({"class_name": name, "config": kwargs}),
                   loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        hm.compile(optimizer=hg_optimizers.get(name).__class__(**kwargs),
                   loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        k_loss, h_loss = [], []
        for i in range(steps):
            k_loss.append(float(km.train_on_batch(x[i], y[i])[0]))
            h_loss.append(float(hm.train_on_batch(x[i], y[i])[0]))
        e_loss = max_rel(np.array(h_loss), np.array(k_loss))
        e_w = max(scaled_err(h, k) for h, k in zip(hm.get_weights(), km.get_weights()))
        e_ratio = max(max_rel(h, k) for h, k in zip(hm.get_weights(), km.get_weights()))
        worst = max(worst, e_loss, e_w)
        print(f"  {name:8s} {e_loss:.1e} | {e_w:.1e} ({e_ratio:.1e})   "
              f"losses keras {np.round(k_loss, 6).tolist()}")
    return worst


def main():
    worst = compare_optimizers()
    worst = max(worst, compare_losses_and_activations())
    worst = max(worst, compare_train_on_batch())
    verdict = "OK" if worst <= TOLERANCE else "MISMATCH"
    print(f"worst relative error {worst:.2e} (tolerance {TOLERANCE:g}): {verdict}")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
