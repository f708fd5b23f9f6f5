"""The handbook (handbook/) builds with -W -n as `python3 dev.py handbook` builds it, and has
a place for every directive, role, option, setting and warning kind the code has."""

from __future__ import annotations

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
