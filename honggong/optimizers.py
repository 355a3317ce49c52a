"""옵티마이저: 기울기로 가중치를 한 스텝 고치는 규칙들 (Keras 3과 같은 공식과 기본값).

    opt = Adam()                      # learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7
    opt.apply(grads, params)          # params를 제자리(in place)에서 고칩니다
    opt.iterations                    # 지금까지 apply()를 부른 횟수 (0부터)
    opt.slots(0)                      # 0번 파라미터의 상태, 예: {"momentum": ..., "velocity": ...}

Every optimizer follows the same recipe per `apply()` call (Keras 3 order):

    1. g ← g / loss_scale_factor                       (only if loss_scale_factor is set)
    2. clip g: clipnorm (each g by itself), global_clipnorm (all g together) or clipvalue
    3. w ← w − w · weight_decay · lr                   (only if weight_decay is set; "decoupled")
    4. update_step(g, w, lr, **slots)                  (the optimizer's own formula, below)
    5. iterations ← iterations + 1                      (so inside a step, t = iterations + 1)

`lr` is `learning_rate`, or `schedule(iterations)` when a schedule was given.
State ("slots": momentum, velocity, accumulator ...) is created lazily on the first `apply()`,
one set per parameter position, with the parameter's shape and dtype.

Each `update_step` is exactly what `model.fit` runs. It works in place: the slots and the weights
are updated where they are (`m += ...`, `w -= ...`) and every intermediate goes into one of two
work arrays (`self.scratch(variable)`), so a step allocates no new arrays. The running averages use

    moving_average(avg, x, β):   avg ← avg + (1 − β)·(x − avg)      (= β·avg + (1 − β)·x)
"""
import inspect
import math
import warnings

import numpy as np

from . import backend, checks
from .backend import HonggongError, HonggongTypeError, message

__all__ = [
    "Optimizer", "SGD", "RMSprop", "Adagrad", "Adam", "AdamW", "Nadam",
    "LearningRateSchedule", "ExponentialDecay", "PiecewiseConstantDecay", "schedules",
    "clip_by_norm", "clip_by_global_norm", "moving_average", "get", "serialize", "deserialize",
]

# Values smaller than this in the state buffers are set to 0 every FLUSH_EVERY steps, as
# TensorFlow's CPU kernels flush subnormal floats (why: benchmarks/README.md).
DENORMAL_THRESHOLD = 1e-30
FLUSH_EVERY = 32


# --------------------------------------------------------------------------------------------
# learning rate schedules (keras.optimizers.schedules)
# --------------------------------------------------------------------------------------------
class LearningRateSchedule:
    """학습률을 스텝 번호의 함수로 정합니다: lr = schedule(step), step = opt.iterations (0부터)."""

    def __call__(self, step):
        raise NotImplementedError(f"{type(self).__name__} must define __call__(self, step).")

    def get_config(self):
        raise NotImplementedError(f"{type(self).__name__} must define get_config().")

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class ExponentialDecay(LearningRateSchedule):
    """lr(step) = initial_learning_rate · decay_rate ^ (step / decay_steps)

    staircase=True 이면 지수를 floor(step / decay_steps)로 잘라 계단처럼 줄어듭니다.
    """

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False,
                 name="ExponentialDecay"):
        if decay_steps <= 0:
            raise HonggongError(message(
                f"Argument `decay_steps` must be > 0. Received: decay_steps={decay_steps}.",
                "해결: decay_steps는 학습률이 decay_rate배가 되는 스텝 수입니다. 양수로 주세요."))
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name

    def __call__(self, step):
        p = step / self.decay_steps
        if self.staircase:
            p = math.floor(p)
        return self.initial_learning_rate * self.decay_rate ** p

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "decay_steps": self.decay_steps, "decay_rate": self.decay_rate,
                "staircase": self.staircase, "name": self.name}


class PiecewiseConstantDecay(LearningRateSchedule):
    """lr(step) = values[0] if step <= boundaries[0], values[1] if step <= boundaries[1], ...,
    values[-1] after the last boundary."""

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise HonggongError(message(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, and "
                f"values={values} of length {len(values)}.",
                "해결: 구간 경계가 n개면 학습률 값은 n+1개여야 합니다."))
        self.boundaries = list(boundaries)
        self.values = list(values)
        self.name = name

    def __call__(self, step):
        for boundary, value in zip(self.boundaries, self.values):
            if step <= boundary:
                return value
        return self.values[-1]

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


