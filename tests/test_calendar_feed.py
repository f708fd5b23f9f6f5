"""The program's calendar as a feed a visitor subscribes to: every slot of every day and
room, linked as ``webcal:`` beside the download, with UIDs that survive an edit.

Read the Docs builds from a clean checkout, so every test here builds the edited program
from scratch (a fresh output and doctree folder), never on top of the first build: what
keeps an event's UID must come from the sources alone. Each file is read by icalendar
and by Mozilla's ical.js (tests/ical), and both must see the same events at the same
moments. MyST and reStructuredText alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

import test_calendar
from conftest import SNIPPET_CONF, strip_colors
from roads_ext.model.calendar import event_keys, feed_address
from roads_ext.model.program import parse_program
from test_calendar import rst_of

icaljs = test_calendar.icaljs  # the second parser, ical.js: a fixture

EPOCH = "1780000000"  # 2026-05-28T20:26:40Z

BEFORE = """\
# Workshop

```{schedule}
:timezone: Europe/Paris
:location: Example Convention Center
:event: Example workshop

Monday, June 8, 2026
- 09:00-09:15 Opening remarks (Workshop Organizers)
- 09:15-10:00 Keynote: Sparse networks train well (Ada Quill)
  - location: Room 1
  - slides: https://example.org/slides.pdf
- 10:00-10:30 Coffee break
- 10:30-11:00 Invited talk: Learned Bloom filters (Bo Vance)
  - location: Room 2
- 11:00-11:30 Invited talk: Graph sketches (Cy Rowe)
  - location: Room 2
  - video: https://example.org/graph-sketches
  - link: Live stream https://example.org/live
Tuesday, June 9, 2026
- 09:00-10:00 Keynote: Robust optimization (Di Park)
  - location: Room 1
- 10:00-11:00 Panel discussion (Ada Quill, Bo Vance)
- 11:00-11:15 Closing remarks
```
"""

#: the same program, edited as organizers edit one: a talk moved to another day and time,
#: a keynote's title reworded, a room changed, a speaker replaced, a break shortened
AFTER = """\
# Workshop

```{schedule}
:timezone: Europe/Paris
:location: Example Convention Center
:event: Example workshop

Monday, June 8, 2026
- 09:00-09:15 Opening remarks (Workshop Organizers)
- 09:15-10:00 Keynote: Why sparse networks train well (Ada Quill)
  - location: Room 1
  - slides: https://example.org/slides.pdf
- 10:00-10:20 Coffee break
- 10:30-11:00 Invited talk: Learned Bloom filters (Bo Vance)
  - location: Room 3
Tuesday, June 9, 2026
- 08:15-08:45 Invited talk: Graph sketches (Cy Rowe)
  - location: Room 2
  - video: https://example.org/graph-sketches
  - link: Live stream https://example.org/live
- 09:00-10:00 Keynote: Robust optimization (Eve Stone)
  - location: Room 1
- 10:00-11:00 Panel discussion (Ada Quill, Cy Rowe)
- 11:00-11:15 Closing remarks
```
"""

#: each event of BEFORE (by its summary) -> the same event in AFTER
SAME_EVENT = {
    "Opening remarks (Workshop Organizers)": "Opening remarks (Workshop Organizers)",
    "Keynote: Sparse networks train well (Ada Quill)": "Keynote: Why sparse networks train well (Ada Quill)",
    "Coffee break": "Coffee break",
    "Invited talk: Learned Bloom filters (Bo Vance)": "Invited talk: Learned Bloom filters (Bo Vance)",
    "Invited talk: Graph sketches (Cy Rowe)": "Invited talk: Graph sketches (Cy Rowe)",
    "Keynote: Robust optimization (Di Park)": "Keynote: Robust optimization (Eve Stone)",
    "Panel discussion (Ada Quill, Bo Vance)": "Panel discussion (Ada Quill, Cy Rowe)",
    "Closing remarks": "Closing remarks",
}

BASE = "https://example.org/ws/"
FEED = "_calendar/index/schedule.ics"


def source_of(myst: str, suffix: str) -> str:
    return myst if suffix == ".md" else rst_of(myst)


@pytest.fixture
def build_fresh(make_app, tmp_path, monkeypatch):
    """Build a one-page project from scratch: its own source, output and doctree folders,
    nothing kept from another build (as on Read the Docs)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    count = 0

    def build(source: str, suffix: str = ".md", **confoverrides):
        nonlocal count
        count += 1
        srcdir = tmp_path / f"src{count}"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(SNIPPET_CONF + 'project = "Example"\n')
        (srcdir / f"index{suffix}").write_text(textwrap.dedent(source), encoding="utf-8")
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / f"build{count}", confoverrides=confoverrides)
        app.build()
        return app

    return build


