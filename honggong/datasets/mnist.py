"""MNIST: 70,000장의 28x28 흑백 손글씨 숫자 이미지 (Yann LeCun, Corinna Cortes; CC BY-SA 3.0).

``load_data()`` returns exactly what ``keras.datasets.mnist.load_data()`` returns::

    (x_train, y_train), (x_test, y_test) = mnist.load_data()
    x_train: uint8 (60000, 28, 28)   y_train: uint8 (60000,)   x_test: (10000, 28, 28)   y_test: (10000,)

Where the files are looked for, in order (the first place with all four IDX files wins):

1. ``path`` — a Keras-style ``mnist.npz`` file, a folder containing ``mnist.npz``, or a folder with the
   four IDX files (``train-images-idx3-ubyte.gz`` ...). When given, only that is used.
2. ``$HONGGONG_DATA/mnist/``, then ``$HONGGONG_DATA/``.
3. the automatic cache: the repository's ``datasets/cache/mnist/`` in a checkout, else the per-user
   cache ``~/.cache/honggong/mnist/`` (or ``$XDG_CACHE_HOME/honggong/mnist/``).
4. the per-user cache, when place 3 was the repository cache.
5. a download of the IDX files from the mirrors in the package's registry into the per-user cache.

Note: Keras' own ``path`` argument is a cache file name; here it is a local file or folder.
The SHA-256 of MNIST's decompressed files could not be verified when the registry was written, so
only their sizes and IDX headers are checked; a ``mnist.npz`` is checked against Keras' published hash.
"""
import hashlib
from pathlib import Path

import numpy as np

from . import _fetch
from ._errors import DatasetFileError

NPZ_KEYS = {"x_train": (60000, 28, 28), "y_train": (60000,), "x_test": (10000, 28, 28), "y_test": (10000,)}


def load_data(path=None):
    """Load MNIST as ``((x_train, y_train), (x_test, y_test))``, uint8 arrays as in Keras.

    Args:
        path: optional ``mnist.npz`` file, folder with ``mnist.npz``, or folder with the four IDX files.

    Raises:
        DatasetNotFoundError: nothing found and the download failed (lists every place tried).
        DatasetFileError: a file is corrupt or truncated, or an npz has the wrong keys/shapes/checksum.
    """
    if path is not None:
        npz = _fetch.as_path(path).expanduser()
        if npz.is_dir():
            npz = npz / "mnist.npz"
        if npz.suffix == ".npz" and npz.is_file():
            return load_npz(npz)
    a = _fetch.load_arrays("mnist", path)
    return (a["x_train"], a["y_train"]), (a["x_test"], a["y_test"])


def load_npz(file, sha256=None):
    """Read a Keras-style ``mnist.npz`` (keys x_train, y_train, x_test, y_test), checking it first.

    ``sha256`` defaults to the hash in the registry; pass ``""`` to skip the file-hash check
    (e.g. for an npz you wrote yourself). Shapes and dtypes are always checked.
    """
    file = Path(file)
    if sha256 is None:
        sha256 = _fetch.spec("mnist")["npz"]["file_sha256"]
    if sha256:
        actual = hashlib.sha256(file.read_bytes()).hexdigest()
        if actual != sha256:
            raise DatasetFileError(
                f"{file}: SHA-256 checksum mismatch: expected {sha256} (Keras' mnist.npz), received {actual}.\n"
                "해결: 파일을 지우고 다시 내려받으세요. 직접 만든 npz라면 load_npz(file, sha256='')로 읽으세요."
            )
    try:
        with np.load(file, allow_pickle=False) as f:
            arrays = {key: f[key] for key in NPZ_KEYS if key in f.files}
    except Exception as exc:  # zipfile.BadZipFile, EOFError, ValueError ...
        raise DatasetFileError(f"{file}: not a readable .npz file ({type(exc).__name__}: {exc}).\n"
                               "해결: 파일이 손상되었습니다 — 지우고 다시 내려받으세요.") from exc
    for key, shape in NPZ_KEYS.items():
        if key not in arrays:
            raise DatasetFileError(f"{file}: expected the keys {list(NPZ_KEYS)}, key {key!r} is missing.\n"
                                   "힌트: Keras 형식의 mnist.npz가 아닙니다.")
        if arrays[key].shape != shape or arrays[key].dtype != np.uint8:
            raise DatasetFileError(f"{file}: expected {key} to be uint8 {shape}, received "
                                   f"{arrays[key].dtype} {arrays[key].shape}.")
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