class _SchedulesNamespace:
    """`optimizers.schedules.ExponentialDecay(...)` as in keras.optimizers.schedules."""
    LearningRateSchedule = LearningRateSchedule
    ExponentialDecay = ExponentialDecay
    PiecewiseConstantDecay = PiecewiseConstantDecay

    serialize = staticmethod(backend.serialize)

    @staticmethod
    def deserialize(config):
        """{"class_name": "ExponentialDecay", "config": {...}} -> the schedule (backend.resolve)."""
        found = backend.resolve(config, LearningRateSchedule, _SCHEDULES, _unknown_schedule)
        if found is None:
            raise HonggongTypeError(message(
                "Could not interpret a learning rate schedule: expected a LearningRateSchedule or "
                f"its saved config, received {backend.describe(config)}.",
                "해결: keras.optimizers.schedules.ExponentialDecay(0.01, 10, 0.9)처럼 주세요."))
        return found


_SCHEDULES = {"ExponentialDecay": ExponentialDecay, "PiecewiseConstantDecay": PiecewiseConstantDecay}


def _unknown_schedule(name):
    return message(f"Unknown learning rate schedule: expected one of {sorted(_SCHEDULES)}, "
                   f"received class_name={name!r}.",
                   "해결: honggong이 아는 학습률 스케줄 이름인지 확인하세요.")


schedules = _SchedulesNamespace()


# --------------------------------------------------------------------------------------------
# the in-place helper the update steps share
# --------------------------------------------------------------------------------------------
def moving_average(average, value, beta, out):
    """average ← average + (1 − β)·(value − average), in place (Keras' form for Adam and Nadam).

    The same as β·average + (1 − β)·value: the average moves a fraction 1 − β towards the new
    value. `out` is a work array of the same shape (it may be `value` itself).
    """
    np.subtract(value, average, out=out)
    out *= 1 - beta
    average += out
    return average


# --------------------------------------------------------------------------------------------
# gradient clipping
# --------------------------------------------------------------------------------------------
def clip_by_norm(grad, clipnorm):
    """g ← g · c / max(‖g‖, c)   — 길이가 c보다 긴 기울기만 길이 c로 줄입니다 (방향은 그대로)."""
    norm = np.sqrt(np.sum(np.square(grad)))
    return grad * grad.dtype.type(clipnorm) / np.maximum(norm, grad.dtype.type(clipnorm))


def clip_by_global_norm(grads, clipnorm):
    """‖G‖ = √(Σᵢ ‖gᵢ‖²);  gᵢ ← gᵢ · c · min(1/‖G‖, 1/c)

    모든 기울기를 한 벡터로 보고, 전체 길이가 c를 넘을 때만 같은 비율로 줄입니다.
    (‖G‖가 inf/NaN이면 결과도 NaN이 되어 문제를 숨기지 않습니다.)
    """
    global_norm = np.sqrt(sum(np.sum(np.square(g), dtype=np.float64) for g in grads))
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = clipnorm * min(1.0 / global_norm, 1.0 / clipnorm) + (global_norm - global_norm)
    return [g * g.dtype.type(scale) for g in grads]


