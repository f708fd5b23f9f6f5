"""The handbook guides' schedule and important-dates examples, and the ROADS site's dates."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from conftest import ROOT
from pagetext import shown_status
from test_program import EPOCH_BEFORE, build_warnings, events, read_ics, soup

HANDBOOK = ROOT / "handbook"


def guide(name: str) -> str:
    """A page of the handbook's guides, where the program's and the dates' examples live."""
    return (HANDBOOK / "guides" / f"{name}.md").read_text(encoding="utf-8")


def guide_blocks() -> list[str]:
    """The program guide's first example, and the dates guide's."""
    program = re.findall(r"^```\{schedule\}.*?^```$", guide("program"), re.MULTILINE | re.DOTALL)
    dates = re.findall(r"^:::\{important-dates\}.*?^:::$", guide("dates"), re.MULTILINE | re.DOTALL)
    return [*program[:1], *dates]


def test_guide_examples_build_without_warnings(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    blocks = guide_blocks()
    assert len(blocks) == 2
    people = "---\norphan: true\n---\n# People\n\n" + "".join(
        f"```{{speaker-card}} {name}\n:affiliation: Example University\n```\n\n"
        for name in ("Ada Lovelace", "Alan Turing", "Grace Hopper"))
    source = "# Guide\n\n" + "\n\n".join(blocks) + "\n"
    built = build_page(source, files={"people.md": people})
    assert built.warning_lines() == []
    page = soup(built.html)
    assert len(page.select("table.roads-schedule-table")) == 1
    assert len(page.select("table.roads-dates-table tbody tr")) == 4
    assert "Welcome and Opening Remarks" in page.get_text()
    assert page.find("a", string="Ada Lovelace")  # a declared speaker, linked


def test_roads_site_has_the_workshop_day(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "site"
    shutil.copytree(ROOT / "docs", src)
    conf = (ROOT / "conf.py").read_text().replace('"docs/', '"')
    (src / "conf.py").write_text(conf)
    app = make_app("html", srcdir=src)
    app.build()
    assert build_warnings(app) == []
    page = soup((Path(app.outdir) / "index.html").read_text())
    rows = page.select("table.roads-dates-table tbody tr")
    assert [(r.th.get_text(strip=True), r.select_one(".roads-when").get_text(strip=True)) for r in rows] == [
        ("Workshop day, in person at MLSys 2023", "Thursday, June 8, 2023")]
    assert shown_status(rows[0]) == "Next"
    found = events(read_ics(app, "_calendar/index/key-dates.ics"))
    assert [(e["DTSTART"].dt, e["DTEND"].dt) for e in found] == [(dt.date(2023, 6, 8), dt.date(2023, 6, 9))]
    assert page.select_one(".roads-dates .roads-calendar a")["href"] == "_calendar/index/key-dates.ics"
    assert page.select("table.roads-schedule-table") == []  # no invented program
    # the section is called "Important dates": the table does not say it again
    assert page.select_one("table.roads-dates-table caption") is None
    assert page.select_one("table.roads-dates-table").find_previous("h2").get_text(strip=True).startswith(
        "Important dates")


def test_guide_published_program_example(build_page, monkeypatch):
    """The guide's program "as another workshop published it" reads as the guide says."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    (block,) = re.findall(r"^````\{schedule\}.*?^````$", guide("program"), re.MULTILINE | re.DOTALL)
    people = "---\norphan: true\n---\n# People\n\n" + "".join(
        f"```{{speaker-card}} {name}\n:affiliation: Example University\n```\n\n"
        for name in ("Ada Lovelace", "Alan Turing"))
    built = build_page("# Guide\n\n" + block + "\n", files={"people.md": people})
    assert built.warning_lines() == []
    rows = soup(built.html).select("tr.roads-slot")
    assert [r.select_one(".roads-slot-title").get_text() for r in rows] == [
        "Welcome and Opening Remarks", "Keynote #1", "On the Connexion of the Physical Sciences",
        "Coffee Break and Socialize", "Panel Discussion", "Social"]
    assert rows[1].select_one(".roads-slot-speakers").get_text() == "Prof. Ada Lovelace (Analytical Engines)"
    assert rows[2].select_one(".roads-slot-speakers").get_text() == "Mary Somerville"  # a guest
    assert [a.get_text() for a in rows[4].select(".roads-slot-speakers a")] == ["Lovelace", "Turing"]
    assert rows[4].select_one(".roads-slot-speakers").get_text() == "Panelists: Lovelace, Turing, Somerville"
