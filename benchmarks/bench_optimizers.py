"""How fast is one optimizer step on the book's model? (µs per step, ratios measured in the same run)

The 7-2 model (Flatten → Dense(100, relu) → Dense(10, softmax)) has 79,510 weights; `fit` keeps
them in ONE flat float32 buffer and calls `opt.apply(grads, params)` on it 1,500 times per epoch.

Compared, on the same gradients:
  naive     a plain numpy Adam written below (textbook form, new temporaries every step)
  honggong  honggong's Adam (its one in-place update_step) on the flat buffer, as fit runs it
  4 arrays  the same Adam on the model's four weight arrays (what fit would do without the buffer)
and RMSprop (compile()'s default optimizer) and SGD, flat buffer vs four arrays.

The gradients imitate Fashion-MNIST: 30% of the weights (border pixels) get a gradient only
rarely, so their momentum decays towards subnormal floats, as in real training.

Run:  .venv/bin/python benchmarks/bench_optimizers.py [--steps 1500] [--rounds 3]
"""
import argparse
import time

import numpy as np

from honggong.optimizers import SGD, Adam, RMSprop

N_WEIGHTS = 79_510
SHAPES = [(784, 100), (100,), (100, 10), (10,)]       # the model's four weight arrays


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
        g, w = grads, params                             # one flat array each
        if self.m is None:
            self.m, self.v = np.zeros_like(w), np.zeros_like(w)
        self.t += 1
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g * g
        alpha = self.lr * np.sqrt(1 - self.b2 ** self.t) / (1 - self.b1 ** self.t)
        w -= alpha * self.m / (np.sqrt(self.v) + self.eps)


def split(flat):
    """Views of the flat array shaped like the model's four weights (copies, so they are separate)."""
    out, offset = [], 0
    for shape in SHAPES:
        size = int(np.prod(shape))
        out.append(flat[offset:offset + size].reshape(shape).copy())
        offset += size
    return out


def time_steps(opt, grads, steps, four_arrays=False):
    w = np.random.default_rng(1).normal(scale=0.05, size=N_WEIGHTS).astype(np.float32)
    params = split(w) if four_arrays else w
    pool = [split(g) for g in grads] if four_arrays else list(grads)
    n_pool = len(pool)
    start = time.perf_counter()
    for i in range(steps):
        opt.apply(pool[i % n_pool], params)
    elapsed = (time.perf_counter() - start) / steps * 1e6
    return elapsed, (np.concatenate([p.ravel() for p in params]) if four_arrays else w)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1500, help="steps per round (one epoch)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    grads = make_gradients()
    makers = {"naive": NaiveAdam, "honggong": Adam, "4 arrays": Adam}
    results = {name: [] for name in makers}
    finals = {}
    for _ in range(args.rounds):                         # interleaved rounds: fair under noise
        for name, make in makers.items():
            us, finals[name] = time_steps(make(), grads, args.steps, four_arrays=name == "4 arrays")
            results[name].append(us)

    best = {name: min(times) for name, times in results.items()}
    print(f"Adam step, {N_WEIGHTS:,} float32 weights, "
          f"{args.steps} steps x {args.rounds} rounds (best round):")
    for name in results:
        print(f"  {name:9s} {best[name]:8.1f} µs/step   ratio to naive {best[name] / best['naive']:.2f}"
              f"   (rounds: {', '.join(f'{t:.0f}' for t in results[name])})")
    same = np.array_equal(finals["honggong"], finals["4 arrays"])
    gap = np.abs(finals["honggong"] - finals["naive"]).max()
    print(f"  flat buffer and 4 arrays end bit-identical: {same};  max |honggong - naive| = {gap:.2e}")

    for cls in (RMSprop, SGD):                           # RMSprop: compile()'s default
        times = {False: [], True: []}
        for _ in range(args.rounds):
            for four in (False, True):
                times[four].append(time_steps(cls(), grads, args.steps, four_arrays=four)[0])
        print(f"{cls.__name__}: flat buffer {min(times[False]):.1f} µs/step, "
              f"4 arrays {min(times[True]):.1f} µs/step")


if __name__ == "__main__":
    main()
