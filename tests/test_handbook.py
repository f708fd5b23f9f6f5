"""The handbook (handbook/) builds with -W -n as `python3 dev.py handbook` builds it, and has
a place for every directive, role, option, setting and warning kind the code has."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import strip_colors
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


# --- the handbook on Read the Docs: a second project, its config in handbook/ ------------

RTD_CONFIG = HANDBOOK / ".readthedocs.yaml"
RTD_SCHEMA = ROOT / "tests" / "data" / "rtd-config-v2-schema.json"  # Read the Docs' own, copied


def rtd_config() -> dict:
    import yaml

    return yaml.safe_load(RTD_CONFIG.read_text(encoding="utf-8"))


def test_read_the_docs_config_is_valid_against_the_schema():
    import json

    import jsonschema

    jsonschema.validate(rtd_config(), json.loads(RTD_SCHEMA.read_text(encoding="utf-8")))


def test_read_the_docs_installs_the_same_lock_as_the_site():
    import yaml

    site = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    handbook = rtd_config()
    assert handbook["build"]["jobs"]["install"] == site["build"]["jobs"]["install"]
    assert handbook["build"]["tools"] == site["build"]["tools"] and handbook["build"]["os"] == site["build"]["os"]
    assert "python" not in handbook  # no second, unlocked install
    assert handbook["sphinx"]["configuration"] == "handbook/conf.py"
    for command in handbook["build"]["jobs"]["build"]["html"]:
        if "sphinx" in command:
            assert "-W --keep-going -n" in command and "$READTHEDOCS_OUTPUT/html" in command


def test_read_the_docs_build_job_publishes_the_handbook_only(tmp_path):
    """The html job, run as Read the Docs runs it: from the repository's root, with
    READTHEDOCS_OUTPUT set; only the site is in the published folder."""
    import os
    import subprocess

    checkout = tmp_path / "checkout"
    shutil.copytree(HANDBOOK, checkout / "handbook")
    (checkout / "bench").mkdir()
    shutil.copy(ROOT / "bench" / "HISTORY.md", checkout / "bench")  # a page of the handbook includes it
    output = tmp_path / "rtd-output"
    output.mkdir()
    env = dict(os.environ, READTHEDOCS_OUTPUT=str(output),
               READTHEDOCS_CANONICAL_URL="https://roads-ext.example.org/en/latest/",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    for command in rtd_config()["build"]["jobs"]["build"]["html"]:
        result = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        assert "WARNING" not in result.stderr, result.stderr
    index = BeautifulSoup((output / "html" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.find("link", rel="canonical")["href"] == "https://roads-ext.example.org/en/latest/index.html"
    assert (output / "html" / "reference" / "schedule.html").is_file()
    names = {path.name for path in output.rglob("*")}
    assert not names & {".doctrees", ".buildinfo", "environment.pickle"}
    assert not [name for name in names if name.endswith((".pickle", ".doctree"))]


def test_a_note_for_a_warning_kind_the_code_does_not_have_is_a_warning(make_app, tmp_path):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(HANDBOOK / '_ext')!r})\n"
        'extensions = ["myst_parser", "roads_ext", "roads_handbook"]\n'
    )
    (srcdir / "index.md").write_text(
        "# Warnings\n\n```{roads-warnings}\nroads.time: a *note*\nroads.tiem: a typo of a kind\n```\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert "index.md:5: WARNING: roads-warnings: a note must be 'roads.<subtype>: text'" in warnings
    assert "'roads.tiem: a typo of a kind'" in warnings
    html = BeautifulSoup((Path(app.outdir) / "index.html").read_text(encoding="utf-8"), "html.parser")
    note = html.select_one(f"#{roads_handbook.warning_anchor('time')} .roads-handbook-note")
    assert note is not None and note.em.get_text() == "note"
