"""Repository-wide pytest hooks.

Notebook cells run by nbval must not write to stderr: a learner would see it as a red warning box.
nbval (--nbval-lax) compares outputs only on `# NBVAL_CHECK_OUTPUT` cells, so this hook fails any
notebook cell whose run printed to stderr (warnings, tracebacks logged by widgets, ...).

Tests never write the learner's real progress file (honggong.progress): HONGGONG_PROGRESS points at
a temporary file for the whole session, before any kernel (nbval, nbclient, JupyterLab) starts, so
every notebook run by the tests inherits it.
"""
import os
import shutil
import tempfile

import pytest

_PROGRESS_DIR = None


def pytest_configure(config):
    global _PROGRESS_DIR
    _PROGRESS_DIR = tempfile.mkdtemp(prefix="honggong-test-progress-")
    os.environ["HONGGONG_PROGRESS"] = os.path.join(_PROGRESS_DIR, "progress.json")


def pytest_unconfigure(config):
    if _PROGRESS_DIR:
        shutil.rmtree(_PROGRESS_DIR, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield                                  # a failing cell has already raised here
    outputs = getattr(item, "test_outputs", None)   # set by nbval's IPyNbCell.runtest
    if not outputs:
        return result
    stderr = [o.get("text", "") for o in outputs
              if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    if stderr:
        pytest.fail(f"{item.name} of {item.fspath.basename} wrote to stderr (a learner sees this as a "
                    f"warning box):\n{''.join(stderr)[:2000]}", pytrace=False)
    return result
