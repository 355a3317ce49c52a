"""How long does fashion_mnist.load_data() take from local files?

    .venv/bin/python benchmarks/bench_load.py [repeats]

cold: no decompressed copy yet -> read Debian's .gz files, decompress, verify SHA-256, write the
      decompressed copy into a (temporary) cache.
warm: the decompressed copy exists -> read it into memory, verify SHA-256, no gzip.
baseline: the plain Keras-style reader measured in the same run (gzip.open + np.frombuffer, no checks).
Ratios < 1 mean faster than the baseline. The OS page cache is warm in all cases (the files were read
before); this measures our work, not the disk.
"""
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from honggong.datasets import _fetch, fashion_mnist

DEBIAN = Path("/usr/share/datasets/fashion-mnist")


def baseline_load(folder=DEBIAN):
    """The simplest reader: no checksums, no cache (what a tutorial would write)."""
    def read(name, offset):
        with gzip.open(folder / name, "rb") as f:
            return np.frombuffer(f.read(), np.uint8, offset=offset)
    y_train = read("train-labels-idx1-ubyte.gz", 8)
    x_train = read("train-images-idx3-ubyte.gz", 16).reshape(len(y_train), 28, 28)
    y_test = read("t10k-labels-idx1-ubyte.gz", 8)
    x_test = read("t10k-images-idx3-ubyte.gz", 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(repeats=5):
    if not (DEBIAN / "train-images-idx3-ubyte.gz").is_file():
        sys.exit("needs Debian's dataset-fashion-mnist: sudo apt-get install dataset-fashion-mnist")
    os.environ.pop("HONGGONG_DATA", None)  # measure the default lookup: repo cache, then Debian's files
    baseline_load()  # warm the OS page cache
    cold, warm, base = [], [], []
    original_cache = _fetch.REPO_CACHE
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            _fetch.REPO_CACHE = Path(tmp)
            try:
                cold.append(timed(lambda: fashion_mnist.load_data()))
                warm.append(timed(lambda: fashion_mnist.load_data()))
            finally:
                _fetch.REPO_CACHE = original_cache
        base.append(timed(baseline_load))
    b = statistics.median(base)
    print(f"Fashion-MNIST load_data(), median of {repeats} runs")
    print(f"  baseline (gzip + frombuffer, no checks) {b:.3f} s")
    for label, times in (("cold (.gz -> verify -> cache)", cold), ("warm (decompressed cache)", warm)):
        m = statistics.median(times)
        print(f"  {label:<32} {m:.3f} s   ratio vs baseline {m / b:.2f}x   (min {min(times):.3f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
