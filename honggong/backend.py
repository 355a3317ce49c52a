"""Global numeric settings of honggong: float type, epsilon, random generator, error helpers.

숫자 계산의 공통 설정입니다.

- ``floatx()``: 기본 실수 자료형, Keras 3과 같이 ``"float32"``.
- ``epsilon()``: 0으로 나누기·log(0)을 막는 작은 수, Keras 3과 같이 ``1e-7``.
- ``global_rng()``: 초기화(initializers)와 Dropout이 쓰는 numpy 난수 생성기.
  ``honggong.utils.set_random_seed(seed)``가 다시 시드를 정합니다.
- ``floatx_scope("float64")``: 잠시 float64로 바꾸는 ``with`` 블록 (기울기 검사용).
- ``HonggongError``: 학습자가 읽기 쉬운 오류 (ValueError의 하위 클래스). 모든 honggong 오류의 바탕이며
  ``message()``가 사실(expected / received) 다음에 ``해결:`` 줄을 붙이는 한 가지 형식을 만듭니다.
"""
from contextlib import contextmanager

import numpy as np

_FLOATX = "float32"
_EPSILON = 1e-7
_ALLOWED_FLOATX = ("float16", "float32", "float64")
_RNG = np.random.default_rng()


class HonggongError(ValueError):
    """A value error whose message a learner can act on; the base of every honggong error.

    ``except HonggongError`` catches them all (``HonggongTypeError``, ``SavingError``,
    ``LayerError``, ``DatasetError`` ...). The message is built by ``message()``: the facts in
    English ("expected ..., received ..."), then one line starting with "해결:" saying what to do.
    """


class HonggongTypeError(HonggongError, TypeError):
    """A wrong kind of object (a string where a number belongs ...): a ``TypeError`` as Python
    expects, and a ``HonggongError`` like every other honggong error."""


_FIX_PREFIXES = ("해결:", "힌트:")


def message(english, korean_hint=None, *, expected=None, received=None):
    """The one error form: the facts, then the fix, always in this order::

        <facts> Expected <expected>, received <received>.
        해결: <what to do>

    ``english`` states what went wrong. ``expected`` / ``received`` (optional text) are appended
    as one more fact sentence. ``korean_hint`` is the fix; it becomes the last line and always
    starts with "해결:" (a leading "해결:" or "힌트:" in the text given is not repeated).
    Warnings use the same form.
    """
    facts = str(english).strip()
    if expected is not None or received is not None:
        parts = []
        if expected is not None:
            parts.append(f"expected {expected}")
        if received is not None:
            parts.append(f"received {received}")
        sentence = ", ".join(parts)
        facts = f"{facts} {sentence[0].upper()}{sentence[1:]}."
    if not korean_hint:
        return facts
    fix = str(korean_hint).strip()
    for prefix in _FIX_PREFIXES:
        if fix.startswith(prefix):
            fix = fix[len(prefix):].lstrip()
            break
    return f"{facts}\n해결: {fix}"


def describe(value):
    """A short description of a value for error messages: shape and dtype for arrays."""
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} (type {type(value).__name__})"


def floatx():
    """Return the default float type as a string, ``"float32"`` unless changed."""
    return _FLOATX


def set_floatx(value):
    """Set the default float type (``"float16"``, ``"float32"`` or ``"float64"``)."""
    global _FLOATX
    value = str(np.dtype(value)) if not isinstance(value, str) else value
    if value not in _ALLOWED_FLOATX:
        raise HonggongError(message(
            f"Unknown floatx: expected one of {_ALLOWED_FLOATX}, received {value!r}.",
            "해결: 보통은 'float32'를 씁니다. 기울기 검사에서만 'float64'를 씁니다.",
        ))
    _FLOATX = value


@contextmanager
def floatx_scope(value):
    """Temporarily use another default float type inside a ``with`` block.

    Example::

        with backend.floatx_scope("float64"):
            layer.build((None, 3))      # weights are created as float64
    """
    previous = floatx()
    set_floatx(value)
    try:
        yield
    finally:
        set_floatx(previous)


def epsilon():
    """Return the fuzz factor ``1e-7`` used for clipping probabilities and in denominators."""
    return _EPSILON


def set_epsilon(value):
    """Set the fuzz factor returned by ``epsilon()`` (Keras' ``keras.config.set_epsilon``)."""
    global _EPSILON
    value = float(value)
    if not 0.0 < value < 0.5:
        raise HonggongError(message(
            f"epsilon must be a small positive number below 0.5, received {value}.",
            "해결: 기본값 1e-7을 그대로 쓰는 것이 보통입니다 (backend.set_epsilon(1e-7)).",
        ))
    _EPSILON = value


def global_rng():
    """Return the shared ``numpy.random.Generator`` used by initializers and Dropout."""
    return _RNG


def seed_global_rng(seed):
    """Replace the shared generator by ``numpy.random.default_rng(seed)``.

    Called by ``honggong.utils.set_random_seed``; learners normally call that one.
    """
    global _RNG
    _RNG = np.random.default_rng(seed)
    return _RNG


