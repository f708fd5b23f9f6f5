"""The schedule and important-dates directives, built: HTML, warnings, calendars, JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from browser.browserkit import CHROMIUM, need
from conftest import strip_colors
from pagetext import shown_status

PEOPLE = """\
---
orphan: true
---
# People

```{speaker-card} Jonathan Frankle
:affiliation: Harvard
:country: USA
```

```{speaker-card} Michael Mitzenmacher
:affiliation: Harvard
:country: USA
```

```{speaker-card} Furong Huang
:affiliation: University of Maryland
:country: USA
```
"""

PROGRAM = """\
# Workshop

```{schedule} Thursday, June 8, 2023
:timezone: America/Los_Angeles
:event: Example workshop
:location: Room 3, Example Convention Center
:part-of: MLSys 2023 <https://mlsys.org/Conferences/2023>
:organizers: Furong Huang

- 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
- 8:40am-9:20am - Keynote: The lottery ticket hypothesis (Jonathan Frankle)
  - abstract: Why *sparse* networks train well.
  - slides: https://example.org/slides.pdf
- 9:20am-10:00am - Invited talk: Learned Bloom filters (Michael Mitzenmacher)
- 10:00am-10:30am - Coffee break
- 10:30am-11:30am - Panel discussion (Jonathan Frankle, Michael Mitzenmacher; moderator: Furong Huang)
- 11:30am - Closing remarks
```
"""

EPOCH_BEFORE = "1684000000"  # 2023-05-13T17:46:40Z


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def read_ics(app, relative: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((Path(app.outdir) / relative).read_bytes())


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return [c for c in calendar.walk("VEVENT")]


def assert_rfc5545(data: bytes) -> icalendar.Calendar:
    """What RFC 5545 requires of a published calendar, checked on the bytes and parsed back."""
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and len(line) <= 75 for line in lines)  # folded, CRLF only
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert required in event, required
        assert event["DTSTAMP"].to_ical().endswith(b"Z")  # a UTC date-time
        for name in ("DTSTART", "DTEND"):
            if name in event and "TZID" in event[name].params:
                assert event[name].params["TZID"] in defined
        if "DTEND" in event:
            assert type(event["DTEND"].dt) is type(event["DTSTART"].dt)
            assert event["DTEND"].dt >= event["DTSTART"].dt
    return calendar


def utc(value) -> dt.datetime:
    return value.dt.astimezone(dt.UTC)


@pytest.fixture
def program(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    return build_page(PROGRAM, files={"people.md": PEOPLE}, html_baseurl="https://example.org/")


def test_schedule_renders_as_a_table_with_times_and_linked_speakers(program):
    assert program.warning_lines() == []
    page = soup(program.html)
    table = page.select_one("table.roads-schedule-table")
    assert table.caption.get_text(" ", strip=True).startswith("Thursday, June 8, 2023")
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == ["Time (PDT)", "Session"]
    rows = table.tbody.find_all("tr")
    assert len(rows) == 6
    # the time column is the row's header; times are <time> with the zone's offset
    first = rows[0]
    assert first.th is not None
    assert [t["datetime"] for t in first.find_all("time")] == [
        "2023-06-08T08:30:00-07:00", "2023-06-08T08:40:00-07:00"]
    assert first.find("time")["data-roads-zone"] == "America/Los_Angeles"
    assert first.find("time").get_text() == "8:30\u202fAM"
    assert "America/Los_Angeles, UTC\u221207:00" in page.select_one(".roads-zone-note").get_text()
    # speakers link to their cards; a group is shown as written
    keynote = rows[1]
    assert keynote.select_one(".roads-kind").get_text() == "Keynote"
    assert keynote.select_one(".roads-slot-title").get_text() == "The lottery ticket hypothesis"
    link = keynote.select_one(".roads-slot-speakers a")
    assert link["href"] == "people.html#person-jonathan-frankle"
    assert link.get_text() == "Jonathan Frankle"
    assert rows[0].select_one(".roads-group").get_text() == "Workshop Organizers"
    assert keynote.select_one(".roads-abstract em").get_text() == "sparse"
    assert keynote.select_one('a[href="https://example.org/slides.pdf"]').get_text() == "Slides"
    panel = rows[4]
    assert [a.get_text() for a in panel.select(".roads-slot-speakers a")] == [
        "Jonathan Frankle", "Michael Mitzenmacher", "Furong Huang"]
    # a panel's speakers are its panelists; the moderator has a line of their own
    assert [p.get_text() for p in panel.select(".roads-slot-speakers")] == [
        "Panelists: Jonathan Frankle, Michael Mitzenmacher", "Moderator: Furong Huang"]
    # the last slot has a start alone
    assert len(rows[5].find_all("time")) == 1
    # calendar links: the whole program and each slot
    assert page.select_one(".roads-calendar a")["href"] == "_calendar/index/schedule.ics"
    assert keynote.select_one("a.roads-ics")["href"] == (
        "_calendar/index/schedule/the-lottery-ticket-hypothesis.ics")
    # every calendar link leads to a calendar file
    hrefs = [a["href"] for a in page.select("a.roads-ics")]
    assert len(hrefs) == 7
    for href in hrefs:
        assert_rfc5545((Path(program.app.outdir) / href).read_bytes())
    # the script that adds local times is on the page
    assert "roads-times.js" in program.html


def test_cards_link_back_to_their_slots(program):
    people = soup((Path(program.app.outdir) / "people.html").read_text())
    card = people.select_one("#person-jonathan-frankle")
    links = card.select(".roads-card-slots a")
    assert [a["href"] for a in links] == [
        "index.html#schedule-the-lottery-ticket-hypothesis", "index.html#schedule-panel-jonathan-frankle"]
    assert links[0].get_text() == (
        "Keynote: The lottery ticket hypothesis, Thursday, June 8, 2023, 8:40\u202fAM PDT")
    assert soup(program.html).select_one("#schedule-the-lottery-ticket-hypothesis") is not None
    # Furong Huang only moderates: her card links to the panel
    assert [a["href"] for a in people.select("#person-furong-huang .roads-card-slots a")] == [
        "index.html#schedule-panel-jonathan-frankle"]


def test_program_calendar_file(program):
    calendar = read_ics(program.app, "_calendar/index/schedule.ics")
    assert calendar["VERSION"] == "2.0" and "roads_ext" in calendar["PRODID"]
    zones = [tz["TZID"] for tz in calendar.walk("VTIMEZONE")]
    assert zones == ["America/Los_Angeles"]
    found = events(calendar)
    assert [str(e["SUMMARY"]) for e in found] == [
        "Welcome and Opening Remarks (Workshop Organizers)",
        "Keynote: The lottery ticket hypothesis (Jonathan Frankle)",
        "Invited talk: Learned Bloom filters (Michael Mitzenmacher)",
        "Coffee break",
        "Panel discussion (Jonathan Frankle, Michael Mitzenmacher, Furong Huang)",
        "Closing remarks",
    ]
    starts = [utc(e["DTSTART"]) for e in found]
    ends = [utc(e["DTEND"]) if "DTEND" in e else None for e in found]
    at = lambda h, m: dt.datetime(2023, 6, 8, h, m, tzinfo=dt.UTC)  # noqa: E731
    assert starts == [at(15, 30), at(15, 40), at(16, 20), at(17, 0), at(17, 30), at(18, 30)]
    assert ends == [at(15, 40), at(16, 20), at(17, 0), at(17, 30), at(18, 30), None]
    for event in found:
        assert event["DTSTART"].params["TZID"] == "America/Los_Angeles"
        assert utc(event["DTSTAMP"]) == dt.datetime.fromtimestamp(int(EPOCH_BEFORE), dt.UTC)
        assert event["LOCATION"] == "Room 3, Example Convention Center"
        assert str(event["UID"]).endswith("@example.org")
    assert len({str(e["UID"]) for e in found}) == len(found)
    assert found[1]["URL"] == "https://example.org/index.html#schedule-the-lottery-ticket-hypothesis"
    assert "Slides: https://example.org/slides.pdf" in str(found[1]["DESCRIPTION"])
    # one slot alone, with the same UID as in the whole program
    single = events(read_ics(program.app, "_calendar/index/schedule/the-lottery-ticket-hypothesis.ics"))
    assert [str(e["UID"]) for e in single] == [str(found[1]["UID"])]


def test_uids_stable_and_builds_reproducible(build_page, make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    first = build_page(PROGRAM, files={"people.md": PEOPLE})
    out = Path(first.app.outdir)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.ics")}
    html_before = first.html
    assert len(before) == 7  # the program and its six slots
    for data in before.values():
        assert_rfc5545(data)
    # a fresh build of the same sources into another folder
    again = make_app("html", srcdir=Path(first.app.srcdir), builddir=tmp_path / "again")
    again.build()
    out2 = Path(again.outdir)
    after = {p.relative_to(out2): p.read_bytes() for p in out2.rglob("*.ics")}
    assert after == before
    assert (out2 / "index.html").read_text() == html_before
    # another build time: new DTSTAMP, same UIDs
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    later = make_app("html", srcdir=Path(first.app.srcdir), builddir=tmp_path / "later")
    later.build()
    a = events(icalendar.Calendar.from_ical(before[Path("_calendar/index/schedule.ics")]))
    b = events(read_ics(later, "_calendar/index/schedule.ics"))
    assert [str(e["UID"]) for e in a] == [str(e["UID"]) for e in b]
    assert utc(b[0]["DTSTAMP"]) == dt.datetime.fromtimestamp(1700000000, dt.UTC)
    assert utc(a[0]["DTSTAMP"]) != utc(b[0]["DTSTAMP"])


def test_daylight_saving_change_between_days(build_page):
    built = build_page("""\
        # DST

        ```{schedule}
        :timezone: America/New_York
        :location: Hall A

        Saturday, March 11, 2023
        - 9:00am-10:00am - Keynote (Workshop Organizers)
        Monday, March 13, 2023
        - 9:00am-10:00am - Closing remarks
        ```
        """)
    assert built.warning_lines() == []
    page = soup(built.html)
    assert [t["datetime"] for t in page.find_all("time")][::2] == [
        "2023-03-11T09:00:00-05:00", "2023-03-13T09:00:00-04:00"]
    assert [th.get_text(strip=True) for th in page.select("thead th.stub")] == ["Time (EST)", "Time (EDT)"]
    assert page.select_one(".roads-zone-note").get_text() == (
        "Times are in America/New_York. Under each time: the venue’s zone, or your own time where it differs.")
    found = events(read_ics(built.app, "_calendar/index/schedule.ics"))
    assert [utc(e["DTSTART"]) for e in found] == [
        dt.datetime(2023, 3, 11, 14, 0, tzinfo=dt.UTC), dt.datetime(2023, 3, 13, 13, 0, tzinfo=dt.UTC)]
    vtimezone = read_ics(built.app, "_calendar/index/schedule.ics").walk("VTIMEZONE")[0]
    assert {c.name for c in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_calendar_files_are_what_icalendar_writes_for_them(build_page):
    """Each event and time zone is serialized once and reused in every file it is in;
    every file must still be exactly icalendar's serialization of what it holds
    (the time zones' rules are roads_ext's: see tests/test_calendar.py)."""
    built = build_page("""\
        # Calendars

        ```{schedule}
        :timezone: Europe/Paris
        :location: Hall A

        Saturday, March 25, 2023
        - 9:00-10:00 Keynote: A title long enough to be folded over more than one line of the file (Workshop Organizers)
        Monday, March 27, 2023
        - 9:00-10:00 Closing remarks
        ```

        ```{important-dates}
        - Submission: May 1, 2023 (AoE)
        - Talk: June 8, 2023, 10:00 America/New_York
        - Party: June 9, 2023, 20:00 Europe/Paris
        ```
        """)
    assert built.warning_lines() == []
    files = sorted((Path(built.app.outdir) / "_calendar").rglob("*.ics"))
    assert len(files) == 4  # the program, its two slots, the dates
    for path in files:
        data = path.read_bytes()
        parsed = icalendar.Calendar.from_ical(data)
        rebuilt = icalendar.Calendar()
        for name, value in parsed.property_items(recursive=False)[1:-1]:
            rebuilt.add(name, value)
        # RFC 5545 puts the time zones first; they are roads_ext's own (yearly rules)
        for timezone in parsed.walk("VTIMEZONE"):
            rebuilt.add_component(timezone)
            for part in timezone.subcomponents:
                assert "RDATE" not in part
        for event in parsed.walk("VEVENT"):
            rebuilt.add_component(event)
        assert rebuilt.to_ical() == data, path.name
        assert {tz["TZID"] for tz in parsed.walk("VTIMEZONE")} == {
            str(e["DTSTART"].params["TZID"]) for e in parsed.walk("VEVENT") if "TZID" in e["DTSTART"].params}


DATES = """\
# Dates

