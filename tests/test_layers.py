"""The layout's rules, read from the code (its AST), so that the map stays true.

The rooms, from the bottom (the README's "The extension's layout" draws them):

    diagnostics   the warning subtypes                     imports nothing of roads_ext
    model/        the workshop as plain data               diagnostics
    core/         what every family shares                 model, diagnostics
    config, i18n  the settings, the site's language        core, model, diagnostics (i18n: config)
    services/     registry, calendars, papers, talks,      the rooms above, and each other
                  images: shared stores, public APIs
    a family      one directive family each                the rooms above, never another family
    output/       what a build writes besides pages        the rooms above, never a family
    cli/, __init__, __main__                               anything

Every room may import the package root (``__version__``)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "roads_ext"
#: modules left out of the checks below: none (the program reader keeps the same rules)
READER: set[str] = set()
#: calls whose second argument is a warning subtype, and the keyword that names one
SUBTYPE_CALLS = {"warn", "Problem"}


def modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "templates" not in path.parts
    }


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def subtype_strings(tree: ast.Module) -> list[int]:
    """Lines where a warning's subtype is written as a string, not a RoadsWarning member."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            given = [node.args[1]] if _callee(node) in SUBTYPE_CALLS and len(node.args) > 1 else []
            given += [keyword.value for keyword in node.keywords if keyword.arg == "subtype"]
            found += [value.lineno for value in given if _is_text(value)]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = any(isinstance(t, ast.Name) and t.id == "warning_subtype" for t in targets)
            if named and node.value is not None and _is_text(node.value):
                found.append(node.lineno)
    return sorted(found)


FAMILIES = ("people", "program", "important_dates", "papers", "topics", "sponsors", "phases", "editions")
BELOW = {
    "diagnostics": set(),
    "model": {"diagnostics"},
    "core": {"model", "diagnostics"},
    "config": {"core", "model", "diagnostics"},
    "i18n": {"config", "core", "model", "diagnostics"},
    "services": {"i18n", "config", "core", "model", "diagnostics"},
}
for family in FAMILIES:
    BELOW[family] = BELOW["services"] | {"services"}
BELOW["output"] = BELOW["services"] | {"services"}
ANYTHING = ("cli", "__init__", "__main__")


