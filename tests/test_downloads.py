"""Downloads that can be trusted (issue 10 item 3), against a real HTTP server on 127.0.0.1.

The server (http.server in a daemon thread, port chosen by the OS) serves one mirror per way a
download goes wrong: the good files, a truncated file (the connection closes before Content-Length),
a corrupted file (valid gzip, wrong content), a 404, an HTML error page served with status 200, and a
server that stalls after the headers. Every load ends in verified data or in an error that names every
URL tried and why, and no partial file is left anywhere. The server stops itself: every stall is
bounded by an event set at teardown and by a hard limit, and the fixture shuts the server down.
"""
import gzip
import hashlib
import http.server
import io
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from honggong.datasets import DatasetNotFoundError, _fetch, _idx, fashion_mnist

DEBIAN = Path("/usr/share/datasets/fashion-mnist")
FASHION = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
STALL_LIMIT_S = 10          # a stalled request never holds the server longer than this
CLIENT_TIMEOUT_S = 0.5      # the downloader's timeout in these tests (the default is _fetch.TIMEOUT = 30 s)

IMAGES = (np.arange(3 * 4 * 4) % 256).astype(np.uint8).reshape(3, 4, 4)
LABELS = np.array([2, 0, 1], dtype=np.uint8)
CONTENT = {"tiny-images-idx3-ubyte": _idx.idx_bytes(IMAGES), "tiny-labels-idx1-ubyte": _idx.idx_bytes(LABELS)}
TINY = {
    "title": "Tiny", "install_hints": ["make it by hand"],
    "files": {key: {"filename": name, "size": len(CONTENT[name]), "sha256": hashlib.sha256(CONTENT[name]).hexdigest()}
              for key, name in (("x", "tiny-images-idx3-ubyte"), ("y", "tiny-labels-idx1-ubyte"))},
}


