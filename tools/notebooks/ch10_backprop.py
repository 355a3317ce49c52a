"""Generator for notebooks/10_backprop.ipynb (10장. 그레이디언트와 역전파). Build: .venv/bin/python tools/build_notebooks.py 10"""
from nbtools import code, md

FILENAME = "10_backprop.ipynb"

CELLS = [
md(r"""
# 10장. 그레이디언트와 역전파

5장의 옵티마이저는 **그레이디언트**(gradient, 기울기) $\partial L / \partial w$ 만 있으면 가중치를 고칠 수 있었습니다. 그런데 층이 여러 개인 신경망에서 수천 개 가중치의 그레이디언트는 어떻게 구할까요?
답은 **역전파**(backpropagation)입니다. 이 장에서는 작은 2층 신경망의 역전파를 넘파이로 직접 계산하고, 수치 미분으로 확인하고, `honggong`의 층이 하는 일과 비교합니다.

이 장에서 배우는 것:
- 연쇄 법칙(chain rule)과 계산 그래프(computational graph)
- 2층 신경망의 정방향 계산(forward)과 역방향 계산(backward)을 손으로
- 수치 미분(numerical gradient)으로 하는 **그레이디언트 확인**(gradient check), 그리고 차분 간격 $h$ 고르기
- 층마다 `forward`/`backward`가 있는 `honggong.layers`, 텐서플로의 `GradientTape`와 같은 일을 하는 훈련 루프
- 스터디 노트의 딥러닝 모델링 단계: 네트워크 선택 → 그레이디언트 확인 → 초기화 → 최적화 → 규제
"""),
code("""
%matplotlib inline
import inspect
import matplotlib.ticker as ticker
import numpy as np
from ipywidgets import interact, FloatLogSlider
from honggong import keras, activations, losses, layers, optimizers, gradcheck, backend, plots

np.set_printoptions(precision=4, suppress=True)
"""),
md(r"""
## 1. 연쇄 법칙과 계산 그래프

복잡한 식도 덧셈·곱셈·제곱 같은 작은 계산을 이어 붙인 것입니다. 이것을 노드와 화살표로 그린 것이 **계산 그래프**입니다. 예를 들어 뉴런 하나와 제곱 오차:

$$z = w x + b, \qquad e = z - y, \qquad L = e^2$$

**연쇄 법칙**: $L$ 이 $e$ 를 거쳐 $z$ 를 거쳐 $w$ 에 의존하면, 각 단계의 미분을 곱하면 됩니다.

$$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial e} \cdot \frac{\partial e}{\partial z} \cdot \frac{\partial z}{\partial w} = 2e \cdot 1 \cdot x$$

**역전파**는 이 곱을 출력 쪽에서 입력 쪽으로 한 단계씩 계산합니다. 출력에서 받은 그레이디언트("위에서 내려온 값")에 **자기 단계의 미분만** 곱해서 아래로 넘기면 됩니다.
$w = 3, x = 2, b = 1, y = 5$ 로 해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
w, x, b, y = 3.0, 2.0, 1.0, 5.0
# 정방향 (forward)
z = w * x + b          # 7
e = z - y              # 2
L = e ** 2             # 4
# 역방향 (backward): 출력에서부터
dL_de = 2 * e          # 4
dL_dz = dL_de * 1      # e = z − y 의 미분은 1
dL_dw = dL_dz * x      # z = w·x + b 를 w로 미분하면 x
dL_db = dL_dz * 1
print(f"L = {L},  dL/dw = {dL_dw},  dL/db = {dL_db}")
"""),
md(r"""
정말 맞는지 **수치 미분**으로 확인할 수 있습니다. $w$ 를 아주 조금($h$) 늘렸을 때와 줄였을 때의 차이를 보는 **중앙 차분**(central difference)입니다.

$$\frac{\partial L}{\partial w} \approx \frac{L(w + h) - L(w - h)}{2h}$$
"""),
code("""
# NBVAL_CHECK_OUTPUT
def loss_of_w(w):
    return (w * x + b - y) ** 2

h = 1e-5
print(f"중앙 차분: {(loss_of_w(w + h) - loss_of_w(w - h)) / (2 * h):.6f}")
"""),
md(r"""
8에 아주 가깝습니다. 수치 미분은 간단하지만 **가중치 하나마다 손실을 두 번** 계산해야 합니다. 가중치가 10만 개면 20만 번입니다. 역전파는 정방향 한 번, 역방향 한 번으로 **모든** 그레이디언트를 구합니다. 그래서 수치 미분은 역전파가 맞는지 **확인하는 용도**로만 씁니다.

## 2. 2층 신경망을 손으로

샘플 4개, 특성 3개인 입력 $X$ 를 은닉층 4개 뉴런(시그모이드)과 출력층 2개 뉴런(소프트맥스)으로 분류하는 작은 신경망입니다. 레이블은 정수(0 또는 1)입니다.

$$Z_1 = XW_1 + b_1,\quad A_1 = \sigma(Z_1),\quad Z_2 = A_1W_2 + b_2,\quad P = \mathrm{softmax}(Z_2),\quad L = -\frac{1}{N}\sum_{i} \log P_{i, y_i}$$

모양은 $X$ (4, 3), $W_1$ (3, 4), $W_2$ (4, 2), $P$ (4, 2) 입니다. 기울기 확인을 정확하게 하려고 이 절에서는 float64를 씁니다.
"""),
code("""
rng = np.random.default_rng(0)
X = rng.normal(size=(4, 3))                 # 샘플 4개, 특성 3개
labels = np.array([0, 1, 1, 0])             # 정수 레이블
W1, b1 = rng.normal(scale=0.5, size=(3, 4)), np.zeros(4)
W2, b2 = rng.normal(scale=0.5, size=(4, 2)), np.zeros(2)
params = [W1, b1, W2, b2]
scce = losses.get("sparse_categorical_crossentropy")

def forward(W1, b1, W2, b2, X=X):
    Z1 = X @ W1 + b1
    A1 = activations.sigmoid(Z1)
    Z2 = A1 @ W2 + b2
    P = activations.softmax(Z2)
    return A1, P
"""),
code("""
# NBVAL_CHECK_OUTPUT
A1, P = forward(*params)
print("확률 P =\\n", P)
print(f"손실 L = {scce(labels, P):.6f}")
"""),
md(r"""
### 역방향 계산

출력에서부터 한 층씩 내려갑니다. $N = 4$ 는 배치 크기, $Y$ 는 레이블의 원-핫 인코딩입니다.

| 단계 | 식 | 왜? |
| --- | --- | --- |
| 소프트맥스 + 크로스엔트로피 | $\dfrac{\partial L}{\partial Z_2} = \dfrac{P - Y}{N}$ | 두 미분을 곱하면 이렇게 깔끔해집니다. 평균이라 $1/N$ |
| 출력층 가중치 | $\dfrac{\partial L}{\partial W_2} = A_1^\top \dfrac{\partial L}{\partial Z_2}$, $\;\dfrac{\partial L}{\partial b_2} = \sum_{\text{샘플}} \dfrac{\partial L}{\partial Z_2}$ | $Z_2 = A_1W_2 + b_2$ 의 미분 |
| 은닉층 출력 | $\dfrac{\partial L}{\partial A_1} = \dfrac{\partial L}{\partial Z_2} W_2^\top$ | 같은 식을 $A_1$ 로 미분 |
| 시그모이드 | $\dfrac{\partial L}{\partial Z_1} = \dfrac{\partial L}{\partial A_1} \odot A_1(1 - A_1)$ | $\sigma' = \sigma(1-\sigma)$ (2장), 원소별 곱 |
| 은닉층 가중치 | $\dfrac{\partial L}{\partial W_1} = X^\top \dfrac{\partial L}{\partial Z_1}$, $\;\dfrac{\partial L}{\partial b_1} = \sum_{\text{샘플}} \dfrac{\partial L}{\partial Z_1}$ | |

모양을 맞춰 보면 전치(transpose)가 어디에 붙는지 외우지 않아도 됩니다: $\partial L/\partial W_2$ 는 $W_2$ 와 같은 (4, 2) 모양이어야 하니 $A_1^\top$ (4, 4) 곱하기 (4, 2) 입니다.
"""),
code("""
N = len(X)
Y = np.eye(2)[labels]                  # 원-핫 (4, 2)
dZ2 = (P - Y) / N
dW2 = A1.T @ dZ2
db2 = dZ2.sum(axis=0)
dA1 = dZ2 @ W2.T
dZ1 = dA1 * A1 * (1 - A1)
dW1 = X.T @ dZ1
db1 = dZ1.sum(axis=0)
backprop_grads = [dW1, db1, dW2, db2]
print("dW2 =\\n", dW2)
"""),
md(r"""
## 3. 그레이디언트 확인 (gradient check)

이제 `honggong.gradcheck`로 모든 가중치의 수치 미분을 구해 비교합니다. `numerical_gradient(f, w)`는 배열 `w`의 원소를 하나씩 $\pm h$ 만큼 바꿔 가며 중앙 차분을 계산합니다.
비교에는 **상대 오차**(relative error)를 씁니다. 기울기가 큰 곳이든 작은 곳이든 공정하게 비교하려고 크기로 나눕니다.

$$\text{상대 오차} = \max_i \frac{|a_i - n_i|}{\max(|a_i|, |n_i|)}$$

float64에서 **1e-6보다 작으면 통과**, 1e-4 이상이면 역전파에 실수가 있을 가능성이 큽니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
def total_loss(_):
    return scce(labels, forward(*params)[1])     # params의 값을 바꿔 가며 부릅니다

for name, p, g in zip(["W1", "b1", "W2", "b2"], params, backprop_grads):
    numeric = gradcheck.numerical_gradient(total_loss, p)
    err = gradcheck.relative_error(g, numeric)
    shown = "< 1e-8" if err < 1e-8 else f"{err:.1e}"      # 1e-8 아래는 반올림 잡음 수준
    print(f"{name}: 상대 오차 {shown}  {'통과' if err < gradcheck.GOOD_ERROR else '실패'}")
"""),
md(r"""
모두 통과입니다. 그러면 **틀린** 역전파도 잡아낼까요? 흔한 실수 두 가지를 일부러 넣어 봅시다: 평균의 $1/N$ 을 빠뜨리기, 시그모이드의 미분을 빠뜨리기.
"""),
code("""
# NBVAL_CHECK_OUTPUT
wrong_dW2 = A1.T @ (P - Y)                        # 실수 1: /N 을 빠뜨림
wrong_dW1 = X.T @ (dZ2 @ W2.T)                    # 실수 2: 시그모이드의 미분을 빠뜨림
print(f"실수 1 (dW2): 상대 오차 {gradcheck.relative_error(wrong_dW2, gradcheck.numerical_gradient(total_loss, W2)):.2f}")
print(f"실수 2 (dW1): 상대 오차 {gradcheck.relative_error(wrong_dW1, gradcheck.numerical_gradient(total_loss, W1)):.2f}")
"""),
md(r"""
실수 1은 상대 오차가 정확히 $0.75 = 1 - 1/4$ 입니다: 기울기가 $N = 4$ 배 커졌기 때문입니다. 이렇게 오차의 크기가 실수의 종류를 알려 주기도 합니다.

### 차분 간격 $h$ 는 얼마로?

$h$ 가 크면 중앙 차분 공식 자체의 오차($h^2$ 에 비례)가 커지고, 너무 작으면 $L(w+h) - L(w-h)$ 가 거의 같은 두 수의 뺄셈이 되어 **반올림 오차**(rounding error, 대략 $10^{-16}/h$)가 커집니다.
float64에서는 $h \approx 10^{-5}$ 근처가 좋습니다(`gradcheck`의 기본값). float32는 유효숫자가 7자리 정도뿐이라 어떤 $h$ 로도 오차가 크게 줄지 않습니다. 그래서 그레이디언트 확인은 **항상 float64**로 합니다.

### 직접 해보기: $h$ 를 바꿔 보기

슬라이더로 $h$ 를 바꾸면 $W_1$ 의 역전파 그레이디언트와 수치 미분의 상대 오차가 바뀝니다. 두 곡선(float64, float32)은 $h$ 를 1e-12에서 0.1까지 바꿔 가며 미리 계산한 것입니다.
- float64 곡선이 가장 낮은 곳의 $h$ 는? 그보다 작게 하면 왜 다시 올라갈까요?
- float32에서 $h$ = 1e-5 (float64의 좋은 값)를 쓰면 오차가 얼마인가요?
"""),
code("""
def w1_error(h, dtype):
    # 순전파를 dtype(float64 또는 float32)으로 계산한 W1의 수치 미분과 역전파 dW1의 상대 오차
    def loss_in_dtype(_):
        return float(scce(labels, forward(*(p.astype(dtype) for p in params), X=X.astype(dtype))[1]))
    return gradcheck.relative_error(dW1, gradcheck.numerical_gradient(loss_in_dtype, W1, h))

h_grid = np.geomspace(1e-12, 1e-1, 34)
curves = {dtype: [w1_error(h, dtype) for h in h_grid] for dtype in ("float64", "float32")}
"""),
code("""
@interact(h=FloatLogSlider(value=1e-5, base=10, min=-12, max=-1, step=0.25, description="h (eps)"))
def show_error(h):
    fig, ax = plots.new_figure(figsize=(7, 4))
    for (dtype, errs), color in zip(curves.items(), plots.COLORS):
        ax.plot(h_grid, errs, "-o", markersize=3, color=color, label=dtype)
        ax.plot([h], [w1_error(h, dtype)], "o", markersize=10, color=color, markeredgecolor="black")
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):                    # 눈금 글자를 1e-05 꼴로
        axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:.0e}"))
        axis.set_minor_formatter(ticker.NullFormatter())
    ax.axhline(gradcheck.GOOD_ERROR, color="gray", linestyle="--", label="통과 기준 1e-6")
    ax.set_xlabel("차분 간격 h")
    ax.set_ylabel("상대 오차")
    ax.set_title("수치 미분의 정확도: h가 너무 커도, 너무 작아도 나쁩니다")
    ax.legend()
    plots.show(fig)
    print(f"h = {h:.1e}: float64 상대 오차 {w1_error(h, 'float64'):.1e}, float32 상대 오차 {w1_error(h, 'float32'):.1e}")
"""),
md(r"""
## 4. `honggong.layers`의 backward와 비교

`honggong`의 층은 모두 `forward(x)`와 `backward(dy)`를 가지고 있습니다. `forward`는 역방향에 필요한 값(입력 $x$, $z$, 출력)을 기억해 두고, `backward`는 위에서 내려온 그레이디언트 `dy` $= \partial L/\partial y$ 를 받아

- 자기 가중치의 그레이디언트를 `layer.grads`에 쓰고 ($\partial L/\partial W = x^\top dz$, $\;\partial L/\partial b = \sum dz$),
- 아래 층으로 보낼 $\partial L/\partial x = dz\, W^\top$ 를 돌려줍니다.

`Dense.backward`의 실제 코드도 위에서 손으로 쓴 것과 같은 몇 줄입니다.
"""),
code("""
print(inspect.getsource(layers.Dense.backward))
print(inspect.getsource(layers.Dense.backward_linear))
"""),
md(r"""
같은 가중치를 넣은 두 `Dense` 층으로 정방향·역방향을 계산해서 손으로 구한 값과 비교합니다. 손실의 그레이디언트 $\partial L/\partial P$ 는 `loss.gradient(y_true, y_pred)`가 줍니다. (`backend.floatx_scope("float64")` 안에서는 층이 float64 가중치를 만듭니다.)
"""),
code("""
# NBVAL_CHECK_OUTPUT
with backend.floatx_scope("float64"):
    hidden = layers.Dense(4, activation="sigmoid")
    output = layers.Dense(2, activation="softmax")
    output(hidden(X))                                     # 한 번 불러서 가중치를 만들고(build)
    hidden.set_weights([W1, b1])                          # 같은 가중치를 넣습니다
    output.set_weights([W2, b2])

    P_layers = output(hidden(X))                          # 정방향
    dP = scce.gradient(labels, P_layers)                  # ∂L/∂P
    dX = hidden.backward(output.backward(dP))             # 역방향: 출력층 → 은닉층

print("P가 같은가?", np.allclose(P_layers, P))
for name, mine, theirs in zip(["W1", "b1", "W2", "b2"], backprop_grads, hidden.grads + output.grads):
    err = gradcheck.relative_error(mine, theirs)
    print(f"{name}: 손으로 구한 값과 층의 값의 상대 오차 {'< 1e-12' if err < 1e-12 else f'{err:.1e}'}")
print("dX의 모양:", dX.shape)
"""),
md(r"""
같습니다(차이는 반올림 수준입니다). 새 층을 만들 때는 `gradcheck.check_layer`가 이 확인을 한 번에 해 줍니다. 입력과 모든 가중치에 대한 상대 오차를 돌려줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
errors = gradcheck.check_layer(layers.Dense(3, activation="tanh"), X)
print({name: "< 1e-8" if err < 1e-8 else f"{err:.1e}" for name, err in errors.items()})
print("모두 통과?", all(err < gradcheck.GOOD_ERROR for err in errors.values()))
"""),
md(r"""
## 5. GradientTape와 honggong의 훈련 루프

스터디 노트에는 텐서플로가 그레이디언트를 계산하는 도구 `tf.GradientTape`가 나옵니다. 테이프(tape)에 정방향 계산을 **녹화**해 두었다가, 거꾸로 **재생**하며 그레이디언트를 구합니다. 아이디어만 보세요(이 저장소에는 텐서플로가 없으니 실행하지 않습니다).

```python
# 텐서플로 (참고용)
with tf.GradientTape() as tape:
    y_pred = model(x, training=True)          # 정방향: 테이프에 녹화
    loss = loss_fn(y, y_pred)
grads = tape.gradient(loss, model.trainable_weights)       # 역방향: 거꾸로 재생
optimizer.apply_gradients(zip(grads, model.trainable_weights))
```

`honggong`에서는 층마다 `forward`가 필요한 값을 기억해 두는 것이 "녹화", 층을 **거꾸로** 돌며 `backward`를 부르는 것이 "재생"입니다. 같은 일을 하는 훈련 루프입니다(float32, 케라스와 같은 기본 자료형).
"""),
code("""
# NBVAL_CHECK_OUTPUT
X32 = X.astype(np.float32)
keras.utils.set_random_seed(42)
net = [layers.Dense(4, activation="sigmoid"), layers.Dense(2, activation="softmax")]
opt = optimizers.Adam(learning_rate=0.1)

for step in range(1, 21):
    out = X32
    for layer in net:                                   # 정방향 ("녹화")
        out = layer(out, training=True)
    loss = scce(labels, out)
    dy = scce.gradient(labels, out)
    for layer in reversed(net):                         # 역방향 ("재생")
        dy = layer.backward(dy)
    grads = [g for layer in net for g in layer.grads]
    weights = [w for layer in net for w in layer.trainable_weights]
    opt.apply(grads, weights)                           # = optimizer.apply_gradients
    if step in (1, 5, 10, 20):
        print(f"스텝 {step:2d}: 손실 {loss:.4f}")
"""),
md(r"""
케라스 모델의 `train_on_batch`(그리고 `fit`이 배치마다)가 하는 일이 정확히 이것입니다. 같은 시드로 만든 모델로 확인해 봅시다. 손실이 똑같이 나와야 합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.utils.set_random_seed(42)
model = keras.Sequential([
    keras.Input(shape=(3,)),
    keras.layers.Dense(4, activation="sigmoid"),
    keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="sparse_categorical_crossentropy")
for step in range(1, 21):
    loss = model.train_on_batch(X32, labels)
    if step in (1, 5, 10, 20):
        print(f"스텝 {step:2d}: 손실 {loss:.4f}")
"""),
md(r"""
## 6. 딥러닝 모델링의 단계

스터디 노트(001)는 딥러닝 모델을 만드는 순서를 다섯 단계로 정리합니다. 지금까지 배운 것과 이어 보면:

1. **적절한 네트워크 선택**: 입력의 모양에 맞는 구조와, 비선형성을 주는 활성화 함수(렐루, tanh 등) → 2장, 3장
2. **그레이디언트 확인**: 역전파가 맞는지 수치 미분과 비교 → 이 장
3. **파라미터 초기화**: 가중치를 어떻게 시작할지 → 8장 (아래 예 하나)
4. **파라미터 최적화**: 경사 하강법 계열의 옵티마이저(SGD, Adam 등) → 5장
5. **과대적합 방지**(규제, regularization): 드롭아웃, L1/L2 규제 등 → 8장

초기화가 왜 중요한지 역전파로 볼 수 있습니다. 은닉층 가중치를 **모두 같은 값**으로 시작하면, 은닉 뉴런들이 같은 값을 내고 같은 그레이디언트를 받습니다.
$\partial L/\partial W_1$ 의 열(뉴런마다 하나)이 모두 같으니, 몇 번을 갱신해도 뉴런들은 영원히 똑같습니다(대칭성 문제, symmetry). 그래서 가중치는 작은 **난수**로 시작합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
same = [np.full((3, 4), 0.5), np.zeros(4), np.full((4, 2), 0.5) * [1, -1], np.zeros(2)]   # 같은 값으로 시작
A1_same, P_same = forward(*same)
dZ1_same = ((P_same - Y) / N @ same[2].T) * A1_same * (1 - A1_same)
print("dW1 (열 = 은닉 뉴런 4개) =\\n", X.T @ dZ1_same)
"""),
md(r"""
네 열이 똑같습니다. 뉴런 4개가 있어도 사실상 1개인 셈입니다.

### 직접 해보기
- 2절의 신경망에서 시그모이드를 `activations.tanh`로 바꾸면 역방향 표의 어느 줄이 바뀌나요? ($\tanh' = 1 - \tanh^2$) 바꾼 뒤 그레이디언트 확인을 다시 해 보세요.
- `gradcheck.check_layer(layers.Dense(3, activation="relu"), X)`를 해 보세요. 렐루는 0에서 꺾이지만, $z = xW + b$ 값들이 꺾인 점 0에서 $h$ 보다 멀리 있으면 괜찮습니다.
- 훈련 루프의 학습률을 1.0이나 0.001로 바꾸면 손실이 어떻게 되나요? (5장)

## 정리
- 역전파 = 연쇄 법칙을 출력에서 입력 쪽으로, 층마다 "내려온 그레이디언트 × 자기 미분"을 계산하는 것.
- 소프트맥스 + 크로스엔트로피의 그레이디언트는 $(P - Y)/N$, 밀집층은 $\partial W = x^\top dz$, $\partial b = \sum dz$, $\partial x = dz\,W^\top$.
- 역전파 구현은 수치 미분(중앙 차분, float64, $h \approx 10^{-5}$)과 상대 오차로 확인합니다. 1e-6 미만이면 통과.
- `GradientTape`의 녹화·재생 = honggong의 `forward` 캐시와 거꾸로 부르는 `backward`. `fit`과 `train_on_batch`가 배치마다 이것을 합니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch10", 1)
"""),
code("""
quiz.ask("ch10", 2)
"""),
code("""
quiz.ask("ch10", 3)
"""),
code("""
quiz.ask("ch10", 4)
"""),
code("""
quiz.ask("ch10", 5)
"""),
md(r"""
---
이 장으로 시리즈가 끝납니다. 다음 장은 없습니다. 수고하셨습니다! 복습하려면 [차례](README.md)로 돌아가세요.
"""),
]
