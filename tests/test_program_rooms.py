"""Parallel rooms and tracks in one program, and the roles a slot names (chair, moderator,
panelists, Q&A): how they are read, warned about, shown, and described in JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from roads_ext.model.program import parse_program

DAY = dt.date(2023, 6, 8)

PARALLEL = """\
- 9:00-10:00 - Keynote: Sparse networks in practice (Ada Example)
- 10:30-11:00 - Learned indexes (Cy Placeholder)
  - room: Main Hall
- 10:30-11:00 - Pruning at scale (Di Testcase)
  - room: Room 201
- 10:30-11:15 - Mixture of experts on one machine (Fay Mockingbird)
  - room: Room 202
- 11:00-11:30 - Quantized training (Gus Stub)
  - room: Room 201
- 12:00-13:00 - Lunch
"""


def overlaps(lines: str) -> list[str]:
    program = parse_program(lines.splitlines(), DAY)
    return [p.message for p in program.problems if p.subtype.value == "overlap"]


# --- reading -------------------------------------------------------------------------------------


def test_slots_at_one_time_in_different_rooms_are_no_overlap():
    assert overlaps(PARALLEL) == []
    program = parse_program(PARALLEL.splitlines(), DAY)
    assert [s.location for s in program.slots()] == ["", "Main Hall", "Room 201", "Room 202", "Room 201", ""]


def test_slots_that_overlap_in_one_room_still_warn():
    same_room = PARALLEL.replace("Room 202", "Room 201")
    assert overlaps(same_room) == [
        "'Mixture of experts on one machine' starts at 10:30, before 'Pruning at scale' ends at 11:00: "
        "the slots overlap",
        "'Quantized training' starts at 11:00, before 'Mixture of experts on one machine' ends at 11:15: "
        "the slots overlap",
    ]


def test_a_slot_in_no_room_overlaps_every_room():
    late_lunch = PARALLEL.replace("12:00-13:00 - Lunch", "11:10-12:00 - Lunch")
    assert overlaps(late_lunch) == [
        "'Lunch' starts at 11:10, before 'Mixture of experts on one machine' ends at 11:15: the slots overlap"
    ]


def test_without_rooms_the_same_times_still_overlap():
    """A program without rooms reads as before: two slots at one time are an overlap."""
    no_rooms = "\n".join(line for line in PARALLEL.splitlines() if "room:" not in line)
    assert len(overlaps(no_rooms)) == 3


def test_a_slot_without_an_end_ends_at_the_next_slot_in_its_room():
    program = parse_program(
        [
            "- 10:30 - Learned indexes (Cy Placeholder)",
            "  - room: Main Hall",
            "- 10:30 - Pruning at scale (Di Testcase)",
            "  - room: Room 201",
            "- 11:00 - Quantized training (Gus Stub)",
            "  - room: Room 201",
            "- 11:30 - Coffee break",
        ],
        DAY,
    )
    assert program.problems == []
    ends = [(s.title, s.end) for s in program.slots()]
    assert ends[:3] == [
        ("Learned indexes", dt.time(11, 30)),
        ("Pruning at scale", dt.time(11, 0)),
        ("Quantized training", dt.time(11, 30)),
    ]


def test_a_room_column_of_a_table_makes_parallel_slots():
    table = """\
