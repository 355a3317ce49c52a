"""10장. 역전파: Dense 층과 렐루의 backward, 수치 기울기."""
import numpy as np

from ... import activations, gradcheck, layers
from ..core import Case, Exercise, Mistake
from . import f32, normal


def _dense_backward_reference(x, kernel, dy):
    layer = layers.Dense(kernel.shape[1], name="exercise_dense")
    layer.build((None, kernel.shape[0]))
    layer.set_weights([kernel, np.zeros(kernel.shape[1], np.float32)])
    layer.forward(np.asarray(x, dtype=np.float32))
    dx = layer.backward(np.asarray(dy, dtype=np.float32))
    dkernel, dbias = layer.grads
    return dx, dkernel.copy(), dbias.copy()


def _relu_backward_reference(x, dy):
    relu = activations.get("relu")
    return relu.backward(x, relu(x), dy)


def _numerical_gradient_reference(f, x, eps=1e-5):
    return gradcheck.numerical_gradient(f, np.array(x, dtype=np.float64), eps=eps)


def square_sum(x):
    return float(np.sum(x ** 2))


def cube_sum(x):
    return float(np.sum(x ** 3))


def sin_sum(x):
    return float(np.sum(np.sin(x)))


# ---- planted mistakes ----------------------------------------------------------------------
def _forward_difference(f, x, eps=1e-5):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    base = f(x)
    for i in range(x.size):
        xp = x.copy()
        xp.flat[i] += eps
        grad.flat[i] = (f(xp) - base) / eps
    return grad


def _central_over_h(f, x, eps=1e-5):
    return _numerical_gradient_reference(f, x, eps) * 2


