"""honggong.saving: round trips, the documented format, atomic writes, damaged files, mismatches."""
import hashlib
import io
import json
import os
import zipfile

import numpy as np
import pytest

from honggong import layers, models, optimizers, saving
from honggong.utils import set_random_seed
from honggong.backend import HonggongError
from honggong.saving import SavingError


def make_model(hidden=8, dropout=False, seed=0):
    """Input(4) -> Dense(hidden, relu) [-> Dropout] -> Dense(3, softmax), compiled with Adam."""
    parts = [layers.Input(shape=(4,)), layers.Dense(hidden, activation="relu")]
    if dropout:
        parts.append(layers.Dropout(0.3))
    parts.append(layers.Dense(3, activation="softmax"))
    model = models.Sequential(parts)
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(size=w.shape).astype(np.float32) for w in model.get_weights()])
    model.compile(optimizer=optimizers.Adam(learning_rate=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def data(n=64, seed=1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, 4)).astype(np.float32), rng.integers(0, 3, n)


def trained_model():
    model = make_model()
    x, y = data()
    set_random_seed(0)
    model.fit(x, y, epochs=2, batch_size=16, verbose=0)
    return model


def members(path):
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rewrite(path, changed):
    """Write the zip again with some members replaced (valid CRCs: only the SHA can notice)."""
    content = members(path)
    content.update(changed)
    with zipfile.ZipFile(path, "w") as zf:
        for name, data_ in content.items():
            zf.writestr(name, data_)


# ---------------------------------------------------------------------------------------------
# Round trips
# ---------------------------------------------------------------------------------------------
def test_save_and_load_model_reproduces_predictions_and_compile(tmp_path):
    model = trained_model()
    x, _ = data(20, seed=5)
    path = str(tmp_path / "model-whole.keras")
    model.save(path)
    loaded = models.load_model(path)
    assert [type(l).__name__ for l in loaded.layers] == ["Dense", "Dense"]
    assert [l.name for l in loaded.layers] == [l.name for l in model.layers]
    assert np.array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert isinstance(loaded.optimizer, optimizers.Adam)
    assert loaded.optimizer.learning_rate == pytest.approx(0.01)
    assert loaded.optimizer.iterations == 8 == model.optimizer.iterations   # 2 epochs x 4 batches
    for a, b in zip(loaded.optimizer.variables[2:], model.optimizer.variables[2:]):
        assert np.array_equal(a, b)                                        # Adam m and v
    assert loaded.evaluate(*data(), verbose=0) == pytest.approx(model.evaluate(*data(), verbose=0))


def test_training_continues_identically_after_load(tmp_path):
    # Same weights + same Adam state + same shuffling -> the same weights after one more epoch.
    model = trained_model()
    path = str(tmp_path / "m.keras")
    model.save(path)
    loaded = models.load_model(path)
    x, y = data()
    set_random_seed(7)
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    set_random_seed(7)
    loaded.fit(x, y, epochs=1, batch_size=16, verbose=0)
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        assert np.array_equal(a, b)


def test_load_model_compile_false_still_predicts(tmp_path):
    model = trained_model()
    path = str(tmp_path / "m.keras")
    model.save(path)
    loaded = models.load_model(path, compile=False)
    assert loaded.optimizer is None
    x, _ = data(5)
    assert np.array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))


def test_weights_round_trip_ignores_weightless_layers(tmp_path):
    source = make_model(dropout=True, seed=3)
    path = str(tmp_path / "model.weights.h5")
    source.save_weights(path)
    target = make_model(dropout=False, seed=4)       # no Dropout: the Dense layers still match
    target.load_weights(path)
    for a, b in zip(target.get_weights(), source.get_weights()):
        assert np.array_equal(a, b)


def test_load_weights_builds_an_unbuilt_model_from_the_file(tmp_path):
    source = make_model(seed=3)
    path = str(tmp_path / "model.weights.h5")
    source.save_weights(path)
    target = models.Sequential([layers.Dense(8, activation="relu"),
                                layers.Dense(3, activation="softmax")])
    assert not target.built
    target.load_weights(path)
    assert target.input_shape == (None, 4)
    assert np.array_equal(target.get_weights()[0], source.get_weights()[0])


