"""The honggong package has no import cycles (docs/ARCHITECTURE.md: imports only go downwards).

The graph is read from the source with ``ast``: every ``import`` / ``from ... import`` anywhere in a
module, including the ones inside functions (a "lazy" import that hides a cycle is still a cycle:
``models`` -> ``saving`` -> ``models``).
"""
import ast
from pathlib import Path

import honggong

ROOT = Path(honggong.__file__).parent


def _module_name(path):
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _target(name, modules):
    """The longest honggong module that ``name`` (a dotted import name) lives in, or None."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph():
    """{module: set of honggong modules it imports}."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    base = ".".join(base + ([node.module] if node.module else []))
                else:
                    base = node.module
                # `from . import saving` imports the submodule; `from .x import f` imports x
                targets = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                found = _target(target, modules)
                if found is not None and found != name:
                    edges.add(found)
        graph[name] = edges
    return graph


def find_cycle(graph):
    """One cycle as a list [a, b, ..., a], or None."""
    state = {}                       # 1: on the current path, 2: done

    def visit(node, path):
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt, path)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def test_the_graph_sees_real_imports():
    graph = import_graph()
    assert "honggong.backend" in graph["honggong.layers"]
    assert "honggong.layers" in graph["honggong.models"]
    assert "honggong.quiz.questions" in graph["honggong.quiz.bank"]
    assert graph["honggong.backend"] == set()


def test_find_cycle_reports_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_honggong_has_no_import_cycles():
    assert find_cycle(import_graph()) is None


def test_saving_is_a_file_format_module():
    """saving.py reads and writes files; it imports no model (or layer) class."""
    imports = import_graph()["honggong.saving"]
    assert not imports & {"honggong.models", "honggong.layers", "honggong.callbacks"}


def test_quiz_questions_do_not_import_the_ui():
    graph = import_graph()
    assert "honggong.quiz.ui" not in graph["honggong.quiz.questions"]
    assert "honggong.quiz.ui" not in graph["honggong.quiz.bank"]
