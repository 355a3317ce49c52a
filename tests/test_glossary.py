"""One spelling per term over every notebook source, quiz bank and the Korean text of the package's
string literals and docstrings (docs/GLOSSARY.md is the table)."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "GLOSSARY.md"
TEXTS = sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "honggong" / "quiz" / "banks").glob("*.json"))
# honggong's own text a learner reads: error messages, docstrings shown by help() (string literals only)
PACKAGE = sorted((ROOT / "honggong").rglob("*.py"))
HANGUL = re.compile("[\uac00-\ud7a3]")
NOTE_NUMBER = re.compile(r"노트\s*\(?\s*00[0-4]")


def glossary_rows():
    """(preferred, [avoided], [allowed phrases]) for each row of the table in docs/GLOSSARY.md."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 4 or cells[0] in ("쓰는 말", "---"):
            continue
        split = lambda cell: [t.strip() for t in cell.split(",") if t.strip()]
        rows.append((cells[0], split(cells[1]), split(cells[3])))
    return rows


ROWS = glossary_rows()


def test_glossary_table_is_read():
    preferred = [p for p, _, _ in ROWS]
    assert len(ROWS) >= 25 and len(set(preferred)) == len(preferred)
    assert ("기울기", ["그레이디언트", "그래디언트", "그라디언트", "그레디언트"], ["그레이디언트라고도"]) in ROWS
    for preferred, avoided, allowed in ROWS:
        assert avoided, preferred
        assert all(any(a in phrase for a in avoided) for phrase in allowed), (preferred, allowed)


def avoided_uses(text, avoided, allowed):
    """Each occurrence of `avoided` in `text` that is not inside one of the `allowed` phrases."""
    hits = []
    for match in re.finditer(re.escape(avoided), text):
        inside = False
        for phrase in allowed:
            offset = phrase.find(avoided)
            if offset >= 0 and text.startswith(phrase, match.start() - offset):
                inside = True
        if not inside:
            hits.append(text[max(0, match.start() - 25):match.end() + 25].replace("\n", " "))
    return hits


def test_avoided_uses_respects_exceptions():
    assert avoided_uses("편향 보정과 편향", "편향", ["편향 보정"]) == ["편향 보정과 편향"]
    assert avoided_uses("그레이디언트라고도 씁니다", "그레이디언트", ["그레이디언트라고도"]) == []


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_one_spelling_per_term(path):
    text = path.read_text(encoding="utf-8")
    problems = []
    for preferred, avoided_terms, allowed in ROWS:
        for avoided in avoided_terms:
            for where in avoided_uses(text, avoided, allowed):
                problems.append(f"{avoided!r} → {preferred!r}: …{where}…")
    assert not problems, f"{path.name}: docs/GLOSSARY.md says\n" + "\n".join(problems)


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_notes_are_not_cited_by_file_number(path):
    hits = [m.group(0) for m in NOTE_NUMBER.finditer(path.read_text(encoding="utf-8"))]
    assert not hits, f"{path.name} points at a study note by number {hits}: frame it as 흔한 오해 instead"


def korean_strings(source):
    """(line, text) of every string literal with Hangul in Python ``source``: docstrings, messages and
    the constant parts of f-strings (comments are not read: a learner does not see them)."""
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and HANGUL.search(node.value)]


def test_korean_strings_reads_docstrings_messages_and_f_strings():
    source = '''"""모듈 기울기"""\n# 주석 그레이디언트\ndef f(x):\n    raise E(f"{x} 해결: 그레이디언트")\n'''
    assert korean_strings(source) == [(1, "모듈 기울기"), (4, " 해결: 그레이디언트")]


@pytest.mark.parametrize("path", PACKAGE, ids=[str(p.relative_to(ROOT)) for p in PACKAGE])
def test_one_spelling_per_term_in_the_package(path):
    problems = []
    for line, text in korean_strings(path.read_text(encoding="utf-8")):
        for preferred, avoided_terms, allowed in ROWS:
            for avoided in avoided_terms:
                for where in avoided_uses(text, avoided, allowed):
                    problems.append(f"line {line}: {avoided!r} → {preferred!r}: …{where}…")
    assert not problems, f"{path.relative_to(ROOT)}: docs/GLOSSARY.md says\n" + "\n".join(problems)
