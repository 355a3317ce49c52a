"""Generator for notebooks/06_fashion_mnist.ipynb (6장. 패션 MNIST 분류). Build: .venv/bin/python tools/build_notebooks.py 06"""
from nbtools import code, md

FILENAME = "06_fashion_mnist.ipynb"

CELLS = [
md(r"""
# 6장. 패션 MNIST 분류

『혼자 공부하는 머신러닝+딥러닝』 7-1, 7-2절의 코드를 **그대로** 실행하며 첫 인공 신경망과 심층 신경망을 만듭니다.
책의 코드에서 바꾼 것은 첫 줄의 `from tensorflow import keras`가 `from honggong import keras`로 바뀐 것과, 입력 모양을 `keras.Input(shape=...)`으로 알려 주는 케라스 3 방식 두 가지입니다.
그 밖에 덧붙인 코드(시드 고정, 그림, 옵티마이저 비교 실험)는 설명과 함께 따로 둡니다.

이 장에서 배우는 것:
- 패션 MNIST 데이터 살펴보기: 모양, 클래스, 이미지
- 전처리: 픽셀 값을 255로 나누기, 28×28 이미지를 784개 특성으로 펼치기, 훈련 세트와 검증 세트 나누기
- 로지스틱 회귀 = `Dense(10, activation="softmax")` 층 하나짜리 신경망 (파라미터 7,850개)
- `compile` → `fit` → `evaluate`: 손실 함수, 측정 지표, 에포크
- 은닉층을 추가한 심층 신경망, `summary()`, `add()`, Flatten, 렐루(ReLU)
- 옵티마이저(optimizer) 고르기: SGD, 모멘텀, 네스테로프, Adagrad, RMSprop, Adam
- 예측 결과를 그림과 혼동 행렬로 확인하기

훈련 셀은 전체 패션 MNIST(훈련 48,000장)로 책과 똑같이 5 에포크씩 훈련합니다. 이 노트북 전체는 보통 1분 안팎에 끝납니다.
"""),
code("""
%matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
from honggong import keras, plots

keras.utils.set_random_seed(42)   # 가중치 초깃값과 데이터 섞는 순서를 매번 같게
"""),
md(r"""
> 책의 코드는 `from tensorflow import keras`로 시작합니다. 이 시리즈에서는 같은 자리에 `from honggong import keras`를 씁니다.
> `honggong`은 케라스 3와 같은 이름, 같은 기본값, 같은 수식으로 동작하는 작은 넘파이 패키지라서 나머지 코드는 바꿀 필요가 없습니다.

## 1. 패션 MNIST 데이터

**패션 MNIST**(Fashion-MNIST)는 옷과 신발, 가방 같은 패션 아이템의 28×28 흑백 이미지 70,000장입니다. 훈련용 60,000장, 테스트용 10,000장으로 나뉘어 있습니다.
`load_data()`는 (입력, 타깃) 쌍 두 개를 돌려줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
(train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()
print(train_input.shape, train_target.shape)
print(test_input.shape, test_target.shape)
"""),
md(r"""
훈련 입력은 28×28 이미지 60,000장이 쌓인 3차원 배열이고, 타깃은 이미지마다 정수 하나입니다. 처음 10장을 그려 봅시다(책의 코드 그대로).
"""),
code("""
fig, axs = plt.subplots(1, 10, figsize=(10, 10))
for i in range(10):
    axs[i].imshow(train_input[i], cmap='gray_r')
    axs[i].axis('off')
plt.show()
"""),
md(r"""
타깃은 0~9의 **정수 레이블**(integer label)입니다. 책은 `[train_target[i] for i in range(10)]`로 출력하는데, 넘파이 2에서는 이 리스트가 `np.uint8(9)`처럼 보여서 여기서는 배열을 그대로 출력합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(train_target[:10])
"""),
md(r"""
숫자마다 이름이 있습니다. `honggong.datasets.fashion_mnist`에 책의 한국어 이름과 케라스 문서의 영어 이름이 들어 있습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
from honggong.datasets import fashion_mnist

for label, (ko, en) in enumerate(zip(fashion_mnist.CLASS_NAMES_KO, fashion_mnist.CLASS_NAMES_EN)):
    print(label, ko, "/", en)
"""),
md(r"""
`plots.plot_images`는 같은 그림에 클래스 이름을 제목으로 붙여 줍니다.
"""),
code("""
plots.plot_images(train_input[:10], train_target[:10], ncols=10)
"""),
md(r"""
클래스마다 샘플이 몇 개인지 세어 봅시다. `np.unique(..., return_counts=True)`는 서로 다른 값과 그 개수를 돌려줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(np.unique(train_target, return_counts=True))
"""),
md(r"""
10개 클래스가 정확히 6,000개씩입니다. 이렇게 클래스가 고르면 **정확도**(accuracy, 맞힌 비율)로 성능을 읽기 좋습니다. 아무렇게나 찍으면 정확도는 약 10%입니다.

## 2. 전처리: 0~1로 스케일 조정하고 펼치기

픽셀 값은 0~255의 정수(`uint8`)입니다. 255로 나누어 0~1 사이의 실수로 바꾸면 경사 하강법이 안정적으로 동작합니다.
이 로지스틱 회귀 모델은 샘플 하나를 **1차원 벡터**로 받으므로, `reshape(-1, 28*28)`로 이미지마다 784개 특성으로 펼칩니다(`-1`은 "나머지로 알아서 계산"이라는 뜻).
"""),
code("""
# NBVAL_CHECK_OUTPUT
train_scaled = train_input / 255.0
train_scaled = train_scaled.reshape(-1, 28*28)
print(train_scaled.shape)
print(train_scaled.dtype, train_scaled.min(), train_scaled.max())
"""),
md(r"""
`train_input / 255.0`의 결과는 넘파이 기본 실수형인 `float64`입니다. 모델은 입력을 받을 때 케라스처럼 `float32`로 바꿔서 계산합니다.

> 책은 여기서 사이킷런의 `SGDClassifier`로 같은 데이터를 학습해 교차 검증 정확도(약 0.82)를 구하고, 이것을 신경망과 비교합니다. 이 노트북에서는 바로 신경망으로 넘어갑니다.

### 검증 세트 떼어 두기

신경망은 훈련 시간이 길어서 교차 검증 대신 **검증 세트**(validation set)를 따로 떼어 둡니다. 사이킷런의 `train_test_split`으로 훈련 세트의 20%를 검증 세트로 나눕니다.
`random_state=42`로 나누는 방법을 고정하면 누가 실행해도 같은 샘플이 검증 세트에 들어갑니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
from sklearn.model_selection import train_test_split

train_scaled, val_scaled, train_target, val_target = train_test_split(
    train_scaled, train_target, test_size=0.2, random_state=42)
print(train_scaled.shape, train_target.shape)
print(val_scaled.shape, val_target.shape)
"""),
md(r"""
## 3. 인공 신경망으로 로지스틱 회귀 만들기

784개의 픽셀 $x_1, \dots, x_{784}$ 를 받아 클래스마다 점수 $z_k$ 를 계산하고, **소프트맥스**(softmax) 함수로 10개 클래스의 확률로 바꿉니다.

$$z_k = \sum_{i=1}^{784} w_{ik}\, x_i + b_k, \qquad p_k = \mathrm{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j=1}^{10} e^{z_j}} \qquad (k = 0, \dots, 9)$$

이것이 다중 분류 로지스틱 회귀이고, 신경망으로는 **출력층**(output layer) 하나짜리 모델입니다. 모든 입력이 모든 뉴런에 연결되니 **밀집층**(dense layer)입니다.
파라미터는 가중치 $784 \times 10$ 개와 뉴런마다 하나인 절편 10개, 모두 $7{,}850$ 개입니다.

> **케라스 3 방식으로 입력 모양 알리기.** 옛날(TF 2.x) 책 코드는 `keras.layers.Dense(10, activation='softmax', input_shape=(784,))`처럼 첫 층에 입력 모양을 넣었습니다.
> 케라스 3에서는 `keras.Input(shape=(784,))`을 모델의 맨 앞에 놓습니다. 모양은 **샘플 하나의 모양**이고 배치 차원은 뺍니다. 옛 방식도 동작은 하지만 경고가 나옵니다.
> 이 시리즈에서는 이 한 가지만 책과 다르게 씁니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
inputs = keras.Input(shape=(784,))
dense = keras.layers.Dense(10, activation='softmax')
model = keras.Sequential([inputs, dense])
print(model.count_params(), "=", 784 * 10, "+", 10)
"""),
md(r"""
### compile: 손실 함수와 측정 지표 정하기

훈련하기 전에 `compile()`로 무엇을 줄일지(**손실 함수**, loss function)와 무엇을 지켜볼지(**측정 지표**, metric)를 정합니다.

- 타깃이 0~9의 **정수**이므로 `'sparse_categorical_crossentropy'`(희소 범주형 크로스 엔트로피)를 씁니다. 타깃을 [0, 0, 1, 0, ...] 같은 **원-핫 인코딩**(one-hot encoding)으로 바꿨다면 `'categorical_crossentropy'`를 씁니다. 계산하는 값은 같습니다.

$$L = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i,\,y_i} \qquad (p_{i,\,y_i}: \text{샘플 } i \text{ 의 정답 클래스에 준 확률})$$

- `metrics=['accuracy']`: 에포크마다 정확도도 함께 보여 줍니다. 훈련이 줄이는 것은 손실이지만, 사람이 읽기에는 정확도가 편합니다.
- `optimizer`를 주지 않으면 케라스 기본값인 `'rmsprop'`을 씁니다(5장, 그리고 아래 6절).
"""),
code("""
model.compile(loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(train_target[:10])
print(type(model.optimizer).__name__, model.optimizer.learning_rate)
"""),
md(r"""
### fit: 훈련하기

`fit(입력, 타깃, epochs=5)`는 훈련 세트 전체를 5번 반복(**에포크**, epoch)해서 훈련합니다. 한 에포크는 샘플 32개씩(기본 배치 크기) $48{,}000 / 32 = 1{,}500$ 번의 경사 하강법 단계입니다.
진행 막대 옆에 손실과 정확도가 표시됩니다.
"""),
code("""
model.fit(train_scaled, train_target, epochs=5)
"""),
md(r"""
### evaluate: 검증 세트로 평가하기

훈련에 쓰지 않은 검증 세트로 성능을 확인합니다. `evaluate()`는 `[손실, 정확도]`를 돌려줍니다. 훈련 세트보다 조금 낮은 정확도(보통 0.84~0.85)가 나옵니다.
"""),
code("""
model.evaluate(val_scaled, val_target)
"""),
md(r"""
## 4. 심층 신경망: 은닉층 추가하기

입력층과 출력층 사이에 밀집층을 더 넣어 봅시다. 사이에 있는 층을 **은닉층**(hidden layer)이라고 하고, 층이 여러 개인 신경망을 **심층 신경망**(deep neural network, DNN)이라고 합니다.
은닉층에는 **활성화 함수**(activation function)가 꼭 필요합니다. 활성화 함수 없이 선형 계산만 쌓으면 $W_2(W_1x + b_1) + b_2 = (W_2W_1)x + (W_2b_1 + b_2)$ 처럼 결국 층 하나와 같기 때문입니다(2장).

케라스는 층을 만들 때마다 `dense`, `dense_1`, `dense_2`, ... 처럼 번호를 붙여 이름을 짓습니다. `keras.backend.clear_session()`은 이 번호를 처음부터 다시 세게 합니다(만들어 둔 모델과 가중치는 그대로입니다).
"""),
code("""
keras.backend.clear_session()   # 층 이름을 dense, dense_1, ...부터 다시 셉니다
dense1 = keras.layers.Dense(100, activation='sigmoid')
dense2 = keras.layers.Dense(10, activation='softmax')
"""),
code("""
# NBVAL_CHECK_OUTPUT
model = keras.Sequential([keras.Input(shape=(784,)), dense1, dense2])
model.summary()
"""),
md(r"""
`summary()` 표 읽기(3장):
- Output Shape의 `None`은 **배치 차원**입니다. 한 번에 샘플을 몇 개 넣을지 아직 정해지지 않았습니다(`fit`의 `batch_size`, 기본 32).
- 은닉층: $784 \times 100 + 100 = 78{,}500$ 개, 출력층: $100 \times 10 + 10 = 1{,}010$ 개, 합계 $79{,}510$ 개.

### 층과 모델에 이름 붙이기

`name=`으로 층과 모델에 이름을 붙이면 `summary()`를 읽기 쉽습니다. 모델 이름에는 한글과 공백도 쓸 수 있습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
model = keras.Sequential([
    keras.Input(shape=(784,)),
    keras.layers.Dense(100, activation='sigmoid', name='hidden'),
    keras.layers.Dense(10, activation='softmax', name='output')
], name='패션 MNIST 모델')
model.summary()
"""),
md(r"""
### `add()`로 층 하나씩 추가하기

빈 `Sequential`을 만들고 `add()`로 층 **객체**를 하나씩 넣어도 같은 모델이 됩니다. 층이 많거나 조건에 따라 층을 넣고 뺄 때 편합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.backend.clear_session()
model = keras.Sequential()
model.add(keras.Input(shape=(784,)))
model.add(keras.layers.Dense(100, activation='sigmoid'))
model.add(keras.layers.Dense(10, activation='softmax'))
model.summary()
"""),
md(r"""
이 모델을 같은 방법으로 5 에포크 훈련해 봅시다. 은닉층 하나를 추가한 것만으로 로지스틱 회귀보다 정확도가 조금 올라갑니다.
"""),
code("""
model.compile(loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(train_scaled, train_target, epochs=5)
"""),
md(r"""
## 5. 렐루 함수와 Flatten 층

시그모이드(sigmoid)는 입력이 크거나 작으면 기울기가 거의 0이 되어 층이 깊을수록 학습이 느려집니다(기울기 소실, 2장).
**렐루**(ReLU) $\mathrm{relu}(z) = \max(0, z)$ 는 양수에서 기울기가 항상 1이라 심층 신경망, 특히 이미지 분류에서 널리 씁니다.

또 `reshape`로 직접 펼치는 대신 **Flatten 층**을 모델 맨 앞에 두면 28×28 이미지를 그대로 넣을 수 있습니다. Flatten은 배치 차원을 뺀 나머지 축을 일렬로 펼치기만 하고 배우는 가중치는 없습니다(파라미터 0개).

아래 셀의 `set_random_seed(42)`는 뒤에서 옵티마이저끼리 공정하게 비교하려고 넣었습니다. 이 모델과 6절의 모델들이 모두 같은 초깃값에서 출발합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.backend.clear_session()
keras.utils.set_random_seed(42)
model = keras.Sequential()
model.add(keras.Input(shape=(28, 28)))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(100, activation='relu'))
model.add(keras.layers.Dense(10, activation='softmax'))
model.summary()
"""),
md(r"""
Flatten 층이 있으니 데이터를 펼치지 않은 28×28 그대로 다시 준비합니다(책과 같은 코드).
"""),
code("""
# NBVAL_CHECK_OUTPUT
(train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()
train_scaled = train_input / 255.0
train_scaled, val_scaled, train_target, val_target = train_test_split(
    train_scaled, train_target, test_size=0.2, random_state=42)
print(train_scaled.shape, val_scaled.shape)
"""),
code("""
model.compile(loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(train_scaled, train_target, epochs=5)
"""),
code("""
model.evaluate(val_scaled, val_target)
"""),
md(r"""
로지스틱 회귀보다 검증 정확도가 뚜렷이 높습니다(보통 0.87 안팎). 이 모델은 6절에서 다른 옵티마이저와 비교할 때 다시 쓰므로 이름을 붙여 보관해 둡니다.
`fit()`이 끝나면 모델의 `history` 속성에 에포크별 손실과 정확도가 남아 있습니다(7장에서 자세히 봅니다).
"""),
code("""
trained = {"RMSprop (기본값)": model}   # 옵티마이저 이름 -> 훈련을 마친 모델
"""),
md(r"""
## 6. 옵티마이저

`compile()`의 `optimizer`는 손실을 줄이는 **경사 하강법의 방법**입니다. 학습률(learning rate)처럼 사람이 정해 주는 값을 **하이퍼파라미터**(hyperparameter)라고 하며, 옵티마이저의 종류와 그 설정도 하이퍼파라미터입니다.
5장에서 2차원 곡면 위의 경로로 본 옵티마이저들을 이제 실제 모델에 씁니다. $w$ 는 가중치, $g$ 는 그 그레이디언트, $\eta$ 는 학습률입니다.

| 옵티마이저 | 한 단계의 계산 (케라스 3) | 기본 학습률 |
| --- | --- | --- |
| SGD | $w \leftarrow w - \eta\, g$ | 0.01 |
| 모멘텀(momentum) | $v \leftarrow \mu v - \eta\, g,\quad w \leftarrow w + v$ | 0.01 |
| 네스테로프 모멘텀(Nesterov) | $v \leftarrow \mu v - \eta\, g,\quad w \leftarrow w + \mu v - \eta\, g$ | 0.01 |
| Adagrad | $G \leftarrow G + g^2,\quad w \leftarrow w - \eta\, g / \sqrt{G + \epsilon}$ ($G$ 의 초깃값 0.1) | 0.001 |
| RMSprop | $s \leftarrow \rho s + (1-\rho) g^2,\quad w \leftarrow w - \eta\, g / \sqrt{s + \epsilon}$ ($\rho = 0.9$) | 0.001 |
| Adam | $m \leftarrow \beta_1 m + (1-\beta_1) g,\ \ s \leftarrow \beta_2 s + (1-\beta_2) g^2,\ \ w \leftarrow w - \eta\frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t}\frac{m}{\sqrt{s}+\epsilon}$ | 0.001 |

- 네스테로프 모멘텀은 모멘텀을 두 번 적용하는 것이 아니라, 모멘텀으로 **한 걸음 가 본 자리**의 기울기를 반영하는 방법입니다. 위 식이 그것을 한 번의 계산으로 쓴 케라스의 형태입니다.
- Adagrad, RMSprop, Adam은 가중치마다 지금까지의 기울기 크기에 맞춰 보폭을 바꾸는 **적응적 학습률**(adaptive learning rate) 옵티마이저입니다. SGD는 모든 가중치에 같은 학습률을 씁니다.
- 케라스의 RMSprop에도 `momentum` 매개변수가 있지만 **기본값은 0**이라 모멘텀을 쓰지 않습니다.

책의 코드처럼 옵티마이저는 문자열 이름으로도, 객체로도 지정합니다. 객체를 만들면 학습률 같은 설정을 바꿀 수 있습니다. 아래 `compile()`들은 설정만 바꿀 뿐 훈련은 하지 않습니다.
"""),
code("""
model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""),
code("""
sgd = keras.optimizers.SGD()
model.compile(optimizer=sgd, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""),
code("""
sgd = keras.optimizers.SGD(learning_rate=0.1)
"""),
code("""
sgd = keras.optimizers.SGD(momentum=0.9, nesterov=True)
"""),
code("""
adagrad = keras.optimizers.Adagrad()
model.compile(optimizer=adagrad, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""),
code("""
rmsprop = keras.optimizers.RMSprop()
model.compile(optimizer=rmsprop, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
"""),
md(r"""
각 옵티마이저의 기본 설정을 확인해 봅시다. `get_config()`는 옵티마이저의 설정을 딕셔너리로 돌려줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
for opt in [keras.optimizers.SGD(), keras.optimizers.SGD(momentum=0.9, nesterov=True),
            keras.optimizers.Adagrad(), keras.optimizers.RMSprop(), keras.optimizers.Adam()]:
    config = opt.get_config()
    extra = {k: config[k] for k in ("momentum", "nesterov", "initial_accumulator_value", "rho",
                                    "beta_1", "beta_2", "epsilon") if k in config}
    print(f"{type(opt).__name__:8} learning_rate={config['learning_rate']}  {extra}")
"""),
md(r"""
### Adam으로 훈련하기

책은 마지막으로 Adam 옵티마이저로 새 모델을 만들어 5 에포크 훈련합니다. Adam은 모멘텀(기울기의 이동 평균 $m$)과 RMSprop(기울기 제곱의 이동 평균 $s$)을 합친 방법이라 학습률을 크게 조정하지 않아도 대개 잘 동작합니다. 그래서 처음 시도하기 좋은 옵티마이저입니다.
"""),
code("""
keras.utils.set_random_seed(42)   # 5절의 RMSprop 모델과 같은 초깃값에서 출발
model = keras.Sequential()
model.add(keras.Input(shape=(28, 28)))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(100, activation='relu'))
model.add(keras.layers.Dense(10, activation='softmax'))
"""),
code("""
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
model.fit(train_scaled, train_target, epochs=5)
"""),
code("""
model.evaluate(val_scaled, val_target)
"""),
code("""
trained["Adam"] = model
"""),
md(r"""
### 옵티마이저 고르기: 한 번씩만 훈련해서 비교하기

어떤 옵티마이저가 이 문제에 좋을까요? 책은 `compile()`만 보여 주었으니, 아직 훈련하지 않은 설정만 **한 번씩** 훈련해서 앞의 두 모델과 비교합니다.
이미 훈련한 RMSprop과 Adam 모델은 다시 훈련하지 않고 그대로 씁니다. 모두 같은 시드로 같은 초깃값과 같은 데이터 순서에서 출발하므로 차이는 옵티마이저에서만 옵니다.

이 셀은 네 모델을 5 에포크씩 훈련하므로 20초 정도 걸립니다.
"""),
code("""
def train_with(optimizer, epochs=5):
    \"\"\"5절과 같은 모델을 같은 초깃값에서 만들어 optimizer로 훈련하고 돌려줍니다.\"\"\"
    keras.utils.set_random_seed(42)
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        keras.layers.Flatten(),
        keras.layers.Dense(100, activation='relu'),
        keras.layers.Dense(10, activation='softmax'),
    ])
    model.compile(optimizer=optimizer, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
    model.fit(train_scaled, train_target, epochs=epochs, verbose=0)
    return model

new_settings = {
    "SGD (학습률 0.01)": keras.optimizers.SGD(),
    "SGD (학습률 0.1)": keras.optimizers.SGD(learning_rate=0.1),
    "네스테로프 모멘텀 0.9": keras.optimizers.SGD(momentum=0.9, nesterov=True),
    "Adagrad (기본값)": keras.optimizers.Adagrad(),
}
for name, optimizer in new_settings.items():
    trained[name] = train_with(optimizer)
print("훈련한 설정:", list(trained))
"""),
md(r"""
에포크마다의 **훈련 손실**(옵티마이저가 실제로 줄이는 값)과 마지막 **검증 정확도**를 나란히 그려 봅시다. 훈련 기록은 각 모델의 `history`에서, 검증 정확도는 `evaluate()`로 얻습니다.
"""),
code("""
val_accuracy = {name: m.evaluate(val_scaled, val_target, verbose=0)[1] for name, m in trained.items()}

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.2))
for name, m in trained.items():
    losses = m.history.history['loss']
    ax1.plot(range(1, len(losses) + 1), losses, '-o', markersize=3, label=name)
