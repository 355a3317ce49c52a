"""Generator for notebooks/08_regularization.ipynb (8장. 규제, 가중치 초기화, 배치 정규화). Build: .venv/bin/python tools/build_notebooks.py 08"""
from nbtools import code, md

FILENAME = "08_regularization.ipynb"

CELLS = [
md(r"""
# 8장. 규제, 가중치 초기화, 배치 정규화

7장에서 에포크를 늘리면 훈련 손실은 계속 줄어도 검증 손실은 다시 올라가는 **과대적합**(overfitting)을 보았습니다.
이 장에서는 과대적합을 줄이는 **규제**(regularization)와, 깊은 신경망이 처음부터 잘 학습되게 돕는 두 가지 도구를 다룹니다.

이 장에서 배우는 것:
- L1/L2 규제: 손실에 가중치 벌점(penalty)을 더하기. L1은 가중치를 **정확히 0**으로, L2는 **부드럽게 작게** 만든다
- 이상치(outlier)에 강한 것은 L1 **손실**(MAE)이지 L1/L2 **규제**가 아니다 (노트 바로잡기)
- 드롭아웃 다시 보기: 훈련 때만 일부 출력을 끄고 나머지를 $1/(1-\text{rate})$배 키운다 (노트 바로잡기)
- 가중치 초기화가 중요한 이유: 층마다 활성화 값의 분포(히스토그램)
- 배치 정규화: 훈련할 때와 예측할 때 하는 일이 다르다
"""),
code("""
%matplotlib inline
import numpy as np
from honggong import keras, plots
from honggong.datasets import fashion_mnist

np.set_printoptions(precision=4, suppress=True)
keras.utils.set_random_seed(42)   # 가중치 초깃값, 드롭아웃, 데이터 섞기를 매번 같게
"""),
md(r"""
## 1. 규제: 손실에 가중치 벌점 더하기

과대적합된 모델은 훈련 데이터의 작은 잡음까지 외우느라 몇몇 가중치가 아주 커지는 경우가 많습니다.
**가중치 규제**(weight regularization)는 손실 함수에 "가중치가 크면 벌점"을 더해서, 손실을 줄이면서도 가중치를 작게 유지하게 만듭니다.

$$\text{전체 손실} = \text{원래 손실(크로스 엔트로피 등)} + \text{벌점}$$

| 규제 | 벌점(penalty) | 벌점의 기울기 | 케라스 |
| --- | --- | --- | --- |
| L1 | $\lambda_1 \sum_i \lvert w_i \rvert$ | $\lambda_1\,\mathrm{sign}(w_i)$ | `keras.regularizers.l1(0.01)` |
| L2 | $\lambda_2 \sum_i w_i^2$ | $2\lambda_2\,w_i$ | `keras.regularizers.l2(0.01)` |

케라스의 L2 벌점에는 $\frac{1}{2}$이 붙지 않습니다. 기본값은 둘 다 $\lambda = 0.01$ 입니다. 직접 계산과 비교해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
w = np.array([1.0, -2.0, 3.0])
l1 = keras.regularizers.l1(0.01)
l2 = keras.regularizers.l2(0.01)
print(f"L1 벌점: {l1(w):.4f} = 0.01 × (1 + 2 + 3)")
print(f"L2 벌점: {l2(w):.4f} = 0.01 × (1 + 4 + 9)")
"""),
md(r"""
### L1과 L2의 차이: 기울기를 보면 보인다

경사 하강법은 벌점의 기울기만큼 가중치를 0 쪽으로 당깁니다.
- L2의 기울기 $2\lambda_2 w$ 는 $w$ 에 **비례**합니다. 가중치가 작아질수록 당기는 힘도 약해져서, 0에 가까워지기만 하고 0이 되지는 않습니다.
- L1의 기울기 $\lambda_1\,\mathrm{sign}(w)$ 는 $w$ 가 아무리 작아도 **크기가 같습니다**. 그래서 작은 가중치는 0까지 밀려갑니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
w = np.array([2.0, 0.5, 0.01, -0.01])
print("w            ", w)
print("L1 기울기    ", l1.gradient(w))
print("L2 기울기    ", l2.gradient(w))
"""),
md(r"""
가장 간단한 경우로 확인해 봅시다. 규제가 없다면 가중치가 $a$ 가 되는 것이 가장 좋은 상황에서 벌점을 더해 $f(w) = (w - a)^2 + \text{벌점}$ 을 최소로 만드는 $w^\*$ 를 구하면(손으로 미분해서 풀 수 있습니다, $\lambda = 1$):

$$\text{L1: } w^\* = \mathrm{sign}(a)\,\max\!\left(|a| - \tfrac{\lambda}{2},\ 0\right) \qquad\qquad \text{L2: } w^\* = \frac{a}{1 + \lambda}$$

L1은 $|a| \le \lambda/2$ 이면 답이 **정확히 0**, L2는 $a$ 를 일정 비율로 줄일 뿐 0이 되지 않습니다. 촘촘한 격자에서 직접 최솟값을 찾아 공식과 비교합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
lam = 1.0
grid = np.round(np.linspace(-3, 3, 6001), 3)          # 0.001 간격, 0을 정확히 포함
for a in [0.2, 0.5, 1.0, 2.0]:
    w_l1 = grid[np.argmin((grid - a) ** 2 + lam * np.abs(grid))]
    w_l2 = grid[np.argmin((grid - a) ** 2 + lam * grid ** 2)]
    print(f"a = {a:3.1f}   L1: w* = {w_l1:5.3f} (공식 {np.sign(a) * max(abs(a) - lam / 2, 0):5.3f})"
          f"   L2: w* = {w_l2:5.3f} (공식 {a / (1 + lam):5.3f})")
"""),
code("""
a = np.linspace(-2, 2, 401)
fig, ax = plots.new_figure(figsize=(6.5, 4.2))
ax.plot(a, a, color="gray", linestyle=":", label="규제 없음: w* = a")
ax.plot(a, np.sign(a) * np.maximum(np.abs(a) - lam / 2, 0), color="tab:red", label="L1: 가운데가 정확히 0")
ax.plot(a, a / (1 + lam), color="tab:blue", label="L2: 기울기 1/2인 직선")
ax.set_xlabel("규제가 없을 때의 최적 가중치 a")
ax.set_ylabel("규제가 있을 때의 최적 가중치 w*")
ax.set_title("L1은 작은 가중치를 0으로, L2는 모두를 비율로 줄인다")
ax.legend()
fig
"""),
md(r"""
### ⚠️ 노트 바로잡기: 이상치에 강한 것은 L1 **손실**

공부 노트에는 "L2 규제가 이상치에 더 robust하다"라고 적혀 있지만, **규제**(가중치 벌점)와 **손실**(예측 오차)을 섞은 말입니다.
- 벌점은 가중치에 붙는 항이라 데이터의 이상치와 직접 관계가 없습니다.
- 이상치에 강한(robust) 것은 오차의 절댓값을 쓰는 **L1 손실**(MAE)입니다. 제곱 오차(MSE, L2 손실)는 큰 오차를 제곱으로 키우므로 이상치에 가장 민감합니다.

값 다섯 개 중 하나가 이상치일 때, 상수 하나로 예측한다면 MSE를 최소로 하는 값은 **평균**, MAE를 최소로 하는 값은 **중앙값**입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
y = np.array([1.0, 2.0, 3.0, 4.0, 100.0])           # 100은 이상치
c = np.linspace(0, 100, 100001)                      # 후보 예측값
best_mse = c[np.argmin(((y[:, None] - c) ** 2).mean(axis=0))]
best_mae = c[np.argmin(np.abs(y[:, None] - c).mean(axis=0))]
print(f"MSE 최소: {best_mse:.2f} (평균 {y.mean():.2f})   MAE 최소: {best_mae:.2f} (중앙값 {np.median(y):.2f})")
"""),
md(r"""
## 2. 실제 모델에 규제 걸기

케라스에서는 층을 만들 때 `kernel_regularizer=`로 규제를 붙입니다. 그러면 `fit`이 보여 주는 `loss`에 벌점이 포함되고, 역전파 때 벌점의 기울기도 더해집니다.

```python
keras.layers.Dense(100, activation="relu", kernel_regularizer=keras.regularizers.l2(0.001))
```

과대적합이 잘 보이도록 패션 MNIST 훈련 세트에서 **2,000개만** 떼어 훈련하고, 다음 2,000개를 검증 세트로 씁니다(6·7장은 전체 데이터를 썼습니다. 이 장은 여러 모델을 비교하므로 작게 해서 빠르게 돌립니다).
7장의 모델(Flatten → Dense(100, relu) → Dense(10, softmax), Adam)을 네 가지로 20 에포크씩 훈련합니다: 규제 없음, L2, L1, 드롭아웃(0.3).
"""),
code("""
# NBVAL_CHECK_OUTPUT
(train_input, train_target), _ = keras.datasets.fashion_mnist.load_data()
train_scaled = train_input / 255.0
x_small, y_small = train_scaled[:2000], train_target[:2000]
x_val, y_val = train_scaled[2000:4000], train_target[2000:4000]
print(x_small.shape, x_val.shape)
"""),
code("""
def model_fn(kernel_regularizer=None, dropout=0.0):
    layers = [keras.Input(shape=(28, 28)),
              keras.layers.Flatten(),
              keras.layers.Dense(100, activation="relu", kernel_regularizer=kernel_regularizer)]
    if dropout:
        layers.append(keras.layers.Dropout(dropout))
    layers.append(keras.layers.Dense(10, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
"""),
md(r"""
네 모델을 한 번씩만 훈련하고, 결과(`history`와 첫 번째 Dense 층의 가중치)를 저장해 두고 아래의 그림과 표에서 계속 다시 씁니다. 컴퓨터에 따라 10~30초 걸립니다.
"""),
code("""
settings = {
    "규제 없음": dict(),
    "L2(0.001)": dict(kernel_regularizer=keras.regularizers.l2(0.001)),
    "L1(0.0005)": dict(kernel_regularizer=keras.regularizers.l1(0.0005)),
    "드롭아웃(0.3)": dict(dropout=0.3),
}
histories, kernels = {}, {}
for name, kwargs in settings.items():
    keras.utils.set_random_seed(42)                  # 모두 같은 초깃값에서 출발
    model = model_fn(**kwargs)
    histories[name] = model.fit(x_small, y_small, epochs=20, verbose=0, validation_data=(x_val, y_val))
    kernels[name] = model.layers[1].get_weights()[0]  # Dense(100)의 가중치 (784, 100)
    print(f"검증 정확도 {histories[name].history['val_accuracy'][-1]:.3f}   {name}")
"""),
md(r"""
규제를 건 모델의 `loss`와 `val_loss`에는 벌점이 더해져 있어서 규제 없는 모델의 손실과 바로 비교할 수 없습니다. 그래서 **정확도**로 비교합니다.
훈련 정확도와 검증 정확도의 차이(gap)가 작을수록 과대적합이 덜 된 것입니다.
"""),
code("""
print("훈련 정확도  검증 정확도   차이   |w|<0.001 비율   모델")
for name, history in histories.items():
    train_acc, val_acc = history.history["accuracy"][-1], history.history["val_accuracy"][-1]
    small = np.mean(np.abs(kernels[name]) < 1e-3)
    print(f"{train_acc:10.3f}{val_acc:12.3f}{train_acc - val_acc:8.3f}{small:14.1%}      {name}")
"""),
code("""
fig, axes = plots.new_figure(1, 2, figsize=(12, 4.2))
ax = axes[0, 0]
epochs = np.arange(1, 21)
for name, history in histories.items():
    gap = np.array(history.history["accuracy"]) - np.array(history.history["val_accuracy"])
    ax.plot(epochs, gap, "-o", markersize=3, label=name)
ax.set_xticks(epochs[1::2])
ax.set_xlabel("에포크")
ax.set_ylabel("훈련 정확도 − 검증 정확도")
ax.set_title("과대적합의 크기 (훈련 2,000개)")
ax.legend()
ax = axes[0, 1]
bins = np.linspace(-0.4, 0.4, 81)
for name in ["규제 없음", "L2(0.001)", "L1(0.0005)"]:
    ax.hist(kernels[name].ravel(), bins=bins, histtype="step", linewidth=1.5, label=name)
ax.set_yscale("log")
ax.set_xlabel("첫 번째 Dense 층의 가중치")
ax.set_ylabel("개수 (로그 눈금)")
ax.set_title("L1은 0에 뾰족하게, L2는 좁게 모은다")
ax.legend()
fig
"""),
md(r"""
그림과 표에서 볼 것:
- **규제 없음**: 훈련 정확도는 가장 높지만 검증 정확도와의 차이(gap)도 가장 크고, 에포크가 갈수록 커집니다. 2,000개를 외우고 있는 것입니다.
- **L1**: 가중치의 절반 정도가 0 근처에 몰려 있습니다(표의 `|w|<0.001 비율`). 테두리처럼 쓸모없는 픽셀의 가중치가 0이 되어 모델이 **희소**(sparse)해집니다.
  경사 하강법은 $\lambda_1\,\mathrm{sign}(w)$ 만큼씩 움직이므로 정확한 0이 아니라 0 바로 옆에서 오락가락하지만, 위의 1차원 계산처럼 최적해 자체는 정확히 0입니다.
  대신 이 세기(0.0005)에서는 검증 정확도도 조금 잃었습니다. 규제의 세기 $\lambda$ 는 검증 세트를 보고 고르는 **하이퍼파라미터**(hyperparameter)입니다.
- **L2**: 큰 가중치들이 줄어들어 분포가 좁아지지만, 0에 몰리지는 않습니다.
- **드롭아웃**: 훈련 정확도를 조금 낮추는 대신 차이(gap)를 줄였습니다.
- 첫 에포크의 차이가 음수인 것은 `accuracy`가 에포크 **동안** 배치마다 잰 값의 평균(처음의 서툰 배치 포함)이고, `val_accuracy`는 에포크가 **끝난 뒤** 재기 때문입니다.

### 직접 해보기
- `l2(0.001)`을 `l2(0.01)`(케라스 기본값)로 바꾸면 훈련 정확도와 검증 정확도는 어떻게 되나요? 규제가 너무 세면 **과소적합**(underfitting)이 됩니다.
- `x_small`을 10,000개로 늘리면 규제 없는 모델의 차이(gap)는 어떻게 변할까요? 데이터를 늘리는 것이 가장 좋은 규제라는 말이 있습니다.

## 3. 드롭아웃 다시 보기

⚠️ 공부 노트에는 드롭아웃이 "활성화할 노드의 개수나 층을 설정하는 것"이라고 적혀 있지만 정확하지 않습니다.
`keras.layers.Dropout(rate)`는
- **훈련할 때만**, 배치마다 새로 뽑아서 앞 층 출력의 비율 `rate`만큼을 **무작위로 0**으로 만들고,
- 남은 출력은 $\frac{1}{1-\text{rate}}$ 배로 키워서 출력의 평균(기댓값)이 그대로 유지되게 합니다.
- **예측할 때는 아무것도 하지 않습니다**(끄지도, 키우지도 않습니다).

$$y = \frac{x \odot m}{1-\text{rate}}, \qquad m_i \sim \text{Bernoulli}(1-\text{rate}) \quad (\text{훈련}), \qquad y = x \quad (\text{예측})$$

어떤 뉴런이 꺼질지 모르니 특정 뉴런에 과도하게 의존할 수 없고, 매 배치 조금씩 다른 모델을 훈련해 평균 내는 효과가 있습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
dropout = keras.layers.Dropout(0.3)
x = np.ones((1000, 100), dtype=np.float32)
y_train = dropout(x, training=True)
y_infer = dropout(x, training=False)
print("훈련: 0이 된 비율", np.round(np.mean(y_train == 0), 2), " 남은 값", np.unique(y_train[y_train > 0]),
      " = 1/(1-0.3) =", round(1 / 0.7, 4))
print("훈련: 출력의 평균", np.round(y_train.mean(), 2), "(입력 평균 1.0이 유지됩니다)")
print("예측: 입력과 똑같은가?", np.array_equal(y_infer, x))
"""),
md(r"""
`fit`은 층을 `training=True`로, `evaluate`와 `predict`는 `training=False`로 부릅니다. 그래서 드롭아웃을 쓴 모델도 예측할 때는 모든 뉴런을 씁니다.
드롭아웃 층은 파라미터가 없습니다(0개).

## 4. 가중치 초기화가 중요한 이유

훈련은 가중치의 **초깃값**(initial value)에서 출발합니다. 초깃값이 너무 작으면 층을 지날 때마다 신호가 작아져 사라지고(기울기도 함께 사라집니다),
너무 크면 tanh·시그모이드가 $\pm 1$ 근처에 **포화**(saturation)되어 기울기가 0이 됩니다. 모든 가중치를 0으로 두면 같은 층의 뉴런이 모두 같은 값을 내고 같은 기울기를 받아 영원히 똑같이 움직입니다(대칭 문제).

층을 지나도 활성화 값의 분산이 유지되도록 가중치의 크기를 **입력 수**(fan_in)와 **출력 수**(fan_out)에 맞춰 정하는 방법이 쓰입니다.

| 초기화 | 분포 | 잘 맞는 활성화 |
| --- | --- | --- |
| Glorot(Xavier) uniform — **케라스 Dense의 기본값** | $U(-r, r)$, $r = \sqrt{6/(\text{fan\_in} + \text{fan\_out})}$ | tanh, 시그모이드 |
| He normal | 표준편차 $\sqrt{2/\text{fan\_in}}$ 인 (절단) 정규분포 | 렐루 |

렐루는 음수를 모두 0으로 만들어 분산이 절반으로 줄어드므로, He 초기화는 분산을 2배($2/\text{fan\_in}$)로 잡습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
dense = keras.layers.Dense(100)
dense.build((None, 784))
kernel = dense.get_weights()[0]
limit = np.sqrt(6 / (784 + 100))
print("기본 초기화:", dense.get_config()["kernel_initializer"])
print(f"Glorot uniform 한계 r = sqrt(6 / (784 + 100)) = {limit:.4f}")
print("모든 가중치가 [-r, r] 안에 있나?", bool(np.all(np.abs(kernel) <= limit)), "  절편은 모두 0?", bool(np.all(dense.get_weights()[1] == 0)))
"""),
md(r"""
### 층마다 활성화 값의 히스토그램

평균 0, 표준편차 1인 입력 1,000개를 뉴런 100개짜리 층 5개에 차례로 통과시키고, 층마다 출력의 분포를 그립니다.
아래 함수는 honggong의 `Dense` 층을 그대로 쓰고, 층의 출력을 모아 둘 뿐입니다.
"""),
code("""
INITIALIZERS = {
    "작은 정규분포 (표준편차 0.01)": keras.initializers.RandomNormal(stddev=0.01),
    "큰 정규분포 (표준편차 1.0)": keras.initializers.RandomNormal(stddev=1.0),
    "Glorot uniform (케라스 기본)": "glorot_uniform",
    "He normal": "he_normal",
}

def layer_outputs(initializer, activation, depth=5, seed=0):
    keras.utils.set_random_seed(seed)
    h = np.random.default_rng(seed).normal(size=(1000, 100)).astype(np.float32)
    outputs = []
    for _ in range(depth):
        h = keras.layers.Dense(100, activation=activation, kernel_initializer=initializer)(h)
        outputs.append(h)
    return outputs

def plot_layer_histograms(init_name, activation, depth=5):
    outputs = layer_outputs(INITIALIZERS[init_name], activation, depth)
    fig, axes = plots.new_figure(1, depth, figsize=(2.6 * depth, 2.6))
    value_range = (-1, 1) if activation == "tanh" else (0, 2)
    for i, (ax, h) in enumerate(zip(axes.ravel(), outputs)):
        ax.hist(h.ravel(), bins=30, range=value_range, color="tab:blue")
        ax.set_title(f"{i + 1}층  std={h.std():.3g}", fontsize=10)
    fig.suptitle(f"{init_name}, {activation}")
    return fig
"""),
code("""
plot_layer_histograms("작은 정규분포 (표준편차 0.01)", "tanh")
"""),
code("""
plot_layer_histograms("큰 정규분포 (표준편차 1.0)", "tanh")
"""),
code("""
plot_layer_histograms("Glorot uniform (케라스 기본)", "tanh")
"""),
md(r"""
- **작은 정규분포**: 층을 지날 때마다 표준편차가 거의 $1/10$ 로 줄어 5층에서는 모든 값이 0에 붙습니다. 신호도, 거꾸로 전해지는 기울기도 사라집니다.
- **큰 정규분포**: tanh 출력이 거의 모두 $-1$ 또는 $+1$ 에 몰립니다(포화). 그곳에서 tanh의 도함수는 0이라 학습이 멈춥니다.
- **Glorot**: 층을 지나며 표준편차가 조금씩 줄지만 값이 사라지거나 몰리지 않고 고르게 퍼져 있습니다. 공부 노트의 말처럼 "활성화 값이 골고루 분포되는 것"이 중요합니다.

### 직접 해보기: 초기화 × 활성화 함수

초기화 방법, 활성화 함수, 층 수를 바꿔 보세요. 렐루에서 Glorot과 He를 비교하면, 층이 깊어질수록 어느 쪽이 표준편차를 더 잘 유지하나요?
"""),
code("""
import ipywidgets as widgets

@widgets.interact(init_name=widgets.Dropdown(options=list(INITIALIZERS), value="He normal", description="초기화"),
                  activation=widgets.Dropdown(options=["relu", "tanh", "sigmoid"], value="relu", description="활성화"),
                  depth=widgets.IntSlider(value=5, min=2, max=8, description="층 수", continuous_update=False))
def show_histograms(init_name, activation, depth):
    plots.show(plot_layer_histograms(init_name, activation, depth))
"""),
md(r"""
## 5. 배치 정규화

**배치 정규화**(batch normalization)는 층의 출력을 미니배치마다 평균 0, 분산 1로 맞춘 뒤 배울 수 있는 크기 $\gamma$ (gamma)와 이동 $\beta$ (beta)를 적용하는 층입니다.
초깃값이 조금 나빠도 층마다 분포를 다시 맞춰 주므로 깊은 신경망이 빨리, 안정적으로 학습됩니다.

**훈련할 때** (현재 배치의 평균 $\mu_B$, 분산 $\sigma_B^2$ 를 씁니다):

$$\hat{x} = \frac{x - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}, \qquad y = \gamma\,\hat{x} + \beta$$

그리고 예측 때 쓸 **이동 평균**(moving average)을 조금씩 갱신합니다(케라스 기본 momentum = 0.99, $\epsilon$ = 0.001):

$$\text{moving\_mean} \leftarrow 0.99\cdot\text{moving\_mean} + 0.01\cdot\mu_B, \qquad \text{moving\_variance} \leftarrow 0.99\cdot\text{moving\_variance} + 0.01\cdot\sigma_B^2$$

**예측할 때**는 배치 통계 대신 moving_mean, moving_variance로 정규화합니다. 그래서 샘플 하나만 넣어도, 같이 들어온 다른 샘플과 상관없이 같은 결과가 나옵니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
rng = np.random.default_rng(0)
batch = rng.normal(loc=5.0, scale=3.0, size=(256, 3)).astype(np.float32)   # 평균 5, 표준편차 3인 특성 3개
bn = keras.layers.BatchNormalization()
out = bn(batch, training=True)
print("배치 평균      ", batch.mean(axis=0))
print("훈련 출력 평균 ", out.mean(axis=0).round(3) + 0.0, "  표준편차", out.std(axis=0).round(3))
moving_mean, moving_var = bn.get_weights()[2:]
print("한 번 뒤 moving_mean", moving_mean, "= 0.01 × 배치 평균")
"""),
md(r"""
이동 평균은 아직 0에서 조금밖에 움직이지 않았습니다. 이 상태로 예측하면 정규화가 제대로 되지 않습니다. 여러 배치로 훈련하면(여기서는 같은 분포의 배치 500개) 이동 평균이 데이터의 평균·분산에 가까워지고, 예측 출력도 평균 0, 표준편차 1 근처가 됩니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print("훈련 1번 뒤 예측 출력 평균", bn(batch, training=False).mean(axis=0).round(2))
for _ in range(500):
    bn(rng.normal(loc=5.0, scale=3.0, size=(256, 3)).astype(np.float32), training=True)
moving_mean, moving_var = bn.get_weights()[2:]
print("훈련 501번 뒤 moving_mean", moving_mean.round(1), " moving_variance", moving_var.round(0))
print("훈련 501번 뒤 예측 출력 평균", bn(batch, training=False).mean(axis=0).round(1) + 0.0)
"""),
md(r"""
배치 정규화 층의 파라미터는 특성마다 4개입니다. $\gamma$, $\beta$ 는 경사 하강법으로 훈련되고(trainable), moving_mean, moving_variance는 위처럼 평균으로 갱신될 뿐 훈련되지 않습니다(non-trainable).
특성 64개 뒤의 배치 정규화는 $64 \times 4 = 256$ 개, 그중 128개가 non-trainable입니다.

보통 `Dense(활성화 없음) → BatchNormalization → Activation` 순서로 씁니다. 배치 정규화의 $\beta$ 가 절편 역할을 하므로 앞의 Dense에 `use_bias=False`를 주기도 합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.backend.clear_session()
bn_model = keras.Sequential([
    keras.Input(shape=(10,)),
    keras.layers.Dense(64),
    keras.layers.BatchNormalization(),
    keras.layers.Activation("relu"),
    keras.layers.Dense(1),
])
bn_model.summary()
"""),
md(r"""
### 초기화와 배치 정규화가 훈련에 주는 차이

렐루 층 5개짜리 깊은 모델을 SGD(learning_rate=0.01)로 훈련해서 비교합니다: 4절의 작은 정규분포(0.01), 케라스 기본값 Glorot uniform, 렐루에 맞춘 He normal,
그리고 Glorot uniform에 배치 정규화를 넣은 모델. (훈련 데이터 2,000개, 5 에포크. 모델마다 한 번씩만 훈련합니다.)
"""),
code("""
def deep_model(initializer, batch_norm):
    layers = [keras.Input(shape=(28, 28)), keras.layers.Flatten()]
    for _ in range(5):
        if batch_norm:
            layers += [keras.layers.Dense(100, kernel_initializer=initializer),
                       keras.layers.BatchNormalization(),
                       keras.layers.Activation("relu")]
        else:
            layers.append(keras.layers.Dense(100, activation="relu", kernel_initializer=initializer))
    layers.append(keras.layers.Dense(10, activation="softmax"))
    model = keras.Sequential(layers)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model

deep_settings = {
    "작은 정규분포(0.01)": (keras.initializers.RandomNormal(stddev=0.01), False),
    "Glorot uniform": ("glorot_uniform", False),
    "He normal": ("he_normal", False),
    "Glorot + 배치 정규화": ("glorot_uniform", True),
}
deep_runs = {}
for name, (initializer, batch_norm) in deep_settings.items():
    keras.utils.set_random_seed(42)
    history = deep_model(initializer, batch_norm).fit(
        x_small, y_small, epochs=5, verbose=0, validation_data=(x_val, y_val))
    deep_runs[name] = history
    print(f"손실 {history.history['loss'][0]:.3f} → {history.history['loss'][-1]:.3f}"
          f"   검증 정확도 {history.history['val_accuracy'][-1]:.3f}   {name}")
"""),
code("""
fig, axes = plots.new_figure(1, 2, figsize=(12, 4.2))
for name, history in deep_runs.items():
    axes[0, 0].plot(np.arange(1, 6), history.history["loss"], "-o", label=name)
    axes[0, 1].plot(np.arange(1, 6), history.history["val_accuracy"], "-o", label=name)
axes[0, 0].axhline(np.log(10), color="gray", linestyle=":", label="ln 10 ≈ 2.303 (찍기 수준)")
axes[0, 0].set_title("훈련 손실 (렐루 층 5개, SGD 0.01)")
axes[0, 1].set_title("검증 정확도")
for ax in axes[0]:
    ax.set_xticks(range(1, 6))
    ax.set_xlabel("에포크")
    ax.legend(fontsize=9)
fig
"""),
md(r"""
- 작은 초기화만 쓴 모델은 손실이 $\ln 10 \approx 2.303$ 에 머뭅니다. 10개 클래스에 모두 $1/10$ 확률을 주는, 찍기 수준의 손실입니다. 신호가 사라져서 기울기도 거의 0입니다.
- Glorot uniform은 학습은 되지만 렐루 층이 깊으면 처음 몇 에포크가 느립니다. 렐루에 맞춘 He normal이 더 빨리 내려갑니다.
- 같은 Glorot 초기화에 배치 정규화를 넣으면 층마다 분포가 다시 맞춰져 처음부터 빠르게 학습됩니다.

### 직접 해보기
- `SGD(learning_rate=0.01)`을 `"adam"`으로 바꾸면 네 모델은 어떻게 달라지나요?
- 작은 정규분포(0.01)에 배치 정규화를 넣어 보세요(`deep_model(keras.initializers.RandomNormal(stddev=0.01), True)`). 훈련 손실은 빨리 줄어드는데, 처음 몇 에포크의 **검증** 정확도는 10% 근처에 머뭅니다. 왜일까요?
  힌트: 예측 때는 moving_variance를 씁니다. 그 초깃값은 1이고 momentum이 0.99인데, 작은 초기화에서 층 출력의 실제 분산은 1보다 훨씬 작습니다.

## 정리
- 규제는 손실에 가중치 벌점을 더합니다. L1($\lambda\sum|w|$)은 가중치를 **정확히 0**으로 만들어 희소하게, L2($\lambda\sum w^2$)는 모든 가중치를 **부드럽게** 줄입니다.
- 이상치에 강한 것은 L1 **손실**(MAE)입니다. 규제와 손실을 섞지 마세요.
- 드롭아웃은 훈련 때만 비율 `rate`를 0으로 만들고 나머지를 $1/(1-\text{rate})$ 배 합니다. 예측 때는 아무것도 하지 않습니다.
- 초기화는 층마다 활성화 값의 분포를 정합니다. 케라스 Dense의 기본은 Glorot uniform, 렐루에는 He가 잘 맞습니다.
- 배치 정규화는 훈련 때 배치 통계로 정규화하며 이동 평균을 모으고, 예측 때는 이동 평균을 씁니다. 파라미터는 특성마다 4개(2개는 non-trainable)입니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch08", 1)
"""),
code("""
quiz.ask("ch08", 2)
"""),
code("""
quiz.ask("ch08", 3)
"""),
code("""
quiz.ask("ch08", 4)
"""),
code("""
quiz.ask("ch08", 5)
"""),
code("""
quiz.ask("ch08", 6)
"""),
md(r"""
---
다음 장: [9장. 회귀](09_regression.ipynb)
"""),
]