def float_dtype_of(x):
    """The dtype to compute in for array ``x``: its own float dtype, else ``floatx()``.

    Forward and backward code keeps the dtype it is given (float32 in training, float64 in
    gradient checks); integer or boolean inputs are computed in ``floatx()``.
    """
    dtype = np.asarray(x).dtype
    if np.issubdtype(dtype, np.floating):
        return dtype
    return np.dtype(floatx())


def as_float_array(x, dtype=None):
    """``np.asarray`` with a float dtype: ``dtype`` if given, else ``float_dtype_of(x)``."""
    if dtype is None:
        dtype = float_dtype_of(x)
    return np.asarray(x, dtype=dtype)


class Configurable:
    """Keras' config protocol shared by initializers, regularizers and losses:
    ``get_config()`` returns the constructor arguments, ``from_config(config)`` rebuilds the object,
    and the repr shows them, e.g. ``L2(l2=0.01)``."""

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


# ---------------------------------------------------------------------------------------------
# Serialization: one mechanism for every kind of object (Keras' serialize_keras_object)
# ---------------------------------------------------------------------------------------------
def serialize(obj):
    """The JSON-safe form of ``obj``, as ``keras.saving.serialize_keras_object`` gives it:

    - ``None``, ``str``, ``bool``, ``int``, ``float`` are kept; numpy numbers become Python numbers;
    - lists and tuples become lists, dicts stay dicts, every item serialized the same way;
    - an object whose ``serialized_name`` is a string is stored as that name alone (a built-in
      activation, like Keras' ``"activation": "relu"`` in a Dense config);
    - any other object with ``get_config()`` becomes ``{"class_name": <its class name>,
      "config": serialize(obj.get_config())}``, so what it holds (an optimizer's learning-rate
      schedule, a layer's initializer) is serialized too.

    Every ``get(identifier)`` (through ``resolve``) turns this form back into an equal object.
    """
    if obj is None or isinstance(obj, (str, bool, int, float)):
        return obj
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, (list, tuple)):
        return [serialize(item) for item in obj]
    if isinstance(obj, dict):
        return {str(key): serialize(value) for key, value in obj.items()}
    name = getattr(obj, "serialized_name", None)
    if isinstance(name, str):
        return name
    if hasattr(obj, "get_config"):
        return {"class_name": type(obj).__name__, "config": serialize(obj.get_config())}
    raise HonggongTypeError(message(
        f"Cannot serialize {describe(obj)}: expected a number, a string, a list/dict of them or a "
        "honggong object with get_config().",
        "이름(문자열)이나 honggong의 클래스로 지정하면 저장할 수 있습니다. 예: activation='relu'"))


def deserialize(config, classes, unknown_message, key=None):
    """The inverse of ``serialize`` for one object: ``{"class_name": name, "config": {...}}`` gives
    ``classes[name].from_config(config)`` (``name`` looked up as written, then as ``key(name)``).
    An unknown name raises ``HonggongError(unknown_message(name))``."""
    class_name = config.get("class_name")
    inner = config.get("config", {})
    if not isinstance(class_name, str) or not isinstance(inner, dict):
        raise HonggongError(message(
            "Cannot deserialize a config: expected a dict {\"class_name\": str, \"config\": dict}, "
            f"received {describe(config)}.",
            "serialize(...)가 만든 형식 그대로 주세요."))
    cls = classes.get(class_name)
    if cls is None and key is not None:
        cls = classes.get(key(class_name))
    if cls is None or not hasattr(cls, "from_config"):
        raise HonggongError(unknown_message(class_name))
    try:
        return cls.from_config(dict(inner))
    except TypeError as e:
        if isinstance(e, HonggongError):
            raise
        raise HonggongError(message(
            f"Cannot rebuild {class_name} from its config {inner}: {e}.",
            "저장한 honggong 버전과 지금 버전의 인자가 다를 수 있습니다. 모델을 다시 저장하세요.")) from None


def resolve(identifier, base, classes, unknown_message, key=None):
    """The common part of every ``get(identifier)``, one rule for every kind of object:

    - an instance of ``base`` is returned as it is;
    - a subclass of ``base`` is instantiated with its defaults;
    - a name is looked up in ``classes`` (after ``key(name)``, e.g. an alias table); a class found
      there is instantiated, any other entry (a shared built-in object) is returned;
    - a ``{"class_name", "config"}`` dict (what ``serialize`` wrote) goes to ``deserialize``.

    An unknown name raises ``HonggongError(unknown_message(name))``. Anything else gives ``None``:
    the caller decides (a plain function, ``None`` ...)."""
    if isinstance(identifier, base):
        return identifier
    if isinstance(identifier, type) and issubclass(identifier, base):
        return identifier()
    if isinstance(identifier, str):
        found = classes.get(key(identifier) if key else identifier)
        if found is None:
            raise HonggongError(unknown_message(identifier))
        return found() if isinstance(found, type) else found
    if isinstance(identifier, dict):
        return deserialize(identifier, classes, unknown_message, key)
    return None
