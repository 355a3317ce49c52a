"""Repository-wide pytest hooks.

Notebook cells run by nbval must not write to stderr: a learner would see it as a red warning box.
nbval (--nbval-lax) compares outputs only on `# NBVAL_CHECK_OUTPUT` cells, so this hook fails any
notebook cell whose run printed to stderr (warnings, tracebacks logged by widgets, ...).

As shipped, every exercise stub is untouched, so every exercise check cell (`exercises.check(...)`)
must report "아직 풀지 않았습니다" (not done yet); the hook fails a check cell that shows anything else.
(tests/test_exercise_notebooks.py runs every chapter a second time with the solutions injected.)

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
    cell = getattr(item, "cell", None)
    if cell is not None and cell.source.lstrip().startswith("exercises.check("):
        _check_exercise_not_done(item, outputs or [])
    if not outputs:
        return result
    stderr = [o.get("text", "") for o in outputs
              if o.get("output_type") == "stream" and o.get("name") == "stderr"]
    if stderr:
        pytest.fail(f"{item.name} of {item.fspath.basename} wrote to stderr (a learner sees this as a "
                    f"warning box):\n{''.join(stderr)[:2000]}", pytrace=False)
    return result


def _check_exercise_not_done(item, outputs):
    from honggong.exercises.core import NOT_DONE
    shown = "".join(str(o.get("text", "")) + "".join(str(v) for k, v in o.get("data", {}).items()
                                                     if k.startswith("text/"))
                    for o in outputs)
    if NOT_DONE not in shown:
        pytest.fail(f"{item.name} of {item.fspath.basename}: as shipped, this exercise check must report "
                    f"{NOT_DONE!r} (the stub is untouched), but it showed:\n{shown[:1000] or '(nothing)'}\n"
                    "해결: restore the stub cell with tools/exercise_cells.py.", pytrace=False)
