"""The honggong model file format: config and arrays in, config and arrays out.

This module knows files, not models: it imports no model or layer class. ``models.py`` turns a
model into a config (``backend.serialize``) and weight arrays, and back (``models.load_model``):

    model.save("model-whole.keras")                    # structure + weights + compile settings
    model = keras.models.load_model("model-whole.keras")
    model.save_weights("model.weights.h5")             # weights only
    model.load_weights("model.weights.h5")             # into a model of the same structure

File names follow Keras 3: ``.keras`` for a whole model, ``.weights.h5`` for weights (``.h5`` is
accepted for whole models, as Keras accepts the legacy name). Whatever the name, honggong writes its
own small format, described below; it is **not** HDF5 and Keras cannot read it (nor can honggong
read files written by TensorFlow/Keras).

File format (format_version 1), docs/SAVING.md
----------------------------------------------
A zip archive with these members:

``config.json``  (UTF-8 JSON object)
    ``format``: ``"honggong-keras-zip"``, ``format_version``: 1, ``honggong_version``,
    ``kind``: ``"model"`` or ``"weights"``,
    ``model_config``: ``{"class_name": "Sequential", "config": {...}}`` (kind "model" only),
    ``compile_config``: ``{"optimizer": {...}, "loss": ..., "metrics": [...]}`` or null,
    ``weights``: ``{"file": "model.weights.npz", "sha256": <hex digest of that member's bytes>,
    "build_input_shape": [...], "layers": [{"name", "class_name", "shapes"}, ...]}`` — one entry
    per layer that has weights,
    ``optimizer``: null or ``{"file": "optimizer.npz", "sha256", "iterations", "shapes"}``.

``model.weights.npz``
    ``numpy.savez`` archive of float32 arrays ``w0, w1, ...``: the weights of the layers listed in
    ``weights.layers``, layer by layer, each layer's weights in ``layer.weights`` order (trainable
    first). Read with ``allow_pickle=False``: loading never runs code from the file.

``optimizer.npz`` (optional, whole models only)
    the optimizer's variables after ``iterations`` and ``learning_rate`` (its slots such as
    Adam's momentums and velocities), arrays ``v0, v1, ...`` in ``optimizer.variables`` order.

Safety: the file is first written to a temporary file in the same folder and then moved over the
target with ``os.replace`` (atomic), so an interrupted or failed save never leaves a half-written
file and an existing file keeps its old content. The new file gets the mode a plain ``open()``
would give it (an existing file's mode, else ``0o666 & ~umask``). A model without weights (not built
yet) is never saved over a file that holds weights. On loading, every member's zip CRC and the
SHA-256 digests recorded in ``config.json`` are checked; a damaged file gives "the file is damaged
or not a honggong model: ..." instead of wrong numbers.
"""
import errno
import hashlib
import io
import json
import os
import stat
import tempfile
import warnings
import zipfile
import zlib
from contextlib import contextmanager

import numpy as np

from . import __version__
from .backend import HonggongError, HonggongTypeError, describe, message

__all__ = ["save_model_file", "save_weights_file", "read_file", "read_model_file",
           "read_weights_file", "weights_for", "saved_input_shape", "check_model_path", "check_weights_path",
           "SavingError", "ModelFileNotFoundError", "ModelFileExistsError", "ModelWriteError", "FORMAT",
           "FORMAT_VERSION"]

FORMAT = "honggong-keras-zip"
FORMAT_VERSION = 1
CONFIG_NAME = "config.json"
WEIGHTS_NAME = "model.weights.npz"
OPTIMIZER_NAME = "optimizer.npz"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)        # fixed timestamp: the same model gives the same bytes
_HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


class SavingError(HonggongError):
    """A model file could not be written or read (wrong name, damaged file, other structure)."""


class ModelFileNotFoundError(SavingError, FileNotFoundError):
    """No model file (or no folder) at the path given: a SavingError and a FileNotFoundError."""


class ModelFileExistsError(SavingError, FileExistsError):
    """The file exists and ``overwrite=False`` was given."""