# --------------------------------------------------------------------------------------------
# the base class
# --------------------------------------------------------------------------------------------
class Optimizer:
    """Base class: the common apply() recipe (see the module docstring).

    A subclass sets `slot_names` (the state it keeps per parameter) and writes
    `update_step(grad, variable, learning_rate, **slots)` whose body is its formula.
    Slots are updated in place (`momentum *= ...`, `velocity += ...`), as is `variable`.
    """

    slot_names = ()          # e.g. ("momentum", "velocity")

    def __init__(self, learning_rate, weight_decay=None, clipnorm=None, clipvalue=None,
                 global_clipnorm=None, use_ema=False, ema_momentum=0.99,
                 ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **kwargs):
        if kwargs.pop("decay", None) is not None:
            warnings.warn("Argument `decay` is no longer supported and will be ignored. "
                          "Keras 3에서는 decay 대신 learning rate schedule을 쓰세요.")
        if kwargs:
            raise HonggongError(message(
                f"Argument(s) not recognized by {type(self).__name__}: received {kwargs}.",
                "해결: 인자 이름의 철자를 확인하세요 (예: lr이 아니라 learning_rate)."))
        n_clip = sum(a is not None for a in (clipnorm, clipvalue, global_clipnorm))
        if n_clip > 1:
            raise HonggongError(message(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. "
                f"Received: clipnorm={clipnorm}, clipvalue={clipvalue}, "
                f"global_clipnorm={global_clipnorm}.",
                "해결: 기울기 클리핑 방법은 하나만 고르세요."))
        if use_ema or gradient_accumulation_steps:
            raise HonggongError(message(
                "honggong does not implement `use_ema` or `gradient_accumulation_steps`; expected "
                f"use_ema=False and gradient_accumulation_steps=None, received use_ema={use_ema}, "
                f"gradient_accumulation_steps={gradient_accumulation_steps}.",
                "해결: 이 교재의 옵티마이저는 이 기능을 지원하지 않습니다. 인자를 빼세요."))
        self.name = name if name is not None else type(self).__name__.lower()
        self.weight_decay = _hyperparameter(self, "weight_decay", weight_decay, optional=True)
        self.clipnorm = _hyperparameter(self, "clipnorm", clipnorm, optional=True)
        self.clipvalue = _hyperparameter(self, "clipvalue", clipvalue, optional=True)
        self.global_clipnorm = _hyperparameter(self, "global_clipnorm", global_clipnorm, optional=True)
        self.use_ema = use_ema
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        self.loss_scale_factor = _hyperparameter(self, "loss_scale_factor", loss_scale_factor,
                                                 optional=True)
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.learning_rate = learning_rate
        if not callable(self._learning_rate) and not self._learning_rate > 0:
            raise HonggongError(message(
                f"{type(self).__name__}: learning_rate must be a positive number, received "
                f"{learning_rate!r}. With learning_rate <= 0 the weights would not move (0) or "
                "would climb the loss (negative).",
                "해결: 0.001이나 0.01 같은 양수를 주세요. 예: keras.optimizers.Adam(learning_rate=0.001)"))
        self.iterations = 0
        self.built = False
        self._shapes = None          # (shape, dtype) per parameter position, set by build()
        self._slots = []             # one dict {slot name: array} per parameter position
        self._scratch = {}           # (shape, dtype) -> two work arrays, see scratch()

    # ---- learning rate -------------------------------------------------------------------
    @property
    def learning_rate(self):
        """The learning rate used by the next apply(): a float, or schedule(iterations)."""
        return self._current_learning_rate()

    @learning_rate.setter
    def learning_rate(self, value):
        if isinstance(value, LearningRateSchedule) or callable(value):
            self._learning_rate = value
            return
        if isinstance(getattr(self, "_learning_rate", None), LearningRateSchedule):
            raise HonggongTypeError(message(
                "This optimizer was created with a LearningRateSchedule, so its learning rate "
                f"is not settable; received learning_rate={value!r}.",
                "해결: 스케줄로 만든 옵티마이저의 학습률은 바꿀 수 없습니다. 숫자 학습률로 새 옵티마이저를 만드세요."))
        if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
            raise HonggongTypeError(message(
                "Argument `learning_rate` should be a float, a LearningRateSchedule, or a "
                f"callable; received learning_rate={value!r} of type {type(value).__name__}.",
                "해결: 학습률은 0.001 같은 숫자로 주세요."))
        self._learning_rate = float(value)

    def _current_learning_rate(self):
        lr = self._learning_rate
        if isinstance(lr, LearningRateSchedule):
            return float(lr(self.iterations))
        if callable(lr):
            # Keras calls a plain callable with no argument; a one-argument callable gets the step.
            value = lr(self.iterations) if _takes_an_argument(lr) else lr()
            if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
                raise HonggongTypeError(message(
                    f"The learning_rate callable {getattr(lr, '__name__', lr)!r} returned "
                    f"{value!r}; expected a number.",
                    "해결: 학습률 함수는 0.001 같은 숫자를 돌려주어야 합니다 (또는 schedules를 쓰세요)."))
            return float(value)
        return lr

    # ---- state -----------------------------------------------------------------------------
    def build(self, params):
        """Create the slots (zeros unless `initial_slot_value` says otherwise) for `params`."""
        params = _as_param_list(params)
        self._shapes = [(p.shape, p.dtype) for p in params]
        self._slots = [{name: np.full(p.shape, self.initial_slot_value(name), dtype=p.dtype)
                        for name in self.slot_names} for p in params]
        self.built = True

    def initial_slot_value(self, slot_name):
        """Starting value of a slot; 0 for all Keras optimizers except Adagrad's accumulator."""
        return 0.0

    def slots(self, index=0):
        """State of parameter number `index` as a dict of copies, e.g. {"momentum": array}.

        교육용: 옵티마이저가 파라미터마다 무엇을 기억하는지 들여다볼 때 씁니다.
        """
        if not self.built:
            raise HonggongError(message(
                "This optimizer has no state yet: expected at least one apply() call before "
                "slots(), received none.",
                "해결: 상태는 첫 스텝에 만들어집니다. 먼저 opt.apply(grads, params)를 한 번 호출하세요."))
        if not 0 <= index < len(self._slots):
            raise HonggongError(message(
                f"expected a parameter index in [0, {len(self._slots)}), received {index}.",
                f"해결: 이 옵티마이저는 파라미터 {len(self._slots)}개의 상태를 갖고 있습니다."))
        return {name: value.copy() for name, value in self._slots[index].items()}

    @property
    def variables(self):
        """[iterations, learning_rate, then the LIVE slot arrays: slot 1 of every param, slot 2 ...]

        Fixed layout (honggong.saving relies on it): variables[0] and variables[1] are copies
        (int, float32 scalar; for a schedule, its current value), variables[2:] are the
        optimizer's own arrays in `slot_names` order, so `variables[2 + k][...] = saved` restores
        state. Keras' list holds the same arrays; its order varies between Keras versions.
        """
        out = [np.array(self.iterations), np.array(self.learning_rate, dtype=np.float32)]
        for name in self.slot_names:
            out.extend(slot[name] for slot in self._slots)
        return out

    # ---- one training step ------------------------------------------------------------------
    def apply(self, grads, params):
        """One step: update every parameter in `params` in place from its gradient in `grads`.

        grads, params: a list of numpy arrays (or one array each), same order and shapes.
        """
        grads, params = self._check_inputs(grads, params)
        if not self.built:
            self.build(params)
        else:
            self._check_same_params(params)
        index = [i for i, g in enumerate(grads) if g is not None]
        if not index:
            raise HonggongError(message(
                "No gradients provided for any variable: expected at least one array, "
                "received only None.",
                "해결: 기울기가 하나도 없습니다. 손실이 파라미터에 연결되어 있는지 확인하세요."))
        if len(index) < len(grads):          # parameters without a gradient are left as they are
            grads, params = [grads[i] for i in index], [params[i] for i in index]
        if self.loss_scale_factor is not None:
            grads = [g / g.dtype.type(self.loss_scale_factor) for g in grads]
        grads = self._clip_gradients(grads)
        learning_rate = self._current_learning_rate()
        if self.weight_decay is not None:
            for p in params:
                self.apply_weight_decay(p, p.dtype.type(learning_rate))
        self.prepare_step()
        for i, g, p in zip(index, grads, params):
            lr = p.dtype.type(learning_rate)
            self.update_step(g, p, lr, **self._slots[i])
        self.iterations += 1
        if self.iterations % FLUSH_EVERY == 0:
            self._flush_denormals()

    def apply_gradients(self, grads_and_vars):
        """Keras-style alias: apply_gradients([(g1, w1), (g2, w2), ...])."""
        grads, params = zip(*grads_and_vars)
        self.apply(list(grads), list(params))
        return self.iterations

    def apply_weight_decay(self, variable, learning_rate):
        """w ← w − w · weight_decay · lr   (decoupled: the gradient never sees this term)

        가중치를 매 스텝 조금씩 0 쪽으로 줄여 너무 커지지 않게 합니다.
        """
        decay = np.multiply(variable, variable.dtype.type(self.weight_decay), out=self.scratch(variable)[0])
        decay *= learning_rate
        variable -= decay

    def scratch(self, variable):
        """Two work arrays shaped like `variable`, reused every step (a step allocates nothing).

        Shared by parameters of the same shape: update steps run one after another.
        """
        key = (variable.shape, variable.dtype)
        if key not in self._scratch:
            self._scratch[key] = (np.empty_like(variable), np.empty_like(variable))
        return self._scratch[key]

    def prepare_step(self):
        """Hook run once per apply(), before the update steps (Nadam uses it)."""

    def update_step(self, grad, variable, learning_rate, **slots):
        raise NotImplementedError(f"{type(self).__name__} must define update_step().")

    # ---- helpers -------------------------------------------------------------------------------
    def _clip_gradients(self, grads):
        if self.clipnorm and self.clipnorm > 0:
            return [clip_by_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm and self.global_clipnorm > 0:
            return clip_by_global_norm(grads, self.global_clipnorm)
        if self.clipvalue and self.clipvalue > 0:
            return [np.clip(g, -self.clipvalue, self.clipvalue) for g in grads]
        return grads

    def _flush_denormals(self):
        for slots in self._slots:
            for value in slots.values():
                # value ← 0 where |value| < DENORMAL_THRESHOLD
                np.copyto(value, 0, where=np.abs(value) < DENORMAL_THRESHOLD)

    def _check_inputs(self, grads, params):
        if (type(params) is np.ndarray and type(grads) is np.ndarray and params.dtype.kind == "f"
                and grads.dtype == params.dtype and grads.shape == params.shape):
            return [grads], [params]     # one array each, nothing to convert (the model's flat buffer)
        single = isinstance(params, np.ndarray)
        params = _as_param_list(params)
        if single and not isinstance(grads, (list, tuple)):
            grads = [grads]
        elif not isinstance(grads, (list, tuple)):
            raise HonggongTypeError(message(
                f"apply expected a list of gradients (one per parameter), received "
                f"{type(grads).__name__}.", "해결: opt.apply([grad], [param])처럼 리스트로 주세요."))
        grads = list(grads)
        if len(grads) != len(params):
            raise HonggongError(message(
                f"expected one gradient per parameter ({len(params)}), received {len(grads)} "
                "gradients.",
                "해결: grads와 params의 개수와 순서를 맞추세요."))
        out = []
        for i, (g, p) in enumerate(zip(grads, params)):
            if g is None:
                out.append(None)
                continue
            g = checks.numeric(g, f"gradient {i}", "apply").astype(p.dtype, copy=False)
            if g.shape != p.shape:
                raise HonggongError(message(
                    f"Gradient {i} has shape {g.shape} but its parameter has shape {p.shape}: "
                    "expected equal shapes.",
                    "해결: 기울기는 파라미터와 모양이 같아야 합니다."))
            out.append(g)
        missing = [i for i, g in enumerate(out) if g is None]
        if missing and len(missing) < len(out):
            warnings.warn(f"Gradients do not exist for parameters {missing}; they are not updated.")
        return out, params

    def _check_same_params(self, params):
        received = [(p.shape, p.dtype) for p in params]
        if received != self._shapes:
            raise HonggongError(message(
                f"This {type(self).__name__} was built for {len(self._shapes)} parameters with "
                f"shapes {[s for s, _ in self._shapes]}, received {len(received)} with shapes "
                f"{[s for s, _ in received]}. Its state (momentum, velocity, ...) belongs to the "
                "old parameters: use a new optimizer.",
                "해결: 파라미터가 바뀌었으니 옵티마이저를 새로 만드세요 (예: compile을 다시 호출)."))

    # ---- config -------------------------------------------------------------------------------
    def get_config(self):
        lr = self._learning_rate
        if isinstance(lr, LearningRateSchedule):
            lr = schedules.serialize(lr)
        return {"name": self.name, "learning_rate": lr, "weight_decay": self.weight_decay,
                "clipnorm": self.clipnorm, "global_clipnorm": self.global_clipnorm,
                "clipvalue": self.clipvalue, "use_ema": self.use_ema,
                "ema_momentum": self.ema_momentum,
                "ema_overwrite_frequency": self.ema_overwrite_frequency,
                "loss_scale_factor": self.loss_scale_factor,
                "gradient_accumulation_steps": self.gradient_accumulation_steps}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = schedules.deserialize(config["learning_rate"])
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r} learning_rate={self.learning_rate}>"


