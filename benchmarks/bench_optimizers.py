"""How fast is one Adam step on the book's model? (µs per step, ratios measured in the same run)

The 7-2 model (Flatten → Dense(100, relu) → Dense(10, softmax)) has 79,510 weights; the model keeps
them in ONE flat float32 buffer and calls `opt.apply([grad], [params])` 1,500 times per epoch.

Compared, on the same gradients:
  naive     a plain numpy Adam written below (textbook form, new temporaries every step)
  readable  honggong Adam with fast_path=False (update_step, the formula learners read)
  fast      honggong Adam default (fast_update_step: out= into preallocated buffers)
and, for RMSprop (compile()'s default optimizer), readable vs fast.

The gradients imitate Fashion-MNIST: 30% of the weights (border pixels) get a gradient only
rarely, so their momentum decays towards subnormal floats, as in real training.

Run:  .venv/bin/python benchmarks/bench_optimizers.py [--steps 1500] [--rounds 3]
"""
import argparse
import time

import numpy as np

from honggong.optimizers import Adam, RMSprop

N_WEIGHTS = 79_510


def make_gradients(n_pool=64, seed=0):
    rng = np.random.default_rng(seed)
    pool = rng.normal(scale=1e-2, size=(n_pool, N_WEIGHTS)).astype(np.float32)
    rare = rng.random(N_WEIGHTS) < 0.3                   # "border pixels"
    for g in pool:
        g[rare & (rng.random(N_WEIGHTS) > 1 / 200)] = 0.0
    return pool


class NaiveAdam:
    """m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  w −= α·m/(√v + ε) — the straightforward way.

    Same formula as Keras (α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ), ε outside √v), so the end points can be
    compared; only the way the arithmetic is done differs (new temporaries, no denormal flush).
    """

    def __init__(self, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, b1, b2, eps, 0
        self.m = self.v = None

    def apply(self, grads, params):
        g, w = grads[0], params[0]
        if self.m is None:
            self.m, self.v = np.zeros_like(w), np.zeros_like(w)
        self.t += 1
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g * g
        alpha = self.lr * np.sqrt(1 - self.b2 ** self.t) / (1 - self.b1 ** self.t)
        w -= alpha * self.m / (np.sqrt(self.v) + self.eps)


def time_steps(opt, grads, steps):
    w = np.random.default_rng(1).normal(scale=0.05, size=N_WEIGHTS).astype(np.float32)
    n_pool = len(grads)
    start = time.perf_counter()
    for i in range(steps):
        opt.apply([grads[i % n_pool]], [w])
    return (time.perf_counter() - start) / steps * 1e6, w


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1500, help="steps per round (one epoch)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    grads = make_gradients()
    results = {"naive": [], "readable": [], "fast": []}
    finals = {}
    for _ in range(args.rounds):                         # interleaved rounds: fair under noise
        for name in results:
            if name == "naive":
                opt = NaiveAdam()
            else:
                opt = Adam()
                opt.fast_path = name == "fast"
            us, finals[name] = time_steps(opt, grads, args.steps)
            results[name].append(us)

    best = {name: min(times) for name, times in results.items()}
    print(f"Adam step on one flat float32 buffer of {N_WEIGHTS:,} weights, "
          f"{args.steps} steps x {args.rounds} rounds (best round):")
    for name in results:
        print(f"  {name:9s} {best[name]:8.1f} µs/step   ratio to naive {best[name] / best['naive']:.2f}"
              f"   (rounds: {', '.join(f'{t:.0f}' for t in results[name])})")
    print(f"  fast / readable = {best['fast'] / best['readable']:.2f}")
    same = np.array_equal(finals["fast"], finals["readable"])
    gap = np.abs(finals["fast"] - finals["naive"]).max()
    print(f"  fast and readable end bit-identical: {same};  max |fast - naive| = {gap:.2e}")

    # RMSprop is compile()'s default optimizer: same comparison, readable vs fast only.
    rms = {True: [], False: []}
    for _ in range(args.rounds):
        for fast in (False, True):
            opt = RMSprop()
            opt.fast_path = fast
            rms[fast].append(time_steps(opt, grads, args.steps)[0])
    print(f"RMSprop: readable {min(rms[False]):.1f} µs/step, fast {min(rms[True]):.1f} µs/step, "
          f"fast / readable = {min(rms[True]) / min(rms[False]):.2f}")


if __name__ == "__main__":
    main()
