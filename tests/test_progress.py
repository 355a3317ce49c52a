"""honggong.progress: recording quiz answers and exercise checks, atomic and merged writes, damaged
files kept aside, turning recording off, the summary, the dashboard text and the CSV export."""
import csv
import io
import json
import multiprocessing
import os

import pytest

from honggong import exercises, progress, quiz


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    file = tmp_path / "progress.json"
    monkeypatch.setenv("HONGGONG_PROGRESS", str(file))
    monkeypatch.setattr(progress, "_reported", set())
    monkeypatch.setattr(exercises, "_attempted", set())
    return file


def events(file):
    return json.loads(file.read_text(encoding="utf-8"))["events"]


def test_the_test_session_never_uses_the_real_data_folder():
    assert os.environ["HONGGONG_PROGRESS"] != str(progress.data_folder() / "progress.json")


def test_default_path_is_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("HONGGONG_PROGRESS")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(progress.sys, "platform", "linux")
    assert progress.path() == tmp_path / "xdg" / "honggong" / "progress.json"
    monkeypatch.setenv("HONGGONG_PROGRESS", "off")
    assert progress.path() is None
    assert progress.record("quiz", "ch01", "x", "correct", True) is False


def test_quiz_answers_are_recorded_from_code_and_widget(progress_file, capsys):
    question = quiz.load_bank("ch05")[0]
    wrong = 1 if question.answer != 1 else 2
    question.check(None)                       # a missing answer is not an attempt
    assert not progress_file.exists()
    question.check(wrong)
    question.choices.value = question.answer
    question.button.click()
    recorded = events(progress_file)
    assert [(e["kind"], e["chapter"], e["id"], e["status"], e["passed"]) for e in recorded] == [
        ("quiz", "ch05", question.id, "wrong", False), ("quiz", "ch05", question.id, "correct", True)]


def test_exercise_checks_are_recorded_but_not_untouched_stubs(progress_file):
    exercises.check("ch03-dense-params", None, display=False)
    assert not progress_file.exists()
    exercises.check("ch03-dense-params", lambda n_inputs, units: n_inputs * units, display=False)
    exercises.check("ch03-dense-params", lambda n_inputs, units: n_inputs * units + units, display=False)
    assert [(e["id"], e["status"], e["passed"]) for e in events(progress_file)] == [
        ("ch03-dense-params", "failed", False), ("ch03-dense-params", "passed", True)]


def test_summary_per_chapter(progress_file):
    exercises.check("ch03-dense-params", lambda n_inputs, units: 0, display=False)
    exercises.check("ch03-dense-params", lambda n_inputs, units: n_inputs * units + units, display=False)
    exercises.check("ch03-dense-forward", "x", display=False)
    quiz.load_bank("ch03")[0].check(quiz.load_bank("ch03")[0].answer)
    s = progress.summary()
    ch03 = s["ch03"]
    assert ch03["exercise"]["total"] == 2
    assert (ch03["exercise"]["attempted"], ch03["exercise"]["passed"], ch03["exercise"]["attempts"]) == (2, 1, 3)
    assert ch03["exercise"]["items"]["ch03-dense-params"]["attempts"] == 2
    assert ch03["exercise"]["items"]["ch03-dense-params"]["passes"] == 1
    assert ch03["exercise"]["items"]["ch03-dense-params"]["passed"] is True
    assert ch03["exercise"]["items"]["ch03-dense-forward"]["passed"] is False
    assert (ch03["quiz"]["attempted"], ch03["quiz"]["passed"], ch03["quiz"]["total"]) == (
        1, 1, len(quiz.load_bank("ch03")))
    assert s["ch05"]["exercise"] == {"total": 3, "attempted": 0, "passed": 0, "attempts": 0, "items": {}}
    text = s.text()
    assert "ch03: 퀴즈 1/5 통과 (시도 1개, 1회) · 연습 1/2 통과 (시도 2개, 3회)" in text
    assert "✅ ch03-dense-params: 2회 시도, 1회 통과" in text and "❌ ch03-dense-forward: 1회 시도, 0회 통과" in text


def test_show_prints_the_dashboard_text_without_ipython(capsys, progress_file):
    exercises.check("ch02-softmax", lambda z: z, display=False)
    assert progress.show() is None
    out = capsys.readouterr().out
    assert out.startswith("📊 학습 기록") and "❌ ch02-softmax: 1회 시도, 0회 통과" in out