def _as_param_list(params):
    if not isinstance(params, (np.ndarray, list, tuple)):
        raise HonggongTypeError(message(
            f"apply expected a list of parameter arrays, received {type(params).__name__}.",
            "해결: opt.apply([grad], [param])처럼 넘파이 실수 배열의 리스트로 주세요."))
    params = [params] if isinstance(params, np.ndarray) else list(params)
    for i, p in enumerate(params):
        if not isinstance(p, np.ndarray) or p.dtype.kind != "f":          # a float array
            kind = f"ndarray of dtype {p.dtype}" if isinstance(p, np.ndarray) else type(p).__name__
            raise HonggongTypeError(message(
                f"Parameter {i}: expected a numpy float array (updated in place), received {kind}.",
                "해결: 파라미터는 제자리에서 고칠 수 있는 float numpy 배열이어야 합니다, "
                "예: np.array([1.0, 2.0], dtype='float32')."))
    return params


def _takes_an_argument(fn):
    try:
        return len(inspect.signature(fn).parameters) >= 1
    except (TypeError, ValueError):
        return False


# The range of each hyperparameter: (low, high, low included, high included, the fix line).
# beta/rho = 1 would freeze a moving average (Adam divides by 1 − β₁ᵗ = 0); epsilon = 0 lets
# a zero √v divide by zero. Keras checks only SGD's momentum; the other ranges follow its formulas.
_RANGES = {
    "beta_1": (0.0, 1.0, True, False, "beta_1 값은 0 이상 1 미만이어야 합니다 (Keras 기본값 beta_1=0.9)."),
    "beta_2": (0.0, 1.0, True, False, "beta_2 값은 0 이상 1 미만이어야 합니다 (Keras 기본값 beta_2=0.999)."),
    "rho": (0.0, 1.0, True, False, "rho 값은 0 이상 1 미만이어야 합니다 (Keras 기본값 rho=0.9)."),
    "momentum": (0.0, 1.0, True, True, "momentum 값은 0 이상 1 이하여야 합니다 (보통 0.9, 모멘텀 없이는 0)."),
    "epsilon": (0.0, math.inf, False, False,
                "epsilon은 0으로 나누기를 막는 작은 양수입니다 (Keras 기본값 epsilon=1e-7)."),
    "initial_accumulator_value": (0.0, math.inf, True, False,
                                  "기울기 제곱의 누적값은 0 이상에서 시작합니다 (Keras 기본값 0.1)."),
    "weight_decay": (0.0, math.inf, True, False,
                     "weight_decay 값은 0 이상이어야 합니다 (예: 0.004). 감쇠 없이 쓰려면 인자를 빼세요."),
    "loss_scale_factor": (0.0, math.inf, False, False,
                          "loss_scale_factor는 양수여야 합니다. 보통은 인자를 빼고 씁니다."),
}
for _clip in ("clipnorm", "clipvalue", "global_clipnorm"):
    _RANGES[_clip] = (0.0, math.inf, False, False,
                      f"{_clip} 값은 양수여야 합니다 (예: {_clip}=1.0). 클리핑 없이 쓰려면 인자를 빼세요.")


