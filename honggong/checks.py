"""Checks of what a learner passes in, with answers a learner can act on.

학습자가 넘긴 값(배치 크기, 레이블, 검증 데이터, 이름 ...)을 검사하고, 잘못되었으면 무엇이
기대되었고 무엇이 들어왔는지와 ``해결:`` 한 줄을 알려 줍니다.

- errors: ``HonggongError`` with the facts (expected ..., received ...) and a ``해결:`` line.
- warnings: ``HonggongWarning`` (a ``UserWarning``) for mistakes that still run but silently give
  poor results (pixels not scaled, ``from_logits=True`` after softmax, a ``monitor`` typo ...).
  Each kind is shown once per object it concerns (a model, a callback), see ``warn_once``.

The numeric core and the visual layer both use this module; it imports only ``backend``.
The list of learner mistakes tried and how each is answered: docs/MISTAKES.md.
"""
import difflib
import numbers
import warnings

import numpy as np

from .backend import HonggongError, HonggongTypeError, describe, message

__all__ = ["HonggongWarning", "warn_once", "error", "type_error", "closest", "unknown_name", "integer", "number", "text", "no_other_arguments", "numeric", "flag",
           "targets", "validation_data", "labels_in_range", "loss_argument", "log_keys",
           "check_monitor", "no_epochs", "verbosity", "LogDict", "HonggongKeyError", "input_scale", "validation_scale", "from_logits_after_softmax"]


class HonggongWarning(UserWarning):
    """A mistake that still runs but probably gives a poor or wrong result."""


def warn_once(owner, key, english, korean_hint, stacklevel=3):
    """Warn with ``HonggongWarning`` unless ``key`` was already warned about for ``owner``.

    ``owner`` is the object the warning is about (a model, a callback); it remembers the keys in
    its ``_honggong_warned`` set, so the same mistake is told once, not every epoch or every fit.
    """
    seen = getattr(owner, "_honggong_warned", None)
    if seen is None:
        seen = set()
        try:
            owner._honggong_warned = seen
        except AttributeError:        # an object without __dict__: warn every time
            pass
    if key in seen:
        return False
    seen.add(key)
    warnings.warn(message(english, korean_hint), HonggongWarning, stacklevel=stacklevel)
    return True


def error(text, cls=HonggongError):
    """A ``cls`` error from "English facts. 해결: Korean fix" text, the fix on its own line."""
    for mark in (" 해결:", " 힌트:"):
        if mark in text:
            facts, _, fix = text.partition(mark)
            return cls(message(facts.rstrip(), mark.strip() + fix))
    return cls(text)


def type_error(text):
    """``error(text)`` as a HonggongTypeError (a wrong kind of object)."""
    return error(text, HonggongTypeError)


# ---------------------------------------------------------------------------------------------
# Names: closest match
# ---------------------------------------------------------------------------------------------
def closest(name, options):
    """The option closest to ``name`` (case-insensitive), or None if none is close."""
    if not isinstance(name, str):
        return None
    lowered = {str(o).lower(): o for o in options}
    found = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def unknown_name(kind, name, options, korean_hint=None, error=HonggongError):
    """An error for an unknown ``kind`` name: the valid names and, if one is close, a suggestion."""
    guess = closest(name, options)
    did_you_mean = f" Did you mean {guess!r}?" if guess is not None else ""
    hint = korean_hint or (f"해결: {guess!r}처럼 목록에 있는 이름을 쓰세요." if guess is not None
                           else "해결: 위 목록에 있는 이름 중 하나를 쓰세요.")
    return error(message(
        f"Unknown {kind} {name!r}.{did_you_mean} Expected one of: "
        f"{', '.join(str(o) for o in options)}.", hint))


