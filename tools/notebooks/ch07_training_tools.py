"""Generator for notebooks/07_training_tools.ipynb (7장. 신경망 훈련 도구). Build: .venv/bin/python tools/build_notebooks.py 07"""
from nbtools import code, md

FILENAME = "07_training_tools.ipynb"

CELLS = [
md(r"""
# 7장. 신경망 훈련 도구

『혼자 공부하는 머신러닝+딥러닝』 7-3절의 코드로, 모델을 **언제까지** 훈련할지 정하고 훈련한 모델을 **보관**하는 도구들을 익힙니다.
6장과 같은 패션 MNIST 심층 신경망(Flatten → Dense(100, relu) → Dense(10, softmax))을 씁니다.

이 장에서 배우는 것:
- `fit()`이 돌려주는 `History`와 손실 곡선(loss curve) 그리기
- 검증 손실(validation loss)로 과대적합(overfitting) 알아보기, 옵티마이저로 개선하기
- 드롭아웃(dropout): 훈련 때만 뉴런 일부를 끄는 규제
- 모델 저장과 복원: `save`, `save_weights`, `load_weights`, `load_model`
- 콜백(callback): `ModelCheckpoint`로 최고 모델 저장, `EarlyStopping`으로 조기 종료
- 학습률 탐색기: 실제 훈련으로 학습률의 효과 보기

책은 같은 모델을 5, 20, 20 에포크로 여러 번 훈련하지만, 이 노트북은 **똑같은 훈련은 한 번만** 하고 그 기록을 여러 그림에 다시 씁니다. 전체 실행은 보통 1분 30초 안팎입니다.
"""),
code("""
%matplotlib inline
import numpy as np
import matplotlib.pyplot as plt
from honggong import keras, plots
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(42)   # 가중치 초깃값, 데이터 순서, 드롭아웃을 매번 같게
"""),
md(r"""
## 1. 데이터와 모델 만드는 함수

6장과 같이 데이터를 준비합니다. Flatten 층을 쓰므로 이미지는 28×28 그대로 둡니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
(train_input, train_target), (test_input, test_target) = keras.datasets.fashion_mnist.load_data()
train_scaled = train_input / 255.0
train_scaled, val_scaled, train_target, val_target = train_test_split(
    train_scaled, train_target, test_size=0.2, random_state=42)
print(train_scaled.shape, val_scaled.shape)
"""),
md(r"""
같은 구조의 모델을 여러 번 만들 것이므로, 책처럼 모델을 만드는 함수 `model_fn`을 정의합니다. `a_layer`에 층을 주면 은닉층 뒤에 그 층을 끼워 넣습니다(4절의 드롭아웃에 씁니다).
입력 모양은 케라스 3 방식인 `keras.Input(shape=(28, 28))`으로 알려 줍니다(6장).
"""),
code("""
def model_fn(a_layer=None):
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28)))
    model.add(keras.layers.Flatten())
    model.add(keras.layers.Dense(100, activation='relu'))
    if a_layer:
        model.add(a_layer)
    model.add(keras.layers.Dense(10, activation='softmax'))
    return model
"""),
code("""
# NBVAL_CHECK_OUTPUT
model = model_fn()
model.summary()
"""),
md(r"""
## 2. 손실 곡선

`fit()`은 **`History`** 객체를 돌려줍니다. 그 `history` 속성은 에포크마다 기록한 손실과 지표의 딕셔너리입니다. 이것을 그리면 훈련 과정이 한눈에 보입니다.

훈련 중에 **검증 세트**(validation set)의 손실도 재려면 `validation_data=(val_scaled, val_target)`를 줍니다. 그러면 에포크가 끝날 때마다 검증 세트로 평가해서 `val_` 이 붙은 값도 기록합니다.
검증 세트는 평가에만 쓰이고 가중치를 바꾸지 않으므로, `validation_data`를 주든 안 주든 훈련 자체는 똑같습니다.

> 책은 같은 모델을 5 에포크, 20 에포크, 그리고 `validation_data`를 준 20 에포크로 세 번 훈련합니다. 셋은 앞부분이 똑같은 훈련이므로 여기서는 **마지막 것 한 번만** 훈련하고 그 기록으로 세 그림을 모두 그립니다.
> 그래프 없이 기록만 남기면 되므로 `verbose=0`으로 진행 막대를 끕니다. 이 셀은 20초쯤 걸립니다.
"""),
code("""
model.compile(loss='sparse_categorical_crossentropy', metrics=['accuracy'])
history = model.fit(train_scaled, train_target, epochs=20, verbose=0,
                    validation_data=(val_scaled, val_target))
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(history.history.keys())
print(len(history.history['loss']), "에포크 기록")
"""),
md(r"""
`validation_data` 없이 훈련했다면 `'accuracy'`와 `'loss'` 두 개만 있습니다. 책의 그래프 코드 그대로 훈련 손실부터 그려 봅시다. 파이썬 리스트를 그리면 x축은 0부터 시작하는 에포크 번호입니다.
"""),
code("""
plt.plot(history.history['loss'])
plt.xlabel('epoch')
plt.ylabel('loss')
plt.show()
"""),
code("""
plt.plot(history.history['accuracy'])
plt.xlabel('epoch')
plt.ylabel('accuracy')
plt.show()
"""),
md(r"""
에포크가 늘수록 훈련 손실은 꾸준히 줄고 정확도는 오릅니다. 그렇다면 오래 훈련할수록 좋은 모델일까요? **훈련 세트에서의 점수**만 보고는 알 수 없습니다. 검증 손실을 같이 그려 봅시다.
"""),
code("""
plt.plot(history.history['loss'])
plt.plot(history.history['val_loss'])
plt.xlabel('epoch')
plt.ylabel('loss')
plt.legend(['train', 'val'])
plt.show()
"""),
md(r"""
## 3. 과대적합과 옵티마이저

훈련 손실은 계속 줄어드는데 검증 손실은 몇 에포크 뒤부터 **다시 올라갑니다**. 모델이 훈련 세트에만 지나치게 맞춰지는 **과대적합**(overfitting)의 전형적인 모습입니다.
반대로 두 손실이 모두 높은 채로 멈춰 있으면 **과소적합**(underfitting)입니다. 가장 좋은 멈춤 지점은 검증 손실이 가장 낮은 에포크 근처입니다.

`plots.plot_history`는 같은 기록을 훈련/검증 두 곡선으로 그리고, 검증 손실이 가장 낮은 에포크에 ★를 찍습니다(에포크는 1부터 셉니다).
"""),
code("""
plots.plot_history(history, title="RMSprop (기본값), 20 에포크")
"""),
md(r"""
과대적합을 줄이는 방법 하나는 옵티마이저를 바꾸는 것입니다. 기본 RMSprop 대신 **Adam**으로 같은 모델을 훈련해 봅시다.
Adam은 가중치마다 학습률을 맞춰 주고 모멘텀으로 진동을 줄여서(6장), 검증 손실이 더 낮은 곳에서 더 안정적으로 움직이는 경우가 많습니다.

두 훈련을 공정하게 비교하려고 `set_random_seed(42)`로 초깃값과 데이터 순서를 같게 맞춥니다.
"""),
code("""
rmsprop_history = history   # 뒤에서 비교할 때 다시 씁니다

keras.utils.set_random_seed(42)
model = model_fn()
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
history = model.fit(train_scaled, train_target, epochs=20, verbose=0,
                    validation_data=(val_scaled, val_target))
"""),
code("""
adam_history = history
plots.plot_history(history, title="Adam, 20 에포크")
"""),
md(r"""
검증 손실이 올라가기 시작하는 때가 늦어지고 그 폭도 줄었습니다. 다만 여전히 훈련 손실과의 간격은 벌어집니다. 이 간격을 줄이는 방법이 **규제**(regularization)이고, 신경망에서 가장 널리 쓰는 규제가 드롭아웃입니다.

## 4. 드롭아웃

**드롭아웃**(dropout)은 훈련하는 동안 배치마다 층의 출력 중 비율 `rate` 만큼을 **무작위로 0으로** 만듭니다. 모델이 특정 뉴런 몇 개에 지나치게 기대지 못하게 되어 과대적합이 줄어듭니다.

$$\text{훈련 때:}\quad y_i = \begin{cases} 0 & \text{확률 } \mathrm{rate} \\ \dfrac{x_i}{1 - \mathrm{rate}} & \text{확률 } 1 - \mathrm{rate} \end{cases} \qquad\qquad \text{평가·예측 때:}\quad y_i = x_i$$

- `Dropout(0.3)`의 0.3은 **끄는 비율**입니다. ⚠️ 공부 노트의 "활성화할 노드의 개수를 정한다"는 설명은 틀렸습니다. 개수가 아니라 비율이고, 끄는 것은 훈련 때뿐입니다.
- 살아남은 출력은 $1/(1-\mathrm{rate})$ 배가 됩니다. 그래서 출력의 평균(기댓값)이 $(1-\mathrm{rate}) \cdot \frac{x}{1-\mathrm{rate}} = x$ 로 훈련 때와 평가 때 같습니다.
- `evaluate()`와 `predict()`에서는 아무것도 하지 않습니다. 케라스가 알아서 처리하므로 따로 할 일이 없습니다.
- 드롭아웃 층에는 가중치가 없습니다(파라미터 0개).

모든 값이 1인 입력에 `Dropout(0.3)`을 직접 적용해 봅시다. `training=True`는 훈련 때처럼, `training=False`는 예측 때처럼 실행하라는 뜻입니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
dropout = keras.layers.Dropout(0.3)
ones = np.ones((4, 250), dtype=np.float32)
print("훈련 때 나오는 값들:", np.unique(dropout(ones, training=True)), "  1/(1-0.3) =", round(1 / 0.7, 7))
print("예측 때는 그대로인가?", np.array_equal(dropout(ones, training=False), ones))
"""),
code("""
out = dropout(ones, training=True)
print(f"0이 된 비율: {np.mean(out == 0):.3f}   출력의 평균: {out.mean():.3f}")
"""),
md(r"""
0이 된 비율은 대략 0.3이고, 평균은 대략 1입니다(무작위라 정확히 같지는 않습니다). 이제 `model_fn`으로 은닉층 뒤에 `Dropout(0.3)`을 넣습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.backend.clear_session()   # 층 이름을 flatten, dense, ...부터 다시 셉니다
keras.utils.set_random_seed(42)
model = model_fn(keras.layers.Dropout(0.3))
model.summary()
"""),
code("""
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
history = model.fit(train_scaled, train_target, epochs=20, verbose=0,
                    validation_data=(val_scaled, val_target))
dropout_history = history
"""),
code("""
plots.plot_history(history, title="Adam + Dropout(0.3), 20 에포크")
"""),
md(r"""
훈련 손실과 검증 손실의 간격이 크게 줄었고, 검증 손실이 낮은 곳에서 오래 머뭅니다. 세 훈련의 검증 손실을 한 그림에 겹쳐 봅시다. 이미 훈련한 기록을 다시 쓰므로 새로 훈련하지 않습니다.
"""),
code("""
fig, ax = plt.subplots(figsize=(7, 4))
for label, h in [("RMSprop", rmsprop_history), ("Adam", adam_history), ("Adam + Dropout(0.3)", dropout_history)]:
    val_loss = h.history['val_loss']
    ax.plot(range(1, len(val_loss) + 1), val_loss, '-o', markersize=3, label=label)
ax.set_xlabel('에포크')
ax.set_ylabel('검증 손실')
ax.set_title('세 훈련의 검증 손실 (낮을수록 좋음)')
ax.legend()
plt.show()
"""),
md(r"""
드롭아웃을 넣은 모델은 훈련 세트에서 살짝 덜 맞추지만(훈련 때 뉴런 30%가 꺼지므로), 처음 보는 데이터에서는 더 좋은 손실을 오래 유지합니다.

## 5. 모델 저장과 복원

훈련에 몇 분, 몇 시간이 걸리는 모델을 쓸 때마다 다시 훈련할 수는 없습니다. 케라스 3의 저장 방법은 두 가지입니다.

| 저장 | 불러오기 | 파일에 들어 있는 것 |
| --- | --- | --- |
| `model.save_weights('model.weights.h5')` | `model.load_weights(...)` (같은 구조의 모델을 먼저 만듦) | 가중치만 |
| `model.save('model-whole.keras')` | `keras.models.load_model(...)` | 구조 + 가중치 + `compile` 설정 + 옵티마이저 상태 |

- 가중치 파일 이름은 `.weights.h5`로, 모델 전체 파일은 `.keras`로 끝나야 합니다(케라스 3의 규칙).
- `honggong`은 이 이름으로 **자기만의 zip 형식**을 씁니다. 진짜 케라스와 파일을 주고받을 수는 없습니다.
- 책은 검증 손실이 가장 낮았던 10 에포크만큼 **다시 훈련**해서 저장합니다. 같은 모델을 두 번 훈련하는 이 수고를 덜어 주는 것이 6절의 콜백이므로, 여기서는 방금 훈련한 드롭아웃 모델을 그대로 저장합니다.

실습 파일이 노트북 폴더에 쌓이지 않도록 **임시 폴더**(temporary directory)에 저장하고, 장 끝에서 지웁니다. 그래서 책의 `'model.weights.h5'`는 `work / 'model.weights.h5'`가 됩니다.
"""),
code("""
import tempfile
from pathlib import Path

work = Path(tempfile.mkdtemp(prefix="honggong-ch07-"))   # 이 장의 실습 파일을 둘 임시 폴더
model.save_weights(work / 'model.weights.h5')
model.save(work / 'model-whole.keras')
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(sorted(p.name for p in work.iterdir()))
"""),
md(r"""
### 가중치만 불러와서 예측하기

가중치 파일에는 구조가 없으므로 **같은 구조**의 모델을 먼저 만들고 `load_weights()`로 가중치를 채웁니다(드롭아웃 층에는 가중치가 없지만 구조를 맞추려고 똑같이 넣습니다).

`predict()`는 샘플마다 10개 클래스의 확률을 돌려줍니다. 가장 큰 확률의 위치가 예측 클래스이므로 `np.argmax(..., axis=-1)`로 고르고, 정답과 같은 비율을 세면 정확도입니다.
"""),
code("""
model = model_fn(keras.layers.Dropout(0.3))
model.load_weights(work / 'model.weights.h5')
"""),
code("""
# NBVAL_CHECK_OUTPUT
proba = model.predict(val_scaled[:3], verbose=0)
print(proba.shape, "-> 샘플마다 확률 10개, 합:", np.round(proba.sum(axis=-1), 4))
print("np.argmax(proba, axis=-1)의 모양:", np.argmax(proba, axis=-1).shape, "-> 샘플마다 클래스 번호 하나")
"""),
code("""
val_labels = np.argmax(model.predict(val_scaled), axis=-1)
print(np.mean(val_labels == val_target))
"""),
md(r"""
### 모델 전체를 불러오기

`load_model()`은 구조까지 파일에서 읽어 모델을 만들어 줍니다. `compile` 설정도 들어 있어서 바로 `evaluate()`할 수 있습니다.
"""),
code("""
model = keras.models.load_model(work / 'model-whole.keras')
model.evaluate(val_scaled, val_target)
"""),
code("""
# NBVAL_CHECK_OUTPUT
loss, accuracy = model.evaluate(val_scaled, val_target, verbose=0)
print("predict + argmax로 센 정확도와 같은가?", np.isclose(accuracy, np.mean(val_labels == val_target)))
print("불러온 옵티마이저:", type(model.optimizer).__name__)
"""),
md(r"""
## 6. 콜백: 체크포인트와 조기 종료

**콜백**(callback)은 훈련 중간중간(에포크가 끝날 때마다 등)에 케라스가 불러 주는 객체입니다. `fit(callbacks=[...])`로 넘깁니다.

- **`ModelCheckpoint('best-model.keras', save_best_only=True)`**: 에포크마다 검증 손실(`monitor='val_loss'`, 기본값)을 보고, 지금까지 가장 낮을 때만 모델을 파일에 저장합니다.
- **`EarlyStopping(patience=2, restore_best_weights=True)`**: 검증 손실이 `patience`번의 에포크 동안 좋아지지 않으면 훈련을 멈추는 **조기 종료**(early stopping)입니다. `restore_best_weights=True`이면 멈춘 뒤 가장 좋았던 에포크의 가중치로 되돌립니다.

이 둘을 함께 쓰면 에포크 수를 넉넉히(20) 주어도 적당한 때 멈추고, 가장 좋은 모델이 파일과 메모리에 모두 남습니다.

> 책은 `ModelCheckpoint`만 붙여 20 에포크를 한 번 더 훈련한 뒤, 두 콜백을 함께 붙여 또 훈련합니다. 앞의 것은 4절의 드롭아웃 훈련과 똑같은 훈련이므로 건너뛰고, 두 콜백을 함께 쓰는 훈련만 합니다.
> 4절과 같은 시드로 시작하므로 멈추기 전까지는 4절의 20 에포크 훈련과 똑같은 길을 갑니다. 그래서 4절의 그림에서 어디서 멈출지 미리 짐작해 볼 수 있습니다.
"""),
code("""
keras.utils.set_random_seed(42)
model = model_fn(keras.layers.Dropout(0.3))
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
checkpoint_cb = keras.callbacks.ModelCheckpoint(work / 'best-model.keras', save_best_only=True)
early_stopping_cb = keras.callbacks.EarlyStopping(patience=2, restore_best_weights=True)
history = model.fit(train_scaled, train_target, epochs=20, verbose=0,
                    validation_data=(val_scaled, val_target),
                    callbacks=[checkpoint_cb, early_stopping_cb])
"""),
md(r"""
`stopped_epoch`는 훈련을 멈춘 에포크입니다. 케라스는 에포크를 **0부터** 세므로 사람이 세는 번호로는 1을 더합니다.
`patience=2`이므로 가장 좋았던 에포크는 멈춘 에포크보다 2 앞입니다.
"""),
code("""
print(early_stopping_cb.stopped_epoch)
print(f"{early_stopping_cb.stopped_epoch + 1}번째 에포크에서 멈춤, "
      f"가장 좋았던 에포크: {early_stopping_cb.best_epoch + 1}번째 (검증 손실 {early_stopping_cb.best:.4f})")
"""),
code("""
# NBVAL_CHECK_OUTPUT
n = len(history.history['val_loss'])
print("4절의 훈련과 같은 길을 왔나?", np.allclose(history.history['val_loss'], dropout_history.history['val_loss'][:n]))
"""),
code("""
plots.plot_history(history, stopped_epoch=early_stopping_cb.stopped_epoch,
                   title="Adam + Dropout(0.3) + EarlyStopping(patience=2)")
"""),
md(r"""
점선이 멈춘 에포크, ★가 가장 좋은 에포크입니다. 지금 `model`에는 ★ 에포크의 가중치가 복원되어 있고, 같은 모델이 `best-model.keras`에도 저장되어 있습니다.

4절의 20 에포크 그림과 견주어 보세요. 멈춘 뒤에도 검증 손실이 조금씩 더 내려갔다면, 검증 손실이 잠깐 출렁인 것을 보고 너무 일찍 멈춘 것입니다.
`patience`가 작을수록 훈련 시간은 아끼지만 이런 일이 잦아집니다. 그래서 `patience`도 검증 곡선을 보며 정하는 하이퍼파라미터입니다.
"""),
code("""
model.evaluate(val_scaled, val_target)
"""),
code("""
model = keras.models.load_model(work / 'best-model.keras')
model.evaluate(val_scaled, val_target)
"""),
code("""
# NBVAL_CHECK_OUTPUT
best_loss = model.evaluate(val_scaled, val_target, verbose=0)[0]
print("체크포인트 모델의 검증 손실 = 기록 중 최솟값?", np.isclose(best_loss, min(history.history['val_loss']), rtol=1e-4))
"""),
md(r"""
실습 파일을 지웁니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
import shutil

shutil.rmtree(work)
print("임시 폴더가 남아 있나?", work.exists())
"""),
md(r"""
## 7. 학습률 탐색기: 실제 훈련으로 보기

옵티마이저의 가장 중요한 하이퍼파라미터는 **학습률**(learning rate)입니다. 너무 작으면 손실이 천천히 줄고, 너무 크면 손실이 출렁이거나 오히려 커집니다.
아래 탐색기는 패션 MNIST 훈련 이미지 **앞의 2,000장**(이 중 20%는 검증용)으로 784-100-10 모델을 실제로 훈련하며, 에포크마다 손실 곡선을 그려 줍니다(실선: 훈련, 점선: 검증).
빠르게 여러 번 실험하려고 데이터를 줄였으므로 위의 전체 데이터 결과보다 정확도는 낮습니다.

옵티마이저와 학습률, 에포크를 바꾸고 **훈련 시작**을 누르면 이전 곡선 위에 새 곡선이 겹쳐집니다.
"""),
code("""
from honggong import widgets

explorer = widgets.learning_rate_explorer("adam", learning_rate=0.001, epochs=20, dataset="fashion_mnist")
"""),
md(r"""
탐색기는 코드로도 움직일 수 있습니다. 학습률을 50배 키워 한 번 더 훈련하면 곡선이 어떻게 달라질까요? 실행한 뒤 위의 그림을 보세요.
"""),
code("""
explorer.lr_slider.value = 0.05
run = explorer.train()
"""),
md(r"""
### 직접 해보기
- 탐색기에서 `SGD`를 고르고 학습률을 0.001, 0.01, 0.1, 1로 바꿔 가며 훈련해 보세요. 어느 학습률에서 검증 손실이 가장 빨리 내려가나요? 어디서부터 불안정해지나요?
- 4절의 `Dropout(0.3)`을 `Dropout(0.5)`로 바꾸면 훈련 손실과 검증 손실의 간격은 어떻게 될까요?
- 책처럼 드롭아웃 모델을 `epochs=10`으로 훈련해서 저장해 보세요. 6절의 `EarlyStopping`이 고른 에포크와 비교해 보세요.
- `EarlyStopping(patience=5, ...)`이면 몇 번째 에포크에서 멈출까요? 4절의 그림에서 먼저 짐작해 보세요.

## 정리
- `fit()`이 돌려주는 `History.history`에는 에포크별 `loss`, `accuracy`와 (`validation_data`를 주면) `val_loss`, `val_accuracy`가 있습니다.
- 훈련 손실은 줄고 검증 손실은 오르면 과대적합입니다. 옵티마이저(Adam)와 드롭아웃으로 줄일 수 있습니다.
- 드롭아웃은 훈련 때만 비율 `rate` 의 출력을 0으로 만들고 나머지를 $1/(1-\mathrm{rate})$ 배 합니다. 예측 때는 아무것도 하지 않습니다.
- `save_weights`/`load_weights`는 가중치만, `save`/`load_model`은 모델 전체를 저장하고 불러옵니다.
- `ModelCheckpoint(save_best_only=True)` + `EarlyStopping(patience=2, restore_best_weights=True)`: 알맞을 때 멈추고 최고 모델을 남깁니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch07", 1)
"""),
code("""
quiz.ask("ch07", 2)
"""),
code("""
quiz.ask("ch07", 3)
"""),
code("""
quiz.ask("ch07", 4)
"""),
code("""
quiz.ask("ch07", 5)
"""),
code("""
quiz.ask("ch07", 6)
"""),
md(r"""
---
다음 장: [8장. 규제, 가중치 초기화, 배치 정규화](08_regularization.ipynb)
"""),
]