class ModelWriteError(SavingError, OSError):
    """The operating system refused the write (no permission, disk full ...): a SavingError
    naming the model file, and still an OSError for code that catches those."""


def _fspath(filepath):
    """A file path as a str (bytes are decoded); anything that is not a path is refused."""
    try:
        return os.fsdecode(os.fspath(filepath))
    except TypeError:
        raise HonggongTypeError(message(
            f"Expected a file path (a str or pathlib.Path), received {describe(filepath)}.",
            "해결: 'best-model.keras'처럼 파일 이름을 문자열로 주세요.")) from None


def _damaged(filepath, reason):
    return SavingError(message(
        f"Cannot load {os.fspath(filepath)!r}: the file is damaged or not a honggong model: {reason}",
        "파일이 손상되었거나 honggong이 저장한 파일이 아닙니다. 모델을 다시 저장하세요."))


# ---------------------------------------------------------------------------------------------
# File names
# ---------------------------------------------------------------------------------------------
def check_model_path(filepath):
    """A whole-model file name: ``.keras`` (or the legacy ``.h5``, with a warning)."""
    filepath = _fspath(filepath)
    if filepath.endswith(".weights.h5"):
        raise SavingError(message(
            f"model.save() received a weights file name: filepath={filepath}. Expected a name "
            "ending in '.keras' for a whole model.",
            "가중치만 저장하려면 model.save_weights()를, 모델 전체를 저장하려면 'model.keras' 같은 "
            "이름을 쓰세요."))
    if filepath.endswith(".h5"):
        warnings.warn(message(
            f"'{filepath}': the .h5 name is the legacy Keras (HDF5) name. honggong writes its own "
            "zip format under any name; prefer '.keras' as in Keras 3.",
            "Keras 3에서는 .keras를 씁니다."), UserWarning, stacklevel=4)
    elif not filepath.endswith(".keras"):
        raise SavingError(message(
            "Invalid filepath extension for saving: expected a name ending in '.keras' (or the "
            f"legacy '.h5'). Received: filepath={filepath}.",
            "모델 파일 이름은 .keras로 끝내세요 (예: 'best-model.keras')."))
    return filepath


def check_weights_path(filepath):
    """A weights file name: ``.weights.h5`` as Keras 3 requires."""
    filepath = _fspath(filepath)
    if not filepath.endswith(".weights.h5"):
        raise SavingError(message(
            "The filename must end in '.weights.h5' (Keras 3 weights file name). "
            f"Received: filepath={filepath}.",
            "가중치 파일 이름은 .weights.h5로 끝내세요 (예: 'model.weights.h5')."))
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
            raise SavingError(message(
                f"Cannot save array {prefix}{i}: expected numbers, received dtype {a.dtype}.",
                "가중치에는 숫자 배열만 저장할 수 있습니다."))
        named[f"{prefix}{i}"] = a
    buf = io.BytesIO()
    np.savez(buf, **named)
    return buf.getvalue()


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _weights_manifest(layers, build_input_shape):
    """``layers``: ``[(name, class_name, arrays), ...]`` for the layers that have weights."""
    arrays = []
    for name, _, layer_arrays in layers:
        for i, a in enumerate(layer_arrays):
            try:
                arrays.append(np.asarray(a, dtype=np.float32))
            except (TypeError, ValueError) as e:
                raise SavingError(message(
                    f"Cannot save weight {i} of layer '{name}': expected numbers, received "
                    f"{type(a).__name__} that numpy cannot turn into float32 ({e}).",
                    "가중치에는 숫자 배열만 넣을 수 있습니다. layer.set_weights(...)로 넣은 값을 "
                    "확인하세요. 원래 파일은 그대로 있습니다.")) from None
    entries = [{"name": name, "class_name": class_name,
                "shapes": [list(np.shape(a)) for a in layer_arrays]}
               for name, class_name, layer_arrays in layers]
    data = _npz_bytes(arrays, "w")
    return {"file": WEIGHTS_NAME, "sha256": _sha256(data), "layers": entries,
            "build_input_shape": list(build_input_shape) if build_input_shape else None}, data


