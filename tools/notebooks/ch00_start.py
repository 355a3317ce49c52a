"""Generator for notebooks/00_start.ipynb (0장. 시작하기). Build: .venv/bin/python tools/build_notebooks.py 00"""
from nbtools import code, md

FILENAME = "00_start.ipynb"

CELLS = [
md(r"""
# 0장. 시작하기

환영합니다! 이 시리즈는 『혼자 공부하는 머신러닝+딥러닝』 7장 "딥러닝을 시작합니다"를 따라가며, 딥러닝의 기초를
**직접 실행하고, 값을 바꿔 보고, 퀴즈로 확인하며** 배우는 주피터 노트북(Jupyter notebook) 모음입니다.

이 장에서 하는 일:
- 노트북 사용법: 셀 실행, 위젯(widget), 퀴즈 셀
- 환경 점검: 파이썬과 라이브러리 버전, `honggong` 패키지, 한글 글꼴, 패션 MNIST 데이터
"""),
md(r"""
## 1. 이 시리즈가 진행되는 방식

- 각 장은 **설명(마크다운 셀)** 과 **코드 셀**이 번갈아 나옵니다. 위에서 아래로 차례로 실행하세요.
- 책의 케라스(Keras) 코드는 `from honggong import keras`로 **그대로** 실행됩니다. `honggong`은 이 저장소에 있는 작은 넘파이(NumPy) 패키지로,
  노트북에서 배우는 수식을 읽기 쉬운 코드로 옮긴 것입니다. 기본값과 공식은 케라스 3과 같습니다.
- **직접 해보기**: 숫자를 바꾸고 다시 실행해 보라는 제안입니다. 망가뜨려도 괜찮습니다. 노트북은 언제든 처음부터 다시 실행할 수 있습니다.
- 각 장의 끝에는 **퀴즈**가 있고, 마지막 셀에는 다음 장으로 가는 링크가 있습니다.
- 내용은 여러 공부 노트(study notes)의 흐름을 따라가지만, 노트에도 실수가 있습니다. 예를 들어 한 노트는 입력 100개, 뉴런 10개인 밀집층의 파라미터를
  1,000개라고 적었지만 절편 10개를 더한 **1,010개**가 맞습니다(3장). 이런 곳은 ⚠️ 표시와 함께 바로잡고, 직접 계산해서 확인합니다.

## 2. 셀 실행하기

코드 셀을 클릭하고 **`Shift + Enter`** 를 누르면 실행되고 다음 셀로 넘어갑니다. 셀 왼쪽의 `[1]` 같은 숫자는 실행 순서입니다.
마지막 줄의 값은 따로 `print`하지 않아도 셀 아래에 보입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
message = "안녕하세요, 딥러닝!"
print(message)
1 + 2 * 3
"""),
md(r"""
셀은 **실행한 순서대로** 변수를 기억합니다. 커널(kernel)은 코드를 실제로 실행하는 파이썬 프로세스입니다.
상태가 꼬였다고 느껴지면 메뉴의 **Kernel → Restart Kernel and Run All Cells** 로 처음부터 다시 실행하세요.

## 3. 위젯: 값을 바꿔 보는 손잡이

위젯(widget)은 슬라이더나 목록 같은 조작 도구입니다. 아래 슬라이더를 움직이면 함수가 다시 계산됩니다.
이 시리즈에서는 활성화 함수, 손실 함수, 옵티마이저를 이런 위젯으로 탐색합니다.
"""),
code("""
import ipywidgets as widgets

@widgets.interact(x=widgets.FloatSlider(value=2.0, min=-5.0, max=5.0, step=0.5, description="x"))
def square(x):
    print(f"x = {x:+.1f}   x² = {x ** 2:.2f}")
"""),
md(r"""
위젯이 보이지 않고 `interactive(...)` 같은 글자만 보인다면, JupyterLab이 아닌 곳에서 열었거나 `ipywidgets`가 설치되지 않은 것입니다.
저장소 폴더에서 `./dev lab`으로 여세요.

## 4. 환경 점검

이제 이 시리즈에 필요한 것이 모두 있는지 확인합니다. 모두 ✅ 이면 준비 끝입니다.
"""),
code("""
%matplotlib inline
import sys
import matplotlib
import numpy as np
import honggong

print("Python     ", sys.version.split()[0])
print("numpy      ", np.__version__)
print("matplotlib ", matplotlib.__version__)
print("ipywidgets ", widgets.__version__)
print("honggong   ", honggong.__version__)
"""),
code("""
# NBVAL_CHECK_OUTPUT
ok = lambda flag: "✅" if flag else "❌"
print(ok(sys.version_info >= (3, 10)), "Python 3.10 이상")
print(ok(tuple(int(p) for p in np.__version__.split(".")[:2]) >= (1, 24)), "numpy 1.24 이상")
from honggong import keras
print(ok(hasattr(keras, "Sequential")), "from honggong import keras")
"""),
md(r"""
### 한글 글꼴

matplotlib의 기본 글꼴에는 한글이 없어서 그림의 한글이 네모(□)로 깨집니다. `honggong.fonts`가 설치된 한글 글꼴(나눔고딕 등)을 찾아 등록합니다.
글꼴이 없다는 경고가 보이면 `sudo apt-get install fonts-nanum`(또는 `pip install koreanize-matplotlib`) 후 커널을 다시 시작하세요.
"""),
code("""
# NBVAL_CHECK_OUTPUT
from honggong import fonts

name = fonts.use_korean_font()
print(ok(name is not None and fonts.has_hangul(fonts.current_font())), "그림에 쓸 한글 글꼴")
"""),
md(r"""
글꼴이 제대로 되었다면 아래 그림의 제목과 축 이름이 한글로 보입니다.
"""),
code("""
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(5, 2.5))
ax.plot([0, 1, 2, 3], [0, 1, 4, 9], marker="o")
ax.set_title("한글 글꼴 확인: 손실이 줄어드는 그림은 나중에!")
ax.set_xlabel("에포크")
ax.set_ylabel("값")
plt.show()
"""),
md(r"""
### 패션 MNIST 데이터

6장부터 쓰는 패션 MNIST(Fashion-MNIST)는 28×28 흑백 옷 사진 70,000장입니다. `honggong.datasets`가 데비안 패키지
(`dataset-fashion-mnist`)나 저장소 캐시에서 파일을 찾고, 체크섬(SHA-256)으로 손상 여부를 확인한 뒤 케라스와 같은 배열로 돌려줍니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
from honggong.datasets import fashion_mnist

(x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
print(ok(x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)), "패션 MNIST", x_train.shape, x_test.shape)
print("클래스:", ", ".join(fashion_mnist.CLASS_NAMES_KO))
"""),
md(r"""
## 5. 퀴즈 셀 사용법

퀴즈 셀을 실행하면 문제가 나옵니다. 답을 고르고 **확인** 버튼을 누르면 정답 여부와 해설이 보입니다.
코드로 답할 수도 있습니다: `q = quiz.ask("ch00", 1)` 다음 셀에서 `q.check(2)`처럼 쓰면 됩니다. 틀려도 오류가 나지 않으니 마음껏 시도하세요.

### 직접 해보기
- 위 슬라이더 셀의 `max=5.0`을 `max=10.0`으로 바꾸고 다시 실행해 보세요.
- `1 + 2 * 3` 셀을 `(1 + 2) * 3`으로 바꾸면 결과는?

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch00", 1)
"""),
code("""
quiz.ask("ch00", 2)
"""),
code("""
quiz.ask("ch00", 3)
"""),
code("""
quiz.ask("ch00", 4)
"""),
md(r"""
---
다음 장: [1장. 텐서](01_tensors.ipynb)
"""),
]