def room(module: str) -> str:
    """``roads_ext.core.pages`` -> ``core``; ``roads_ext`` itself -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(modules: dict[str, ast.Module]) -> list[tuple[str, int, str]]:
    """``(module, line, imported module)`` for every import of roads_ext by roads_ext,
    anywhere in the code (inside a function, or for type checking, too)."""
    names = {"roads_ext." + name.removesuffix(".py").replace("/", ".").removesuffix(".__init__") for name in modules}
    found = []
    for name, tree in modules.items():
        module = "roads_ext." + name.removesuffix(".py").replace("/", ".")
        package = module.removesuffix(".__init__") if name.endswith("__init__.py") else module.rpartition(".")[0]
        module = module.removesuffix(".__init__")
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in names else base for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            found += [(module, node.lineno, target) for target in targets if target.split(".")[0] == "roads_ext"]
    return found


def layer_breaks(found: list[tuple[str, int, str]]) -> list[str]:
    """Each import that breaks a layer, named: ``roads_ext.core.pages:12 imports roads_ext.people
    (core may import model, diagnostics)``."""
    broken = []
    for module, line, target in found:
        here, there = room(module), room(target)
        if here == there or (there == "__init__" and target == "roads_ext") or here in ANYTHING:
            continue
        if there not in BELOW.get(here, set()):
            allowed = ", ".join(sorted(BELOW.get(here, set()))) or "nothing of roads_ext"
            broken.append(f"{module}:{line} imports {target} ({here} may import {allowed})")
    return broken


def test_every_import_keeps_to_the_layers():
    found = modules()
    assert {room("roads_ext." + name.split("/")[0].removesuffix(".py")) for name in found} >= {
        "core", "model", "services", "output", "cli", *FAMILIES}
    edges = imports(found)
    assert len(edges) > 100  # it reads the real package
    assert layer_breaks(edges) == []


def test_the_layer_check_names_a_new_arrow_that_breaks_a_layer():
    found = [
        ("roads_ext.core.pages", 3, "roads_ext.people"),
        ("roads_ext.model.dates", 4, "roads_ext.core.report"),
        ("roads_ext.papers", 5, "roads_ext.program"),
        ("roads_ext.output.assets", 6, "roads_ext.topics"),
        ("roads_ext.program", 7, "roads_ext.services.registry"),
        ("roads_ext.cli.quickstart", 8, "roads_ext.people"),
        ("roads_ext.core.build", 9, "roads_ext"),
    ]
    assert layer_breaks(found) == [
        "roads_ext.core.pages:3 imports roads_ext.people (core may import diagnostics, model)",
        "roads_ext.model.dates:4 imports roads_ext.core.report (model may import diagnostics)",
        "roads_ext.papers:5 imports roads_ext.program (papers may import config, core, diagnostics, i18n, "
        "model, services)",
        "roads_ext.output.assets:6 imports roads_ext.topics (output may import config, core, diagnostics, "
        "i18n, model, services)",
    ]


def test_the_model_imports_neither_sphinx_nor_docutils():
    """``model/`` is the workshop as plain data: read anywhere, tested without a build."""
    found = [
        f"{name}:{node.lineno}"
        for name, tree in modules().items()
        if name.startswith("model/")
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            imported.split(".")[0] in ("sphinx", "docutils", "myst_parser", "sphinx_design")
            for imported in ([node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                             else [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        )
    ]
    assert found == []


def test_importing_the_model_loads_neither_sphinx_nor_docutils():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", (
        "import sys, pkgutil, importlib, roads_ext.model as m\n"
        "[importlib.import_module('roads_ext.model.' + i.name) for i in pkgutil.iter_modules(m.__path__)]\n"
        "print([n for n in sys.modules if n.split('.')[0] in ('sphinx', 'docutils')])\n")],
        capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_warning_names_a_roads_warning_member():
    found = {
        name: lines
        for name, tree in modules().items()
        if name not in READER and (lines := subtype_strings(tree))
    }
    assert found == {}, f"write RoadsWarning.<MEMBER>, not its value, at {found}"


def test_the_check_finds_a_subtype_written_as_text():
    tree = ast.parse('warn("m", "time", None)\nself.warn("m", subtype="link")\nwarning_subtype = "x"\n')
    assert subtype_strings(tree) == [1, 2, 3]


def test_docutils_still_rejects_an_option_given_twice():
    """``core/docutils_patch.py`` exists because docutils refuses a directive whose option
    is given twice. When docutils keeps the last value itself, this fails: remove the patch."""
    from docutils import nodes
    from docutils import utils as docutils_utils

    original = getattr(docutils_utils.extract_extension_options, "roads_original",
                       docutils_utils.extract_extension_options)
    field_list = nodes.field_list()
    for value in ("first", "second"):
        field_list += nodes.field("", nodes.field_name("", "track"), nodes.field_body("", nodes.paragraph("", value)))
    try:
        original(field_list, {"track": str})
    except docutils_utils.DuplicateOptionError:
        return
    raise AssertionError("docutils now accepts an option given twice: roads_ext's docutils_patch can go")


#: the longest module, and the longest function without a reason in its docstring
MODULE_LINES = 650
FUNCTION_LINES = 80
#: its docstring says why a function must be long
WHY_LONG = "It is long because"


def too_long(modules: dict[str, ast.Module], lines: dict[str, int]) -> list[str]:
    found = [f"{name}: {count} lines" for name, count in lines.items() if count > MODULE_LINES]
    for name, tree in modules.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES and WHY_LONG not in (ast.get_docstring(node) or ""):
                    found.append(f"{name}:{node.lineno} {node.name}(): {length} lines")
    return found


def test_no_module_or_function_is_longer_than_it_says_it_must_be():
    """A module over ~600 lines is two concerns; a function over 80 lines says why in its
    docstring ("It is long because ..."). The program reader is rewritten in its own issue."""
    lines = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
        if "templates" not in path.parts
    }
    found = {name: tree for name, tree in modules().items() if name not in READER}
    assert too_long(found, {name: count for name, count in lines.items() if name not in READER}) == []


def test_the_length_check_finds_a_long_function_without_a_reason():
    body = "\n".join(f"    x = {n}" for n in range(FUNCTION_LINES))
    tree = ast.parse(f"def f():\n{body}\n\ndef g():\n    \"\"\"{WHY_LONG} it is.\"\"\"\n{body}\n")
    assert too_long({"m.py": tree}, {"m.py": 10, "n.py": MODULE_LINES + 1}) == [
        f"n.py: {MODULE_LINES + 1} lines", f"m.py:1 f(): {FUNCTION_LINES + 1} lines"]
