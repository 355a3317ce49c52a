"""Write (or refresh) the exercise cells of the chapters from honggong.exercises' data.

    .venv/bin/python tools/exercise_cells.py                     # chapters 1-10 (+ the progress cell of 0)
    .venv/bin/python tools/exercise_cells.py notebooks/02_activations.md
    .venv/bin/python tools/exercise_cells.py --check             # exit 1 when a .md is out of date

In each chapter `notebooks/NN_name.md` (the MyST source) the section `## 직접 짜 보기: 연습 문제` sits just
before `## 정리` (or `## 퀴즈`): an intro, the import cell, then for each exercise of the chapter a heading
with its prompt, the stub cell (`exercise.stub()`: the learner edits the lines between
`# ---- 여기부터 ----` and `# ---- 여기까지 ----`) and the check cell (`exercises.check(id, function)`).
Chapter 0 gets the section `## 6. 연습 문제와 학습 기록` with `progress.show()`.
The section is generated, so edit the exercise data (honggong/exercises/bank/chNN.py), run this, then
finalize the chapter (tools/finalize_notebooks.py) to rewrite the .ipynb.
tests/test_exercise_notebooks.py checks that every chapter holds exactly these cells.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repo_venv import ROOT, use_repo_venv  # noqa: E402

if __name__ == "__main__":
    use_repo_venv()

sys.path.insert(0, str(ROOT))
from honggong import exercises  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
HEADING = "## 직접 짜 보기: 연습 문제"
CH0_HEADING = "## 6. 연습 문제와 학습 기록"

INTRO = f"""{HEADING}

이 장에서 배운 계산을 이번에는 직접 코드로 써 봅니다. 빈칸 셀에서 `# ---- 여기부터 ----`와 `# ---- 여기까지 ----` 사이의
`raise NotImplementedError(...)` 줄을 지우고 코드를 쓴 다음, 그 셀과 바로 아래 확인 셀을 실행하세요.
확인 셀은 여러분의 함수를 `honggong`의 실제 구현과 여러 입력(큰 값, 샘플 1개, 음수, float32 …)에서 비교해서
✅ 또는 **어떤 입력에서 무엇을 기대했고 무엇이 나왔는지**를 보여 주고, 흔한 실수라면 🔎 진단과 고치는 방법을 알려 줍니다.
막히면 `exercises.hint("연습 id")`(부를 때마다 다음 단계)를, 한 번 풀어 본 다음에는 `exercises.solution("연습 id")`로
모범 답안을 볼 수 있습니다. 풀지 않고 그냥 실행하면 "아직 풀지 않았습니다"라고만 나옵니다. 결과는 학습 기록에 남습니다
(0장의 `progress.show()`)."""

CH0_SECTION = f"""{CH0_HEADING}

1장부터는 각 장의 끝에 **연습 문제**가 있습니다. 빈칸 셀의 `# ---- 여기부터 ----`와 `# ---- 여기까지 ----` 사이에
배운 계산을 직접 쓰고, 아래 확인 셀(`exercises.check(...)`)을 실행하면 바로 채점됩니다: ✅ 또는 어떤 입력에서 무엇이
달랐는지와 흔한 실수의 진단. 퀴즈 답과 연습 결과는 이 컴퓨터의 학습 기록 파일에 남습니다. 아래 셀이 장별로 시도한 것과
맞힌 것을 보여 줍니다 (커널을 다시 시작해도 남아 있어요). 기록을 끄려면 `progress.disable()`, 선생님께 낼 파일은
`progress.export_csv("내기록.csv", learner="이름")`입니다.

```{{code-cell}} ipython3
from honggong import progress
progress.show()
```
"""


def code(source: str) -> str:
    return f"```{{code-cell}} ipython3\n{source.rstrip()}\n```\n"


def chapter_section(chapter_number: int) -> str:
    parts = [INTRO, "", code("from honggong import exercises")]
    for k, exercise_id in enumerate(exercises.ids(chapter_number), start=1):
        exercise = exercises.get(exercise_id)
        parts.append(f"### 연습 {chapter_number}-{k}. {exercise.title} (`{exercise.id}`)\n\n{exercise.prompt}\n")
        parts.append(code(exercise.stub()))
        parts.append(code(exercise.check_cell()))
    return "\n".join(parts)


def _find(lines, text, start=0):
    for i in range(start, len(lines)):
        if lines[i].rstrip() == text:
            return i
    return None


def with_section(text: str, heading: str, section: str) -> str:
    """``text`` with ``section`` (starting with ``heading``) just before `## 정리` / `## 퀴즈`."""
    lines = text.split("\n")
    begin = _find(lines, heading)
    if begin is not None:
        end = _find(lines, "## 정리", begin) or _find(lines, "## 퀴즈", begin)
        del lines[begin:end]
    else:
        end = _find(lines, "## 정리")
        end = end if end is not None else _find(lines, "## 퀴즈")
        begin = end
    if end is None:
        raise SystemExit(f"no '## 정리' or '## 퀴즈' heading to put the section before")
    before = "\n".join(lines[:begin]).rstrip("\n")
    after = "\n".join(lines[begin:])
    separator = "" if before.endswith("```") or before.endswith("+++") else "+++\n\n"
    return f"{before}\n\n{separator}{section.rstrip()}\n\n{after}"


def updated(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    number = int(path.name[:2])
    if number == 0:
        return with_section(text, CH0_HEADING, CH0_SECTION)
    return with_section(text, HEADING, chapter_section(number))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="only report chapters that are out of date")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(p for p in NOTEBOOKS.glob("[01][0-9]_*.md") if int(p.name[:2]) <= 10)
    stale = []
    for path in paths:
        new = updated(path)
        if new != path.read_text(encoding="utf-8"):
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
                print(f"wrote the exercise cells of {path.name}; now finalize it: "
                      f".venv/bin/python tools/finalize_notebooks.py {path.resolve().relative_to(ROOT)}")
    if args.check and stale:
        print("out of date (run tools/exercise_cells.py):", ", ".join(p.name for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
