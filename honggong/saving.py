"""모델 저장과 불러오기: ``model.save`` / ``load_model`` / ``save_weights`` / ``load_weights``.

    model.save("model-whole.keras")                    # structure + weights + compile settings
    model = keras.models.load_model("model-whole.keras")
    model.save_weights("model.weights.h5")             # weights only
    model.load_weights("model.weights.h5")             # into a model of the same structure

File names follow Keras 3: ``.keras`` for a whole model, ``.weights.h5`` for weights (``.h5`` is
accepted for whole models, as Keras accepts the legacy name). Whatever the name, honggong writes its
own small format, described below; it is **not** HDF5 and Keras cannot read it (nor can honggong
read files written by TensorFlow/Keras).

File format (format_version 1)
------------------------------
A zip archive with these members:

``config.json``  (UTF-8 JSON object)
    ``format``: ``"honggong-keras-zip"``, ``format_version``: 1, ``honggong_version``,
    ``kind``: ``"model"`` or ``"weights"``,
    ``model_config``: ``{"class_name": "Sequential", "config": {...}}`` (kind "model" only; layers
    serialized with ``honggong.layers.serialize``),
    ``compile_config``: ``{"optimizer": {...}, "loss": ..., "metrics": [...]}`` or null,
    ``weights``: ``{"file": "model.weights.npz", "sha256": <hex digest of that member's bytes>,
    "layers": [{"name", "class_name", "shapes"}, ...]}`` — one entry per layer that has weights,
    ``optimizer``: null or ``{"file": "optimizer.npz", "sha256", "iterations", "shapes"}``.

``model.weights.npz``
    ``numpy.savez`` archive of float32 arrays ``w0, w1, ...``: the weights of the layers listed in
    ``weights.layers``, layer by layer, each layer's weights in ``layer.weights`` order (trainable
    first). Read with ``allow_pickle=False``: loading never runs code from the file.

``optimizer.npz`` (optional, whole models only)
    the optimizer's variables after ``iterations`` and ``learning_rate`` (its slots such as
    Adam's momentums and velocities), arrays ``v0, v1, ...`` in ``optimizer.variables`` order.

Safety: the file is first written to a temporary file in the same folder and then moved over the
target with ``os.replace`` (atomic), so an interrupted save never leaves a half-written file. On
loading, every member's zip CRC and the SHA-256 digests recorded in ``config.json`` are checked;
a damaged file gives "the file is damaged or not a honggong model: ..." instead of wrong numbers.
"""
import hashlib
import io
import json
import os
import tempfile
import warnings
import zipfile
import zlib
from contextlib import contextmanager

import numpy as np

from . import __version__
from .backend import HonggongError

__all__ = ["save_model", "load_model", "save_weights", "load_weights", "read_file",
           "SavingError", "FORMAT", "FORMAT_VERSION"]

FORMAT = "honggong-keras-zip"
FORMAT_VERSION = 1
CONFIG_NAME = "config.json"
WEIGHTS_NAME = "model.weights.npz"
OPTIMIZER_NAME = "optimizer.npz"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)        # fixed timestamp: the same model gives the same bytes
_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


class SavingError(HonggongError):
    """A model file could not be written or read (wrong name, damaged file, other structure)."""


def _damaged(filepath, reason):
    return SavingError(
        f"Cannot load {os.fspath(filepath)!r}: the file is damaged or not a honggong model: "
        f"{reason}\n해결: 파일이 손상되었거나 honggong이 저장한 파일이 아닙니다. 모델을 다시 저장하세요.")


# ---------------------------------------------------------------------------------------------
# File names
# ---------------------------------------------------------------------------------------------
def _check_model_path(filepath):
    filepath = os.fspath(filepath)
    if filepath.endswith(".weights.h5"):
        raise SavingError(
            f"model.save() received a weights file name: filepath={filepath}. Expected a name "
            "ending in '.keras' for a whole model. 가중치만 저장하려면 model.save_weights()를, "
            "모델 전체를 저장하려면 'model.keras' 같은 이름을 쓰세요.")
    if filepath.endswith(".h5"):
        warnings.warn(
            f"'{filepath}': the .h5 name is the legacy Keras (HDF5) name. honggong writes its own "
            "zip format under any name; prefer '.keras' as in Keras 3. (Keras 3에서는 .keras를 씁니다.)",
            UserWarning, stacklevel=3)
    elif not filepath.endswith(".keras"):
        raise SavingError(
            "Invalid filepath extension for saving: expected a name ending in '.keras' (or the "
            f"legacy '.h5'). Received: filepath={filepath}. 모델 파일 이름은 .keras로 끝내세요 "
            "(예: 'best-model.keras').")
    return filepath


