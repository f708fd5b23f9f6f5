"""Calendar files as every common client reads them, and the moments they cannot hold.

* time zones: each ``.ics`` is read back by a second, independent parser, Mozilla's
  ical.js (what Thunderbird, Nextcloud and many web calendars use, from
  ``tests/ical``, installed by ``dev.py``), and every event's instant is compared
  with Python's ``zoneinfo`` in winter, in summer and on the days the clocks change;
* dates and times at the edges of the calendar (year 0, 1 and 9999, and the end of a
  day Anywhere on Earth), and local times a daylight-saving change skips or repeats:
  a warning at the line, MyST and rST, the rest of the page built;
* ``roads_timezone`` reported at its line of conf.py; file names within 255 bytes;
* the calendar model without Sphinx.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import TESTS
from roads_ext.model.calendar import (
    NAME_BYTES,
    calendar_path,
    check_program,
    file_name,
    observances,
    parse_event,
    parse_organizers,
    parse_part_of,
)
from roads_ext.model.dates import Zone
from roads_ext.model.important_dates import parse_important_dates
from roads_ext.model.program import parse_program

ICAL_DIR = TESTS / "ical"
UTC = dt.UTC


# --- a second parser: ical.js -----------------------------------------------------------------


@pytest.fixture(scope="session")
def icaljs():
    """Run ical.js over .ics files: a list of events as it reads them. Without node or
    the npm package the test is skipped, and fails under CI (``CI`` set)."""
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "node is not installed"
    elif not (ICAL_DIR / "node_modules" / "ical.js" / "package.json").exists():
        missing = "ical.js is not installed (python3 dev.py test runs npm ci in tests/ical)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}: under CI the calendar files must be read by ical.js")
        pytest.skip(missing)

    def read(paths: list[Path]) -> list[dict]:
        done = subprocess.run([node, str(ICAL_DIR / "instants.mjs"), *map(str, paths)], cwd=ICAL_DIR,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return read


ZONES_PAGE = """\
# Around the year

```{schedule}
:timezone: America/New_York
:location: Hall A
:name: new-york

Monday, January 15, 2024
- 9:00am-10:00am - Winter keynote
Monday, July 15, 2024
- 9:00am-10:00am - Summer keynote
- 11:30pm-11:45pm - Summer late talk
Sunday, March 10, 2024
- 1:30am-1:45am - Before the spring change
- 3:00am-3:15am - Right after the spring change
- 9:00am-10:00am - Spring change keynote
Sunday, November 3, 2024
- 12:30am-12:45am - Before the fall change
- 9:00am-10:00am - Fall change keynote
```

```{schedule}
:timezone: Europe/Paris
:location: Salle B
:name: paris

Sunday, March 31, 2024
- 01:30-01:45 Paris before the change
- 10:00-11:00 Paris spring change keynote
Wednesday, August 14, 2024
- 10:00-11:00 Paris summer keynote
Sunday, October 27, 2024
- 10:00-11:00 Paris fall change keynote
Friday, December 13, 2024
- 10:00-11:00 Paris winter keynote
```

