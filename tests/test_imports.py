"""The package's modules import each other without cycles, counting the imports inside functions (which keep the
CLI's start fast) and leaving out TYPE_CHECKING blocks: each layer stands on the ones below it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "framing"


def _module_name(f: Path) -> str:
    parts = f.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.Module, modules: set[str]) -> list[str]:
    """Every module a module imports, at its top or inside a function (TYPE_CHECKING blocks left out); ``from
    package import submodule`` is the submodule only (the package itself is always being loaded already)."""
    out: list[str] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo += node.orelse
            continue
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            out += subs if all(m in modules for m in subs) else [node.module, *subs]
        todo += ast.iter_child_nodes(node)
    return out


def import_graph() -> dict[str, set[str]]:
    files = {_module_name(f): f for f in PACKAGE.rglob("*.py")}
    names = set(files)
    return {name: {t for t in _imports(ast.parse(f.read_text(encoding="utf-8")), names)
                   if t in names and t != name}
            for name, f in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_package_has_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_engine_hash_covers_every_module_the_analysis_runs():
    """Stores know their articles are stale from the engine hash (framing.provenance.ENGINE_MODULES): every module
    that framing.report reaches, at any depth, must be one of those modules or inside one of those packages."""
    from framing.provenance import ENGINE_MODULES

    graph = import_graph()
    seen, todo = set(), ["framing.report"]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo += graph.get(m, ())
    # the version is in the staleness key itself; the exception classes decide no output, nor does the loader of
    # the compiled modules (compiled and pure-Python modules give the same output: tests/test_native.py)
    known = {"framing", "framing._version", "framing.errors", "framing._native"}
    outside = sorted(m for m in seen if not any(m == e or m.startswith(e + ".") for e in ENGINE_MODULES)
                     and m not in known)
    assert not outside, f"the analysis runs modules the engine hash leaves out: {outside}"
