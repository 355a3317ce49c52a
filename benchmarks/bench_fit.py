"""Time per epoch of honggong's model.fit on the book's 7-2 model, against a plain numpy loop.

Model: Flatten -> Dense(100, relu) -> Dense(10, softmax), Adam, batch 32, 48,000 images of
28x28 (scaled /255) = 1,500 steps per epoch. Both are timed in the same run, alternating, so the
ratio is fair on a busy machine. honggong's epochs are timed by a callback inside fit(epochs=2), so
the once-per-fit checks (NaN scan, label check) are not counted as epoch time. The plain loop is what one would write by hand: per-batch gather,
straightforward Adam with temporaries, no flat buffers.

    .venv/bin/python benchmarks/bench_fit.py              # Fashion-MNIST if it loads, 3 rounds
    .venv/bin/python benchmarks/bench_fit.py --synthetic  # synthetic uint8 images of that shape
    .venv/bin/python benchmarks/bench_fit.py --verbose 1  # with the progress bar (the book's default)
    .venv/bin/python benchmarks/bench_fit.py --accuracy   # 5 epochs on Fashion-MNIST, val_accuracy

Threads: whatever OPENBLAS_NUM_THREADS the machine has (the script does not change it).
"""
import argparse
import math
import time

import numpy as np

from honggong import keras
from honggong.layers import reset_names

N_TRAIN = 48_000
BATCH = 32


def load_images(synthetic):
    """(x float32 in [0, 1] of shape (48000, 28, 28), y int labels).

    Real Fashion-MNIST when it loads (its empty border pixels matter: their Adam moments decay
    into slow subnormal floats), else synthetic uniform uint8 images with random labels.
    """
    if not synthetic:
        try:
            from honggong.datasets import fashion_mnist
            (x, y), _ = fashion_mnist.load_data()
            print("data: Fashion-MNIST, first 48,000 training images")
            return x[:N_TRAIN].astype(np.float32) / 255.0, y[:N_TRAIN]
        except Exception as e:            # no data files: fall back, and say so
            print(f"data: Fashion-MNIST not available ({type(e).__name__}: {e}); synthetic")
    else:
        print("data: synthetic uniform uint8 images, random labels")
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(N_TRAIN, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, size=N_TRAIN).astype(np.uint8)
    return x.astype(np.float32) / 255.0, y