def test_load_weights_from_a_whole_model_file(tmp_path):
    source = make_model(seed=3)
    path = str(tmp_path / "m.keras")
    source.save(path)
    target = make_model(seed=9)
    target.load_weights(path)
    assert np.array_equal(target.get_weights()[2], source.get_weights()[2])


def test_uncompiled_model_saves_without_compile_config(tmp_path):
    model = models.Sequential([layers.Input(shape=(2,)), layers.Dense(1)])
    path = str(tmp_path / "m.keras")
    model.save(path)
    config = json.loads(members(path)["config.json"])
    assert config["compile_config"] is None and config["optimizer"] is None
    assert models.load_model(path).optimizer is None


# ---------------------------------------------------------------------------------------------
# The documented format
# ---------------------------------------------------------------------------------------------
def test_file_format_is_the_documented_zip(tmp_path):
    model = trained_model()
    path = str(tmp_path / "m.keras")
    model.save(path)
    content = members(path)
    assert sorted(content) == ["config.json", "model.weights.npz", "optimizer.npz"]
    config = json.loads(content["config.json"].decode("utf-8"))
    assert config["format"] == "honggong-keras-zip"
    assert config["format_version"] == 1
    assert config["kind"] == "model"
    assert config["honggong_version"] == __import__("honggong").__version__
    assert config["model_config"]["class_name"] == "Sequential"
    assert config["compile_config"]["optimizer"]["class_name"] == "Adam"
    assert config["compile_config"]["loss"] == "sparse_categorical_crossentropy"
    assert config["weights"]["sha256"] == hashlib.sha256(content["model.weights.npz"]).hexdigest()
    assert config["weights"]["layers"] == [
        {"name": model.layers[0].name, "class_name": "Dense", "shapes": [[4, 8], [8]]},
        {"name": model.layers[1].name, "class_name": "Dense", "shapes": [[8, 3], [3]]}]
    assert config["optimizer"]["iterations"] == 8
    assert config["optimizer"]["sha256"] == hashlib.sha256(content["optimizer.npz"]).hexdigest()
    with np.load(io.BytesIO(content["model.weights.npz"]), allow_pickle=False) as npz:
        assert sorted(npz.files) == ["w0", "w1", "w2", "w3"]
        assert npz["w2"].dtype == np.float32
        assert np.array_equal(npz["w2"], model.get_weights()[2])


def test_same_model_gives_identical_bytes(tmp_path):
    model = make_model()
    a, b = str(tmp_path / "a.keras"), str(tmp_path / "b.keras")
    model.save(a)
    model.save(b)
    assert open(a, "rb").read() == open(b, "rb").read()


# ---------------------------------------------------------------------------------------------
# File names
# ---------------------------------------------------------------------------------------------
def test_file_name_rules(tmp_path):
    model = make_model()
    with pytest.raises(SavingError, match=r"must end in '\.weights\.h5'.*model-weights\.h5"):
        model.save_weights(str(tmp_path / "model-weights.h5"))       # the TF 2 book name
    with pytest.raises(SavingError, match=r"expected a name ending in '\.keras'"):
        model.save(str(tmp_path / "model.txt"))
    with pytest.raises(SavingError, match="save_weights"):
        model.save(str(tmp_path / "model.weights.h5"))
    with pytest.warns(UserWarning, match="legacy"):
        model.save(str(tmp_path / "model-whole.h5"))                 # accepted, like Keras
    assert models.load_model(str(tmp_path / "model-whole.h5")).count_params() == 67
    with pytest.raises(SavingError, match="File format not supported"):
        models.load_model(str(tmp_path / "model.npz"))


def test_load_model_on_a_weights_file_explains(tmp_path):
    path = str(tmp_path / "m.weights.h5")
    make_model().save_weights(path)
    os.rename(path, str(tmp_path / "m.keras"))
    with pytest.raises(SavingError, match="holds only weights"):
        models.load_model(str(tmp_path / "m.keras"))


def test_file_not_found_lists_model_files_nearby(tmp_path):
    make_model().save(str(tmp_path / "best-model.keras"))
    with pytest.raises(FileNotFoundError, match=r"best_model\.keras.*\['best-model\.keras'\]"):
        models.load_model(str(tmp_path / "best_model.keras"))


