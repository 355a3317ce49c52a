"""1장. 텐서: 모양 바꾸기(reshape)와 원-핫 인코딩."""
import numpy as np

from ... import layers, utils
from ..core import Case, Exercise, Mistake
from . import normal


def _flatten_reference(images):
    return layers.Flatten(name="exercise_flatten").forward(np.asarray(images))


def _one_hot_reference(labels, num_classes):
    return utils.to_categorical(labels, num_classes)


EXERCISES = [
    Exercise(
        id="ch01-flatten-images",
        title="이미지 묶음을 펼치기",
        prompt="(샘플 수, 높이, 너비) 모양의 이미지 묶음을 (샘플 수, 높이×너비)로 펼치는 함수를 쓰세요. "
               "Flatten 층이 하는 일과 같습니다. 샘플 수는 몇 개든(1개여도) 됩니다.",
        signature="flatten_images(images)",
        docstring="images: (batch, height, width) 배열 -> (batch, height*width) 배열",
        solution="return images.reshape(images.shape[0], -1)",
        reference=_flatten_reference,
        reference_name="honggong.layers.Flatten().forward",
        cases=(
            Case("28×28 이미지 3장", (normal(1, (3, 28, 28)),)),
            Case("이미지 1장 (배치 크기 1)", (normal(2, (1, 28, 28)),)),
            Case("4×5 이미지 2장 (정사각형이 아님)", (normal(3, (2, 4, 5)),)),
        ),
        hints=(
            "`images.shape[0]`이 샘플 수입니다. 이 축은 그대로 두고 나머지 축만 하나로 합칩니다.",
            "`reshape`에서 -1은 '나머지를 알아서 계산'이라는 뜻입니다: `images.reshape(샘플 수, -1)`.",
            "`return images.reshape(images.shape[0], -1)`",
        ),
        mistakes=(
            Mistake("all-one-row",
                    "모든 픽셀을 한 줄(1차원)로 펼쳐서 샘플 사이의 경계가 사라졌습니다. 배치 축(샘플 수)은 남겨야 "
                    "합니다. 해결: images.reshape(images.shape[0], -1)",
                    lambda images: images.reshape(-1)),
            Mistake("features-first",
                    "(특성 수, 샘플 수) 순서로 만들었습니다. 케라스에서는 첫 번째 축이 언제나 샘플(배치)입니다. "
                    "해결: reshape(images.shape[0], -1)처럼 샘플 수를 앞에 두세요 (.T로 뒤집지 마세요).",
                    lambda images: images.reshape(images.shape[0], -1).T),
        ),
    ),
    Exercise(
        id="ch01-one-hot",
        title="원-핫 인코딩",
        prompt="정수 레이블 배열(예: [0, 2, 1])을 원-핫(one-hot) 행렬로 바꾸세요. i번째 행은 labels[i]번 열만 1이고 "
               "나머지는 0입니다. 결과는 (샘플 수, num_classes) 모양의 float32 배열입니다 "
               "(keras.utils.to_categorical과 같습니다).",
        signature="one_hot(labels, num_classes)",
        docstring="labels: (n,) 정수 배열, num_classes: 클래스 수 -> (n, num_classes) float32 배열",
        solution=("out = np.zeros((len(labels), num_classes), dtype=np.float32)\n"
                  "out[np.arange(len(labels)), labels] = 1.0\n"
                  "return out"),
        reference=_one_hot_reference,
        reference_name="honggong.utils.to_categorical",
        cases=(
            Case("레이블 3개, 클래스 3개", (np.array([0, 2, 1]), 3)),
            Case("레이블 1개 (배치 크기 1), 클래스 10개", (np.array([9]), 10)),
            Case("데이터에 없는 클래스가 있을 때 (클래스 5개, 레이블 최댓값 3)", (np.array([3, 3, 0, 1]), 5)),
        ),
        hints=(
            "먼저 0으로 가득 찬 (샘플 수, num_classes) 배열을 만드세요: `np.zeros(..., dtype=np.float32)`.",
            "행 번호 `np.arange(len(labels))`와 열 번호 `labels`를 함께 써서 한 번에 1을 넣을 수 있습니다: "
            "`out[np.arange(len(labels)), labels] = 1.0`.",
        ),
        mistakes=(
            Mistake("transposed",
                    "행과 열이 뒤집혔습니다: (클래스 수, 샘플 수)가 되었어요. 행이 샘플, 열이 클래스입니다. "
                    "해결: out[np.arange(len(labels)), labels] = 1 (또는 np.eye(num_classes)[labels]).",
                    lambda labels, num_classes: np.eye(num_classes, dtype=np.float32)[:, labels]),
            Mistake("ignores-num-classes",
                    "num_classes 대신 labels.max() + 1로 열 수를 정했습니다. 이번 묶음에 가장 큰 클래스가 없으면 "
                    "열이 모자랍니다. 해결: 열 수는 언제나 num_classes로 정하세요.",
                    lambda labels, num_classes: np.eye(int(np.max(labels)) + 1, dtype=np.float32)[labels]),
        ),
    ),
]
