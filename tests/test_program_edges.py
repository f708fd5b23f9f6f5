"""Edges of pasted programs a tester found: zones after times, days that are no dates,
tab-separated tables with a header, affiliations, titles' text, am/pm guesses, clock
changes, guests in calendars, anchors, links, midnight and stale calendar files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from bs4 import BeautifulSoup

from roads_ext.model.dates import Zone
from roads_ext.model.program import parse_program

JUNE_8 = dt.date(2023, 6, 8)
LA = Zone("America/Los_Angeles")


def page(body: str, day: str = "June 8, 2023", zone: str = "America/Los_Angeles", name: str = "") -> str:
    named = f":name: {name}\n" if name else ""
    return f"# P\n\n```{{schedule}} {day}\n:timezone: {zone}\n:location: Room 1\n{named}\n{body}```\n"


def warnings(built) -> list[str]:
    return [line.replace(f"{built.app.srcdir}/", "") for line in built.warning_lines()]


def slots(built) -> list[tuple[list[str], str]]:
    soup = BeautifulSoup(built.html, "html.parser")
    return [
        ([t["datetime"] for t in row.find_all("time")], row.select_one(".roads-slot-title").get_text())
        for row in soup.select("tr.roads-slot")
    ]


def read(lines: list[str], zone: Zone = LA):
    program = parse_program(lines, JUNE_8, zone=zone)
    return program, [(p.offset, p.subtype, p.message) for p in program.problems]


# 1. a zone written after a time
def test_a_zone_after_a_time_is_read_or_refused_never_misread(build_page):
    built = build_page(page(
        "- 13:00-13:30 UTC Talk E\n"
        "- 17:00 UTC+2 - 17:30 UTC+2 Talk B\n"
        "- 9:00 PT - 9:30 PT Opening\n"
        "- 15:00 (PDT) - 15:30 (PDT) Talk G\n"
        "- 16:00 CEST - 16:30 CEST Talk F\n"
        "- 18:00 AoE - 18:30 AoE Talk H\n"
    ))
    assert warnings(built) == [
        "index.md:11: WARNING: schedule: '16:00 CEST - 16:30 CEST Talk F': 'CEST' is not the venue's zone "
        "(America/Los_Angeles, PDT on that day): write the times in the venue's time without a zone "
        "('16:00 Title'), or in UTC ('16:00 UTC'), as UTC+2 or AoE; this slot is left out [roads.timezone]"
    ]
    assert slots(built) == [
        (["2023-06-08T06:00:00-07:00", "2023-06-08T06:30:00-07:00"], "Talk E"),
        (["2023-06-08T08:00:00-07:00", "2023-06-08T08:30:00-07:00"], "Talk B"),
        (["2023-06-08T09:00:00-07:00", "2023-06-08T09:30:00-07:00"], "Opening"),
        (["2023-06-08T15:00:00-07:00", "2023-06-08T15:30:00-07:00"], "Talk G"),
        (["2023-06-08T23:00:00-07:00", "2023-06-08T23:30:00-07:00"], "Talk H"),
    ]
    program, _problems = read(["- 9:00 PT - 9:30 PT Opening", "- 13:00-13:30 UTC Talk E"])
    assert [(s.start, s.end, s.title) for s in program.slots()] == [
        (dt.time(9), dt.time(9, 30), "Opening"), (dt.time(6), dt.time(6, 30), "Talk E")]
    program, problems = read(["- 9:00 Talk", "17:00 UTC Finish"])  # the day's end, in UTC
    assert problems == [] and program.slots()[0].end == dt.time(10)


def test_the_extensions_own_advice_to_write_utc_is_read(build_page):
    built = build_page(page("- 6:30 AM UTC - 7:00 AM UTC The second 1:30\n",
                            day="November 5, 2023", zone="America/New_York"))
    assert warnings(built) == []
    assert slots(built) == [(["2023-11-05T01:30:00-05:00", "2023-11-05T02:00:00-05:00"], "The second 1:30")]
    calendar = icalendar.Calendar.from_ical(
        (Path(built.app.outdir) / "_calendar/index/schedule.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].to_ical() == b"20231105T063000Z"  # the second 1:30, in UTC


# 2. slots under a day that is no date
def test_slots_under_an_impossible_day_are_named(build_page):
    built = build_page(page("June 31, 2023\n- 9:00-10:00 Lost talk\n", day=""))
    assert warnings(built) == [
        "index.md:7: WARNING: schedule: 'June 31, 2023' is not a date: June 2023 has 30 days [roads.date]",
        "index.md:8: WARNING: schedule: '9:00-10:00 Lost talk' is left out: the day above it is not a date; "
        "correct the day's line, and its slots are read [roads.date]",
    ]


# 3. a tab-separated table with a header row
def test_a_tab_separated_table_reads_its_header(build_page):
    built = build_page(page(
        "Time\tSpeaker\tTitle\tRoom\n"
        "9:00 - 9:30\tAda Lovelace\tOn Engines\tRoom 101\n"
        "9:30 - 10:00\t\tCoffee break\tHall B\n"
    ))
    assert warnings(built) == []
    soup = BeautifulSoup(built.html, "html.parser")
    first = soup.select("tr.roads-slot")[0]
    assert first.select_one(".roads-slot-title").get_text() == "On Engines"
    assert first.select_one(".roads-slot-speakers").get_text() == "Ada Lovelace"
    assert first.select_one(".roads-slot-location").get_text() == "Room 101"


# 4. each speaker keeps their affiliation
def test_each_speaker_keeps_their_affiliation():
    text = '"Computing Machinery" - Alan Turing (Manchester), Mary Somerville (Oxford)'
    for lines in (["- 08:10 -- 08:40 " + text], ["| Time | Event |", "|---|---|", f"| 10:00 - 10:30 | {text} |"]):
        program, problems = read(lines)
        assert problems == []
        (slot,) = program.slots()
        assert slot.title == "Computing Machinery"
        assert [(s.name, s.affiliation) for s in slot.speakers] == [
            ("Alan Turing", "Manchester"), ("Mary Somerville", "Oxford")]


# 5. nothing of a title is lost
def test_titles_keep_their_text(build_page):
    built = build_page(page(
        "- 9:00 - 9:15 Why 🎉 matters\n"
        "- 9:15 - 9:30 Coding 👩🏽\u200d💻 together\n"
        "- 9:30 - 9:45 See [our repo](https://example.org/repo) today\n"
        "- 9:45 - 10:00 Talk <b>bold</b> title\n"
        "- 10:00 - 10:15 Talk, with comma\n"
        "- 10:15 - 10:30 ☕ Coffee Break\n"
    ))
    # HTML a web page's copy brings is read for what it means (<b> is bold), not warned about
    assert warnings(built) == []
    assert [title for _times, title in slots(built)] == [
        "Why 🎉 matters", "Coding 👩🏽\u200d💻 together", "See our repo today", "Talk bold title",
        "Talk, with comma", "Coffee Break"]
    soup = BeautifulSoup(built.html, "html.parser")
    assert soup.select_one(".roads-slot-title a")["href"] == "https://example.org/repo"
    kinds = [row.select_one(".roads-kind") for row in soup.select("tr.roads-slot")]
    assert kinds[4] is None  # "Talk, with comma" has no label: no kind


def test_a_table_row_with_more_cells_than_columns_warns(build_page):
    built = build_page(page("| Time | Title |\n|---|---|\n| 9:00 - 9:30 | Extra cells | z |\n"))
    assert warnings(built) == [
        "index.md:9: WARNING: schedule: '| 9:00 - 9:30 | Extra cells | z |' has more cells than the header "
        "has columns: 'z' is left out; give the column a header, or put the text in a cell of its own column "
        "[roads.schedule]"
    ]
    assert [title for _times, title in slots(built)] == ["Extra cells"]


# 6. a guessed am/pm is said
def test_guessed_am_pm_is_a_warning():
    _program, problems = read(["- 10:30 - 9:30 Talk E"])
    assert problems == [(0, "time", (
        "'10:30 - 9:30 Talk E' is read as 10:30 AM to 9:30 PM (11 hours): its end has no am/pm and is "
        "taken as the afternoon; write '10:30am - 9:30pm' to confirm, or the times in order with am/pm or "
        "on a 24-hour clock"))]
    # a day's first time from 1 to 6 o'clock without am/pm is a workshop's afternoon (a night's
    # is written 01:30 or 1:30am), as a person reads it
    program, problems = read(["- 1:30 - 2:00 Opening", "- 2:00 - 2:30 Talk"])
    assert problems == []
    assert [f"{s.start:%H:%M}" for s in program.slots()] == ["13:30", "14:00"]
    program, problems = read(["- 1:30am - 2:00am Night watch", "- 01:30 - 02:00 Also night"])
    assert f"{program.slots()[0].start:%H:%M}" == "01:30"


# 7. a start a clock change skips
def test_a_skipped_start_is_shown_and_written_as_read(build_page):
    built = build_page(page("- 2:30am - 3:30am In gap\n- 4:00am - 5:00am Later\n",
                            day="March 12, 2023", zone="America/New_York"))
    assert warnings(built) == [
        "index.md:7: WARNING: schedule: 'In gap': 2:30 AM does not exist on Sunday, March 12, 2023 in "
        "America/New_York: the clocks go forward 1 hour that night; it is taken as 3:30 AM EDT, the same "
        "moment; write 3:30 AM to say so, or a time outside the change; the slot then ends when it starts "
        "(3:30 AM): write its end after 3:30 AM, or both times outside the change [roads.time]"
    ]
    assert slots(built)[0] == (["2023-03-12T03:30:00-04:00", "2023-03-12T03:30:00-04:00"], "In gap")
    calendar = icalendar.Calendar.from_ical(
        (Path(built.app.outdir) / "_calendar/index/schedule.ics").read_bytes())
    gap = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "In gap")
    assert gap["DTSTART"].dt.astimezone(dt.UTC) == dt.datetime(2023, 3, 12, 7, 30, tzinfo=dt.UTC)


# 8. guests' affiliations in the calendar
def test_a_guests_affiliation_is_in_the_calendar(build_page):
    built = build_page(page('- 8.40 - 9.10 Invited Talk - "Deep Things", Jane Doe, University of Somewhere\n'))
    assert warnings(built) == []
    calendar = icalendar.Calendar.from_ical(
        (Path(built.app.outdir) / "_calendar/index/schedule.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Invited talk: Deep Things (Jane Doe)"
    assert "Speakers: Jane Doe (University of Somewhere)" in str(event["DESCRIPTION"])


# 9. one id, one element
def test_slot_and_block_anchors_are_unique(build_page):
    source = page("- 9:00 - 9:30 Coffee\n  - id: coffee-break\n") + "\n" + page(
        "- 9:00 - 9:30 Hello\n", day="June 9, 2023", name="schedule-coffee-break").replace("# P\n\n", "")
    built = build_page(source)
    assert warnings(built) == []
    ids = [tag["id"] for tag in BeautifulSoup(built.html, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert "schedule-coffee-break" in ids and "schedule-coffee-break-2" in ids


# 10. a link in a reStructuredText abstract warns at its line
def test_an_rst_abstracts_link_warns_at_the_abstracts_line(build_page):
    built = build_page(
        "R\n=\n\n.. schedule:: June 8, 2023\n   :timezone: America/Los_Angeles\n   :location: Room 1\n\n"
        "   - 9:00 - 9:30 Hello\n     - abstract: See `this <javascript:alert(4)>`_ now.\n",
        suffix=".rst",
    )
    assert warnings(built) == [
        "index.rst:9: WARNING: schedule: link 'javascript:alert(4)' uses 'javascript': only http(s) and "
        "mailto links are allowed; shown as text [roads.link]"
    ]


# 11. links that are no links
def test_unsafe_links_warn_and_are_left_out(build_page):
    built = build_page(page(
        "- 9:00 - 9:30 A [md](javascript:alert(2)) title\n"
        "  - abstract: Some [md](javascript:alert(3)) text.\n"
        "  - slides: //evil.example/x\n"
        "  - video: `x`javascript:alert(5)\n"
    ))
    assert warnings(built) == [
        "index.md:7: WARNING: schedule: link 'javascript:alert(2)' in the title 'A md title' uses "
        "'javascript': only http(s) and mailto links are allowed; its text 'md' is shown without it [roads.link]",
        "index.md:9: WARNING: schedule: slides link '//evil.example/x' is protocol-relative: write it with "
        "https, as 'https://evil.example/x'; it is left out [roads.link]",
        "index.md:10: WARNING: schedule: video link '`x`javascript:alert(5)' is not a URL: write the address "
        "alone, like 'https://example.org/slides.pdf'; it is left out [roads.link]",
        "index.md:8: WARNING: schedule: link 'javascript:alert(3)' uses 'javascript': only http(s) and mailto "
        "links are allowed; shown as text [roads.link]",
    ]
    soup = BeautifulSoup(built.html, "html.parser")
    hrefs = [a["href"] for a in soup.select("tr.roads-slot a[href]")]
    assert not any("javascript" in h or h.startswith("//") or "`" in h for h in hrefs)


# 12. midnight, and "12 noon"
def test_a_slot_may_end_at_midnight(build_page):
    built = build_page(page("- 12 noon - 1:00 PM Lunch\n- 23:00 - 24:00 Late\n"))
    assert warnings(built) == []
    assert slots(built) == [
        (["2023-06-08T12:00:00-07:00", "2023-06-08T13:00:00-07:00"], "Lunch"),
        (["2023-06-08T23:00:00-07:00", "2023-06-09T00:00:00-07:00"], "Late"),
    ]
    calendar = icalendar.Calendar.from_ical(
        (Path(built.app.outdir) / "_calendar/index/schedule.ics").read_bytes())
    late = next(e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Late")
    assert late["DTEND"].to_ical() == b"20230609T000000"
    for written in ("- 11:30pm - 12:00am Late", "- 11:00 PM - midnight Late"):
        program, problems = read([written])
        assert problems == [] and program.slots()[0].end_at(LA) == dt.datetime(2023, 6, 9, tzinfo=LA.tzinfo)


# 13. a renamed slot's old calendar file goes
def test_a_renamed_slots_calendar_file_is_removed(make_app, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\n')
    (src / "index.md").write_text(page("- 9:00 - 9:30 Old name\n"))
    make_app("html", srcdir=src).build()
    out = tmp_path / "src" / "_build" / "html"
    assert (out / "_calendar/index/schedule/old-name.ics").exists()
    (src / "index.md").write_text(page("- 9:00 - 9:30 New name\n"))
    (src / "stray.txt").write_text("")
    make_app("html", srcdir=src).build()
    assert (out / "_calendar/index/schedule/new-name.ics").exists()
    assert not (out / "_calendar/index/schedule/old-name.ics").exists()


def test_a_row_without_a_time_is_marked_and_takes_the_gap(build_page):
    built = build_page(page("| Time | Event |\n|---|---|\n| 9:00 - 9:30 | Opening remarks |\n"
                            "|  | Coffee break |\n| 10:00 - 11:00 | Contributed talks |\n"))
    assert warnings(built) == []
    soup = BeautifulSoup(built.html, "html.parser")
    rows = soup.select("tr.roads-slot")
    assert ["roads-slot-untimed" in row["class"] for row in rows] == [False, True, False]
    assert slots(built)[1] == (["2023-06-08T09:30:00-07:00", "2023-06-08T10:00:00-07:00"], "Coffee break")
