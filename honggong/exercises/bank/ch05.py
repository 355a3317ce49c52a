"""5장. 옵티마이저: 모멘텀, Adam, RMSprop의 한 스텝 (케라스 3 공식)."""
import numpy as np

from ... import optimizers
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _copies(*arrays):
    return [np.array(a, dtype=np.float32) for a in arrays]


def _momentum_reference(w, v, g, learning_rate, momentum):
    w, v, g = _copies(w, v, g)
    opt = optimizers.SGD(learning_rate=learning_rate, momentum=momentum)
    opt.update_step(g, w, np.float32(learning_rate), momentum=v)
    return w, v


def _adam_reference(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    w, m, v, g = _copies(w, m, v, g)
    opt = optimizers.Adam(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon)
    opt.iterations = int(t) - 1          # update_step uses t = iterations + 1
    opt.update_step(g, w, np.float32(learning_rate), momentum=m, velocity=v)
    return w, m, v


def _rmsprop_reference(w, v, g, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    w, v, g = _copies(w, v, g)
    opt = optimizers.RMSprop(learning_rate=learning_rate, rho=rho, epsilon=epsilon)
    opt.update_step(g, w, np.float32(learning_rate), velocity=v)
    return w, v


# ---- planted mistakes (wrong on purpose) ---------------------------------------------------
def _momentum_pytorch(w, v, g, learning_rate, momentum):
    v = momentum * v + g
    return w - learning_rate * v, v


def _momentum_old_velocity(w, v, g, learning_rate, momentum):
    return w + v, momentum * v - learning_rate * g


def _adam_moments(m, v, g, beta_1, beta_2):
    return beta_1 * m + (1 - beta_1) * g, beta_2 * v + (1 - beta_2) * g ** 2


def _adam_no_bias_correction(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m, v = _adam_moments(m, v, g, beta_1, beta_2)
    return w - learning_rate * m / (np.sqrt(v) + epsilon), m, v


def _adam_eps_inside(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m, v = _adam_moments(m, v, g, beta_1, beta_2)
    alpha = learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)
    return w - alpha * m / np.sqrt(v + epsilon), m, v


def _adam_textbook(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m, v = _adam_moments(m, v, g, beta_1, beta_2)
    m_hat, v_hat = m / (1 - beta_1 ** t), v / (1 - beta_2 ** t)
    return w - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon), m, v


def _rmsprop_eps_outside(w, v, g, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    v = rho * v + (1 - rho) * g ** 2
    return w - learning_rate * g / (np.sqrt(v) + epsilon), v


def _rmsprop_no_one_minus_rho(w, v, g, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    v = rho * v + g ** 2
    return w - learning_rate * g / np.sqrt(v + epsilon), v


W3 = f32([0.5, -1.0, 2.0])
G3 = f32([0.1, -0.3, 2.0])

EXERCISES = [
    Exercise(
        id="ch05-momentum-step",
        title="모멘텀 SGD 한 스텝 (케라스 방식)",
        prompt="케라스 SGD(momentum=μ)의 한 스텝을 쓰세요: 속도 $m \\leftarrow \\mu m - \\eta g$, 그리고 "
               "$w \\leftarrow w + m$. 새 (w, m)을 돌려줍니다 (η = learning_rate).",
        signature="sgd_momentum_step(w, m, g, learning_rate, momentum)",
        docstring="w: 가중치, m: 속도, g: 기울기 (같은 모양) -> (새 w, 새 m)",
        solution=("m = momentum * m - learning_rate * g\n"
                  "w = w + m\n"
                  "return w, m"),
        reference=_momentum_reference,
        reference_name="honggong.optimizers.SGD(momentum=...).update_step",
        cases=(
            Case("첫 스텝 (m = 0)", (W3, f32([0.0, 0.0, 0.0]), G3, 0.1, 0.9)),
            Case("이미 속도가 있을 때", (W3, f32([0.2, -0.1, 0.05]), G3, 0.01, 0.9)),
            Case("2×2 가중치, 음수 기울기", (normal(21, (2, 2)), normal(22, (2, 2), 0.1),
                                       -np.abs(normal(23, (2, 2))), 0.05, 0.5)),
            Case("가중치 1개", (f32([1.0]), f32([0.3]), f32([-2.0]), 0.1, 0.99)),
        ),
        hints=(
            "먼저 속도를 새로 구하고(m = μ·m − η·g), 그 새 속도를 w에 더합니다.",
            "케라스 방식에서는 학습률이 속도 안에 들어갑니다: `m = momentum * m - learning_rate * g`, "
            "`w = w + m`.",
        ),
        mistakes=(
            Mistake("pytorch-form",
                    "파이토치(PyTorch) 방식 m = μm + g; w = w − η·m 으로 썼습니다. 케라스는 학습률을 속도 안에 넣습니다: "
                    "m = μm − η·g; w = w + m. 학습률이 일정하면 w는 같게 움직이지만 m에 저장되는 값이 다르고, "
                    "학습률을 바꾸면 궤적도 달라집니다. 해결: m = momentum * m - learning_rate * g 다음 w = w + m",
                    _momentum_pytorch),
            Mistake("old-velocity",
                    "w를 갱신할 때 새 속도가 아니라 이전 속도 m을 더했습니다. 해결: m을 먼저 새로 구한 다음 w = w + m",
                    _momentum_old_velocity),
        ),
    ),
    Exercise(
        id="ch05-adam-step",
        title="Adam 한 스텝 (케라스 방식)",
        prompt="케라스 Adam의 t번째 스텝(t는 1부터)을 쓰세요: $m \\leftarrow \\beta_1 m + (1-\\beta_1)g$, "
               "$v \\leftarrow \\beta_2 v + (1-\\beta_2)g^2$, 편향 보정을 학습률에 넣은 "
               "$\\alpha = \\eta\\sqrt{1-\\beta_2^t}/(1-\\beta_1^t)$, 그리고 $w \\leftarrow w - \\alpha m/(\\sqrt{v}+\\epsilon)$. "
               "새 (w, m, v)를 돌려줍니다.",
        signature="adam_step(w, m, v, g, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)",
        docstring="w, m, v, g: 같은 모양의 배열, t: 스텝 번호 (1부터) -> (새 w, 새 m, 새 v)",
        solution=("m = beta_1 * m + (1 - beta_1) * g\n"
                  "v = beta_2 * v + (1 - beta_2) * g ** 2\n"
                  "alpha = learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)   # 편향 보정\n"
                  "w = w - alpha * m / (np.sqrt(v) + epsilon)                            # ε은 루트 밖\n"
                  "return w, m, v"),
        reference=_adam_reference,
        reference_name="honggong.optimizers.Adam().update_step",
        rtol=1e-5, atol=1e-6,
        cases=(
            Case("첫 스텝 (t=1, m = v = 0)", (W3, f32([0, 0, 0]), f32([0, 0, 0]), G3, 1)),
            Case("아주 작은 기울기 1e-5 (ε이 중요해지는 곳)", (W3, f32([0, 0, 0]), f32([0, 0, 0]),
                                                       f32([1e-5, -2e-5, 5e-6]), 1)),
            Case("5번째 스텝, m과 v가 있을 때, learning_rate=0.01",
                 (normal(24, (2, 3)), normal(25, (2, 3), 0.1), np.abs(normal(26, (2, 3), 0.01)),
                  normal(27, (2, 3)), 5), {"learning_rate": 0.01}),
            Case("100번째 스텝, 가중치 1개", (f32([1.0]), f32([0.05]), f32([0.002]), f32([-0.2]), 100)),
        ),
        hints=(
            "m과 v를 먼저 갱신하고, 그 새 값으로 w를 갱신합니다. 처음 몇 스텝은 m과 v가 0 근처라 작게 나오므로 "
            "편향 보정이 필요합니다.",
            "케라스는 편향 보정을 학습률에 넣습니다: `alpha = learning_rate * np.sqrt(1 - beta_2**t) / (1 - beta_1**t)`. "
            "그리고 ε은 루트 밖에 더합니다: `np.sqrt(v) + epsilon`.",
        ),
        mistakes=(
            Mistake("no-bias-correction",
                    "편향 보정(bias correction)을 빠뜨렸습니다. m과 v는 0에서 시작해서 처음 스텝들에서 너무 작습니다. "
                    "해결: alpha = learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)로 w를 갱신하세요.",
                    _adam_no_bias_correction),
            Mistake("epsilon-inside-root",
                    "ε을 루트 안에 넣었습니다: √(v + ε). 케라스 Adam은 루트 밖에 더합니다: √v + ε. 기울기가 아주 작을 때 "
                    "차이가 커집니다. (루트 안에 넣는 것은 케라스 RMSprop의 방식이에요.) 해결: np.sqrt(v) + epsilon",
                    _adam_eps_inside),
            Mistake("textbook-epsilon",
                    "논문식 m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), w −= η·m̂/(√v̂ + ε)으로 썼습니다. 케라스는 보정을 학습률 α에 "
                    "넣고 ε을 보정 안 된 √v에 더합니다 (ε-hat). 기울기가 아주 작으면 결과가 달라집니다. "
                    "해결: alpha = learning_rate * np.sqrt(1 - beta_2**t) / (1 - beta_1**t); "
                    "w = w - alpha * m / (np.sqrt(v) + epsilon)",
                    _adam_textbook),
        ),
    ),
    Exercise(
        id="ch05-rmsprop-step",
        title="RMSprop 한 스텝 (케라스 방식)",
        prompt="케라스 RMSprop의 한 스텝을 쓰세요: $v \\leftarrow \\rho v + (1-\\rho)g^2$, "
               "$w \\leftarrow w - \\eta g/\\sqrt{v + \\epsilon}$ (케라스 RMSprop은 ε을 루트 **안**에 둡니다). "
               "새 (w, v)를 돌려줍니다.",
        signature="rmsprop_step(w, v, g, learning_rate=0.001, rho=0.9, epsilon=1e-7)",
        docstring="w, v, g: 같은 모양의 배열 -> (새 w, 새 v)",
        solution=("v = rho * v + (1 - rho) * g ** 2\n"
                  "w = w - learning_rate * g / np.sqrt(v + epsilon)\n"
                  "return w, v"),
        reference=_rmsprop_reference,
        reference_name="honggong.optimizers.RMSprop().update_step",
        cases=(
            Case("첫 스텝 (v = 0)", (W3, f32([0, 0, 0]), G3)),
            Case("아주 작은 기울기 1e-4 (ε이 중요해지는 곳)", (W3, f32([0, 0, 0]), f32([1e-4, -1e-4, 3e-4]))),
            Case("v가 있을 때, learning_rate=0.01, rho=0.8",
                 (normal(28, (2, 2)), np.abs(normal(29, (2, 2), 0.1)), normal(30, (2, 2))),
                 {"learning_rate": 0.01, "rho": 0.8}),
        ),
        hints=(
            "v는 기울기 제곱의 이동 평균입니다: `rho * v + (1 - rho) * g ** 2`.",
            "케라스 RMSprop은 `np.sqrt(v + epsilon)`으로 나눕니다 (Adam과 달리 ε이 루트 안).",
        ),
        mistakes=(
            Mistake("epsilon-outside-root",
                    "ε을 루트 밖에 더했습니다: √v + ε. 케라스 RMSprop은 루트 안에 넣습니다: √(v + ε). 기울기가 아주 "
                    "작을 때 차이가 큽니다. 해결: np.sqrt(v + epsilon)",
                    _rmsprop_eps_outside),
            Mistake("no-one-minus-rho",
                    "g²에 (1 − ρ)를 곱하지 않았습니다. 이동 평균은 ρ·v + (1 − ρ)·g² 입니다.",
                    _rmsprop_no_one_minus_rho),
        ),
    ),
]
