"""Find, verify, cache and (as a last resort) download the files of a dataset.

The checksums live in the repository's ``datasets/registry.json``: for every file the size and the
SHA-256 of its DECOMPRESSED content (different mirrors compress differently, the content is the same).

Lookup order for ``load(name, path=None)`` — the first place that has every file wins:

1. ``path`` given by the caller: only that folder is used (no fallback), so you know what you load.
2. ``$HONGGONG_DATA/<name>/``, then ``$HONGGONG_DATA/`` itself.
3. The repository's ``datasets/cache/<name>/`` (skipped when honggong is installed outside the repo).
4. A system package, e.g. Debian's ``dataset-fashion-mnist`` in ``/usr/share/datasets/fashion-mnist/``.
5. The per-user cache ``$XDG_CACHE_HOME/honggong/<name>/`` (default ``~/.cache/honggong/<name>/``).
6. A download from the official mirrors into the per-user cache (progress bar, temp file + os.replace).

In every folder a file may be stored decompressed (``train-images-idx3-ubyte``, fast) or gzip-compressed
(``train-images-idx3-ubyte.gz``). After a verified load from steps 4 or 6 a decompressed copy is written
(atomically) into the cache of step 3 (or 5), so the next load skips gzip: about 10x faster.
"""
import functools
import gzip
import hashlib
import json
import os
import sys
import tempfile
import urllib.request
import zlib
from pathlib import Path

from ._errors import DatasetError, DatasetFileError, DatasetNotFoundError
from ._idx import parse_idx

REPO_ROOT = Path(__file__).resolve().parents[2]
REGISTRY_PATH = REPO_ROOT / "datasets" / "registry.json"
# The repo cache is used only when this package sits inside the repository (editable install).
REPO_CACHE = REPO_ROOT / "datasets" / "cache" if REGISTRY_PATH.is_file() else None

# Folders that system packages install datasets into (name -> [(label, folder)]).
SYSTEM_DIRS = {
    "fashion_mnist": [
        ("Debian package dataset-fashion-mnist", Path("/usr/share/datasets/fashion-mnist")),
    ],
}

CHUNK = 1 << 20  # download block size: 1 MiB

# The function that opens download URLs; tests replace it to block the network.
urlopen = urllib.request.urlopen


# ---------------------------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _read_registry(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def registry():
    """The parsed ``datasets/registry.json`` (dataset name -> description, files, checksums)."""
    if not REGISTRY_PATH.is_file():
        raise DatasetError(
            f"expected the dataset registry at {REGISTRY_PATH}, but it does not exist.\n"
            "힌트: honggong의 데이터셋 기능은 저장소(git clone) 안에서 설치(pip install -e .)했을 때 동작합니다."
        )
    return _read_registry(str(REGISTRY_PATH))


def spec(name):
    """Registry entry of one dataset; unknown names give an error listing the known ones."""
    entries = registry()
    if name not in entries or name.startswith("_"):
        known = ", ".join(k for k in entries if not k.startswith("_"))
        raise DatasetError(f"unknown dataset {name!r}; expected one of: {known}.")
    return entries[name]


