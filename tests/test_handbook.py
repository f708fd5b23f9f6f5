"""The handbook (handbook/) builds with -W -n as `python3 dev.py handbook` builds it, and has
a place for every directive, role, option, setting and warning kind the code has."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import sphinx_build

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "handbook"
sys.path.insert(0, str(HANDBOOK / "_ext"))

import roads_handbook  # noqa: E402  (handbook/_ext: roads_ext's settings and warning kinds, imported there)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handbook") / "html"
    result = sphinx_build(HANDBOOK, out, "-E")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    return out


def unsmart(text: str) -> str:
    """Text as written, before Sphinx's typographic quotes."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def page(built: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((built / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_the_handbook_builds_with_no_warning(built):
    home = page(built, "index")
    assert home.title.get_text().startswith("roads_ext handbook")
    assert (built / "_static" / "handbook.css").is_file()


def test_every_setting_has_its_row_in_the_generated_table(built):
    rows = page(built, "reference/settings").select("table.roads-handbook-table tbody tr")
    shown = {row["id"]: row.select("td")[0].get_text(strip=True) for row in rows}
    assert shown == {roads_handbook.setting_anchor(s.name): s.name for s in roads_handbook.SETTINGS}
    for row, entry in zip(rows, roads_handbook.SETTINGS, strict=True):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        assert cells[2] == repr(entry.default)
        assert unsmart(cells[4]) == entry.meaning


def test_every_warning_kind_has_its_row_in_the_generated_table(built):
    rows = page(built, "reference/warnings").select("table.roads-handbook-table tbody tr")
    shown = [row.select("td")[0].get_text(strip=True) for row in rows]
    assert shown == [f"roads.{member.value}" for member in roads_handbook.RoadsWarning]
    assert all(row.select("td")[1].get_text(strip=True) for row in rows)


# --- every directive, role and option has its place -------------------------------------

REFERENCE = HANDBOOK / "reference"


@pytest.fixture
def registered(make_app, tmp_path) -> tuple[dict[str, type], set[str]]:
    """roads_ext's directives (name -> class) and roles, as a Sphinx app registers them."""
    from docutils.parsers.rst import directives, roles

    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["roads_ext"]\n')
    (srcdir / "index.rst").write_text("Page\n====\n")
    make_app("html", srcdir=srcdir)

    def ours(thing: object) -> bool:
        kind = thing if isinstance(thing, type) else type(thing)
        return getattr(kind, "__module__", "").split(".")[0] == "roads_ext"

    found = {name: cls for name, cls in directives._directives.items() if ours(cls)}
    return found, {name for name, role in roles._roles.items() if ours(role)}


def snippets_of(name: str) -> list[Path]:
    """The MyST snippets of a directive or role: ``NAME.md`` and ``NAME-*.md``."""
    folder = roads_handbook.SNIPPETS / "myst"
    return sorted([*folder.glob(f"{name}.md"), *folder.glob(f"{name}-*.md")])


def test_every_directive_has_its_page_with_every_option(registered):
    directives, _ = registered
    assert {"speaker-card", "schedule", "only-phase"} <= directives.keys()  # the lookup finds them
    for name, cls in directives.items():
        page_file = REFERENCE / f"{name}.md"
        assert page_file.is_file(), f"directive {name!r} has no page handbook/reference/{name}.md"
        text = page_file.read_text(encoding="utf-8")
        snippets = snippets_of(name)
        assert snippets, f"directive {name!r} has no example in handbook/snippets/myst/{name}.md"
        for snippet in snippets:
            assert re.search(rf"^```{{roads-example}} {re.escape(snippet.stem)}$", text, re.M), (
                f"handbook/reference/{name}.md does not show its example {snippet.stem}"
            )
        examples = "".join(path.read_text(encoding="utf-8") for path in snippets)
        for option in cls.option_spec:
            assert f"| `:{option}:` |" in text, f"{name}: option :{option}: is not in the page's options table"
            assert f":{option}:" in examples, f"{name}: no example uses :{option}:"


def test_every_role_has_its_page_and_example(registered):
    _, roles = registered
    assert "person" in roles
    for name in roles:
        page_file = REFERENCE / f"{name}.md"
        assert page_file.is_file(), f"role {name!r} has no page handbook/reference/{name}.md"
        examples = "".join(path.read_text(encoding="utf-8") for path in snippets_of(name))
        assert f"{{{name}}}`" in examples, f"no example of handbook/snippets/myst/{name}*.md uses {{{name}}}"
        assert f"```{{roads-example}} {name}" in page_file.read_text(encoding="utf-8")


def test_every_snippet_is_shown_on_a_page():
    shown = set()
    for path in HANDBOOK.rglob("*.md"):
        if "snippets" not in path.parts:
            shown |= set(re.findall(r"^```\{roads-example\} (\S+)$", path.read_text(encoding="utf-8"), re.M))
    written = {path.stem for path in (roads_handbook.SNIPPETS / "myst").glob("*.md")}
    assert written <= shown, f"snippets no page shows: {sorted(written - shown)}"
    assert shown <= written, f"pages show snippets that do not exist: {sorted(shown - written)}"


def test_the_reference_pages_generate_the_settings_and_warnings():
    assert "```{roads-settings}" in (REFERENCE / "settings.md").read_text(encoding="utf-8")
    assert "```{roads-warnings}" in (REFERENCE / "warnings.md").read_text(encoding="utf-8")
