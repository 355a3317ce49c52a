"""7장. 신경망 훈련 도구: 드롭아웃과 조기 종료."""
import types

import numpy as np

from ... import callbacks, layers
from ..core import Case, Exercise, Mistake
from . import normal


class _GivenMask:
    """A stand-in random generator whose draw reproduces the given keep mask in Dropout."""

    def __init__(self, keep):
        self.keep = np.asarray(keep, dtype=bool)

    def random(self, shape, dtype=np.float32):
        return np.where(self.keep, 1.0, 0.0).astype(dtype)   # 1.0 >= rate: kept; 0.0 < rate: dropped


def _dropout_reference(x, keep, rate):
    layer = layers.Dropout(rate, name="exercise_dropout")
    layer.rng = _GivenMask(keep)
    return layer.forward(np.asarray(x, dtype=np.float32), training=True)


def _early_stopping_reference(val_losses, patience):
    stopper = callbacks.EarlyStopping(monitor="val_loss", patience=patience, mode="min")
    model = types.SimpleNamespace(stop_training=False)
    stopper.set_model(model)
    stopper.on_train_begin()
    for epoch, loss in enumerate(val_losses):
        stopper.on_epoch_end(epoch, {"val_loss": float(loss)})
        if model.stop_training:
            return epoch + 1
    return None


def _mask(seed, shape, rate):
    return np.random.default_rng(seed).random(shape) >= rate


# ---- planted mistakes ----------------------------------------------------------------------
def _stops_late(val_losses, patience):
    best, wait = None, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if best is None or loss < best:
            best, wait = loss, 0
        else:
            wait += 1
            if wait > patience:
                return epoch
    return None


def _zero_based(val_losses, patience):
    epoch = _early_stopping_reference(val_losses, patience)
    return None if epoch is None else epoch - 1


def _ties_improve(val_losses, patience):
    best, wait = None, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if best is None or loss <= best:
            best, wait = loss, 0
        else:
            wait += 1
            if wait >= patience and epoch > 1:
                return epoch
    return None


EXERCISES = [
    Exercise(
        id="ch07-dropout-forward",
        title="드롭아웃의 정방향 계산 (훈련할 때)",
        prompt="훈련 중 드롭아웃은 뉴런을 rate 비율만큼 끄고, 남은 값을 $1/(1-\\mathrm{rate})$배 키웁니다(inverted "
               "dropout). 그래서 평가할 때는 아무것도 하지 않아도 됩니다. 켜 둘 위치가 True인 keep 마스크가 주어질 때 "
               "출력을 계산하세요.",
        signature="dropout_forward(x, keep, rate)",
        docstring="x: 배열, keep: 같은 모양의 True/False 마스크 (True = 남김), rate: 끄는 비율 -> 같은 모양의 배열",
        solution="return x * keep / (1 - rate)",
        reference=_dropout_reference,
        reference_name="honggong.layers.Dropout(rate).forward(x, training=True)",
        cases=(
            Case("rate=0.5, 샘플 2개 × 4", (normal(34, (2, 4)), _mask(35, (2, 4), 0.5), 0.5)),
            Case("rate=0.2, 샘플 5개 × 3", (normal(36, (5, 3)), _mask(37, (5, 3), 0.2), 0.2)),
            Case("rate=0.3, 샘플 1개 (배치 크기 1)", (normal(38, (1, 6)), _mask(39, (1, 6), 0.3), 0.3)),
        ),
        hints=(
            "먼저 끄기: `x * keep` (True는 1, False는 0으로 곱해집니다).",
            "그다음 남은 값을 키우기: `/ (1 - rate)`. 그래야 평균적인 출력 크기가 평가 때와 같습니다.",
        ),
        mistakes=(
            Mistake("no-scale",
                    "남은 값을 1/(1 − rate)배 키우지 않았습니다. 그러면 훈련 때 출력이 평가 때보다 평균적으로 작아집니다. "
                    "해결: x * keep / (1 - rate)",
                    lambda x, keep, rate: x * keep),
            Mistake("scale-by-keep-probability",
                    "(1 − rate)를 곱했습니다. 옛날 방식은 평가 때 (1 − rate)를 곱했지만, 케라스의 inverted dropout은 "
                    "훈련 때 (1 − rate)로 **나눕니다**. 해결: x * keep / (1 - rate)",
                    lambda x, keep, rate: x * keep * (1 - rate)),
            Mistake("divide-by-rate",
                    "rate로 나누었습니다. 남는 비율은 1 − rate입니다. 해결: / (1 - rate)",
                    lambda x, keep, rate: x * keep / rate),
        ),
    ),
    Exercise(
        id="ch07-early-stopping",
        title="조기 종료는 몇 번째 에포크에서?",
        prompt="EarlyStopping(monitor='val_loss', patience=patience)는 검증 손실이 가장 좋았던 값보다 나아지지 않은 "
               "에포크가 patience번 이어지면 훈련을 멈춥니다. 에포크마다의 검증 손실 목록 val_losses로, 훈련이 "
               "멈추는 에포크 번호(1부터, 케라스가 'Epoch 4: early stopping'이라고 출력하는 번호)를 돌려주세요. "
               "끝까지 멈추지 않으면 None입니다. 같은 값은 나아진 것이 아닙니다.",
        signature="early_stopping_epoch(val_losses, patience)",
        docstring="val_losses: 에포크마다의 검증 손실 (list), patience: 참을 에포크 수 -> 멈추는 에포크 번호 또는 None",
        solution=("best = None\n"
                  "wait = 0\n"
                  "for epoch, loss in enumerate(val_losses, start=1):\n"
                  "    if best is None or loss < best:    # 나아졌다: 기록하고 기다림을 0으로\n"
                  "        best, wait = loss, 0\n"
                  "    else:\n"
                  "        wait += 1\n"
                  "        if wait >= patience and epoch > 1:\n"
                  "            return epoch\n"
                  "return None"),
        reference=_early_stopping_reference,
        reference_name="honggong.callbacks.EarlyStopping",
        cases=(
            Case("혼공머신 7-3의 예 (patience=2)", ([0.40, 0.35, 0.37, 0.38], 2)),
            Case("계속 나아짐 (멈추지 않음)", ([0.5, 0.4, 0.3, 0.2], 1)),
            Case("중간에 다시 나아짐 (patience=2)", ([0.30, 0.31, 0.29, 0.30, 0.32, 0.33], 2)),
            Case("같은 값은 나아진 것이 아님 (patience=1)", ([0.30, 0.30, 0.30], 1)),
        ),
        hints=(
            "지금까지의 최저 손실(best)과, 나아지지 않은 에포크가 몇 번 이어졌는지(wait)를 기억하세요.",
            "나아지면(loss < best) wait = 0, 아니면 wait += 1. wait가 patience에 **도달**하면(>=) 그 에포크에서 멈춥니다.",
        ),
        mistakes=(
            Mistake("stops-one-epoch-late",
                    "한 에포크 늦게 멈췄습니다 (wait > patience로 비교). patience=2이면 나아지지 않은 에포크가 2번 "
                    "이어진 그 에포크에서 멈춥니다. 해결: wait >= patience",
                    _stops_late),
            Mistake("zero-based",
                    "에포크 번호를 0부터 셌습니다. 케라스가 출력하는 번호는 1부터입니다 (enumerate(..., start=1)).",
                    _zero_based),
            Mistake("ties-improve",
                    "같은 값(loss == best)도 나아진 것으로 셌습니다. 케라스는 더 작아져야(loss < best, min_delta=0) "
                    "나아진 것으로 봅니다.",
                    _ties_improve),
        ),
    ),
]
