"""No two apps import each other, directly or through others.

The apps form layers: `audit` and `accounts` at the bottom, then `core`, `org` and the
domain apps, `home` (the pages that read every app) at the top. An import that goes
back down-to-up closes a cycle; so does one written inside a function, which only
hides the cycle from Python until the function runs. Tests and migrations are not
part of the layers and are not read.
"""

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "vinhdanh"
APPS = sorted(p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists())

# (importing app, imported app) pairs that may close a cycle, each with its reason.
# None today: add one only when no module can move to break the cycle.
ALLOWED: dict[tuple[str, str], str] = {}


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[str, int]]:
    """Every module named by an import in the file, wherever the import is written."""
    package = path.relative_to(root).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join((*base, node.module) if node.module else base)
            found.append((module, node.lineno))
            # `from vinhdanh import org` names the app in the alias
            found += [(f"{module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def app_imports() -> dict[str, dict[str, list[str]]]:
    """app -> imported app -> the lines that import it ("path:line module")."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for app in APPS:
        for path in sorted((PACKAGE / app).rglob("*.py")):
            if {"tests", "migrations"} & set(path.relative_to(PACKAGE).parts):
                continue
            for module, line in imported_modules(path):
                parts = module.split(".")
                if (
                    parts[0] == "vinhdanh"
                    and len(parts) > 1
                    and parts[1] in APPS
                    and parts[1] != app
                ):
                    where = f"{path.relative_to(ROOT)}:{line}"
                    if not any(seen.startswith(f"{where} ") for seen in graph[app][parts[1]]):
                        graph[app][parts[1]].append(f"{where} {module}")
    return graph


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path a -> ... -> a) per group of apps that reach each other."""
    found, done = [], set()
    for start in sorted(edges):
        stack = [(start, [start])]
        seen = set()
        while stack:
            app, path = stack.pop()
            for other in sorted(edges.get(app, ())):
                if other == start:
                    cycle = [*path, start]
                    if frozenset(cycle) not in done:
                        done.add(frozenset(cycle))
                        found.append(cycle)
                elif other not in seen:
                    seen.add(other)
                    stack.append((other, [*path, other]))
    return found


def test_the_reader_sees_imports_wherever_they_are_written(tmp_path):
    module = tmp_path / "vinhdanh" / "org" / "views.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from vinhdanh.core import text\n"
        "from ..records import selectors\n"
        "def view():\n"
        "    import vinhdanh.awards.models\n"
    )
    names = [name for name, _ in imported_modules(module, root=tmp_path)]
    assert "vinhdanh.core" in names
    assert "vinhdanh.records.selectors" in names
    assert "vinhdanh.awards.models" in names


def test_cycles_are_found_through_other_apps():
    edges = {"core": {"org"}, "org": {"records"}, "records": {"core"}, "home": {"core"}}
    assert cycles(edges) == [["core", "org", "records", "core"]]
    assert cycles({"core": {"org"}, "org": set()}) == []


def test_no_two_apps_import_each_other():
    graph = app_imports()
    assert "core" in graph["org"], "org's imports of core were not found: the reader is broken"
    edges = {
        app: {other for other in imported if (app, other) not in ALLOWED}
        for app, imported in graph.items()
    }
    problems = []
    for cycle in cycles(edges):
        lines = [f"  {' -> '.join(cycle)}"]
        for app, other in pairwise(cycle):
            lines += [f"    {where}" for where in graph[app][other]]
        problems.append("\n".join(lines))
    assert not problems, (
        "Apps import each other. Move the shared piece to the app below both (or the page "
        "that reads both up to `home`); a lazy import inside a function counts too.\n"
        + "\n".join(problems)
    )
