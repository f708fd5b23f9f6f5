"""The layout's rules, read from the code (its AST), so that the map stays true."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "roads_ext"
#: the program reader, rewritten in its own issue: its Problems still name their subtype
#: by value, which Problem turns into the member
READER = {"model/program.py", "model/pasted.py"}
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
