"""Find, verify, cache and (as a last resort) download the files of a dataset.

The checksums live in the package's ``honggong/datasets/data/registry.json`` (shipped in the wheel and
the sdist, read with importlib.resources): for every file the size and the SHA-256 of its DECOMPRESSED
content (different mirrors compress differently, the content is the same).

Lookup order for ``load(name, path=None)`` — the first place that has every file, intact, wins:

1. ``path`` given by the caller: only that folder is used (no fallback), so you know what you load.
2. ``$HONGGONG_DATA/<name>/``, then ``$HONGGONG_DATA/`` itself (e.g. a teacher's shared folder).
3. The automatic cache (``cache_dir(name)``): the repository's ``datasets/cache/<name>/`` when honggong
   runs from a checkout (``pip install -e .``), else the per-user cache
   ``$XDG_CACHE_HOME/honggong/<name>/`` (default ``~/.cache/honggong/<name>/``; on Windows
   ``%LOCALAPPDATA%\\honggong\\<name>``). Never inside site-packages.
4. A system package, e.g. Debian's ``dataset-fashion-mnist`` in ``/usr/share/datasets/fashion-mnist/``
   (on other systems this folder simply does not exist and the next place is tried).
5. The per-user cache, when it is not already place 3.
6. A download from the mirrors in the registry into the automatic cache (progress bar, temp file +
   os.replace, verified before the rename); every URL tried is reported with the reason it failed.

In every folder a file may be stored decompressed (``train-images-idx3-ubyte``, fast) or gzip-compressed
(``train-images-idx3-ubyte.gz``). After a verified load from steps 4-6 a decompressed copy is written
(atomically) into the automatic cache, so the next load skips gzip: about 10x faster.

A damaged file in an automatic cache (places 3 and 5: honggong wrote it, the learner did not) does not
stop the load: the next places are tried, the intact copy replaces the damaged one atomically and a
``HonggongWarning`` says so. A damaged file that the learner put somewhere (1, 2) or a damaged system
package (4) is an error naming the file and the fix.
"""
import functools
import gzip
import hashlib
import http.client
import json
import os
import socket
import sys
import tempfile
import urllib.error
import urllib.request
import warnings
import zlib
from importlib import resources
from pathlib import Path

from ..backend import message
from ..checks import HonggongWarning
from ._errors import DatasetError, DatasetFileError, DatasetNotFoundError
from ._idx import parse_idx

PACKAGE_DATA = Path(str(resources.files("honggong.datasets") / "data"))
REGISTRY_PATH = PACKAGE_DATA / "registry.json"


def _checkout_root():
    """The repository folder when honggong runs from a checkout (editable install), else None.

    A checkout has ``pyproject.toml`` and ``datasets/README.md`` beside the ``honggong/`` package;
    an installed wheel sits in site-packages, which has neither (and is never used as a cache).
    """
    root = Path(__file__).resolve().parents[2]
    if root.name in ("site-packages", "dist-packages"):
        return None
    if (root / "pyproject.toml").is_file() and (root / "datasets" / "README.md").is_file():
        return root
    return None


REPO_ROOT = _checkout_root()
# The repo cache is used only when this package sits inside the repository (editable install).
REPO_CACHE = REPO_ROOT / "datasets" / "cache" if REPO_ROOT is not None else None

# Folders that system packages install datasets into (name -> [(label, folder)]).
SYSTEM_DIRS = {
    "fashion_mnist": [
        ("Debian package dataset-fashion-mnist", Path("/usr/share/datasets/fashion-mnist")),
    ],
}

WINDOWS = os.name == "nt"
CHUNK = 1 << 20   # download block size: 1 MiB
TIMEOUT = 30      # seconds without any byte from a mirror before it counts as stalled

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
    """The parsed ``honggong/datasets/data/registry.json`` (dataset name -> files, checksums, mirrors)."""
    if not REGISTRY_PATH.is_file():
        raise DatasetError(message(
            f"honggong is installed without its data files: expected the dataset registry at "
            f"{REGISTRY_PATH}, but it does not exist (the wheel or sdist was built without "
            "honggong/datasets/data/).",
            "honggong을 다시 설치하세요: `pip install --force-reinstall honggong` (또는 저장소에서 "
            "`pip install -e .`). 직접 빌드했다면 pyproject.toml의 package-data에 datasets/data/*가 있어야 합니다."))
    return _read_registry(str(REGISTRY_PATH))


