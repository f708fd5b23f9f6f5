"""The readers of conference tools' exports (roads_ext.model.imports): every field of
each sample read exactly, the problems (located) for what cannot be used, the format
read from the content, and the samples' shape checked against the community schema.

The c3voc schema (``validator/json/schema.json``) and XSD (``validator/xsd/schedule.xml.xsd``)
of the ``voc/schedule`` repository carry no licence file, so they are not copied here: the
samples are checked against their required structure, restated below."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import TESTS
from roads_ext.diagnostics import RoadsWarning
from roads_ext.model.dates import Zone
from roads_ext.model.imports import csv_tool, papers_import, schedule_import
from roads_ext.model.imports.frab_xml import parse_xml
from roads_ext.model.papers import Paper

DATA = TESTS / "data" / "imports"


def text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def program(name: str, zone: Zone | None = None):
    result = schedule_import(text(name), Path(name).suffix, None, zone)
    assert result is not None
    return result


def slot_fields(slot) -> dict:
    return {
        "offset": slot.offset, "date": slot.date, "start": slot.start, "end": slot.end, "title": slot.title,
        "kind": slot.kind, "speakers": [(s.name, s.affiliation) for s in slot.speakers],
        "abstract": slot.abstract, "location": slot.location, "track": slot.track, "session": slot.session,
        "slug": slot.slug, "links": [(link.label, link.url) for link in slot.links],
    }


# --- the samples' shape, as the c3voc schema and XSD require it ---------------------------

JSON_EVENT_REQUIRED = {"abstract", "date", "duration", "guid", "id", "language", "links", "persons", "room",
                       "slug", "start", "subtitle", "title", "track", "type", "url"}
XML_EVENT_REQUIRED = {"room", "title", "type", "date", "start", "duration", "abstract", "slug", "subtitle", "track"}


def test_the_pretalx_sample_has_the_schemas_required_structure():
    data = json.loads(text("pretalx-schedule.json"))
    assert set(data) <= {"schedule", "$schema", "generator"} and {"conference", "version"} <= set(data["schedule"])
    conference = data["schedule"]["conference"]
    assert {"title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration"} <= set(conference)
    assert re.match(r"^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$", conference["acronym"].replace("-2026", "_2026"))
    assert all({"guid", "name"} <= set(room) for room in conference["rooms"])
    for day in conference["days"]:
        assert {"date", "day_end", "day_start", "index", "rooms"} <= set(day)
        for events in day["rooms"].values():
            for event in events:
                assert set(event) >= JSON_EVENT_REQUIRED, JSON_EVENT_REQUIRED - set(event)
                assert re.match(r"^[0-9]+:[0-9]{2}$", event["duration"])
                assert re.match(r"^[a-z0-9_-]+[a-z0-9]$", event["slug"])
                assert all("name" in person for person in event["persons"])


def test_the_frab_xml_sample_has_the_xsds_required_structure():
    root = parse_xml(text("frab-schedule.xml"))
    assert root.tag == "schedule"
    conference = root.child("conference")
    assert conference is not None and {"title", "acronym"} <= {c.tag for c in conference.children}
    for day in (c for c in root.children if c.tag == "day"):
        for room in (c for c in day.children if c.tag == "room"):
            for event in room.children:
                assert event.tag == "event" and event.attributes["id"].isdigit()
                assert {c.tag for c in event.children} >= XML_EVENT_REQUIRED
                assert re.match(r"^[0-2][0-9]:[0-5][0-9]$", event.child_text("start"))


# --- every field read ------------------------------------------------------------------------


def test_pretalx_json_every_field():
    result = program("pretalx-schedule.json")
    assert result.tool == "frab JSON" and result.zone == Zone("Europe/Berlin") and result.problems == []
    assert [day.date for day in result.program.days] == [dt.date(2026, 6, 8), dt.date(2026, 6, 9)]
    assert [slot_fields(slot) for slot in result.program.slots()] == [
        {"offset": 54, "date": dt.date(2026, 6, 8), "start": dt.time(9, 0), "end": dt.time(9, 45),
         "title": "Seeing Lakes from Orbit", "kind": "keynote", "speakers": [("Mira Quellwasser", "")],
         "abstract": "How satellites count the lakes of a continent.\n\nA second paragraph with *stars* and `ticks`.",
         "location": "Hall A", "track": "Vision", "session": "", "slug": "qx7lak",
         "links": [("Link", "https://pretalx.example.org/lakeconf-2026/talk/QX7LAK/"),
                   ("Slides", "https://files.example.org/orbit-slides.pdf"),
                   ("Dataset notes",
                    "https://pretalx.example.org/media/lakeconf-2026/submissions/QX7LAK/notes.pdf")]},
        {"offset": 103, "date": dt.date(2026, 6, 8), "start": dt.time(10, 0), "end": dt.time(10, 30),
         "title": "Depth Maps of Shallow Water: A Survey", "kind": "contributed",
         "speakers": [("Tomas Riedgras", ""), ("Ines Uferweg", "")],
         "abstract": "We compare sonar and stereo depth maps.", "location": "Hall A", "track": "Vision",
         "session": "", "slug": "rt3mew", "links": [("Link", "https://pretalx.example.org/lakeconf-2026/talk/RT3MEW/")]},
        {"offset": 151, "date": dt.date(2026, 6, 8), "start": dt.time(10, 0), "end": dt.time(11, 30),
         "title": "Hands-on: Buoy Firmware", "kind": "session", "speakers": [("Oskar Schilfrohr", "")],
         "abstract": "Flash a buoy.", "location": "Room 2", "track": "Systems", "session": "", "slug": "wk9pln",
         "links": [("Link", "https://pretalx.example.org/lakeconf-2026/talk/WK9PLN/")]},
        {"offset": 198, "date": dt.date(2026, 6, 9), "start": dt.time(14, 0), "end": dt.time(15, 0),
         "title": "Who Owns the Shore?", "kind": "panel",
         "speakers": [("Lale Wellenbrecher", ""), ("Mira Quellwasser", "")], "abstract": "", "location": "Hall A",
         "track": "", "session": "", "slug": "pn4dsk",
         "links": [("Link", "https://pretalx.example.org/lakeconf-2026/talk/PN4DSK/")]},
    ]
    # a line of the file: the event's guid
    assert text("pretalx-schedule.json").splitlines()[54].strip().startswith('"guid": "5f0a3c1e-1111-4a2b-9c3d-0000')


def test_frab_xml_every_field():
    result = program("frab-schedule.xml")
    assert result.tool == "frab XML" and result.zone == Zone("America/Chicago") and result.problems == []
    assert [slot_fields(slot) for slot in result.program.slots()] == [
        {"offset": 17, "date": dt.date(2026, 9, 14), "start": dt.time(9, 0), "end": dt.time(9, 15),
         "title": "Opening", "kind": "opening", "speakers": [("Hedda Torfstecher", "")], "abstract": "",
         "location": "Aula", "track": "", "session": "", "slug": "fennmoor26-301-opening",
         "links": [("Link", "https://frab.example.org/en/fennmoor26/public/events/301")]},
        {"offset": 42, "date": dt.date(2026, 9, 14), "start": dt.time(9, 15), "end": dt.time(10, 0),
         "title": "Carbon in Raised Bogs: Ten Years of Cores", "kind": "contributed",
         "speakers": [("Jorin Moosbeere", ""), ("Ada Sumpfdotter", "")],
         "abstract": "Cores from three bogs, dated & weighed.", "location": "Aula", "track": "Peat", "session": "",
         "slug": "fennmoor26-302-carbon-in-raised-bogs",
         "links": [("Link", "https://frab.example.org/en/fennmoor26/public/events/302"),
                   ("Video", "https://media.example.org/fennmoor26/302.mp4"),
                   ("Core data", "https://frab.example.org/attachments/302/cores.pdf")]},
        {"offset": 74, "date": dt.date(2026, 9, 14), "start": dt.time(10, 0), "end": dt.time(10, 30),
         "title": "Coffee break", "kind": "break", "speakers": [], "abstract": "", "location": "Cellar",
         "track": "", "session": "", "slug": "fennmoor26-303-coffee-break",
         "links": [("Link", "https://frab.example.org/en/fennmoor26/public/events/303")]},
    ]
    assert "<event " in text("frab-schedule.xml").splitlines()[17]


def test_indico_every_field_and_never_an_email():
    result = program("indico-event.json")
    assert result.tool == "Indico" and result.zone == Zone("Europe/Zurich") and result.problems == []
    assert [slot_fields(slot) for slot in result.program.slots()] == [
        {"offset": 27, "date": dt.date(2026, 3, 2), "start": dt.time(9, 30), "end": dt.time(10, 0),
         "title": "Ice Flow under Warm Summers", "kind": "contributed",
         "speakers": [("Lotte Firnhuber", "Hochfirn Institute")], "abstract": "Melt water speeds the ice up.",
         "location": "Saal Gletscher", "track": "Ice dynamics", "session": "Morning session",
         "slug": "contribution-3", "links": [("Link", "https://indico.example.org/event/4242/contributions/7/")]},
        {"offset": 68, "date": dt.date(2026, 3, 3), "start": dt.time(11, 0), "end": dt.time(12, 0),
         "title": "Keynote: A Century of Moraine Maps", "kind": "keynote", "speakers": [("Paul Schneeberg", "")],
         "abstract": "", "location": "Hochfirn Institute", "track": "", "session": "", "slug": "contribution-4",
         "links": [("Link", "https://indico.example.org/event/4242/contributions/8/")]},
    ]
    assert "@" not in repr(result.program)


def test_a_zone_given_converts_every_slot():
    result = program("frab-schedule.xml", Zone("Europe/Berlin"))
    assert result.zone == Zone("Europe/Berlin")
    assert [(s.date, s.start, s.end) for s in result.program.slots()] == [
        (dt.date(2026, 9, 14), dt.time(16, 0), dt.time(16, 15)),
        (dt.date(2026, 9, 14), dt.time(16, 15), dt.time(17, 0)),
        (dt.date(2026, 9, 14), dt.time(17, 0), dt.time(17, 30)),
    ]


def papers(name: str, forced: str | None = None) -> list[Paper]:
    result = papers_import(text(name), ".csv", forced)
    assert result.problems == []
    return result.papers


def test_miniconf_every_field():
    assert papers("miniconf-papers.csv") == [
        Paper(key="mc1Kq8Zt", title="Counting Herons with Sparse Cameras",
              authors=("Elin Reiherfeld", "Bastian Watvogel"), decision="accepted", line=2, position=0,
              keywords=("counting", "camera traps", "birds"), session="Poster Session 1",
              abstract="We count herons from sparse camera traps, even at dusk."),
        Paper(key="mc2Lr9Au", title="Tides, Mudflats and Graphs", authors=("Nora Schlickwatt",),
              decision="accepted", line=4, position=1, keywords=("graphs", "coasts"), session="Poster Session 2",
              abstract="Mudflats as graphs. Second line of the abstract."),
    ]


def test_cmt_every_field_decisions_and_no_email():
    found = papers("cmt-papers.csv")
    assert found == [
        Paper(key="1", title="Sediment Cores at Scale", authors=("Greta Lehmgrube", "Piet Kiesbank"),
              decision="oral", track="Main Track", line=2, position=0,
              keywords=("Geoscience -> Sediments", "Machine Learning -> Vision", "Data -> Curation"),
              abstract="We read ten thousand sediment cores."),
        Paper(key="2", title="Rivers that Remember", authors=("Hanne Altarm",), decision="poster",
              track="Main Track", line=3, position=1, keywords=("Geoscience -> Rivers",),
              abstract="Rivers keep their old beds."),
        Paper(key="3", title="Fast Dunes", authors=("Kai Sandwehe", "Uta Flugsand"), decision="spotlight",
              track="Short Papers", line=4, position=2, keywords=("Geoscience -> Dunes",),
              abstract="Dunes move fast."),
        Paper(key="4", title="A Rejected Idea", authors=("Rolf Nein",), decision="rejected", track="Main Track",
              line=5, position=3, keywords=("Geoscience -> Other",), abstract="Not this year."),
    ]
    assert "@" not in repr(found)


def test_hotcrp_author_rows_every_field():
    found = papers("hotcrp-authors.csv")
    assert found == [
        Paper(key="5", title="Ferns in the Fog", authors=("Maren Farnwedel", "Tobi Nebelhorn"),
              decision="accepted", line=2, position=0),
        Paper(key="9", title="Lichen Clocks", authors=("Sina Flechtner",), decision="poster", line=4, position=1),
        Paper(key="12", title="Moss That Did Not Make It", authors=("Udo Absage",), decision="rejected",
              line=5, position=2),
    ]
    assert "@" not in repr(found)


def test_hotcrp_paper_rows():
    export = ('ID,Title,Authors,Abstract,Topics,Decision\n'
              '3,Snow Crystals,"Ola Flocke; Rune Graupel",Six sides.,Ice; Weather,Accepted (Oral)\n')
    result = papers_import(export, ".csv", None)
    assert result.problems == []
    assert result.papers == [Paper(key="3", title="Snow Crystals", authors=("Ola Flocke", "Rune Graupel"),
                                   decision="oral", line=2, position=0, keywords=("Ice", "Weather"),
                                   abstract="Six sides.")]


# --- what cannot be used -----------------------------------------------------------------------


def problems(result) -> list[tuple[int, RoadsWarning, str]]:
    return [(p.offset, p.subtype, p.message) for p in result.problems]


def test_frab_json_problems_are_located_by_path_and_line():
    broken = json.loads(text("pretalx-schedule.json"))
    events = broken["schedule"]["conference"]["days"][0]["rooms"]["Hall A"]
    events[0]["persons"][0]["name"] = "mira@lakes.example.org"
    events[0]["type"] = "Ceremony of sorts"
    events[1]["duration"] = "half an hour"
    events[1]["abstract"] = "Write to tomas@depth.example.org for the data."
    broken["schedule"]["conference"]["days"][1]["rooms"]["Hall A"][0]["title"] = ""
    written = json.dumps(broken, indent=2)
    result = schedule_import(written, ".json", None, None)
    lines = written.splitlines()
    where = 'schedule.conference.days[0].rooms["Hall A"]'
    assert problems(result) == [
        (next(i for i, line in enumerate(lines) if "5f0a3c1e-1111-4a2b-9c3d-000000000011" in line), RoadsWarning.IMPORT,
         f"{where}[0].type 'Ceremony of sorts' is no kind of slot (talk, keynote, workshop, panel, poster, break, ...); "
         "its events are shown as talks"),
        (next(i for i, line in enumerate(lines) if "5f0a3c1e-1111-4a2b-9c3d-000000000011" in line), RoadsWarning.IMPORT,
         f"{where}[0].persons[0] ('Seeing Lakes from Orbit') is no name (an e-mail address is never published); "
         "it is left out"),
        (next(i for i, line in enumerate(lines) if "5f0a3c1e-1111-4a2b-9c3d-000000000012" in line), RoadsWarning.TIME,
         f"{where}[1] ('Depth Maps of Shallow Water: A Survey'): its duration 'half an hour' is not hours and minutes "
         "like '00:30'; it is shown without its end"),
        (next(i for i, line in enumerate(lines) if "5f0a3c1e-1111-4a2b-9c3d-000000000012" in line), RoadsWarning.IMPORT,
         f"{where}[1].abstract: an e-mail address is never published; it is left out"),
        (next(i for i, line in enumerate(lines) if "5f0a3c1e-1111-4a2b-9c3d-000000000014" in line), RoadsWarning.SCHEDULE,
         'schedule.conference.days[1].rooms["Hall A"][0] has no title; it is left out'),
    ]
    slots = result.program.slots()
    assert slots[0].kind == "contributed" and slots[0].speakers == []
    assert slots[1].end is None and slots[1].abstract == "Write to for the data."
    assert len(slots) == 3


def test_frab_xml_problems_name_the_event_and_its_line():
    broken = text("frab-schedule.xml").replace("<date>2026-09-14T09:15:00-05:00</date>", "<date>soon</date>")
    broken = broken.replace('href="https://media.example.org/fennmoor26/302.mp4"', 'href="mailto:jorin@bog.example.org"')
    result = schedule_import(broken, ".xml", None, None)
    assert problems(result) == [
        (42, RoadsWarning.TIME, "<day> 1, <room name='Aula'>, <event> 2 ('Carbon in Raised Bogs: Ten Years of Cores'): "
         "its date 'soon' is not a date and time like '2026-06-08T09:00:00+02:00'; it is left out"),
    ]
    result = schedule_import(broken.replace("<date>soon</date>", "<date>2026-09-14T09:15:00-05:00</date>"),
                             ".xml", None, None)
    assert problems(result) == [
        (42, RoadsWarning.LINK, "<day> 1, <room name='Aula'>, <event> 2 ('Carbon in Raised Bogs: Ten Years of Cores'): "
         "the link 'mailto:jorin@bog.example.org': an e-mail address is never published; it is left out"),
    ]


def test_xml_that_is_broken_or_not_frab():
    assert problems(schedule_import("<schedule>\n<day>\n</schedule>\n", ".xml", None, None)) == [
        (2, RoadsWarning.FILE, "is not valid XML (mismatched tag)")]
    (only,) = problems(schedule_import("<?xml version='1.0'?>\n<rss/>\n", ".xml", None, None))
    assert only[:2] == (1, RoadsWarning.IMPORT) and only[2].startswith("is XML whose root is <rss>, not a frab <schedule>")
    entity = '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<schedule>&x;</schedule>'
    (only,) = problems(schedule_import(entity, ".xml", None, None))
    assert only[1] == RoadsWarning.FILE and "external entity" in only[2]


def test_indico_problems():
    data = json.loads(text("indico-event.json"))
    contribution = data["results"][0]["contributions"][1]
    contribution["startDate"] = None
    data["results"][0]["contributions"][0]["speakers"][0].update(first_name="", last_name="", fullName="")
    written = json.dumps(data, indent=1)
    result = schedule_import(written, ".json", None, None)
    lines = written.splitlines()
    first = next(i for i, line in enumerate(lines) if '"db_id": 7' in line)
    second = next(i for i, line in enumerate(lines) if '"db_id": 8' in line)
    assert problems(result) == [
        (first, RoadsWarning.IMPORT, "results[0].contributions[0].speakers[0] ('Ice Flow under Warm Summers') has no "
         "name; it is left out"),
        (second, RoadsWarning.TIME, "results[0].contributions[1] ('Keynote: A Century of Moraine Maps') has no "
         "startDate: it is not in the event's timetable; it is left out"),
    ]


def test_a_papers_export_leaves_out_an_email_and_an_unknown_decision():
    export = ("Paper ID,Paper Title,Authors,Author Emails,Status\n"
              '7,Wet Sand,Ria Priel (ria@priel.example.org)*,ria@priel.example.org,Accept (Poster)\n'
              "8,Dry Sand,Sol Duene,sol@duene.example.org,Awaiting Decision\n")
    result = papers_import(export, ".csv", None)
    assert problems(result) == [
        (2, RoadsWarning.IMPORT, "the CMT column 'authors': an e-mail address is never published; it is left out"),
        (3, RoadsWarning.PAPER, "'Dry Sand': the CMT decision 'Awaiting Decision' is no decision (Accept (Oral), "
         "Accept (Spotlight), Accept (Poster), Accept, Reject); the paper is left out"),
    ]
    assert result.papers == [Paper(key="7", title="Wet Sand", authors=("Ria Priel",), decision="poster", line=2)]


# --- which format --------------------------------------------------------------------------------


@pytest.mark.parametrize(("header", "tool"), [
    ("UID,title,authors,abstract,keywords,session", "miniconf"),
    ("Paper ID,Paper Title,Abstract,Authors,Status", "cmt"),
    ("paper,title,first,last,email,affiliation", "hotcrp"),
    ("ID,Title,Authors,Abstract,Decision", "hotcrp"),
    ("title,authors,url,decision,track", "csv"),
    ("id,title,authors,url,decision,track,pdf,award", "csv"),
    ("name,when", "csv"),
])
def test_csv_tools_by_their_header(header, tool):
    assert csv_tool([" ".join(h.lower().split()) for h in header.split(",")]) == tool


def test_forced_and_unchanged_formats():
    # a program of lines, or CSV, is not an export: the program reader reads it as before
    assert schedule_import("June 8, 2026\n- 9:00-10:00 Talk\n", ".md", None, None) is None
    assert schedule_import("{}", ".json", "text", None) is None
    (only,) = problems(schedule_import(text("indico-event.json"), ".json", "frab", None))
    assert only[1] == RoadsWarning.IMPORT and only[2].startswith("is not frab's export (:format: frab)")
    # a forced tool reads a CSV whatever its header says
    forced = papers_import("UID,title,authors\nu1,T,A|B\n", ".csv", "hotcrp")
    assert [p.authors for p in forced.papers] == [("A|B",)]
    assert papers_import("UID,title,authors\nu1,T,A|B\n", ".csv", "miniconf").papers[0].authors == ("A", "B")


def test_an_event_without_its_date_is_placed_by_its_days_date_and_start():
    xml = text("frab-schedule.xml").replace("<date>2026-09-14T09:15:00-05:00</date>", "")
    result = schedule_import(xml, ".xml", None, None)
    assert result.problems == []
    assert [(s.date, s.start, s.end) for s in result.program.slots()][1] == (
        dt.date(2026, 9, 14), dt.time(9, 15), dt.time(10, 0))
    data = json.loads(text("pretalx-schedule.json"))
    event = data["schedule"]["conference"]["days"][1]["rooms"]["Hall A"][0]
    del event["date"]
    result = schedule_import(json.dumps(data), ".json", None, None)
    assert result.problems == []
    assert (result.program.slots()[-1].date, result.program.slots()[-1].start) == (dt.date(2026, 6, 9), dt.time(14, 0))


def test_what_the_blind_exports_showed_about_authors_and_decisions():
    """Rules the blind corpus (tests/imports_blind/) called for, on files of their own."""
    hotcrp = papers_import(
        "ID,Title,Authors,Decision\n"
        "4,Tidal Sketches,\"Ines Varga (Example University, HU); Tom Lee (Example Labs)\",Accepted (short paper)\n"
        "5,Unsure Things,Pat Doe (Example Labs),Accept (pending revisions)\n",
        ".csv", "hotcrp",
    )
    assert [(p.title, p.authors, p.decision) for p in hotcrp.papers] == [
        ("Tidal Sketches", ("Ines Varga", "Tom Lee"), "accepted")]
    by_author = papers_import(
        "paper,title,first,last,email,affiliation,iscontact\n"
        "7,Road Maps,Ana,Silva,ana@example.org,Example University,yes\n"
        "7,Road Maps,Office,Helper,office@example.org,Example University,contact_only\n"
        "7,Road Maps,Bo,Chen,,,no\n",
        ".csv", None,
    )
    (paper,) = by_author.papers
    assert paper.authors == ("Ana Silva", "Bo Chen")
    miniconf = papers_import(
        "UID,title,authors,keywords,paper_type\nM1,First,Ada Guest|Bo Guest,a|b,oral\nM2,Second,Cy Guest,,\n",
        ".csv", None,
    )
    assert [(p.title, p.decision) for p in miniconf.papers] == [("First", "oral"), ("Second", "accepted")]
    ours = papers_import("title,authors,decision\nThird,\"Dee Guest (Univ A, UK), Eve Guest\",Poster\n", ".csv", None)
    assert ours.papers[0].authors == ("Dee Guest", "Eve Guest")
