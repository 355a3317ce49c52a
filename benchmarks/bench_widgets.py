"""How fast does the optimizer explorer answer a slider?

    .venv/bin/python benchmarks/bench_widgets.py [changes]

Measures the time from ``explorer.lr_slider.value = v`` to the new PNG bytes in ``explorer.image``
(what the browser receives), for 1, 2 and 6 optimizers × 50 steps on the textbook bowl. Baseline,
measured in the same run: redrawing from scratch, i.e. a new figure with plots.plot_trajectories
and ``savefig(png)`` for every change. Also prints the parts of one redraw. Target: < 100 ms.
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