ax1.set_xlabel('에포크')
ax1.set_ylabel('훈련 손실')
ax1.set_title('옵티마이저별 훈련 손실')
ax1.legend(fontsize=9)
names = sorted(val_accuracy, key=val_accuracy.get)
ax2.barh(names, [val_accuracy[n] for n in names], color='tab:orange')
for i, n in enumerate(names):
    ax2.text(val_accuracy[n] - 0.01, i, f"{val_accuracy[n]:.3f}", va='center', ha='right')
ax2.set_xlim(0.5, 0.95)
ax2.set_xlabel('검증 정확도 (5 에포크 후)')
ax2.set_title('옵티마이저별 검증 정확도')
plt.show()
"""),
md(r"""
그림에서 읽을 수 있는 것:
- 기본 학습률(0.01)의 SGD는 5 에포크로는 덜 배웠습니다. 학습률을 0.1로 올리거나 모멘텀을 쓰면 훨씬 빨리 내려갑니다.
- Adagrad는 기본 학습률 0.001이 이 문제에는 작고, 기울기 제곱이 계속 쌓여($G$) 보폭이 점점 줄어서 가장 느립니다.
- 네스테로프 모멘텀을 쓴 SGD도 RMSprop, Adam과 비슷하게 좋습니다. 다만 SGD는 학습률과 모멘텀을 잘 골라야 하고, RMSprop과 Adam은 기본값 그대로도 잘 동작합니다. 그래서 "일단 Adam(또는 RMSprop)의 기본값으로 시작하고, 필요하면 학습률을 조정하라"는 것이 흔한 출발점입니다.