def test_dashboard_html_lists_the_chapter_rows(progress_file):
    exercises.check("ch02-softmax", lambda z: z, display=False)
    page = progress._dashboard_html(progress.summary())
    assert "<td><b>ch02</b></td>" in page and "❌ ch02-softmax (1회 시도, 0회 통과)" in page
    assert "<td><b>ch00</b></td>" in page and "<td>–</td>" in page      # chapter 0 has no exercises


def test_damaged_file_is_kept_aside_and_recording_goes_on(progress_file, capsys):
    progress_file.write_text('{"events": [ {"kind": "quiz", ', encoding="utf-8")
    assert progress.record("exercise", "ch02", "ch02-softmax", "failed", False)
    kept = list(progress_file.parent.glob("progress.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == '{"events": [ {"kind": "quiz", '
    assert [e["id"] for e in events(progress_file)] == ["ch02-softmax"]
    out = capsys.readouterr().out
    assert "손상" in out and kept[0].name in out


def test_wrong_shape_of_json_is_damaged_too(progress_file, capsys):
    progress_file.write_text('[1, 2, 3]', encoding="utf-8")
    assert progress.summary()["ch02"]["exercise"]["attempted"] == 0
    assert len(list(progress_file.parent.glob("progress.damaged-*.json"))) == 1


def test_recording_can_be_turned_off_and_on(progress_file, capsys):
    progress.disable()
    assert not progress.is_enabled()
    assert progress.record("quiz", "ch01", "q", "correct", True) is False
    exercises.check("ch02-softmax", lambda z: z, display=False)
    assert events(progress_file) == []
    assert "기록이 꺼져 있습니다: progress.enable()로 다시 켜기" in progress.summary().text()
    progress.enable()
    assert progress.summary().text().endswith(f"기록 파일: {progress_file}")
    assert progress.record("quiz", "ch01", "q", "correct", True) is True
    assert len(events(progress_file)) == 1


def test_an_unwritable_place_is_reported_once_and_never_raises(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    monkeypatch.setenv("HONGGONG_PROGRESS", str(blocker / "progress.json"))
    assert progress.record("quiz", "ch01", "q", "wrong", False) is False
    assert progress.record("quiz", "ch01", "q", "wrong", False) is False
    assert capsys.readouterr().out.count("학습 기록을 저장하지 못했습니다") == 1
    assert exercises.check("ch02-softmax", lambda z: z, display=False).status == "failed"


def test_writes_are_atomic_no_temporary_files_left(progress_file):
    for i in range(5):
        progress.record("quiz", "ch01", f"q{i}", "wrong", False)
    names = sorted(p.name for p in progress_file.parent.iterdir())
    assert names == ["progress.json", "progress.json.lock"]


def _record_many(args):
    path, worker, n = args
    os.environ["HONGGONG_PROGRESS"] = path
    for i in range(n):
        progress.record("exercise", "ch02", f"w{worker}-{i}", "failed", False)


def test_two_notebooks_at_once_do_not_clobber_each_other(progress_file):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_record_many, [(str(progress_file), w, 15) for w in range(2)])
    ids = sorted(e["id"] for e in events(progress_file))
    assert ids == sorted(f"w{w}-{i}" for w in range(2) for i in range(15))


def test_csv_export_for_a_teacher(progress_file, tmp_path):
    exercises.check("ch03-dense-params", lambda n_inputs, units: 0, display=False)
    exercises.check("ch03-dense-params", lambda n_inputs, units: n_inputs * units + units, display=False)
    exercises.check("ch02-softmax", lambda z: z, display=False)
    target = tmp_path / "out" / "기록.csv"
    text = progress.export_csv(target, learner="홍길동")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["learner"], r["chapter"], r["kind"], r["id"], r["attempts"], r["passed"], r["last_status"])
            for r in rows] == [("홍길동", "ch02", "exercise", "ch02-softmax", "1", "0", "failed"),
                               ("홍길동", "ch03", "exercise", "ch03-dense-params", "2", "1", "passed")]
    assert target.read_text(encoding="utf-8-sig") == text
    assert list(csv.reader(io.StringIO(progress.export_csv())))[1][0] == ""
