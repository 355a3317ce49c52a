"""pytest hooks for tests/: the terminal summary of the solved notebook runs.

tests/test_exercise_notebooks.py runs every chapter with the reference solutions injected and records
each chapter's seconds (``record_property("solved_run", ...)``); this prints them after the run, with
the wall-clock time of all of them (chapters run HONGGONG_NOTEBOOK_JOBS at a time).
"""


def pytest_terminal_summary(terminalreporter):
    runs = [value for reports in terminalreporter.stats.values() for report in reports
            if getattr(report, "when", None) == "call"
            for name, value in getattr(report, "user_properties", []) if name == "solved_run"]
    if not runs:
        return
    runs.sort(key=lambda r: r["chapter"])
    terminalreporter.section("notebooks with the solutions injected (seconds per chapter)")
    for r in runs:
        terminalreporter.write_line(f"{r['chapter']:<22} {r['seconds']:6.1f} s   ({r['exercises']} exercise checks ✅ "
                                    f"expected, {r['checked']} # NBVAL_CHECK_OUTPUT cells compared)")
    wall = max(r["started"] + r["seconds"] for r in runs) - min(r["started"] for r in runs)
    terminalreporter.write_line(f"{len(runs)} chapter(s): {sum(r['seconds'] for r in runs):.1f} s of kernel time, "
                                f"{wall:.1f} s wall clock, {runs[0]['jobs']} at a time")