def test_overwrite_false_refuses_and_missing_folder_is_explained(tmp_path):
    model = make_model()
    path = str(tmp_path / "m.keras")
    model.save(path)
    with pytest.raises(FileExistsError, match="overwrite=False"):
        model.save(path, overwrite=False)
    with pytest.raises(FileNotFoundError, match="does not exist"):
        model.save(str(tmp_path / "nope" / "m.keras"))


# ---------------------------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------------------------
def test_failed_serialization_leaves_old_file_and_no_temp(tmp_path):
    model = make_model()
    path = str(tmp_path / "m.keras")
    model.save(path)
    before = open(path, "rb").read()
    model.layers[1].kernel = np.full((8, 3), "x", dtype=object)   # a weight that cannot be saved
    with pytest.raises(SavingError, match=r"Cannot save weight 0 of layer 'dense_\d+'.*"
                                          r"could not convert string to float.*\n해결: "):
        model.save(path)
    assert open(path, "rb").read() == before
    assert os.listdir(tmp_path) == ["m.keras"]


def test_crash_while_writing_leaves_no_partial_file(tmp_path, monkeypatch):
    model = make_model()
    path = str(tmp_path / "m.keras")
    real_writestr = zipfile.ZipFile.writestr
    calls = []

    def failing_writestr(self, info, data_, *args, **kwargs):
        calls.append(info.filename)
        if len(calls) == 2:                       # the first member is already on disk
            raise OSError("disk full (simulated)")
        return real_writestr(self, info, data_, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(OSError, match="disk full"):
        model.save(path)
    assert os.listdir(tmp_path) == []
    monkeypatch.setattr(zipfile.ZipFile, "writestr", real_writestr)
    model.save(path)
    assert os.listdir(tmp_path) == ["m.keras"]


@pytest.mark.parametrize("kind", ["save", "save_weights"])
def test_a_write_failing_midway_leaves_the_old_file_byte_identical(tmp_path, monkeypatch, kind):
    """Issue 11: every write is atomic; a failed write leaves the old file intact."""
    path = tmp_path / ("m.keras" if kind == "save" else "m.weights.h5")
    getattr(trained_model(), kind)(path)
    before = path.read_bytes()
    real_writestr = zipfile.ZipFile.writestr
    calls = []

    def failing_writestr(self, info, data_, *args, **kwargs):
        calls.append(info.filename)
        if len(calls) == 2:                       # one member written, the next one fails
            raise OSError(28, "No space left on device")
        return real_writestr(self, info, data_, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing_writestr)
    with pytest.raises(saving.ModelWriteError) as info:
        getattr(make_model(seed=5), kind)(path)
    assert calls[0] == "model.weights.npz" and len(calls) == 2
    assert str(info.value) == (f"Cannot save to {str(path)!r}: the disk is full (No space left on "
                               "device).\n해결: 디스크 공간을 비운 뒤 다시 저장하세요. 원래 파일은 그대로 있습니다.")
    assert isinstance(info.value, OSError) and isinstance(info.value, HonggongError)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [path.name]      # no temporary file left behind


def test_a_failing_rename_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "m.keras"
    trained_model().save(path)
    before = path.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", src)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SavingError, match=r"no permission to write in the folder"):
        make_model(seed=5).save(path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["m.keras"]


# ---------------------------------------------------------------------------------------------
# Issue 11 item 2: a model without weights never replaces a file that holds weights
# ---------------------------------------------------------------------------------------------
def test_saving_an_unbuilt_model_over_a_trained_file_refuses_and_keeps_it(tmp_path):
    path = tmp_path / "best-model.keras"
    trained = trained_model()
    trained.save(path)
    before = path.read_bytes()
    unbuilt = models.Sequential([layers.Dense(10)])          # the reproduction
    with pytest.raises(SavingError) as info:
        unbuilt.save(path)
    text = str(info.value)
    assert text.startswith(f"Refusing to save to {str(path)!r}: the model has no weights yet (not "
                           "built), and the file holds trained weights for 2 layers")
    assert "\n해결: " in text and "os.remove" in text
    assert path.read_bytes() == before                        # byte-identical
    np.testing.assert_array_equal(models.load_model(path).get_weights()[0],
                                  trained.get_weights()[0])


def test_save_weights_of_an_unbuilt_model_over_trained_weights_refuses(tmp_path):
    path = tmp_path / "model.weights.h5"
    trained_model().save_weights(path)
    before = path.read_bytes()
    with pytest.raises(SavingError, match=r"Refusing to save .* no weights yet"):
        models.Sequential([layers.Dense(3)]).save_weights(path)
    assert path.read_bytes() == before


def test_an_unbuilt_model_may_still_be_saved_where_no_weights_would_be_lost(tmp_path):
    unbuilt = models.Sequential([layers.Dense(10)])
    unbuilt.save(tmp_path / "new.keras")                      # a new file
    unbuilt.save(tmp_path / "new.keras")                      # over a file without weights
    (tmp_path / "notes.keras").write_text("not a model")      # nothing of ours to protect
    unbuilt.save(tmp_path / "notes.keras")
    assert models.load_model(tmp_path / "new.keras").layers[0].units == 10
    trained_model().save(tmp_path / "new.keras")              # a built model may replace it


# ---------------------------------------------------------------------------------------------
# Issue 11 item 3: saved files get the mode a plain open() gives, not the temp file's 0600
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def umask():
    def set_umask(mask):
        os.umask(mask)
    old = os.umask(0o022)
    yield set_umask
    os.umask(old)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_saved_files_respect_the_umask(tmp_path, umask, mask, mode):
    umask(mask)
    model = trained_model()
    model.save(tmp_path / "m.keras")
    model.save_weights(tmp_path / "m.weights.h5")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")                                     # what a plain open() gives
    for name in ("m.keras", "m.weights.h5", "plain.txt"):
        assert oct(os.stat(tmp_path / name).st_mode & 0o777) == oct(mode), name


def test_model_checkpoint_files_get_the_normal_mode(tmp_path, umask):
    from honggong import callbacks
    umask(0o022)
    x, y = data()
    model = make_model()
    model.fit(x, y, epochs=1, verbose=0, validation_data=(x, y),
              callbacks=[callbacks.ModelCheckpoint(str(tmp_path / "best-model.keras")),
                         callbacks.ModelCheckpoint(str(tmp_path / "best.weights.h5"),
                                                   save_weights_only=True)])
    assert os.stat(tmp_path / "best-model.keras").st_mode & 0o777 == 0o644
    assert os.stat(tmp_path / "best.weights.h5").st_mode & 0o777 == 0o644


def test_overwriting_keeps_the_existing_files_mode(tmp_path, umask):
    path = tmp_path / "m.keras"
    model = trained_model()
    model.save(path)
    os.chmod(path, 0o640)
    model.save(path)
    assert os.stat(path).st_mode & 0o777 == 0o640


# ---------------------------------------------------------------------------------------------
# Issue 11 item 9: a folder path, a path under a file, no permission: the model path and the fix
# ---------------------------------------------------------------------------------------------
def test_saving_onto_a_folder_names_the_path_and_the_fix(tmp_path):
    folder = tmp_path / "best-model.keras"
    folder.mkdir()
    with pytest.raises(SavingError) as info:
        make_model().save(folder)
    assert str(info.value) == (
        f"Cannot save to {str(folder)!r}: that path is a folder, expected a file name.\n"
        f"해결: 폴더 안의 파일 이름을 주세요. 예: {str(folder / 'model.keras')!r}")
    assert os.listdir(folder) == []                             # nothing written inside
    weights_folder = tmp_path / "w.weights.h5"
    weights_folder.mkdir()
    with pytest.raises(SavingError, match=r"that path is a folder"):
        make_model().save_weights(weights_folder)


def test_saving_under_a_file_names_the_file(tmp_path):
    (tmp_path / "models").write_text("I am a file")
    target = tmp_path / "models" / "m.keras"
    with pytest.raises(SavingError) as info:
        make_model().save(target)
    assert str(info.value).startswith(f"Cannot save to {str(target)!r}: "
                                      f"{str(tmp_path / 'models')!r} is a file, not a folder.\n해결: ")


def test_no_permission_names_the_model_path_not_the_temp_file(tmp_path, monkeypatch):
    """As root a chmod-ed folder is still writable, so the OS refusal is simulated."""
    import tempfile

    def refuse(*args, dir=None, prefix="", suffix="", **kwargs):
        raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "abc" + suffix))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    path = tmp_path / "m.keras"
    with pytest.raises(SavingError) as info:
        make_model().save(path)
    text = str(info.value)
    assert text == (f"Cannot save to {str(path)!r}: no permission to write in the folder "
                    f"{str(tmp_path)!r} (Permission denied).\n해결: 쓰기 권한이 있는 폴더에 저장하세요. "
                    "예: 현재 폴더에 model.save('m.keras'), 또는 홈 폴더 아래의 경로.")
    assert ".tmp" not in text and isinstance(info.value, OSError)
    with pytest.raises(SavingError, match=r"no permission"):
        make_model().save_weights(tmp_path / "m.weights.h5")