def _hyperparameter(owner, name, value, optional=False):
    """``value`` as a float inside the range of ``name`` (``_RANGES``), else a HonggongError with
    the range and the fix; bool and str are refused (``checks.number``). ``optional``: None is kept."""
    if optional and value is None:
        return None
    low, high, low_in, high_in, fix = _RANGES[name]
    return checks.number(value, name, low, high, type(owner).__name__, low_in, high_in,
                         korean_hint="해결: " + fix)


# --------------------------------------------------------------------------------------------
# the optimizers
# --------------------------------------------------------------------------------------------
class SGD(Optimizer):
    """Stochastic gradient descent, with optional (Nesterov) momentum. Keras 3 defaults:
    learning_rate=0.01, momentum=0.0, nesterov=False."""

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="sgd", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.momentum = _hyperparameter(self, "momentum", momentum)
        self.nesterov = bool(nesterov)
        self.slot_names = ("momentum",) if self.momentum != 0 else ()

    def update_step(self, grad, variable, learning_rate, momentum=None):
        """momentum = 0:  w ← w − lr·g
        momentum μ > 0:   m ← μ·m − lr·g;   w ← w + m
        nesterov:         m ← μ·m − lr·g;   w ← w + μ·m − lr·g

        기울기 반대 방향으로 조금 이동; 모멘텀은 지난 이동을 관성처럼 이어 갑니다.
        """
        a, b = self.scratch(variable)
        step = np.multiply(grad, learning_rate, out=a)             # lr·g
        if momentum is None:
            variable -= step
            return
        mu = variable.dtype.type(self.momentum)
        momentum *= mu
        momentum -= step                                           # m ← μ·m − lr·g
        if self.nesterov:
            look_ahead = np.multiply(momentum, mu, out=b)
            look_ahead -= step
            variable += look_ahead                                 # w ← w + μ·m − lr·g
        else:
            variable += momentum                                   # w ← w + m

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


