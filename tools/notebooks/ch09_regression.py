"""Generator for notebooks/09_regression.ipynb (9장. 회귀). Build: .venv/bin/python tools/build_notebooks.py 09"""
from nbtools import code, md

FILENAME = "09_regression.ipynb"

CELLS = [
md(r"""
# 9장. 회귀

지금까지는 이미지가 10개 클래스 중 무엇인지 고르는 **분류**(classification)를 했습니다. 이 장에서는 숫자 하나를 예측하는 **회귀**(regression) 신경망을 만듭니다.
공부 노트의 회귀 모델(Dense 64 → Dense 64 → Dense 1)을 실제 의료 데이터에 훈련합니다.

이 장에서 배우는 것:
- 실제 회귀 데이터 읽기: 당뇨병 환자 442명의 특성 10개와 1년 뒤 병의 진행 정도
- **표준화**(standardization): 훈련 세트의 평균과 표준편차로 특성의 척도 맞추기
- 회귀 모델의 출력층: 뉴런 1개, 활성화 함수 없음
- 손실은 MSE, 지표는 MAE. 회귀 손실은 MSE·MAE·Huber이고 CTC가 아니다 (노트 바로잡기)
- 손실 곡선, 예측값 대 실제값 그림, 그리고 "이 모델이 얼마나 좋은가"를 재는 기준 모델
"""),
code("""
%matplotlib inline
import numpy as np
from honggong import keras, plots
from honggong.datasets import regression

np.set_printoptions(precision=3, suppress=True)
keras.utils.set_random_seed(42)   # 가중치 초깃값과 데이터 섞기를 매번 같게
"""),
md(r"""
## 1. 당뇨병 데이터

**당뇨병 데이터**(diabetes dataset, Efron 외 2004)는 환자 442명에 대해 나이(age), 성별(sex), 체질량 지수(bmi), 평균 혈압(bp)과 혈액 검사 수치 6개(s1~s6)를 재고,
1년 뒤 병이 얼마나 진행했는지를 숫자(target, 25~346)로 적은 표입니다. 이 저장소의 `datasets/diabetes.csv`에 들어 있고(scikit-learn이 배포하는 원본 표, BSD-3 라이선스), 읽을 때 체크섬을 확인합니다.

`load_diabetes()`는 케라스의 `load_data()`처럼 훈련 세트와 테스트 세트를 돌려줍니다. 다섯 번째 행마다 테스트 세트로 보내는 고정된 분할이라 매번 같습니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
(train_input, train_target), (test_input, test_target) = regression.load_diabetes()
print(train_input.shape, train_target.shape, test_input.shape, test_target.shape, train_input.dtype)
print("특성:", regression.FEATURE_NAMES)
"""),
code("""
# NBVAL_CHECK_OUTPUT
print("처음 3명:")
print(train_input[:3])
print("타깃:", train_target[:3])
print(f"타깃 범위 {train_target.min():.0f} ~ {train_target.max():.0f}, 평균 {train_target.mean():.1f}")
"""),
md(r"""
분류의 타깃은 클래스 번호(0~9)였지만, 회귀의 타깃은 **연속적인 값**입니다. 특성 두 개와 타깃의 관계를 그려 봅시다.
"""),
code("""
fig, axes = plots.new_figure(1, 2, figsize=(11, 4))
for ax, name in zip(axes[0], ["bmi", "s5"]):
    column = regression.FEATURE_NAMES.index(name)
    ax.scatter(train_input[:, column], train_target, s=10, alpha=0.6)
    ax.set_xlabel(name)
    ax.set_ylabel("1년 뒤 진행 정도 (target)")
axes[0, 0].set_title("체질량 지수(bmi)와 타깃")
axes[0, 1].set_title("혈액 검사 s5와 타깃")
fig
"""),
md(r"""
체질량 지수가 클수록 타깃이 커지는 경향이 보이지만 점이 넓게 퍼져 있습니다. 특성 10개를 모두 써도 완벽하게 예측할 수는 없는, 잡음이 많은 실제 데이터입니다.

## 2. 표준화

특성마다 척도가 아주 다릅니다. 성별은 1 또는 2, 나이는 수십, s1(콜레스테롤)은 100~300입니다. 척도가 다르면 큰 값을 가진 특성의 가중치가 기울기를 독차지해 경사 하강법이 잘 움직이지 못합니다.
그래서 특성마다 **표준 점수**(z-score)로 바꿉니다.

$$z = \frac{x - \mu}{\sigma} \qquad (\mu, \sigma\text{: 훈련 세트에서 구한 특성별 평균과 표준편차})$$

테스트 세트에도 **훈련 세트의** $\mu, \sigma$ 를 씁니다. 테스트 세트는 "아직 보지 못한 새 데이터" 역할이므로, 그 통계를 미리 쓰면 안 됩니다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
mean = train_input.mean(axis=0)
std = train_input.std(axis=0)
train_scaled = (train_input - mean) / std
test_scaled = (test_input - mean) / std
print("훈련 세트: 평균이 모두 0?", np.allclose(train_scaled.mean(axis=0), 0, atol=1e-5),
      " 표준편차가 모두 1?", np.allclose(train_scaled.std(axis=0), 1, atol=1e-5))
print("테스트 세트 평균:", test_scaled.mean(axis=0).round(1) + 0.0)
"""),
md(r"""
테스트 세트는 평균이 정확히 0은 아니지만 가깝습니다. 이것이 정상입니다.

타깃(25~346)은 그대로 둡니다. 그래야 오차를 "진행 정도 몇 점"이라는 원래 단위로 읽을 수 있습니다.

## 3. 회귀 모델: Dense 64 → 64 → 1

공부 노트의 모델입니다. 은닉층 두 개는 렐루, 출력층은 **뉴런 1개에 활성화 함수 없음**(`activation=None`, 항등 함수 identity function)입니다.
계산된 값 $z = \mathbf{x}\cdot\mathbf{w} + b$ 를 그대로 예측값으로 내보내야 어떤 크기의 값이든 예측할 수 있습니다. 시그모이드는 0~1, 렐루는 0 이상으로 출력을 묶어 버립니다.

노트의 TF 2.x 코드 `Dense(64, activation='relu', input_shape=[10])`은 케라스 3에서는 맨 앞에 `keras.Input(shape=(10,))`을 두는 형태로 씁니다.
"""),
code("""
def build_model():
    model = keras.Sequential([
        keras.Input(shape=(10,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    return model
"""),
code("""
# NBVAL_CHECK_OUTPUT
keras.backend.clear_session()
keras.utils.set_random_seed(42)
model = build_model()
model.summary()
"""),
md(r"""
파라미터: $10 \times 64 + 64 = 704$, $64 \times 64 + 64 = 4{,}160$, $64 \times 1 + 1 = 65$, 합계 $4{,}929$ 개.

## 4. 손실은 MSE, 지표는 MAE

회귀의 손실 함수는 예측 $\hat{y}$ 와 타깃 $y$ 의 차이를 잽니다(4장).

$$\text{MSE} = \frac{1}{n}\sum_{i=1}^{n} (y_i - \hat{y}_i)^2 \qquad \text{MAE} = \frac{1}{n}\sum_{i=1}^{n} \lvert y_i - \hat{y}_i \rvert$$

- `loss="mse"`: 평균 제곱 오차(mean squared error). 미분이 매끄럽고 큰 오차를 크게 벌합니다.
- `metrics=["mae"]`: 평균 절댓값 오차(mean absolute error). 타깃과 **같은 단위**라 "평균 몇 점 틀리는지" 바로 읽을 수 있습니다.
- 이상치가 많으면 `loss="mae"`나 `keras.losses.Huber()`(오차가 작을 때는 제곱, 클 때는 절댓값)를 씁니다.
- 분류의 `accuracy`는 회귀에 쓰지 않습니다. 실수 예측이 타깃과 정확히 같을 일은 거의 없으니까요.

⚠️ 공부 노트에는 회귀의 손실 함수로 **CTC**가 적혀 있지만 틀렸습니다. CTC(connectionist temporal classification)는 음성이나 손글씨처럼 입력 시퀀스와 정답 글자의 **위치가 맞춰지지 않은** 시퀀스에 레이블을 붙이는 손실입니다. 회귀의 손실은 MSE, MAE, Huber입니다.

케라스의 MSE와 MAE를 넘파이 계산과 비교해 봅시다.
"""),
code("""
# NBVAL_CHECK_OUTPUT
y_true = np.array([10.0, 20.0, 30.0])
y_pred = np.array([12.0, 18.0, 33.0])          # 오차 2, 2, 3  →  MSE (4 + 4 + 9) / 3,  MAE (2 + 2 + 3) / 3
print(f"MSE: 케라스 {keras.losses.MeanSquaredError()(y_true, y_pred):.4f}   넘파이 {np.mean((y_true - y_pred) ** 2):.4f}")
print(f"MAE: 케라스 {keras.losses.MeanAbsoluteError()(y_true, y_pred):.4f}   넘파이 {np.mean(np.abs(y_true - y_pred)):.4f}")
"""),
md(r"""
## 5. 훈련과 손실 곡선

노트처럼 `validation_split=0.2`로 훈련 세트의 **마지막** 20%(71명)를 검증 세트로 떼어 놓고 100 에포크 훈련합니다. 354명뿐이라 몇 초면 끝납니다.
"""),
code("""
history = model.fit(train_scaled, train_target, epochs=100, validation_split=0.2, verbose=0)
"""),
code("""
# NBVAL_CHECK_OUTPUT
print(sorted(history.history))
print(len(history.history["loss"]), "에포크")
"""),
md(r"""
`history.history`의 키는 `compile`에 적은 이름 그대로입니다: 훈련 세트의 `loss`(MSE)와 `mae`, 검증 세트의 `val_loss`와 `val_mae`.
"""),
code("""
plots.plot_history(history)
"""),
code("""
best = int(np.argmin(history.history["val_mae"]))
print(f"검증 MAE: 첫 에포크 {history.history['val_mae'][0]:.1f}  →  가장 낮을 때 {history.history['val_mae'][best]:.1f} (에포크 {best + 1})"
      f"  →  마지막 {history.history['val_mae'][-1]:.1f}")
"""),
md(r"""
처음 20 에포크쯤은 출력이 0 근처에서 타깃의 평균(150쯤)까지 올라가는 데 쓰입니다. 타깃을 표준화하지 않았고 학습률(RMSprop 기본값 0.001)이 작아서, 출력층의 절편이 한 번에 조금씩만 커지기 때문입니다.
그 뒤로는 훈련 곡선과 검증 곡선이 함께 천천히 내려갑니다. 이 설정에서는 100 에포크까지 검증 MAE가 다시 올라가는 과대적합은 뚜렷하지 않습니다. 7절의 위젯에서 학습률을 올리면 달라집니다.

## 6. 테스트 세트로 평가하고, 기준과 비교하기

`evaluate`는 `[손실, 지표]`를 돌려줍니다. MAE가 40쯤이라는 것은 좋은 걸까요? 비교할 **기준 모델**(baseline)이 있어야 판단할 수 있습니다.
- 가장 단순한 기준: 모든 환자에게 훈련 세트 타깃의 평균을 예측
- 선형 회귀(linear regression): 혼공머신 3장의 `LinearRegression` (scikit-learn)
"""),
code("""
test_mse, test_mae = model.evaluate(test_scaled, test_target, verbose=0)
print(f"신경망      테스트 MAE {test_mae:.1f}  (MSE {test_mse:.0f})")

baseline_mae = np.mean(np.abs(test_target - train_target.mean()))
print(f"평균 예측   테스트 MAE {baseline_mae:.1f}")

from sklearn.linear_model import LinearRegression
lr = LinearRegression().fit(train_scaled, train_target)
print(f"선형 회귀   테스트 MAE {np.mean(np.abs(test_target - lr.predict(test_scaled))):.1f}")
"""),
md(r"""
신경망은 평균 예측보다 훨씬 낫지만, 선형 회귀와는 비슷한 수준입니다. 샘플이 354개뿐인 표 데이터에서는 흔한 일입니다.
신경망은 데이터가 많고 관계가 복잡할 때(이미지, 소리, 글) 진가를 발휘합니다. 작은 표 데이터에서는 단순한 모델부터 기준으로 세워 두는 습관이 중요합니다.

### 예측값 대 실제값

점이 대각선 $\hat{y} = y$ 에 가까울수록 잘 맞힌 것입니다.
"""),
code("""
test_pred = model.predict(test_scaled, verbose=0)
print(test_pred.shape, "→ 열 하나짜리 2차원 배열이라 ravel()로 펼칩니다")
test_pred = test_pred.ravel()
"""),
code("""
fig, ax = plots.new_figure(figsize=(5.5, 5.2))
ax.scatter(test_target, test_pred, s=14, alpha=0.7, label="테스트 환자 88명")
ax.plot([0, 350], [0, 350], color="gray", linestyle=":", label="예측 = 실제")
ax.set_xlabel("실제 진행 정도")
ax.set_ylabel("예측 진행 정도")
ax.set_title(f"예측값 대 실제값 (테스트 MAE {test_mae:.1f})")
ax.legend()
fig
"""),
md(r"""
예측이 가운데로 몰리는 경향이 보입니다. 실제 값이 아주 작거나 큰 환자는 덜 극단적으로 예측합니다. 특성 10개로 설명할 수 없는 잡음이 많을 때 MSE를 최소로 하는 모델은 "평균 쪽으로" 예측하는 것이 최선이기 때문입니다.

## 7. 직접 해보기: 손실 함수, 학습률, 에포크

손실 함수(MSE, MAE, Huber), RMSprop의 학습률, 에포크 수를 바꿔 모델을 새로 훈련합니다(한 번에 1~2초). 검증 MAE와 테스트 MAE를 보세요.
- 학습률을 0.01로 올리면 검증 MAE 곡선은 어떻게 되나요? 가장 낮은 에포크(★)는 언제이고, 그 뒤로 훈련 MAE와 검증 MAE의 차이는 어떻게 되나요?
- Huber 손실은 `delta=1.0`이 기본값이라, 오차가 수십인 이 데이터에서는 거의 MAE처럼 동작합니다. 곡선의 모양이 MAE와 비슷한가요?
"""),
code("""
import ipywidgets as widgets

LOSSES = {"MSE": "mse", "MAE": "mae", "Huber": keras.losses.Huber()}

@widgets.interact(loss=widgets.Dropdown(options=list(LOSSES), value="MSE", description="손실"),
                  learning_rate=widgets.FloatLogSlider(value=0.001, base=10, min=-4, max=-1, step=0.5,
                                                       description="학습률", continuous_update=False),
                  epochs=widgets.IntSlider(value=100, min=10, max=200, step=10, description="에포크",
                                           continuous_update=False))
def train_and_plot(loss, learning_rate, epochs):
    keras.utils.set_random_seed(42)
    trial = keras.Sequential([keras.Input(shape=(10,)),
                              keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(1)])
    trial.compile(optimizer=keras.optimizers.RMSprop(learning_rate=learning_rate), loss=LOSSES[loss], metrics=["mae"])
    trial_history = trial.fit(train_scaled, train_target, epochs=epochs, validation_split=0.2, verbose=0)
    test_mae = trial.evaluate(test_scaled, test_target, verbose=0)[1]
    plots.show(plots.plot_history(trial_history, metrics="mae",
                                  title=f"{loss}, 학습률 {learning_rate:g}: 테스트 MAE {test_mae:.1f}"))
"""),
md(r"""
### 더 해보기
- 7장의 `keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)`를 `fit`에 넣어 검증 MAE가 가장 낮을 때의 가중치로 멈춰 보세요.
- 표준화를 빼고(`train_input`을 그대로) 훈련하면 손실 곡선이 어떻게 달라지나요?
- 은닉층을 `Dense(64)` 하나로 줄이면 테스트 MAE가 나빠지나요? 작은 데이터에는 작은 모델로 충분할 때가 많습니다.

## 정리
- 회귀는 연속적인 값을 예측합니다. 출력층은 `Dense(1)`(활성화 함수 없음).
- 특성은 **훈련 세트의** 평균과 표준편차로 표준화하고, 같은 값으로 테스트 세트도 바꿉니다.
- 손실은 MSE(이상치가 많으면 MAE, Huber), 지표는 타깃과 같은 단위인 MAE. CTC는 회귀 손실이 아닙니다.
- `history.history` 키: `loss`, `mae`, `val_loss`, `val_mae`.
- 평균 예측, 선형 회귀 같은 기준 모델과 비교해야 성능을 판단할 수 있습니다.

## 퀴즈
"""),
code("""
from honggong import quiz
quiz.ask("ch09", 1)
"""),
code("""
quiz.ask("ch09", 2)
"""),
code("""
quiz.ask("ch09", 3)
"""),
code("""
quiz.ask("ch09", 4)
"""),
code("""
quiz.ask("ch09", 5)
"""),
md(r"""
---
다음 장: [10장. 역전파](10_backprop.ipynb)
"""),
]