```{important-dates}
- Paper submission: May 1, 2023 (AoE)
- Camera-ready: June 1, 2023, 11:59pm AoE
- Workshop: Thursday, June 8, 2023
```
"""


def statuses(html: str) -> list[tuple[str, str, list[str]]]:
    rows = soup(html).select("table.roads-dates-table tbody tr")
    return [(r.th.get_text(strip=True), shown_status(r),
             [c for c in r["class"] if c.startswith("roads-date-")]) for r in rows]


@pytest.mark.parametrize(
    ("epoch", "expected"),
    [
        # one second before May 1 is over everywhere on Earth (May 2, 12:00 UTC)
        (int(dt.datetime(2023, 5, 2, 11, 59, 59, tzinfo=dt.UTC).timestamp()), ["Next", "Upcoming", "Upcoming"]),
        (int(dt.datetime(2023, 5, 2, 12, 0, 0, tzinfo=dt.UTC).timestamp()), ["Passed", "Next", "Upcoming"]),
        (int(dt.datetime(2023, 6, 2, 11, 59, tzinfo=dt.UTC).timestamp()), ["Passed", "Passed", "Next"]),
        (int(dt.datetime(2023, 6, 9, 12, 0, tzinfo=dt.UTC).timestamp()), ["Passed", "Passed", "Passed"]),
    ],
)
def test_important_dates_passed_or_upcoming_at_aoe_edges(build_page, monkeypatch, epoch, expected):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    built = build_page(DATES)
    assert built.warning_lines() == []
    found = statuses(built.html)
    assert [label for label, _, _ in found] == ["Paper submission", "Camera-ready", "Workshop"]
    assert [status for _, status, _ in found] == expected
    assert [classes for _, _, classes in found] == [[f"roads-date-{s.lower()}"] for s in expected]
    if "Next" in expected:
        row = soup(built.html).select_one("tr.roads-date-next")
        assert row.select_one(".roads-status .roads-state-next strong").get_text() == "Next"


def test_important_dates_calendar(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    built = build_page(DATES)
    page = soup(built.html)
    assert page.select_one(".roads-dates .roads-calendar a")["href"] == "_calendar/index/key-dates.ics"
    assert page.select_one("abbr")["title"].startswith("Anywhere on Earth")
    found = events(assert_rfc5545((Path(built.app.outdir) / "_calendar/index/key-dates.ics").read_bytes()))
    assert [str(e["SUMMARY"]) for e in found] == ["Paper submission", "Camera-ready", "Workshop"]
    submission, camera, workshop = found
    assert submission["DTSTART"].dt == dt.date(2023, 5, 1)
    assert submission["DTEND"].dt == dt.date(2023, 5, 2)
    assert "2023-05-02 12:00 UTC" in str(submission["DESCRIPTION"])
    # a moment in AoE goes into the calendar in UTC
    assert camera["DTSTART"].dt == dt.datetime(2023, 6, 2, 11, 59, tzinfo=dt.UTC)
    assert workshop["DTSTART"].dt == dt.date(2023, 6, 8)
    assert workshop["DTEND"].dt == dt.date(2023, 6, 9)


def test_event_json_ld(program):
    scripts = soup(program.html).find_all("script", type="application/ld+json")
    events_ld = [json.loads(s.string) for s in scripts if '"Event"' in s.string]
    assert len(events_ld) == 1
    event = events_ld[0]
    assert event["@context"] == "https://schema.org" and event["@type"] == "Event"
    # what search engines require or recommend for an Event
    assert event["name"] == "Example workshop"
    assert event["startDate"] == "2023-06-08T08:30:00-07:00"
    assert event["endDate"] == "2023-06-08T11:30:00-07:00"
    assert event["location"] == {"@type": "Place", "name": "Room 3, Example Convention Center",
                                 "address": "Room 3, Example Convention Center"}
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["superEvent"] == {"@type": "Event", "name": "MLSys 2023",
                                   "url": "https://mlsys.org/Conferences/2023"}
    assert [o["name"] for o in event["organizer"]] == ["Furong Huang"]
    assert event["organizer"][0]["@type"] == "Person"
    assert sorted(p["name"] for p in event["performer"]) == ["Furong Huang", "Jonathan Frankle",
                                                             "Michael Mitzenmacher"]
    assert event["performer"][0]["@id"].startswith("https://example.org/people.html#person-")
    subs = event["subEvent"]
    assert [s["name"] for s in subs] == ["The lottery ticket hypothesis", "Learned Bloom filters",
                                         "Panel discussion"]
    for sub in subs:
        assert sub["@type"] == "Event"
        assert {"name", "startDate", "endDate", "location", "performer"} <= set(sub)
        assert dt.datetime.fromisoformat(sub["startDate"]) < dt.datetime.fromisoformat(sub["endDate"])
    assert [p["name"] for p in subs[0]["performer"]] == ["Jonathan Frankle"]
    # a talk names its speaker and points to the full description in the same document
    full = {p["@id"]: p for p in event["performer"]}
    assert subs[0]["performer"][0] == {"@type": "Person", "@id": subs[0]["performer"][0]["@id"],
                                       "name": "Jonathan Frankle"}
    assert full[subs[0]["performer"][0]["@id"]]["affiliation"]["name"] == "Harvard"
    assert subs[0]["description"] == "Why *sparse* networks train well."


# --- bad input -------------------------------------------------------------------------------

BAD_MYST = """\
# Bad