class RMSprop(Optimizer):
    """RMSprop (Hinton 2012). Keras 3 defaults: learning_rate=0.001, rho=0.9, momentum=0.0,
    epsilon=1e-7, centered=False. ε goes inside the square root (Keras form)."""

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
                 name="rmsprop", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.rho = _hyperparameter(self, "rho", rho)
        self.momentum = _hyperparameter(self, "momentum", momentum)
        self.epsilon = _hyperparameter(self, "epsilon", epsilon)
        self.centered = centered
        self.slot_names = (("velocity",) + (("momentum",) if momentum > 0 else ())
                           + (("average_gradient",) if centered else ()))

    def update_step(self, grad, variable, learning_rate, velocity, momentum=None,
                    average_gradient=None):
        """v ← ρ·v + (1−ρ)·g²
        plain:     Δ = lr·g / √(v + ε)
        centered:  ḡ ← ρ·ḡ + (1−ρ)·g;   Δ = lr·g / √(v − ḡ² + ε)
        momentum:  m ← μ·m + Δ;  w ← w − m      (otherwise w ← w − Δ)

        최근 기울기 크기(제곱의 이동 평균)로 나눠, 가파른 방향은 작게·완만한 방향은 크게 이동합니다.
        """
        rho = self.rho
        a, b = self.scratch(variable)
        velocity *= rho
        velocity += np.multiply(np.square(grad, out=a), 1 - rho, out=a)     # v ← ρ·v + (1−ρ)·g²
        if self.centered:
            average_gradient *= rho
            average_gradient += np.multiply(grad, 1 - rho, out=a)          # ḡ ← ρ·ḡ + (1−ρ)·g
            denominator = np.square(average_gradient, out=b)
            np.subtract(velocity, denominator, out=denominator)
            denominator += self.epsilon                                    # v − ḡ² + ε
        else:
            denominator = np.add(velocity, self.epsilon, out=b)            # v + ε
        increment = np.multiply(grad, learning_rate, out=a)
        increment /= np.sqrt(denominator, out=denominator)                 # Δ = lr·g / √(...)
        if self.momentum > 0:
            momentum *= self.momentum
            momentum += increment                                          # m ← μ·m + Δ
            variable -= momentum
        else:
            variable -= increment

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum,
                "epsilon": self.epsilon, "centered": self.centered}


