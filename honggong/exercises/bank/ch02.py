"""2장. 활성화 함수: softmax, 렐루와 시그모이드의 도함수."""
import numpy as np

from ... import activations
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _relu_derivative_reference(x):
    return activations.get("relu").derivative(x)


def _sigmoid_derivative_reference(x):
    return activations.get("sigmoid").derivative(x)


def _softmax_axis0(z):
    return activations.softmax(z, axis=0)


def _softmax_global(z):
    return activations.softmax(np.ravel(z)).reshape(np.shape(z))


def _sigmoid(x):
    return activations.sigmoid(x)


SOFTMAX_AXIS = ("축(axis)을 잘못 골랐습니다: 각 샘플(행)의 확률 합이 1이 되어야 하는데 다른 방향으로 더했어요. "
                "해결: 최댓값과 합 모두 마지막 축에서 구하세요: z.max(axis=-1, keepdims=True), "
                "e.sum(axis=-1, keepdims=True).")

EXERCISES = [
    Exercise(
        id="ch02-softmax",
        title="소프트맥스 직접 짜기",
        prompt="로짓 묶음 z (샘플 수, 클래스 수)를 받아 마지막 축을 따라 소프트맥스 확률을 계산하세요: "
               "$\\mathrm{softmax}(z)_i = e^{z_i} / \\sum_j e^{z_j}$. 로짓이 1000처럼 커도 nan이 나오면 안 됩니다.",
        signature="softmax(z)",
        docstring="z: (batch, classes) 로짓 -> 같은 모양의 확률 (각 행의 합이 1)",
        solution=("shifted = z - z.max(axis=-1, keepdims=True)   # 가장 큰 값을 빼도 결과는 같고 넘치지 않습니다\n"
                  "e = np.exp(shifted)\n"
                  "return e / e.sum(axis=-1, keepdims=True)"),
        reference=activations.softmax,
        reference_name="honggong.activations.softmax",
        cases=(
            Case("작은 로짓 2개 샘플", (f32([[1.0, 2.0, 3.0], [0.5, 0.5, -1.0]]),)),
            Case("큰 로짓 (1000 근처)", (f32([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]]),)),
            Case("샘플 1개, 음수 로짓 (배치 크기 1)", (f32([[-3.0, -1.0, -2.0, -7.0]]),)),
            Case("float32 로짓 5개 샘플 × 10 클래스", (normal(4, (5, 10), scale=5.0),)),
        ),
        hints=(
            "각 행마다 `np.exp`를 하고 그 행의 합으로 나눕니다. `keepdims=True`를 쓰면 나눗셈이 행마다 맞게 "
            "브로드캐스팅됩니다.",
            "exp(1000)은 float32로 inf입니다. 각 행에서 가장 큰 값을 먼저 빼세요: "
            "`z - z.max(axis=-1, keepdims=True)`. 분자와 분모에 같은 수 e^(-max)가 곱해질 뿐이라 결과는 같습니다.",
            "`e = np.exp(z - z.max(axis=-1, keepdims=True))` 다음 `return e / e.sum(axis=-1, keepdims=True)`",
        ),
        mistakes=(
            Mistake("no-max-subtracted",
                    "가장 큰 값을 빼지 않아 큰 로짓에서 exp가 넘쳤습니다(overflow: exp(1000) = inf, inf/inf = nan). "
                    "해결: exp 전에 각 행의 최댓값을 빼세요: np.exp(z - z.max(axis=-1, keepdims=True)). "
                    "결과는 수학적으로 똑같습니다.",
                    lambda z: np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)),
            Mistake("wrong-axis", SOFTMAX_AXIS, _softmax_axis0),
            Mistake("no-axis", "축을 지정하지 않아 배열 전체를 한꺼번에 더했습니다. " + SOFTMAX_AXIS,
                    _softmax_global),
        ),
    ),
    Exercise(
        id="ch02-relu-derivative",
        title="렐루의 도함수",
        prompt="렐루 $f(x) = \\max(0, x)$의 도함수 $f'(x)$를 원소마다 계산하세요: x > 0이면 1, 아니면 0 "
               "(x = 0에서는 케라스처럼 0). 결과는 x와 같은 모양, 같은 dtype(float32)입니다.",
        signature="relu_derivative(x)",
        docstring="x: 배열 -> 같은 모양의 배열, 원소마다 f'(x) (1 또는 0)",
        solution="return (x > 0).astype(x.dtype)",
        reference=_relu_derivative_reference,
        reference_name='honggong.activations.get("relu").derivative',
        cases=(
            Case("음수, 0, 양수가 섞인 값", (f32([-2.0, -0.5, 0.0, 0.5, 3.0]),)),
            Case("2×3 float32 배열", (normal(5, (2, 3)),)),
            Case("값 하나짜리 배치", (f32([[0.0]]),)),
        ),
        hints=(
            "비교 `x > 0`은 True/False 배열을 만듭니다. 이것을 숫자로 바꾸면 1/0이 됩니다.",
            "`(x > 0).astype(x.dtype)`: dtype을 x와 같게(float32) 맞춥니다.",
        ),
        mistakes=(
            Mistake("returns-relu",
                    "도함수가 아니라 렐루 값 max(0, x) 자체를 돌려주었습니다. 도함수는 기울기라서 양수 구간에서 "
                    "x가 아니라 1입니다. 해결: (x > 0).astype(x.dtype)",
                    lambda x: np.maximum(x, 0)),
            Mistake("one-at-zero",
                    "x = 0에서 1을 돌려주었습니다 (x >= 0). 케라스와 honggong은 x = 0에서 0을 씁니다. "
                    "해결: x > 0으로 비교하세요.",
                    lambda x: (x >= 0).astype(x.dtype)),
        ),
    ),
    Exercise(
        id="ch02-sigmoid-derivative",
        title="시그모이드의 도함수",
        prompt="시그모이드 $\\sigma(x) = 1/(1+e^{-x})$의 도함수 $\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$를 계산하세요. "
               "x가 ±20처럼 커도 nan이 나오면 안 됩니다.",
        signature="sigmoid_derivative(x)",
        docstring="x: 배열 -> 같은 모양의 배열, 원소마다 σ'(x) (최댓값 0.25)",
        solution=("s = 1.0 / (1.0 + np.exp(-x))\n"
                  "return s * (1.0 - s)"),
        reference=_sigmoid_derivative_reference,
        reference_name='honggong.activations.get("sigmoid").derivative',
        cases=(
            Case("-3 ~ 3", (f32([-3.0, -1.0, 0.0, 1.0, 3.0]),)),
            Case("큰 값 ±20", (f32([-20.0, 20.0]),)),
            Case("2×3 float32 배열 (배치)", (normal(6, (2, 3), scale=2.0),)),
        ),
        hints=(
            "먼저 `s = 1 / (1 + np.exp(-x))`로 σ(x)를 구하세요.",
            "도함수는 x가 아니라 σ(x)로 쓰여 있습니다: `s * (1 - s)`.",
        ),
        mistakes=(
            Mistake("x-instead-of-sigma",
                    "σ(x) 대신 x를 그대로 넣었습니다: x·(1 − x). 공식의 σ는 시그모이드 값입니다. "
                    "해결: s = 1 / (1 + np.exp(-x))를 먼저 구하고 s * (1 - s)를 돌려주세요.",
                    lambda x: x * (1 - x)),
            Mistake("returns-sigmoid",
                    "도함수가 아니라 시그모이드 값 σ(x)를 돌려주었습니다. 해결: s * (1 - s)",
                    _sigmoid),
        ),
    ),
]
