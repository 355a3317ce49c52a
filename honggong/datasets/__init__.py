"""데이터셋: Keras와 같은 배열을 돌려주는 load_data()와 빠른 데모용 합성 데이터.

    from honggong.datasets import fashion_mnist, mnist, synthetic, regression
    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()

Files are verified against ``honggong/datasets/data/registry.json`` (shipped in the package); see
``datasets/README.md`` in the repository for sources,
licenses and where the files are looked for.
"""
from . import fashion_mnist, mnist, regression, synthetic
from ._errors import DatasetError, DatasetFileError, DatasetNotFoundError

__all__ = ["fashion_mnist", "mnist", "synthetic", "regression",
           "DatasetError", "DatasetFileError", "DatasetNotFoundError"]