```{important-dates}
- Sydney summer call: January 10, 2024, 18:00 Australia/Sydney
- Sydney winter call: July 10, 2024, 18:00 Australia/Sydney
- Sydney change day: April 7, 2024, 18:00 Australia/Sydney
- Tokyo call: July 10, 2024, 9:00 Asia/Tokyo
- New York, years later: July 10, 2031, 9:00 America/New_York
- New York, winter later: December 10, 2031, 9:00 America/New_York
- Deadline: May 1, 2024 (AoE)
- Camera-ready: June 1, 2024, 11:59pm AoE
```
"""

#: summary -> (date, time, zone) as written above: what zoneinfo makes of them
EXPECTED = {
    "Winter keynote": ("2024-01-15", "09:00", "America/New_York"),
    "Summer keynote": ("2024-07-15", "09:00", "America/New_York"),
    "Summer late talk": ("2024-07-15", "23:30", "America/New_York"),
    "Before the spring change": ("2024-03-10", "01:30", "America/New_York"),
    "Right after the spring change": ("2024-03-10", "03:00", "America/New_York"),
    "Spring change keynote": ("2024-03-10", "09:00", "America/New_York"),
    "Before the fall change": ("2024-11-03", "00:30", "America/New_York"),
    "Fall change keynote": ("2024-11-03", "09:00", "America/New_York"),
    "Paris before the change": ("2024-03-31", "01:30", "Europe/Paris"),
    "Paris spring change keynote": ("2024-03-31", "10:00", "Europe/Paris"),
    "Paris summer keynote": ("2024-08-14", "10:00", "Europe/Paris"),
    "Paris fall change keynote": ("2024-10-27", "10:00", "Europe/Paris"),
    "Paris winter keynote": ("2024-12-13", "10:00", "Europe/Paris"),
    "Sydney summer call": ("2024-01-10", "18:00", "Australia/Sydney"),
    "Sydney winter call": ("2024-07-10", "18:00", "Australia/Sydney"),
    "Sydney change day": ("2024-04-07", "18:00", "Australia/Sydney"),
    "Tokyo call": ("2024-07-10", "09:00", "Asia/Tokyo"),
    "New York, years later": ("2031-07-10", "09:00", "America/New_York"),
    "New York, winter later": ("2031-12-10", "09:00", "America/New_York"),
    "Camera-ready": ("2024-06-01", "23:59", "UTC-12"),
}


def expected_instant(date: str, time: str, zone: str) -> int:
    tz = dt.timezone(dt.timedelta(hours=-12)) if zone == "UTC-12" else zoneinfo.ZoneInfo(zone)
    local = dt.datetime.fromisoformat(f"{date}T{time}").replace(tzinfo=tz)
    return int(local.astimezone(UTC).timestamp())


def test_every_event_is_where_zoneinfo_puts_it_for_ical_js(build_page, icaljs):
    built = build_page(ZONES_PAGE)
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    files = sorted((out / "_calendar").rglob("*.ics"))
    assert len(files) == 3 + 8 + 5  # two programs, their slots, the dates
    found = icaljs(files)
    whole = [event for event in found if Path(event["file"]).stem in ("new-york", "paris", "key-dates")]
    assert sorted(event["summary"] for event in whole) == sorted([*EXPECTED, "Deadline"])
    for event in found:
        summary = event["summary"]
        if summary == "Deadline":  # a whole day: a date, no zone
            assert event["start"] == {"utc": None, "date": "2024-05-01", "zone": "floating"}
            continue
        date, time, zone = EXPECTED[summary]
        assert event["start"]["utc"] == expected_instant(date, time, zone), (summary, event["file"])
        # read in the zone named, not as a floating or UTC time
        assert event["start"]["zone"] == ("UTC" if zone == "UTC-12" else zone), summary
    # every slot's own file holds the same instant as the program's file
    assert len(found) == len(whole) + 13


def test_skipped_and_repeated_times_are_one_moment_for_ical_js(build_page, icaljs):
    """2:30am on the night the clocks skip it is 3:30am EDT, and 1:30am on the night it
    happens twice is the first one, for ical.js as for zoneinfo (and the page)."""
    built = build_page("""\
        # Changes

        ```{schedule}
        :timezone: America/New_York
        :location: Hall A

        Sunday, March 12, 2023
        - 2:30am-3:30am - Night owls
        Sunday, November 5, 2023
        - 1:30am-2:30am - Twice told
        ```

        ```{important-dates}
        - Spring forward: March 12, 2023, 2:30 America/New_York
        - Fall back: November 5, 2023, 1:30 America/New_York
        ```
        """)
    assert [re.sub(r".*WARNING: ([^:]+): '([^']+)'.*\[(roads\.\w+)\]", r"\1 \2 \3", w)
            for w in built.warning_lines()] == [
        "schedule Night owls roads.time", "schedule Twice told roads.time",
        "important-dates Spring forward roads.time", "important-dates Fall back roads.time"]
    found = icaljs(sorted((Path(built.app.outdir) / "_calendar").rglob("*.ics")))
    assert len(found) == 2 + 2 + 2
    spring = int(dt.datetime(2023, 3, 12, 7, 30, tzinfo=UTC).timestamp())
    fall = int(dt.datetime(2023, 11, 5, 5, 30, tzinfo=UTC).timestamp())
    expected = {"Night owls": spring, "Spring forward": spring, "Twice told": fall, "Fall back": fall}
    assert {e["summary"]: e["start"]["utc"] for e in found} == expected
    assert expected["Night owls"] == expected_instant("2023-03-12", "02:30", "America/New_York")
    assert expected["Twice told"] == expected_instant("2023-11-05", "01:30", "America/New_York")


def test_ical_js_misread_the_rdate_lists_it_replaces(build_page, icaljs, tmp_path):
    """Why the zones are written as rules: icalendar's own VTIMEZONE, one RDATE listing
    every change, puts a summer event an hour late in ical.js. (This keeps the check
    above honest: the second parser does see the difference.)"""
    built = build_page(ZONES_PAGE)
    data = (Path(built.app.outdir) / "_calendar/index/new-york.ics").read_bytes()
    parsed = icalendar.Calendar.from_ical(data)
    old = icalendar.Calendar()
    for name, value in parsed.property_items(recursive=False)[1:-1]:
        old.add(name, value)
    for event in parsed.walk("VEVENT"):
        old.add_component(event)
    old.add_missing_timezones()
    if b"RDATE:" not in old.to_ical() or b"," not in old.to_ical().split(b"RDATE:")[1][:40]:
        pytest.skip("this icalendar writes time zones without a list of RDATEs")
    path = tmp_path / "old.ics"
    path.write_bytes(old.to_ical())
    summer = next(e for e in icaljs([path]) if e["summary"] == "Summer keynote")
    assert summer["start"]["utc"] != expected_instant(*EXPECTED["Summer keynote"])


def test_time_zones_are_yearly_rules(build_page):
    built = build_page(ZONES_PAGE)
    data = (Path(built.app.outdir) / "_calendar/index/new-york.ics").read_text()
    block = data[data.index("BEGIN:VTIMEZONE"):data.index("END:VTIMEZONE")]
    assert "RDATE" not in block
    assert block.replace("\r\n", "\n") == """\
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:STANDARD
DTSTART:20230101T000000
TZNAME:EST
TZOFFSETFROM:-0500
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20230312T020000
RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
TZNAME:EDT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20231105T020000
RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
TZNAME:EST
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
"""


def test_observances_of_a_zone_that_changed_its_rules():
    """São Paulo kept daylight saving until 2019: the rule that stopped ends (UNTIL)."""
    found = observances("America/Sao_Paulo", 2018, 2020)
    standard = [o for o in found if not o.daylight and o.byday]
    assert [(o.start, o.byday, o.until) for o in standard] == [
        (dt.datetime(2017, 2, 19, 0, 0), "3SU", dt.datetime(2019, 2, 17, 2, 0, tzinfo=UTC))]
    assert found[-1].start.year == 2018 and found[-1].daylight
    assert observances("Asia/Tokyo", 2024, 2024) == (observances("Asia/Tokyo", 2024, 2024)[0],)
    paris = observances("Europe/Paris", 2024, 2024)
    assert [(o.name, o.byday) for o in paris] == [("CET", ""), ("CEST", "-1SU"), ("CET", "-1SU")]


# --- warnings: the edges of the calendar and daylight-saving changes ----------------------------


EDGES_MYST = """\
# Edges

