"""Every example of the handbook (handbook/snippets/) builds in MyST and in reStructuredText
with no warning, and Sphinx makes of it what its stored snapshot says.

The snapshot is the page's doctree after the post-transforms of the HTML builder, as text,
with no absolute path; one file per snippet (``snapshots/NAME.xml``) that both syntaxes must
match, or a second one (``NAME.rst.xml``) where reStructuredText's tree differs.
``python3 dev.py handbook --update-snapshots`` rewrites them (``ROADS_UPDATE_SNAPSHOTS=1``);
review the change as a change of the code's output.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import strip_colors

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = ROOT / "handbook"
sys.path.insert(0, str(HANDBOOK / "_ext"))

from roads_handbook import SNIPPETS, snippet_paths  # noqa: E402

SNAPSHOTS = SNIPPETS / "snapshots"
#: the files the examples name (photos, logos, CSV files), beside the reference pages
EXAMPLE_FILES = HANDBOOK / "reference"
#: the handbook's settings that change what an example shows
CONF = """\
extensions = ["myst_parser", "roads_ext"]
myst_enable_extensions = ["colon_fence", "attrs_block", "attrs_inline"]
exclude_patterns = ["_build"]
roads_workshop_date = "2023-06-08"
roads_timezone = "America/New_York"
"""
#: "now" for every example: April 1, 2023, while the examples' call for papers is open
EPOCH = "1680307200"
UPDATE = os.environ.get("ROADS_UPDATE_SNAPSHOTS") == "1"


def snippet_names() -> list[str]:
    return sorted(path.stem for path in (SNIPPETS / "myst").glob("*.md"))


def test_every_snippet_is_written_in_both_syntaxes():
    myst = {path.stem for path in (SNIPPETS / "myst").glob("*.md")}
    rst = {path.stem for path in (SNIPPETS / "rst").glob("*.rst")}
    assert myst and myst == rst, f"MyST only: {sorted(myst - rst)}; rST only: {sorted(rst - myst)}"
    stored = {path.name.split(".")[0] for path in SNAPSHOTS.glob("*.xml")}
    assert stored == myst, f"no snapshot: {sorted(myst - stored)}; no snippet: {sorted(stored - myst)}"


def normalised(text: str, srcdir: Path) -> str:
    """The doctree's text with no absolute path and no build-specific value."""
    text = text.replace(str(srcdir), "<srcdir>")
    # the page's file, whatever its syntax
    text = re.sub(r'source="<srcdir>/index\.(?:md|rst)"', 'source="<srcdir>/index"', text)
    return re.sub(r"\s+$", "", text, flags=re.M) + "\n"


def build_snippet(make_app, tmp_path: Path, name: str, syntax: str) -> str:
    myst, rst = snippet_paths(name)
    srcdir = tmp_path / "src"
    shutil.copytree(EXAMPLE_FILES, srcdir, ignore=shutil.ignore_patterns("*.md", "*.rst"))
    (srcdir / "conf.py").write_text(CONF)
    if syntax == "myst":
        (srcdir / "index.md").write_text("# Example\n\n" + myst.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        (srcdir / "index.rst").write_text("Example\n=======\n\n" + rst.read_text(encoding="utf-8"), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in line or "ERROR" in line]
    assert warnings == [], f"{name} ({syntax}) gives warnings"
    doctree = app.env.get_and_resolve_doctree("index", app.builder)  # with the post-transforms
    return normalised(doctree.pformat(), srcdir)


@pytest.mark.parametrize("syntax", ["myst", "rst"])
@pytest.mark.parametrize("name", snippet_names())
def test_the_snippet_matches_its_snapshot(make_app, tmp_path, monkeypatch, name, syntax):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    got = build_snippet(make_app, tmp_path, name, syntax)
    shared, own = SNAPSHOTS / f"{name}.xml", SNAPSHOTS / f"{name}.rst.xml"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        if syntax == "myst":
            shared.write_text(got, encoding="utf-8")
        elif shared.exists() and shared.read_text(encoding="utf-8") == got:
            own.unlink(missing_ok=True)
        else:
            own.write_text(got, encoding="utf-8")
        return
    wanted = own if syntax == "rst" and own.exists() else shared
    assert wanted.exists(), f"no snapshot {wanted.name}: run python3 dev.py handbook --update-snapshots"
    assert got == wanted.read_text(encoding="utf-8"), (
        f"{name} ({syntax}) differs from {wanted.relative_to(ROOT)}; if the change is meant, run "
        "python3 dev.py handbook --update-snapshots and review the difference"
    )
