"""Generator for notebooks/05_optimizers.ipynb (5장. 옵티마이저). Build: .venv/bin/python tools/build_notebooks.py 05"""
from nbtools import code, md

FILENAME = "05_optimizers.ipynb"

CELLS = [
md(r"""
# 5장. 옵티마이저

신경망은 손실(loss)이 작아지는 쪽으로 가중치를 조금씩 고치며 배웁니다. 가중치를 **어떻게** 고칠지 정하는 규칙이 **옵티마이저**(optimizer)입니다.
이 장에서는 파라미터가 두 개뿐인 "손실 곡면" 위에서 옵티마이저들이 지나가는 길을 그려 보고, 학습률 슬라이더를 움직이며 차이를 눈으로 확인합니다.

이 장에서 배우는 것:
- 경사 하강법(gradient descent)과 확률적 경사 하강법(SGD, 미니배치)
- 모멘텀(momentum)과 네스테로프 모멘텀(Nesterov momentum)
- 적응적 학습률(adaptive learning rate): Adagrad, RMSprop, 그리고 둘을 합친 Adam (덤으로 AdamW, Nadam)
- 학습률(learning rate)이 너무 작을 때와 너무 클 때(발산), 그리고 케라스의 기본값

모든 공식은 **케라스 3와 똑같은 형태**로 쓰고, `honggong.optimizers`의 실제 코드(몇 줄)를 공식 옆에 보여 줍니다.
"""),
code("""
%matplotlib inline
import inspect
import numpy as np
import honggong
from honggong import keras, optimizers, surfaces, plots, widgets

np.set_printoptions(precision=4, suppress=True)
bowl = surfaces.get("bowl")        # 교재의 곡면 f(x, y) = x²/20 + y²
"""),
md(r"""
## 1. 손실 곡면과 경사 하강법

가중치가 $x, y$ 두 개뿐인 모델을 상상해 봅시다. 손실이 다음과 같다고 합시다(『밑바닥부터 시작하는 딥러닝』의 예).

$$f(x, y) = \frac{x^2}{20} + y^2, \qquad \nabla f = \left(\frac{\partial f}{\partial x}, \frac{\partial f}{\partial y}\right) = \left(\frac{x}{10},\; 2y\right)$$

최솟값은 $(0, 0)$ 이고, $y$ 방향이 $x$ 방향보다 훨씬 가파른 **길쭉한 그릇**입니다. 출발점은 $(-7, 2)$ 입니다.
**기울기**(gradient) $\nabla f$ 는 가장 가파르게 올라가는 방향이므로, 그 반대로 조금씩 움직이면 내려갑니다. 이것이 **경사 하강법**입니다.

$$w \leftarrow w - \eta\, \nabla f(w)$$

$\eta$ (에타)가 **학습률**, 케라스 이름으로 `learning_rate` 입니다. 곡면을 등고선(contour)으로 그려 봅시다. ★가 최솟값입니다.
"""),
code("""
plots.plot_surface(bowl)
"""),
code("""
# NBVAL_CHECK_OUTPUT
start = np.array([-7.0, 2.0], dtype=np.float32)
print("f(-7, 2)  =", bowl.value(-7.0, 2.0))          # 49/20 + 4
print("∇f(-7, 2) =", bowl.gradient(start))           # (-7/10, 2·2)
"""),
md(r"""
출발점에서 기울기는 $x$ 쪽으로 $-0.7$, $y$ 쪽으로 $4$ 입니다. $y$ 쪽이 거의 6배 가파릅니다. 이 차이가 이 장의 모든 그림을 설명합니다.

## 2. SGD: 확률적 경사 하강법

실제 신경망에서는 손실이 훈련 데이터 전체의 평균이라, 기울기를 정확히 구하려면 데이터 전체를 봐야 합니다.
**확률적 경사 하강법**(SGD, stochastic gradient descent)은 데이터에서 뽑은 작은 묶음, **미니배치**(mini-batch, 케라스 `fit()`의 기본 `batch_size=32`)로 기울기를 **추정**해서 바로 한 걸음 갑니다.
이름은 "확률적"이지만 케라스의 `SGD`는 샘플 하나가 아니라 미니배치를 씁니다. 넘파이로 간단한 예를 보면, 미니배치의 기울기는 전체 기울기 근처에서 흔들립니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
rng = np.random.default_rng(0)
x = rng.normal(size=1000)
y = 3 * x + rng.normal(scale=0.5, size=1000)           # 참 기울기 3인 데이터 1,000개
w = 0.0                                                # 모델 ŷ = w·x, 손실 MSE
full = np.mean(2 * (w * x - y) * x)                    # 전체 데이터로 구한 ∂손실/∂w
batches = np.split(rng.permutation(1000)[:160], 5)     # 32개짜리 미니배치 5개
print(f"전체 데이터의 기울기: {full:.3f}")
print("미니배치의 기울기:   ", "  ".join(f"{np.mean(2 * (w * x[i] - y[i]) * x[i]):.3f}" for i in batches))
"""),
md(r"""
미니배치 기울기는 조금씩 다르지만 모두 같은 방향(음수 → $w$ 를 키우라)을 가리킵니다. 한 에포크에 걸음을 여러 번 걸을 수 있으니 훨씬 빠릅니다.
이 장의 곡면에서는 기울기를 정확히 알기 때문에, 아래 그림들은 "잡음 없는" 경사 하강법입니다.

케라스 3의 `SGD`(모멘텀 없음)는 위 공식 그대로입니다: $w \leftarrow w - \eta\, g$ ($g$ 는 기울기). 기본 학습률은 `learning_rate=0.01` 입니다.
`honggong`의 `SGD.update_step`은 공식을 그대로 옮긴 몇 줄입니다(모멘텀 부분은 4절에서 봅니다).
옵티마이저는 `opt.apply(grads, params)` 한 번에 한 걸음을 가고, 파라미터 배열을 **제자리에서**(in place) 고칩니다. `model.fit()`이 배치마다 하는 일이 바로 이것입니다.
"""),
code("""
print(inspect.getsource(optimizers.SGD.update_step))
"""),
code("""
# NBVAL_CHECK_OUTPUT
opt = optimizers.SGD(learning_rate=0.1)             # 학습률 0.1로 처음 세 걸음
w = np.array([-7.0, 2.0], dtype=np.float32)         # 파라미터 (x, y)
for step in range(1, 4):
    g = bowl.gradient(w)
    opt.apply([g], [w])                              # w ← w − 0.1·g
    print(f"스텝 {step}: g = ({g[0]:+.4f}, {g[1]:+.4f})  →  w = ({w[0]:+.4f}, {w[1]:+.4f})")
"""),
md(r"""
손으로 확인해 봅시다.
- 스텝 1: $g = (-0.7, 4)$ 이므로 $w = (-7 + 0.07,\; 2 - 0.4) = (-6.93,\; 1.6)$.
- 스텝 2: $g = (-6.93/10,\; 2 \cdot 1.6) = (-0.693,\; 3.2)$ 이므로 $w = (-6.8607,\; 1.28)$.
- 스텝 3: $y$ 는 매번 $(1 - 2\eta) = 0.8$ 배가 되어 $1.024$, $x$ 는 매번 $(1 - \eta/10) = 0.99$ 배라서 $-6.7921$.

$y$ 는 빠르게 0으로 가는데 $x$ 는 한 걸음에 1%씩만 줄어듭니다. 가파른 방향과 완만한 방향에 **같은 학습률**을 쓰기 때문입니다.

### 직접 해보기: 옵티마이저 탐색기

아래 탐색기는 `honggong.trajectory`로 SGD의 길을 그립니다. **learning_rate 슬라이더**(로그 눈금)를 움직여 보세요.
- 0.1 근처: $y$ 는 금방 0이 되지만 $x$ 는 최솟값(★)까지 한참 남습니다.
- 0.5: $y$ 가 한 번에 0이 됩니다($1 - 2 \cdot 0.5 = 0$). 왜 그럴까요?
- 0.9 근처: $y$ 가 부호를 바꾸며 **지그재그**로 움직입니다.
- 1보다 크게: 어떻게 되나요? 아래 읽기 창(readout)의 메시지를 보세요.

옆의 목록에서 Ctrl(맥은 ⌘)을 누른 채 다른 옵티마이저도 함께 고를 수 있고, 스텝 수·곡면·시작점도 바꿀 수 있습니다.
"""),
code("""
explorer = widgets.optimizer_explorer(["sgd"], learning_rate=0.9, steps=30)
"""),
md(r"""
## 3. 학습률이 너무 작으면, 너무 크면

이 곡면에서는 SGD의 한 걸음을 정확히 풀 수 있습니다: $x \leftarrow (1 - \eta/10)\,x$, $\; y \leftarrow (1 - 2\eta)\,y$.
- $\eta$ 가 **너무 작으면** 두 배율 모두 1에 가까워 거의 움직이지 않습니다(느림).
- $|1 - 2\eta| > 1$, 즉 $\eta > 1$ 이면 $y$ 가 매 걸음 더 커지며 **발산**(divergence)합니다. 최솟값을 건너뛰어 반대편 더 높은 곳에 떨어지는 것이지요.

가장 가파른 방향이 안정성의 한계를 정하고, 가장 완만한 방향이 속도를 정합니다. 학습률 네 개로 50걸음씩 가 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
runs = [honggong.trajectory("sgd", learning_rate=lr, steps=50) for lr in (0.01, 0.1, 0.9, 1.05)]
for t in runs:
    if t.diverged:
        print(f"{t.label:<14} 스텝 {t.stopped_at}에서 발산 ({t.reason})")
    else:
        print(f"{t.label:<14} 50스텝 뒤 손실 {t.losses[-1]:.4f}, 위치 ({t.end[0]:+.3f}, {t.end[1]:+.3f})")
"""),
code("""
fig, axes = plots.new_figure(1, 2, figsize=(13, 4.5))
plots.plot_trajectories(runs, ax=axes[0, 0], title="학습률에 따른 SGD의 길")
plots.plot_loss_steps(runs, ax=axes[0, 1])
fig
"""),
md(r"""
`learning_rate=0.01`(케라스 SGD의 기본값)은 50걸음 뒤에도 출발점 근처이고, 1.05는 $y$ 가 매 걸음 $-1.1$ 배가 되어 점점 크게 출렁이다가 34번째 걸음에서 화면 밖으로 튀어 나갑니다(오른쪽 그래프에서 손실이 치솟습니다).
실제 신경망 훈련에서도 손실이 `nan`이 되거나 갑자기 커지면 학습률부터 줄여 보세요.

## 4. 모멘텀과 네스테로프 모멘텀

**모멘텀**(momentum)은 공이 언덕을 굴러 내려가듯 지난 이동을 **속도**처럼 기억합니다. 케라스 3의 형태($\mu$ = `momentum`, $m$ 은 0에서 시작):

$$m \leftarrow \mu\, m - \eta\, g, \qquad w \leftarrow w + m$$

같은 방향의 기울기가 계속되면($x$ 방향) 속도가 붙고, 방향이 계속 바뀌면($y$ 방향의 지그재그) 서로 상쇄됩니다.
`SGD(learning_rate=0.1, momentum=0.9)`의 처음 두 걸음입니다. 옵티마이저가 기억하는 속도는 `opt.slots(0)["momentum"]`으로 볼 수 있습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
opt = optimizers.SGD(learning_rate=0.1, momentum=0.9)
w = np.array([-7.0, 2.0], dtype=np.float32)
for step in range(1, 3):
    opt.apply([bowl.gradient(w)], [w])
    m = opt.slots(0)["momentum"]
    print(f"스텝 {step}: m = ({m[0]:+.4f}, {m[1]:+.4f})  →  w = ({w[0]:+.4f}, {w[1]:+.4f})")
"""),
md(r"""
손으로: 스텝 1은 $m = -0.1 \cdot (-0.7, 4) = (0.07, -0.4)$ 로 보통 SGD와 같습니다. 스텝 2의 기울기는 $(-0.693, 3.2)$ 이므로
$m = 0.9 \cdot (0.07, -0.4) - 0.1 \cdot (-0.693, 3.2) = (0.1323,\; -0.68)$, $w = (-6.93 + 0.1323,\; 1.6 - 0.68) = (-6.7977,\; 0.92)$.
$x$ 쪽 보폭이 0.07에서 0.1323으로 거의 두 배가 되었습니다.

### 네스테로프 모멘텀: "두 번"이 아니라 "미리 가 본 곳에서"

스터디 노트에는 "네스테로프 모멘텀은 모멘텀 최적화를 두 번 반복한다"고 적혀 있는데, **틀린 설명입니다**. 한 걸음에 기울기는 한 번만 계산합니다.
원래 아이디어(Nesterov, Sutskever 2013)는 **속도만큼 미리 가 본 점**(look-ahead point) $\theta + \mu v$ 에서 기울기를 재는 것입니다.

$$v \leftarrow \mu\, v - \eta\, \nabla f(\theta + \mu v), \qquad \theta \leftarrow \theta + v$$

케라스는 이것을 같은 결과가 나오도록 바꿔 씁니다. 파라미터로 **미리 가 본 점** $w = \theta + \mu v$ 자체를 저장하면, 기울기 $g = \nabla f(w)$ 를 그냥 현재 $w$ 에서 재면 되고 식은

$$m \leftarrow \mu\, m - \eta\, g, \qquad w \leftarrow w + \mu\, m - \eta\, g$$

가 됩니다(`SGD(momentum=0.9, nesterov=True)`). 두 번째 식에 $m$ 이 한 번 더 나와서 "두 번"처럼 보였던 것입니다. 정말 같은지 넘파이로 원래 식을 돌려 비교해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
mu, lr = 0.9, 0.1
keras_path = honggong.trajectory("sgd", learning_rate=lr, momentum=mu, nesterov=True, steps=4)
theta, v = np.array([-7.0, 2.0]), np.zeros(2)             # 원래 공식 (float64)
for k in range(1, 5):
    v = mu * v - lr * bowl.gradient(theta + mu * v)      # 미리 가 본 점에서 기울기
    theta = theta + v
    print(f"스텝 {k}: 케라스 w = {np.asarray(keras_path[k])}   원래 공식의 θ + μv = {theta + mu * v}")
"""),
md(r"""
같습니다(float32 반올림 차이만 있습니다). 아래 탐색기에서 **nesterov** 상자를 켜고 끄며 비교해 보세요. 네스테로프는 너무 멀리 가기 전에 미리 속도를 줄여서 덜 출렁입니다.

### 직접 해보기
- `momentum`을 0.5, 0.9, 0.99로 바꿔 보세요. 0.99면 어떻게 되나요?
- 학습률을 0.01로 낮추고 모멘텀 0.9를 주면, 모멘텀 없는 SGD(0.1)와 비슷해지나요? (힌트: 같은 기울기가 계속되면 속도가 붙어 유효 학습률이 약 $\eta/(1-\mu)$ 가 됩니다. $0.01/(1-0.9) = 0.1$)
"""),
code("""
momentum_explorer = widgets.optimizer_explorer(["sgd"], learning_rate=0.1, momentum=0.9, steps=50)
"""),
md(r"""
## 5. Adagrad: 파라미터마다 다른 학습률

SGD의 문제는 가파른 $y$ 와 완만한 $x$ 에 같은 학습률을 쓴다는 것이었습니다. **적응적 학습률**(adaptive learning rate) 옵티마이저는 파라미터마다 보폭을 따로 정합니다.
**Adagrad**는 지금까지의 기울기 제곱을 모두 더한 **누적값**(accumulator) $a$ 로 나눕니다. 케라스 3의 형태:

$$a \leftarrow a + g^2, \qquad w \leftarrow w - \frac{\eta\, g}{\sqrt{a + \epsilon}}$$

주의할 점 두 가지: 케라스에서 누적값은 0이 아니라 **`initial_accumulator_value=0.1`에서 시작**하고, $\epsilon$ (`epsilon=1e-7`)은 **제곱근 안**에 있습니다.
많이 움직인 파라미터일수록 $a$ 가 커져서 보폭이 줄어듭니다. 기본 학습률은 `0.001`입니다.
"""),
code("""
print(inspect.getsource(optimizers.Adagrad.update_step))
"""),
code("""
# NBVAL_CHECK_OUTPUT
opt = optimizers.Adagrad(learning_rate=1.5)
w = np.array([-7.0, 2.0], dtype=np.float32)
opt.apply([bowl.gradient(w)], [w])
print("누적값 a =", opt.slots(0)["accumulator"])           # 0.1 + (0.49, 16)
print("이동량   =", w - np.array([-7.0, 2.0], dtype=np.float32))
print("w       =", w)
"""),
md(r"""
손으로: $a = 0.1 + (0.49,\; 16) = (0.59,\; 16.1)$. 이동량은 $x$: $1.5 \cdot 0.7 / \sqrt{0.59} \approx 1.367$, $y$: $-1.5 \cdot 4 / \sqrt{16.1} \approx -1.495$.
기울기는 거의 6배 차이였는데 **두 방향의 보폭이 비슷합니다.** (누적값이 0에서 시작한다면 첫 걸음은 정확히 $\eta$ 였을 것입니다: $\eta g / \sqrt{g^2} = \eta$.)
단점은 $a$ 가 계속 커지기만 해서, 오래 훈련하면 보폭이 0에 가까워진다는 것입니다.

## 6. RMSprop: 최근 기울기만 기억하기

**RMSprop**(Root Mean Square propagation)은 Adagrad의 "합" 대신 **지수 이동 평균**(exponential moving average)을 써서 오래된 기울기를 잊습니다. 케라스 3의 형태($\rho$ = `rho`, 기본 0.9; $v$ 는 0에서 시작):

$$v \leftarrow \rho\, v + (1 - \rho)\, g^2, \qquad w \leftarrow w - \frac{\eta\, g}{\sqrt{v + \epsilon}}$$

RMSprop은 케라스 `compile()`의 **기본 옵티마이저**입니다(`optimizer="rmsprop"`, `learning_rate=0.001`).

스터디 노트의 "RMSprop은 모멘텀을 사용한다"도 바로잡겠습니다. 케라스의 `RMSprop`에는 `momentum` 인자가 **있기는 하지만 기본값은 0**(사용 안 함)입니다.
0.9라는 숫자는 모멘텀이 아니라 $\rho$, 즉 기울기 제곱의 이동 평균에 쓰는 감쇠율입니다. `momentum` $\mu$ 를 0보다 크게 주면 위 식의 이동량 $\Delta = \eta g / \sqrt{v + \epsilon}$ 을 속도처럼 쌓아서($m \leftarrow \mu m + \Delta$, $\; w \leftarrow w - m$) 씁니다.
"""),
code("""
print(inspect.getsource(optimizers.RMSprop.update_step))
"""),
code("""
# NBVAL_CHECK_OUTPUT
rms = keras.optimizers.RMSprop()
print("기본값: learning_rate =", rms.learning_rate, " rho =", rms.rho, " momentum =", rms.momentum, " epsilon =", rms.epsilon)
opt = optimizers.RMSprop(learning_rate=0.3)
w = np.array([-7.0, 2.0], dtype=np.float32)
opt.apply([bowl.gradient(w)], [w])
print("v =", opt.slots(0)["velocity"], "  w =", w)          # v = 0.1·g²
"""),
md(r"""
손으로: $v = 0.1 \cdot (0.49,\; 16) = (0.049,\; 1.6)$, 이동량은 $0.3 \cdot g / \sqrt{v} = 0.3 / \sqrt{0.1} \approx 0.9487$ (두 방향 모두, 부호만 다름).
$v$ 가 0에서 시작하기 때문에 첫 걸음은 $\eta / \sqrt{1 - \rho} \approx 3.16\,\eta$ 로 꽤 큽니다. 그 뒤로는 최근 기울기의 크기에 맞춰 보폭이 조절됩니다.

## 7. Adam: 모멘텀 + RMSprop

**Adam**(Adaptive Moment Estimation)은 기울기의 이동 평균 $m$ (1차 모멘트, 방향)과 기울기 제곱의 이동 평균 $v$ (2차 모멘트, 보폭)를 함께 씁니다. $t$ 는 스텝 번호(1부터)입니다. 케라스 3의 형태:

$$m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2$$

$$\alpha = \eta \cdot \frac{\sqrt{1 - \beta_2^{\,t}}}{1 - \beta_1^{\,t}}, \qquad w \leftarrow w - \frac{\alpha\, m}{\sqrt{v} + \epsilon}$$

$m, v$ 가 0에서 시작해 처음에 너무 작게 나오는 것을 바로잡는 **편향 보정**(bias correction)이 학습률 $\alpha$ 안에 들어 있습니다. $\epsilon$ 은 이번에는 제곱근 **밖**입니다.
기본값은 `learning_rate=0.001`, `beta_1=0.9`, `beta_2=0.999`, `epsilon=1e-7`입니다. (코드의 `m += (1 − β₁)(g − m)`은 위 식을 정리한 같은 식입니다.)
"""),
code("""
print(inspect.getsource(optimizers.Adam.update_step))
print(inspect.getsource(optimizers.Adam.step_size))
"""),
code("""
# NBVAL_CHECK_OUTPUT
opt = optimizers.Adam(learning_rate=0.3)
w = np.array([-7.0, 2.0], dtype=np.float32)
for step in range(1, 4):
    opt.apply([bowl.gradient(w)], [w])
    s = opt.slots(0)
    print(f"스텝 {step}: m = ({s['momentum'][0]:+.4f}, {s['momentum'][1]:+.4f})"
          f"  v = ({s['velocity'][0]:.6f}, {s['velocity'][1]:.5f})  →  w = ({w[0]:+.4f}, {w[1]:+.4f})")
"""),
md(r"""
손으로 스텝 1: $m = 0.1\,g = (-0.07,\; 0.4)$, $v = 0.001\,g^2 = (0.00049,\; 0.016)$, $\alpha = 0.3 \cdot \sqrt{0.001} / 0.1 \approx 0.09487$.
이동량 $\alpha m / \sqrt{v}$ 는 $x$: $0.09487 \cdot 0.07 / 0.02214 \approx 0.3$, $y$: $0.09487 \cdot 0.4 / 0.1265 \approx 0.3$.
편향 보정 덕분에 **첫 걸음은 기울기 크기와 상관없이 약 $\eta$ 만큼, 기울기의 부호 방향으로** 갑니다. 그래서 Adam의 학습률은 "한 걸음에 움직이는 거리"로 읽을 수 있습니다.

### 덤: AdamW와 Nadam
- **AdamW**: 걸음마다 먼저 $w \leftarrow w - \eta \cdot \lambda\, w$ (가중치 감쇠 weight decay, 기본 $\lambda$ = `weight_decay=0.004`)를 하고 Adam 걸음을 갑니다. 규제(8장)를 손실이 아니라 옵티마이저에서 하는 방법입니다.
- **Nadam**: Adam에 네스테로프 모멘텀을 합친 것으로, 다음 스텝의 모멘텀을 미리 반영해 방향을 정합니다.

## 8. 모두 나란히

같은 출발점에서 30걸음씩, 각 옵티마이저가 잘 움직이는 학습률로 비교해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
contenders = [
    optimizers.SGD(learning_rate=0.9),
    optimizers.SGD(learning_rate=0.1, momentum=0.9),
    optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
    optimizers.Adagrad(learning_rate=1.5),
    optimizers.RMSprop(learning_rate=0.3),
    optimizers.Adam(learning_rate=0.3),
]
paths = [honggong.trajectory(opt, steps=30) for opt in contenders]
for t in paths:
    print(f"{t.label:<40} 30스텝 뒤 손실 {t.losses[-1]:.2e}")
"""),
code("""
fig, axes = plots.new_figure(1, 2, figsize=(13, 4.8))
plots.plot_trajectories(paths, ax=axes[0, 0], title="옵티마이저 비교 (30스텝)")
plots.plot_loss_steps(paths, ax=axes[0, 1])
fig
"""),
md(r"""
- **SGD**는 $y$ 방향으로 지그재그하며, 손실이 천천히 줄어듭니다.
- **모멘텀**은 $x$ 방향으로 속도가 붙어 빨리 오지만 최솟값을 지나쳤다가 돌아옵니다. 네스테로프는 덜 지나칩니다.
- **Adagrad, RMSprop**은 두 방향의 보폭을 맞춰서 곧장 최솟값 쪽으로 갑니다.
- **Adam**은 첫 걸음들이 대각선(두 방향 모두 약 $\eta$)입니다. $m$ 에 관성이 있어서 최솟값 근처에서 출렁이고, 이 학습률로는 30걸음 안에 다 내려오지 못합니다.

어느 옵티마이저가 "최고"인지는 문제와 학습률에 따라 다릅니다. 그래도 심층 신경망에서는 Adam(또는 RMSprop)이 학습률에 덜 민감해서 좋은 출발점입니다.

### 직접 해보기
- 아래 탐색기에서 옵티마이저를 여러 개 고르고, 학습률 하나를 바꿀 때 어느 것이 먼저 발산하는지 보세요. (모두 같은 학습률을 씁니다.)
- 곡면을 **로젠브록 골짜기**나 **안장점**으로 바꿔 보세요. 안장점에서 SGD와 Adam은 각각 어떻게 빠져나가나요?
- Adam의 `beta_1`을 0으로 하면 모멘텀이 없는 RMSprop과 비슷해집니다. 확인해 보세요.
"""),
code("""
all_explorer = widgets.optimizer_explorer(["sgd", "rmsprop", "adam", "adagrad"], learning_rate=0.3, steps=50)
"""),
md(r"""
## 9. 케라스의 기본값

책처럼 `compile(optimizer="adam")`으로 이름만 주면 아래 기본값의 옵티마이저가 만들어집니다. 학습률을 바꾸고 싶으면 `keras.optimizers.Adam(learning_rate=0.0005)`처럼 객체를 넘깁니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print("compile()의 기본 optimizer:", repr(inspect.signature(keras.Sequential.compile).parameters["optimizer"].default))
for name in ["sgd", "rmsprop", "adagrad", "adam", "adamw", "nadam"]:
    opt = keras.optimizers.get(name)
    settings = {k: v for k, v in opt.get_config().items()
                if k in ("learning_rate", "momentum", "nesterov", "rho", "initial_accumulator_value",
                         "beta_1", "beta_2", "epsilon", "weight_decay")}
    print(f"{type(opt).__name__:<8}", settings)
"""),
md(r"""
| 옵티마이저 | 기억하는 것 | 핵심 하이퍼파라미터 (기본값) |
| --- | --- | --- |
| `SGD` | 없음 (모멘텀을 쓰면 속도 $m$) | `learning_rate=0.01`, `momentum=0.0`, `nesterov=False` |
| `Adagrad` | 기울기 제곱의 합 $a$ (0.1에서 시작) | `learning_rate=0.001` |
| `RMSprop` | 기울기 제곱의 이동 평균 $v$ | `learning_rate=0.001`, `rho=0.9`, `momentum=0.0` |
| `Adam` | $m$ (방향)과 $v$ (보폭) | `learning_rate=0.001`, `beta_1=0.9`, `beta_2=0.999`, `epsilon=1e-7` |

## 정리
- 경사 하강법: $w \leftarrow w - \eta g$. SGD는 미니배치로 $g$ 를 추정합니다. 학습률이 너무 작으면 느리고, 너무 크면 발산합니다.
- 모멘텀은 속도를 기억하고, 네스테로프는 **미리 가 본 점의 기울기**로 갱신합니다("두 번 반복"이 아님).
- Adagrad·RMSprop·Adam은 파라미터마다 보폭을 조절합니다(적응적 학습률). 케라스 RMSprop의 `momentum` 기본값은 0, 0.9는 `rho`입니다.
- Adam의 첫 걸음은 약 `learning_rate`만큼입니다(편향 보정).

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch05", 1)
"""),
code("""
quiz.ask("ch05", 2)
"""),
code("""
quiz.ask("ch05", 3)
"""),
code("""
quiz.ask("ch05", 4)
"""),
code("""
quiz.ask("ch05", 5)
"""),
code("""
quiz.ask("ch05", 6)
"""),
md(r"""
---
다음 장: [6장. 패션 MNIST](06_fashion_mnist.ipynb)
"""),
]
