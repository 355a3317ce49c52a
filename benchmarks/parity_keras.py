"""Parity report: honggong against real Keras 3 (torch backend), the numbers behind the CI test.

tests/test_parity_keras.py runs these comparisons on every CI run and asserts on them; this script
imports the same helpers from it (one implementation of each comparison) and prints every number:

- optimizers: each setting of ``OPTIMIZER_CASES``, 50 steps in both libraries from the same start on
  (a) a fixed sequence of random gradients for parameters of shapes (4, 3) and (3,) and (b) the
  textbook surface f(x, y) = x²/20 + y² from (-7, 2); max relative error of the final parameters,
  max_i |honggong_i − keras_i| / max(|keras_i|, 1e-3), and of the optimizer state (Keras' variables
  matched by name to honggong's ``opt.slots(i)``) as max|diff| / max|keras|;
- losses and activations: value / forward and gradient / backward, Keras' through torch autograd;
- ``train_on_batch`` of the book's 7-2 model, 3 steps per optimizer.

Run it in the dev venv (Keras and torch come with the ``bridge`` extra, ``./dev setup``):
    .venv/bin/python benchmarks/parity_keras.py
Without Keras it prints a note and exits 0. It exits 1 if an error exceeds the test's TOLERANCE.
"""
import os
import sys
import warnings

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [REPO, os.path.join(REPO, "tests")]     # honggong and the test's helpers, from the repo
os.environ["KERAS_BACKEND"] = "torch"                  # the helpers take Keras' gradients from torch
# Keras' torch backend converts tensors with np.array(x), which numpy 2 flags (not our code, not a result)
warnings.filterwarnings("ignore", message="__array__ implementation doesn't accept a copy")

try:
    import test_parity_keras as parity
except ImportError:
    print("Keras 3 with torch is not installed here: nothing to compare.\n"
          "To run it: pip install -e '.[bridge]' (or ./dev setup), then "
          ".venv/bin/python benchmarks/parity_keras.py")
    sys.exit(0)

keras = parity.keras


def report_optimizers():
    worst = 0.0
    print(f"Optimizers: max relative error after {parity.STEPS} steps (honggong vs keras "
          f"{keras.__version__}, backend {keras.backend.backend()})")
    print(f"  {'setting':58s} {'random':>9s} {'state':>9s} {'x²/20+y²':>9s} {'state':>9s}")
    for class_name, kwargs in parity.OPTIMIZER_CASES:
        label = parity.case_label(class_name, kwargs)
        try:
            errors = parity.optimizer_errors(class_name, kwargs)
        except AssertionError as exc:          # the state names differ: say so and go on
            print(f"  {label}: state names differ from Keras' {exc}")
            worst = np.inf
            continue
        row = [*errors["random"], *errors["surface"]]
        worst = max(worst, *row)
        print(f"  {label:58s} " + " ".join(f"{v:9.2e}" for v in row))
    return worst


def report_losses_and_activations():
    worst = 0.0
    print("Losses: scaled error (max|diff|/max|keras|) of the value and of the gradient wrt y_pred")
    for name, y_true, y_pred in parity._loss_cases():
        value_err, grad_err = parity.loss_errors(name, y_true, y_pred)
        worst = max(worst, value_err, grad_err)
        print(f"  {name:30s} value {value_err:9.2e}   gradient {grad_err:9.2e}")
    print("Activations: scaled error of forward and of backward (vector-Jacobian product)")
    for name in parity.ACTIVATIONS:
        forward_err, backward_err = parity.activation_errors(name)
        worst = max(worst, forward_err, backward_err)
        print(f"  {name:12s} forward {forward_err:9.2e}   backward {backward_err:9.2e}")
    return worst


def report_train_on_batch():
    """Losses as max relative error per step; final weights per array as max|diff| / max|keras|
    (the two libraries sum the 784-long products in another order, and Adam/RMSprop's g/√v enlarge
    that float32 rounding for weights whose gradients are nearly zero), and as an elementwise ratio
    with a 1e-3 floor (printed in parentheses: it measures that noise, not the formulas)."""
    worst = 0.0
    print("train_on_batch, book 7-2 model, 3 steps of batch 32 "
          "(losses: max rel. error | weights: scaled error (elementwise ratio)):")
    for name, kwargs in parity.TRAIN_ON_BATCH_CASES:
        run = parity.train_on_batch_pair(name, kwargs)
        h_loss, k_loss = (np.array(v) for v in run["losses"])
        e_loss = parity.max_rel(h_loss, k_loss)
        e_w = max(parity.scaled_err(h, k) for h, k in run["weights"])
        e_ratio = max(parity.max_rel(h, k) for h, k in run["weights"])
        worst = max(worst, e_loss, e_w)
        print(f"  {name:8s} {e_loss:.1e} | {e_w:.1e} ({e_ratio:.1e})   "
              f"losses keras {np.round(k_loss, 6).tolist()}")
    return worst


def main():
    worst = max(report_optimizers(), report_losses_and_activations(), report_train_on_batch())
    verdict = "OK" if worst <= parity.TOLERANCE else "MISMATCH"
    print(f"worst error {worst:.2e} (tolerance {parity.TOLERANCE:g}): {verdict}")
    return 0 if worst <= parity.TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
