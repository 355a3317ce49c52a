"""Fashion-MNIST: 70,000장의 28x28 흑백 패션 상품 이미지, 10개 클래스 (Zalando, MIT license).

``load_data()`` returns exactly what ``keras.datasets.fashion_mnist.load_data()`` returns::

    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
    x_train: uint8 (60000, 28, 28), pixel values 0..255     y_train: uint8 (60000,), labels 0..9
    x_test:  uint8 (10000, 28, 28)                          y_test:  uint8 (10000,)

Where the files are looked for, in order (the first place with all four files wins):

1. ``path`` — a folder with the four IDX files (``train-images-idx3-ubyte.gz`` ...); only that folder.
2. ``$HONGGONG_DATA/fashion_mnist/``, then ``$HONGGONG_DATA/``.
3. the automatic cache (a decompressed copy made by an earlier load): the repository's
   ``datasets/cache/fashion_mnist/`` in a checkout, else ``~/.cache/honggong/fashion_mnist/``
   (``$XDG_CACHE_HOME/honggong/...``; Windows ``%LOCALAPPDATA%\\honggong\\...``).
4. Debian's package: ``/usr/share/datasets/fashion-mnist/`` (``sudo apt-get install dataset-fashion-mnist``).
5. the per-user cache, when place 3 was the repository cache.
6. a download from the official mirrors (progress bar, verified, then renamed into place).

Every file is checked against the SHA-256 of its decompressed content in the registry shipped in the
package (``honggong/datasets/data/registry.json``). A damaged file in the automatic cache is replaced
from the next intact source, with a warning.
"""
from . import _fetch

# Label i means CLASS_NAMES_EN[i] (Keras / Zalando names) = CLASS_NAMES_KO[i] (혼공머신의 이름).
CLASS_NAMES_EN = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                  "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
CLASS_NAMES_KO = ["티셔츠", "바지", "스웨터", "드레스", "코트",
                  "샌달", "셔츠", "스니커즈", "가방", "앵클 부츠"]


def load_data(path=None):
    """Load Fashion-MNIST as ``((x_train, y_train), (x_test, y_test))``, uint8 arrays as in Keras.

    Args:
        path: optional folder holding the four IDX files (``.gz`` or decompressed). When given, only
            this folder is used. When None, the lookup order in the module docstring applies.

    Raises:
        DatasetNotFoundError: no place had the files and the download failed (lists every place tried).
        DatasetFileError: a file is corrupt or truncated (names the file, expected vs actual checksum).
    """
    a = _fetch.load_arrays("fashion_mnist", path)
    return (a["x_train"], a["y_train"]), (a["x_test"], a["y_test"])