```{schedule} Thursday, June 8, 2023
:timezone: America/Los_Angles
:location: Hall A
:locaton: typo

- 8:30am-8:40am - Welcome (Workshop Organizers)
- 8:35am-9:00am - Overlapping talk (Jonathan Franke)
- 8:70am-9:30am - Bad minutes
- 11am-10am - Backwards
- half past ten - Coffee
- 11:00am-11:30am - Keynot: Title (Jonathan Frankle)
  - kind: keynot
  - slides: javascript:alert(1)
  - abstarct: text
- 11:30am-12:00pm - Still here
```

```{important-dates}
- Submission: June 31, 2023
- Notification: May 20, 2023 AEO
- Camera-ready: Friday, June 8, 2023
- Kept: June 9, 2023
```

```{schedule}
```

```{important-dates}
```
"""

EXPECTED_MYST = [
    (4, "roads.timezone", "schedule: unknown time zone 'America/Los_Angles' (did you mean 'America/Los_Angeles'?)"),
    (6, "roads.option", "schedule: unknown option 'locaton' (did you mean 'location'?)"),
    (9, "roads.overlap", "schedule: 'Overlapping talk' starts at 08:35, before 'Welcome' ends at 08:40"),
    (10, "roads.time", "schedule: '8:70am' is not a time: minutes go up to 59"),
    (11, "roads.time", "schedule: '11am-10am' ends before it starts"),
    (12, "roads.time", "schedule: 'half past ten - Coffee' starts with neither a time nor a date"),
    (14, "roads.kind", "schedule: unknown slot kind 'keynot' (did you mean 'keynote'?)"),
    (15, "roads.link", "schedule: slides link 'javascript:alert(1)' uses 'javascript'"),
    (16, "roads.detail", "schedule: unknown detail 'abstarct' (did you mean 'abstract'?)"),
    (21, "roads.date", "important-dates: 'Submission': 'June 31, 2023' is not a date: June 2023 has 30 days; "
                          "this date is left out"),
    (22, "roads.timezone", "important-dates: unknown time zone 'AEO' (did you mean 'AoE'?)"),
    (23, "roads.date", "important-dates: 'Camera-ready': 'Friday, June 8, 2023' is not a date: June 8, 2023 "
                          "is a Thursday, not a Friday; this date is left out"),
    (27, "roads.empty", "schedule: is empty"),
    (30, "roads.empty", "important-dates: is empty"),
    (9, "roads.person", "schedule: 'Jonathan Franke' is declared nowhere on this site "
                        "(did you mean 'Jonathan Frankle'?)"),
]


def check_warnings(built, expected: list[tuple[int, str, str]]) -> None:
    lines = built.warning_lines()
    for line, subtype, message in expected:
        hits = [w for w in lines if f"index.{built_suffix(built)}:{line}: WARNING: {message}" in w
                and w.endswith(f"[{subtype}]")]
        assert hits, f"no {subtype} warning at line {line}: {message!r} in\n" + "\n".join(lines)
    assert len(lines) == len(expected), "\n".join(lines)
    assert "Traceback" not in built.warnings


def built_suffix(built) -> str:
    return "rst" if (Path(built.app.srcdir) / "index.rst").exists() else "md"


@pytest.mark.parametrize("talks", [200, 201])
def test_a_home_page_describes_a_conferences_programs_by_their_pages(build_page, talks):
    """The home page, with no program of its own, describes each program whole up to 200
    talks in all; beyond, each program's Event without its talks, pointing to its page."""
    lines = "".join(
        f"- {9 + n // 60:02d}:{n % 60:02d}-{9 + (n + 1) // 60:02d}:{(n + 1) % 60:02d} Talk: Study {n} (Ada Guest)\n"
        for n in range(talks)
    )
    page = (
        "# Program\n\n```{schedule} Thursday, June 8, 2023\n:timezone: America/New_York\n"
        ":location: Hall A, Example Center\n\n" + lines + "```\n"
    )
    built = build_page(
        "# Home\n\n```{toctree}\nprogram\n```\n",
        files={"program.md": page},
        conf='html_baseurl = "https://example.org/"\n',
    )
    assert built.warning_lines() == []
    home = soup(built.html)
    (event,) = [json.loads(s.string) for s in home.find_all("script", type="application/ld+json")
                if '"Event"' in s.string]
    assert event["url"] == "https://example.org/program.html#schedule"
    assert event["location"]["name"] == "Hall A, Example Center"
    if talks == 200:
        assert len(event["subEvent"]) == 200 and event["performer"] == [{"@type": "Person", "name": "Ada Guest"}]
    else:
        assert "subEvent" not in event and "performer" not in event
    program_page = soup((Path(built.app.outdir) / "program.html").read_text())
    (whole,) = [json.loads(s.string) for s in program_page.find_all("script", type="application/ld+json")
                if '"Event"' in s.string]
    assert len(whole["subEvent"]) == talks


