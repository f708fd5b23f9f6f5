"""Build-wide state lives in a domain with purge and merge (``clear_doc``,
``merge_domaindata``), not in attributes added to the build environment: an attribute
is neither purged when its page is re-read nor merged from a parallel reader."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "roads_ext"


def names_env(node: ast.expr) -> bool:
    """``env``, ``self.env``, ``app.env``, ``other`` (the environment merged from)..."""
    return (isinstance(node, ast.Name) and node.id in ("env", "other")) or (
        isinstance(node, ast.Attribute) and node.attr == "env")


def environment_attributes(source: str) -> list[tuple[int, str]]:
    """(line, what) for every attribute set on, or read by name from, an environment."""
    found = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and names_env(target.value):
                found.append((node.lineno, f"env.{target.attr} = ..."))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("setattr", "getattr", "hasattr", "delattr") and node.args
                and names_env(node.args[0]) and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant) and str(node.args[1].value).startswith("roads")):
            found.append((node.lineno, f"{node.func.id}(env, {node.args[1].value!r})"))
        if isinstance(node, ast.Attribute) and node.attr.startswith("roads_") and names_env(node.value):
            found.append((node.lineno, f"env.{node.attr}"))
    return found


def test_no_code_sets_an_attribute_on_the_environment():
    found = [f"{path.relative_to(SRC)}:{line}: {what}" for path in sorted(SRC.rglob("*.py"))
             for line, what in environment_attributes(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_check_finds_what_it_looks_for():
    assert sorted(environment_attributes(
        "env.roads_x = {}\nself.env.roads_y += 1\nsetattr(app.env, 'roads_z', 1)\n"
        "getattr(env, 'roads_w', None)\nenv.roads_v.clear()\nself.data = {}\n")) == [
        (1, "env.roads_x"), (1, "env.roads_x = ..."), (2, "env.roads_y"), (2, "env.roads_y = ..."),
        (3, "setattr(env, 'roads_z')"), (4, "getattr(env, 'roads_w')"), (5, "env.roads_v")]


def test_the_extension_keeps_its_data_in_domains(make_app, tmp_path):
    """A build leaves no attribute of its own in the environment."""
    (tmp_path / "conf.py").write_text('extensions = ["roads_ext"]\nproject = "Example"\n')
    (tmp_path / "index.rst").write_text("Home\n====\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    added = sorted(name for name in vars(app.env) if name.startswith("roads"))
    assert added == []
    assert {"roads-calendar", "roads-papers", "roads-phases", "roads-program"} <= set(app.env.domains)
