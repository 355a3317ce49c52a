"""Generator for notebooks/03_dense_flatten.ipynb (3장. Dense와 Flatten). Build: .venv/bin/python tools/build_notebooks.py 03"""
from nbtools import code, md

FILENAME = "03_dense_flatten.ipynb"

CELLS = [
md(r"""
# 3장. Dense와 Flatten

이 장에서는 신경망의 가장 기본 블록인 **밀집층**(dense layer, 완전 연결층 fully connected layer)과 **Flatten 층**을 직접 들여다봅니다.

이 장에서 배우는 것:
- 뉴런 하나의 계산: 가중합 + 절편 + 활성화 함수
- 밀집층 = **행렬 곱 + 절편**, 그리고 모델 파라미터 개수 세기
- `summary()` 표 읽기와 `None` 배치 차원
- Flatten, 층 호환성과 입력 모양 추론, 모델은 층으로 된 방향성 비순환 그래프
- `Sequential` 모델을 만드는 두 방법: 리스트 `[...]`와 `add()`
"""),
code("""
%matplotlib inline
import numpy as np
from honggong import keras, activations

np.set_printoptions(precision=4, suppress=True)
keras.utils.set_random_seed(42)   # 가중치 초깃값을 매번 같게
"""),
md(r"""
## 1. 뉴런 하나

뉴런(neuron, 유닛 unit)은 입력 $x_1, \dots, x_n$ 에 **가중치**(weight) $w_1, \dots, w_n$ 를 곱해 더하고, **절편**(bias) $b$ 를 더한 뒤 활성화 함수 $f$ 를 통과시킵니다.

$$z = w_1x_1 + w_2x_2 + \dots + w_nx_n + b = \mathbf{x}\cdot\mathbf{w} + b, \qquad a = f(z)$$
"""),
code("""
# NBVAL_CHECK_OUTPUT
x = np.array([1.0, 2.0, 3.0])
w = np.array([0.5, -1.0, 0.25])
b = 0.1
z = x @ w + b                      # 0.5 - 2.0 + 0.75 + 0.1
print(f"z = {z:.4f}   sigmoid(z) = {activations.sigmoid(z):.4f}")
"""),
md(r"""
## 2. 밀집층 = 행렬 곱 + 절편

뉴런을 `units`개 나란히 놓고, 모든 입력이 모든 뉴런에 연결된 것이 **밀집층**입니다. 뉴런마다 가중치 벡터가 하나씩 있으니 이것을 열로 모으면
**가중치 행렬**(커널, kernel) $W$ 의 모양은 `(입력 수, units)`, 절편 $\mathbf{b}$ 는 `(units,)` 입니다. 샘플 여러 개를 행으로 쌓은 입력 $X$ `(batch, 입력 수)` 에 대해

$$Y = f(XW + \mathbf{b}) \qquad (\text{batch}, n_\text{in}) \times (n_\text{in}, \text{units}) \rightarrow (\text{batch}, \text{units})$$

절편 덧셈은 1장에서 본 브로드캐스팅입니다. 케라스의 `Dense` 층으로 만들고, 같은 값을 넘파이로 직접 계산해 비교해 봅시다.
층은 처음 호출될 때 입력 모양을 보고 가중치를 만듭니다(build).
"""),
code("""
# NBVAL_CHECK_OUTPUT
dense = keras.layers.Dense(10, activation="sigmoid")
X = np.random.default_rng(0).normal(size=(4, 100)).astype(np.float32)   # 샘플 4개, 특성 100개
Y = dense(X)
W, b = dense.weights
print("kernel", W.shape, " bias", b.shape, " output", Y.shape)
print("직접 계산과 같은가?", np.allclose(Y, activations.sigmoid(X @ W + b)))
"""),
md(r"""
### 모델 파라미터 세기

가중치 행렬에 $n_\text{in} \times \text{units}$ 개, 절편에 $\text{units}$ 개가 있습니다.

$$\text{파라미터 수} = n_\text{in} \times \text{units} + \text{units}$$

⚠️ 공부 노트에는 "입력 100개, 뉴런 10개인 밀집층의 파라미터는 $100 \times 10 = 1{,}000$개"라고 적혀 있지만 **틀렸습니다**. 뉴런마다 절편이 하나씩 있으므로 $1{,}000 + 10 = 1{,}010$ 개입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(dense.count_params(), "=", 100 * 10, "+", 10)
"""),
md(r"""
### 직접 해보기: 파라미터 계산기

입력 수와 뉴런 수를 바꾸면 층을 실제로 만들어 파라미터를 세고, 공식과 비교합니다.
패션 MNIST 이미지(784 픽셀)를 뉴런 100개에 연결하면 몇 개일까요?
"""),
code("""
import ipywidgets as widgets

@widgets.interact(n_in=widgets.IntSlider(value=784, min=1, max=1000, description="입력 수"),
                  units=widgets.IntSlider(value=100, min=1, max=300, description="뉴런 수"))
def count_dense_params(n_in, units):
    layer = keras.layers.Dense(units)
    layer.build((None, n_in))
    print(f"kernel {layer.weights[0].shape} + bias {layer.weights[1].shape}")
    print(f"{n_in} × {units} + {units} = {n_in * units + units:,}   (층이 센 값: {layer.count_params():,})")
"""),
md(r"""
## 3. Flatten: 펼치기만 하는 층

밀집층은 샘플 하나를 **1차원 벡터**로 받습니다. 28×28 이미지는 먼저 784개짜리 벡터로 펼쳐야 합니다. **Flatten** 층은 배치 차원은 그대로 두고 나머지 축을 하나로 합칩니다.
가중치가 없으니 배우는 것도 없습니다(파라미터 0개). 그래도 입력을 변환하니 층이라고 부릅니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
flatten = keras.layers.Flatten()
images = np.zeros((5, 28, 28), dtype=np.float32)
print(images.shape, "->", flatten(images).shape, "  파라미터:", flatten.count_params())
"""),
md(r"""
진짜 옷 사진 한 장을 펼쳐 보면, 28줄의 픽셀이 한 줄(784칸)로 이어 붙습니다. 위쪽 행부터 차례로 붙으므로 순서는 1장의 `reshape`과 같습니다.
"""),
code("""
import matplotlib.pyplot as plt
from honggong import plots   # 한글 글꼴 등록
from honggong.datasets import fashion_mnist

(x_train, y_train), _ = fashion_mnist.load_data()
one = x_train[:1].astype(np.float32) / 255.0          # 모양 (1, 28, 28): 이미지 1장짜리 배치
flat = flatten(one)                                    # 모양 (1, 784)

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 3.6), height_ratios=[4, 1], layout="constrained")
ax1.imshow(one[0], cmap="gray_r")
ax1.set_title(f"Flatten 전: {one.shape}  ({fashion_mnist.CLASS_NAMES_KO[y_train[0]]})")
ax1.axis("off")
ax2.imshow(flat, cmap="gray_r", aspect="auto")
ax2.set_title(f"Flatten 후: {flat.shape}")
ax2.set_yticks([])
ax2.set_xlabel("픽셀 번호 (0 ~ 783)")
plt.show()
"""),
md(r"""
## 4. Sequential 모델: 두 가지 방법

층을 순서대로 쌓은 모델이 `Sequential`입니다. 케라스 3에서는 맨 앞에 `keras.Input(shape=...)`으로 **샘플 하나의 모양**을 알려 줍니다(배치 차원은 빼고 씁니다).

> 옛날(TF 2.x) 코드는 `Flatten(input_shape=(28, 28))`처럼 첫 층에 `input_shape`을 줬습니다. 케라스 3에서는 경고가 나오는 옛 방식이니 `keras.Input`을 쓰세요.

**방법 1: 층의 리스트를 넘기기**
"""),
code("""
keras.backend.clear_session()     # 층 이름을 flatten, dense, dense_1, ... 처음부터 다시 셉니다
model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
], name="fashion")
"""),
md(r"""
`summary()`는 층마다 **출력 모양**과 **파라미터 수**를 보여 줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
model.summary()
"""),
md(r"""
표를 읽어 봅시다.
- 출력 모양의 첫 자리 `None`은 **배치 차원**입니다. 한 번에 샘플을 몇 개 넣을지는 모델을 만들 때 정해지지 않았으므로 "아무 수나 가능"이라는 뜻으로 `None`이라고 씁니다.
- Flatten: `(None, 784)`, 파라미터 0.
- 첫 Dense: $784 \times 100 + 100 = 78{,}500$, 둘째 Dense: $100 \times 10 + 10 = 1{,}010$, 합계 $79{,}510$.

`None`이 정말 "아무 수나"인지 샘플 1개와 32개를 넣어 확인해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(model.predict(np.zeros((1, 28, 28)), verbose=0).shape)
print(model.predict(np.zeros((32, 28, 28)), verbose=0).shape)
print("전체 파라미터:", model.count_params())
"""),
md(r"""
**방법 2: 빈 모델에 `add()`로 하나씩 추가하기** — 조건에 따라 층을 넣고 뺄 때 편합니다. 만들어지는 모델은 같습니다.
`add()`에는 층 **객체**를 넘깁니다: `model.add(keras.layers.Dense(10, activation="relu"))` (클래스 `keras.layers.Dense`만 넘기면 안 됩니다).
"""),
code("""
# NBVAL_CHECK_OUTPUT
model2 = keras.Sequential(name="fashion_add")
model2.add(keras.Input(shape=(28, 28)))
model2.add(keras.layers.Flatten())
model2.add(keras.layers.Dense(100, activation="relu"))
model2.add(keras.layers.Dense(10, activation="softmax"))
print(model2.count_params(), [layer.name for layer in model2.layers])
"""),
md(r"""
## 5. 층 호환성과 입력 모양 추론

층은 앞 층의 출력을 입력으로 받으므로 모양이 **맞아야**(호환, compatible) 합니다. 대신 두 번째 층부터는 입력 모양을 적을 필요가 없습니다.
앞 층의 출력 모양에서 자동으로 **추론**(inference)되기 때문입니다. 아래에서 `Dense(10)`의 커널 모양 `(32, 10)`의 32는 우리가 적지 않았습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
small = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(32),
    keras.layers.Dense(10),
])
for layer in small.layers:
    print(f"{layer.name:8} kernel {layer.weights[0].shape}  bias {layer.weights[1].shape}")
"""),
md(r"""
모양이 맞지 않으면 어떻게 될까요? 28×28 이미지를 Flatten 없이 Dense에 넣어 봅시다. `honggong`은 무엇이 들어왔고 어떻게 고치면 되는지 알려 줍니다.

> 참고: 진짜 케라스 3의 `Dense`는 3차원 입력도 받아서 **마지막 축에만** 적용합니다(출력 `(None, 28, 10)`). 이 시리즈의 이미지 분류에서는 거의 항상 Flatten을 빠뜨린 실수이므로, `honggong`은 오류로 알려 줍니다.
"""),
code("""
try:
    keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Dense(10)])
except ValueError as err:
    print(type(err).__name__, ":", err)
"""),
md(r"""
## 6. 모델은 층으로 된 그래프

층을 노드(node), 데이터가 흐르는 방향을 화살표(edge)로 그리면 모델은 **방향성 비순환 그래프**(DAG, directed acyclic graph)입니다.
화살표에 방향이 있고, 따라가다 보면 같은 층으로 되돌아오는 고리(cycle)가 없습니다. `Sequential`은 그중 가장 단순한, 한 줄로 이어진 그래프입니다.

```mermaid
graph LR
    I["Input (None, 28, 28)"] --> F["Flatten (None, 784)"] --> D1["Dense 100, relu"] --> D2["Dense 10, softmax"]
```

케라스의 함수형 API(functional API)로는 입력이 둘이거나, 중간에 갈라졌다가 다시 합쳐지는(예: 이미지와 텍스트를 함께 받는) 그래프도 만들 수 있습니다.
그런 모델도 고리만 없으면 입력에서 출력 방향으로 차례대로 계산할 수 있습니다. 이 시리즈에서는 `Sequential`만 씁니다.

### 직접 해보기
- 첫 Dense의 뉴런을 100개에서 300개로 바꾸면 파라미터는 몇 개가 될까요? 먼저 계산하고 `summary()`로 확인하세요.
- `keras.Input(shape=(28, 28))`을 `keras.Input(shape=(784,))`로 바꾸고 Flatten을 빼도 같은 파라미터 수가 나오나요?
- 입력 특성 100개, 뉴런 10개인 밀집층의 파라미터 수를 위의 위젯으로 확인해 보세요.

## 정리
- 밀집층: $Y = f(XW + \mathbf{b})$, 파라미터 $n_\text{in} \times \text{units} + \text{units}$ (절편을 잊지 마세요).
- `summary()`의 `None`은 아직 정해지지 않은 배치 크기입니다.
- Flatten은 배치 차원을 뺀 나머지를 펼치기만 합니다(파라미터 0).
- 첫 층 앞에 `keras.Input(shape=...)`, 이후 층의 입력 모양은 자동으로 추론됩니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch03", 1)
"""),
code("""
quiz.ask("ch03", 2)
"""),
code("""
quiz.ask("ch03", 3)
"""),
code("""
quiz.ask("ch03", 4)
"""),
code("""
quiz.ask("ch03", 5)
"""),
md(r"""
---
다음 장: [4장. 손실 함수](04_losses.ipynb)
"""),
]