def test_bad_input_myst(build_page):
    built = build_page(BAD_MYST, files={"people.md": PEOPLE})
    check_warnings(built, EXPECTED_MYST)
    # the rest of the page is there: the good slots, the kept date
    page = soup(built.html)
    titles = [t.get_text() for t in page.select(".roads-slot-title")]
    assert titles == ["Welcome", "Overlapping talk", "Title", "Still here"]
    assert page.select_one(".roads-slot-title").find_parent("tr").find("time")["datetime"] == (
        "2023-06-08T08:30:00+00:00")  # an unknown zone: UTC, as the warning says
    assert "javascript:" not in built.html
    assert [r.th.get_text() for r in page.select(".roads-dates-table tbody tr")] == ["Notification", "Kept"]


BAD_RST = """\
Bad
===

.. schedule:: June 8, 2023
   :timezone: Europe/Paris
   :location: Hall A

   - 9:00-10:00 Keynote (Jonathan Frankle)
   - 9:30-10:30 Overlapping talk (Nobody Known)
   - 25:00-26:00 Bad hours
   - 11:00-12:00 Still here

.. important-dates::
   :timezone: AoF

   - Deadline: February 30, 2024
   - Kept: March 1, 2024
"""


def test_bad_input_rst(build_page):
    built = build_page(BAD_RST, suffix=".rst", files={"people.md": PEOPLE})
    check_warnings(built, [
        (9, "roads.overlap", "schedule: 'Overlapping talk' starts at 09:30, before 'Keynote' ends at 10:00"),
        (10, "roads.time", "schedule: '25:00' is not a time: hours go up to 23"),
        (14, "roads.timezone", "important-dates: unknown time zone 'AoF' (did you mean 'AoE'?)"),
        (16, "roads.date", "important-dates: 'Deadline': 'February 30, 2024' is not a date: February 2024 "
                              "has 29 days; this date is left out"),
    ])  # "Nobody Known" is a guest: declared nowhere, shown as written, no warning
    page = soup(built.html)
    assert [t.get_text() for t in page.select(".roads-slot-title")] == ["Keynote", "Overlapping talk",
                                                                        "Still here"]
    assert page.find("time")["datetime"] == "2023-06-08T09:00:00+02:00"
    assert page.select_one(".roads-slot-speakers a")["href"] == "people.html#person-jonathan-frankle"
    guest = page.select(".roads-slot-speakers")[1]
    assert guest.get_text() == "Nobody Known" and guest.find("a") is None