def warnings_of(app) -> list[str]:
    """The build's warnings, less Sphinx's own about a second app in one process
    (``node class 'toctree' is already registered``)."""
    return [line for line in strip_colors(app.warning.getvalue()).splitlines()
            if "WARNING" in line and "is already registered" not in line]


def feed_events(app, relative: str = FEED) -> dict[str, icalendar.Event]:
    """The events of a calendar file as icalendar reads them: summary -> event."""
    calendar = icalendar.Calendar.from_ical((Path(app.outdir) / relative).read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def instant(event: icalendar.Event, name: str = "DTSTART") -> int:
    return int(event[name].dt.astimezone(dt.UTC).timestamp())


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_an_edited_program_built_from_scratch_keeps_every_uid(build_fresh, icaljs, suffix):
    before = build_fresh(source_of(BEFORE, suffix), suffix, html_baseurl=BASE)
    after = build_fresh(source_of(AFTER, suffix), suffix, html_baseurl=BASE)
    assert warnings_of(before) == [] and warnings_of(after) == []
    old, new = feed_events(before), feed_events(after)
    assert sorted(old) == sorted(SAME_EVENT) and sorted(new) == sorted(SAME_EVENT.values())
    # every event of the edited program is the one a calendar already has: the same UID
    for summary, edited in SAME_EVENT.items():
        assert str(new[edited]["UID"]) == str(old[summary]["UID"]), summary
    assert len({str(e["UID"]) for e in new.values()}) == len(new)
    # ... and the edits are in it: the new time and day, title, room and speakers
    moved = new["Invited talk: Graph sketches (Cy Rowe)"]
    paris = dt.timezone(dt.timedelta(hours=2))
    assert moved["DTSTART"].dt == dt.datetime(2026, 6, 9, 8, 15, tzinfo=paris)
    assert moved["DTEND"].dt == dt.datetime(2026, 6, 9, 8, 45, tzinfo=paris)
    assert str(new["Invited talk: Learned Bloom filters (Bo Vance)"]["LOCATION"]) == "Room 3"
    assert str(old["Invited talk: Learned Bloom filters (Bo Vance)"]["LOCATION"]) == "Room 2"
    # the reworded slot's anchor follows its title (the page's), its UID does not
    reworded = new["Keynote: Why sparse networks train well (Ada Quill)"]
    assert str(reworded["URL"]) == f"{BASE}index.html#schedule-why-sparse-networks-train-well"
    page = BeautifulSoup((Path(after.outdir) / "index.html").read_text(), "html.parser")
    assert page.find(id="schedule-why-sparse-networks-train-well") is not None
    # reproducible under SOURCE_DATE_EPOCH; no SEQUENCE or LAST-MODIFIED (nothing in the
    # sources says how often or when an event changed)
    stamp = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    for event in [*old.values(), *new.values()]:
        assert event["DTSTAMP"].dt == stamp
        assert "SEQUENCE" not in event and "LAST-MODIFIED" not in event
    # ical.js reads the same events at the same moments as icalendar, before and after
    for app, events in ((before, old), (after, new)):
        read = icaljs([Path(app.outdir) / FEED])
        assert {e["uid"]: (e["summary"], e["start"]["utc"], e["end"]["utc"]) for e in read} == {
            str(e["UID"]): (summary, instant(e), instant(e, "DTEND")) for summary, e in events.items()
        }
        assert {e["start"]["zone"] for e in read} == {"Europe/Paris"}
    # each slot's own file holds its event with the same UID as the feed
    alone = feed_events(after, "_calendar/index/schedule/graph-sketches.ics")
    assert [str(e["UID"]) for e in alone.values()] == [str(moved["UID"])]


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_the_feed_is_every_slot_of_every_day_and_room_with_its_links(build_fresh, suffix):
    app = build_fresh(source_of(BEFORE, suffix), suffix, html_baseurl=BASE)
    data = (Path(app.outdir) / FEED).read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    found = feed_events(app)
    assert len(found) == 8  # both days, every room
    assert {e["DTSTART"].dt.date() for e in found.values()} == {dt.date(2026, 6, 8), dt.date(2026, 6, 9)}
    # a feed: read again every six hours, from its own address
    assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(hours=6)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(calendar["SOURCE"]) == f"{BASE}{FEED}"
    assert b"X-PUBLISHED-TTL:PT6H\r\n" in data
    # its room where the slot has one, else the venue
    rooms = {summary: str(e["LOCATION"]) for summary, e in found.items()}
    assert rooms["Keynote: Sparse networks train well (Ada Quill)"] == "Room 1"
    assert rooms["Invited talk: Graph sketches (Cy Rowe)"] == "Room 2"
    assert rooms["Coffee break"] == "Example Convention Center"
    # every link of a slot, labelled: materials and a live link alike
    described = str(found["Invited talk: Graph sketches (Cy Rowe)"]["DESCRIPTION"])
    assert "Video: https://example.org/graph-sketches" in described
    assert "Live stream: https://example.org/live" in described
    assert "Slides: https://example.org/slides.pdf" in str(
        found["Keynote: Sparse networks train well (Ada Quill)"]["DESCRIPTION"])
    # a slot's own file is a download, not a feed
    alone = (Path(app.outdir) / "_calendar/index/schedule/graph-sketches.ics").read_bytes()
    assert b"REFRESH-INTERVAL" not in alone and b"SOURCE" not in alone


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_the_webcal_link_beside_the_download_where_the_site_address_is_known(build_fresh, suffix):
    app = build_fresh(source_of(BEFORE + DATES, suffix), suffix, html_baseurl=BASE)
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    program, dates = page.select("p.roads-calendar")
    links = program.find_all("a")
    assert [a.get_text() for a in links] == ["Add the program to your calendar (.ics)", "Subscribe (webcal)"]
    assert links[0]["href"] == FEED
    assert links[1]["href"] == "webcal://example.org/ws/_calendar/index/schedule.ics"
    assert "roads-webcal" in links[1]["class"]
    assert links[1]["title"].startswith("Subscribe in your calendar application")
    assert program.get_text() == "Add the program to your calendar (.ics) · Subscribe (webcal)"
    # the dates' calendar is a download only: its events are no feed
    assert [a.get_text() for a in dates.find_all("a")] == ["Add these dates to your calendar (.ics)"]


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_without_the_site_address_only_the_download(build_fresh, suffix):
    app = build_fresh(source_of(BEFORE, suffix), suffix)
    assert warnings_of(app) == []
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    (program,) = page.select("p.roads-calendar")
    assert [a["href"] for a in program.find_all("a")] == [FEED]
    assert "webcal" not in page.decode()
    data = (Path(app.outdir) / FEED).read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    # still read again by a client given the file's address by hand; no SOURCE to name
    assert "REFRESH-INTERVAL" in calendar and "SOURCE" not in calendar


DATES = """
```{important-dates}
- Paper submission: May 1, 2026 (AoE)
```
"""


INSERTED = BEFORE.replace(
    "- 09:00-10:00 Keynote: Robust optimization (Di Park)",
    "- 08:00-09:00 Keynote: A late addition (Fay Lind)\n  - id: late-keynote\n"
    "- 09:00-10:00 Keynote: Robust optimization (Di Park)",
)


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_an_id_keeps_the_other_slots_when_one_is_inserted(build_fresh, suffix):
    """A keynote inserted before another, given an id: every event before keeps its UID,
    and the new one has a UID of its own (the rule counts the slots without an id)."""
    before = build_fresh(source_of(BEFORE, suffix), suffix, html_baseurl=BASE)
    inserted = build_fresh(source_of(INSERTED, suffix), suffix, html_baseurl=BASE)
    assert warnings_of(inserted) == []
    old, new = feed_events(before), feed_events(inserted)
    late = new.pop("Keynote: A late addition (Fay Lind)")
    assert {s: str(e["UID"]) for s, e in new.items()} == {s: str(e["UID"]) for s, e in old.items()}
    assert str(late["UID"]) not in {str(e["UID"]) for e in old.values()}
    # the id is its anchor too
    assert str(late["URL"]) == f"{BASE}index.html#schedule-late-keynote"
    # and its UID is the one earlier versions gave it (from its anchor): an upgrade keeps it
    digest = hashlib.sha256(b"Example\0index\0schedule\0late-keynote").hexdigest()[:32]
    assert str(late["UID"]) == f"{digest}@example.org"


def test_two_slots_with_one_id_are_told_and_stay_two_events(build_fresh):
    app = build_fresh(BEFORE.replace("  - location: Room 1\n", "  - location: Room 1\n  - id: keynote\n"))
    index = BEFORE.splitlines().index("  - location: Room 1", 12) + 3  # the second keynote's id line
    assert [line.split("WARNING: ")[1] for line in warnings_of(app)] == [
        "schedule: id 'keynote' is already used by 'Sparse networks train well': give each slot an id of "
        "its own; this one's anchor is 'keynote-2' [roads.detail]"
    ]
    assert warnings_of(app)[0].split(": WARNING")[0].endswith(f"index.md:{index}")
    found = feed_events(app)
    assert len({str(e["UID"]) for e in found.values()}) == len(found) == 8


# --- the rule, without Sphinx --------------------------------------------------------------


def keys_of(lines: str) -> list[tuple[str, str]]:
    program = parse_program(textwrap.dedent(lines).splitlines(), dt.date(2026, 6, 8))
    slots = program.slots()
    return list(zip([slot.heading for slot in slots], event_keys(slots), strict=True))


def test_event_keys_are_kind_and_number_or_the_id():
    first = keys_of("""\
        - 09:00-09:15 Opening remarks
        - 09:15-10:00 Keynote: First (Ada Quill)
        - 10:00-10:30 Coffee break
        - 10:30-11:00 Keynote: Second (Bo Vance)
          - id: second
        - 11:00-11:30 Keynote: Third (Cy Rowe)
        - 11:30-12:00 Coffee break
        """)
    assert first == [
        ("Opening remarks", "opening#1"),
        ("First", "keynote#1"),
        ("Coffee break", "break#1"),
        ("Second", "second"),
        ("Third", "keynote#2"),
        ("Coffee break", "break#2"),
    ]
    # a title reworded, speakers changed, slots moved in time: the same keys
    edited = keys_of("""\
        - 09:00-09:15 Opening remarks
        - 09:15-10:00 Keynote: The first, reworded (Di Park)
        - 10:00-10:30 Coffee break
        - 10:30-11:00 Keynote: Second, reworded (Bo Vance)
          - id: second
        - 13:00-13:30 Keynote: Third (Cy Rowe, Eve Stone)
        - 13:30-14:00 Coffee break
        """)
    assert [key for _heading, key in edited] == [key for _heading, key in first]


def test_event_keys_in_order_written():
    program = parse_program([
        "- 09:00-09:30 Coffee break",
        "- 09:30-10:00 Keynote: A",
        "- 10:00-10:30 Coffee break",
        "- 10:30-11:00 Keynote: B",
        "  - id: b",
        "- 11:00-11:30 Keynote: C",
    ], dt.date(2026, 6, 8))
    assert event_keys(program.slots()) == ["break#1", "keynote#1", "break#2", "b", "keynote#2"]


def test_feed_address():
    assert feed_address("https://example.org/ws/", FEED) == (
        "https://example.org/ws/_calendar/index/schedule.ics",
        "webcal://example.org/ws/_calendar/index/schedule.ics",
    )
    assert feed_address("https://example.org", "_calendar/a b/é.ics") == (
        "https://example.org/_calendar/a%20b/%C3%A9.ics",
        "webcal://example.org/_calendar/a%20b/%C3%A9.ics",
    )
    assert feed_address("http://localhost:8000/", FEED)[1] == f"webcal://localhost:8000/{FEED}"
    for no in ("", "example.org", "/site/", "javascript:alert(1)//", "file:///tmp/site/", "https://"):
        assert feed_address(no, FEED) is None, no


# --- the handbook's guide -------------------------------------------------------------------

GUIDE = Path(__file__).parent.parent / "handbook" / "guides" / "calendar.md"


def test_the_guides_example_keeps_the_keynotes_uids(build_fresh):
    """The guide's example: a keynote inserted with an id between two published ones;
    built from scratch, the first and the last keep their UIDs, as the guide says."""
    (example,) = re.findall(r"^:::\{schedule\}.*?^:::$", GUIDE.read_text(encoding="utf-8"), re.M | re.S)
    published = "\n".join(line for line in example.splitlines()
                          if "late" not in line)
    assert "Keynote: A talk added late" in example and "A talk added late" not in published
    before = build_fresh(f"# Guide\n\n{published}\n")
    after = build_fresh(f"# Guide\n\n{example}\n")
    assert warnings_of(before) == [] and warnings_of(after) == []
    old, new = feed_events(before), feed_events(after)
    assert len(new) == len(old) + 1
    for summary, event in old.items():
        assert str(new[summary]["UID"]) == str(event["UID"]), summary
    # the rule, as the guide states it
    program = parse_program(example.splitlines()[4:-1], dt.date(2023, 6, 8))
    assert event_keys(program.slots()) == ["keynote#1", "break#1", "late-keynote", "keynote#2"]