class Handler(http.server.BaseHTTPRequestHandler):
    """/<mode>/<file>.gz with mode good | truncated | corrupt | missing | html | stall; /debian/ serves
    the real Fashion-MNIST .gz files of the Debian package."""
    stop = threading.Event()

    def log_message(self, *args):       # keep the test output clean
        pass

    def send_body(self, body, content_type="application/gzip", length=None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        _, mode, name = self.path.split("/", 2)
        if mode == "debian":
            return self.send_body((DEBIAN / name).read_bytes())
        raw = CONTENT.get(name.removesuffix(".gz"))
        if raw is None or mode == "missing":
            return self.send_error(404, "Not Found")
        packed = gzip.compress(raw, mtime=0)
        if mode == "good":
            self.send_body(packed)
        elif mode == "truncated":
            self.send_body(packed[: len(packed) // 2], length=len(packed))   # then the connection closes
            self.close_connection = True
        elif mode == "corrupt":
            self.send_body(gzip.compress(raw[:-1] + bytes([raw[-1] ^ 0xFF]), mtime=0))
        elif mode == "html":
            self.send_body(b"<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>",
                           content_type="text/html; charset=utf-8")
        elif mode == "stall":
            self.send_response(200)
            self.send_header("Content-Length", str(len(packed)))
            self.end_headers()
            self.wfile.flush()
            self.stop.wait(STALL_LIMIT_S)                                     # bounded stall


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    Handler.stop.clear()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.stop.set()                   # release stalled requests
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)
    assert not thread.is_alive()


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """The 'tiny' dataset: nothing local, the per-user cache in tmp_path."""
    monkeypatch.setattr(_fetch, "spec", lambda name: TINY)
    monkeypatch.setattr(_fetch, "REPO_CACHE", tmp_path / "repo_cache")
    monkeypatch.setattr(_fetch, "SYSTEM_DIRS", {})
    monkeypatch.delenv("HONGGONG_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path


def files_under(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*") if p.is_file())


def load(server, modes, **kw):
    return _fetch.load_arrays("tiny", mirrors=[f"{server}/{m}/" for m in modes], timeout=CLIENT_TIMEOUT_S,
                              progress=kw.pop("progress", None), **kw)


WHY = {
    "truncated": "-> the download stopped early (truncated)",
    "corrupt": "-> SHA-256 checksum mismatch: expected ",
    "missing": "-> HTTP error 404 Not Found",
    "html": "-> received an HTML page (Content-Type text/html; charset=utf-8) instead of the gzip-compressed data file",
    "stall": f"-> timed out: no data for {CLIENT_TIMEOUT_S:g} s (the server stalled)",
}


@pytest.mark.parametrize("mode", list(WHY))
def test_each_bad_mirror_is_a_clear_error_naming_every_url_and_leaves_no_file(server, tiny, mode):
    start = time.perf_counter()
    with pytest.raises(DatasetNotFoundError) as err:
        load(server, [mode])
    text = str(err.value)
    for name in CONTENT:
        assert f"download from {server}/{mode}/{name}.gz -> " in text
    line = next(l for l in text.splitlines() if f"/{mode}/tiny-images" in l)
    assert WHY[mode] in line, line
    assert text.splitlines()[-1].startswith("해결: ")
    assert files_under(tiny) == []                     # no partial file, no temp file, nothing at all
    if mode == "stall":
        assert time.perf_counter() - start < 2 * len(CONTENT) * CLIENT_TIMEOUT_S + 3


def test_bad_mirrors_are_skipped_until_a_good_one_delivers_verified_data(server, tiny):
    progress = io.StringIO()
    arrays = load(server, ["missing", "html", "truncated", "corrupt", "stall", "good"], progress=progress)
    assert arrays["x"].tolist() == IMAGES.tolist() and arrays["y"].tolist() == [2, 0, 1]
    user = "xdg/honggong/tiny/"
    assert files_under(tiny) == sorted([user + n + ".gz" for n in CONTENT] + [f"repo_cache/tiny/{n}" for n in CONTENT])
    for name, raw in CONTENT.items():
        assert gzip.decompress((tiny / user / f"{name}.gz").read_bytes()) == raw
        assert (tiny / "repo_cache" / "tiny" / name).read_bytes() == raw
    assert "tiny-labels-idx1-ubyte.gz [##############################] 100.0%" in progress.getvalue()
    # second load: from the decompressed cache, no server needed
    assert _fetch.load_arrays("tiny", mirrors=[], progress=None)["y"].tolist() == [2, 0, 1]


def test_a_damaged_download_in_the_cache_is_downloaded_again(server, tiny):
    dest = tiny / "xdg" / "honggong" / "tiny"
    dest.mkdir(parents=True)
    (dest / "tiny-labels-idx1-ubyte.gz").write_bytes(gzip.compress(b"not the labels"))
    with pytest.warns(UserWarning, match="was damaged .*Loaded the intact copy from the download"):
        arrays = load(server, ["good"])
    assert arrays["y"].tolist() == [2, 0, 1]
    assert gzip.decompress((dest / "tiny-labels-idx1-ubyte.gz").read_bytes()) == CONTENT["tiny-labels-idx1-ubyte"]


def test_fashion_mnist_downloads_over_http_with_a_progress_bar(server, tmp_path, monkeypatch):
    monkeypatch.setattr(_fetch, "REPO_CACHE", None)                  # as an installed wheel: per-user cache
    monkeypatch.setattr(_fetch, "SYSTEM_DIRS", {})
    monkeypatch.delenv("HONGGONG_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    progress = io.StringIO()
    arrays = _fetch.load_arrays("fashion_mnist", mirrors=[f"{server}/missing/", f"{server}/debian/"],
                                progress=progress, timeout=5)
    assert int(arrays["x_test"].sum(dtype=np.int64)) == 573469082 and np.bincount(arrays["y_train"]).tolist() == [6000] * 10
    assert "train-images-idx3-ubyte.gz [##############################] 100.0% 26.4/26.4 MB" in progress.getvalue()
    cache = tmp_path / "honggong" / "fashion_mnist"
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [n for f in FASHION for n in (f, f + ".gz")])
    (_, _), (x_test, _) = fashion_mnist.load_data()                  # the next load: from the cache, offline
    assert int(x_test.sum(dtype=np.int64)) == 573469082


def test_default_progress_goes_to_stdout_not_stderr(server, tiny, capsys):
    _fetch.load_arrays("tiny", mirrors=[f"{server}/good/"], timeout=CLIENT_TIMEOUT_S)
    out, err = capsys.readouterr()
    assert "100.0%" in out and err == ""      # in Jupyter stderr shows as a red warning box