def test_no_day_no_zone_no_location(build_page):
    built = build_page("""\
        # Missing

        ```{schedule}
        - 9:00-10:00 Keynote (Workshop Organizers)
        ```

        ```{schedule} June 8, 2023
        - 9:00-10:00 Keynote (Workshop Organizers)
        ```
        """)
    check_warnings(built, [
        (4, "roads.date", "schedule: no day for this slot"),
        (3, "roads.timezone", "schedule: no time zone: add ':timezone: America/Los_Angeles'"),
        (7, "roads.timezone", "schedule: no time zone"),
        (7, "roads.event", "schedule: no :location:"),
    ])


def test_slot_ids_and_links_checked(build_page):
    built = build_page("""\
        # Ids

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A

        - 9:00-10:00 Keynote: Lottery tickets (Workshop Organizers)
          - id: talk
        - 10:00-11:00 Invited talk: Bloom filters (Workshop Organizers)
          - id: Talk
          - link: Slides
        - 11:00-12:00 Poster session
          - id: !!!
        ```
        """)
    check_warnings(built, [
        (10, "roads.detail", ("schedule: id 'talk' is already used by 'Lottery tickets': give each slot an "
                              "id of its own; this one's anchor is 'talk-2'")),
        (11, "roads.detail", "schedule: link 'Slides' has no URL: write 'link: Label URL'"),
        (13, "roads.detail", "schedule: id '!!!' has no letters or digits"),
    ])
    page = soup(built.html)
    ids = [node["id"] for node in page.select("[id]")]
    assert len(ids) == len(set(ids))
    assert {"schedule-talk", "schedule-talk-2", "schedule-poster-session"} <= set(ids)
    assert not page.select('a[href="Slides"]')
    calendars = sorted(str(p.relative_to(built.app.outdir)) for p in Path(built.app.outdir).rglob("*.ics"))
    assert calendars == ["_calendar/index/schedule.ics", "_calendar/index/schedule/poster-session.ics",
                         "_calendar/index/schedule/talk-2.ics", "_calendar/index/schedule/talk.ics"]