옵티마이저의 순위는 문제와 에포크 수, 학습률에 따라 바뀝니다. 결론은 검증 세트로 직접 확인해서 내립니다.

## 7. 예측 결과 확인하기

가장 나중에 훈련한 Adam 모델로 검증 세트의 이미지 20장을 예측해 봅시다. `predict()`는 샘플마다 10개 클래스의 확률을 돌려주고, 가장 큰 확률의 클래스(`argmax`)가 예측입니다.
맞힌 것은 초록색, 틀린 것은 빨간색 제목입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
model = trained["Adam"]
proba = model.predict(val_scaled[:20], verbose=0)
print(proba.shape, "  한 샘플의 확률 합:", round(float(proba[0].sum()), 4))
"""),
code("""
plots.plot_images(val_scaled[:20], val_target[:20], predictions=proba, ncols=10)
"""),
md(r"""
### 혼동 행렬(confusion matrix)

검증 세트 12,000장 전체로 "정답이 $i$ 인데 $j$ 로 예측한 개수"를 표로 그린 것이 **혼동 행렬**입니다. 대각선이 맞힌 개수입니다.
셔츠, 티셔츠, 풀오버, 코트처럼 생김새가 비슷한 상의끼리 가장 많이 헷갈립니다.
"""),
code("""
val_pred = model.predict(val_scaled, verbose=0).argmax(axis=1)
plots.plot_confusion_matrix(val_target, val_pred)
"""),
md(r"""
### 직접 해보기: 예측 살펴보기

