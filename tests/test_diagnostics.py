"""One home for warnings and settings: the code, the enum and config.py agree (the handbook's
settings and warnings pages are generated from them: tests/test_handbook.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from docutils.parsers.rst import directives as rst_directives

from roads_ext.config import SETTINGS
from roads_ext.core.directive import RoadsDirective
from roads_ext.diagnostics import RoadsWarning

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "roads_ext"

MEMBERS = {member.value for member in RoadsWarning}


# --- every subtype the code gives is a member ---------------------------------------


def emitted_subtypes(tree: ast.AST) -> list[tuple[int, str]]:
    """``(line, subtype)`` for each subtype written in the code: the second argument
    of ``warn(...)``, ``self.warn(...)`` and ``Problem(...)``, any ``subtype=``
    keyword and any ``warning_subtype = ...``; a ``RoadsWarning.NAME`` is given as
    ``"RoadsWarning.NAME"``. Values computed at run time are not literals and are
    left out (they come from these literals)."""

    def literal(node: ast.AST | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "RoadsWarning"
        ):
            return f"RoadsWarning.{node.attr}"
        return None

    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        candidates: list[ast.AST] = []
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("warn", "Problem") and len(node.args) >= 2:
                candidates.append(node.args[1])
            candidates += [kw.value for kw in node.keywords if kw.arg == "subtype"]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", getattr(t, "attr", "")) == "warning_subtype" for t in targets):
                candidates.append(node.value)
        for candidate in candidates:
            value = literal(candidate)
            if value is not None:
                found.append((candidate.lineno, value))
    return found


def unknown_subtypes(tree: ast.AST) -> list[tuple[int, str]]:
    names = {member.name for member in RoadsWarning}
    return [
        (line, value)
        for line, value in emitted_subtypes(tree)
        if (
            value.removeprefix("RoadsWarning.") not in names
            if value.startswith("RoadsWarning.")
            else value not in MEMBERS
        )
    ]


def test_the_scan_finds_a_subtype_that_is_not_a_member():
    code = (
        "warn('x', 'time', None)\n"
        "self.warn('x', 'nonsense')\n"
        "Problem(0, 'overlapp', 'x')\n"
        "directive.warn('x', subtype='htm')\n"
        "class D:\n    warning_subtype = 'speakers'\n"
        "warn('x', RoadsWarning.NOPE, None)\n"
    )
    assert unknown_subtypes(ast.parse(code)) == [
        (2, "nonsense"),
        (3, "overlapp"),
        (4, "htm"),
        (6, "speakers"),
        (7, "RoadsWarning.NOPE"),
    ]


def test_every_subtype_the_code_gives_is_a_member_of_the_enum():
    unknown, seen = [], set()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        seen.update(value.removeprefix("RoadsWarning.") for _, value in emitted_subtypes(tree))
        unknown += [f"{path.relative_to(ROOT)}:{line}: {value!r}" for line, value in unknown_subtypes(tree)]
    assert not unknown, "subtypes that are not members of RoadsWarning:\n" + "\n".join(unknown)
    # the scan reads the code it should: most kinds are written as literals
    assert len(seen) >= 15, seen


def test_every_directive_gives_warnings_of_a_member(make_app, tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["roads_ext"]\n')
    (tmp_path / "index.rst").write_text("Home\n====\n")
    make_app("html", srcdir=tmp_path)
    ours = {
        name: cls
        for name, cls in rst_directives._directives.items()
        if isinstance(cls, type) and issubclass(cls, RoadsDirective)
    }
    assert {"speaker-card", "speakers", "committee", "topic-grid", "schedule", "important-dates"} <= set(ours)
    for name, cls in ours.items():
        assert getattr(cls, "warning_subtype", None) in MEMBERS, name


def test_each_member_has_a_one_line_meaning():
    for member in RoadsWarning:
        assert member.meaning and "\n" not in member.meaning, member
        assert RoadsWarning(member.value) is member
        assert f"roads.{member}" == f"roads.{member.value}"


# --- settings: one declaration each, checked with a located warning ---------------------


def test_every_setting_is_registered_with_its_default_and_meaning(make_app, tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["roads_ext"]\n')
    (tmp_path / "index.rst").write_text("Home\n====\n")
    app = make_app("html", srcdir=tmp_path)
    for entry in SETTINGS:
        assert app.config[entry.name] == entry.default
        assert app.config._options[entry.name].description == entry.meaning
    roads = {name for name in app.config._options if name.startswith("roads_")}
    assert roads == {entry.name for entry in SETTINGS}


def test_a_setting_of_the_wrong_type_is_a_warning_at_its_line_in_conf_py(build_page):
    built = build_page("# Home\n", conf="\n# the venue\nroads_timezone = 5\n")
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        r"conf\.py:6: WARNING: roads_timezone = 5 in conf\.py must be str, not int; "
        r"the default '' is used \[roads\.config\]$",
        lines[0],
    ), lines
    assert built.app.config.roads_timezone == ""


def test_a_social_card_problem_is_located_in_conf_py(build_page):
    built = build_page("# Home\n", conf='roads_social_card = {"colour": "red"}\n')
    lines = built.warning_lines()
    assert len(lines) == 1 and re.search(
        r"conf\.py:4: WARNING: roads_social_card: unknown key "
        r"'colour' \(did you mean 'color'\?\); it is ignored \[roads\.social\]",
        lines[0],
    ), lines


# --- :name: is a label --------------------------------------------------------------------

BLOCKS_MYST = {
    "committee": (
        "```{committee} Programme committee\n:name: pc\n\n* Ada Example (Uni A, UK)\n```\n",
        "pc",
        "Programme committee",
    ),
    "speakers": ("```{speakers}\n:name: invited\n\n* Bo Sample (Uni B, FR)\n```\n", "invited", "Speakers"),
    "topic-grid": ("```{topic-grid}\n:name: scope\n\n* :cpu: Fast training\n```\n", "scope", "Topics"),
    "speaker-card": (
        "```{speaker-card} Cy Placeholder\n:name: keynote\n:affiliation: Uni C\n```\n",
        "keynote",
        "Cy Placeholder",
    ),
    "schedule": (
        "```{schedule} June 8, 2023\n:name: program\n:timezone: UTC\n:location: Room 1\n"
        ":event: Example Workshop\n\n- 9:00-10:00 Welcome\n```\n",
        "program",
        "Example Workshop",
    ),
    "important-dates": (
        "```{important-dates} Deadlines\n:name: deadlines\n\n- Submission: May 1, 2023 (AoE)\n```\n",
        "deadlines",
        "Deadlines",
    ),
}


def rst_of(myst: str) -> str:
    """The same block in reStructuredText."""
    head, *body = myst.strip().removesuffix("```").splitlines()
    name = re.match(r"```\{(.+?)\}(.*)", head)
    assert name is not None
    out = [f".. {name.group(1)}::{name.group(2)}"]
    out += [f"   {line}" if line else "" for line in body]
    text = "\n".join(out) + "\n"
    return text.replace("* :cpu:", "* \\:cpu:")  # rST reads ":cpu:" alone as a role


@pytest.mark.parametrize("block", sorted(BLOCKS_MYST))
@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_name_is_a_label_that_ref_links_to_with_the_block_title(build_page, block, suffix):
    source, label, title = BLOCKS_MYST[block]
    if suffix == ".md":
        page = f"# Home\n\n{source}\nSee {{ref}}`{label}`.\n"
        other = f"---\norphan: true\n---\n# Other\n\nBack to {{ref}}`{label}`.\n"
    else:
        page = f"Home\n====\n\n{rst_of(source)}\nSee :ref:`{label}`.\n"
        other = f":orphan:\n\nOther\n=====\n\nBack to :ref:`{label}`.\n"
    built = build_page(
        page,
        suffix=suffix,
        files={f"other{suffix}": other},
        conf="suppress_warnings = ['toc.not_included']\n",
    )
    assert built.warning_lines() == []
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(built.html, "html.parser")
    link = next(a for a in soup.select("a.reference.internal") if a.get_text() == title)
    anchor = link["href"].removeprefix("#")
    assert soup.find(id=anchor) is not None
    other_html = (Path(built.app.outdir) / "other.html").read_text(encoding="utf-8")
    other_link = BeautifulSoup(other_html, "html.parser").find("a", string=title)
    assert other_link is not None and other_link["href"] == f"index.html#{anchor}"


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_name_used_twice_is_a_warning_naming_both(build_page, suffix):
    first = BLOCKS_MYST["committee"][0]
    second = BLOCKS_MYST["topic-grid"][0].replace(":name: scope", ":name: PC")
    if suffix == ".md":
        page = f"# Home\n\n{first}\n{second}\nSee {{ref}}`pc`.\n"
    else:
        page = f"Home\n====\n\n{rst_of(first)}\n{rst_of(second)}\nSee :ref:`pc`.\n"
    built = build_page(page, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        rf"index{re.escape(suffix)}:10: WARNING: topic-grid: :name: 'PC' of 'Topics' "
        r"is already a label on this page; this block cannot be linked by it: give it "
        r"another name \[roads\.label\]$",
        lines[0],
    ), lines
    # the first keeps the label, and both blocks are shown
    assert "Programme committee" in built.html and "Fast training" in built.html
    assert '<a class="reference internal" href="#pc">' in built.html


def test_a_name_another_page_has_is_a_warning_naming_that_page(build_page):
    committee = BLOCKS_MYST["committee"][0]
    built = build_page(
        f"# Home\n\n{committee}",
        files={"other.md": f"---\norphan: true\n---\n# Other\n\n{committee}"},
        conf="suppress_warnings = ['toc.not_included']\n",
    )
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        r"other\.md:7: WARNING: committee: :name: 'pc' of 'Programme committee' is "
        r"already a label in \S*index\.md; this block cannot be linked by it",
        lines[0],
    ), lines


def test_an_unknown_time_zone_in_conf_py_is_one_warning_at_its_line(build_page):
    source = "# Home\n\n```{important-dates}\n- Submission: May 1, 2023, 5:00pm\n```\n"
    built = build_page(source, conf="roads_timezone = 'America/Los_Angles'\n")
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        r"conf\.py:4: WARNING: roads_timezone = 'America/Los_Angles' in conf\.py: .*"
        r"did you mean 'America/Los_Angeles'.*; UTC is used \[roads\.timezone\]$",
        lines[0],
    ), lines
    assert built.app.config.roads_timezone == "UTC"
    assert "5:00\u202fPM UTC" in built.html or "5:00 PM UTC" in built.html


def test_labels_from_pages_read_in_parallel_resolve(make_app, tmp_path):
    """Labels live in Sphinx's standard domain, which merges what each process read."""
    from conftest import SNIPPET_CONF, strip_colors

    (tmp_path / "conf.py").write_text(SNIPPET_CONF)
    pages = [f"page{n}" for n in range(8)]
    refs = " ".join(f"{{ref}}`pc{n}`" for n in range(8))
    toctree = "\n".join(pages)
    (tmp_path / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toctree}\n```\n\n{refs}\n")
    for n, page in enumerate(pages):
        (tmp_path / f"{page}.md").write_text(
            f"# Page {n}\n\n```{{committee}} Committee {n}\n:name: pc{n}\n\n* Person {n} (Org {n}, X)\n```\n"
        )
    app = make_app("html", srcdir=tmp_path, parallel=2)
    app.build()
    assert app.is_parallel_allowed("read")
    warnings = strip_colors(app.warning.getvalue())
    assert "WARNING" not in warnings, warnings
    from bs4 import BeautifulSoup

    index = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    links = {
        a.get_text(): a["href"] for a in index.select("a.reference.internal") if "Committee" in a.get_text()
    }
    assert links == {f"Committee {n}": f"page{n}.html#pc{n}" for n in range(8)}