def test_text_after_the_day_is_reported(build_page):
    built = build_page("""\
        # Day

        ```{schedule} June 8, 2023 Workshop day
        :timezone: UTC
        :location: Hall A

        - 9:00-10:00 Keynote (Workshop Organizers)
        ```

        ```{schedule} June 9, 2023
        :timezone: UTC
        :location: Hall A

        Workshop day - June 9, 2023
        - 9:00-10:00 Keynote (Workshop Organizers)
        ```
        """)
    check_warnings(built, [
        (3, "roads.date", ("schedule: 'Workshop day' after the date is ignored: the argument is the day "
                           "alone; to label the day, start the program with 'Workshop day - June 8, 2023'")),
    ])
    # what the warning suggests labels the day
    captions = soup(built.html).select("table.roads-schedule-table caption .caption-text")
    assert [c.get_text() for c in captions] == ["Thursday, June 8, 2023", "Friday, June 9, 2023 · Workshop day"]


def test_card_names_the_kind_once(build_page):
    built = build_page("""\
        # Program

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A

        - 9:00-10:00 Keynote on vision (Jonathan Frankle)
        - 10:00-11:00 Keynote: Sparse networks (Jonathan Frankle)
        ```
        """, files={"people.md": PEOPLE})
    assert built.warning_lines() == []
    people = soup((Path(built.app.outdir) / "people.html").read_text())
    assert people.select_one("#person-jonathan-frankle .roads-card-slots").get_text() == (
        "In the program: Keynote on vision, Thursday, June 8, 2023, 9:00\u202fAM UTC; "
        "Keynote: Sparse networks, Thursday, June 8, 2023, 10:00\u202fAM UTC")
    found = events(read_ics(built.app, "_calendar/index/schedule.ics"))
    assert [str(e["SUMMARY"]) for e in found] == [
        "Keynote on vision (Jonathan Frankle)", "Keynote: Sparse networks (Jonathan Frankle)"]


def test_event_options_checked(build_page):
    built = build_page("""\
        # Event

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A
        :part-of: MLSys <javascript:alert(1)>
        :organizers: Jonathan Franke, Nobody Known
        :attendance: hybrid

        - 9:00-10:00 Keynote (Jonathan Frankle)
        ```
        """, files={"people.md": PEOPLE})
    check_warnings(built, [
        (6, "roads.link", "schedule: part-of link 'javascript:alert(1)' uses 'javascript'"),
        (7, "roads.speaker", "schedule: unknown organizer 'Jonathan Franke' (did you mean 'Jonathan Frankle'?)"),
        (7, "roads.speaker", "schedule: unknown organizer 'Nobody Known'"),
        (8, "roads.option", "schedule: option 'attendance': 'hybrid' must be one of in-person, online, mixed"),
    ])
    event = next(json.loads(s.string) for s in soup(built.html).find_all("script", type="application/ld+json")
                 if '"Event"' in s.string)
    assert event["superEvent"] == {"@type": "Event", "name": "MLSys"}
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_script_in_any_field_is_escaped(build_page):
    evil = "<script>alert(1)</script>"
    built = build_page(f"""\
        # Evil

        ```{{schedule}} June 8, 2023
        :timezone: UTC
        :event: {evil}
        :location: {evil}

        - 9:00-10:00 {evil} (Workshop Organizers {evil})
          - abstract: {evil}
          - location: {evil}
        ```

        ```{{important-dates}} {evil}
        - {evil}: June 8, 2023 ({evil})
        ```
        """, files={"people.md": PEOPLE})
    body = built.html
    assert "<script>alert(1)" not in body
    assert body.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5
    # in the JSON-LD, "</" cannot close the script element
    ld = [json.loads(s.string) for s in soup(body).find_all("script", type="application/ld+json")]
    assert ld[0]["name"] == evil
    calendar = read_ics(built.app, "_calendar/index/schedule.ics")
    assert str(events(calendar)[0]["LOCATION"]) == evil  # a calendar holds text, not markup


# --- other builders, parallel and incremental builds --------------------------------------------


@pytest.mark.parametrize("builder", ["text", "latex", "epub", "gettext", "dirhtml", "singlehtml", "man"])
def test_other_builders(build_page, monkeypatch, builder):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    built = build_page(PROGRAM + "\n" + DATES.replace("# Dates", "## Dates"), buildername=builder,
                       files={"people.md": PEOPLE}, conf='epub_copyright = "x"\nversion = "1"\n')
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    has_calendar = (out / "_calendar").exists()
    assert has_calendar == (builder in ("dirhtml", "singlehtml"))
    if builder == "text":
        text = (out / "index.txt").read_text()
        assert "8:40\u202fAM\u2009–\u20099:20\u202fAM" in text
        assert "The lottery ticket hypothesis" in text and "Jonathan Frankle" in text
        assert "Add to calendar" not in text
        assert "Passed" in text and "Next" in text
        people = (out / "people.txt").read_text()
        assert "In the program: Keynote: The lottery ticket hypothesis" in people
    if builder == "dirhtml":
        page = soup((out / "index.html").read_text())
        href = page.select_one(".roads-calendar a")["href"]
        assert href == "_calendar/index/schedule.ics" and (out / href).exists()
        people = soup((out / "people" / "index.html").read_text())
        assert people.select_one(".roads-card-slots a")["href"] == "../#schedule-the-lottery-ticket-hypothesis"