def user_cache_dir(name):
    """``$XDG_CACHE_HOME/honggong/<name>`` or ``~/.cache/honggong/<name>``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "honggong" / name


def candidate_dirs(name, path=None):
    """The folders to search, in order, as ``(label, Path or None)``; None means 'not set'."""
    if path is not None:
        return [("path argument", Path(path).expanduser())]
    places = []
    env = os.environ.get("HONGGONG_DATA")
    if env:
        places += [("$HONGGONG_DATA", Path(env).expanduser() / name), ("$HONGGONG_DATA", Path(env).expanduser())]
    else:
        places.append(("$HONGGONG_DATA", None))
    if REPO_CACHE is not None:
        places.append(("repository cache", REPO_CACHE / name))
    places += SYSTEM_DIRS.get(name, [])
    places.append(("per-user cache", user_cache_dir(name)))
    return places


# ---------------------------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------------------------
def check_content(data, entry, source):
    """Compare decompressed bytes with the registry: size first (cheap, clear), then SHA-256.

    ``entry`` is ``{"filename", "size", "sha256"}``; ``sha256`` may be null for files whose checksum
    could not be verified when the registry was written (then only the size is checked).
    """
    size = len(data)
    if size != entry["size"]:
        raise DatasetFileError(
            f"{source}: expected {entry['size']:,} bytes of decompressed content, received {size:,} "
            f"(the file is truncated or not the right file).\n{_fix_hint(source)}"
        )
    expected = entry.get("sha256")
    if expected:
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            raise DatasetFileError(
                f"{source}: SHA-256 checksum mismatch: expected {expected}, received {actual}. "
                f"The file is corrupt or was changed.\n{_fix_hint(source)}"
            )


def _fix_hint(source):
    """What to do about a bad file, in Korean (a system package is reinstalled, not deleted)."""
    if str(source).startswith("/usr/share/datasets/"):
        return "해결: `sudo apt-get install --reinstall dataset-fashion-mnist`로 패키지를 다시 설치하세요."
    return f"해결: 이 파일({source})을 지우고 다시 불러오세요. 다시 내려받거나 다른 곳의 사본을 씁니다."


def read_content(path, entry, gz=None, source=None):
    """Read one file (``.gz`` or plain) into a writable bytearray and verify it against ``entry``.

    ``gz=None`` decides from the file name; the buffer is allocated once with the registry size and
    filled in place (``readinto``), so numpy can use it without a copy.
    """
    path = Path(path)
    source = source or path
    size = entry["size"]
    buffer = bytearray(size)
    if gz is None:
        gz = path.suffix == ".gz"
    try:
        if gz:
            with gzip.open(path, "rb") as f:
                n = f.readinto(buffer)
                extra = f.read(1)
        else:
            with open(path, "rb") as f:
                n = f.readinto(buffer)
                extra = f.read(1)
    except (EOFError, OSError, zlib.error) as exc:
        raise DatasetFileError(
            f"{source}: could not decompress/read the file ({type(exc).__name__}: {exc}). "
            f"A truncated download or a damaged gzip file looks like this.\n{_fix_hint(source)}"
        ) from exc
    if extra:
        raise DatasetFileError(
            f"{source}: expected {size:,} bytes of decompressed content, received more.\n{_fix_hint(source)}"
        )
    check_content(memoryview(buffer)[:n], entry, source)
    return buffer


# ---------------------------------------------------------------------------------------------
# atomic writes and downloads
# ---------------------------------------------------------------------------------------------
def _temp_file(dest):
    """A new temp file ``.<name>.XXXX.part`` beside ``dest``, readable like a normal file (0644 & umask)."""
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".part")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return fd, tmp


def atomic_write(dest, chunks):
    """Write an iterable of byte chunks to ``dest`` via a temp file in the same folder + os.replace.

    Readers never see a half-written file: either the old file (or none) or the complete new one.
    On any error the temp file is removed and the error is raised again.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(dest)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise
    return dest


def _progress(label, done, total, out):
    if out is None:
        return
    if total:
        frac = done / total
        bar = "#" * int(30 * frac)
        out.write(f"\r{label} [{bar:<30}] {100 * frac:5.1f}% {done / 1e6:.1f}/{total / 1e6:.1f} MB")
    else:
        out.write(f"\r{label} {done / 1e6:.1f} MB")
    out.flush()


def download(url, dest, entry, *, timeout=30, progress=sys.stderr, opener=None):
    """Download ``url`` (a ``.gz`` file) to ``dest`` atomically, verifying the decompressed content.

    The bytes go to a temp file next to ``dest``; only after the checksum matches is it renamed to
    ``dest``. ``opener`` defaults to the module attribute ``urlopen`` (replaceable, e.g. in tests).
    """
    opener = opener or urlopen
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(dest)
    try:
        with os.fdopen(fd, "wb") as f, opener(url, timeout=timeout) as response:
            total = int(response.headers.get("Content-Length") or 0) if hasattr(response, "headers") else 0
            done = 0
            while True:
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                f.write(chunk)
                done += len(chunk)
                _progress(dest.name, done, total, progress)
        if progress is not None:
            progress.write("\n")
        read_content(tmp, entry, gz=dest.suffix == ".gz", source=url)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return dest



