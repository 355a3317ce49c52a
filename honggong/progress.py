"""학습 기록: every quiz answer and exercise check, kept locally for the learner.

    from honggong import progress
    progress.summary()              # per chapter: quizzes and exercises attempted / passed, attempt counts
    progress.show()                 # the same as a small dashboard (widget in JupyterLab, text elsewhere)
    progress.export_csv("내기록.csv", learner="홍길동")   # one row per question/exercise, for a teacher
    progress.disable() / progress.enable()             # turn recording off / on (remembered in the file)
    progress.path()                 # where the file is

The file is JSON in the user's data folder (``~/.local/share/honggong/progress.json`` on Linux,
``~/Library/Application Support/honggong`` on macOS, ``%APPDATA%\\honggong`` on Windows), or the path
in the environment variable ``HONGGONG_PROGRESS`` (``HONGGONG_PROGRESS=off`` turns recording off).

    {"version": 1, "enabled": true,
     "events": [{"kind": "quiz" | "exercise", "chapter": "ch05", "id": "...", "status": "...",
                 "passed": true, "time": "2026-12-02T06:00:00+00:00", "uid": "..."}]}

Writes are atomic (a temporary file, then ``os.replace``) and serialized by a lock file, and every
write reads the file again and merges (events are kept by ``uid``), so two notebooks open at the same
time never clobber each other's results. A damaged file is moved aside to
``progress.damaged-<time>.json``, a message says so, and recording goes on in a fresh file.
Recording never raises into the learner's notebook: a problem is reported once and ignored.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import html
import io
import json
import os
import sys
import tempfile
import uuid
from pathlib import Path

ENV = "HONGGONG_PROGRESS"
VERSION = 1
_OFF_VALUES = {"off", "0", "no", "false", "none", ""}
_reported: set[str] = set()


# ---------------------------------------------------------------------------------------------
# where the file is
# ---------------------------------------------------------------------------------------------
def data_folder() -> Path:
    """The user's data folder for honggong (platform convention, no extra dependency)."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "honggong"


def path() -> Path | None:
    """The progress file (``HONGGONG_PROGRESS`` if set), or None when the variable says off."""
    value = os.environ.get(ENV)
    if value is not None:
        if value.strip().lower() in _OFF_VALUES:
            return None
        return Path(value).expanduser()
    return data_folder() / "progress.json"


def _say_once(key: str, text: str) -> None:
    """A message for the learner (stdout, not a warning: a notebook shows stderr as an error box)."""
    if key not in _reported:
        _reported.add(key)
        print(text)


# ---------------------------------------------------------------------------------------------
# reading, locking, writing
# ---------------------------------------------------------------------------------------------
def _empty() -> dict:
    return {"version": VERSION, "enabled": True, "events": []}


def _valid(data) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("events"), list)
            and all(isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("kind"), str)
                    for e in data["events"]))


def _set_aside(file: Path, reason: str) -> None:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.stem}.damaged-{stamp}{file.suffix}")
    n = 1
    while target.exists():
        target = file.with_name(f"{file.stem}.damaged-{stamp}-{n}{file.suffix}")
        n += 1
    os.replace(file, target)
    _say_once(f"damaged:{target}",
              f"⚠️ 학습 기록 파일이 손상되어 읽을 수 없었습니다 ({reason}). 원래 파일은 {target} 에 그대로 "
              f"옮겨 두었고, {file} 에 새로 기록합니다. (The progress file was damaged; it was kept as "
              f"{target.name} and recording continues in a new file.)")


def _read(file: Path, repair: bool) -> dict:
    """The file's content; a damaged file is set aside (when ``repair``) and an empty record returned."""
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    try:
        data = json.loads(text)
        if not _valid(data):
            raise ValueError("expected {\"events\": [...]} with kind and id in every event")
    except ValueError as exc:
        if repair:
            _set_aside(file, f"{type(exc).__name__}: {str(exc)[:80]}")
        return _empty()
    data.setdefault("enabled", True)
    data.setdefault("version", VERSION)
    return data


