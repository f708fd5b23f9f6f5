"""Rooms and tracks: a day whose slots run at the same time in different rooms.

A slot's room is its ``location`` (a ``- location:`` or ``- room:`` detail, a Room column,
a room the slot's text names, ``Ballroom A``, or the track its session line names). A day
is **parallel** when two slots in different rooms start at the same time, or both have
written ends and overlap: such a day is shown as a grid of rooms, and two of its slots
overlap only when they share a room, or one of them has no room (a keynote, a break: the
whole workshop's). Knows nothing of Sphinx."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...diagnostics import RoadsWarning
from ..pasted import looks_like_room
from ..problems import Problem, did_you_mean
from .data import Program, Slot

#: a session line that names a track or room: "Track A", "Track B: Systems", "Room 2 - Vision"
_TRACK = re.compile(r"^\s*((?:track|room|hall|stream)\s+[\w.-]{1,12})\b", re.IGNORECASE)


def room_key(name: str) -> str:
    """One room however it is spelled: ``Room  A`` and ``room a`` are one."""
    return " ".join(name.split()).casefold()


def is_parallel(slots: list[Slot]) -> bool:
    """Whether two of ``slots`` run at the same time in different rooms."""
    timed = [slot for slot in slots if slot.location]
    if len({room_key(slot.location) for slot in timed}) < 2:
        return False  # one room, or none: a program as it always was
    for index, one in enumerate(timed):
        for other in timed[index + 1 :]:
            if room_key(one.location) == room_key(other.location):
                continue
            if one.start == other.start:
                return True
            if one.end and other.end and one.start < other.end and other.start < one.end:
                return True
    return False


def shares_room(one: Slot, other: Slot) -> bool:
    """Whether two slots of a parallel day can overlap: one room, or one of them in none."""
    return not one.location or not other.location or room_key(one.location) == room_key(other.location)


def slots_before(slot: Slot, earlier: list[Slot], parallel: bool) -> list[Slot]:
    """The slots written before ``slot`` that it must come after: the one above it, or on
    a parallel day the last one in its room (a slot without a room: the last one in every
    room, whose ends it may imply)."""
    if not earlier:
        return []
    if not parallel:
        return [earlier[-1]]
    if slot.location:
        found = next((one for one in reversed(earlier) if shares_room(one, slot)), None)
        return [found] if found is not None else []
    last: dict[str, Slot] = {}
    for one in earlier:
        key = room_key(one.location)
        if not key:
            last.clear()  # a slot in no room is everyone's: the rooms start again after it
        last[key] = one
    return sorted(last.values(), key=earlier.index)


def track_rooms(program: Program) -> None:
    """A slot without a room under a session line that names a track (``Track A``,
    ``Room 2 - Vision``, ``Ballroom A``) is in that track, when the day has another."""
    for day in program.days:
        tracks: list[tuple[Slot, str]] = []
        for slot in day.slots:
            track = track_of(slot.session)
            if track and not slot.location:
                tracks.append((slot, track))
        if len({room_key(track) for _slot, track in tracks}) < 2:
            continue
        for slot, track in tracks:
            slot.location = track


def track_of(session: str) -> str:
    """The track or room a session line names: ``Track A`` (of ``Track A: Systems``),
    ``Room 2`` (of ``Room 2 - Vision``), or a short line that is a room, ``Ballroom A``."""
    found = _TRACK.match(session)
    if found is not None:
        return " ".join(found.group(1).split())
    if looks_like_room(session) and len(session.split()) <= 4:
        return " ".join(session.split())
    return ""


def check_rooms(program: Program, declared: list[str]) -> list[Problem]:
    """The slots' rooms against the rooms an organizer declared (``:rooms:``):
    a room written in another case or spacing takes the declared spelling; one no
    declaration names is said at its slot's line, with a did-you-mean."""
    if not declared:
        return []
    spelled = {room_key(name): name for name in declared}
    problems: list[Problem] = []
    for slot in program.slots():
        if not slot.location:
            continue
        key = room_key(slot.location)
        if key in spelled:
            slot.location = spelled[key]
            continue
        hint = did_you_mean(slot.location, spelled.values())
        problems.append(
            Problem(
                slot.offset,
                RoadsWarning.ROOM,
                f"{slot.heading!r} is in room {slot.location!r}, which :rooms: does not list{hint}; "
                "write one of "
                + ", ".join(repr(name) for name in spelled.values())
                + " or add it to :rooms:",
            )
        )
    return problems


def room_order(slots: list[Slot], declared: list[str]) -> list[str]:
    """The rooms of a day, left to right: the declared ones in their order (those the day
    uses), then the others as they first appear."""
    used = {room_key(slot.location): slot.location for slot in slots if slot.location}
    order = [name for name in declared if room_key(name) in used]
    known = {room_key(name) for name in order}
    for key, name in used.items():
        if key not in known:
            known.add(key)
            order.append(name)
    return order


@dataclass
class TimeRow:
    """The slots of a parallel day that start at one time, in their rooms' order."""

    start: dt.time
    slots: list[Slot] = field(default_factory=list)

    @property
    def end(self) -> dt.time | None:
        """The row's end, when all its slots end together; else ``None`` (each says its own)."""
        ends = {slot.end for slot in self.slots}
        return ends.pop() if len(ends) == 1 else None


def time_rows(slots: list[Slot], rooms: list[str]) -> list[TimeRow]:
    """A parallel day's slots by start time; in a row, the rooms left to right, a slot in
    no room (the whole workshop's) first."""
    column = {room_key(name): index + 1 for index, name in enumerate(rooms)}
    rows: dict[dt.time, TimeRow] = {}
    for slot in sorted(slots, key=lambda one: one.start):
        rows.setdefault(slot.start, TimeRow(slot.start)).slots.append(slot)
    for found in rows.values():
        found.slots.sort(key=lambda one: column.get(room_key(one.location), 0))
    return list(rows.values())