def _check_weights_path(filepath):
    filepath = os.fspath(filepath)
    if not filepath.endswith(".weights.h5"):
        raise SavingError(
            "The filename must end in '.weights.h5' (Keras 3 weights file name). "
            f"Received: filepath={filepath}. 가중치 파일 이름은 .weights.h5로 끝내세요 "
            "(예: 'model.weights.h5').")
    return filepath


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def _npz_bytes(arrays, prefix):
    """numpy .npz archive of ``{prefix}0, {prefix}1, ...`` as bytes (float arrays only)."""
    named = {}
    for i, a in enumerate(arrays):
        a = np.asarray(a)
        if not (np.issubdtype(a.dtype, np.floating) or np.issubdtype(a.dtype, np.integer)):
            raise SavingError(f"Cannot save array {prefix}{i}: expected numbers, received dtype "
                              f"{a.dtype}. 가중치에는 숫자 배열만 저장할 수 있습니다.")
        named[f"{prefix}{i}"] = a
    buf = io.BytesIO()
    np.savez(buf, **named)
    return buf.getvalue()


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _weight_layers(model):
    """The layers that own weights, in model order."""
    return [layer for layer in model.layers if layer.weights]


def _weights_manifest(model):
    layers = _weight_layers(model)
    arrays = [np.asarray(w, dtype=np.float32) for layer in layers for w in layer.weights]
    entries = [{"name": layer.name, "class_name": type(layer).__name__,
                "shapes": [list(w.shape) for w in layer.weights]} for layer in layers]
    data = _npz_bytes(arrays, "w")
    input_shape = getattr(model, "input_shape", None)
    return {"file": WEIGHTS_NAME, "sha256": _sha256(data), "layers": entries,
            "build_input_shape": list(input_shape) if input_shape else None}, data


def _model_config(model):
    """{"class_name": "Sequential", "config": model.get_config()}"""
    return {"class_name": type(model).__name__, "config": model.get_config()}


def _optimizer_state(model):
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None or not getattr(optimizer, "built", False):
        return None, None
    slots = [np.asarray(v) for v in optimizer.variables[2:]]   # after iterations, learning_rate
    data = _npz_bytes(slots, "v")
    return {"file": OPTIMIZER_NAME, "sha256": _sha256(data), "iterations": int(optimizer.iterations),
            "shapes": [list(v.shape) for v in slots]}, data


@contextmanager
def _atomic_zip(filepath):
    """Yield a zip being written to a temp file in the target's folder; on success move it over
    ``filepath`` with os.replace (atomic), on any error delete it and leave ``filepath`` alone."""
    folder = os.path.dirname(os.path.abspath(filepath))
    if not os.path.isdir(folder):
        raise FileNotFoundError(
            f"Cannot save to {filepath!r}: the folder {folder!r} does not exist. "
            "폴더가 없습니다. os.makedirs(폴더)로 먼저 만드세요.")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(filepath) + ".",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                yield zf
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, filepath)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _add(zf, name, data):
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def _json_bytes(config):
    return json.dumps(config, indent=2, ensure_ascii=False).encode("utf-8")


def _check_overwrite(filepath, overwrite):
    if not overwrite and os.path.exists(filepath):
        raise FileExistsError(f"{filepath!r} already exists and overwrite=False. "
                              "이미 파일이 있습니다. 다른 이름을 쓰거나 overwrite=True로 저장하세요.")


def _header(kind):
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "honggong_version": __version__,
            "kind": kind}


def save_model(model, filepath, overwrite=True):
    """Save structure, weights, compile settings and optimizer state to ``filepath`` (.keras)."""
    filepath = _check_model_path(filepath)
    _check_overwrite(filepath, overwrite)
    with _atomic_zip(filepath) as zf:
        manifest, weights_data = _weights_manifest(model)
        opt_manifest, opt_data = _optimizer_state(model)
        compile_config = model.get_compile_config() if getattr(model, "compiled", False) else None
        _add(zf, WEIGHTS_NAME, weights_data)
        if opt_data is not None:
            _add(zf, OPTIMIZER_NAME, opt_data)
        _add(zf, CONFIG_NAME, _json_bytes({
            **_header("model"), "model_config": _model_config(model),
            "compile_config": compile_config, "weights": manifest,
            "optimizer": opt_manifest}))


def save_weights(model, filepath, overwrite=True):
    """Save only the weights (layer by layer) to ``filepath`` (.weights.h5)."""
    filepath = _check_weights_path(filepath)
    _check_overwrite(filepath, overwrite)
    with _atomic_zip(filepath) as zf:
        manifest, weights_data = _weights_manifest(model)
        _add(zf, WEIGHTS_NAME, weights_data)
        _add(zf, CONFIG_NAME, _json_bytes({**_header("weights"), "weights": manifest}))


