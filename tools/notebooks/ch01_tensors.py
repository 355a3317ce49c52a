"""Generator for notebooks/01_tensors.ipynb (1장. 텐서). Build: .venv/bin/python tools/build_notebooks.py 01"""
from nbtools import code, md

FILENAME = "01_tensors.ipynb"

CELLS = [
md(r"""
# 1장. 텐서

딥러닝 라이브러리는 모든 데이터를 **텐서**(tensor)라는 상자에 담아 계산합니다. 텐서는 어렵지 않습니다.
숫자를 여러 방향으로 가지런히 늘어놓은 **다차원 배열**일 뿐이고, 넘파이(NumPy)의 `ndarray`가 바로 텐서입니다.

이 장에서 배우는 것:
- 랭크(rank)·모양(shape)·데이터 타입(dtype)
- 형 변환(casting), 모양 바꾸기(reshape), 전치(transpose)
- 브로드캐스팅(broadcasting)
- 이미지 여러 장의 묶음(batch)이 랭크 3 텐서가 되는 모습

공부 노트의 텐서플로(TensorFlow) 코드는 넘파이 코드로 바꾸어 보여 줍니다. `honggong`은 모든 계산을 넘파이로 하므로
여기서 익히는 넘파이 연산이 그대로 신경망 속에서 쓰입니다.

| 텐서플로 (노트) | 넘파이 (이 시리즈) |
| --- | --- |
| `tf.constant([[1, 2], [3, 4]])` | `np.array([[1, 2], [3, 4]])` |
| `tf.rank(t)` | `t.ndim` |
| `tf.cast(t, tf.float32)` | `t.astype(np.float32)` |
| `tf.reshape(t, [1, 3])` | `np.reshape(t, (1, 3))` 또는 `t.reshape(1, 3)` |
| `tf.transpose(t)` | `np.transpose(t)` 또는 `t.T` |

노트는 바꿀 수 없는 상수 `tf.constant`와 학습으로 바뀌는 변수 `tf.Variable`을 구분합니다. 넘파이 배열은 원래 값을 바꿀 수 있어서
`honggong`에서는 가중치도 그냥 넘파이 배열이고, 옵티마이저가 그 배열의 값을 제자리(in place)에서 고칩니다.
"""),
code("""
%matplotlib inline
import numpy as np
"""),
md(r"""
## 1. 랭크와 모양

텐서에서 숫자를 가리키려면 인덱스가 몇 개 필요한지가 **랭크**(rank, 축의 개수)입니다. 넘파이에서는 `ndim`이라고 부릅니다.

| 랭크 | 이름 | 예 | 모양(shape) |
| --- | --- | --- | --- |
| 0 | 스칼라(scalar) | `3.0` | `()` |
| 1 | 벡터(vector) | `[1, 2, 3]` | `(3,)` |
| 2 | 행렬(matrix) | 표 한 장 | `(행, 열)` |
| 3 | 랭크 3 텐서 | 흑백 이미지 여러 장 | `(이미지 수, 높이, 너비)` |

**모양**(shape)은 축마다 원소가 몇 개인지 적은 튜플입니다. 원소의 총 개수(`size`)는 모양의 모든 수를 곱한 값입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
scalar = np.array(3.0)
vector = np.array([1, 2, 3])
matrix = np.array([[1, 2, 3],
                   [4, 5, 6]])
for name, t in [("scalar", scalar), ("vector", vector), ("matrix", matrix)]:
    print(f"{name:6}  rank(ndim)={t.ndim}  shape={t.shape}  size={t.size}")
"""),
md(r"""
`(3,)`처럼 원소가 하나인 튜플에는 쉼표가 붙습니다. `(3)`은 그냥 숫자 3이기 때문입니다.

## 2. 데이터 타입(dtype)

텐서의 모든 원소는 같은 **데이터 타입**(dtype)을 가집니다. 정수로 만들면 정수 타입, 소수점이 있으면 실수 타입이 됩니다.
딥러닝은 보통 **32비트 실수 `float32`** 로 계산합니다. 64비트보다 메모리를 절반만 쓰고, 신경망에는 그 정밀도면 충분하기 때문입니다.
`honggong`도 모든 가중치와 계산을 `float32`로 합니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
t = np.array([[1, 2, 3], [4, 5, 6]])
f16 = np.array(2.0, dtype=np.float16)
print(t.dtype, f16.dtype, np.array([0.5, 1.5]).dtype)
"""),
md(r"""
원소 하나가 차지하는 메모리는 `itemsize`(바이트), 배열 전체는 `nbytes`입니다. `float32`는 4바이트, `float64`는 8바이트입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
a32 = np.zeros((1000, 784), dtype=np.float32)
a64 = np.zeros((1000, 784), dtype=np.float64)
print(a32.itemsize, a32.nbytes)    # 1000 × 784 × 4
print(a64.itemsize, a64.nbytes)    # 1000 × 784 × 8
"""),
md(r"""
### 형 변환(casting): `tf.cast` → `astype`

`astype`은 원소를 새 타입으로 바꾼 **새 배열**을 돌려줍니다. 실수를 정수로 바꾸면 소수점 아래가 **버려집니다**
(반올림이 아니라 0 쪽으로 자르기). 그래서 `-1.7`은 `-1`, `2.9`는 `2`가 됩니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
f32 = f16.astype(np.float32)
x = np.array([-1.7, 0.3, 2.9])
print(f32, f32.dtype)
print(x.astype(np.int32))
print(np.round(x).astype(np.int32))   # 반올림을 원하면 먼저 np.round
"""),
md(r"""
이미지 픽셀은 보통 0~255 사이의 정수(`uint8`, 부호 없는 8비트 정수)로 저장됩니다. 신경망에 넣기 전에는
`float32`로 바꾸고 255로 나누어 0~1 사이로 맞춥니다. 정수 상태로 계산하면 어떤 일이 생기는지 보세요.
"""),
code("""
# NBVAL_CHECK_OUTPUT
pixels = np.array([250, 10], dtype=np.uint8)
print(pixels + pixels)                          # uint8는 255를 넘으면 0부터 다시 셉니다 (500 - 256 = 244)
print(pixels.astype(np.float32) / 255.0)        # 그래서 먼저 float32로 바꿉니다
"""),
md(r"""
## 3. 모양 바꾸기(reshape): `tf.reshape` → `np.reshape`

`reshape`은 원소의 **순서는 그대로 두고** 모양만 바꿉니다. 원소 개수가 같아야 하므로 `(2, 3)`은 `(3, 2)`, `(6,)`, `(1, 6)`이 될 수 있지만 `(4, 2)`는 될 수 없습니다.
한 축에 `-1`을 쓰면 "나머지는 알아서 계산해 줘"라는 뜻입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
x = np.array([[1], [2], [3]])       # 노트의 예: 모양 (3, 1)
y = np.reshape(x, (1, 3))
print(x.shape, "->", y.shape, y)
print(np.arange(6).reshape(2, -1).shape, np.arange(6).reshape(-1).shape)
"""),
code("""
# NBVAL_CHECK_OUTPUT
try:
    np.arange(6).reshape(4, 2)
except ValueError as err:
    print("ValueError:", err)
"""),
md(r"""
### 직접 해보기: 위젯으로 reshape

아래 위젯에서 행(row) 수를 바꾸어 보세요. 원소 24개(0~23)가 어떤 순서로 채워지는지 보면 "순서는 그대로, 모양만 바뀐다"는 말이 눈에 보입니다.
24의 약수가 아닌 수를 고르면 어떻게 될까요? (목록에 5를 넣어 두었습니다.)
"""),
code("""
import ipywidgets as widgets

numbers = np.arange(24)

@widgets.interact(rows=widgets.Dropdown(options=[1, 2, 3, 4, 5, 6, 8, 12, 24], value=4, description="행 수"))
def show_reshape(rows):
    try:
        print(numbers.reshape(rows, -1))
    except ValueError as err:
        print(f"reshape({rows}, -1) 불가능: 원소 24개는 {rows}줄로 똑같이 나눌 수 없습니다.\\n({err})")
"""),
md(r"""
## 4. 전치(transpose): `tf.transpose` → `x.T`

**전치**는 행과 열을 맞바꿉니다. 모양 `(1, 3)`이 `(3, 1)`이 됩니다. 랭크가 3 이상이면 `np.transpose(x, axes)`로 축의 순서를 직접 정합니다.

`reshape`과 헷갈리기 쉽습니다. 둘 다 `(2, 3)`을 `(3, 2)`로 만들 수 있지만, 결과가 다릅니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
a = np.array([[1, 2, 3],
              [4, 5, 6]])
print("a.T =\\n", a.T)
print("a.reshape(3, 2) =\\n", a.reshape(3, 2))
print(np.transpose(np.zeros((5, 28, 28)), (1, 2, 0)).shape)
"""),
md(r"""
`a.T`의 첫 열은 `a`의 첫 행(1, 2, 3)이지만, `reshape`은 1, 2, 3, 4, 5, 6을 순서대로 두 개씩 다시 담았을 뿐입니다.

## 5. 브로드캐스팅(broadcasting)

모양이 다른 두 텐서를 더하거나 곱하면 넘파이는 작은 쪽을 **늘려서** 모양을 맞춥니다. 규칙은 두 가지입니다.
1. 모양을 **오른쪽 끝부터** 비교합니다. 축 개수가 모자라면 왼쪽에 크기 1인 축을 붙입니다.
2. 각 축의 크기가 **같거나, 한쪽이 1**이면 맞출 수 있습니다. 1인 쪽이 상대 크기만큼 복사된 것처럼 계산됩니다.

신경망에서 가장 자주 보는 브로드캐스팅은 **절편 더하기**입니다. 샘플 4개에 대한 출력 `(4, 3)`에 절편 `(3,)`을 더하면
절편이 모든 샘플(행)에 똑같이 더해집니다: $(4, 3) + (3,) \rightarrow (4, 3) + (1, 3) \rightarrow (4, 3)$.
"""),
code("""
# NBVAL_CHECK_OUTPUT
z = np.zeros((4, 3), dtype=np.float32)
b = np.array([0.1, 0.2, 0.3], dtype=np.float32)
print((z + b).shape)
print(z + b)
"""),
code("""
# NBVAL_CHECK_OUTPUT
col = np.array([[10], [20]])     # (2, 1)
row = np.array([1, 2, 3])        # (3,)
print((col + row).shape)
print(col + row)
try:
    np.ones((4, 3)) + np.ones(4)  # 오른쪽 끝: 3과 4 -> 맞출 수 없음
except ValueError as err:
    print("ValueError:", err)
"""),
md(r"""
## 6. 이미지 묶음은 랭크 3 텐서

패션 MNIST(Fashion-MNIST)는 28×28 픽셀 흑백 옷 사진 70,000장입니다(훈련 60,000장, 테스트 10,000장).
사진 한 장은 `(28, 28)` 행렬이고, 여러 장을 쌓으면 **랭크 3 텐서** `(이미지 수, 28, 28)`가 됩니다.
첫 번째 축을 **배치 차원**(batch dimension)이라고 부릅니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
from honggong.datasets import fashion_mnist

(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
print(x_train.shape, x_train.dtype, y_train.shape, y_train.dtype)
print(x_test.shape, x_test.dtype)
print("레이블 앞의 10개:", y_train[:10])
"""),
code("""
from honggong import plots

plots.plot_images(x_train[:10], y_train[:10], ncols=10)   # 제목은 클래스 이름(한국어)
"""),
md(r"""
신경망의 밀집층(Dense)은 샘플 하나를 **1차원 벡터**로 받습니다. 그래서 `(10, 28, 28)`을 `(10, 784)`로 펼칩니다.
배치 차원은 그대로 두고 나머지 축만 하나로 합치는 것, 이것이 3장에서 볼 `Flatten` 층이 하는 일입니다($28 \times 28 = 784$).
"""),
code("""
# NBVAL_CHECK_OUTPUT
batch = x_train[:10]                     # 모양 (10, 28, 28)
scaled = batch.astype(np.float32) / 255.0
flat = scaled.reshape(len(scaled), -1)
print(batch.shape, batch.dtype, "->", flat.shape, flat.dtype)
print("픽셀 범위:", flat.min(), "~", flat.max())
"""),
md(r"""
### 직접 해보기
- `x_train[:10].reshape(10, -1)` 대신 `x_train[:10].reshape(-1, 784)`를 써도 같은 결과일까요? 이유를 말해 보세요.
- `batch.transpose(1, 2, 0)`의 모양은 무엇일까요? 먼저 예상하고 실행해 보세요.
- `(10, 784)`를 다시 `(10, 28, 28)`로 바꾸면 원래 이미지와 똑같을까요? `np.array_equal`로 확인해 보세요.

## 정리
- 텐서 = 다차원 배열. **랭크**는 축의 개수, **모양**은 축마다의 크기, **dtype**은 원소의 타입입니다.
- `tf.cast` → `astype`, `tf.reshape` → `reshape`, `tf.transpose` → `transpose`/`.T`.
- `reshape`은 순서를 지키며 모양만 바꾸고, 전치는 축을 맞바꿉니다.
- 브로드캐스팅은 오른쪽 끝부터 비교해 크기가 같거나 1이면 늘려서 계산합니다.
- 이미지 묶음은 `(배치, 높이, 너비)` 랭크 3 텐서이고, 밀집층에 넣으려면 `(배치, 높이×너비)`로 펼칩니다.

## 퀴즈
답을 고르고 **확인**을 누르세요. 위젯이 보이지 않으면 `q.check(답)`으로도 확인할 수 있습니다.
"""),
code("""
from honggong import quiz
quiz.ask("ch01", 1)
"""),
code("""
quiz.ask("ch01", 2)
"""),
code("""
quiz.ask("ch01", 3)
"""),
code("""
quiz.ask("ch01", 4)
"""),
code("""
quiz.ask("ch01", 5)
"""),
md(r"""
---
다음 장: [2장. 활성화 함수](02_activations.ipynb)
"""),
]
