"""A day of parallel rooms (:func:`roads_ext.model.program.rooms.is_parallel`), rendered as a
grid: times down, rooms across on a wide screen (CSS grid, ``roads.css``), and a list
grouped by time on a phone, each slot naming its room. Each slot is the one the table of
an ordinary day shows (``ScheduleDirective.slot_row``): its cell's parts
are moved into the grid, so what a slot shows is written in one place.

Generic docutils nodes (containers and paragraphs): every builder renders it, as a list
of times and their slots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from docutils import nodes

from ..i18n import _
from ..model.calendar import CalendarRecord
from ..model.dates import Zone
from ..model.formats import Formats
from ..model.program import Day, Slot
from ..model.program.rooms import room_key, room_order, time_rows

#: the most rooms the grid lays out side by side (roads.css has a column class for each);
#: a day with more is shown as the list grouped by time at every width
MOST_ROOMS = 8


def declared_rooms(written: str) -> list[str]:
    """``:rooms: Room A, Room B, Hall C`` (or separated by ``;`` when a name has a comma):
    the rooms in their order, left to right."""
    separator = ";" if ";" in written else ","
    names = [" ".join(part.split()) for part in written.split(separator)]
    return [name for name in names if name]


def rooms_grid(
    record: CalendarRecord,
    day: Day,
    zone: Zone,
    declared: list[str],
    shown: Formats,
    slot_row: Callable[[Slot], nodes.row],
    when: Callable[[dt.datetime, dt.datetime | None], nodes.paragraph],
) -> nodes.container:
    """A parallel day: a caption, a row of the rooms' names, and a row per start time;
    ``slot_row`` makes a slot's row as a table shows it, ``when`` a time range."""
    rooms = room_order(day.slots, declared)
    laid_out = len(rooms) <= MOST_ROOMS
    classes = ["roads-rooms-grid", f"roads-rooms-{len(rooms)}" if laid_out else "roads-rooms-many"]
    outer = nodes.container(classes=["roads-rooms"])
    caption = shown.date(day.date) + (f" · {day.label}" if day.label else "")
    outer += nodes.paragraph("", "", nodes.strong(caption, caption), classes=["roads-rooms-caption"])
    grid = nodes.container(classes=classes)
    abbreviation = zone.abbreviation(day.slots[0].start_at(zone))
    head = nodes.container(classes=["roads-rooms-head"])
    time_label = _("Time (%(zone)s)") % {"zone": abbreviation}
    head += nodes.paragraph(time_label, time_label, classes=["roads-rooms-head-time"])
    for index, room in enumerate(rooms, start=1):
        head += nodes.paragraph(room, room, classes=["roads-rooms-head-room", f"roads-room-col-{index}"])
    grid += head
    column = {room_key(room): index for index, room in enumerate(rooms, start=1)}
    sessions: dict[int, str] = {}
    for found in time_rows(day.slots, rooms):
        first = found.slots[0]
        row = nodes.container(classes=["roads-rooms-row"])
        row += time_of(when, first.start_at(zone), first.end_at(zone) if found.end is not None else None)
        for slot in found.slots:
            place = column.get(room_key(slot.location), 0)
            session = slot.session if slot.session and sessions.get(place) != slot.session else ""
            sessions[place] = slot.session
            own = time_of(when, slot.start_at(zone), slot.end_at(zone)) if found.end is None else None
            row += slot_box(slot_row(slot), slot, place, own, session)
        grid += row
    outer += grid
    return outer


def time_of(
    when: Callable[[dt.datetime, dt.datetime | None], nodes.paragraph],
    start: dt.datetime,
    end: dt.datetime | None,
) -> nodes.paragraph:
    """A time range of the grid: a row's, or a slot's own."""
    paragraph = when(start, end)
    paragraph["classes"].append("roads-rooms-time")
    return paragraph


def slot_box(
    row: nodes.row, slot: Slot, place: int, own_time: nodes.paragraph | None, session: str
) -> nodes.container:
    """One slot (its ``row`` as a table shows it) in its room's column (``place``; 0: no
    room, the whole row), with its room's name (seen on a phone, read aloud everywhere),
    its own times when the row's slots end at different times, and its session where the
    room's session changes."""
    cell = row.children[-1]
    assert isinstance(cell, nodes.Element)
    where = f"roads-room-col-{place}" if place else "roads-room-all"
    box = nodes.container(classes=["roads-rooms-slot", where, *row["classes"]])
    box.source, box.line = row.source, row.line
    for holder in (row, cell):
        for key, value in holder.attributes.items():
            if key.startswith("roads"):  # marks for later transforms (the cell's calendar link)
                box[key] = value
    if slot.location:
        label = _("Room:") + " "
        room = nodes.paragraph(classes=["roads-rooms-room"])
        room += nodes.inline(label, label, classes=["roads-label"])
        room += nodes.Text(slot.location)
        box += room
    if session:
        box += nodes.paragraph(session, session, classes=["roads-rooms-session"])
    if own_time is not None:
        box += own_time
    for child in list(cell.children):
        cell.remove(child)
        box += child
    return box


def room_ld(room: str, venue: dict[str, Any] | None) -> dict[str, Any]:
    """A slot's room as schema.org ``location``: a ``Place`` in the venue, at its address."""
    if venue and venue.get("address"):
        return {"@type": "Place", "name": room, "address": venue["address"], "containedInPlace": venue}
    return {"@type": "Place", "name": room, "address": room}
