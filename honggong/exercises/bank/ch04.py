"""4장. 손실 함수: 희소 크로스엔트로피, MSE, Huber."""
import numpy as np

from ... import activations, losses
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _sparse_ce_reference(y_true, y_pred):
    return losses.SparseCategoricalCrossentropy()(y_true, y_pred)


def _mse_reference(y_true, y_pred):
    return losses.MeanSquaredError()(y_true, y_pred)


def _huber_reference(y_true, y_pred, delta=1.0):
    return losses.Huber(delta=delta)(y_true, y_pred)


def _picked(y_true, y_pred):
    return y_pred[np.arange(len(y_true)), y_true]


def _probs(seed, shape):
    z = normal(seed, shape, scale=2.0)
    return activations.softmax(z).astype(np.float32)


EXERCISES = [
    Exercise(
        id="ch04-sparse-ce",
        title="희소 범주형 크로스엔트로피",
        prompt="정수 레이블 y_true (샘플 수,)와 확률 y_pred (샘플 수, 클래스 수)로 "
               "sparse_categorical_crossentropy의 **평균** 손실을 계산하세요: 샘플마다 정답 클래스의 확률 p를 골라 "
               "$-\\log p$, 그리고 평균. 케라스처럼 p를 $[10^{-7}, 1-10^{-7}]$로 잘라(clip) log(0)을 막습니다.",
        signature="sparse_categorical_crossentropy(y_true, y_pred)",
        docstring="y_true: (batch,) 정수 레이블, y_pred: (batch, classes) 확률 -> 평균 손실 (float)",
        solution=("p = y_pred[np.arange(len(y_true)), y_true]   # 샘플마다 정답 클래스의 확률\n"
                  "p = np.clip(p, 1e-7, 1 - 1e-7)\n"
                  "return float(np.mean(-np.log(p)))"),
        reference=_sparse_ce_reference,
        reference_name="honggong.losses.SparseCategoricalCrossentropy()",
        cases=(
            Case("샘플 3개, 클래스 3개", (np.array([0, 2, 1]), f32([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6],
                                                                [0.25, 0.5, 0.25]]))),
            Case("정답 클래스의 확률이 0 (log(0)!)", (np.array([1, 0]), f32([[1.0, 0.0, 0.0],
                                                                          [0.5, 0.25, 0.25]]))),
            Case("샘플 1개 (배치 크기 1)", (np.array([3]), f32([[0.1, 0.2, 0.3, 0.4]]))),
            Case("샘플 6개, 클래스 10개 (float32)", (np.array([0, 9, 3, 3, 7, 1]), _probs(16, (6, 10)))),
        ),
        hints=(
            "샘플 i의 정답 확률은 `y_pred[i, y_true[i]]`입니다. 한 번에: `y_pred[np.arange(len(y_true)), y_true]`.",
            "확률이 0이면 log(0) = -inf입니다. `np.clip(p, 1e-7, 1 - 1e-7)`로 자른 뒤 log를 하세요. "
            "마지막에 합이 아니라 평균(`np.mean`)입니다.",
        ),
        mistakes=(
            Mistake("no-clipping",
                    "확률을 자르지(clip) 않아 정답 확률이 0인 샘플에서 log(0) = -inf, 손실이 inf가 되었습니다. "
                    "해결: p = np.clip(p, 1e-7, 1 - 1e-7) 다음에 -np.log(p). 케라스도 1e-7로 자릅니다.",
                    lambda y_true, y_pred: float(np.mean(-np.log(_picked(y_true, y_pred))))),
            Mistake("sum-not-mean",
                    "샘플 손실을 더하기만 하고 평균을 내지 않았습니다. 케라스의 손실은 배치 평균입니다 "
                    "(배치 크기가 달라도 비교할 수 있게). 해결: np.sum 대신 np.mean",
                    lambda y_true, y_pred: float(np.sum(-np.log(np.clip(_picked(y_true, y_pred),
                                                                         1e-7, 1 - 1e-7))))),
        ),
    ),
    Exercise(
        id="ch04-mse",
        title="평균 제곱 오차 (MSE)",
        prompt="회귀의 손실 MSE를 계산하세요: 오차 y_pred − y_true를 제곱해서 **모두 평균**한 숫자 하나입니다.",
        signature="mean_squared_error(y_true, y_pred)",
        docstring="y_true, y_pred: 같은 모양의 배열 -> 평균 제곱 오차 (float)",
        solution="return float(np.mean((y_pred - y_true) ** 2))",
        reference=_mse_reference,
        reference_name="honggong.losses.MeanSquaredError()",
        cases=(
            Case("샘플 4개, 출력 1개 (오차의 부호가 섞임)", (f32([[1.0], [2.0], [3.0], [4.0]]),
                                                  f32([[2.0], [1.0], [4.0], [3.0]]))),
            Case("샘플 2개, 출력 3개", (normal(17, (2, 3)), normal(18, (2, 3)))),
            Case("샘플 1개 (배치 크기 1), 음수 값", (f32([[-5.0]]), f32([[-2.0]]))),
        ),
        hints=(
            "오차 `e = y_pred - y_true`, 제곱은 `e ** 2`입니다.",
            "마지막에 `np.mean(...)`으로 숫자 하나를 만드세요.",
        ),
        mistakes=(
            Mistake("no-square",
                    "오차를 제곱하지 않고 평균했습니다. 그러면 +1과 -1 오차가 서로 지워져 손실이 0이 될 수 있어요. "
                    "해결: np.mean((y_pred - y_true) ** 2)",
                    lambda y_true, y_pred: float(np.mean(y_pred - y_true))),
            Mistake("absolute",
                    "제곱 대신 절댓값을 썼습니다: 그것은 MAE(평균 절대 오차)입니다. 해결: (y_pred - y_true) ** 2",
                    lambda y_true, y_pred: float(np.mean(np.abs(y_pred - y_true)))),
            Mistake("sum-not-mean",
                    "제곱 오차를 더하기만 하고 평균을 내지 않았습니다. 해결: np.sum 대신 np.mean",
                    lambda y_true, y_pred: float(np.sum((y_pred - y_true) ** 2))),
        ),
    ),
    Exercise(
        id="ch04-huber",
        title="Huber 손실",
        prompt="오차 e = y_pred − y_true에 대해 |e| ≤ delta이면 $0.5e^2$, 아니면 $\\delta|e| - 0.5\\delta^2$을 "
               "원소마다 계산해 평균하세요 (케라스 Huber, 기본 delta=1.0). 작은 오차는 MSE처럼, 큰 오차는 MAE처럼 "
               "다룹니다.",
        signature="huber(y_true, y_pred, delta=1.0)",
        docstring="y_true, y_pred: 같은 모양의 배열, delta: 경계 -> 평균 Huber 손실 (float)",
        solution=("e = np.abs(y_pred - y_true)\n"
                  "per_value = np.where(e <= delta, 0.5 * e ** 2, delta * e - 0.5 * delta ** 2)\n"
                  "return float(np.mean(per_value))"),
        reference=_huber_reference,
        reference_name="honggong.losses.Huber(delta)",
        cases=(
            Case("작은 오차 (모두 |e| ≤ 1)", (f32([[0.0], [1.0], [2.0]]), f32([[0.5], [0.8], [2.9]]))),
            Case("큰 오차 (|e| > 1)", (f32([[0.0], [0.0]]), f32([[3.0], [-5.0]]))),
            Case("섞인 오차, 샘플 2개 × 출력 3개", (normal(19, (2, 3)), normal(20, (2, 3), scale=3.0))),
            Case("delta=2.0, 샘플 1개", (f32([[1.0, -1.0]]), f32([[4.0, -0.5]])), {"delta": 2.0}),
        ),
        hints=(
            "`np.where(조건, 참일 때 값, 거짓일 때 값)`으로 두 식을 원소마다 고를 수 있습니다.",
            "`e = np.abs(y_pred - y_true)`; 작은 쪽 `0.5 * e**2`, 큰 쪽 `delta * e - 0.5 * delta**2`; 그리고 평균.",
        ),
        mistakes=(
            Mistake("no-half",
                    "작은 오차 쪽에서 0.5를 빠뜨렸습니다: e² 이 아니라 0.5·e² 입니다. 0.5가 있어야 |e| = delta에서 두 식이 "
                    "매끄럽게 이어집니다. 해결: 0.5 * e ** 2",
                    lambda y_true, y_pred, delta=1.0: float(np.mean(np.where(
                        np.abs(y_pred - y_true) <= delta, (y_pred - y_true) ** 2,
                        delta * np.abs(y_pred - y_true) - 0.5 * delta ** 2)))),
            Mistake("no-offset",
                    "큰 오차 쪽에서 -0.5·delta²를 빠뜨렸습니다: delta·|e| − 0.5·delta² 입니다. 이 항이 있어야 두 식이 "
                    "|e| = delta에서 만납니다.",
                    lambda y_true, y_pred, delta=1.0: float(np.mean(np.where(
                        np.abs(y_pred - y_true) <= delta, 0.5 * (y_pred - y_true) ** 2,
                        delta * np.abs(y_pred - y_true))))),
        ),
    ),
]