class Adagrad(Optimizer):
    """Adagrad (Duchi et al. 2011). Keras 3 defaults: learning_rate=0.001,
    initial_accumulator_value=0.1 (not 0), epsilon=1e-7 (inside the square root)."""

    slot_names = ("accumulator",)

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7,
                 name="adagrad", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = _hyperparameter(
            self, "initial_accumulator_value", initial_accumulator_value)
        self.epsilon = _hyperparameter(self, "epsilon", epsilon)

    def initial_slot_value(self, slot_name):
        return self.initial_accumulator_value

    def update_step(self, grad, variable, learning_rate, accumulator):
        """a ← a + g²       (a starts at initial_accumulator_value = 0.1)
        w ← w − lr·g / √(a + ε)

        지금까지 많이 움직인 파라미터일수록 학습률이 점점 작아집니다.
        """
        work, work_2 = self.scratch(variable)
        accumulator += np.square(grad, out=work)                           # a ← a + g²
        denominator = np.sqrt(np.add(accumulator, self.epsilon, out=work_2), out=work_2)
        step = np.multiply(grad, learning_rate, out=work)
        step /= denominator
        variable -= step                                                   # w ← w − lr·g / √(a + ε)

    def get_config(self):
        return {**super().get_config(),
                "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}


class Adam(Optimizer):
    """Adam (Kingma & Ba 2014). Keras 3 defaults: learning_rate=0.001, beta_1=0.9,
    beta_2=0.999, epsilon=1e-7 ("epsilon hat": outside √v, bias correction folded into α),
    amsgrad=False."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 amsgrad=False, name="adam", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = _hyperparameter(self, "beta_1", beta_1)
        self.beta_2 = _hyperparameter(self, "beta_2", beta_2)
        self.epsilon = _hyperparameter(self, "epsilon", epsilon)
        self.amsgrad = amsgrad
        self.slot_names = ("momentum", "velocity") + (("velocity_hat",) if amsgrad else ())

    def step_size(self, learning_rate, t):
        """α = lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ), computed in the weights' float type (float32) as Keras
        does, so that β₁ᵗ and β₂ᵗ round exactly like Keras' (0.999 is 0.99900001 in float32)."""
        beta_1, beta_2 = learning_rate.dtype.type(self.beta_1), learning_rate.dtype.type(self.beta_2)
        return learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)

    def update_step(self, grad, variable, learning_rate, momentum, velocity, velocity_hat=None):
        """t = iterations + 1
        α ← lr · √(1 − β₂ᵗ) / (1 − β₁ᵗ)            (bias correction, folded into the step size)
        m ← m + (1 − β₁)·(g − m)                    (= β₁·m + (1−β₁)·g, 기울기의 이동 평균)
        v ← v + (1 − β₂)·(g² − v)                   (= β₂·v + (1−β₂)·g², 기울기 제곱의 이동 평균)
        amsgrad:  v̂ ← max(v̂, v) and use v̂ for v
        w ← w − α·m / (√v + ε)

        모멘텀(m)으로 방향을, RMSprop(v)로 보폭을 정합니다.
        """
        t = self.iterations + 1
        alpha = self.step_size(learning_rate, t)
        a, b = self.scratch(variable)
        moving_average(momentum, grad, self.beta_1, out=a)                 # m ← m + (1−β₁)(g − m)
        moving_average(velocity, np.square(grad, out=a), self.beta_2, out=a)   # v ← v + (1−β₂)(g² − v)
        if self.amsgrad:
            np.maximum(velocity_hat, velocity, out=velocity_hat)
            velocity = velocity_hat
        denominator = np.sqrt(velocity, out=b)
        denominator += self.epsilon                                        # √v + ε
        step = np.multiply(momentum, alpha, out=a)
        step /= denominator
        variable -= step                                                   # w ← w − α·m / (√v + ε)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon, "amsgrad": self.amsgrad}