슬라이더로 검증 이미지를 골라 보세요. 오른쪽 막대는 모델이 클래스마다 준 확률입니다. 틀린 예측에서는 두 번째로 높은 확률이 정답인 경우가 많습니다.
"""),
code("""
import ipywidgets as widgets

@widgets.interact(index=widgets.IntSlider(value=0, min=0, max=len(val_scaled) - 1, description="검증 이미지"))
def show_prediction(index):
    p = model.predict(val_scaled[index:index + 1], verbose=0)[0]
    names = fashion_mnist.CLASS_NAMES_KO
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [1, 2]})
    ax1.imshow(val_scaled[index], cmap='gray_r')
    ax1.axis('off')
    ax1.set_title(f"정답: {names[val_target[index]]}")
    colors = ['tab:green' if k == val_target[index] else 'tab:gray' for k in range(10)]
    ax2.barh(names, p, color=colors)
    ax2.invert_yaxis()
    ax2.set_xlim(0, 1)
    ax2.set_title(f"예측: {names[p.argmax()]} ({p.max():.1%})")
    plt.show()
"""),
md(r"""
### 직접 해보기
- 3절의 로지스틱 회귀 모델을 `epochs=10`으로 훈련하면 검증 정확도가 얼마나 오를까요?
- 5절 모델의 은닉층 뉴런을 100개에서 200개로 바꾸면 파라미터는 몇 개가 될까요? 먼저 $784 \times 200 + 200 + 200 \times 10 + 10$ 을 계산하고 `summary()`로 확인하세요.
- `train_with(keras.optimizers.Adagrad(learning_rate=0.01))`처럼 학습률만 바꿔서 Adagrad가 얼마나 빨라지는지 확인해 보세요.
- 검증 세트가 아니라 테스트 세트(`test_input / 255.0`, `test_target`)로 `evaluate()`하면 어떤 값이 나올까요? 테스트 세트는 모든 선택을 마친 뒤 마지막에 한 번만 쓰는 것이 원칙입니다.

## 정리
- 패션 MNIST: 28×28 흑백 이미지, 10개 클래스가 6,000장씩, 타깃은 0~9의 정수 레이블.
- 로지스틱 회귀 = `Dense(10, activation='softmax')` 하나: $784 \times 10 + 10 = 7{,}850$ 개 파라미터.
- 정수 레이블에는 `'sparse_categorical_crossentropy'`, 원-핫 레이블에는 `'categorical_crossentropy'`.
- 심층 신경망 Flatten → Dense(100, relu) → Dense(10, softmax): $78{,}500 + 1{,}010 = 79{,}510$ 개 파라미터.
- 옵티마이저는 하이퍼파라미터입니다. Adam이나 RMSprop의 기본값으로 시작해서 검증 세트로 비교하세요.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch06", 1)
"""),
code("""
quiz.ask("ch06", 4)
"""),
code("""
quiz.ask("ch06", 5)
"""),
code("""
quiz.ask("ch06", 6)
"""),
code("""
quiz.ask("ch06", 8)
"""),
code("""
quiz.ask("ch06", 10)
"""),
md(r"""
---
다음 장: [7장. 신경망 훈련 도구](07_training_tools.ipynb)
"""),
]
