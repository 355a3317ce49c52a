"""Tests of honggong.datasets: real Fashion-MNIST, checksums, lookup order, atomic writes, IDX, synthetic."""
import gzip
import hashlib
import io
import urllib.error
import warnings
from pathlib import Path

import numpy as np
import pytest

from honggong.checks import HonggongWarning
from honggong.datasets import (DatasetError, DatasetFileError, DatasetNotFoundError, _fetch, _idx,
                               fashion_mnist, mnist, regression, synthetic)

DEBIAN = Path("/usr/share/datasets/fashion-mnist")
FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]


def blocked_urlopen(url, timeout=None):
    raise urllib.error.URLError(f"network blocked in tests ({url})")


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Every lookup place points to an empty temp folder and the network is blocked."""
    places = {name: tmp_path / name for name in ("data", "repo_cache", "debian", "xdg", "home")}
    for folder in places.values():
        folder.mkdir()
    monkeypatch.setenv("HONGGONG_DATA", str(places["data"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(places["xdg"]))
    monkeypatch.setenv("HOME", str(places["home"]))
    monkeypatch.setattr(_fetch, "REPO_CACHE", places["repo_cache"])
    monkeypatch.setattr(_fetch, "SYSTEM_DIRS", {
        "fashion_mnist": [("Debian package dataset-fashion-mnist", places["debian"])]})
    monkeypatch.setattr(_fetch, "urlopen", blocked_urlopen)
    return places


def link_debian_files(folder, skip=()):
    """Symlink the real Debian .gz files into ``folder`` (cheap: no 26 MB copies)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        if name not in skip:
            (folder / f"{name}.gz").symlink_to(DEBIAN / f"{name}.gz")


def no_temp_leftovers(folder):
    return [p.name for p in Path(folder).rglob("*") if p.name.endswith(".part")] == []


# ------------------------------------------------------------------------------------ real data
def test_fashion_mnist_real_load_matches_reference_numbers():
    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
    assert (x_train.shape, y_train.shape, x_test.shape, y_test.shape) == (
        (60000, 28, 28), (60000,), (10000, 28, 28), (10000,))
    assert {a.dtype for a in (x_train, y_train, x_test, y_test)} == {np.dtype(np.uint8)}
    assert np.bincount(y_train).tolist() == [6000] * 10
    assert np.bincount(y_test).tolist() == [1000] * 10
    # Reference numbers computed once from the Debian files with gzip + np.frombuffer (16/8-byte headers).
    assert int(x_train.sum(dtype=np.int64)) == 3431114169
    assert int(x_test.sum(dtype=np.int64)) == 573469082
    assert [int(x_train[i].sum()) for i in (0, 1, 59999)] == [76247, 84598, 16684]
    assert [int(x_test[i].sum()) for i in (0, 9999)] == [33456, 24390]
    assert y_train[:10].tolist() == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5]
    assert y_test[:10].tolist() == [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]
    assert x_train[0, 10, 13:17].tolist() == [193, 228, 218, 213]
    assert x_train.flags.writeable  # learners may edit a copy in place without a confusing error


def test_class_names_follow_keras_and_the_book():
    assert fashion_mnist.CLASS_NAMES_EN == ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
    assert fashion_mnist.CLASS_NAMES_KO == ["티셔츠", "바지", "스웨터", "드레스", "코트",
                                            "샌달", "셔츠", "스니커즈", "가방", "앵클 부츠"]


def test_registry_checksums_match_the_debian_files_decompressed():
    entries = _fetch.spec("fashion_mnist")["files"]
    for entry in entries.values():
        data = gzip.decompress((DEBIAN / (entry["filename"] + ".gz")).read_bytes())
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"])


