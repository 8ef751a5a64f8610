"""No import cycles among the modules of `index` and `bot`, and imports go down the layers.

The graph is read from the source with `ast`: every `import` and `from ... import` that names
a module of either package counts, at the top of a module, inside a function, or under
`TYPE_CHECKING`. `from package import name` is an edge to `package.name` when that is a
module, else to `package`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("index", "bot")


def package_modules() -> dict[str, Path]:
    """Return every module of the packages by dotted name (a package by its own name)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _nearest(dotted: str, known: dict[str, Path]) -> str | None:
    """Return the longest leading part of `dotted` that is one of the modules, or None."""
    parts = dotted.split(".")
    while parts and ".".join(parts) not in known:
        parts.pop()
    return ".".join(parts) or None


def imports_of(name: str, known: dict[str, Path]) -> set[str]:
    """Return the package modules that module `name` imports, anywhere in its source."""
    path = known[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(_nearest(alias.name, known) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else _nearest(base, known))
    return {module for module in found if module is not None}


def import_graph() -> dict[str, set[str]]:
    """Return each module of `index` and `bot` with the package modules it imports."""
    known = package_modules()
    return {name: imports_of(name, known) for name in known}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of modules (each a cycle or several), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def path_within(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """Return a cycle through the first module of a strongly connected group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:  # breadth first: the shortest way back to `start`
        node = frontier.pop(0)
        for target in sorted(graph[node] & members):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                frontier.append(target)
    raise AssertionError(f"{group} is not strongly connected")


def describe(groups: list[list[str]], graph: dict[str, set[str]]) -> str:
    """Name each cycle: a path back to its first module, and every module of its group."""
    return "\n".join(
        f"{' -> '.join(path_within(group, graph))} (modules in the cycle: {', '.join(group)})"
        for group in groups
    )


def test_the_cycle_finder_names_each_cycle():
    graph = {"a": {"b"}, "b": {"c", "x"}, "c": {"a", "d"}, "d": set(), "e": {"e"}, "f": {"d"},
             "x": {"b"}}
    assert cycles(graph) == [["a", "b", "c", "x"], ["e"]]
    assert describe(cycles(graph), graph) == (
        "a -> b -> c -> a (modules in the cycle: a, b, c, x)\ne -> e (modules in the cycle: e)"
    )
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_holds_top_level_function_level_and_type_checking_imports():
    graph = import_graph()
    assert "index.store.chroma" in graph["index.service"]  # at the top
    assert "index.answer" in graph["index.service"]  # inside `Newsdesk.ask`
    assert "bot.app" in graph["bot.cogs.ask"]  # under TYPE_CHECKING
    assert "index.answer.citing" in graph["index.answer.pipeline"]  # from a package, a module
    assert not [name for name in graph if name.startswith("index") and any(
        target.startswith("bot") for target in graph[name]) and name != "index.cli"]


def test_no_import_cycles():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles:\n" + describe(found, graph)


def layer(module: str) -> int:
    """Return a module's layer, from 0 (the shared modules at the top of `index`) to 5 (`bot`).

    1 is `index.corpus`, 2 `index.store`, 3 `index.answer`, 4 the facade and the command line.
    """
    parts = module.split(".")
    if parts[0] == "bot":
        return 5
    if len(parts) > 1 and parts[1] in ("corpus", "store", "answer"):
        return ("corpus", "store", "answer").index(parts[1]) + 1
    return 4 if module in ("index", "index.service", "index.cli") else 0


def test_imports_go_down_the_layers():
    """The corpus needs only the shared modules; the store, the corpus; answering, both."""
    graph = import_graph()
    upward = sorted(
        f"{source} -> {target}" for source, targets in graph.items() for target in targets
        if layer(target) > layer(source)
        and not (source == "index.cli" and target.startswith("bot."))  # `newsdesk run`
    )
    assert upward == []
