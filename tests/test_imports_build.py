"""Conference tools' exports in ``schedule`` and ``accepted-papers``, built in MyST and
reStructuredText: what a visitor sees, the warnings an author sees, and no e-mail
address in any file the build writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TESTS

DATA = TESTS / "data" / "imports"
SAMPLE = {name: (DATA / name).read_text(encoding="utf-8") for name in (
    "pretalx-schedule.json", "frab-schedule.xml", "indico-event.json",
    "miniconf-papers.csv", "cmt-papers.csv", "hotcrp-authors.csv",
)}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def schedule_page(file: str, syntax: str, options: str = "") -> tuple[str, str]:
    options = ":location: Seehalle, Konstanz\n" + options
    if syntax == "md":
        return f"# Program\n\n```{{schedule}}\n:file: {file}\n{options}```\n", ".md"
    indented = "".join(f"   {line}\n" for line in options.splitlines())
    return f"Program\n=======\n\n.. schedule::\n   :file: {file}\n{indented}\n", ".rst"


def papers_page(file: str, syntax: str, options: str = "") -> tuple[str, str]:
    if syntax == "md":
        return f"# Papers\n\n```{{accepted-papers}} {file}\n{options}```\n", ".md"
    indented = "".join(f"   {line}\n" for line in options.splitlines())
    return f"Papers\n======\n\n.. accepted-papers:: {file}\n{indented}", ".rst"


def slots(html: str) -> list[tuple[str, ...]]:
    """Each slot, a table's row or a rooms grid's box: (time, title, speakers, room, track).
    A grid's box has its own times where its row's slots end apart, else its row's."""
    page = BeautifulSoup(html, "html.parser")
    found = []
    for slot in page.select("tr.roads-slot, .roads-rooms-slot"):
        if slot.name == "tr":
            when, room = cell_text(slot, ".roads-when"), cell_text(slot, ".roads-slot-location")
        else:
            when = cell_text(slot, ".roads-rooms-time") or cell_text(slot.parent, ".roads-rooms-time")
            room = cell_text(slot, ".roads-rooms-room").removeprefix("Room: ")
        parts = (".roads-slot-title", ".roads-slot-speakers")
        found.append((when, *(cell_text(slot, part) for part in parts), room, cell_text(slot, ".roads-badge-track")))
    return found


def cell_text(row, selector: str) -> str:
    node = row.select_one(selector)
    return " ".join(node.text.split()) if node else ""


SYNTAXES = pytest.mark.parametrize("syntax", ["md", "rst"])


@SYNTAXES
def test_pretalx_json_program_in_its_rooms_days_and_zone(build_page, syntax):
    source, suffix = schedule_page("schedule.json", syntax)
    built = build_page(source, suffix, files={"schedule.json": SAMPLE["pretalx-schedule.json"]})
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    captions = [c.text for c in page.select(".roads-schedule caption, .roads-rooms-caption")]
    assert captions[0].startswith("Monday, June 8, 2026") and captions[1].startswith("Tuesday, June 9, 2026")
    assert "Europe/Berlin" in page.select_one(".roads-zone-note").text
    assert slots(built.html) == [
        ("9:00 AM – 9:45 AM CEST", "Seeing Lakes from Orbit", "Mira Quellwasser", "Hall A", "Vision"),
        ("10:00 AM – 10:30 AM CEST", "Depth Maps of Shallow Water: A Survey",
         "Tomas Riedgras, Ines Uferweg", "Hall A", "Vision"),
        ("10:00 AM – 11:30 AM CEST", "Hands-on: Buoy Firmware", "Oskar Schilfrohr", "Room 2", "Systems"),
        ("2:00 PM – 3:00 PM CEST", "Who Owns the Shore?", "Panelists: Lale Wellenbrecher, Mira Quellwasser", "Hall A", ""),
    ]
    anchor = page.find(id="schedule-qx7lak")  # the first day's rooms run side by side: a grid's box
    keynote = anchor.find_parent("tr") or anchor.find_parent(class_="roads-rooms-slot")
    # the abstract is the export's text, never parsed: its stars stay stars
    assert [p.text for p in keynote.select(".roads-abstract p")] == [
        "How satellites count the lakes of a continent.", "A second paragraph with *stars* and `ticks`.",
    ]
    assert [(a.text, a["href"]) for a in keynote.select(".roads-slot-links a")][:3] == [
        ("Link", "https://pretalx.example.org/lakeconf-2026/talk/QX7LAK/"),
        ("Slides", "https://files.example.org/orbit-slides.pdf"),
        ("Dataset notes", "https://pretalx.example.org/media/lakeconf-2026/submissions/QX7LAK/notes.pdf"),
    ]


