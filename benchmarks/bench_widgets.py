"""How fast does the optimizer explorer answer a slider?

    .venv/bin/python benchmarks/bench_widgets.py [changes]

Measures the time from ``explorer.lr_slider.value = v`` to the new PNG bytes in ``explorer.image``
(what the browser receives), for 1, 2 and 6 optimizers × 50 steps on the textbook bowl. Baseline,
measured in the same run: redrawing from scratch, i.e. a new figure with plots.plot_trajectories
and ``savefig(png)`` for every change. Also prints the parts of one redraw. Target: < 100 ms.

Then the playground (``widgets.Playground``): the time of one Play tick (``pg.play.value += 1``:
one epoch of ``model.fit`` on 100 points, ``evaluate`` on train and test, ``predict`` on the 50×50
grid, blitted redraw, PNG) for a small, a middle and the largest network the controls allow,
with batch sizes 10 and 1; baseline: the same tick with a full ``canvas.draw()`` instead of blitting.

    .venv/bin/python benchmarks/bench_widgets.py [changes] [--playground]   (--playground: only that part)
"""
import io
import os
import sys
import time

import numpy as np

import honggong
from honggong import plots, widgets


def median_p95(times):
    t = np.array(times) * 1000
    return float(np.median(t)), float(np.percentile(t, 95))


def time_slider(explorer, values, cpu=None):
    """Wall time per change; if ``cpu`` is a list, CPU time of this process per change is added to it
    (less disturbed when other jobs share the 2 cores)."""
    times = []
    for v in values:
        c0, t0 = time.process_time(), time.perf_counter()
        explorer.lr_slider.value = float(v)
        png = explorer.image.value
        times.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
        assert png[:4] == b"\x89PNG"
    return times


def time_from_scratch(optimizers, values, steps=50):
    times = []
    for v in values:
        t0 = time.perf_counter()
        trajs = [honggong.trajectory(name, steps=steps, learning_rate=float(v)) for name in optimizers]
        fig = plots.plot_trajectories(trajs)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=90)
        times.append(time.perf_counter() - t0)
    return times


def time_parts(explorer, repeats=10):
    parts = {"trajectories + artists (_update)": explorer._update,
             "blitted draw + PNG encode (_render)": explorer._render,
             "PNG encode only": lambda: widgets._canvas_png(explorer.fig.canvas)}
    out = {}
    for name, fn in parts.items():
        t = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            t.append(time.perf_counter() - t0)
        out[name] = float(np.median(t) * 1000)
    return out


def main(changes=30):
    values = np.geomspace(1e-3, 1.0, changes)[np.random.default_rng(0).permutation(changes)]
    print(f"optimizer explorer: slider change -> new PNG bytes, {changes} changes, 50 steps, bowl surface")
    print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"{'optimizers':<14}{'median ms':>10}{'p95 ms':>9}{'CPU ms':>8}{'from scratch ms':>17}{'speed-up':>10}")
    for chosen in (("sgd",), ("sgd", "adam"), widgets.OPTIMIZER_NAMES):
        ex = widgets.OptimizerExplorer(optimizers=chosen, steps=50)
        time_slider(ex, values[:3])                                   # warm-up
        cpu = []
        med, p95 = median_p95(time_slider(ex, values, cpu))
        base, _ = median_p95(time_from_scratch(chosen, values[: max(5, changes // 3)]))
        name = ", ".join(chosen) if len(chosen) < 3 else f"all {len(chosen)}"
        print(f"{name:<14}{med:>10.1f}{p95:>9.1f}{np.median(cpu) * 1000:>8.1f}{base:>17.1f}{base / med:>9.1f}x")
    print(f"PNG size: {len(ex.png) / 1024:.0f} KiB ({ex.fig.get_size_inches()[0] * ex.fig.dpi:.0f}"
          f"x{ex.fig.get_size_inches()[1] * ex.fig.dpi:.0f} px)")
    print("parts of one redraw with 6 optimizers (median ms):")
    for name, ms in time_parts(ex).items():
        print(f"  {name:<38}{ms:7.1f}")


PLAYGROUND_CASES = [
    ("xor 2-4-1 relu, batch 10", dict(dataset="xor", hidden_layers=1, units=4, activation="relu", batch_size=10)),
    ("spirals 3×8 tanh, batch 10", dict(dataset="spirals", hidden_layers=3, units=8, activation="tanh",
                                       batch_size=10, optimizer="adam", learning_rate=0.01)),
    ("spirals 4×16 +L2 +dropout, batch 10", dict(dataset="spirals", hidden_layers=4, units=16, l2=0.001,
                                                 dropout=0.2, batch_size=10, optimizer="adam", learning_rate=0.01)),
    ("spirals 4×16 +L2 +dropout, batch 1", dict(dataset="spirals", hidden_layers=4, units=16, l2=0.001,
                                                dropout=0.2, batch_size=1, optimizer="adam", learning_rate=0.01)),
]


def time_ticks(pg, ticks, cpu=None):
    times = []
    for _ in range(ticks):
        c0, t0 = time.process_time(), time.perf_counter()
        pg.play.value += 1
        _ = pg.image.value
        times.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
    return times


def bench_playground(ticks=30):
    print(f"\nplayground: one Play tick (= 1 epoch of fit on 100 points + evaluate + predict grid + PNG), "
          f"{ticks} ticks; load average {os.getloadavg()[0]:.1f}")
    print(f"{'network':<38}{'median ms':>10}{'p95 ms':>9}{'CPU ms':>8}{'full draw ms':>14}{'speed-up':>10}")
    for label, kw in PLAYGROUND_CASES:
        pg = widgets.Playground(max_epochs=10 * ticks + 10, **kw)
        time_ticks(pg, 3)                                       # warm-up
        cpu = []
        med, p95 = median_p95(time_ticks(pg, ticks, cpu))
        blit = pg._render
        pg._render = lambda: widgets._canvas_png(pg.fig.canvas) if pg.fig.canvas.draw() is None else b""
        for a in pg._animated:
            a.set_animated(False)
        full, _ = median_p95(time_ticks(pg, max(5, ticks // 3)))
        pg._render = blit
        print(f"{label:<38}{med:>10.1f}{p95:>9.1f}{np.median(cpu) * 1000:>8.1f}{full:>14.1f}{full / med:>9.1f}x")
    parts = {}
    for name, fn in [("model.fit, 1 epoch", lambda: pg.state["model"].fit(pg.x_train, pg.y_train, epochs=1, verbose=0,
                                                                         batch_size=int(pg.batch_slider.value))),
                     ("evaluate ×2 + predict 2,500 points", pg._measure),
                     ("update artists + blit + PNG", pg.redraw)]:
        t = []
        with widgets._one_blas_thread():          # as in Playground.step
            for _ in range(10):
                t0 = time.perf_counter()
                fn()
                t.append(time.perf_counter() - t0)
        parts[name] = float(np.median(t) * 1000)
    print(f"parts of one tick, last network (median ms); PNG {len(pg.png) / 1024:.0f} KiB:")
    for name, ms in parts.items():
        print(f"  {name:<38}{ms:7.1f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 30
    if "--playground" not in sys.argv:
        main(n)
    bench_playground(n)