def book_model():
    reset_names()
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(100, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


class PlainNumpyLoop:
    """The same model and Adam written the straightforward way (the baseline)."""

    def __init__(self, seed=0):
        rng = np.random.default_rng(seed)

        def glorot(n_in, n_out):
            limit = math.sqrt(6.0 / (n_in + n_out))
            return rng.uniform(-limit, limit, size=(n_in, n_out)).astype(np.float32)

        self.params = [glorot(784, 100), np.zeros(100, np.float32),
                       glorot(100, 10), np.zeros(10, np.float32)]
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]
        self.t = 0

    def step(self, xb, yb, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
        w1, b1_, w2, b2_ = self.params
        n = len(xb)
        h = np.maximum(xb @ w1 + b1_, 0)
        z = h @ w2 + b2_
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(np.clip(p[np.arange(n), yb], 1e-7, 1)).mean()
        dz = p.copy()
        dz[np.arange(n), yb] -= 1
        dz /= n
        dh = (dz @ w2.T) * (h > 0)
        grads = [xb.T @ dh, dh.sum(axis=0), h.T @ dz, dz.sum(axis=0)]
        self.t += 1
        alpha = lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        for p_, g, m, v in zip(self.params, grads, self.m, self.v):
            m += (1 - b1) * (g - m)
            v += (1 - b2) * (g * g - v)
            p_ -= alpha * m / (np.sqrt(v) + eps)
        return loss

    def epoch(self, x, y):
        x = x.reshape(len(x), -1)
        order = np.random.permutation(len(x))
        for start in range(0, len(x), BATCH):
            idx = order[start:start + BATCH]
            self.step(x[idx], y[idx].astype(np.intp))


def blas_floor_epoch(x, seed=0):
    """(wall, cpu) seconds for one epoch of the 7-2 model's matrix products alone (the BLAS floor).

    Per step of 32 images: x·W₁ (32×784 · 784×100), h·W₂, dz·W₂ᵀ, xᵀ·dh, hᵀ·dz — the five
    products a training step needs (dL/dx of the data is not needed), nothing else.
    """
    rng = np.random.default_rng(seed)
    w1 = rng.normal(size=(784, 100)).astype(np.float32)
    w2 = rng.normal(size=(100, 10)).astype(np.float32)
    x = x.reshape(len(x), -1)
    dh = np.ones((BATCH, 100), np.float32)
    dz = np.ones((BATCH, 10), np.float32)
    start, cpu = time.perf_counter(), time.process_time()
    for s in range(0, len(x), BATCH):
        xb = x[s:s + BATCH]
        h = xb @ w1
        h @ w2
        dz @ w2.T
        xb.T @ dh
        h.T @ dz
    return time.perf_counter() - start, time.process_time() - cpu


class EpochTimer(keras.callbacks.Callback):
    """Wall time and CPU time of every epoch (from on_epoch_begin to on_epoch_end)."""

    def __init__(self):
        super().__init__()
        self.wall, self.cpu = [], []

    def on_epoch_begin(self, epoch, logs=None):
        self._start = (time.perf_counter(), time.process_time())

    def on_epoch_end(self, epoch, logs=None):
        self.wall.append(time.perf_counter() - self._start[0])
        self.cpu.append(time.process_time() - self._start[1])


def _summary(name, ours, base):
    ours, base = np.array(ours), np.array(base)
    return (f"{name}: honggong median {np.median(ours):.3f} s/epoch "
            f"({np.median(ours) / 1500 * 1e6:.0f} us/step), plain loop {np.median(base):.3f}, "
            f"ratio {np.median(ours) / np.median(base):.2f}; best {ours.min():.3f} vs "
            f"{base.min():.3f} (ratio {ours.min() / base.min():.2f})")


def time_epochs(rounds, synthetic, verbose):
    """Alternate: 2 epochs of model.fit (timed per epoch by a callback), 2 plain-loop epochs.

    CPU time (time.process_time, all threads of this process) is printed next to wall time: on
    a machine shared with other jobs the wall time also counts the waits for a CPU.
    """
    x, y = load_images(synthetic)
    from honggong import models
    try:
        from threadpoolctl import threadpool_info
        blas = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    except ImportError:
        blas = "unknown (no threadpoolctl)"
    print(f"BLAS threads: plain loop {blas} (machine default); honggong fit limits them to "
          f"{models.BLAS_THREADS_IN_FIT} while it runs (models.BLAS_THREADS_IN_FIT)")
    model = book_model()
    plain = PlainNumpyLoop()
    model.fit(x[:3200], y[:3200], epochs=1, batch_size=BATCH, verbose=0)     # warm-up
    plain.epoch(x[:3200], y[:3200])
    wall, cpu, base_wall, base_cpu, floor, floor_cpu = [], [], [], [], [], []
    for r in range(rounds):
        timer = EpochTimer()
        model.fit(x, y, epochs=2, batch_size=BATCH, verbose=verbose, callbacks=[timer])
        wall += timer.wall
        cpu += timer.cpu
        for _ in range(2):
            t, c = time.perf_counter(), time.process_time()
            plain.epoch(x, y)
            base_wall.append(time.perf_counter() - t)
            base_cpu.append(time.process_time() - c)
        with models._blas_threads(models.BLAS_THREADS_IN_FIT):
            f_wall, f_cpu = blas_floor_epoch(x)
        floor.append(f_wall)
        floor_cpu.append(f_cpu)
        print(f"round {r + 1}: honggong fit {wall[-2]:.3f}, {wall[-1]:.3f} s/epoch "
              f"(cpu {cpu[-2]:.3f}, {cpu[-1]:.3f}); plain numpy loop {base_wall[-2]:.3f}, "
              f"{base_wall[-1]:.3f} s/epoch (cpu {base_cpu[-2]:.3f}, {base_cpu[-1]:.3f}); "
              f"BLAS floor {floor[-1]:.3f} s/epoch (cpu {floor_cpu[-1]:.3f})", flush=True)
    print(_summary("wall", wall, base_wall))
    print(_summary("cpu ", cpu, base_cpu))
    print(f"BLAS floor (the five matrix products alone, one thread): median {np.median(floor):.3f} "
          f"s/epoch (cpu {np.median(floor_cpu):.3f}); honggong / floor = "
          f"{np.median(wall) / np.median(floor):.2f} (cpu {np.median(cpu) / np.median(floor_cpu):.2f})")
    print("Target: <= 1.0 s/epoch, ratio about 0.75.")


def accuracy_run(epochs=5):
    from honggong.datasets import fashion_mnist
    (x, y), (x_test, y_test) = fashion_mnist.load_data()
    keras.utils.set_random_seed(42)
    model = book_model()
    t = time.perf_counter()
    history = model.fit(x / 255.0, y, epochs=epochs, validation_split=0.2, verbose=2)
    elapsed = time.perf_counter() - t
    val = history.history["val_accuracy"]
    print(f"val_accuracy per epoch: {[round(v, 4) for v in val]}")
    print(f"final val_accuracy {val[-1]:.4f} (book/Keras: about 0.87); "
          f"{elapsed / epochs:.2f} s/epoch incl. validation")
    loss, acc = model.evaluate(x_test / 255.0, y_test, verbose=0)
    print(f"test: loss {loss:.4f}, accuracy {acc:.4f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true",
                        help="time on synthetic images even if Fashion-MNIST is available")
    parser.add_argument("--verbose", type=int, default=0,
                        help="fit(verbose=...) while timing: 0 silent, 1 progress bar")
    parser.add_argument("--accuracy", action="store_true",
                        help="train 5 epochs on Fashion-MNIST with validation_split=0.2")
    args = parser.parse_args()
    if args.accuracy:
        accuracy_run()
    else:
        time_epochs(args.rounds, args.synthetic, args.verbose)


if __name__ == "__main__":
    main()