| Time | Room | Session |
|---|---|---|
| 10:30-11:00 | Hall 1 | Talk one - Alan Example |
| 10:30-11:00 | Hall 2 | Talk two - Mary Example |
"""
    program = parse_program(table.splitlines(), DAY)
    assert [(s.location, s.start) for s in program.slots()] == [
        ("Hall 1", dt.time(10, 30)),
        ("Hall 2", dt.time(10, 30)),
    ]
    assert program.problems == []


@pytest.mark.parametrize("header", ["Room", "Track", "Venue"])
def test_a_room_or_track_column(header):
    table = [f"| Time | {header} | Title | Speakers |", "|---|---|---|---|",
             "| 10:30-11:00 | A | Talk one | Alan Example |", "| 10:30-11:00 | B | Talk two | Mary Example |"]
    program = parse_program(table, DAY)
    assert [(s.location, s.title) for s in program.slots()] == [("A", "Talk one"), ("B", "Talk two")]
    assert program.problems == []


def test_a_track_detail_is_the_slot_s_room():
    program = parse_program(["- 10:30-11:00 - Talk one (Alan Example)", "  - track: Systems",
                             "- 10:30-11:00 - Talk two (Mary Example)", "  - track: Theory"], DAY)
    assert [s.location for s in program.slots()] == ["Systems", "Theory"]
    assert program.problems == []


def test_track_lines_are_the_rooms_of_their_slots():
    tracks = """\
### Track A
- 10:30-11:00 Learned indexes (Cy Placeholder)
- 11:00-11:30 Quantized training (Gus Stub)
### Track B
- 10:30-11:00 Pruning at scale (Di Testcase)
"""
    program = parse_program(tracks.splitlines(), DAY)
    assert [s.location for s in program.slots()] == ["Track A", "Track A", "Track B"]
    assert program.problems == []


def test_session_lines_that_are_rooms_are_the_rooms_of_their_slots():
    rooms = ["## Room 201", "- 10:00-10:30 Pruning at scale (Erin Example)",
             "## Ballroom A", "- 10:00-10:30 Learned indexes (Claude Example)"]
    program = parse_program(rooms, DAY)
    assert [s.location for s in program.slots()] == ["Room 201", "Ballroom A"]
    assert program.problems == []


@pytest.mark.parametrize("form", ["{room}: {title} ({who})", "[{room}] {title} ({who})", "{title} ({who}) - {room}"])
def test_a_room_written_on_the_slot_s_line(form):
    lines = [f"- 10:00-10:30 {form.format(room=room, title=title, who=who)}" for room, title, who in [
        ("Room 201", "Pruning at scale", "Erin Example"), ("Ballroom A", "Learned indexes", "Claude Example")]]
    program = parse_program(lines, DAY)
    assert [(s.location, s.title) for s in program.slots()] == [
        ("Room 201", "Pruning at scale"), ("Ballroom A", "Learned indexes")]
    assert program.problems == []


def test_one_track_alone_is_no_room():
    program = parse_program(["### Track A", "- 10:30-11:00 Learned indexes (Cy Placeholder)"], DAY)
    assert [s.location for s in program.slots()] == [""]


@pytest.mark.parametrize(
    ("line", "lines"),
    [
        ("- 11:00-12:00 - Panel discussion (Ada Example, Cy Placeholder; moderator: Bruno Marsh)",
         ["Panelists: Ada Example, Cy Placeholder", "Moderator: Bruno Marsh"]),
        ("- 11:00-12:00 - Invited Talk + Q&A: Learned indexes (Cy Placeholder)", ["Cy Placeholder"]),
    ],
)
def test_roles_read(line, lines):
    from roads_ext.program.slot_roles import role_groups, role_label

    slot = parse_program([line], DAY).slots()[0]
    shown = [
        (f"{role_label(role, len(people))} " if role else "") + ", ".join(p.name for p in people)
        for role, people in role_groups(slot)
    ]
    assert shown == lines
    assert slot.qa == ("Q&A" in line)


# --- built: MyST and reStructuredText ---------------------------------------------------------

MYST = """\
# Program

```{schedule} Thursday, June 8, 2023
:timezone: Europe/Lisbon
:location: Example Convention Center, Lisbon
:rooms: Main Hall, Room 201, Room 202

- 9:00-9:15 - Welcome (Workshop Organizers)
- 10:30-11:00 - Invited Talk + Q&A: Learned indexes (Cy Placeholder)
  - room: Room 202
  - chair: Bruno Marsh
- 10:30-11:00 - Pruning at scale (Di Testcase)
  - room: room 201
- 10:30-11:00 - Mixture of experts on one machine (Fay Mockingbird)
  - room: Main Hal
- 11:00-12:00 - Panel: What comes after scaling?
  - room: Main Hall
  - moderator: Bruno Marsh
  - panelists: Ada Example, Cy Placeholder
```
"""

RST = """\
Program
=======

