"""3장. Dense와 Flatten: Dense 층의 계산과 파라미터 수."""
import numpy as np

from ... import layers
from ..core import Case, Exercise, Mistake
from . import normal


def _dense_layer(n_inputs, units):
    layer = layers.Dense(units, name="exercise_dense")
    layer.build((None, n_inputs))
    return layer


def _dense_forward_reference(x, kernel, bias):
    layer = _dense_layer(kernel.shape[0], kernel.shape[1])
    layer.set_weights([kernel, bias])
    return layer.forward(np.asarray(x, dtype=np.float32))


def _dense_params_reference(n_inputs, units):
    return _dense_layer(n_inputs, units).count_params()


EXERCISES = [
    Exercise(
        id="ch03-dense-forward",
        title="Dense 층의 정방향 계산",
        prompt="Dense 층이 하는 계산 $z = xW + b$를 쓰세요. x는 (샘플 수, 입력 수), kernel W는 (입력 수, 뉴런 수), "
               "bias b는 (뉴런 수,)입니다. 결과는 (샘플 수, 뉴런 수)입니다 (활성화 함수 없이).",
        signature="dense_forward(x, kernel, bias)",
        docstring="x: (batch, inputs), kernel: (inputs, units), bias: (units,) -> (batch, units)",
        solution="return x @ kernel + bias",
        reference=_dense_forward_reference,
        reference_name="honggong.layers.Dense.forward",
        cases=(
            Case("샘플 2개, 입력 3개, 뉴런 4개", (normal(7, (2, 3)), normal(8, (3, 4)), normal(9, (4,)))),
            Case("입력 3개, 뉴런 3개 (정사각형 kernel)", (normal(10, (4, 3)), normal(11, (3, 3)), normal(12, (3,)))),
            Case("샘플 1개 (배치 크기 1), 음수 입력", (-np.abs(normal(13, (1, 5))), normal(14, (5, 2)),
                                              normal(15, (2,)))),
        ),
        hints=(
            "행렬 곱은 `@`입니다. (batch, inputs) @ (inputs, units) = (batch, units).",
            "bias (units,)는 더하기만 하면 모든 샘플(행)에 브로드캐스팅됩니다: `x @ kernel + bias`.",
        ),
        mistakes=(
            Mistake("no-bias",
                    "절편(bias)을 더하지 않았습니다. 해결: return x @ kernel + bias",
                    lambda x, kernel, bias: x @ kernel),
            Mistake("transposed-kernel",
                    "kernel을 전치(kernel.T)해서 곱했습니다. honggong과 케라스의 kernel은 이미 (입력 수, 뉴런 수) "
                    "모양이라 x @ kernel이 맞습니다 (모양이 정사각형이면 오류 없이 틀린 값이 나옵니다).",
                    lambda x, kernel, bias: x @ kernel.T + bias),
        ),
    ),
    Exercise(
        id="ch03-dense-params",
        title="Dense 층의 파라미터 수",
        prompt="입력이 n_inputs개이고 뉴런이 units개인 Dense 층의 파라미터 수를 정수로 돌려주세요 "
               "(가중치와 절편을 모두 셉니다). 예: 입력 100개, 뉴런 10개 → ?",
        signature="dense_params(n_inputs, units)",
        docstring="n_inputs: 입력 특성 수, units: 뉴런 수 -> 파라미터 수 (int)",
        solution="return n_inputs * units + units",
        reference=_dense_params_reference,
        reference_name="honggong.layers.Dense(units).count_params()",
        cases=(
            Case("입력 100개, 뉴런 10개", (100, 10)),
            Case("입력 784개, 뉴런 100개 (6장의 은닉층)", (784, 100)),
            Case("입력 1개, 뉴런 1개", (1, 1)),
            Case("입력 10개, 뉴런 1개", (10, 1)),
        ),
        hints=(
            "뉴런 하나는 입력마다 가중치 하나씩, 그리고 절편(bias) 하나를 가집니다.",
            "가중치는 n_inputs × units개, 절편은 뉴런마다 하나라 units개입니다.",
        ),
        mistakes=(
            Mistake("no-bias",
                    "절편(bias)을 빼먹었습니다 (학습 노트의 '1,000개' 실수). 뉴런마다 절편이 하나씩 있습니다. "
                    "해결: n_inputs * units + units",
                    lambda n_inputs, units: n_inputs * units),
            Mistake("bias-per-input",
                    "절편을 입력마다 셌습니다. 절편은 입력이 아니라 뉴런(units)마다 하나입니다. "
                    "해결: n_inputs * units + units",
                    lambda n_inputs, units: n_inputs * units + n_inputs),
        ),
    ),
]
