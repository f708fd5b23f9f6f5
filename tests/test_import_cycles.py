"""No import cycles among roads_ext's modules: every module can be read, tested and
changed on its own. An import inside a function counts too (a lazy import is still a tie);
the package's ``__init__`` importing each family's setup is the entry point, not a tie."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def module_imports(src: Path) -> dict[str, set[str]]:
    """Module name -> the modules of the same tree it imports (anywhere in its code)."""
    modules = {
        ".".join(path.relative_to(src).with_suffix("").parts).removesuffix(".__init__"): path
        for path in src.rglob("*.py")
    }
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                imported = [base] + [f"{base}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            else:
                continue
            edges[name].update(other for other in imported if other in modules and other != name)
    for top in (name for name in modules if "." not in name):
        for targets in edges.values():
            targets.discard(top)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_check_finds_a_cycle_through_a_lazy_import(tmp_path):
    package = tmp_path / "pkg"
    (package / "model").mkdir(parents=True)
    (package / "__init__.py").write_text("from . import a\n")
    (package / "a.py").write_text("from .model import c\n")
    (package / "b.py").write_text("def late():\n    from . import a\n")
    (package / "model" / "__init__.py").write_text("")
    (package / "model" / "c.py").write_text("from ..b import late\n")
    assert cycles(module_imports(tmp_path)) == [["pkg.a", "pkg.b", "pkg.model.c"]]
    (package / "b.py").write_text("def late():\n    pass\n")
    assert cycles(module_imports(tmp_path)) == []


def test_roads_ext_has_no_import_cycle():
    edges = module_imports(SRC)
    assert len(edges) > 10 and edges["roads_ext.people"]  # it reads the real package
    found = cycles(edges)
    assert not found, "import cycles: " + "; ".join(" <-> ".join(group) for group in found)