```{schedule}
:timezone: America/Los_Angeles
:location: Hall A

Friday, December 31, 9999
- 9:00am-10:00am - Last morning
- 8:00pm-9:00pm - Last evening
```

```{schedule}
:timezone: Asia/Tokyo
:location: Hall B

Monday, January 1, 0001
- 12:30am-1:00am - First night
- 10:00am-11:00am - First morning
```

```{schedule}
:timezone: America/New_York
:location: Hall C

Sunday, March 12, 2023
- 2:30am-3:30am - Night owls
Sunday, November 5, 2023
- 1:30am-1:45am - Twice told
```

```{important-dates}
- Last deadline: December 31, 9999 (AoE)
- Nearly last: December 30, 9999 (AoE)
- No year: 0000-01-01
- First day: 0001-01-01, 0:30 Asia/Tokyo
- Spring forward: March 12, 2023, 2:30 America/New_York
- Fall back: November 5, 2023, 1:30 America/New_York
- Kept: June 1, 2023 (AoE)
```
"""

EDGE_WARNINGS = [
    "index.{ext}:{a}: WARNING: schedule: 'Last evening': Friday, December 31, 9999, 8:00 PM, "
    "America/Los_Angeles, is after the last moment a calendar can hold (December 31, 9999, UTC): "
    "write an earlier date; this slot is left out [roads.date]",
    "index.{ext}:{b}: WARNING: schedule: 'First night': Monday, January 1, 1, 12:30 AM, Asia/Tokyo, is "
    "before the first moment a calendar can hold (January 1, year 1, UTC): write a later date; "
    "this slot is left out [roads.date]",
    "index.{ext}:{c}: WARNING: schedule: 'Night owls': 2:30 AM does not exist on Sunday, March 12, 2023 in "
    "America/New_York: the clocks go forward 1 hour that night; it is taken as 3:30 AM EDT, the same "
    "moment; write 3:30 AM to say so, or a time outside the change; the slot then ends when it starts "
    "(3:30 AM): write its end after 3:30 AM, or both times outside the change [roads.time]",
    "index.{ext}:{d}: WARNING: schedule: 'Twice told': 1:30 AM happens twice on Sunday, November 5, 2023 in "
    "America/New_York: the clocks go back 1 hour that night; the first one, 1:30 AM EDT "
    "(UTC\u221204:00), is assumed; to mean the second one, write it in UTC (6:30 AM UTC) [roads.time]",
    "index.{ext}:{e}: WARNING: important-dates: 'Last deadline': the end of Friday, December 31, 9999, "
    "Anywhere on Earth (AoE), is after the last moment a calendar can hold (December 31, 9999, UTC): "
    "write an earlier date; this date is left out [roads.date]",
    "index.{ext}:{f}: WARNING: important-dates: 'No year': '0000-01-01' is not a date: there is no year 0 "
    "(the calendar goes from 1 BC to AD 1); write a year from 1 to 9999; this date is left out [roads.date]",
    "index.{ext}:{g}: WARNING: important-dates: 'First day': Monday, January 1, 1, 12:30 AM, Asia/Tokyo, "
    "is before the first moment a calendar can hold (January 1, year 1, UTC): write a later date; "
    "this date is left out [roads.date]",
    "index.{ext}:{h}: WARNING: important-dates: 'Spring forward': 2:30 AM does not exist on Sunday, March "
    "12, 2023 in America/New_York: the clocks go forward 1 hour that night; it is taken as 3:30 AM EDT, "
    "the same moment; write 3:30 AM to say so, or a time outside the change [roads.time]",
    "index.{ext}:{i}: WARNING: important-dates: 'Fall back': 1:30 AM happens twice on Sunday, November 5, "
    "2023 in America/New_York: the clocks go back 1 hour that night; the first one, 1:30 AM EDT "
    "(UTC\u221204:00), is assumed; to mean the second one, write it in UTC (6:30 AM UTC) [roads.time]",
]


def rst_of(myst: str) -> str:
    """The same page in reStructuredText: each fenced block as a directive, its body indented."""
    out = []
    inside = False
    for line in myst.splitlines():
        if line.startswith("```{"):
            name, _, argument = line[4:].partition("}")
            out.append(f".. {name}::{argument}")
            inside = True
        elif line == "```":
            inside = False
        elif line.startswith("# "):
            out += [line[2:], "=" * len(line[2:])]
        elif inside:
            if out[-1].startswith(".. ") and line.strip() and not line.startswith(":"):
                out.append("")  # no options: the body after a blank line
            out.append(f"   {line}" if line.strip() else "")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_edges_of_the_calendar_and_clock_changes_warn_at_their_line(build_page, suffix, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1684000000")
    source = EDGES_MYST if suffix == ".md" else rst_of(EDGES_MYST)
    built = build_page(source, suffix=suffix)
    lines = source.splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, start=1) if text in line)

    where = {key: line_of(text) for key, text in zip("abcdefghi", [
        "Last evening", "First night", "Night owls", "Twice told", "Last deadline", "No year",
        "First day", "Spring forward", "Fall back"], strict=True)}
    ext = suffix[1:]
    found = [line.replace(f"{built.app.srcdir}/", "") for line in built.warning_lines()]
    assert found == [w.format(ext=ext, **where) for w in EDGE_WARNINGS]
    page = BeautifulSoup(built.html, "html.parser")
    # the rest is built: the slots and dates that a calendar can hold
    titles = [t.get_text() for t in page.select(".roads-slot-title")]
    assert titles == ["Last morning", "First morning", "Night owls", "Twice told"]
    dates = [r.th.get_text(strip=True) for r in page.select("table.roads-dates-table tbody tr")]
    assert dates == ["Nearly last", "Spring forward", "Fall back", "Kept"]
    # the assumed moments, in the page and in the calendar
    night = page.find(string="Night owls").find_parent("tr").find("time")
    # shown as the warning says it is read: 3:30 AM EDT (7:30 UTC), as in the calendar
    assert night["datetime"] == "2023-03-12T03:30:00-04:00"
    assert night.get_text() == "3:30\u202fAM"
    out = Path(built.app.outdir)
    program = icalendar.Calendar.from_ical((out / "_calendar/index/schedule-3.ics").read_bytes())
    starts = {str(e["SUMMARY"]): e["DTSTART"] for e in program.walk("VEVENT")}
    assert starts["Night owls"].to_ical() == b"20230312T033000"
    assert starts["Night owls"].dt.astimezone(UTC) == dt.datetime(2023, 3, 12, 7, 30, tzinfo=UTC)
    assert starts["Twice told"].dt.astimezone(UTC) == dt.datetime(2023, 11, 5, 5, 30, tzinfo=UTC)
    last = icalendar.Calendar.from_ical((out / "_calendar/index/schedule.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in last.walk("VEVENT")] == ["Last morning"]
    dates_file = icalendar.Calendar.from_ical((out / "_calendar/index/key-dates.ics").read_bytes())
    nearly = next(e for e in dates_file.walk("VEVENT") if str(e["SUMMARY"]) == "Nearly last")
    assert "9999-12-31 12:00 UTC" in str(nearly["DESCRIPTION"])


def test_a_wrong_roads_timezone_is_reported_at_its_line_of_conf_py(build_page):
    built = build_page("""\
        # Program

        ```{schedule} June 8, 2023
        :location: Hall A

        - 9:00-10:00 Keynote
        ```
        """, conf='project = "Example"\n\nroads_timezone = "Europe/Pariss"\n')
    conf = Path(built.app.confdir) / "conf.py"
    line = conf.read_text().splitlines().index('roads_timezone = "Europe/Pariss"') + 1
    assert built.warning_lines() == [
        f"{conf}:{line}: WARNING: roads_timezone = 'Europe/Pariss' in conf.py: unknown time zone "
        "'Europe/Pariss' (did you mean 'Europe/Paris'?); write an IANA name such as "
        "'America/Los_Angeles' or 'Europe/Paris', or 'AoE' for Anywhere on Earth; UTC is used "
        "[roads.timezone]"
    ]  # once, at conf.py: not again at every block that takes it
    page = BeautifulSoup(built.html, "html.parser")
    assert page.select_one("time")["datetime"] == "2023-06-08T09:00:00+00:00"


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_calendar_file_names_stay_within_255_bytes(build_page, suffix):
    name = "a-very-long-program-name-" * 14  # 350 characters
    title = "Überlange Überschrift " * 20  # a title of many words, most of them long
    source = f"""\
