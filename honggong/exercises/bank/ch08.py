"""8장. 규제와 배치 정규화: L2 벌점의 기울기, 배치 정규화의 정방향 계산."""
import numpy as np

from ... import layers, regularizers
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _l2_gradient_reference(w, l2=0.01):
    return regularizers.L2(l2).gradient(w)


def _batchnorm_reference(x, gamma, beta, epsilon=1e-3):
    layer = layers.BatchNormalization(epsilon=epsilon, name="exercise_batch_normalization")
    n = x.shape[-1]
    layer.build((None, n))
    layer.set_weights([gamma, beta, np.zeros(n, np.float32), np.ones(n, np.float32)])
    return layer.forward(np.asarray(x, dtype=np.float32), training=True)


def _bn(x, gamma, beta, epsilon, axis=0, ddof=0, eps_outside=False):
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True, ddof=ddof)
    std = np.sqrt(var) + epsilon if eps_outside else np.sqrt(var + epsilon)
    return gamma * (x - mean) / std + beta


EXERCISES = [
    Exercise(
        id="ch08-l2-gradient",
        title="L2 규제 벌점의 기울기",
        prompt="L2 규제는 손실에 벌점 $\\lambda \\sum w^2$을 더합니다 (케라스 기본 λ = l2 = 0.01). 이 벌점을 "
               "가중치 w로 미분한 기울기를 원소마다 계산하세요.",
        signature="l2_gradient(w, l2=0.01)",
        docstring="w: 가중치 배열, l2: 규제 세기 λ -> 같은 모양의 기울기",
        solution="return 2 * l2 * w",
        reference=_l2_gradient_reference,
        reference_name="honggong.regularizers.L2(l2).gradient",
        cases=(
            Case("가중치 3×2 (음수 포함)", (normal(40, (3, 2)),)),
            Case("l2=0.1", (f32([1.0, -2.0, 0.0, 0.5]),), {"l2": 0.1}),
            Case("가중치 1개", (f32([[-3.0]]),)),
        ),
        hints=(
            "$\\frac{d}{dw}(\\lambda w^2) = 2\\lambda w$ 입니다.",
            "`return 2 * l2 * w` (l2는 파이썬 숫자라 w의 float32가 그대로 유지됩니다).",
        ),
        mistakes=(
            Mistake("no-factor-two",
                    "2를 빠뜨렸습니다: λw² 을 미분하면 2λw 입니다. (케라스 L2의 벌점은 λΣw², 1/2이 없습니다.) "
                    "해결: 2 * l2 * w",
                    lambda w, l2=0.01: l2 * w),
            Mistake("l1-sign",
                    "L1 규제의 기울기 λ·sign(w)를 썼습니다. L2는 w에 비례합니다: 2λw.",
                    lambda w, l2=0.01: l2 * np.sign(w)),
        ),
    ),
    Exercise(
        id="ch08-batchnorm-forward",
        title="배치 정규화의 정방향 계산 (훈련할 때)",
        prompt="훈련 중 배치 정규화는 특성(열)마다 배치의 평균 μ와 분산 σ² (샘플 수로 나눈 분산)을 구해 "
               "$\\hat{x} = (x - \\mu)/\\sqrt{\\sigma^2 + \\epsilon}$로 표준화하고 $y = \\gamma\\hat{x} + \\beta$를 "
               "돌려줍니다 (케라스 기본 ε = 1e-3).",
        signature="batchnorm_forward(x, gamma, beta, epsilon=1e-3)",
        docstring="x: (batch, features), gamma, beta: (features,) -> (batch, features)",
        solution=("mean = x.mean(axis=0)                    # 특성(열)마다, 배치 방향으로\n"
                  "var = ((x - mean) ** 2).mean(axis=0)     # 샘플 수로 나눈 분산\n"
                  "x_hat = (x - mean) / np.sqrt(var + epsilon)\n"
                  "return gamma * x_hat + beta"),
        reference=_batchnorm_reference,
        reference_name="honggong.layers.BatchNormalization().forward(x, training=True)",
        atol=1e-5, rtol=1e-4,
        cases=(
            Case("샘플 4개 × 특성 3개", (normal(41, (4, 3), 3.0), f32([1.0, 2.0, 0.5]), f32([0.0, -1.0, 1.0]))),
            Case("분산이 아주 작은 특성 (ε이 중요해지는 곳)",
                 (f32([[1.00, 5.0], [1.01, 6.0], [0.99, 7.0]]), f32([1.0, 1.0]), f32([0.0, 0.0]))),
            Case("샘플 6개 × 특성 2개, epsilon=0.01",
                 (normal(42, (6, 2)), f32([0.5, 1.5]), f32([0.1, 0.2])), {"epsilon": 0.01}),
        ),
        hints=(
            "평균과 분산은 특성마다 구합니다: 샘플 방향인 `axis=0`.",
            "분산은 샘플 수로 나눕니다 (`np.var(x, axis=0)`의 기본값, ddof=0). ε은 루트 **안**: "
            "`np.sqrt(var + epsilon)`.",
        ),
        mistakes=(
            Mistake("per-sample-axis",
                    "샘플(행)마다 평균과 분산을 구했습니다 (axis=1). 배치 정규화는 특성(열)마다, 배치 방향으로 구합니다. "
                    "해결: axis=0",
                    lambda x, gamma, beta, epsilon=1e-3: _bn(x, gamma, beta, epsilon, axis=1)),
            Mistake("epsilon-outside-root",
                    "ε을 루트 밖에 더했습니다: σ + ε. 케라스는 √(σ² + ε)입니다. 분산이 작은 특성에서 차이가 큽니다.",
                    lambda x, gamma, beta, epsilon=1e-3: _bn(x, gamma, beta, epsilon, eps_outside=True)),
            Mistake("unbiased-variance",
                    "분산을 n − 1로 나누었습니다 (ddof=1, 표본 분산). 배치 정규화는 n으로 나눕니다. "
                    "해결: np.var(x, axis=0) (ddof=0)",
                    lambda x, gamma, beta, epsilon=1e-3: _bn(x, gamma, beta, epsilon, ddof=1)),
        ),
    ),
]
