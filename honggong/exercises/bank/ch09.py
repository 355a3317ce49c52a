"""9장. 회귀: MAE와 MSE의 기울기."""
import numpy as np

from ... import losses
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _mae_reference(y_true, y_pred):
    return losses.MeanAbsoluteError()(y_true, y_pred)


def _mse_gradient_reference(y_true, y_pred):
    return losses.MeanSquaredError().gradient(y_true, y_pred)


EXERCISES = [
    Exercise(
        id="ch09-mae",
        title="평균 절대 오차 (MAE)",
        prompt="회귀의 지표 MAE를 계산하세요: 오차 y_pred − y_true의 절댓값을 모두 평균한 숫자 하나입니다. "
               "단위가 타깃과 같아서 '평균적으로 몇만큼 틀리는가'로 읽을 수 있습니다.",
        signature="mean_absolute_error(y_true, y_pred)",
        docstring="y_true, y_pred: 같은 모양의 배열 -> 평균 절대 오차 (float)",
        solution="return float(np.mean(np.abs(y_pred - y_true)))",
        reference=_mae_reference,
        reference_name="honggong.losses.MeanAbsoluteError()",
        cases=(
            Case("샘플 4개 (오차의 부호가 섞임)", (f32([[10.0], [20.0], [30.0], [40.0]]),
                                          f32([[12.0], [18.0], [33.0], [37.0]]))),
            Case("샘플 3개 × 출력 2개", (normal(43, (3, 2), 50.0), normal(44, (3, 2), 50.0))),
            Case("샘플 1개 (배치 크기 1)", (f32([[151.0]]), f32([[140.5]]))),
        ),
        hints=(
            "절댓값은 `np.abs`입니다.",
            "`np.mean(np.abs(y_pred - y_true))`",
        ),
        mistakes=(
            Mistake("no-abs",
                    "절댓값 없이 평균했습니다. +2와 −2 오차가 서로 지워집니다. 해결: np.abs(y_pred - y_true)",
                    lambda y_true, y_pred: float(np.mean(y_pred - y_true))),
            Mistake("squared",
                    "오차를 제곱했습니다: 그것은 MSE입니다. MAE는 절댓값입니다.",
                    lambda y_true, y_pred: float(np.mean((y_pred - y_true) ** 2))),
        ),
    ),
    Exercise(
        id="ch09-mse-gradient",
        title="MSE 손실의 기울기",
        prompt="MSE 손실 $L = \\frac{1}{N}\\sum (y_{pred} - y_{true})^2$ (N: 값의 전체 개수)을 y_pred로 미분한 기울기를 "
               "계산하세요. 결과는 y_pred와 같은 모양입니다. 역전파가 출력층에서 시작하는 값입니다.",
        signature="mse_gradient(y_true, y_pred)",
        docstring="y_true, y_pred: 같은 모양의 배열 -> dL/dy_pred (같은 모양)",
        solution="return 2 * (y_pred - y_true) / y_pred.size",
        reference=_mse_gradient_reference,
        reference_name="honggong.losses.MeanSquaredError().gradient",
        cases=(
            Case("샘플 4개, 출력 1개", (f32([[1.0], [2.0], [3.0], [4.0]]), f32([[1.5], [1.0], [3.0], [6.0]]))),
            Case("샘플 2개 × 출력 3개", (normal(45, (2, 3)), normal(46, (2, 3)))),
            Case("샘플 1개 (배치 크기 1)", (f32([[-1.0]]), f32([[2.0]]))),
        ),
        hints=(
            "$\\frac{d}{dy}(y - t)^2 = 2(y - t)$, 그리고 평균이므로 N으로 나눕니다.",
            "N은 값 전체의 개수 `y_pred.size`입니다: `2 * (y_pred - y_true) / y_pred.size`.",
        ),
        mistakes=(
            Mistake("no-factor-two",
                    "2를 빠뜨렸습니다: (y − t)²을 미분하면 2(y − t)입니다.",
                    lambda y_true, y_pred: (y_pred - y_true) / y_pred.size),
            Mistake("sign-flipped",
                    "부호가 반대입니다: y_pred − y_true 순서로 빼야 합니다 (예측이 크면 기울기가 양수).",
                    lambda y_true, y_pred: 2 * (y_true - y_pred) / y_pred.size),
            Mistake("no-mean",
                    "N으로 나누지 않았습니다. 손실이 평균이므로 기울기도 1/N이 곱해집니다. 해결: / y_pred.size",
                    lambda y_true, y_pred: 2 * (y_pred - y_true)),
        ),
    ),
]