def build_warnings(app) -> list[str]:
    """The build's warnings, less those of a second Sphinx in one process registering
    Sphinx's own nodes again (an artefact of the test harness)."""
    return [line for line in strip_colors(app.warning.getvalue()).splitlines()
            if "WARNING" in line and not re.search(r"\[app\.add_\w+\]$", line)]


def site_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".ics") and "_static" not in p.parts}


def write_project(srcdir: Path) -> None:
    from conftest import SNIPPET_CONF

    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(SNIPPET_CONF)
    (srcdir / "index.md").write_text("# Site\n\n```{toctree}\nprogram\nday2\npeople\ndates\n```\n")
    (srcdir / "program.md").write_text(PROGRAM)
    (srcdir / "day2.md").write_text(PROGRAM.replace("Thursday, June 8", "Friday, June 9")
                                    .replace("# Workshop", "# Day two"))
    (srcdir / "people.md").write_text(PEOPLE.split("---\n", 2)[2])
    (srcdir / "dates.md").write_text(DATES)


def test_parallel_build_equals_serial(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    write_project(tmp_path / "src")
    results = []
    for jobs in (1, 2):
        app = make_app("html", srcdir=tmp_path / "src", builddir=tmp_path / f"j{jobs}", parallel=jobs)
        app.build()
        assert build_warnings(app) == []
        results.append(site_files(Path(app.outdir)))
    assert results[0] == results[1]
    assert {"_calendar/program/schedule.ics", "_calendar/day2/schedule.ics",
            "_calendar/dates/key-dates.ics"} <= set(results[0])
    # the cards, read in one process, link to slots read in others
    people = soup(results[1]["people.html"].decode())
    assert [a["href"] for a in people.select("#person-michael-mitzenmacher .roads-card-slots a")] == [
        "day2.html#schedule-learned-bloom-filters", "day2.html#schedule-panel-jonathan-frankle",
        "program.html#schedule-learned-bloom-filters", "program.html#schedule-panel-jonathan-frankle"]


def test_incremental_build_updates_cards_and_calendar(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "src"
    write_project(src)
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    (src / "program.md").write_text(PROGRAM.replace("8:40am-9:20am - Keynote: The lottery",
                                                    "8:45am-9:20am - Keynote: The lottery"))
    app2 = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app2.build()
    people = soup((Path(app2.outdir) / "people.html").read_text())
    assert "8:45\u202fAM" in people.select_one("#person-jonathan-frankle .roads-card-slots").get_text()
    fresh = make_app("html", srcdir=src, builddir=tmp_path / "fresh")
    fresh.build()
    assert site_files(Path(app2.outdir)) == site_files(Path(fresh.outdir))


def calls_of(monkeypatch, module, name: str, noted) -> list:
    """``module.name`` watched: the list of ``noted(*args)`` of each call (None: not noted)."""
    seen: list = []
    real = getattr(module, name)

    def watched(*args):
        note = noted(*args)
        if note is not None:
            seen.append(note)
        return real(*args)

    monkeypatch.setattr(module, name, watched)
    return seen


def test_a_rebuild_summarizes_only_the_slots_of_programs_it_re_read(make_app, tmp_path, monkeypatch):
    """A card's "In the program:" lines of a program not re-read are the last build's:
    no date or time is formatted again for it; a re-read one is summarized anew."""
    from roads_ext.services import talks

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "src"
    write_project(src)
    make_app("html", srcdir=src, builddir=tmp_path / "inc").build()
    summarized = calls_of(monkeypatch, talks, "slot_summary", lambda record, *_: record.docname)
    people = src / "people.md"
    people.write_text(people.read_text().replace(":affiliation: Harvard\n", ":affiliation: Harvard SEAS\n", 1))
    edited = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    edited.build()
    assert "Harvard SEAS" in (Path(edited.outdir) / "people.html").read_text()  # the page was re-read
    assert summarized == []
    (src / "program.md").write_text(PROGRAM.replace("8:40am-9:20am - Keynote: The lottery",
                                                    "8:45am-9:20am - Keynote: The lottery"))
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    assert set(summarized) == {"program"}
    cards = soup((Path(app.outdir) / "people.html").read_text())
    assert "8:45\u202fAM" in cards.select_one("#person-jonathan-frankle .roads-card-slots").get_text()


def test_a_rebuild_digests_only_the_calendar_records_of_pages_it_re_read(make_app, tmp_path, monkeypatch):
    """Whether a calendar file must be remade is found from a digest of its record: a
    record of a page not re-read keeps the last build's (kept in the environment)."""
    from roads_ext.model.calendar import CalendarRecord
    from roads_ext.output import calendars

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "src"
    write_project(src)
    make_app("html", srcdir=src, builddir=tmp_path / "inc").build()
    digested = calls_of(
        monkeypatch, calendars, "_digest", lambda value: value.docname if isinstance(value, CalendarRecord) else None
    )
    (src / "day2.md").write_text((src / "day2.md").read_text() + "\nA line more.\n")
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    assert digested == ["day2"]
    assert build_warnings(app) == []


# --- the local-time script, in a real browser ------------------------------------------------------
# The browser tests' own tool check: a missing Chromium skips with the reason, and fails under CI.


def dump_dom(page: Path, zone: str) -> BeautifulSoup:
    import os
    import subprocess

    env = {**os.environ, "TZ": zone, "LANG": "en_US.UTF-8"}
    # roads-times.js is loaded after the first paint (load, a frame, a timer, then the
    # file): with 2 s of virtual time a loaded machine once dumped the page before it ran
    result = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--lang=en-US",
         "--virtual-time-budget=10000", "--dump-dom", page.as_uri()],
        env=env, capture_output=True, text=True, timeout=120, check=True)
    return soup(result.stdout)