def _optimizer_manifest(optimizer):
    """``optimizer``: None or ``(iterations, slot arrays)``."""
    if optimizer is None:
        return None, None
    iterations, slots = optimizer
    slots = [np.asarray(v) for v in slots]
    data = _npz_bytes(slots, "v")
    return {"file": OPTIMIZER_NAME, "sha256": _sha256(data), "iterations": int(iterations),
            "shapes": [list(v.shape) for v in slots]}, data


def _new_file_mode(filepath):
    """The mode a plain ``open(filepath, "w")`` gives: an existing file keeps its mode, a new one
    gets ``0o666 & ~umask`` (a temporary file would be 0o600: unreadable for others)."""
    try:
        return stat.S_IMODE(os.stat(filepath).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _write_error(filepath, folder, error):
    """A SavingError naming the model path (not the hidden temporary file) and the fix."""
    reason = error.strerror or str(error)
    if isinstance(error, PermissionError):
        return ModelWriteError(message(
            f"Cannot save to {filepath!r}: no permission to write in the folder {folder!r} "
            f"({reason}).",
            "쓰기 권한이 있는 폴더에 저장하세요. 예: 현재 폴더에 model.save("
            f"{os.path.basename(filepath)!r}), 또는 홈 폴더 아래의 경로."))
    if error.errno == errno.ENOSPC:
        return ModelWriteError(message(f"Cannot save to {filepath!r}: the disk is full ({reason}).",
                                   "디스크 공간을 비운 뒤 다시 저장하세요. 원래 파일은 그대로 있습니다."))
    return ModelWriteError(message(f"Cannot save to {filepath!r}: {reason}.",
                               "경로가 맞는지, 그 폴더에 쓸 수 있는지 확인하세요. 원래 파일은 그대로 있습니다."))


def _check_target(filepath):
    """The folder must exist and the path must not be a folder; return the folder."""
    folder = os.path.dirname(os.path.abspath(filepath))
    if os.path.isdir(filepath):
        raise SavingError(message(
            f"Cannot save to {filepath!r}: that path is a folder, expected a file name.",
            f"폴더 안의 파일 이름을 주세요. 예: {os.path.join(filepath, 'model.keras')!r}"))
    if not os.path.isdir(folder):
        parent = folder
        while parent and not os.path.exists(parent):
            parent = os.path.dirname(parent) if os.path.dirname(parent) != parent else ""
        if parent and not os.path.isdir(parent):
            raise SavingError(message(
                f"Cannot save to {filepath!r}: {parent!r} is a file, not a folder.",
                "경로의 폴더 이름을 확인하세요. 파일과 같은 이름의 폴더는 만들 수 없습니다."))
        raise ModelFileNotFoundError(message(
            f"Cannot save to {filepath!r}: the folder {folder!r} does not exist.",
            f"폴더를 먼저 만드세요: os.makedirs({folder!r}, exist_ok=True)"))
    return folder


@contextmanager
def _atomic_zip(filepath):
    """Yield a zip being written to a temp file in the target's folder; on success give it the
    normal file mode and move it over ``filepath`` with os.replace (atomic); on any error delete
    it and leave ``filepath`` as it was."""
    folder = _check_target(filepath)
    mode = _new_file_mode(filepath)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(filepath) + ".",
                                   suffix=".tmp")
    except OSError as e:
        raise _write_error(filepath, folder, e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                yield zf
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, filepath)
    except BaseException as e:
        try:
            os.remove(tmp)
        except OSError:
            pass
        if isinstance(e, OSError) and not isinstance(e, HonggongError):
            raise _write_error(filepath, folder, e) from None
        raise


def _add(zf, name, data):
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def _json_bytes(config):
    return json.dumps(config, indent=2, ensure_ascii=False).encode("utf-8")


