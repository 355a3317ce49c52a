"""Generator for notebooks/02_activations.ipynb (2장. 활성화 함수). Build: .venv/bin/python tools/build_notebooks.py 02"""
from nbtools import code, md

FILENAME = "02_activations.ipynb"

CELLS = [
md(r"""
# 2장. 활성화 함수

뉴런은 입력에 가중치를 곱해 더한 값 $z = w_1x_1 + \dots + w_nx_n + b$ 를 계산한 뒤, 그 값을 **활성화 함수**(activation function) $f$ 에 통과시켜
$a = f(z)$ 를 내보냅니다. 이 장에서는 자주 쓰는 활성화 함수의 모양과 **도함수**(derivative, 기울기)를 그려 보고, 어떤 층에 어떤 함수를 쓰는지 정리합니다.

이 장에서 배우는 것:
- 활성화 함수가 왜 필요한가 (비선형성, nonlinearity)
- 시그모이드(sigmoid), 하이퍼볼릭 탄젠트(tanh), 렐루(ReLU), 리키 렐루(LeakyReLU), 그리고 ELU·GELU
- 기울기 소실(vanishing gradient)과 렐루가 은닉층의 기본값이 된 이유
- 소프트맥스(softmax)와 출력층 활성화 함수 고르기: 이진 분류 / 다중 분류 / 회귀
"""),
code("""
%matplotlib inline
import numpy as np
from honggong import activations, plots, widgets

np.set_printoptions(precision=4, suppress=True)
"""),
md(r"""
## 1. 활성화 함수가 없으면?

활성화 함수 없이 층을 두 개 쌓으면 $W_2(W_1x) = (W_2W_1)x$ 이므로 **층 하나와 똑같습니다**. 선형 변환을 아무리 겹쳐도 선형 변환이기 때문입니다.
층 사이에 비선형 함수를 끼워야 층을 쌓는 의미가 생깁니다. 넘파이로 확인해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
rng = np.random.default_rng(0)
x = rng.normal(size=(5, 4))          # 샘플 5개, 특성 4개
W1 = rng.normal(size=(4, 3))
W2 = rng.normal(size=(3, 2))
two_layers = (x @ W1) @ W2
one_layer = x @ (W1 @ W2)            # 가중치 (4, 2) 하나짜리 층
print("활성화 없음, 두 층 == 한 층:", np.allclose(two_layers, one_layer))
with_relu = activations.relu(x @ W1) @ W2
print("ReLU를 끼우면 두 층 == 한 층:", np.allclose(with_relu, one_layer))
"""),
md(r"""
## 2. 시그모이드와 tanh

**시그모이드**(sigmoid, 로지스틱 함수)는 어떤 실수든 0과 1 사이로 눌러 줍니다. 그래서 "확률"처럼 읽을 수 있습니다.

$$\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)$$

**tanh**(하이퍼볼릭 탄젠트)는 모양은 같지만 출력이 −1과 1 사이이고 0을 중심으로 대칭입니다.

$$\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}, \qquad \tanh'(z) = 1 - \tanh^2(z)$$

`honggong.activations`의 함수로 몇 점을 계산하고, 도함수는 공식과 비교해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
z = np.array([-4.0, -2.0, 0.0, 2.0, 4.0], dtype=np.float32)
s = activations.sigmoid(z)
print("sigmoid(z)  =", s)
print("sigmoid'(z) =", activations.get("sigmoid").derivative(z))
print("s*(1-s)     =", s * (1 - s))
print("tanh(z)     =", activations.tanh(z))
print("tanh'(z)    =", activations.get("tanh").derivative(z))
"""),
md(r"""
두 가지를 눈여겨보세요.
- 시그모이드의 기울기는 $z = 0$ 에서 가장 크고, 그 값이 고작 **0.25** 입니다. tanh도 최대 1입니다.
- $|z|$ 가 커지면(예: ±4) 두 함수 모두 **평평해져서**(포화, saturation) 기울기가 0에 가까워집니다.

## 3. 렐루(ReLU)와 그 친구들

**렐루**(ReLU, Rectified Linear Unit)는 양수는 그대로, 음수는 0으로 만듭니다.

$$\mathrm{ReLU}(z) = \max(0, z), \qquad \mathrm{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z < 0 \end{cases}$$

양수 쪽 기울기가 항상 1이라 층을 많이 쌓아도 기울기가 줄지 않고, 계산도 아주 빠릅니다. ($z = 0$ 에서는 미분할 수 없지만, 관례대로 0을 씁니다.)
단점은 입력이 계속 음수인 뉴런은 기울기가 0이라 더 이상 배우지 못한다는 것("죽은 렐루", dying ReLU)입니다. 이를 보완한 함수들:

- **리키 렐루**(LeakyReLU): 음수 쪽에 작은 기울기 $\alpha$ 를 남깁니다. $f(z) = z$ ($z \ge 0$), $\alpha z$ ($z < 0$).
  케라스 3에서 함수 `keras.activations.leaky_relu`의 기본값은 `negative_slope=0.2`, **층** `keras.layers.LeakyReLU`의 기본값은 `negative_slope=0.3`입니다(둘이 다릅니다!).
- **ELU**: 음수 쪽을 $\alpha(e^{z} - 1)$ 로 부드럽게 −α 에 다가가게 합니다(기본 $\alpha = 1$).
- **GELU**: $z \cdot \Phi(z)$ ($\Phi$ 는 표준정규분포의 누적분포함수). 트랜스포머(Transformer) 모델에서 많이 씁니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0], dtype=np.float32)
print("relu       ", activations.relu(z))
print("relu'      ", activations.get("relu").derivative(z))
print("leaky_relu ", activations.leaky_relu(z))      # negative_slope=0.2
print("elu        ", activations.elu(z))
print("gelu       ", activations.gelu(z))
"""),
md(r"""
## 4. 그림으로 비교하기

실선은 함수, 점선은 도함수입니다. 시그모이드의 도함수가 얼마나 작은지, 렐루의 도함수가 0 아니면 1인지 확인해 보세요.
"""),
code("""
plots.plot_activations(["sigmoid", "tanh", "relu", "leaky_relu"])
"""),
md(r"""
### 직접 해보기: 활성화 함수 탐색기

함수를 고르고 슬라이더로 점 $x$ 를 움직여 보세요. 빨간 점선이 도함수, 검은 점선이 그 점에서의 **접선**(tangent)입니다. 접선의 기울기가 곧 도함수 값입니다.
- 시그모이드에서 $x = 5$ 일 때 접선은 얼마나 평평한가요? 도함수 값을 읽어 보세요.
- 같은 $x = 0$ 에서 시그모이드와 tanh의 기울기를 비교해 보세요(0.25와 1).
- 렐루에서 $x$ 를 음수로 옮기면 기울기는?
"""),
code("""
explorer = widgets.activation_explorer("sigmoid", x=1.0)
"""),
md(r"""
ELU와 GELU도 그려 봅시다. 둘 다 음수 쪽이 0이 아니라 부드럽게 휘어 있습니다.
"""),
code("""
plots.plot_activations(["elu", "gelu"])
"""),
md(r"""
## 5. 기울기 소실(vanishing gradient)

신경망은 **역전파**(backpropagation)로 학습합니다. 출력에서 입력 쪽으로 가면서 층마다 활성화 함수의 도함수가 **곱해집니다**(연쇄 법칙, chain rule).
시그모이드의 도함수는 최대 0.25이므로, 층이 $n$ 개면 기울기는 많아야 $0.25^n$ 배로 줄어듭니다. 앞쪽 층은 거의 배우지 못합니다. 이것이 **기울기 소실**입니다.
렐루는 양수 쪽 기울기가 1이라 이 곱이 줄지 않습니다. 그래서 심층 신경망의 은닉층에는 렐루를 기본으로 씁니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
best_sigmoid = float(activations.get("sigmoid").derivative(np.float32(0.0)))   # 0.25, 가장 좋은 경우
for n in [1, 2, 5, 10, 20]:
    print(f"층 {n:2d}개: 시그모이드 {best_sigmoid ** n:.2e}   렐루 {1.0 ** n:.0f}")
"""),
md(r"""
## 6. 소프트맥스(softmax)와 출력층

다중 분류의 출력층은 클래스마다 점수 $z_1, \dots, z_K$ (로짓, logits)를 내고, **소프트맥스**가 이것을 **합이 1인 확률**로 바꿉니다.

$$\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}$$

계산할 때는 $e^{z}$ 가 넘치지(overflow) 않도록 모든 $z$ 에서 최댓값을 빼고 계산합니다. 분자와 분모에 같은 $e^{-\max z}$ 가 곱해지므로 결과는 같습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
logits = np.array([[2.0, 1.0, 0.1],
                   [1000.0, 1001.0, 1002.0]], dtype=np.float32)
p = activations.softmax(logits)
print(p)
print("행마다 합:", p.sum(axis=-1))
"""),
md(r"""
두 번째 행은 점수가 1000이 넘어도 넘치지 않습니다. 결과는 `softmax([0, 1, 2])`와 같습니다. 모든 점수에 같은 수를 더하거나 빼도 소프트맥스의 결과는 변하지 않기 때문입니다.

클래스가 두 개일 때는 출력 뉴런 하나에 시그모이드를 쓰면 됩니다. 실제로 점수 $[z, 0]$ 의 소프트맥스 첫 값은 $\sigma(z)$ 와 같습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
z = np.float32(1.5)
print(activations.softmax(np.array([z, 0.0], dtype=np.float32))[0], activations.sigmoid(z))
"""),
md(r"""
### 출력층 활성화 함수 고르기

| 문제 | 출력층 | 활성화 함수 | 손실 함수 (4장) |
| --- | --- | --- | --- |
| 이진 분류 (예: 스팸인가?) | `Dense(1)` | `"sigmoid"` | `"binary_crossentropy"` |
| 다중 분류 (예: 옷 10종류) | `Dense(10)` | `"softmax"` | `"sparse_categorical_crossentropy"` (정수 레이블) 또는 `"categorical_crossentropy"` (원-핫) |
| 회귀 (예: 집값) | `Dense(1)` | 없음 (`None` = `"linear"`, 항등 함수) | `"mse"` (또는 `"mae"`, Huber) |

은닉층에는 특별한 이유가 없으면 `"relu"`를 씁니다. 회귀의 출력층에 렐루나 시그모이드를 쓰면 출력 범위가 잘려 버리니 주의하세요.

### 직접 해보기
- `activations.softmax`에 `[1, 2, 3]`과 `[11, 12, 13]`을 넣어 비교해 보세요. 왜 같을까요?
- `activations.get("leaky_relu", negative_slope=0.3)`로 층 `LeakyReLU`의 기본값과 같은 함수를 만들어 보세요.

## 정리
- 활성화 함수가 없으면 층을 쌓아도 선형 모델 하나와 같습니다.
- 시그모이드 $\sigma' \le 0.25$, tanh $\le 1$: 포화되면 기울기가 사라집니다. 렐루는 양수에서 기울기 1.
- 은닉층은 렐루(또는 그 변형), 출력층은 문제에 따라 시그모이드 / 소프트맥스 / 선형.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch02", 1)
"""),
code("""
quiz.ask("ch02", 2)
"""),
code("""
quiz.ask("ch02", 3)
"""),
code("""
quiz.ask("ch02", 4)
"""),
code("""
quiz.ask("ch02", 5)
"""),
md(r"""
---
다음 장: [3장. Dense와 Flatten](03_dense_flatten.ipynb)
"""),
]