class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov & Hutter 2019). Keras 3 defaults:
    learning_rate=0.001, weight_decay=0.004, then Adam's. Each step first does
    w ← w − w·weight_decay·lr, then the Adam step."""

    def __init__(self, learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999,
                 epsilon=1e-7, amsgrad=False, name="adamw", **kwargs):
        if weight_decay is None:
            raise HonggongError(message(
                "Argument `weight_decay` must be a float. Received: weight_decay=None.",
                "해결: AdamW에는 weight_decay 값이 필요합니다 (기본값 0.004). 감쇠 없이 쓰려면 Adam을 쓰세요."))
        super().__init__(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2,
                         epsilon=epsilon, amsgrad=amsgrad, name=name,
                         weight_decay=weight_decay, **kwargs)


class Nadam(Optimizer):
    """Nadam = Adam with Nesterov momentum (Dozat 2015). Keras 3 defaults: learning_rate=0.001,
    beta_1=0.9, beta_2=0.999, epsilon=1e-7. Uses Keras' momentum schedule
    μₜ = β₁·(1 − 0.5·0.96ᵗ) and its running product Πₜ = μ₁·μ₂·…·μₜ."""

    slot_names = ("momentum", "velocity")

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 name="nadam", **kwargs):
        super().__init__(learning_rate=learning_rate, name=name, **kwargs)
        self.beta_1 = _hyperparameter(self, "beta_1", beta_1)
        self.beta_2 = _hyperparameter(self, "beta_2", beta_2)
        self.epsilon = _hyperparameter(self, "epsilon", epsilon)
        self.u_product = np.float32(1.0)    # Πₜ, updated once per apply() by prepare_step
        self._u_product_step = 0            # the t of the current Πₜ

    def momentum_schedule(self, t, dtype=np.float32):
        """μₜ = β₁ · (1 − 0.5 · 0.96ᵗ)   (in float32, as Keras computes it)"""
        return dtype(self.beta_1) * (1 - 0.5 * dtype(0.96) ** t)

    def prepare_step(self):
        """Πₜ ← Πₜ₋₁ · μₜ   (once per step, shared by all parameters; float32 like Keras)

        Πₜ depends only on t, so if `iterations` was set from outside (e.g. by load_model) it is
        recomputed from Π₀ = 1 in the same order; it is therefore not part of `variables`.
        """
        t = self.iterations + 1
        if self._u_product_step != t - 1:
            self.u_product, self._u_product_step = np.float32(1.0), 0
            for k in range(1, t):
                self._multiply_u_product(k)
        self._multiply_u_product(t)

    def _multiply_u_product(self, t):
        self.u_product = self.u_product * np.float32(self.beta_1) * (1 - 0.5 * np.float32(0.96) ** t)
        self._u_product_step = t

    def update_step(self, grad, variable, learning_rate, momentum, velocity):
        """t = iterations + 1
        m ← m + (1 − β₁)·(g − m);   v ← v + (1 − β₂)·(g² − v)
        m̂ = μₜ₊₁·m / (1 − Πₜ·μₜ₊₁) + (1 − μₜ)·g / (1 − Πₜ)
        v̂ = v / (1 − β₂ᵗ)
        w ← w − lr·m̂ / (√v̂ + ε)

        Adam과 같지만, 한 걸음 앞(다음 스텝의 모멘텀)을 미리 반영해 방향을 잡습니다.
        """
        t = self.iterations + 1
        dtype = variable.dtype.type               # scalars in float32, as Keras computes them
        beta_1, beta_2 = dtype(self.beta_1), dtype(self.beta_2)
        u_t, u_next = self.momentum_schedule(t, dtype), self.momentum_schedule(t + 1, dtype)
        u_product = dtype(self.u_product)
        u_product_next = u_product * u_next
        a, b = self.scratch(variable)
        moving_average(momentum, grad, beta_1, out=a)                      # m ← m + (1−β₁)(g − m)
        moving_average(velocity, np.square(grad, out=a), beta_2, out=a)    # v ← v + (1−β₂)(g² − v)
        m_hat = np.multiply(momentum, u_next, out=a)
        m_hat /= 1 - u_product_next
        gradient_part = np.multiply(grad, 1 - u_t, out=b)
        gradient_part /= 1 - u_product
        m_hat += gradient_part                      # m̂ = μₜ₊₁·m / (1 − Πₜ·μₜ₊₁) + (1 − μₜ)·g / (1 − Πₜ)
        v_hat = np.divide(velocity, 1 - beta_2 ** t, out=b)                # v̂ = v / (1 − β₂ᵗ)
        denominator = np.sqrt(v_hat, out=v_hat)
        denominator += self.epsilon
        m_hat *= learning_rate
        m_hat /= denominator
        variable -= m_hat                                                  # w ← w − lr·m̂ / (√v̂ + ε)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2,
                "epsilon": self.epsilon}


# --------------------------------------------------------------------------------------------
# lookup by name
# --------------------------------------------------------------------------------------------
_BY_NAME = {"sgd": SGD, "rmsprop": RMSprop, "adam": Adam, "adamw": AdamW,
            "adagrad": Adagrad, "nadam": Nadam}


serialize = backend.serialize     # Adam -> {"class_name": "Adam", "config": {...}} (JSON-safe)


def deserialize(config):
    """{"class_name": "Adam", "config": {...}} -> Adam(...) with that config."""
    return get(config)


def _unknown_optimizer(name):
    return message(f"Could not interpret optimizer identifier: expected one of {sorted(_BY_NAME)}, "
                   f"received {name!r}.",
                   "해결: 위 이름 중 하나를 쓰세요 (대소문자 무관, 예: 'adam', 'rmsprop').")


def get(identifier):
    """"adam" → Adam() with Keras defaults; a saved config dict → that optimizer; an Optimizer →
    itself; None → None (``backend.resolve``, the lookup rule every ``get`` shares)."""
    if identifier is None:
        return None
    found = backend.resolve(identifier, Optimizer, _BY_NAME, _unknown_optimizer, key=str.lower)
    if found is not None:
        return found
    raise HonggongTypeError(message(
        f"Could not interpret optimizer identifier: expected a name such as 'adam', an Optimizer "
        f"or a config dict, received {identifier!r}.",
        "해결: optimizer='adam' 또는 optimizer=keras.optimizers.Adam(learning_rate=0.001)처럼 주세요."))