# ------------------------------------------------------------------------------------ lookup order
def test_system_package_is_used_and_a_decompressed_copy_is_cached(isolated):
    link_debian_files(isolated["debian"])
    (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
    assert int(x_test.sum(dtype=np.int64)) == 573469082
    cached = sorted(p.name for p in (isolated["repo_cache"] / "fashion_mnist").iterdir())
    assert cached == sorted(FILES)
    labels = (isolated["repo_cache"] / "fashion_mnist" / "t10k-labels-idx1-ubyte").read_bytes()
    assert hashlib.sha256(labels).hexdigest() == _fetch.spec("fashion_mnist")["files"]["y_test"]["sha256"]
    assert no_temp_leftovers(isolated["repo_cache"])


def test_honggong_data_comes_before_the_system_package(isolated, monkeypatch):
    link_debian_files(isolated["data"] / "fashion_mnist")
    # A complete but corrupt set in the later place must not be read at all.
    link_debian_files(isolated["debian"], skip=["train-labels-idx1-ubyte"])
    (isolated["debian"] / "train-labels-idx1-ubyte").write_bytes(b"junk")
    (x_train, y_train), _ = fashion_mnist.load_data()
    assert y_train[:3].tolist() == [9, 0, 0]
    assert list((isolated["repo_cache"]).iterdir()) == []  # nothing cached from $HONGGONG_DATA


def test_user_cache_follows_xdg_then_home(isolated, monkeypatch):
    assert _fetch.user_cache_dir("mnist") == isolated["xdg"] / "honggong" / "mnist"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert _fetch.user_cache_dir("mnist") == isolated["home"] / ".cache" / "honggong" / "mnist"


def test_explicit_path_is_the_only_place_used(isolated, tmp_path):
    link_debian_files(isolated["debian"])
    with pytest.raises(DatasetNotFoundError) as err:
        fashion_mnist.load_data(path=tmp_path / "elsewhere")
    message = str(err.value)
    assert "path argument" in message and "elsewhere" in message and "no such folder" in message
    assert "Debian" not in message.split("해결:")[0]


def test_missing_everywhere_lists_every_place_tried_and_how_to_fix(isolated):
    (isolated["xdg"] / "honggong" / "fashion_mnist").mkdir(parents=True)
    (isolated["xdg"] / "honggong" / "fashion_mnist" / "t10k-labels-idx1-ubyte.gz").write_bytes(b"x")
    with pytest.raises(DatasetNotFoundError) as err:
        fashion_mnist.load_data()
    message = str(err.value)
    for expected in [str(isolated["data"] / "fashion_mnist"), str(isolated["repo_cache"] / "fashion_mnist"),
                     "Debian package dataset-fashion-mnist", str(isolated["debian"]),
                     str(isolated["xdg"] / "honggong" / "fashion_mnist"), "found 1 of 4 files",
                     "network blocked in tests", "sudo apt-get install dataset-fashion-mnist",
                     "https://storage.googleapis.com/tensorflow/tf-keras-datasets/train-images-idx3-ubyte.gz"]:
        assert expected in message, expected
    # Places are numbered in lookup order: HONGGONG_DATA, repo cache, Debian, user cache, downloads.
    order = [message.index(s) for s in ("$HONGGONG_DATA", "repository cache", "Debian package",
                                        "per-user cache", "download from")]
    assert order == sorted(order)
    assert isinstance(err.value, FileNotFoundError) and isinstance(err.value, ValueError)
    assert no_temp_leftovers(isolated["xdg"])


def test_unreachable_loopback_mirror_is_reported(isolated, monkeypatch):
    monkeypatch.setattr(_fetch, "urlopen", _fetch.urllib.request.urlopen)
    with pytest.raises(DatasetNotFoundError) as err:
        _fetch.load_arrays("fashion_mnist", mirrors=["http://127.0.0.1:9/"], progress=None)
    for name in FILES:    # every URL tried, each with its reason
        assert f"download from http://127.0.0.1:9/{name}.gz -> could not connect (URLError:" in str(err.value)
    assert list((isolated["xdg"]).rglob("*.gz")) == []


def test_download_fills_the_user_cache_atomically(isolated, monkeypatch):
    monkeypatch.setattr(_fetch, "urlopen", _fetch.urllib.request.urlopen)  # file:// URLs only: no network
    progress = io.StringIO()
    arrays = _fetch.load_arrays("fashion_mnist", mirrors=[DEBIAN.as_uri() + "/"], progress=progress)
    assert int(arrays["x_test"].sum(dtype=np.int64)) == 573469082
    user = isolated["xdg"] / "honggong" / "fashion_mnist"
    assert sorted(p.name for p in user.iterdir()) == sorted(f + ".gz" for f in FILES)
    assert sorted(p.name for p in (isolated["repo_cache"] / "fashion_mnist").iterdir()) == sorted(FILES)
    assert "100.0%" in progress.getvalue() and "26.4/26.4 MB" in progress.getvalue()
    assert no_temp_leftovers(isolated["xdg"]) and no_temp_leftovers(isolated["repo_cache"])


# ------------------------------------------------------------------------------------ corrupt files
def test_checksum_mismatch_names_file_and_both_checksums(tmp_path):
    link_debian_files(tmp_path, skip=["train-labels-idx1-ubyte"])
    labels = bytearray(gzip.decompress((DEBIAN / "train-labels-idx1-ubyte.gz").read_bytes()))
    labels[100] = (labels[100] + 1) % 10  # one wrong label, same size
    (tmp_path / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(bytes(labels)))
    with pytest.raises(DatasetFileError) as err:
        fashion_mnist.load_data(path=tmp_path)
    message = str(err.value)
    assert str(tmp_path / "train-labels-idx1-ubyte.gz") in message
    assert "expected bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9" in message
    assert f"received {hashlib.sha256(bytes(labels)).hexdigest()}" in message
    assert "지우고" in message


def test_truncated_gzip_is_a_clear_error(tmp_path):
    link_debian_files(tmp_path, skip=["train-labels-idx1-ubyte"])
    whole = (DEBIAN / "train-labels-idx1-ubyte.gz").read_bytes()
    (tmp_path / "train-labels-idx1-ubyte.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DatasetFileError) as err:
        fashion_mnist.load_data(path=tmp_path)
    assert str(tmp_path / "train-labels-idx1-ubyte.gz") in str(err.value)
    assert "EOFError" in str(err.value) and "truncated" in str(err.value)


def test_wrong_size_of_a_decompressed_file(tmp_path):
    link_debian_files(tmp_path, skip=["train-labels-idx1-ubyte"])
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(bytes(8 + 59000))
    with pytest.raises(DatasetFileError, match=r"expected 60,008 bytes of decompressed content, received 59,008"):
        fashion_mnist.load_data(path=tmp_path)


# ------------------------------------------------------------------------------------ atomic writes
def test_atomic_write_leaves_nothing_half_written(tmp_path):
    dest = tmp_path / "out.bin"
    _fetch.atomic_write(dest, [b"abc", b"def"])
    assert dest.read_bytes() == b"abcdef"

    def failing_chunks():
        yield b"new"
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        _fetch.atomic_write(dest, failing_chunks())
    assert dest.read_bytes() == b"abcdef"  # the old complete file is still there
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def tiny_entry(content, filename="tiny"):
    return {"filename": filename, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def test_download_verifies_before_renaming(tmp_path):
    content = _idx.idx_bytes(np.arange(12, dtype=np.uint8).reshape(3, 4))
    served = tmp_path / "served"
    served.mkdir()
    (served / "good.gz").write_bytes(gzip.compress(content))
    (served / "cut.gz").write_bytes(gzip.compress(content)[:-6])
    cache = tmp_path / "cache"
    progress = io.StringIO()
    _fetch.download((served / "good.gz").as_uri(), cache / "tiny.gz", tiny_entry(content), progress=progress)
    assert gzip.decompress((cache / "tiny.gz").read_bytes()) == content
    assert "100.0%" in progress.getvalue()

    wrong = dict(tiny_entry(content), sha256="0" * 64)
    with pytest.raises(DatasetFileError, match="expected 0{64}, received " + tiny_entry(content)["sha256"]):
        _fetch.download((served / "good.gz").as_uri(), cache / "other.gz", wrong, progress=None)
    with pytest.raises(DatasetFileError, match="cut.gz"):
        _fetch.download((served / "cut.gz").as_uri(), cache / "cut.gz", tiny_entry(content), progress=None)
    assert sorted(p.name for p in cache.iterdir()) == ["tiny.gz"]  # no .part files, no bad files


# ------------------------------------------------------------------------------------ IDX parser
def test_idx_bytes_written_by_hand_parse_to_the_array():
    # magic 00 00, dtype 08 (uint8), ndim 02, dims 2 and 3 (big-endian int32), then 6 values row-major
    data = bytes([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6])
    array = _idx.parse_idx(data)
    assert array.dtype == np.uint8 and array.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert _idx.idx_bytes(array) == data


def test_idx_parser_returns_a_writable_view_of_a_bytearray():
    data = bytearray(_idx.idx_bytes(np.array([7, 8, 9], dtype=np.uint8)))
    array = _idx.parse_idx(data)
    array[0] = 1
    assert data[-3:] == bytearray([1, 8, 9])


@pytest.mark.parametrize("data, fragment", [
    (b"\x01\x00\x08\x01\x00\x00\x00\x01\x05", "expected the first two bytes 0x00 0x00"),
    (b"\x00\x00\x0d\x01\x00\x00\x00\x01\x05", "expected IDX dtype code 0x08 (uint8), received 0x0d"),
    (b"\x00\x00\x08\x03\x00\x00", "expected at least 16 bytes, received 6"),
    (b"\x00\x00\x08\x01\x00\x00\x00\x04\x05", "shape (4,), so the file should be 12 bytes, but it has 9"),
])
def test_idx_parser_rejects_bad_files(data, fragment):
    with pytest.raises(DatasetFileError) as err:
        _idx.parse_idx(data, name="bad.idx")
    assert fragment in str(err.value) and "bad.idx" in str(err.value)


def test_tiny_dataset_prefers_decompressed_files(tmp_path, monkeypatch):
    arrays = {"x_train": np.arange(8, dtype=np.uint8).reshape(2, 2, 2), "y_train": np.array([1, 0], np.uint8)}
    files = {k: _idx.idx_bytes(a) for k, a in arrays.items()}
    info = {"title": "Tiny", "files": {k: tiny_entry(b, f"tiny-{k}") for k, b in files.items()}}
    monkeypatch.setattr(_fetch, "spec", lambda name: info)
    (tmp_path / "tiny-x_train").write_bytes(files["x_train"])
    (tmp_path / "tiny-x_train.gz").write_bytes(b"not gzip at all")  # ignored: the plain file wins
    (tmp_path / "tiny-y_train.gz").write_bytes(gzip.compress(files["y_train"]))
    loaded = _fetch.load_arrays("tiny", tmp_path)
    assert loaded["x_train"].tolist() == arrays["x_train"].tolist()
    assert loaded["y_train"].tolist() == [1, 0]


# ------------------------------------------------------------------------------------ MNIST
def fake_mnist_arrays():
    rng = np.random.default_rng(1)
    return {"x_train": rng.integers(0, 256, (60000, 28, 28), dtype=np.uint8),
            "y_train": (np.arange(60000) % 10).astype(np.uint8),
            "x_test": np.zeros((10000, 28, 28), np.uint8),
            "y_test": (np.arange(10000) % 10).astype(np.uint8)}


def test_mnist_from_idx_folder_and_from_npz(tmp_path):
    arrays = fake_mnist_arrays()
    for key, name in zip(["x_train", "y_train", "x_test", "y_test"], FILES):
        (tmp_path / name).write_bytes(_idx.idx_bytes(arrays[key]))
    (x_train, y_train), (x_test, y_test) = mnist.load_data(path=tmp_path)
    assert np.array_equal(x_train, arrays["x_train"]) and y_test[:12].tolist() == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]

    np.savez(tmp_path / "mine.npz", **arrays)
    (x_train, y_train), _ = mnist.load_npz(tmp_path / "mine.npz", sha256="")
    assert np.array_equal(x_train, arrays["x_train"]) and y_train.dtype == np.uint8
    with pytest.raises(DatasetFileError, match="expected 731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"):
        mnist.load_data(path=tmp_path / "mine.npz")


def test_mnist_npz_with_wrong_shape_is_rejected(tmp_path):
    arrays = fake_mnist_arrays()
    arrays["y_test"] = arrays["y_test"][:5]
    np.savez(tmp_path / "mnist.npz", **arrays)
    with pytest.raises(DatasetFileError, match=r"expected y_test to be uint8 \(10000,\), received uint8 \(5,\)"):
        mnist.load_npz(tmp_path / "mnist.npz", sha256="")


def test_mnist_missing_lists_places(isolated):
    with pytest.raises(DatasetNotFoundError) as err:
        mnist.load_data()
    message = str(err.value)
    assert str(isolated["data"] / "mnist") in message and str(isolated["repo_cache"] / "mnist") in message
    assert "https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz" in message


# ------------------------------------------------------------------------------------ synthetic
@pytest.mark.parametrize("make, x_shape, counts", [
    (lambda seed: synthetic.spirals(seed=seed), (300, 2), [100, 100, 100]),
    (lambda seed: synthetic.moons(seed=seed), (200, 2), [100, 100]),
    (lambda seed: synthetic.blobs(seed=seed), (300, 2), [100, 100, 100]),
    (lambda seed: synthetic.spirals(n_per_class=7, n_classes=4, seed=seed), (28, 2), [7, 7, 7, 7]),
    (lambda seed: synthetic.moons(n=11, seed=seed), (11, 2), [6, 5]),
    (lambda seed: synthetic.blobs(n=10, centers=4, seed=seed), (10, 2), [3, 3, 2, 2]),
])
def test_classification_sets_are_deterministic_and_shaped(make, x_shape, counts):
    x, y = make(0)
    x_again, y_again = make(0)
    x_other, _ = make(1)
    assert x.shape == x_shape and x.dtype == np.float32 and y.dtype == np.int64
    assert np.bincount(y).tolist() == counts
    assert np.array_equal(x, x_again) and np.array_equal(y, y_again)
    assert not np.array_equal(x, x_other)
    assert y[: len(y) // 2].tolist() != sorted(y[: len(y) // 2].tolist()) or len(set(y)) == 1  # shuffled


def test_synthetic_geometry_without_noise():
    x, y = synthetic.moons(n=10, noise=0.0)
    upper = x[y == 0]
    assert np.allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0, atol=1e-6)  # (cos t, sin t) on the unit circle
    lower = x[y == 1]
    assert np.allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0, atol=1e-6)

    x, y = synthetic.blobs(n=6, centers=3, std=0.0)
    # centres 5 (cos(2 pi k/3 + pi/2), sin(...)): k=0 -> (0, 5), k=1 -> (-4.330127, -2.5), k=2 -> (4.330127, -2.5)
    expected = {0: [0.0, 5.0], 1: [-4.330127, -2.5], 2: [4.330127, -2.5]}
    for point, label in zip(x, y):
        assert np.allclose(point, expected[int(label)], atol=1e-5)

    x, y = synthetic.spirals(n_per_class=5, n_classes=2, noise=0.0)
    radius = np.sort(np.hypot(x[y == 1, 0], x[y == 1, 1]))
    assert np.allclose(radius, [0.0, 0.25, 0.5, 0.75, 1.0], atol=1e-6)


def test_regression1d_is_a_noisy_sine():
    x, y = synthetic.regression1d(n=50, noise=0.0, seed=3)
    assert x.shape == (50, 1) and y.shape == (50,) and x.dtype == y.dtype == np.float32
    assert np.allclose(y, np.sin(np.pi * x[:, 0]), atol=1e-6)
    assert x.min() >= -1.0 and x.max() <= 1.0
    x2, y2 = synthetic.regression1d(n=50, noise=0.1, seed=3)
    assert np.array_equal(x, x2) and 0.05 < float(np.std(y2 - y)) < 0.15


@pytest.mark.parametrize("call, fragment", [
    (lambda: synthetic.spirals(n_classes=1), "n_classes must be an integer >= 2, received 1"),
    (lambda: synthetic.moons(n=2.5), "n must be an integer >= 2, received 2.5"),
    (lambda: synthetic.blobs(std=-1.0), "std must be a number >= 0, received -1.0"),
    (lambda: synthetic.blobs(centers=[[0, 0, 0]]), "array of shape (k, 2), received shape (1, 3)"),
])
def test_synthetic_bad_arguments(call, fragment):
    with pytest.raises(DatasetError) as err:
        call()
    assert fragment in str(err.value)


# ------------------------------------------------------------------------------------ regression
def test_diabetes_split_shapes_and_values():
    (x_train, y_train), (x_test, y_test) = regression.load_diabetes()
    assert (x_train.shape, y_train.shape, x_test.shape, y_test.shape) == ((354, 10), (354,), (88, 10), (88,))
    assert x_train.dtype == y_train.dtype == np.float32
    # file row 0 -> train[0]; file row 4 (i % 5 == 4) -> test[0]
    assert np.allclose(x_train[0], [59, 2, 32.1, 101.0, 157, 93.2, 38.0, 4.0, 4.8598, 87])
    assert np.allclose(x_test[0], [50, 1, 23.0, 101.0, 192, 125.4, 52.0, 4.0, 4.2905, 80])
    assert (y_train[0], y_test[0]) == (151.0, 135.0)
    assert (float(y_train.sum()), float(y_test.sum())) == (53768.0, 13475.0)
    assert regression.FEATURE_NAMES[2] == "bmi"


def test_diabetes_checksum_is_verified(tmp_path):
    original = _fetch.package_file("diabetes.csv").read_bytes()
    assert hashlib.sha256(original).hexdigest() == _fetch.spec("diabetes")["files"]["table"]["sha256"]
    changed = original.replace(b"59,2,32.1", b"58,2,32.1", 1)
    (tmp_path / "diabetes.csv").write_bytes(changed)
    with pytest.raises(DatasetFileError, match="SHA-256 checksum mismatch: expected 7dae9500"):
        regression.load_diabetes(path=tmp_path / "diabetes.csv")


def test_unknown_dataset_name_lists_known_ones():
    with pytest.raises(DatasetError, match=r"Expected one of: fashion_mnist, mnist, diabetes, received 'cifar10'\.\n해결:"):
        _fetch.spec("cifar10")


# ------------------------------------------------------------------------------------ package data
def test_registry_and_table_are_package_data_not_repository_files():
    package = Path(__file__).resolve().parent.parent / "honggong" / "datasets" / "data"
    assert _fetch.REGISTRY_PATH == package / "registry.json"
    assert _fetch.package_file("diabetes.csv") == package / "diabetes.csv"
    assert _fetch.REPO_CACHE == package.parents[2] / "datasets" / "cache"    # running from the checkout


def test_checkout_detection_never_uses_site_packages(tmp_path, monkeypatch):
    fake = tmp_path / "site-packages" / "honggong" / "datasets" / "_fetch.py"
    fake.parent.mkdir(parents=True)
    (tmp_path / "site-packages" / "pyproject.toml").write_text("")
    (tmp_path / "site-packages" / "datasets").mkdir()
    (tmp_path / "site-packages" / "datasets" / "README.md").write_text("")
    monkeypatch.setattr(_fetch, "__file__", str(fake))
    assert _fetch._checkout_root() is None


def test_package_without_its_data_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(_fetch, "REGISTRY_PATH", tmp_path / "registry.json")
    with pytest.raises(DatasetError) as err:
        fashion_mnist.load_data()
    text = str(err.value)
    assert "installed without its data files" in text and str(tmp_path / "registry.json") in text
    assert text.splitlines()[-1].startswith("해결: ") and "--force-reinstall" in text


def test_quiz_banks_missing_from_an_install_says_so(monkeypatch, tmp_path):
    from honggong.quiz import bank
    monkeypatch.setattr(bank.resources, "files", lambda package: tmp_path)
    with pytest.raises(bank.QuizBankError, match=r"installed without its quiz banks(.|\n)*\n해결: .*--force-reinstall"):
        bank.chapters()


# ------------------------------------------------------------------------------------ issue 11 item 11
def test_damaged_cache_file_is_replaced_from_the_intact_system_copy(isolated):
    link_debian_files(isolated["debian"])
    fashion_mnist.load_data()                                   # fills the repo cache
    cached = isolated["repo_cache"] / "fashion_mnist" / "t10k-labels-idx1-ubyte"
    good = cached.read_bytes()
    cached.write_bytes(good[:5000])                             # e.g. a full disk cut it short
    with pytest.warns(HonggongWarning) as caught:
        (_, _), (x_test, y_test) = fashion_mnist.load_data()
    assert int(x_test.sum(dtype=np.int64)) == 573469082 and y_test[:3].tolist() == [9, 2, 1]
    text = str(caught[0].message)
    assert f"The cached file {cached} was damaged" in text and "expected 10,008 bytes" in text
    assert "Debian package dataset-fashion-mnist" in text and text.splitlines()[-1].startswith("해결: ")
    assert cached.read_bytes() == good                          # replaced atomically by the intact copy
    assert no_temp_leftovers(isolated["repo_cache"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fashion_mnist.load_data()                               # repaired: no warning the next time


def test_damaged_cache_without_an_intact_source_is_a_clear_error(isolated):
    cache = isolated["repo_cache"] / "fashion_mnist"
    link_debian_files(cache)
    (cache / "train-labels-idx1-ubyte.gz").unlink()
    (cache / "train-labels-idx1-ubyte.gz").write_bytes(b"\x1f\x8b broken")
    with pytest.raises(DatasetNotFoundError) as err:
        fashion_mnist.load_data()
    text = str(err.value)
    assert f"repository cache: {cache} -> damaged: {cache / 'train-labels-idx1-ubyte.gz'}" in text
    assert "network blocked in tests" in text and text.splitlines()[-1].startswith("해결: ")


def test_damaged_file_the_learner_put_in_place_is_an_error_not_replaced(isolated):
    folder = isolated["data"] / "fashion_mnist"
    link_debian_files(folder, skip=["t10k-labels-idx1-ubyte"])
    (folder / "t10k-labels-idx1-ubyte").write_bytes(b"junk")
    link_debian_files(isolated["debian"])
    with pytest.raises(DatasetFileError, match="expected 10,008 bytes"):
        fashion_mnist.load_data()
    assert (folder / "t10k-labels-idx1-ubyte").read_bytes() == b"junk"
