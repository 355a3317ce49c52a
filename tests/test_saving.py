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
    with pytest.raises(ValueError, match="could not convert string to float"):
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
