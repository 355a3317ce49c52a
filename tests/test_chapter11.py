"""Chapter 11 for a learner without Keras: every cell runs, nothing raises, the first says how to install."""
import contextlib
import io
import re
import sys
from pathlib import Path

import jupytext

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "11_keras.md"


def test_chapter_11_without_keras_prints_the_pip_command_and_raises_nothing(monkeypatch):
    monkeypatch.setitem(sys.modules, "keras", None)          # `import keras` -> ImportError
    monkeypatch.setenv("KERAS_BACKEND", "torch")
    nb = jupytext.read(NOTEBOOK)
    cells = [c.source for c in nb.cells if c.cell_type == "code"]
    cells = [c for c in cells if "install_source" not in c and "quiz" not in c]
    namespace = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for source in cells:
            code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("%"))
            exec(compile(code, "11_keras", "exec"), namespace)
    text = out.getvalue()
    assert namespace["keras"] is None
    assert "%pip install keras torch" in text and "Kernel → Restart" in text
    assert "진짜 케라스가 없어서 비교할 수 없습니다" in text       # the interact demo says so too
    assert not re.search(r"케라스 손실|테스트 정확도", text)          # no comparison was attempted