@SYNTAXES
def test_frab_xml_program(build_page, syntax):
    source, suffix = schedule_page("frab.xml", syntax)
    built = build_page(source, suffix, files={"frab.xml": SAMPLE["frab-schedule.xml"]})
    assert built.warning_lines() == []
    assert slots(built.html) == [
        ("9:00 AM – 9:15 AM CDT", "Opening", "Hedda Torfstecher", "Aula", ""),
        ("9:15 AM – 10:00 AM CDT", "Carbon in Raised Bogs: Ten Years of Cores",
         "Jorin Moosbeere, Ada Sumpfdotter", "Aula", "Peat"),
        ("10:00 AM – 10:30 AM CDT", "Coffee break", "", "Cellar", ""),
    ]
    assert "America/Chicago" in built.html


@SYNTAXES
def test_indico_program(build_page, syntax):
    source, suffix = schedule_page("event.json", syntax)
    built = build_page(source, suffix, files={"event.json": SAMPLE["indico-event.json"]})
    assert built.warning_lines() == []
    assert slots(built.html) == [
        ("9:30 AM – 10:00 AM CET", "Ice Flow under Warm Summers", "Lotte Firnhuber (Hochfirn Institute)",
         "Saal Gletscher", "Ice dynamics"),
        ("11:00 AM – 12:00 PM CET", "Keynote: A Century of Moraine Maps", "Paul Schneeberg",
         "Hochfirn Institute", ""),
    ]
    page = BeautifulSoup(built.html, "html.parser")
    assert [row.text.strip() for row in page.select(".roads-session-row")] == ["Morning session"]


def test_the_directive_zone_converts_an_export(build_page):
    source, suffix = schedule_page("schedule.json", "md", ":timezone: UTC\n")
    built = build_page(source, suffix, files={"schedule.json": SAMPLE["pretalx-schedule.json"]})
    assert built.warning_lines() == []
    assert slots(built.html)[0][0] == "7:00 AM – 7:45 AM UTC"


@SYNTAXES
@pytest.mark.parametrize(("name", "titles"), [
    ("miniconf-papers.csv", ["Counting Herons with Sparse Cameras", "Tides, Mudflats and Graphs"]),
    ("cmt-papers.csv", ["Sediment Cores at Scale", "Fast Dunes", "Rivers that Remember"]),
    ("hotcrp-authors.csv", ["Lichen Clocks", "Ferns in the Fog"]),
])
def test_paper_exports_listed_without_rejected_papers(build_page, syntax, name, titles):
    source, suffix = papers_page("papers.csv", syntax)
    built = build_page(source, suffix, files={"papers.csv": SAMPLE[name]})
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    assert [s.text for s in page.select(".roads-paper-title strong")] == titles
    if name == "cmt-papers.csv":
        oral = page.find(id="paper-1")
        assert oral.select_one(".roads-paper-authors").text == "Greta Lehmgrube and Piet Kiesbank"
        assert [b.text for b in oral.select(".roads-badge")] == ["Oral", "Main Track"]


@pytest.mark.parametrize("name", ["indico-event.json", "cmt-papers.csv", "hotcrp-authors.csv"])
def test_no_email_address_in_any_file_the_build_writes(build_page, name, tmp_path):
    """The samples with e-mail columns or fields: no address in the page, its JSON-LD,
    its calendar files, or anything else the build writes."""
    assert EMAIL.search(SAMPLE[name])
    if name.endswith(".json"):
        source, suffix = schedule_page("export.json", "md")
        built = build_page(source, suffix, files={"export.json": SAMPLE[name]})
    else:
        source, suffix = papers_page("export.csv", "md", ":decision: oral spotlight poster accepted rejected\n")
        built = build_page(source, suffix, files={"export.csv": SAMPLE[name]})
    assert built.warning_lines() == []
    written = [p for p in Path(built.app.outdir).rglob("*") if p.is_file() and p.suffix in (
        ".html", ".ics", ".json", ".js", ".txt", ".xml", ".bib")]
    assert any(p.suffix == ".ics" for p in written) == name.endswith(".json")
    for path in written:
        found = EMAIL.findall(path.read_text(encoding="utf-8", errors="replace"))
        # a calendar event's UID (hash@roads-ext.invalid) is no one's address
        assert not [a for a in found if not a.endswith("@roads-ext.invalid")], path