.. schedule:: Thursday, June 8, 2023
   :timezone: Europe/Lisbon
   :location: Example Convention Center, Lisbon
   :rooms: Main Hall, Room 201, Room 202

   - 9:00-9:15 - Welcome (Workshop Organizers)
   - 10:30-11:00 - Invited Talk + Q&A: Learned indexes (Cy Placeholder)

     - room: Room 202
     - chair: Bruno Marsh

   - 10:30-11:00 - Pruning at scale (Di Testcase)

     - room: room 201

   - 10:30-11:00 - Mixture of experts on one machine (Fay Mockingbird)

     - room: Main Hal

   - 11:00-12:00 - Panel: What comes after scaling?

     - room: Main Hall
     - moderator: Bruno Marsh
     - panelists: Ada Example, Cy Placeholder
"""

#: the line of 'Mixture of experts' in each source
UNKNOWN_ROOM_LINE = {".md": 14, ".rst": 19}


@pytest.fixture(params=[".md", ".rst"])
def built(request, build_page):
    suffix = request.param
    return suffix, build_page(MYST if suffix == ".md" else RST, suffix=suffix)


def test_a_room_not_declared_is_a_located_warning_with_a_did_you_mean(built):
    suffix, page = built
    assert page.warning_lines() == [
        f"{Path(page.app.srcdir, 'index' + suffix)}:{UNKNOWN_ROOM_LINE[suffix]}: WARNING: schedule: "
        "'Mixture of experts on one machine' is in room 'Main Hal', which :rooms: does not list "
        "(did you mean 'Main Hall'?); write one of 'Main Hall', 'Room 201', 'Room 202' or add it to "
        ":rooms: [roads.room]"
    ]


def test_parallel_rooms_are_a_grid_of_rooms_in_their_declared_order(built):
    _suffix, page = built
    html = BeautifulSoup(page.html, "html.parser")
    assert html.select("table.roads-schedule-table") == []
    grid = html.select_one(".roads-rooms-grid")
    # the declared rooms in their order, then the one no declaration names
    assert [p.get_text() for p in grid.select(".roads-rooms-head-room")] == [
        "Main Hall", "Room 201", "Room 202", "Main Hal"]
    assert "roads-rooms-4" in grid["class"]
    rows = grid.select(":scope > .roads-rooms-row")
    assert len(rows) == 3
    welcome, parallel, panel = rows
    assert "roads-room-all" in welcome.select_one(".roads-rooms-slot")["class"]
    # in a row, the rooms left to right, each slot in its room's column, naming its room
    slots = parallel.select(".roads-rooms-slot")
    assert [s.select_one(".roads-slot-title").get_text() for s in slots] == [
        "Pruning at scale", "Learned indexes", "Mixture of experts on one machine"]
    assert [[c for c in s["class"] if c.startswith("roads-room-col-")] for s in slots] == [
        ["roads-room-col-2"], ["roads-room-col-3"], ["roads-room-col-4"]]
    # a room written in another case takes the declared spelling
    assert [s.select_one(".roads-rooms-room").get_text() for s in slots] == [
        "Room: Room 201", "Room: Room 202", "Room: Main Hal"]
    assert parallel.select_one(":scope > .roads-rooms-time time")["datetime"] == "2023-06-08T10:30:00+01:00"
    # each slot keeps its anchor and calendar link
    assert slots[0].select_one("#schedule-pruning-at-scale") is not None
    assert slots[0].select_one("a.roads-ics")["href"].endswith("/pruning-at-scale.ics")
    # roles, a line each; a talk with questions says so
    assert [p.get_text() for p in slots[1].select(".roads-slot-speakers")] == [
        "Cy Placeholder", "Chair: Bruno Marsh"]
    assert slots[1].select_one(".roads-qa").get_text() == "Q&A"
    assert [p.get_text() for p in panel.select(".roads-slot-speakers")] == [
        "Panelists: Ada Example, Cy Placeholder", "Moderator: Bruno Marsh"]


def test_each_slot_s_room_is_its_json_ld_location_and_roles_are_contributors(built):
    _suffix, page = built
    html = BeautifulSoup(page.html, "html.parser")
    event = next(json.loads(s.string) for s in html.find_all("script", type="application/ld+json")
                 if '"Event"' in s.string)
    subs = {sub["name"]: sub for sub in event["subEvent"]}
    venue = {"@type": "Place", "name": "Example Convention Center, Lisbon",
             "address": "Example Convention Center, Lisbon"}
    assert subs["Pruning at scale"]["location"] == {
        "@type": "Place", "name": "Room 201", "address": venue["address"], "containedInPlace": venue}
    panel = subs["What comes after scaling?"]
    assert panel["location"]["name"] == "Main Hall"
    assert [p["name"] for p in panel["performer"]] == ["Ada Example", "Cy Placeholder"]
    assert panel["contributor"] == [
        {"@type": "Role", "roleName": "moderator", "contributor": {"@type": "Person", "name": "Bruno Marsh"}}]
    talk = subs["Learned indexes"]
    assert [p["name"] for p in talk["performer"]] == ["Cy Placeholder"]
    assert talk["contributor"][0]["roleName"] == "chair"


def test_each_slot_s_room_is_its_calendar_event_s_location(built):
    _suffix, page = built
    calendar = icalendar.Calendar.from_ical(
        (Path(page.app.outdir) / "_calendar/index/schedule.ics").read_bytes())
    where = {str(e["SUMMARY"]).split(" (")[0]: str(e.get("LOCATION", "")) for e in calendar.walk("VEVENT")}
    assert where["Pruning at scale"].startswith("Room 201")


def test_a_program_in_one_room_is_still_a_table(build_page):
    page = build_page(MYST.replace(":rooms: Main Hall, Room 201, Room 202\n", "").replace(
        "10:30-11:00 - Pruning", "11:00-11:30 - Pruning").replace(
        "10:30-11:00 - Mixture", "11:30-12:00 - Mixture").replace("11:00-12:00 - Panel", "12:00-13:00 - Panel"))
    html = BeautifulSoup(page.html, "html.parser")
    assert html.select(".roads-rooms-grid") == []
    assert len(html.select("table.roads-schedule-table tr.roads-slot")) == 5
    assert page.warning_lines() == []


def test_slots_ending_at_different_times_each_say_their_own(build_page):
    page = build_page(MYST.replace("10:30-11:00 - Pruning", "10:30-11:15 - Pruning"))
    html = BeautifulSoup(page.html, "html.parser")
    row = html.select(".roads-rooms-row")[1]
    assert [t["datetime"] for t in row.select(":scope > .roads-rooms-time time")] == ["2023-06-08T10:30:00+01:00"]
    own = [[t["datetime"][11:16] for t in slot.select(".roads-rooms-time time")]
           for slot in row.select(".roads-rooms-slot")]
    assert own == [["10:30", "11:15"], ["10:30", "11:00"], ["10:30", "11:00"]]


def test_more_rooms_than_columns_are_a_list_at_every_width(build_page):
    lines = "\n".join(f"- 10:00-10:30 - Talk {n} (Ada Example)\n  - room: Room {n}" for n in range(1, 10))
    page = build_page(f"# Program\n\n```{{schedule}} Thursday, June 8, 2023\n:timezone: Europe/Lisbon\n"
                      f":location: Lisbon\n\n{lines}\n```\n")
    html = BeautifulSoup(page.html, "html.parser")
    assert "roads-rooms-many" in html.select_one(".roads-rooms-grid")["class"]
    assert len(html.select(".roads-rooms-slot")) == 9
    assert page.warning_lines() == []