def _check_overwrite(filepath, overwrite, layers):
    """overwrite=False keeps any file; a model without weights never replaces one with weights."""
    if not os.path.isfile(filepath):
        return
    if not overwrite:
        raise ModelFileExistsError(message(
            f"{filepath!r} already exists and overwrite=False.",
            "이미 파일이 있습니다. 다른 이름을 쓰거나 overwrite=True로 저장하세요."))
    if layers:
        return
    saved = _saved_weight_layers(filepath)
    if saved:
        raise SavingError(message(
            f"Refusing to save to {filepath!r}: the model has no weights yet (not built), "
            f"and the file holds trained weights for {len(saved)} layers {saved}. Saving would "
            "replace them with an empty model.",
            "모델을 먼저 만들거나(keras.Input(shape=...), fit) 다른 파일 이름으로 저장하세요. "
            f"예전 파일이 정말 필요 없으면 os.remove({filepath!r})로 지운 뒤 저장하세요."))


def _saved_weight_layers(filepath):
    """Names of the layers with weights in an existing honggong file ([] if it is not one)."""
    try:
        with zipfile.ZipFile(filepath) as zf:
            config = json.loads(zf.read(CONFIG_NAME).decode("utf-8"))
        return [entry["name"] for entry in config["weights"]["layers"]]
    except Exception:          # not a (readable) honggong file: nothing of ours to protect
        return []


def _header(kind):
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "honggong_version": __version__,
            "kind": kind}


def save_model_file(filepath, model_config, compile_config, layers, build_input_shape,
                    optimizer=None, overwrite=True):
    """Write a whole-model file (.keras).

    ``model_config`` and ``compile_config`` (or None) are JSON-safe dicts; ``layers`` is
    ``[(name, class_name, arrays), ...]`` for the layers that have weights; ``optimizer`` is None
    or ``(iterations, slot arrays)``.
    """
    filepath = check_model_path(filepath)
    _check_overwrite(filepath, overwrite, layers)
    manifest, weights_data = _weights_manifest(layers, build_input_shape)
    opt_manifest, opt_data = _optimizer_manifest(optimizer)
    config = _json_bytes({**_header("model"), "model_config": model_config,
                          "compile_config": compile_config, "weights": manifest,
                          "optimizer": opt_manifest})
    with _atomic_zip(filepath) as zf:
        _add(zf, WEIGHTS_NAME, weights_data)
        if opt_data is not None:
            _add(zf, OPTIMIZER_NAME, opt_data)
        _add(zf, CONFIG_NAME, config)


def save_weights_file(filepath, layers, build_input_shape, overwrite=True):
    """Write only the weights (``[(name, class_name, arrays), ...]``) to ``filepath`` (.weights.h5)."""
    filepath = check_weights_path(filepath)
    _check_overwrite(filepath, overwrite, layers)
    manifest, weights_data = _weights_manifest(layers, build_input_shape)
    with _atomic_zip(filepath) as zf:
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
    return ModelFileNotFoundError(message(
        f"No file found at {os.fspath(filepath)!r} (current folder: {os.getcwd()!r}).{hint}",
        "파일이 없습니다. 파일 이름과 경로를 확인하고, 먼저 model.save(...)로 저장했는지 확인하세요."))


def _read_npz(data, prefix, count, filepath, what):
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            return [npz[f"{prefix}{i}"] for i in range(count)]
    except (KeyError, ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error) as e:
        raise _damaged(filepath, f"{what} cannot be read ({e}).") from None


def read_file(filepath):
    """Open and verify a honggong model/weights file.

    Returns ``(config, weights, optimizer_slots)``: the parsed config.json, the list of weight
    arrays (float32) and the optimizer slot arrays (or None). Raises ModelFileNotFoundError (a
    FileNotFoundError) or SavingError ("the file is damaged or not a honggong model: ...").
    """
    filepath = _fspath(filepath)
    if not os.path.exists(filepath):
        raise _not_found(filepath)
    if os.path.isdir(filepath):
        raise SavingError(message(f"{filepath!r} is a folder, expected a model file.",
                                  "폴더가 아니라 .keras 파일 경로를 주세요."))
    try:
        with open(filepath, "rb") as f:
            head = f.read(8)
    except OSError as e:
        raise SavingError(message(f"Cannot read {filepath!r}: {e.strerror or e}.",
                                  "파일을 읽을 수 있는지(권한) 확인하세요.")) from None
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
        raise SavingError(message(
            f"{filepath!r} uses format_version {config['format_version']}, this honggong "
            f"({__version__}) reads up to {FORMAT_VERSION}.", "honggong을 새 버전으로 업데이트하세요."))
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
# Matching the file's weights to a model's layers (given as names, classes and shapes)
# ---------------------------------------------------------------------------------------------
def _ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def saved_input_shape(config):
    """The input shape the saved model was built with (a tuple), or None."""
    shape = (config.get("weights") or {}).get("build_input_shape")
    return tuple(shape) if shape else None