# ---------------------------------------------------------------------------------------------
# Numbers given as arguments
# ---------------------------------------------------------------------------------------------
def integer(value, name, minimum=None, maximum=None, where="fit"):
    """``value`` as a Python int; bool, float (even 32.0), str and None are refused as Keras does
    (Keras slices arrays with it, and a float index fails there)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        example = ""
        if isinstance(value, float) and value.is_integer():
            example = f" 예: {name}={int(value)}"
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            example = f" 예: {name}={int(value)} (따옴표 없이)"
        raise HonggongTypeError(message(
            f"{where}: argument `{name}` expected an integer, received {describe(value)}.",
            f"해결: {name}에는 정수를 주세요.{example}"))
    value = int(value)
    if minimum is not None and value < minimum:
        raise HonggongError(message(
            f"{where}: argument `{name}` expected an integer >= {minimum}, received {value}.",
            f"해결: {name}는 {minimum} 이상이어야 합니다. 보통 {name}=32처럼 씁니다."
            if name == "batch_size" else f"해결: {name}는 {minimum} 이상이어야 합니다."))
    if maximum is not None and value > maximum:
        raise HonggongError(message(
            f"{where}: argument `{name}` expected an integer <= {maximum}, received {value}.",
            f"해결: {name}는 {maximum} 이하로 주세요."))
    return value


def text(value, name, where=""):
    """A string argument (a metric name such as ``monitor``)."""
    if not isinstance(value, str):
        prefix = f"{where}: " if where else ""
        raise HonggongTypeError(message(
            f"{prefix}argument `{name}` expected a string, received {describe(value)}.",
            f"해결: {name}='val_loss'처럼 history.history의 키를 문자열로 주세요."))
    return value


# Keras arguments of fit/evaluate/predict that honggong does not implement (it says so).
KERAS_ONLY = {"sample_weight": "every sample counts once (no weights)",
              "class_weight": "every class counts once (no weights)",
              "steps_per_epoch": "an epoch is always one pass over x",
              "validation_steps": "validation always uses all of validation_data",
              "validation_batch_size": "validation uses batches of max(batch_size, 1024)",
              "validation_freq": "validation runs after every epoch",
              "steps": "predict/evaluate always go over all of x"}


def no_other_arguments(where, given, accepted):
    """A clear error for keyword arguments ``where`` does not take: a Keras one honggong leaves
    out (say so, and what honggong does instead) or a typo (the closest accepted name)."""
    if not given:
        return
    name = sorted(given)[0]
    if name in KERAS_ONLY:
        raise HonggongTypeError(message(
            f"{where}: Keras' argument `{name}` is not supported by honggong ({KERAS_ONLY[name]}).",
            f"해결: {name}=를 빼고 호출하세요. honggong은 책의 코드에 필요한 인자만 구현합니다."))
    guess = closest(name, accepted)
    raise HonggongTypeError(message(
        f"{where} got an unexpected keyword argument `{name}`."
        + (f" Did you mean `{guess}`?" if guess else "") + f" Accepted: {', '.join(accepted)}.",
        f"해결: 인자 이름의 철자를 확인하세요{f' (예: {guess}=...)' if guess else ''}."))


def number(value, name, low=None, high=None, where="", low_inclusive=True, high_inclusive=True,
           korean_hint=None):
    """``value`` as a float inside [low, high] (bounds optional; NaN refused), else a clear error.
    ``korean_hint`` replaces the generic fix line of the range error."""
    prefix = f"{where}: " if where else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise HonggongTypeError(message(
            f"{prefix}argument `{name}` expected a number, received {describe(value)}.",
            f"해결: {name}에는 0.1 같은 숫자를 주세요 (따옴표 없이)."))
    value = float(value)
    too_low = low is not None and (value < low if low_inclusive else value <= low)
    too_high = high is not None and (value > high if high_inclusive else value >= high)
    if value != value or too_low or too_high:
        lo_b, hi_b = "[" if low_inclusive else "(", "]" if high_inclusive else ")"
        span = f"{lo_b}{low if low is not None else '-inf'}, {high if high is not None else 'inf'}{hi_b}"
        raise HonggongError(message(
            f"{prefix}argument `{name}` expected a number in {span}, received {value}.",
            korean_hint or f"해결: {name}를 {span} 범위 안의 값으로 주세요."))
    return value


def numeric(x, what, where=""):
    """``x`` as an ndarray of numbers (bool, int or float); strings, objects, None, complex numbers
    and ragged lists are refused with the facts."""
    prefix = f"{where}: " if where else ""
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError) as e:      # e.g. a ragged list [[1, 2], [3]]
        raise HonggongTypeError(message(
            f"{prefix}{what} expected a numeric array, received {describe(x)} ({e}).",
            "해결: 모든 샘플의 길이가 같은 숫자 배열(넘파이 배열)을 주세요.")) from None
    if arr.dtype.kind not in "biuf":
        raise HonggongTypeError(message(
            f"{prefix}{what} expected a numeric array, received {describe(x)}.",
            f"해결: {what}에는 숫자(정수·실수) 배열을 주세요 (문자열, None, 복소수는 안 됩니다)."))
    return arr


def flag(value, name, where=""):
    """A yes/no argument (``training``, ``shuffle``): True/False, 0/1 or None."""
    if value is None or isinstance(value, (bool, np.bool_)) or (
            isinstance(value, numbers.Integral) and value in (0, 1)):
        return bool(value)
    prefix = f"{where}: " if where else ""
    raise HonggongTypeError(message(
        f"{prefix}argument `{name}` expected True or False, received {describe(value)}.",
        f"해결: {name}=True 또는 {name}=False로 주세요."))


# ---------------------------------------------------------------------------------------------
# Data given to fit / evaluate
# ---------------------------------------------------------------------------------------------
def _kind_error(arr, what):
    if arr.dtype.kind in "USO":
        sample = arr.ravel()[:3].tolist() if arr.size else []
        return HonggongError(message(
            f"{what} expected numbers, received an array of dtype {arr.dtype} "
            f"(for example {sample}).",
            "해결: 레이블은 클래스 이름이 아니라 0, 1, 2 ... 같은 클래스 번호로 주세요. 이름은 "
            "그림에 표시할 때만 씁니다 (예: class_names[y])." if what.endswith("y")
            else f"해결: {what}에는 숫자 배열을 주세요."))
    return None


def targets(y, where, n_samples, what="y"):
    """The target array ``y`` for ``where`` ("fit", "evaluate"): not None, numeric, one per sample."""
    if y is None:
        raise HonggongError(message(
            f"{where} expected targets {what} (the correct answers), received None.",
            f"해결: {where}(x, y)처럼 입력과 정답을 함께 주세요. 예: model.{where}(x_test, y_test)"))
    try:
        arr = np.asarray(y)
    except (TypeError, ValueError) as e:
        raise HonggongError(message(
            f"{where}: {what} must be a numeric array, received {type(y).__name__} ({e}).",
            f"해결: {what}는 샘플마다 정답이 하나씩 있는 숫자 배열이어야 합니다.")) from None
    error = _kind_error(arr, what)
    if error is not None:
        raise error
    arr = numeric(arr, what, where)
    if arr.ndim == 0:
        raise HonggongError(message(
            f"{where}: {what} expected one target per sample ({n_samples} samples), received a "
            f"single number {arr.item()!r}.",
            f"해결: {what}도 x처럼 샘플 수만큼의 배열로 주세요."))
    if arr.dtype.kind == "c":
        raise HonggongError(message(f"{where}: {what} expected real numbers, received complex.",
                                    f"해결: {what}에는 실수 배열을 주세요."))
    return arr


def validation_data(data, x, y):
    """``validation_data`` as a pair (x_val, y_val), checked against the training x and y.

    Catches the usual slips: forgetting y (an array instead of a pair), swapping the two,
    a third element, a dict.
    """
    if isinstance(data, np.ndarray) or not isinstance(data, (tuple, list)):
        shape = f" of shape {data.shape}" if isinstance(data, np.ndarray) else ""
        raise HonggongError(message(
            f"fit: validation_data expected a tuple (x_val, y_val), received "
            f"{type(data).__name__}{shape}.",
            "해결: 검증 입력과 정답을 괄호로 묶어 주세요. 예: validation_data=(val_scaled, val_target)"))
    if len(data) != 2:
        raise HonggongError(message(
            f"fit: validation_data expected a tuple of 2 arrays (x_val, y_val), received "
            f"{len(data)} elements.",
            "해결: validation_data=(x_val, y_val)처럼 입력과 정답 두 개만 주세요 "
            "(honggong은 sample_weight를 지원하지 않습니다)."))
    arrays = []
    for d, what in zip(data, ("validation x", "validation y")):
        try:
            error = _kind_error(np.asarray(d), what)
        except (TypeError, ValueError):
            error = None                   # ragged: numeric() below says so
        if error is not None:
            raise error
        arr = numeric(d, what, "fit")
        if arr.ndim == 0:
            raise HonggongError(message(
                f"fit: {what} expected an array of samples, received a single number.",
                "해결: validation_data=(x_val, y_val)처럼 배열 두 개를 주세요."))
        arrays.append(arr)
    val_x, val_y = arrays
    x_tail, y_tail = tuple(x.shape[1:]), tuple(np.shape(y)[1:])
    vx_tail, vy_tail = tuple(val_x.shape[1:]), tuple(val_y.shape[1:])
    if vx_tail != x_tail:
        if vy_tail == x_tail and vx_tail == y_tail:
            raise HonggongError(message(
                f"fit: validation_data looks swapped: its first element has shape {val_x.shape} "
                f"(like y), its second {val_y.shape} (like x). Expected (x_val, y_val).",
                "해결: 순서를 바꿔 validation_data=(x_val, y_val)로 주세요 (입력이 먼저, 정답이 나중)."))
        raise HonggongError(message(
            f"fit: validation x expected samples of shape {x_tail} like the training x, received "
            f"validation x of shape {val_x.shape}.",
            "해결: 검증 데이터도 훈련 데이터와 같은 방법으로 준비하세요 (같은 reshape, 같은 255 나누기)."))
    if len(val_x) != len(val_y):
        raise HonggongError(message(
            f"fit: validation x and validation y must have the same number of samples, received "
            f"{len(val_x)} and {len(val_y)}.",
            "해결: 검증 입력과 정답이 같은 순서로 짝지어진 배열인지 확인하세요."))
    if len(val_x) == 0:
        raise HonggongError(message(
            "fit: validation_data has 0 samples.",
            "해결: 검증 데이터가 비어 있습니다. 나누기(train_test_split 등)를 확인하세요."))
    return val_x, val_y


def labels_in_range(loss, y, n_classes, what="y"):
    """Every sparse class label in [0, n_classes): one min/max pass over all of ``y``.

    (The loss checks the shapes on a few rows; this checks every row's value.)
    """
    if type(loss).__name__ != "SparseCategoricalCrossentropy" or not n_classes or y.size == 0:
        return
    if y.dtype.kind == "f" and not np.array_equal(y, np.floor(y)):
        bad_at = int(np.flatnonzero((y != np.floor(y)).ravel())[0])
        raise HonggongError(message(
            f"{loss.name}: {what} expected integer class labels, received the non-integer value "
            f"{y.ravel()[bad_at]} (at flat index {bad_at}).",
            "해결: 레이블은 0, 1, 2, ... 같은 클래스 번호여야 합니다."))
    low, high = y.min(), y.max()
    if low < 0 or high >= n_classes:
        bad = low if low < 0 else high
        index = int(np.flatnonzero(y.ravel() == bad)[0])
        bad = bad.item()
        raise HonggongError(message(
            f"sparse_categorical_crossentropy: {what} has the label {bad:g} at index {index}, "
            f"outside the valid range [0, {n_classes}) for a model with {n_classes} outputs.",
            f"해결: 출력층 유닛 수({n_classes})가 클래스 개수와 같은지, 레이블이 0부터 시작하는지 "
            f"확인하세요 ({what}[{index}]를 보세요)."))


def loss_argument(loss, losses):
    """Refuse a plain Python function as a loss, saying what honggong supports and why.

    ``losses`` is the honggong.losses module, passed in by the model (checks sits below losses:
    activations use it, and losses uses activations, so it must not import losses itself).
    """
    if callable(loss) and not isinstance(loss, type) and not isinstance(loss, losses.Loss) \
            and loss not in vars(losses).values():
        name = getattr(loss, "__name__", type(loss).__name__)
        raise HonggongTypeError(message(
            f"compile: custom loss function {name!r} is not supported. honggong has no automatic "
            f"differentiation: each loss has its gradient written out by hand (Loss.gradient), so "
            f"it supports only its own losses: {', '.join(losses.NAMES)}.",
            "해결: loss='sparse_categorical_crossentropy'처럼 이름을 주세요. 직접 만든 손실을 쓰려면 "
            "losses.Loss를 상속해 call()과 gradient()를 함께 구현하세요 (docs/ARCHITECTURE.md)."))


def verbosity(verbose):
    """``verbose`` as Keras takes it: "auto" (= 1), 0 (silent), 1 (progress bar), 2 (one line)."""
    if verbose == "auto" and isinstance(verbose, str):
        return 1
    if isinstance(verbose, (bool, np.bool_)) or (isinstance(verbose, numbers.Integral)
                                                  and verbose in (0, 1, 2)):
        return int(verbose)
    raise HonggongError(message(
        f"argument `verbose` expected 'auto', 0, 1 or 2, received {describe(verbose)}.",
        "해결: verbose=0 (출력 없음), 1 (진행 막대), 2 (에포크마다 한 줄) 중 하나를 주세요."))


class HonggongKeyError(HonggongError, KeyError):
    """A missing key (a ``KeyError`` too) whose message says which keys exist."""

    __str__ = Exception.__str__          # KeyError would print the message as a quoted repr


class LogDict(dict):
    """``history.history``: a plain dict whose missing key names the keys it has (and, for a
    ``val_`` key, that fit had no validation data)."""

    def __missing__(self, key):
        keys = ", ".join(map(str, self)) or "(none: fit ran 0 epochs)"
        if isinstance(key, str) and key.startswith("val_") and key[4:] in self:
            hint = ("해결: val_ 값은 검증 데이터가 있을 때만 생깁니다: fit(..., validation_data=(x_val, "
                    "y_val)) 또는 validation_split=0.2")
        else:
            guess = closest(key, list(self))
            hint = (f"해결: {guess!r}처럼 있는 키를 쓰세요." if guess else
                    "해결: compile(metrics=[...])에 준 지표만 기록됩니다. 예: metrics=['accuracy']")
        raise HonggongKeyError(message(f"history has no key {key!r}. Keys: {keys}.", hint))


# ---------------------------------------------------------------------------------------------
# Callback monitors: which keys will exist
# ---------------------------------------------------------------------------------------------
def log_keys(metric_names, validation):
    """The keys ``history.history`` will have: loss, metrics, and their ``val_`` versions."""
    keys = ["loss"] + list(metric_names)
    if validation:
        keys += ["val_" + k for k in keys]
    return keys


def check_monitor(callback, owner):
    """Warn at the start of training when ``callback.monitor`` will not be in the logs."""
    keys = getattr(getattr(callback, "model", None), "_log_keys", None)
    monitor = getattr(callback, "monitor", None)
    if not keys or not isinstance(monitor, str) or monitor in keys:
        return
    if monitor.startswith("val_") and monitor[4:] in keys:
        english = (f"{owner}: monitor={monitor!r} will not be available: fit has no validation "
                   f"data. Available keys: {', '.join(keys)}.")
        hint = ("해결: fit(..., validation_data=(x_val, y_val)) 또는 validation_split=0.2를 주거나, "
                f"monitor={monitor[4:]!r}를 쓰세요.")
    else:
        guess = closest(monitor, keys)
        did = f" Did you mean {guess!r}?" if guess else ""
        english = (f"{owner}: monitor={monitor!r} is not a key the logs will have.{did} "
                   f"Available keys: {', '.join(keys)}.")
        hint = f"해결: monitor={guess!r}처럼 history.history의 키를 쓰세요." if guess else \
            "해결: monitor에는 history.history의 키(예: 'val_loss')를 쓰세요."
    warn_once(callback, ("monitor", monitor, tuple(keys)), english, hint, stacklevel=4)


# ---------------------------------------------------------------------------------------------
# Silent mistakes: warnings
# ---------------------------------------------------------------------------------------------
def no_epochs(model, epochs, initial_epoch):
    """Warn that fit trains nothing when epochs <= initial_epoch (Keras returns an empty history)."""
    if epochs > initial_epoch:
        return
    warn_once(model, ("epochs", epochs, initial_epoch),
              f"fit: epochs={epochs} with initial_epoch={initial_epoch} trains for 0 epochs; the "
              f"returned history is empty.",
              "해결: epochs는 학습할 전체 에포크 수입니다. 예: epochs=5", stacklevel=4)


def _max_abs(x):
    """max |x| without a temporary copy of x (the book's training set is 150 MB of float32)."""
    return max(float(x.max()), -float(x.min())) if x.size else 0.0


def input_scale(model, x, original_dtype):
    """Warn when a Dense model is trained on pixel values 0..255 (not divided by 255)."""
    if x.size == 0 or not any(type(l).__name__ == "Dense" for l in model.layers):
        return
    high = float(x.max())
    if not 25.0 < high <= 255.0 or float(x.min()) < 0:
        return
    head = x[:256]
    if original_dtype.kind not in "ui" and not np.array_equal(head, np.floor(head)):
        return                        # not whole numbers: probably not raw pixels
    warn_once(model, "input_scale",
              f"fit: the training inputs are whole numbers from {float(x.min()):g} to {high:g}, "
              f"like raw pixel values; a Dense model learns poorly from unscaled inputs.",
              "해결: 픽셀 값은 0~1로 나누어 주세요. 예: train_scaled = train_input / 255.0 "
              "(검증·테스트 데이터도 똑같이).", stacklevel=4)


def validation_scale(model, x, val_x):
    """Warn when validation inputs are on a very different scale from the training inputs."""
    a, b = _max_abs(x), _max_abs(val_x)
    if a == 0 or b == 0 or not np.isfinite(a * b) or max(a, b) / min(a, b) < 50:
        return
    warn_once(model, "validation_scale",
              f"fit: the validation inputs reach {b:g} but the training inputs only {a:g} "
              f"({max(a, b) / min(a, b):.0f}x apart): they look scaled differently.",
              "해결: 검증 데이터도 훈련 데이터와 같은 방법으로 바꾸세요 "
              "(예: 둘 다 / 255.0, 같은 StandardScaler).", stacklevel=4)


def from_logits_after_softmax(model, loss):
    """Warn when the loss expects logits but the model already ends in softmax (or sigmoid)."""
    if not getattr(loss, "from_logits", False) or not model.layers:
        return
    last = model.layers[-1]
    act = getattr(getattr(last, "activation", None), "name", None)
    if type(last).__name__ == "Softmax":
        act = "softmax"
    if act not in ("softmax", "sigmoid"):
        return
    warn_once(model, "from_logits",
              f"compile: the loss has from_logits=True but the last layer already applies "
              f"{act}; the {act} is then applied twice and the loss is wrong.",
              f"해결: from_logits=True를 지우거나(기본값 False), 마지막 층의 activation='{act}'를 "
              f"빼세요.", stacklevel=4)
