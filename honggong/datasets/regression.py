"""실제 회귀 데이터: 당뇨병 진행도(diabetes) — 환자 442명, 특성 10개, 1년 뒤 진행도 1개.

Source: Efron, Hastie, Johnstone, Tibshirani (2004) "Least Angle Regression", Annals of Statistics;
the raw (unscaled) table as shipped in scikit-learn (BSD-3-Clause), shipped inside the package as
``honggong/datasets/data/diabetes.csv`` and verified against ``honggong/datasets/data/registry.json``.

Columns: age, sex (1 or 2), bmi, bp (mean blood pressure), s1..s6 (six blood serum measurements),
target (a measure of disease progression one year after baseline, 25..346).

Fixed split, no randomness: row i (0-based, file order) is a test sample when ``i % 5 == 4``,
so 354 training and 88 test samples. The features are NOT standardized: that is the learner's step
(``mean = x_train.mean(axis=0); std = x_train.std(axis=0)``, then apply to both sets).
"""
import io

import numpy as np

from ..backend import message
from . import _fetch
from ._errors import DatasetError

FEATURE_NAMES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
TEST_EVERY = 5  # row i is in the test set when i % TEST_EVERY == TEST_EVERY - 1


def load_diabetes(path=None):
    """Load the diabetes table as ``((x_train, y_train), (x_test, y_test))``.

    x: float32 (354, 10) / (88, 10) in FEATURE_NAMES order; y: float32 (354,) / (88,).
    ``path`` defaults to the copy shipped in the package; the file must match the registry.
    """
    entry = _fetch.spec("diabetes")["files"]["table"]
    file = _fetch.package_file(entry["filename"]) if path is None else _fetch.as_path(path)
    try:
        with open(file, "rb") as f:
            data = f.read()
    except OSError as exc:
        fix = ("honggong을 다시 설치하세요: `pip install --force-reinstall honggong` "
               "(패키지 안의 honggong/datasets/data/diabetes.csv가 빠졌습니다)." if path is None else
               "경로를 확인하거나 path 없이 load_diabetes()를 불러 패키지에 든 표를 쓰세요.")
        raise DatasetError(message(f"Expected the diabetes table at {file}, but it could not be read "
                                   f"({type(exc).__name__}: {exc}).", fix)) from exc
    _fetch.check_content(data, entry, file)
    table = np.loadtxt(io.StringIO(data.decode("ascii")), delimiter=",", skiprows=1, dtype=np.float64)
    is_test = np.arange(len(table)) % TEST_EVERY == TEST_EVERY - 1
    x, y = table[:, :10].astype(np.float32), table[:, 10].astype(np.float32)
    return (x[~is_test], y[~is_test]), (x[is_test], y[is_test])