def test_missing_folder_and_existing_file_errors_are_honggong_errors(tmp_path):
    model = make_model()
    with pytest.raises(saving.ModelFileNotFoundError) as info:
        model.save(tmp_path / "nope" / "m.keras")
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, HonggongError)
    assert "해결: 폴더를 먼저 만드세요: os.makedirs(" in str(info.value)
    model.save(tmp_path / "m.keras")
    with pytest.raises(saving.ModelFileExistsError) as info:
        model.save(tmp_path / "m.keras", overwrite=False)
    assert isinstance(info.value, FileExistsError) and isinstance(info.value, HonggongError)
    with pytest.raises(saving.ModelFileNotFoundError):
        models.load_model(tmp_path / "other.keras")


# ---------------------------------------------------------------------------------------------
# Damaged files
# ---------------------------------------------------------------------------------------------
DAMAGED = "the file is damaged or not a honggong model"


@pytest.fixture
def saved(tmp_path):
    path = str(tmp_path / "m.keras")
    trained_model().save(path)
    return path


def test_truncated_file(saved):
    content = open(saved, "rb").read()
    for keep in (len(content) // 2, len(content) - 10, 3):
        with open(saved, "wb") as f:
            f.write(content[:keep])
        with pytest.raises(SavingError, match=DAMAGED):
            models.load_model(saved)


def test_flipped_byte_fails_the_crc(saved):
    content = bytearray(open(saved, "rb").read())
    with zipfile.ZipFile(saved) as zf:
        info = zf.getinfo("model.weights.npz")
    content[info.header_offset + 30 + len(info.filename) + 40] ^= 0xFF   # inside its data
    with open(saved, "wb") as f:
        f.write(bytes(content))
    with pytest.raises(SavingError, match=DAMAGED):
        models.load_model(saved)


def test_changed_weights_fail_the_sha256(saved):
    with np.load(io.BytesIO(members(saved)["model.weights.npz"])) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["w0"] = arrays["w0"] + 1
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    rewrite(saved, {"model.weights.npz": buf.getvalue()})
    with pytest.raises(SavingError, match=f"{DAMAGED}.*SHA-256 of model.weights.npz"):
        models.load_model(saved)


def test_pickled_arrays_are_never_loaded(saved):
    # A file crafted with an object (pickled) array and a matching digest is still refused.
    buf = io.BytesIO()
    np.savez(buf, w0=np.array([{"evil": 1}], dtype=object))
    data_ = buf.getvalue()
    config = json.loads(members(saved)["config.json"])
    config["weights"]["sha256"] = hashlib.sha256(data_).hexdigest()
    config["weights"]["layers"] = [{"name": "dense", "class_name": "Dense", "shapes": [[1]]}]
    rewrite(saved, {"model.weights.npz": data_, "config.json": json.dumps(config).encode()})
    with pytest.raises(SavingError, match=f"{DAMAGED}.*model.weights.npz cannot be read"):
        saving.read_file(saved)


@pytest.mark.parametrize("content, fragment", [
    (b"\x89HDF\r\n\x1a\n" + b"\0" * 100, "HDF5 file"),
    (b"not a zip at all", "not a complete zip"),
    (b"", "not a complete zip"),
])
def test_not_a_honggong_file(tmp_path, content, fragment):
    path = tmp_path / "m.keras"
    path.write_bytes(content)
    with pytest.raises(SavingError, match=f"{DAMAGED}: .*{fragment}"):
        models.load_model(str(path))


def test_zip_without_our_config(tmp_path):
    path = str(tmp_path / "m.keras")
    with zipfile.ZipFile(path, "w") as zf:               # what a real Keras 3 .keras holds
        zf.writestr("metadata.json", "{}")
        zf.writestr("config.json", '{"class_name": "Sequential"}')
        zf.writestr("model.weights.h5", b"\x89HDF")
    with pytest.raises(SavingError, match=f"{DAMAGED}.*honggong-keras-zip"):
        models.load_model(path)
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("other.txt", "hi")
    with pytest.raises(SavingError, match="no config.json"):
        models.load_model(path)


def test_bad_json_and_newer_format(saved):
    rewrite(saved, {"config.json": b"{not json"})
    with pytest.raises(SavingError, match="config.json is not valid JSON"):
        models.load_model(saved)
    config = {"format": "honggong-keras-zip", "format_version": 2, "kind": "model"}
    rewrite(saved, {"config.json": json.dumps(config).encode()})
    with pytest.raises(SavingError, match="format_version 2.*reads up to 1"):
        models.load_model(saved)


# ---------------------------------------------------------------------------------------------
# Loading into a different architecture
# ---------------------------------------------------------------------------------------------
def test_shape_mismatch_names_layer_and_shapes(tmp_path):
    path = str(tmp_path / "m.weights.h5")
    make_model(hidden=8).save_weights(path)
    other = make_model(hidden=5)
    name = other.layers[0].name
    with pytest.raises(SavingError, match=(
            rf"layer '{name}' \(Dense, the 1st layer with weights\): expected shapes "
            r"\[\(4, 5\), \(5,\)\], received \[\(4, 8\), \(8,\)\]")):
        other.load_weights(path)


def test_layer_count_and_kind_mismatch(tmp_path):
    path = str(tmp_path / "m.weights.h5")
    make_model().save_weights(path)
    three = models.Sequential([layers.Input(shape=(4,)), layers.Dense(8), layers.Dense(8),
                               layers.Dense(3)])
    with pytest.raises(SavingError, match="weights for 2 layers .* model has 3 layers with weights"):
        three.load_weights(path)
    bn = models.Sequential([layers.Input(shape=(4,)), layers.BatchNormalization(),
                            layers.Dense(3)])
    with pytest.raises(SavingError, match="1st layer with weights is BatchNormalization"):
        bn.load_weights(path)
    before = bn.get_weights()
    for a, b in zip(before, bn.get_weights()):      # nothing was half-loaded
        assert np.array_equal(a, b)


@pytest.mark.parametrize("make_optimizer", [
    lambda: optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True),
    lambda: optimizers.RMSprop(learning_rate=0.01),
    lambda: optimizers.Adagrad(learning_rate=0.1),
    lambda: optimizers.Nadam(learning_rate=0.01),
])
def test_every_optimizer_state_survives_a_save(tmp_path, make_optimizer):
    model = make_model()
    model.compile(optimizer=make_optimizer(),
                  loss=__import__("honggong").losses.SparseCategoricalCrossentropy(),
                  metrics=["accuracy"])
    x, y = data()
    set_random_seed(1)
    model.fit(x, y, epochs=1, batch_size=16, verbose=0)
    path = str(tmp_path / "m.keras")
    model.save(path)
    loaded = models.load_model(path)
    assert type(loaded.optimizer) is type(model.optimizer)
    assert loaded.optimizer.get_config() == model.optimizer.get_config()
    assert type(loaded.loss).__name__ == "SparseCategoricalCrossentropy"
    for m in (model, loaded):
        set_random_seed(2)
        m.fit(x, y, epochs=1, batch_size=16, verbose=0)
    for a, b in zip(model.get_weights(), loaded.get_weights()):
        assert np.array_equal(a, b)


def test_load_model_keras_keywords(saved):
    assert models.load_model(saved, safe_mode=True, custom_objects=None).count_params() == 67
    with pytest.raises(SavingError, match="custom_objects are not supported"):
        models.load_model(saved, custom_objects={"MyLayer": object})