@pytest.mark.browser
def test_visitor_local_times(program):
    need(CHROMIUM.is_file(), f"Chromium not found at {CHROMIUM}")
    page = Path(program.app.outdir) / "index.html"
    away = dump_dom(page, "Europe/Paris")
    # ICU may put a narrow no-break space before PM, or a plain one
    local = [s.get_text().replace("\u202f", " ") for s in away.select(".roads-schedule .roads-local-time")]
    assert local[:2] == ["5:30 PM \u2013 5:40 PM your time", "5:40 PM \u2013 6:20 PM your time"]
    assert local[-1] == "8:30 PM your time"  # a start alone
    assert "(Europe/Paris)" in away.select_one(".roads-local-note").get_text()
    assert away.select_one(".roads-local-time")["title"] == "your time (Europe/Paris)"
    # a visitor in the venue's zone sees the lines as the page has them: the venue's zone
    home = dump_dom(page, "America/Los_Angeles")
    assert {s.get_text() for s in home.select(".roads-schedule .roads-local-time")} == {" PDT"}
    assert home.select_one(".roads-local-note").get_text() == (
        " Under each time: the venue’s zone, or your own time where it differs.")


def test_dates_page_rewritten_when_only_time_moves_on(make_app, tmp_path, monkeypatch):
    """No source changed, but the build is later: the status must follow."""
    src = tmp_path / "src"
    write_project(src)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    first = make_app("html", srcdir=src, builddir=tmp_path / "out")
    first.build()
    assert [s for _, s, _ in statuses((Path(first.outdir) / "dates.html").read_text())] == [
        "Passed", "Next", "Upcoming"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2023, 7, 1, tzinfo=dt.UTC).timestamp())))
    later = make_app("html", srcdir=src, builddir=tmp_path / "out")
    later.build()
    assert [s for _, s, _ in statuses((Path(later.outdir) / "dates.html").read_text())] == [
        "Passed", "Passed", "Passed"]
    assert utc(events(read_ics(later, "_calendar/dates/key-dates.ics"))[0]["DTSTAMP"]) == dt.datetime(
        2023, 7, 1, tzinfo=dt.UTC)


def test_a_rebuild_remakes_only_the_calendars_whose_sources_changed(make_app, tmp_path, monkeypatch):
    """Remaking every calendar after one page was edited cost more than the rest
    of a large site's rebuild; an unchanged calendar keeps its file."""
    import roads_ext.output.ics as ics

    made: list[list[str]] = []
    make_files = ics.calendar_files

    def recording(app, chosen, names, now, *papers):
        made.append(sorted(record.path() for record in chosen))
        return make_files(app, chosen, names, now, *papers)

    monkeypatch.setattr(ics, "calendar_files", recording)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    src = tmp_path / "src"
    write_project(src)

    def build():
        made.clear()
        app = make_app("html", srcdir=src, builddir=tmp_path / "out")
        app.build()
        assert build_warnings(app) == []
        return Path(app.outdir)

    out = build()
    assert made == [["_calendar/dates/key-dates.ics", "_calendar/day2/schedule.ics",
                     "_calendar/program/schedule.ics"]]
    written = {path: path.stat().st_mtime_ns for path in out.rglob("*.ics")}
    assert len(written) > 3  # with the slots' own files

    build()  # nothing changed
    assert made == []
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*.ics")} == written

    # the schedule moves down its page (the page is read again): its calendar is the same
    (src / "day2.md").write_text((src / "day2.md").read_text().replace(
        "# Day two\n", "# Day two\n\nThe second day of the workshop.\n"))
    build()
    assert "The second day of the workshop." in (out / "day2.html").read_text()
    assert made == []

    (src / "day2.md").write_text((src / "day2.md").read_text().replace("8:40am-9:20am", "8:45am-9:20am"))
    build()
    assert made == [["_calendar/day2/schedule.ics"]]
    moved = events(icalendar.Calendar.from_ical((out / "_calendar/day2/schedule.ics").read_bytes()))[1]
    assert utc(moved["DTSTART"]) == dt.datetime(2023, 6, 9, 15, 45, tzinfo=dt.UTC)

    (out / "_calendar/program/schedule.ics").unlink()  # an output directory cleaned by hand
    build()
    assert made == [["_calendar/program/schedule.ics"]]
    assert (out / "_calendar/program/schedule.ics").exists()

    import roads_ext.output.calendars as calendar_module

    monkeypatch.setattr(calendar_module, "code_digest", lambda: "a changed roads_ext")
    build()
    assert made == [["_calendar/dates/key-dates.ics", "_calendar/day2/schedule.ics",
                     "_calendar/program/schedule.ics"]]
