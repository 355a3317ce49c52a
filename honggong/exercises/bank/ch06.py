"""6장. 패션 MNIST 분류: 정확도와 소프트맥스 + 크로스엔트로피의 기울기."""
import numpy as np

from ... import activations, losses, metrics
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _accuracy_reference(y_true, probs):
    return float(np.mean(metrics.sparse_categorical_accuracy(y_true, probs)))


def _probs(seed, shape):
    z = normal(seed, shape, scale=2.0)
    return activations.softmax(z).astype(np.float32)


def _softmax_ce_gradient_reference(labels, probs):
    return losses.softmax_crossentropy(labels, probs)[1]      # (loss, dlogits)


def _one_hot(labels, n):
    return np.eye(n, dtype=np.float32)[labels]


EXERCISES = [
    Exercise(
        id="ch06-accuracy",
        title="정확도 계산하기",
        prompt="모델이 낸 확률 probs (샘플 수, 클래스 수)에서 가장 큰 확률의 클래스를 예측으로 보고, 정수 레이블 "
               "y_true와 맞은 **비율**(0~1)을 돌려주세요. evaluate가 보여 주는 accuracy와 같습니다.",
        signature="accuracy(y_true, probs)",
        docstring="y_true: (batch,) 정수 레이블, probs: (batch, classes) -> 맞힌 비율 (float, 0~1)",
        solution=("predicted = np.argmax(probs, axis=-1)   # 샘플마다 가장 확률이 큰 클래스\n"
                  "return float(np.mean(predicted == y_true))"),
        reference=_accuracy_reference,
        reference_name="honggong.metrics.sparse_categorical_accuracy (평균)",
        cases=(
            Case("샘플 3개, 클래스 3개", (np.array([0, 1, 1]), f32([[0.8, 0.1, 0.1], [0.2, 0.7, 0.1],
                                                                [0.1, 0.1, 0.8]]))),
            Case("샘플 8개, 클래스 10개", (np.array([0, 9, 3, 3, 7, 1, 2, 5]), _probs(31, (8, 10)))),
            Case("샘플 1개 (배치 크기 1)", (np.array([2]), f32([[0.1, 0.2, 0.7]]))),
        ),
        hints=(
            "`np.argmax(probs, axis=-1)`은 샘플마다 가장 큰 값의 열 번호(예측 클래스)를 줍니다.",
            "`predicted == y_true`는 True/False 배열이고, 그 평균(`np.mean`)이 맞힌 비율입니다.",
        ),
        mistakes=(
            Mistake("wrong-axis",
                    "argmax의 축이 틀렸습니다: axis=0은 클래스마다 가장 확률이 큰 '샘플'을 찾습니다. 해결: "
                    "np.argmax(probs, axis=-1) (또는 axis=1)",
                    lambda y_true, probs: float(np.mean(np.argmax(probs, axis=0) == y_true))),
            Mistake("count-not-fraction",
                    "맞힌 개수를 돌려주었습니다. 정확도는 비율(0~1)입니다. 해결: np.sum 대신 np.mean",
                    lambda y_true, probs: float(np.sum(np.argmax(probs, axis=-1) == y_true))),
        ),
    ),
    Exercise(
        id="ch06-softmax-ce-grad",
        title="소프트맥스 + 크로스엔트로피의 기울기",
        prompt="출력층이 소프트맥스이고 손실이 (평균) 크로스엔트로피이면, 로짓 z에 대한 손실의 기울기는 아주 간단합니다: "
               "$\\partial L/\\partial z = (p - t)/n$ (p: 확률, t: 원-핫 레이블, n: 샘플 수). 정수 레이블 labels와 "
               "확률 probs로 이 기울기를 계산하세요. fit이 매 스텝 쓰는 값입니다.",
        signature="softmax_crossentropy_gradient(labels, probs)",
        docstring="labels: (batch,) 정수 레이블, probs: (batch, classes) 확률 -> (batch, classes) 기울기",
        solution=("n = len(labels)\n"
                  "t = np.zeros_like(probs)\n"
                  "t[np.arange(n), labels] = 1.0          # 원-핫 레이블\n"
                  "return (probs - t) / n"),
        reference=_softmax_ce_gradient_reference,
        reference_name="honggong.losses.softmax_crossentropy (dlogits)",
        cases=(
            Case("샘플 3개, 클래스 4개", (np.array([0, 3, 1]), _probs(32, (3, 4)))),
            Case("샘플 1개 (배치 크기 1)", (np.array([2]), f32([[0.2, 0.3, 0.5]]))),
            Case("샘플 5개, 클래스 10개", (np.array([9, 0, 4, 4, 1]), _probs(33, (5, 10)))),
        ),
        hints=(
            "원-핫 레이블 t를 만들고(정답 칸만 1) probs에서 빼세요.",
            "손실이 배치 평균이라 기울기도 샘플 수 n으로 나눕니다: `(probs - t) / len(labels)`.",
        ),
        mistakes=(
            Mistake("no-divide-by-n",
                    "샘플 수 n으로 나누지 않았습니다. 손실이 배치 평균이므로 기울기도 1/n이 곱해집니다. "
                    "해결: (probs - t) / len(labels)",
                    lambda labels, probs: probs - _one_hot(labels, probs.shape[-1])),
            Mistake("sign-flipped",
                    "부호가 반대입니다: (t − p)/n 이 아니라 (p − t)/n 입니다. 반대 부호로 경사 하강을 하면 손실이 "
                    "커집니다.",
                    lambda labels, probs: (_one_hot(labels, probs.shape[-1]) - probs) / len(labels)),
        ),
    ),
]