EXERCISES = [
    Exercise(
        id="ch10-dense-backward",
        title="Dense 층의 역전파",
        prompt="Dense 층 $z = xW + b$의 역전파를 쓰세요. 윗층에서 온 기울기 dy = ∂L/∂z (샘플 수, 뉴런 수)로 "
               "dx = ∂L/∂x, dkernel = ∂L/∂W, dbias = ∂L/∂b를 계산해 (dx, dkernel, dbias)를 돌려줍니다. "
               "모양은 각각 x, kernel, bias와 같습니다.",
        signature="dense_backward(x, kernel, dy)",
        docstring="x: (batch, inputs), kernel: (inputs, units), dy: (batch, units) -> (dx, dkernel, dbias)",
        solution=("dx = dy @ kernel.T          # (batch, units) @ (units, inputs)\n"
                  "dkernel = x.T @ dy          # (inputs, batch) @ (batch, units)\n"
                  "dbias = dy.sum(axis=0)      # 샘플마다의 기울기를 더합니다\n"
                  "return dx, dkernel, dbias"),
        reference=_dense_backward_reference,
        reference_name="honggong.layers.Dense.backward",
        cases=(
            Case("샘플 4개, 입력 3개, 뉴런 3개 (정사각형 kernel)",
                 (normal(47, (4, 3)), normal(48, (3, 3)), normal(49, (4, 3)))),
            Case("샘플 2개, 입력 4개, 뉴런 3개", (normal(50, (2, 4)), normal(51, (4, 3)), normal(52, (2, 3)))),
            Case("샘플 1개 (배치 크기 1), 음수 입력", (-np.abs(normal(53, (1, 5))), normal(54, (5, 2)),
                                              normal(55, (1, 2)))),
        ),
        hints=(
            "모양부터 맞추세요: dx는 x와 같은 (batch, inputs), dkernel은 kernel과 같은 (inputs, units), "
            "dbias는 (units,). 곱할 때 어느 쪽을 전치(.T)해야 모양이 맞는지 보세요.",
            "dx = dy @ kernel.T, dkernel = x.T @ dy. 절편은 모든 샘플에 더해졌으니 기울기는 샘플 방향으로 "
            "**더합니다**: dy.sum(axis=0).",
        ),
        mistakes=(
            Mistake("kernel-not-transposed",
                    "dx를 dy @ kernel로 계산했습니다 (전치를 빠뜨림). dx = dy @ kernel.T 입니다 "
                    "((batch, units) @ (units, inputs)). kernel이 정사각형이면 오류 없이 틀린 값이 나옵니다.",
                    lambda x, kernel, dy: (dy @ kernel, x.T @ dy, dy.sum(axis=0))),
            Mistake("dkernel-transposed",
                    "dkernel을 dy.T @ x로 계산해 (units, inputs)로 뒤집혔습니다. kernel과 같은 (inputs, units) 모양이 "
                    "되도록 dkernel = x.T @ dy 입니다.",
                    lambda x, kernel, dy: (dy @ kernel.T, dy.T @ x, dy.sum(axis=0))),
            Mistake("bias-averaged",
                    "절편의 기울기를 평균했습니다 (dy.mean(axis=0)). 절편은 샘플마다 더해졌으므로 기울기는 **합**입니다: "
                    "dy.sum(axis=0). (배치 평균은 이미 손실의 기울기 dy에 들어 있습니다.)",
                    lambda x, kernel, dy: (dy @ kernel.T, x.T @ dy, dy.mean(axis=0))),
        ),
    ),
    Exercise(
        id="ch10-relu-backward",
        title="렐루의 역전파",
        prompt="렐루 $y = \\max(0, x)$의 역전파를 쓰세요: 윗층에서 온 기울기 dy = ∂L/∂y로 dx = ∂L/∂x를 계산합니다. "
               "연쇄 법칙으로 dx = dy · f'(x)이고, f'(x)는 x > 0이면 1, 아니면 0입니다.",
        signature="relu_backward(x, dy)",
        docstring="x: 렐루의 입력, dy: 같은 모양의 윗층 기울기 -> dx (같은 모양)",
        solution="return dy * (x > 0)",
        reference=_relu_backward_reference,
        reference_name='honggong.activations.get("relu").backward',
        cases=(
            Case("음수, 0, 양수가 섞인 값", (f32([-2.0, 0.0, 0.5, 3.0]), f32([1.0, 2.0, -3.0, 0.5]))),
            Case("샘플 3개 × 4 (float32)", (normal(56, (3, 4)), normal(57, (3, 4)))),
            Case("샘플 1개 (배치 크기 1)", (f32([[4.0, -4.0]]), f32([[0.25, 0.25]]))),
        ),
        hints=(
            "연쇄 법칙: 위에서 온 기울기 dy에 렐루의 도함수(1 또는 0)를 원소마다 곱합니다.",
            "`dy * (x > 0)`: x가 양수인 곳만 dy가 통과합니다.",
        ),
        mistakes=(
            Mistake("times-output",
                    "dy에 도함수가 아니라 렐루의 출력 max(0, x)를 곱했습니다. 곱할 것은 기울기 f'(x) (1 또는 0)입니다. "
                    "해결: dy * (x > 0)",
                    lambda x, dy: dy * np.maximum(x, 0)),
            Mistake("forgot-dy",
                    "도함수만 돌려주고 윗층에서 온 기울기 dy를 곱하지 않았습니다 (연쇄 법칙). 해결: dy * (x > 0)",
                    lambda x, dy: (x > 0).astype(x.dtype)),
        ),
    ),
    Exercise(
        id="ch10-numerical-gradient",
        title="수치 기울기 (기울기 확인, gradient check)",
        prompt="숫자 하나를 돌려주는 함수 f와 배열 x로, 원소마다 중앙 차분 "
               "$\\frac{f(x + h e_i) - f(x - h e_i)}{2h}$ (h = eps)을 계산해 x와 같은 모양의 기울기를 돌려주세요. "
               "역전파로 구한 기울기가 맞는지 확인할 때 씁니다. 계산은 float64로 합니다.",
        signature="numerical_gradient(f, x, eps=1e-5)",
        docstring="f: 배열 -> 숫자, x: 배열 -> x와 같은 모양의 수치 기울기 (float64)",
        solution=("x = np.array(x, dtype=np.float64)    # 복사본 (float64)\n"
                  "grad = np.zeros_like(x)\n"
                  "for i in range(x.size):\n"
                  "    original = x.flat[i]\n"
                  "    x.flat[i] = original + eps\n"
                  "    up = f(x)\n"
                  "    x.flat[i] = original - eps\n"
                  "    down = f(x)\n"
                  "    x.flat[i] = original               # 되돌려 놓기\n"
                  "    grad.flat[i] = (up - down) / (2 * eps)\n"
                  "return grad"),
        reference=_numerical_gradient_reference,
        reference_name="honggong.gradcheck.numerical_gradient",
        rtol=1e-6, atol=1e-8, float32=False,
        cases=(
            Case("f = Σx², x 3개", (square_sum, np.array([1.0, -2.0, 0.5]))),
            Case("f = Σx³, x 2×2", (cube_sum, np.array([[1.0, 2.0], [-1.5, 0.3]]))),
            Case("f = Σsin(x), x 1×3", (sin_sum, np.array([[0.1, 1.0, -2.0]]))),
        ),
        hints=(
            "원소 하나씩 x[i]를 +h, −h 만큼 바꿔 f를 두 번 부르고, 다음 원소로 가기 전에 원래 값으로 되돌리세요. "
            "`x.flat[i]`를 쓰면 모양과 상관없이 i번째 원소를 다룰 수 있습니다.",
            "중앙 차분은 2h로 나눕니다: `(f(x+) - f(x-)) / (2 * eps)`. 한쪽 차분 (f(x+h) − f(x))/h보다 훨씬 정확합니다.",
        ),
        mistakes=(
            Mistake("forward-difference",
                    "한쪽(전진) 차분 (f(x + h) − f(x)) / h를 썼습니다. 오차가 h에 비례해서 기울기 확인에는 "
                    "부정확합니다. 해결: 중앙 차분 (f(x + h) − f(x − h)) / (2h)",
                    _forward_difference),
            Mistake("divide-by-h",
                    "중앙 차분을 2h가 아니라 h로 나누어 기울기가 두 배가 되었습니다. 해결: / (2 * eps)",
                    _central_over_h),
        ),
    ),
]