# ---------------------------------------------------------------------------------------------
# Reading and verifying
# ---------------------------------------------------------------------------------------------
def _not_found(filepath):
    folder = os.path.dirname(os.path.abspath(filepath)) or "."
    nearby = []
    if os.path.isdir(folder):
        nearby = sorted(n for n in os.listdir(folder) if n.endswith((".keras", ".h5")))
    hint = f" Model files in that folder: {nearby}." if nearby else ""
    return FileNotFoundError(
        f"No file found at {os.fspath(filepath)!r} (current folder: {os.getcwd()!r}).{hint} "
        "파일이 없습니다. 파일 이름과 경로를 확인하고, 먼저 model.save(...)로 저장했는지 확인하세요.")


def _read_npz(data, prefix, count, filepath, what):
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return [npz[f"{prefix}{i}"] for i in range(count)]
    except (KeyError, ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error) as e:
        raise _damaged(filepath, f"{what} cannot be read ({e}).") from None


def read_file(filepath):
    """Open and verify a honggong model/weights file.

    Returns ``(config, weights, optimizer_slots)``: the parsed config.json, the list of weight
    arrays (float32) and the optimizer slot arrays (or None). Raises FileNotFoundError or
    SavingError ("the file is damaged or not a honggong model: ...").
    """
    filepath = os.fspath(filepath)
    if not os.path.exists(filepath):
        raise _not_found(filepath)
    if os.path.isdir(filepath):
        raise SavingError(f"{filepath!r} is a folder, expected a model file. "
                          "폴더가 아니라 .keras 파일 경로를 주세요.")
    with open(filepath, "rb") as f:
        head = f.read(8)
    if head == _HDF5_SIGNATURE:
        raise _damaged(filepath, "it is an HDF5 file (written by TensorFlow/Keras). honggong "
                       "reads only files saved by honggong; rebuild and train the model here.")
    try:
        with zipfile.ZipFile(filepath) as zf:
            bad = zf.testzip()                       # reads every member, checks its CRC-32
            if bad is not None:
                raise _damaged(filepath, f"member {bad!r} fails its CRC check.")
            names = set(zf.namelist())
            if CONFIG_NAME not in names:
                raise _damaged(filepath, f"no {CONFIG_NAME} inside.")
            members = {n: zf.read(n) for n in names if n in (CONFIG_NAME, WEIGHTS_NAME,
                                                              OPTIMIZER_NAME)}
    except (zipfile.BadZipFile, zlib.error, EOFError, zipfile.LargeZipFile, OSError) as e:
        raise _damaged(filepath, f"not a complete zip archive ({e}).") from None
    try:
        config = json.loads(members[CONFIG_NAME].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _damaged(filepath, f"{CONFIG_NAME} is not valid JSON ({e}).") from None
    if not isinstance(config, dict) or config.get("format") != FORMAT:
        raise _damaged(filepath, f"{CONFIG_NAME} has no \"format\": \"{FORMAT}\" entry (a Keras "
                       ".keras file, or another program's zip?).")
    if config.get("format_version", 0) > FORMAT_VERSION:
        raise SavingError(
            f"{filepath!r} uses format_version {config['format_version']}, this honggong "
            f"({__version__}) reads up to {FORMAT_VERSION}. honggong을 새 버전으로 업데이트하세요.")
    manifest = config.get("weights") or {}
    weights = _verified_arrays(filepath, members, manifest, "w",
                               sum(len(e["shapes"]) for e in manifest.get("layers", [])))
    slots = None
    if config.get("optimizer"):
        slots = _verified_arrays(filepath, members, config["optimizer"], "v",
                                 len(config["optimizer"]["shapes"]))
    return config, weights, slots


def _verified_arrays(filepath, members, manifest, prefix, count):
    name = manifest.get("file")
    if name not in members:
        raise _damaged(filepath, f"member {name!r} is missing.")
    data = members[name]
    if _sha256(data) != manifest.get("sha256"):
        raise _damaged(filepath, f"the SHA-256 of {name} does not match the one recorded in "
                       f"{CONFIG_NAME}.")
    return _read_npz(data, prefix, count, filepath, name)


# ---------------------------------------------------------------------------------------------
# Putting weights into a model
# ---------------------------------------------------------------------------------------------
def _ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _assign_weights(model, config, weights, filepath):
    entries = config["weights"]["layers"]
    input_shape = config["weights"].get("build_input_shape")
    if not getattr(model, "built", True) and input_shape:
        model.build(tuple(input_shape))     # like Keras: an unbuilt model takes the saved shape
    targets = _weight_layers(model)
    if len(targets) != len(entries):
        saved = [e["name"] for e in entries]
        here = [layer.name for layer in targets]
        hint = ""
        if not targets:
            hint = (" The model has no weights yet: give it an input shape first "
                    "(keras.Input(shape=...)) or call model.build(). ")
        raise SavingError(
            f"Cannot load weights from {filepath!r}: the file has weights for {len(entries)} "
            f"layers {saved}, but the model has {len(targets)} layers with weights {here}.{hint} "
            "해결: 저장할 때와 같은 구조(층의 종류·순서·크기)로 모델을 만든 뒤 불러오세요.")
    position = 0
    for k, (layer, entry) in enumerate(zip(targets, entries), start=1):
        n = len(entry["shapes"])
        arrays = weights[position:position + n]
        position += n
        if type(layer).__name__ != entry["class_name"]:
            raise SavingError(
                f"Cannot load weights: the {_ordinal(k)} layer with weights is {type(layer).__name__} "
                f"'{layer.name}', but the file has {entry['class_name']} '{entry['name']}' there. "
                "층의 종류가 다릅니다. 저장할 때와 같은 구조로 모델을 만드세요.")
        expected = [tuple(w.shape) for w in layer.weights]
        received = [tuple(a.shape) for a in arrays]
        if expected != received:
            raise SavingError(
                f"Cannot load weights into layer '{layer.name}' ({type(layer).__name__}, the "
                f"{_ordinal(k)} layer with weights): expected shapes {expected}, received "
                f"{received} from the file (saved from layer '{entry['name']}'). "
                "가중치 모양이 다릅니다. 저장할 때와 같은 units와 입력 크기로 모델을 만드세요.")
    position = 0
    for layer, entry in zip(targets, entries):
        n = len(entry["shapes"])
        layer.set_weights(weights[position:position + n])
        position += n


def load_weights(model, filepath):
    """Load weights saved by ``save_weights`` (or the weights inside a ``.keras`` file)."""
    filepath = os.fspath(filepath)
    if not filepath.endswith((".weights.h5", ".keras", ".h5")):
        raise SavingError(
            "load_weights expected a file name ending in '.weights.h5' (or '.keras'). "
            f"Received: filepath={filepath}. 가중치 파일 이름을 확인하세요.")
    config, weights, _ = read_file(filepath)
    _assign_weights(model, config, weights, filepath)


# ---------------------------------------------------------------------------------------------
# Whole models
# ---------------------------------------------------------------------------------------------
def _build_model(model_config, filepath):
    from . import models   # models sits above saving in the dependency order
    class_name = model_config.get("class_name")
    cls = getattr(models, class_name, None) if isinstance(class_name, str) else None
    if cls is None or not hasattr(cls, "from_config"):
        raise _damaged(filepath, f"unknown model class {class_name!r}.")
    return cls.from_config(model_config.get("config", {}))


def _restore_optimizer(model, config, slots):
    """Give the optimizer its saved iterations and slots (momentums, velocities, ...)."""
    optimizer = getattr(model, "optimizer", None)
    state = config.get("optimizer")
    if optimizer is None or state is None:
        return
    optimizer.iterations = state["iterations"]
    n_slot_names = len(getattr(optimizer, "slot_names", ()))
    if n_slot_names == 0 or len(slots) % n_slot_names:
        return
    per_param = len(slots) // n_slot_names
    optimizer.build([np.zeros(s, dtype=np.float32) for s in state["shapes"][:per_param]])
    for target, value in zip(optimizer.variables[2:], slots):
        target[...] = value


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True):
    """Rebuild a model saved with ``model.save`` (structure, weights, compile settings, optimizer
    state). ``compile=False`` skips compile(); the model can still predict.

    Keras' ``safe_mode`` is accepted and always on (nothing in the file is executed);
    ``custom_objects`` are not supported (honggong files hold only built-in layers).
    """
    if custom_objects:
        raise SavingError(f"custom_objects are not supported by honggong, received "
                          f"{sorted(custom_objects)}. honggong 파일에는 기본 층만 들어 있습니다.")
    filepath = os.fspath(filepath)
    if not filepath.endswith((".keras", ".h5")):
        raise SavingError(
            f"File format not supported: filepath={filepath}. Expected a '.keras' file saved by "
            "model.save() (or a legacy '.h5' name). 가중치 파일(.weights.h5)은 "
            "model.load_weights()로 불러오세요.")
    config, weights, slots = read_file(filepath)
    if config.get("kind") != "model":
        raise SavingError(
            f"{filepath!r} holds only weights (saved by save_weights), not a whole model. "
            "구조가 없는 가중치 파일입니다: 같은 구조의 모델을 만든 뒤 model.load_weights()로 불러오세요.")
    model = _build_model(config["model_config"], filepath)
    _assign_weights(model, config, weights, filepath)
    if compile and config.get("compile_config"):
        model.compile_from_config(config["compile_config"])
        _restore_optimizer(model, config, slots)
    return model