@SYNTAXES
def test_warnings_name_the_json_path_and_line(build_page, syntax):
    broken = SAMPLE["pretalx-schedule.json"].replace(
        '"url": "https://files.example.org/orbit-slides.pdf"', '"url": "javascript:alert(1)"'
    ).replace('"date": "2026-06-08T10:00:00+02:00",\n                "start": "10:00",\n                "duration": "00:30"',
              '"date": "Monday morning",\n                "start": "10:00",\n                "duration": "00:30"')
    source, suffix = schedule_page("schedule.json", syntax)
    built = build_page(source, suffix, files={"schedule.json": broken})
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    assert "schedule.json:55: WARNING: schedule: schedule.conference.days[0].rooms[\"Hall A\"][0] " \
        "('Seeing Lakes from Orbit'): the link 'javascript:alert(1)': it is not an http(s) link; it is left out" \
        " [roads.link]" in lines[0]
    assert "schedule.json:104: WARNING: schedule: schedule.conference.days[0].rooms[\"Hall A\"][1] " \
        "('Depth Maps of Shallow Water: A Survey'): its date 'Monday morning' is not a date and time" in lines[1]
    assert "[roads.time]" in lines[1]
    assert "Seeing Lakes from Orbit" in built.html and "Depth Maps" not in built.html


def test_an_unknown_shape_names_the_formats_read(build_page):
    source, suffix = schedule_page("other.json", "rst")
    built = build_page(source, suffix, files={"other.json": '{"talks": []}\n'})
    (line,) = built.warning_lines()
    assert "other.json:1: WARNING: schedule: is JSON of an unknown shape; the formats read are frab" in line
    assert "Indico's event export" in line and "[roads.import]" in line


def test_a_schedule_given_to_the_papers_list_is_refused(build_page):
    source, suffix = papers_page("schedule.json", "md")
    built = build_page(source, suffix, files={"schedule.json": SAMPLE["indico-event.json"]})
    (line,) = built.warning_lines()
    assert "schedule.json:1: WARNING: accepted-papers: schedule.json: is an Indico schedule" in line
    assert "is an Indico schedule, not a list of papers: give it to the schedule directive's :file:" in line


def test_format_without_a_file_is_a_located_warning(build_page):
    built = build_page("# Program\n\n```{schedule} June 8, 2026\n:timezone: UTC\n:location: Hall\n:format: frab\n\n"
                       "- 9:00-10:00 Opening\n```\n")
    (line,) = built.warning_lines()
    assert "index.md:6: WARNING: schedule: has :format: but no :file:; it is ignored" in line
    assert "[roads.option]" in line and "Opening" in built.html


def test_an_indico_export_names_its_venue(build_page):
    source = "# Program\n\n```{schedule}\n:file: event.json\n```\n"
    built = build_page(source, files={"event.json": SAMPLE["indico-event.json"]})
    assert built.warning_lines() == []  # no roads.event: the export's location is the venue
    assert '"location":{"@type":"Place","address":"Hochfirn Institute","name":"Hochfirn Institute"}' in built.html


def test_an_exports_markup_is_text(build_page):
    hostile = SAMPLE["pretalx-schedule.json"].replace(
        '"title": "Seeing Lakes from Orbit"', '"title": "<script>alert(1)</script> Lakes"'
    ).replace('"track": "Vision"', '"track": "<b>Vision</b>"', 1).replace(
        '"name": "Mira Quellwasser"', '"name": "<img src=x onerror=alert(2)>"', 1
    ).replace("How satellites count", "<iframe src=x></iframe> How satellites count")
    source, suffix = schedule_page("schedule.json", "md")
    built = build_page(source, suffix, files={"schedule.json": hostile})
    assert built.warning_lines() == []
    main = built.html.split('role="main"', 1)[-1]
    for raw in ("<script>alert(1)", "<b>Vision", "<img src=x", "<iframe"):
        assert raw not in main
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Lakes" in main and "&lt;iframe src=x&gt;" in main
