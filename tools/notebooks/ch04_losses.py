"""Generator for notebooks/04_losses.ipynb (4장. 손실 함수). Build: .venv/bin/python tools/build_notebooks.py 04"""
from nbtools import code, md

FILENAME = "04_losses.ipynb"

CELLS = [
md(r"""
# 4장. 손실 함수

**손실 함수**(loss function)는 모델의 예측이 정답에서 **얼마나 틀렸는지**를 숫자 하나로 나타냅니다. 훈련은 이 숫자를 줄이는 방향으로 가중치를 조금씩 고치는 일입니다.
`model.compile(loss=...)`에 무엇을 넣을지가 이 장의 주제입니다.

이 장에서 배우는 것:
- 회귀(regression): 평균 제곱 오차(MSE), 평균 절댓값 오차(MAE), 후버(Huber) 손실
- 분류(classification): 이진 크로스엔트로피, 범주형 크로스엔트로피
- 정수 레이블(sparse)과 원-핫(one-hot) 레이블, 그리고 `from_logits`
- 왜 정확도(accuracy)가 아니라 손실을 최적화하는가
"""),
code("""
%matplotlib inline
import numpy as np
from honggong import keras, losses, plots, widgets

np.set_printoptions(precision=4, suppress=True)
"""),
md(r"""
## 1. 회귀의 손실: MSE, MAE, Huber

샘플 $n$ 개의 정답 $y_i$ 와 예측 $\hat{y}_i$ 의 오차 $e_i = \hat{y}_i - y_i$ 로 계산합니다.

$$\mathrm{MSE} = \frac{1}{n}\sum_i e_i^2, \qquad \mathrm{MAE} = \frac{1}{n}\sum_i |e_i|, \qquad
\mathrm{Huber}_\delta = \frac{1}{n}\sum_i \begin{cases} \tfrac12 e_i^2 & |e_i| \le \delta \\ \delta\,(|e_i| - \tfrac12\delta) & |e_i| > \delta \end{cases}$$

후버 손실은 작은 오차에는 MSE처럼, 큰 오차에는 MAE처럼 행동합니다(케라스 기본 $\delta = 1$).

아래 예에서 네 번째 샘플은 4만큼 크게 빗나간 **이상치**(outlier)입니다. 손으로 계산하면
오차 $[0.5, 0, -1, 4]$ → MSE $= (0.25 + 0 + 1 + 16)/4 = 4.3125$, MAE $= (0.5 + 0 + 1 + 4)/4 = 1.375$,
Huber $= (0.125 + 0 + 0.5 + 3.5)/4 = 1.03125$ 입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
y_true = np.array([[1.0], [2.0], [3.0], [4.0]])
y_pred = np.array([[1.5], [2.0], [2.0], [8.0]])
for name in ["mse", "mae", "huber"]:
    loss = losses.get(name)
    print(f"{name:5} 샘플별 {loss.call(y_true, y_pred)}  평균 {loss(y_true, y_pred):.5f}")
"""),
md(r"""
MSE는 오차를 **제곱**하므로 이상치 하나(16)가 손실의 대부분을 차지합니다. 이상치에 덜 휘둘리는(robust) 손실은 MAE와 후버입니다.

⚠️ 공부 노트 하나는 회귀의 손실로 "CTC(Connectionist Temporal Classification)"를 적었지만 **틀렸습니다**. CTC는 음성 인식이나 손글씨 인식처럼 입력과 정답 글자의 위치가
정렬되지 않은 **시퀀스 레이블링**용 손실입니다. 회귀에는 MSE(또는 MAE, Huber)를 씁니다.

## 2. 이진 크로스엔트로피(binary crossentropy)

이진 분류에서 모델은 양성 클래스일 확률 $p = \sigma(z)$ 를 냅니다. 정답이 $y \in \{0, 1\}$ 일 때

$$\mathrm{BCE} = -\frac{1}{n}\sum_i \bigl[\, y_i \log p_i + (1 - y_i)\log(1 - p_i) \,\bigr]$$

정답 클래스에 준 확률이 1에 가까우면 $-\log p \approx 0$, 0에 가까우면 손실이 끝없이 커집니다. $\log 0$ 을 피하려고 케라스는 확률을 $[10^{-7},\ 1 - 10^{-7}]$ 로 자릅니다(clip).

손 계산: 정답 `[1, 0, 1, 0]`, 예측 `[0.9, 0.2, 0.6, 0.1]` → $-(\ln 0.9 + \ln 0.8 + \ln 0.6 + \ln 0.9)/4 \approx 0.2362$.
"""),
code("""
# NBVAL_CHECK_OUTPUT
y = np.array([1, 0, 1, 0], dtype=np.float32)
p = np.array([0.9, 0.2, 0.6, 0.1], dtype=np.float32)
bce = losses.BinaryCrossentropy()
print(f"{bce(y, p):.4f}")
print(f"{-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)):.4f}")   # 공식 그대로
print(f"확신하고 틀리면: {bce(np.array([1.0]), np.array([0.0])):.4f}")  # -log(1e-7) ≈ 16.12
"""),
md(r"""
그림으로 보면 정답이 1일 때 손실 $-\log p$ 는 $p \to 0$ 에서 가파르게 올라갑니다. MSE·MAE와 함께 예측값에 따른 손실을 그려 봅시다.
"""),
code("""
plots.plot_losses()
"""),
md(r"""
### 직접 해보기: 손실 탐색기

손실 함수를 고르고 정답과 예측을 슬라이더로 움직이며 손실 값과 기울기(접선의 기울기)가 어떻게 바뀌는지 보세요.
- 정답이 1일 때 예측을 0.5 → 0.1 → 0.01로 낮추면 BCE는 얼마씩 커지나요?
- 오차가 같을 때 MSE와 MAE 중 어느 쪽이 더 큰가요? 오차가 1보다 작을 때는요?
"""),
code("""
explorer = widgets.loss_explorer("binary_crossentropy", y_pred=0.5)
"""),
md(r"""
## 3. 다중 분류: 범주형 크로스엔트로피

클래스가 $K$ 개이면 소프트맥스 출력 $\mathbf{p} = (p_1, \dots, p_K)$ 와 원-핫 정답 $\mathbf{t}$ 로

$$\mathrm{CCE} = -\frac{1}{n}\sum_i \sum_{k=1}^{K} t_{ik}\log p_{ik} = -\frac{1}{n}\sum_i \log p_{i,\,y_i}$$

원-핫 벡터는 정답 자리만 1이므로, 결국 **정답 클래스에 준 확률의 로그**만 남습니다.

정답을 어떤 모양으로 주느냐에 따라 손실 이름이 다릅니다.

| 레이블 모양 | 예 (클래스 3개) | 손실 |
| --- | --- | --- |
| 정수 레이블 (sparse) | `[0, 2]` | `"sparse_categorical_crossentropy"` |
| 원-핫 (one-hot) | `[[1, 0, 0], [0, 0, 1]]` | `"categorical_crossentropy"` |

⚠️ 공부 노트는 "정수 레이블 다중 분류 → `categorical_crossentropy`"라고 적었지만 **틀렸습니다**. 패션 MNIST처럼 레이블이 0~9 정수이면 `sparse_categorical_crossentropy`입니다.
두 손실은 같은 값을 계산하고, 레이블을 주는 방식만 다릅니다.

손 계산: 정답 `[0, 2]`, 확률 `[[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]` → $-(\ln 0.7 + \ln 0.6)/2 \approx 0.4338$.
"""),
code("""
# NBVAL_CHECK_OUTPUT
probs = np.array([[0.7, 0.2, 0.1],
                  [0.1, 0.3, 0.6]], dtype=np.float32)
labels = np.array([0, 2])
onehot = keras.utils.to_categorical(labels, num_classes=3)
print(onehot)
print(f"sparse      {losses.SparseCategoricalCrossentropy()(labels, probs):.4f}")
print(f"categorical {losses.CategoricalCrossentropy()(onehot, probs):.4f}")
"""),
md(r"""
레이블 모양을 잘못 주면 `honggong`이 무엇이 잘못됐는지 알려 줍니다.
"""),
code("""
try:
    losses.CategoricalCrossentropy()(labels, probs)     # 정수 레이블을 categorical에
except ValueError as err:
    print(type(err).__name__, ":", err)
"""),
md(r"""
## 4. `from_logits`: 확률 대신 점수를 넘길 때

출력층에 소프트맥스(또는 시그모이드)를 **넣지 않고** 점수(로짓, logits) $z$ 를 그대로 내보낼 수도 있습니다. 그때는 손실에 `from_logits=True`를 주면
손실 안에서 소프트맥스와 로그를 **한 번에**, 수치적으로 더 안정하게 계산합니다 ($\log\mathrm{softmax}(z)_k = z_k - \log\sum_j e^{z_j}$).
아래 로짓은 위 확률의 로그이므로 같은 손실이 나와야 합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
logits = np.log(probs)
print(f"{losses.SparseCategoricalCrossentropy(from_logits=True)(labels, logits):.4f}")
print(f"{losses.SparseCategoricalCrossentropy()(labels, probs):.4f}")
"""),
md(r"""
주의: **출력층에 소프트맥스가 있는데 `from_logits=True`** 를 주면 소프트맥스를 두 번 하는 셈이 되어 손실이 틀립니다. 반대로 로짓에 `from_logits=False`(기본값)를 써도 틀립니다.
둘은 짝을 맞춰야 합니다.

## 5. 왜 정확도가 아니라 손실을 최적화할까?

정확도(accuracy)는 우리가 진짜 원하는 지표지만, **최적화의 대상은 손실**입니다. 정확도는 예측이 문턱(0.5)을 넘을 때만 **계단처럼** 바뀌어서,
가중치를 조금 바꿔도 대부분 그대로입니다. 즉 기울기가 거의 어디서나 0이라 경사 하강법이 어느 쪽으로 가야 할지 알 수 없습니다.
손실은 예측이 조금만 좋아져도 **조금 줄어드는** 매끄러운 함수라 기울기가 방향을 알려 줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
y = np.array([1, 1, 0, 0], dtype=np.float32)
for p in [[0.6, 0.4, 0.3, 0.2], [0.7, 0.45, 0.3, 0.2], [0.9, 0.49, 0.1, 0.1]]:
    p = np.array(p, dtype=np.float32)
    accuracy = np.mean((p > 0.5) == (y == 1))
    print(f"예측 {p}  정확도 {accuracy:.2f}  BCE {bce(y, p):.4f}")
"""),
md(r"""
세 예측 모두 정확도는 0.75로 똑같지만, 손실은 예측이 나아질 때마다 줄어듭니다. 훈련은 이 작은 변화를 따라갑니다.

### 직접 해보기
- 위 셀에서 두 번째 샘플의 예측을 0.51로 바꾸면 정확도와 손실은 어떻게 되나요?
- 회귀 예제에서 이상치를 8.0에서 4.5로 바꾸면 MSE와 MAE의 차이는 어떻게 변하나요?

## 정리
| 문제 | 출력층 | 손실 |
| --- | --- | --- |
| 회귀 | `Dense(1)` (선형) | `"mse"`, 이상치가 많으면 `"mae"` 또는 Huber |
| 이진 분류 | `Dense(1, activation="sigmoid")` | `"binary_crossentropy"` |
| 다중 분류, 정수 레이블 | `Dense(K, activation="softmax")` | `"sparse_categorical_crossentropy"` |
| 다중 분류, 원-핫 레이블 | `Dense(K, activation="softmax")` | `"categorical_crossentropy"` |

출력층에 활성화가 없으면(로짓) 손실에 `from_logits=True`를 줍니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch04", 1)
"""),
code("""
quiz.ask("ch04", 2)
"""),
code("""
quiz.ask("ch04", 3)
"""),
code("""
quiz.ask("ch04", 4)
"""),
code("""
quiz.ask("ch04", 5)
"""),
code("""
quiz.ask("ch04", 6)
"""),
md(r"""
---
다음 장: [5장. 옵티마이저](05_optimizers.ipynb)
"""),
]
