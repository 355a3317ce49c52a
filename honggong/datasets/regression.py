"""실제 회귀 데이터: 당뇨병 진행도(diabetes) — 환자 442명, 특성 10개, 1년 뒤 진행도 1개.

Source: Efron, Hastie, Johnstone, Tibshirani (2004) "Least Angle Regression", Annals of Statistics;
the raw (unscaled) table as shipped in scikit-learn (BSD-3-Clause), stored in the repository as
``datasets/diabetes.csv`` and verified against ``datasets/registry.json``.

Columns: age, sex (1 or 2), bmi, bp (mean blood pressure), s1..s6 (six blood serum measurements),
target (a measure of disease progression one year after baseline, 25..346).

Fixed split, no randomness: row i (0-based, file order) is a test sample when ``i % 5 == 4``,
so 354 training and 88 test samples. The features are NOT standardized: that is the learner's step
(``mean = x_train.mean(axis=0); std = x_train.std(axis=0)``, then apply to both sets).
"""
import io

import numpy as np

from . import _fetch
from ._errors import DatasetError

FEATURE_NAMES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
TEST_EVERY = 5  # row i is in the test set when i % TEST_EVERY == TEST_EVERY - 1


def load_diabetes(path=None):
    """Load the diabetes table as ``((x_train, y_train), (x_test, y_test))``.

    x: float32 (354, 10) / (88, 10) in FEATURE_NAMES order; y: float32 (354,) / (88,).
    ``path`` defaults to the repository's ``datasets/diabetes.csv``; the file must match the registry.
    """
    entry = _fetch.spec("diabetes")["files"]["table"]
    file = _fetch.REGISTRY_PATH.parent / entry["filename"] if path is None else path
    try:
        data = open(file, "rb").read()
    except OSError as exc:
        raise DatasetError(f"expected the diabetes table at {file}, but it could not be read ({exc}).\n"
                           "힌트: 저장소의 datasets/diabetes.csv가 필요합니다.") from exc
    _fetch.check_content(data, entry, file)
    table = np.loadtxt(io.StringIO(data.decode("ascii")), delimiter=",", skiprows=1, dtype=np.float64)
    is_test = np.arange(len(table)) % TEST_EVERY == TEST_EVERY - 1
    x, y = table[:, :10].astype(np.float32), table[:, 10].astype(np.float32)
    return (x[~is_test], y[~is_test]), (x[is_test], y[is_test])