def weights_for(config, weights, targets, filepath):
    """Split the file's ``weights`` over ``targets`` = ``[(name, class_name, shapes), ...]`` (the
    layers that have weights, in model order): one list of arrays per target.

    Weights are matched to the layers that have weights, in order (weightless layers such as
    Dropout may differ). Unless every layer matches, a SavingError names the layer and the
    expected and received shapes, and nothing is returned.
    """
    entries = config["weights"]["layers"]
    if len(targets) != len(entries):
        saved = [e["name"] for e in entries]
        here = [name for name, _, _ in targets]
        hint = ""
        if not targets:
            hint = (" The model has no weights yet: give it an input shape first "
                    "(keras.Input(shape=...)) or call model.build().")
        raise SavingError(message(
            f"Cannot load weights from {filepath!r}: the file has weights for {len(entries)} "
            f"layers {saved}, but the model has {len(targets)} layers with weights {here}.{hint}",
            "저장할 때와 같은 구조(층의 종류·순서·크기)로 모델을 만든 뒤 불러오세요."))
    result, position = [], 0
    for k, ((name, class_name, shapes), entry) in enumerate(zip(targets, entries), start=1):
        n = len(entry["shapes"])
        arrays = weights[position:position + n]
        position += n
        if class_name != entry["class_name"]:
            raise SavingError(message(
                f"Cannot load weights: the {_ordinal(k)} layer with weights is {class_name} "
                f"'{name}', but the file has {entry['class_name']} '{entry['name']}' there.",
                "층의 종류가 다릅니다. 저장할 때와 같은 구조로 모델을 만드세요."))
        expected = [tuple(s) for s in shapes]
        received = [tuple(a.shape) for a in arrays]
        if expected != received:
            raise SavingError(message(
                f"Cannot load weights into layer '{name}' ({class_name}, the {_ordinal(k)} layer "
                f"with weights): expected shapes {expected}, received {received} from the file "
                f"(saved from layer '{entry['name']}').",
                "가중치 모양이 다릅니다. 저장할 때와 같은 units와 입력 크기로 모델을 만드세요."))
        result.append(arrays)
    return result


def read_weights_file(filepath):
    """``read_file`` for ``load_weights``: a ``.weights.h5`` (or ``.keras``) file."""
    filepath = _fspath(filepath)
    if not filepath.endswith((".weights.h5", ".keras", ".h5")):
        raise SavingError(message(
            "load_weights expected a file name ending in '.weights.h5' (or '.keras'). "
            f"Received: filepath={filepath}.", "가중치 파일 이름을 확인하세요."))
    return read_file(filepath)


def read_model_file(filepath):
    """``read_file`` for ``load_model``: a whole-model ``.keras`` file (not a weights file)."""
    filepath = _fspath(filepath)
    if not filepath.endswith((".keras", ".h5")):
        raise SavingError(message(
            f"File format not supported: filepath={filepath}. Expected a '.keras' file saved by "
            "model.save() (or a legacy '.h5' name).",
            "가중치 파일(.weights.h5)은 model.load_weights()로 불러오세요."))
    config, weights, slots = read_file(filepath)
    if config.get("kind") != "model":
        raise SavingError(message(
            f"{filepath!r} holds only weights (saved by save_weights), not a whole model.",
            "구조가 없는 가중치 파일입니다: 같은 구조의 모델을 만든 뒤 model.load_weights()로 불러오세요."))
    return config, weights, slots