# ---------------------------------------------------------------------------------------------
# lookup
# ---------------------------------------------------------------------------------------------
def find_files(folder, entries):
    """Paths of every file of the dataset in ``folder`` (decompressed preferred), or a reason why not.

    Returns ``(paths, reason)``: ``paths`` is a dict key -> Path when all files are there, else None.
    """
    if folder is None:
        return None, "not set"
    if folder.is_file():
        return None, "is a file; expected a folder that holds the files"
    if not folder.is_dir():
        return None, "no such folder"
    paths, missing = {}, []
    for key, entry in entries.items():
        for candidate in (folder / entry["filename"], folder / (entry["filename"] + ".gz")):
            if candidate.is_file():
                paths[key] = candidate
                break
        else:
            missing.append(entry["filename"] + "(.gz)")
    if missing:
        found = len(entries) - len(missing)
        return None, f"found {found} of {len(entries)} files, missing: {', '.join(missing)}"
    return paths, None


def cache_dir(name):
    """Where decompressed copies and downloads go: the repo cache if available, else the user cache."""
    return REPO_CACHE / name if REPO_CACHE is not None else user_cache_dir(name)


def load_arrays(name, path=None, *, mirrors=None, opener=None, progress=sys.stderr):
    """Locate (see the module docstring for the order), verify and parse an IDX dataset.

    Returns a dict key -> uint8 array for the registry's file keys (``x_train``, ``y_train``, ...).
    ``mirrors`` (list of base URLs) and ``opener`` replace the registry's mirrors / urlopen (tests).
    """
    info = spec(name)
    entries = info["files"]
    tried = []
    for label, folder in candidate_dirs(name, path):
        paths, reason = find_files(folder, entries)
        if paths is None:
            tried.append(f"{label}: {folder if folder is not None else ''} -> {reason}")
            continue
        contents = {key: read_content(p, entries[key]) for key, p in paths.items()}
        arrays = {key: parse_idx(contents[key], paths[key]) for key in paths}
        from_system_package = any(folder == d for _, d in SYSTEM_DIRS.get(name, []))
        if path is None and from_system_package:
            _save_decompressed(name, paths, contents, entries)
        return arrays
    if path is not None:
        raise DatasetNotFoundError(_not_found_message(name, info, tried, [], Path(path)))
    return _download_all(name, info, tried, mirrors, opener, progress)


def _save_decompressed(name, paths, contents, entries):
    """Best effort: keep a verified decompressed copy so the next load needs no gzip."""
    target = cache_dir(name)
    for key, p in paths.items():
        if p.suffix != ".gz":
            continue
        try:
            atomic_write(target / entries[key]["filename"], [contents[key]])
        except OSError:
            return  # read-only disk or similar: loading still worked, only the speed-up is lost


def _download_all(name, info, tried, mirrors, opener, progress):
    entries = info["files"]
    mirrors = list(info.get("mirrors", [])) if mirrors is None else list(mirrors)
    target = user_cache_dir(name)
    errors = []
    for base in mirrors:
        try:
            for key, entry in entries.items():
                dest = target / (entry["filename"] + ".gz")
                if not dest.is_file():
                    download(base + entry["filename"] + ".gz", dest, entry, opener=opener, progress=progress)
        except Exception as exc:  # network errors, bad checksums: try the next mirror
            errors.append(f"download from {base}: {type(exc).__name__}: {exc}")
            continue
        paths, _ = find_files(target, entries)
        contents = {key: read_content(p, entries[key]) for key, p in paths.items()}
        _save_decompressed(name, paths, contents, entries)
        return {key: parse_idx(contents[key], paths[key]) for key in paths}
    raise DatasetNotFoundError(_not_found_message(name, info, tried, errors or ["no download mirrors"], None))


def _not_found_message(name, info, tried, download_errors, folder_hint):
    title = info["title"]
    names = [e["filename"] + ".gz" for e in info["files"].values()]
    lines = [f"{title} 파일을 찾지 못했습니다. Could not find the {title} files ({', '.join(names)}).",
             "Places tried, in order:"]
    lines += [f"  {i}. {t}" for i, t in enumerate(tried + download_errors, start=1)]
    lines.append("해결 방법 / how to get the files:")
    for hint in info.get("install_hints", []):
        lines.append(f"  - {hint}")
    mirrors = info.get("mirrors", [])
    if mirrors:
        lines.append(f"  - download these files from {mirrors[0]} :")
        lines += [f"      {mirrors[0]}{n}" for n in names]
        where = folder_hint or user_cache_dir(name)
        lines.append(f"    and put them in {where} (or any folder given as load_data(path=...) "
                     "or as $HONGGONG_DATA).")
    return "\n".join(lines)