# Long

```{{schedule}} June 8, 2023
:timezone: Europe/Paris
:location: Hall A
:name: {name}

- 9:00-10:00 {'Quantenverschränkungsmessungsapparaturen' * 8} (Workshop Organizers)
  - id: {'x' * 300}
- 10:00-11:00 {title}
```
"""
    built = build_page(source if suffix == ".md" else rst_of(source), suffix=suffix)
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    files = sorted((out / "_calendar").rglob("*.ics"))
    assert len(files) == 3
    for path in files:
        assert all(len(part.encode()) <= NAME_BYTES for part in path.relative_to(out).parts)
    # every calendar link leads to its file
    page = BeautifulSoup(built.html, "html.parser")
    hrefs = [a["href"] for a in page.select("a.roads-ics")]
    assert len(hrefs) == 3 and all((out / href).is_file() for href in hrefs)


# --- the model, without Sphinx ----------------------------------------------------------------


def test_event_options_as_data():
    assert parse_part_of("MLSys 2023 <https://mlsys.org/>") == ("MLSys 2023", "https://mlsys.org/")
    assert parse_part_of("MLSys 2023") == ("MLSys 2023", "")
    assert parse_organizers("Ada Quill, Bo Vance and Cy Rowe") == ["Ada Quill", "Bo Vance", "Cy Rowe"]
    bad = lambda url: "uses 'javascript'" if url.startswith("javascript") else None  # noqa: E731
    event, problems = parse_event({"part-of": "Conf <javascript:alert(1)>", "organizers": "Ada Quill",
                                   "location": "Hall A"}, 7, bad)
    assert (event.part_of, event.part_of_url, event.organizers) == ("Conf", "", [("Ada Quill", 7)])
    assert problems == [("part-of", "part-of link 'javascript:alert(1)' uses 'javascript'; it is left out")]
    event, problems = parse_event({"attendance": "in-person"}, 1, bad)
    assert problems[0][0] == "" and problems[0][1].startswith("no :location:")


def test_file_names_and_paths():
    assert file_name("short", ".ics") == "short.ics"
    long = "é" * 200  # 400 bytes
    cut = file_name(long, ".ics")
    assert len(cut.encode()) <= NAME_BYTES and cut.endswith(".ics") and cut.startswith("é" * 100)
    assert file_name("é" * 201, ".ics") != cut  # two long names that begin alike stay two
    assert calendar_path("talks/day1", "schedule", "keynote") == "_calendar/talks/day1/schedule/keynote.ics"


def test_program_moments_checked_without_sphinx():
    program = parse_program(["- 9:00pm-10:00pm - Late (Workshop Organizers)",
                             "- 8:00am-9:00am - Early"], dt.date(9999, 12, 31))
    problems = check_program(program, Zone("America/Los_Angeles"))
    assert [p.offset for p in problems] == [0]
    assert [slot.heading for slot in program.slots()] == ["Early"]
    result = parse_important_dates(["Never: December 31, 9999 (AoE)", "Fine: December 30, 9999 (AoE)"])
    assert [item.label for item in result.items] == ["Fine"]
    assert [p.offset for p in result.problems] == [0]


# --- the process locale -------------------------------------------------------------------------


LOCALE = "de_DE.UTF-8"


def test_the_same_site_under_any_locale(tmp_path):
    """A build under LC_ALL=de_DE.UTF-8 reads English month names and writes the same
    files as one under the C locale (Sphinx sets the process locale from LC_ALL)."""
    probe = subprocess.run(
        [sys.executable, "-c", f"import locale; locale.setlocale(locale.LC_ALL, {LOCALE!r})"],
        capture_output=True, text=True)
    if probe.returncode != 0:
        message = (f"the {LOCALE} locale is not installed (apt-get install locales; enable it in "
                   "/etc/locale.gen; locale-gen)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\nproject = "Locale"\n'
                                 'html_baseurl = "https://example.org/"\n')
    (src / "index.md").write_text(ZONES_PAGE.replace("# Around the year", "# Around the year\n\n"
                                                     "```{important-dates} Months\n"
                                                     "- Mai: 8 June 2023\n- Sept: Sept 8, 2023\n"
                                                     "- Thursday: Thursday, June 8, 2023\n```\n"),
                                  encoding="utf-8")
    outputs = {}
    for name in ("C.UTF-8", LOCALE):
        out = tmp_path / name
        env = {**os.environ, "LC_ALL": name, "LANG": name, "SOURCE_DATE_EPOCH": "1684000000"}
        done = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-W", "--keep-going",
                               str(src), str(out), "-d", str(tmp_path / f"doctrees-{name}")],
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        outputs[name] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
                         if p.is_file() and p.suffix in (".html", ".ics")}
    assert outputs["C.UTF-8"] == outputs[LOCALE]
    page = outputs[LOCALE][Path("index.html")].decode()
    assert "Thursday, June 8, 2023" in page and "Monday, January 15, 2024" in page
    assert not re.search(r"Donnerstag|Januar\b|Juni\b", page)


def test_ics_and_the_model_stand_without_the_calendar_module():
    """No import cycle: the bytes are made from the model's records alone, and the
    calendar model imports nothing of Sphinx."""
    done = subprocess.run([sys.executable, "-c", (
        "import sys, roads_ext.model.calendar\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')], 'sphinx'\n"
        "import roads_ext.output.ics\n"
        "assert 'roads_ext.output.calendars' not in sys.modules, 'calendar'\n")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
