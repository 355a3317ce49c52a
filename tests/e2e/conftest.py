"""Fixtures for the browser end-to-end tests: a real JupyterLab and headless Debian Chromium.

JupyterLab runs on 127.0.0.1 with a free port and a random token, serving a *copy* of notebooks/
(JupyterLab autosaves, so the learner's files are never touched), with isolated user settings:
the default kernel starts by itself (no "Select Kernel" dialog), no news toast, and every cell
stays in the page (windowing off) so the test can find widgets far down the notebook.
The server is stopped afterwards even when a test fails.
"""
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
CHROMIUM = os.environ.get("HONGGONG_CHROMIUM", "/usr/bin/chromium")
KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
_LOADED_AT = time.time()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(settings_dir):
    for rel, data in {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
            {"autoStartDefaultKernel": True, "windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    }.items():
        path = settings_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data))


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A running JupyterLab; yields (base_url, token)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` "
                    "(./dev test and .ci/run do this for you).")
    tmp = tmp_path_factory.mktemp("lab")
    served = tmp / "notebooks"
    shutil.copytree(ROOT / "notebooks", served, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    _write_settings(tmp / "settings")
    token = secrets.token_hex(16)
    port = _free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
               HONGGONG_PROGRESS=str(tmp / "progress.json"))   # the learner's record of this lab only
    env.pop("MPLBACKEND", None)  # the kernel must use the inline backend, as for a learner
    log_path = tmp / "lab.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
         "--LabApp.expose_app_in_browser=True"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {proc.returncode} while starting; see {log_path}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer on {base} within 60 s; see {log_path}")
                time.sleep(0.2)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield b
        finally:
            b.close()


def pytest_terminal_summary(terminalreporter):
    """Show the browser timings (run-all, slider release → new picture) at the end of the run."""
    timings = ARTIFACTS / "timings.json"
    if timings.exists() and timings.stat().st_mtime >= _LOADED_AT:
        terminalreporter.write_sep("-", "browser e2e timings")
        terminalreporter.write_line(timings.read_text().strip())
        terminalreporter.write_line(f"screenshots: {ARTIFACTS}")