def spec(name):
    """Registry entry of one dataset; unknown names give an error listing the known ones."""
    entries = registry()
    if name not in entries or name.startswith("_"):
        known = ", ".join(k for k in entries if not k.startswith("_"))
        raise DatasetError(message(f"Unknown dataset {name!r}.", "이름을 확인하세요.",
                                   expected=f"one of: {known}", received=repr(name)))
    return entries[name]


def package_file(filename):
    """A data file shipped inside the package (e.g. ``diabetes.csv``)."""
    return PACKAGE_DATA / filename


def user_cache_dir(name):
    """The per-user cache: ``$XDG_CACHE_HOME/honggong/<name>``, else ``~/.cache/honggong/<name>``
    (on Windows ``%LOCALAPPDATA%\\honggong\\<name>`` when XDG_CACHE_HOME is not set)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base and WINDOWS and os.environ.get("LOCALAPPDATA"):
        base = os.environ["LOCALAPPDATA"]
    if not base:
        base = os.path.join(Path.home(), ".cache")
    return Path(base) / "honggong" / name


def cache_dir(name):
    """The automatic cache (decompressed copies and downloads): the repo cache in a checkout, else the
    per-user cache. Read as ``REPO_CACHE`` at call time, so tests can point it elsewhere."""
    return REPO_CACHE / name if REPO_CACHE is not None else user_cache_dir(name)


def as_path(path, what="path"):
    """``path`` (a str or os.PathLike) as a Path; anything else is a clear error (an int would be
    taken by open() as a file descriptor)."""
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        from ..backend import HonggongTypeError, describe, message
        raise HonggongTypeError(message(
            f"Expected {what} as a folder or file name (str or pathlib.Path), received {describe(path)}.",
            "해결: path='datasets/cache' 처럼 문자열 경로를 주거나, 생략하세요(path=None)."))
    return Path(path)


def candidate_dirs(name, path=None):
    """The folders to search, in order, as ``(label, Path or None)``; None means 'not set'."""
    if path is not None:
        return [("path argument", as_path(path).expanduser())]
    places = []
    env = os.environ.get("HONGGONG_DATA")
    if env:
        places += [("$HONGGONG_DATA", Path(env).expanduser() / name), ("$HONGGONG_DATA", Path(env).expanduser())]
    else:
        places.append(("$HONGGONG_DATA", None))
    if REPO_CACHE is not None:
        places.append(("repository cache", REPO_CACHE / name))
    else:
        places.append(("per-user cache", user_cache_dir(name)))
    places += SYSTEM_DIRS.get(name, [])
    if REPO_CACHE is not None:
        places.append(("per-user cache", user_cache_dir(name)))
    return places


def _automatic(folder, name):
    """True for the folders honggong itself writes (a damaged file there is replaced, not an error)."""
    return folder is not None and folder in (cache_dir(name), user_cache_dir(name))

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
        frac = min(done / total, 1.0)
        bar = "#" * int(30 * frac)
        out.write(f"\r{label} [{bar:<30}] {100 * frac:5.1f}% {done / 1e6:.1f}/{total / 1e6:.1f} MB")
    else:
        out.write(f"\r{label} {done / 1e6:.1f} MB")
    out.flush()


def _output(progress):
    """``"auto"`` -> the current ``sys.stdout`` (in Jupyter the cell's output, not a red stderr box)."""
    return sys.stdout if progress == "auto" else progress


def _looks_like_html(content_type, first_bytes):
    head = bytes(first_bytes[:256]).lstrip().lower()
    return "html" in (content_type or "").lower() or head.startswith((b"<!doctype", b"<html", b"<"))


def download(url, dest, entry, *, timeout=None, progress="auto", opener=None):
    """Download ``url`` (a ``.gz`` file) to ``dest`` atomically, verifying the decompressed content.

    The bytes go to a temp file next to ``dest``; only after the checksum matches is it renamed to
    ``dest``. A server that sends nothing for ``timeout`` seconds (default ``TIMEOUT``) counts as
    stalled. An HTML page (an error or login page served with status 200), fewer bytes than the
    server announced, a bad gzip stream or a checksum mismatch raise ``DatasetFileError``; network
    errors propagate (``load_arrays`` reports each URL with its reason). No partial file stays behind.
    ``opener`` defaults to the module attribute ``urlopen`` (replaceable, e.g. in tests).
    """
    opener = opener or urlopen
    timeout = TIMEOUT if timeout is None else timeout
    out = _output(progress)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(dest)
    try:
        with os.fdopen(fd, "wb") as f, opener(url, timeout=timeout) as response:
            headers = getattr(response, "headers", None) or {}
            total = int(headers.get("Content-Length") or 0)
            content_type = headers.get("Content-Type", "")
            done = 0
            while True:
                try:
                    chunk = response.read(CHUNK)
                except http.client.IncompleteRead as exc:     # the server closed the connection early
                    raise DatasetFileError(message(
                        f"{url}: the download stopped early (truncated): the connection closed.",
                        "네트워크를 확인하고 다시 불러오세요. 다른 미러가 있으면 그곳에서 받습니다.",
                        expected=f"{total:,} bytes (Content-Length)" if total else "the whole file",
                        received=f"{done + len(exc.partial):,} bytes")) from exc
                if not chunk:
                    break
                if done == 0 and _looks_like_html(content_type, chunk):
                    raise DatasetFileError(message(
                        f"{url}: received an HTML page (Content-Type {content_type or 'not given'}) instead "
                        "of the gzip-compressed data file; the server answered with an error or login page.",
                        "다른 미러에서 받거나, 브라우저로 이 주소를 열어 파일을 직접 내려받으세요."))
                f.write(chunk)
                done += len(chunk)
                _progress(dest.name, done, total, out)
        if out is not None:
            out.write("\n")
        if total and done < total:
            raise DatasetFileError(message(
                f"{url}: the download stopped early (truncated).",
                "네트워크를 확인하고 다시 불러오세요. 다른 미러가 있으면 그곳에서 받습니다.",
                expected=f"{total:,} bytes (Content-Length)", received=f"{done:,} bytes"))
        read_content(tmp, entry, gz=dest.suffix == ".gz", source=url)
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return dest


def _reason(exc, timeout, url=""):
    """One line saying why a download from ``url`` failed, for the list of URLs tried."""
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP error {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            return f"timed out connecting after {timeout:g} s"
        return f"could not connect (URLError: {exc.reason})"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return f"timed out: no data for {timeout:g} s (the server stalled)"
    if isinstance(exc, DatasetFileError):
        first = str(exc).splitlines()[0]
        return first[len(url) + 2:] if url and first.startswith(f"{url}: ") else first
    return f"{type(exc).__name__}: {exc}"


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


def _read_folder(paths, entries):
    """Read and parse every file; returns ``(contents, arrays, None)`` or ``(None, None, (path, error))``."""
    contents, arrays = {}, {}
    for key, p in paths.items():
        try:
            contents[key] = read_content(p, entries[key])
            arrays[key] = parse_idx(contents[key], p)
        except DatasetFileError as exc:
            return None, None, (p, exc)
    return contents, arrays, None


def load_arrays(name, path=None, *, mirrors=None, opener=None, progress="auto", timeout=None):
    """Locate (see the module docstring for the order), verify and parse an IDX dataset.

    Returns a dict key -> uint8 array for the registry's file keys (``x_train``, ``y_train``, ...).
    ``mirrors`` (list of base URLs), ``opener`` and ``timeout`` replace the registry's mirrors, urlopen
    and ``TIMEOUT`` (tests). ``progress``: a stream for the download bar, None for none.
    """
    info = spec(name)
    entries = info["files"]
    tried, damaged = [], []
    for label, folder in candidate_dirs(name, path):
        paths, reason = find_files(folder, entries)
        if paths is None:
            tried.append(f"{label}: {folder if folder is not None else ''} -> {reason}")
            continue
        contents, arrays, bad = _read_folder(paths, entries)
        if bad is not None:
            if path is None and _automatic(folder, name):
                # honggong wrote this file itself: look further for an intact copy instead of failing
                damaged.append(bad)
                tried.append(f"{label}: {folder} -> damaged: {str(bad[1]).splitlines()[0]}")
                continue
            raise bad[1]
        from_system = any(folder == d for _, d in SYSTEM_DIRS.get(name, []))
        if path is None and folder != cache_dir(name) and (damaged or from_system):
            written = _save_decompressed(name, paths, contents, entries, every_file=bool(damaged))
        else:
            written = set()
        _replace_damaged(damaged, f"{label} ({folder})", written)
        return arrays
    if path is not None:
        raise DatasetNotFoundError(_not_found_message(name, info, tried, [], Path(path)))
    return _download_all(name, info, tried, damaged, mirrors, opener, progress, timeout)


def _save_decompressed(name, paths, contents, entries, every_file=False):
    """Best effort: keep a verified decompressed copy so the next load needs no gzip.

    Returns the set of paths written (``every_file``: also copy files that are already decompressed).
    """
    target = cache_dir(name)
    written = set()
    for key, p in paths.items():
        if p.suffix != ".gz" and not every_file:
            continue
        try:
            written.add(atomic_write(target / entries[key]["filename"], [contents[key]]))
        except OSError:
            break  # read-only disk or similar: loading still worked, only the speed-up is lost
    return written


def _replace_damaged(damaged, source, rewritten):
    """Remove the damaged automatic-cache files not already overwritten by an intact copy; say so."""
    for bad_path, exc in damaged:
        if bad_path not in rewritten:
            try:
                os.unlink(bad_path)
            except OSError:
                pass
        reason = str(exc).splitlines()[0]
        warnings.warn(message(
            f"The cached file {bad_path} was damaged ({reason}). Loaded the intact copy from {source} "
            "and replaced the damaged cache file with it.",
            "따로 할 일은 없습니다: 손상된 캐시 파일을 온전한 사본으로 바꿨습니다. "
            "이 경고가 자주 나오면 디스크 공간과 상태를 확인하세요."), HonggongWarning, stacklevel=5)


def _download_all(name, info, tried, damaged, mirrors, opener, progress, timeout):
    """Download every missing or damaged file into the per-user cache, each from the first mirror
    that delivers a verified copy; the error lists every URL with the reason it failed."""
    entries = info["files"]
    mirrors = list(info.get("mirrors", [])) if mirrors is None else list(mirrors)
    timeout = TIMEOUT if timeout is None else timeout
    target = user_cache_dir(name)
    errors = [] if mirrors else ["download: no mirrors in the registry"]
    complete = bool(mirrors)
    for key, entry in entries.items():
        dest = target / (entry["filename"] + ".gz")
        if dest.is_file():
            try:
                read_content(dest, entry)
                continue            # verified copy from an earlier, interrupted download
            except DatasetFileError as exc:
                damaged.append((dest, exc))
        for base in mirrors:
            url = base + entry["filename"] + ".gz"
            try:
                download(url, dest, entry, opener=opener, progress=progress, timeout=timeout)
                break
            except (OSError, http.client.HTTPException, DatasetFileError, ValueError) as exc:  # network, content
                errors.append(f"download from {url} -> {_reason(exc, timeout, url)}")
        else:
            complete = False
    if not complete:
        raise DatasetNotFoundError(_not_found_message(name, info, tried, errors, None))
    paths = {key: target / (entry["filename"] + ".gz") for key, entry in entries.items()}
    contents, arrays, bad = _read_folder(paths, entries)
    if bad is not None:
        raise bad[1]
    written = _save_decompressed(name, paths, contents, entries)
    _replace_damaged(damaged, "the download", written | set(paths.values()))
    return arrays


def _not_found_message(name, info, tried, download_errors, folder_hint):
    title = info["title"]
    names = [e["filename"] + ".gz" for e in info["files"].values()]
    lines = [f"{title} 파일을 찾지 못했습니다. Could not find the {title} files ({', '.join(names)}).",
             "Places tried, in order:"]
    lines += [f"  {i}. {t}" for i, t in enumerate(tried + download_errors, start=1)]
    lines.append("해결: 아래 방법 중 하나로 파일을 구하세요 (how to get the files):")
    for hint in info.get("install_hints", []):
        lines.append(f"  - {hint}")
    mirrors = info.get("mirrors", [])
    if mirrors:
        lines.append(f"  - download these files from {mirrors[0]} :")
        lines += [f"      {mirrors[0]}{n}" for n in names]
        where = folder_hint or user_cache_dir(name)
        lines.append(f"    and put them in {where} (or any folder given as load_data(path=...) "
                     "or as $HONGGONG_DATA).")
    lines.append("해결: 위의 방법 중 하나로 파일을 준비한 뒤 load_data()를 다시 실행하세요 "
                 "(인터넷이 되면 자동으로 내려받습니다).")
    return "\n".join(lines)