@contextlib.contextmanager
def _locked(file: Path):
    """An exclusive lock on ``<file>.lock`` (fcntl on Unix, msvcrt on Windows)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    lock_path = file.with_name(file.name + ".lock")
    with open(lock_path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_atomic(file: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _update(change) -> bool:
    """Lock, read (setting a damaged file aside), apply ``change(data)``, write atomically.

    Returns False (after one message) when the file cannot be written; never raises OSError.
    """
    file = path()
    if file is None:
        return False
    try:
        with _locked(file):
            data = _read(file, repair=True)
            if change(data) is False:
                return False
            _write_atomic(file, data)
        return True
    except OSError as exc:
        _say_once(f"oserror:{file}", f"⚠️ 학습 기록을 저장하지 못했습니다 ({file}: {exc}). 공부는 그대로 "
                                     f"계속할 수 있고, 기록만 빠집니다. 다른 곳에 기록하려면 환경 변수 "
                                     f"{ENV}에 파일 경로를 주세요.")
        return False


def load() -> dict:
    """The current record (read-only; a damaged file is set aside)."""
    file = path()
    if file is None or not file.exists():
        return _empty()
    try:
        with _locked(file):
            return _read(file, repair=True)
    except OSError:
        return _read(file, repair=False)


# ---------------------------------------------------------------------------------------------
# recording
# ---------------------------------------------------------------------------------------------
def is_enabled() -> bool:
    file = path()
    return file is not None and bool(load().get("enabled", True))


def _set_enabled(value: bool) -> None:
    def change(data):
        data["enabled"] = value

    _update(change)


def disable() -> None:
    """Stop recording (remembered in the progress file, also for the next sessions)."""
    _set_enabled(False)
    print("학습 기록을 껐습니다. 다시 켜려면 progress.enable()")


def enable() -> None:
    """Record again after ``disable()``."""
    _set_enabled(True)
    print(f"학습 기록을 켰습니다: {path()}")


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def record(kind: str, chapter: str, item_id: str, status: str, passed: bool) -> bool:
    """Append one event; returns True when it was written. Never raises."""
    try:
        event = {"kind": kind, "chapter": chapter, "id": item_id, "status": status,
                 "passed": bool(passed), "time": _now(), "uid": uuid.uuid4().hex}

        def change(data):
            if not data.get("enabled", True):
                return False
            data["events"].append(event)

        return _update(change)
    except Exception as exc:  # recording must never break a quiz or an exercise
        _say_once(f"record:{type(exc).__name__}", f"⚠️ 학습 기록 중 문제가 생겨 이번 기록은 빠졌습니다 ({exc}).")
        return False


def record_exercise(exercise_id: str, status: str, passed: bool) -> bool:
    return record("exercise", exercise_id.split("-", 1)[0], exercise_id, status, passed)


def record_quiz(question, feedback) -> bool:
    """Called by honggong.quiz after grading an answer (a missing answer is not an attempt)."""
    if feedback.status == "missing" or not getattr(question, "chapter", ""):
        return False
    return record("quiz", question.chapter, question.id, feedback.status, feedback.status == "correct")


def has_attempt(kind: str, item_id: str) -> bool:
    return any(e["kind"] == kind and e["id"] == item_id for e in load()["events"])


def reset() -> Path | None:
    """Start a new, empty record; the old file is kept as progress.old-<time>.json. Returns that path."""
    file = path()
    if file is None or not file.exists():
        return None
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = file.with_name(f"{file.stem}.old-{stamp}{file.suffix}")
    with _locked(file):
        os.replace(file, kept)
    return kept


# ---------------------------------------------------------------------------------------------
# summary, dashboard, export
# ---------------------------------------------------------------------------------------------
def _catalog() -> dict:
    """chapter -> {"quiz": [ids], "exercise": [ids]} for every quiz question and exercise that exists."""
    out: dict[str, dict[str, list[str]]] = {}
    with contextlib.suppress(Exception):
        from .quiz.bank import chapters, load_bank

        for chapter in chapters():
            out.setdefault(chapter, {"quiz": [], "exercise": []})["quiz"] = [q.id for q in load_bank(chapter)]
    with contextlib.suppress(Exception):
        from .exercises.bank import load_all

        for exercise_id in (exercise.id for exercise in load_all()):
            out.setdefault(exercise_id.split("-", 1)[0], {"quiz": [], "exercise": []})["exercise"].append(exercise_id)
    return out


def _items(events) -> dict:
    """(kind, chapter, id) -> {"attempts", "passes", "passed", "first", "last", "last_status"}."""
    items: dict = {}
    for e in sorted(events, key=lambda e: str(e.get("time", ""))):
        key = (e["kind"], str(e.get("chapter", "")), e["id"])
        item = items.setdefault(key, {"attempts": 0, "passes": 0, "passed": False, "first": e.get("time", ""),
                                      "last": "", "last_status": ""})
        item["attempts"] += 1
        item["passes"] += int(bool(e.get("passed")))
        item["passed"] = item["passed"] or bool(e.get("passed"))
        item["last"] = e.get("time", "")
        item["last_status"] = e.get("status", "")
    return items


def _tries(item) -> str:
    """"2회 시도, 1회 통과" — attempts and how many of them passed."""
    return f"{item['attempts']}회 시도, {item['passes']}회 통과"


class Summary(dict):
    """chapter -> {"quiz": {...}, "exercise": {...}}; each part has total / attempted / passed /
    attempts and "items": {id: {"attempts", "passes", "passed", "first", "last", "last_status"}}."""

    def text(self) -> str:
        lines = ["📊 학습 기록 (장별: 시도한 것 / 맞힌 것 / 전체, 시도 횟수)"]
        for chapter, parts in self.items():
            cells = []
            for kind, label in (("quiz", "퀴즈"), ("exercise", "연습")):
                p = parts[kind]
                if p["total"] or p["attempted"]:
                    cells.append(f"{label} {p['passed']}/{p['total']} 통과 (시도 {p['attempted']}개, {p['attempts']}회)")
            lines.append(f"  {chapter}: " + (" · ".join(cells) or "–"))
            for kind in ("exercise", "quiz"):
                for item_id, item in parts[kind]["items"].items():
                    mark = "✅" if item["passed"] else "❌"
                    lines.append(f"      {mark} {item_id}: {_tries(item)}")
        lines.append(_where())
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.text())


def summary() -> Summary:
    """Per chapter: quizzes and exercises — how many exist, were attempted, passed; attempt counts."""
    catalog = _catalog()
    items = _items(load()["events"])
    chapters = sorted(set(catalog) | {c for _, c, _ in items})
    result = Summary()
    for chapter in chapters:
        parts = {}
        for kind in ("quiz", "exercise"):
            mine = {i: item for (k, c, i), item in items.items() if k == kind and c == chapter}
            known = catalog.get(chapter, {}).get(kind, [])
            parts[kind] = {"total": len(known), "attempted": len(mine),
                           "passed": sum(1 for item in mine.values() if item["passed"]),
                           "attempts": sum(item["attempts"] for item in mine.values()),
                           "items": mine}
        result[chapter] = parts
    return result


def _dashboard_html(s: Summary) -> str:
    rows = []
    for chapter, parts in s.items():
        cells = []
        for kind in ("quiz", "exercise"):
            p = parts[kind]
            if not p["total"] and not p["attempts"]:
                cells.append("<td>–</td><td></td>")
                continue
            share = p["passed"] / p["total"] if p["total"] else 0.0
            bar = (f'<div style="background:#eee;width:120px;height:8px;display:inline-block">'
                   f'<div style="background:#1b7f3b;width:{120 * share:.0f}px;height:8px"></div></div>')
            cells.append(f"<td>{bar} {p['passed']}/{p['total']}</td><td>{p['attempts']}회</td>")
        done = [f"{'✅' if item['passed'] else '❌'} {html.escape(i)} ({_tries(item)})"
                for kind in ("exercise", "quiz") for i, item in parts[kind]["items"].items()]
        rows.append(f"<tr><td><b>{chapter}</b></td>{''.join(cells)}<td><small>{'<br>'.join(done)}</small></td></tr>")
    return ('<div class="hg-progress-table"><table>'
            "<tr><th>장</th><th>퀴즈 통과</th><th>퀴즈 시도</th><th>연습 통과</th><th>연습 시도</th><th>기록</th></tr>"
            f"{''.join(rows)}</table><small>{html.escape(_where())}</small></div>")


def _where() -> str:
    """Where the record is kept, and whether recording is on."""
    where = path()
    if where is None:
        return f"기록이 꺼져 있습니다 ({ENV}=off)."
    if not is_enabled():
        return f"기록 파일: {where} (기록이 꺼져 있습니다: progress.enable()로 다시 켜기)"
    return f"기록 파일: {where}"


def show():
    """Draw the summary as a dashboard: a widget in JupyterLab (with a 새로 고침 button), text elsewhere."""
    s = summary()
    text = s.text()
    from .quiz.ui import _shell, has_frontend

    if _shell() is None:
        print(text)
        return None
    from IPython.display import display

    bundle = {"text/plain": text, "text/html": _dashboard_html(s)}
    if has_frontend():
        import ipywidgets as widgets

        table = widgets.HTML(_dashboard_html(s))
        table.add_class("hg-progress-dashboard")
        refresh = widgets.Button(description="새로 고침", tooltip="기록을 다시 읽습니다")
        refresh.on_click(lambda _b: setattr(table, "value", _dashboard_html(summary())))
        box = widgets.VBox([widgets.HTML("<b>📊 학습 기록</b>"), table, refresh])
        box.add_class("hg-progress")
        key = "application/vnd.jupyter.widget-view+json"
        bundle[key] = box._repr_mimebundle_()[key]
    display(bundle, raw=True)
    return None


CSV_FIELDS = ["learner", "chapter", "kind", "id", "attempts", "passed", "last_status", "first_time", "last_time"]


def export_csv(file=None, learner: str = "") -> str:
    """CSV for a teacher: one row per quiz question / exercise attempted. Writes ``file`` (atomically)
    when given and returns the CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    items = _items(load()["events"])
    for (kind, chapter, item_id), item in sorted(items.items(), key=lambda kv: (kv[0][1], kv[0][0], kv[0][2])):
        writer.writerow([learner or "", chapter, kind, item_id, item["attempts"], int(item["passed"]),
                         item["last_status"], item["first"], item["last"]])
    text = buffer.getvalue()
    if file is not None:
        from .datasets._fetch import atomic_write

        atomic_write(file, [text.encode("utf-8-sig")])   # BOM: Excel reads Hangul
    return text
