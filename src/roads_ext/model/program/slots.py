"""A slot while it is read, and what is written under it: the lines that give it what its
own line lacks, its description, and the blocks of talks a session's line holds. Knows
nothing of Sphinx."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ...diagnostics import RoadsWarning
from ..pasted import Speaker, clean_text, read_people, unmark
from ..problems import Problem
from .data import Day, Link, Slot
from .details import DETAIL_KEYS
from .kinds import session_kind
from .materials import split_materials, take_materials
from .people import ROLE_OF_WORD
from .roles import Reading, SlotTextReader
from .rooms import shares_room
from .text import read_text

#: the title a placeholder slot has until it is read, and keeps when it is left out
DROPPED = "\x00dropped"
#: a ``key: value`` line under a slot
DETAIL = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,19}):(?:\s+(?P<value>.*))?$")
#: a line that names a session: "Session 2: Orals", "Track A", "Morning session"
SESSION_LINE = re.compile(r"^(?:session|part|track)\b|.*\bsession\s*\d*\s*[:.]?$", re.IGNORECASE)
#: keys under a slot that name its people (in the role they name), title or room, as organizers write them
ROLE_KEYS = {
    **ROLE_OF_WORD,
    "title": "title",
    "talk": "title",
    "room": "location",
    "where": "location",
    "track": "location",
    "type": "kind",
}


@dataclass
class PendingSlot:
    """A slot being read: its first line, then what follows it; read once complete."""

    offset: int
    indent: int
    match: re.Match | None  # its times, or None: a slot written without a time
    day: Day | None
    session: str
    session_kind: str | None
    parts: list[tuple[str, str | None, bool]] = field(default_factory=list)  # (text, column, below)
    below: list[tuple[str, bool, int]] = field(default_factory=list)  # lines under it: (text, bullet, offset)
    details: list[tuple[str, str, int]] = field(default_factory=list)
    people: list[tuple[str, str, int]] = field(default_factory=list)  # (role, names, offset) from role keys
    slot: Slot | None = None
    heading: bool = False  # written as a heading ("#### 10:00 Opening"): the list below it is its own
    bullet: bool = False  # written as a list's item; a list right under a line that is none is its own
    from_table: bool = False
    #: what its text reads as, by the text read (a slot is read again as its lines come)
    readings: dict[tuple, Any] = field(default_factory=dict)
    materials: list[Link] = field(default_factory=list)  # from a material column's cells

    def reading(self, texts: SlotTextReader, below: list[str] = ()) -> Reading:  # type: ignore[assignment]
        """What its text reads as, its materials apart (they are read on their own); kept
        while the text stays the same, for each line that might continue it asks again."""
        key = (tuple(self.parts), tuple(below), self.session)
        found = self.readings.get(key)
        if found is None:
            parts = [*self.parts, *((text, None, True) for text in below)]
            lines = [
                line
                for text, column, after in parts
                for line in read_text(split_materials(text)[0], column, after)
            ]
            found = self.readings[key] = texts.read(lines, self.session)
        return found

    @property
    def written(self) -> str:
        if self.match is not None:
            return clean_text(self.match.string).replace("\n", " ")
        return " ".join(clean_text(text) for text, _, _ in self.parts)

    @property
    def text(self) -> str:
        """All it says, as one line (for a warning that quotes it)."""
        return " ".join(
            clean_text(t) for t in [*(t for t, _, _ in self.parts), *(t for t, _, _ in self.below)] if t
        )


def lines_below(pending: PendingSlot, head: Reading) -> tuple[list[str], list[str]]:
    """The lines under a slot, told apart: those that give it what its own line lacks
    (the title below a label, the speakers, the panelists and moderator), and the rest,
    its description (an agenda, a note), kept as its abstract."""
    talk = head.kind is None or head.kind in ("keynote", "invited", "contributed", "panel", "session")
    wants_title = talk and (not head.title or head.title == head.label)
    wants_people = not head.speakers
    taken: list[str] = []
    description: list[str] = []
    last_taken = False
    for text, bullet, _offset in pending.below:
        plain = clean_text(text)
        inner, mark = unmark(plain)
        role = DETAIL.match(inner)
        people = read_people(inner, lenient=bool(mark and mark in "*_")) if not mark or mark in "*_" else None
        if role and role.group("key").strip().lower() in ROLE_KEYS and people:
            taken.append(text)
            last_taken = True
        elif wants_title and not people:
            taken.append(text)
            wants_title, last_taken = False, True
        elif people and (wants_people or last_taken) and not description:
            taken.append(text)
            wants_people, last_taken = False, True
        elif wants_title and not bullet:
            taken.append(text)
            wants_title, last_taken = False, True
        else:
            description.append(f"- {plain}" if bullet else plain)
            last_taken = False
    return taken, description


def split_block(pending: PendingSlot, head: Reading, times: tuple, texts: SlotTextReader) -> bool:
    """``10:20 – 12:00 Session 1`` with papers and their authors on the lines below: a
    slot for each, without a time of its own, in that session."""
    items = items_under(pending.below)
    heading = " ".join(clean_text(text) for text, _, _ in pending.parts if clean_text(text))
    generic = not head.title or head.title == head.label
    session_like = bool(SESSION_LINE.match(heading)) or head.kind == "session"
    with_people = sum(1 for item in items if len(item) > 1 or read_people(clean_text(item[0][0])))
    if len(items) < 2 or head.speakers or not (session_like or (generic and with_people >= 2)):
        return False
    assert pending.slot is not None and pending.day is not None
    pending.slot.title = DROPPED
    kind = head.kind if head.kind and head.kind != "session" else None
    place = pending.day.slots.index(pending.slot)
    for item in items:
        materials = take_materials(item[0][2], [], item)  # its slides, its video: its own
        if not item:
            continue  # a line of links alone, whose item's slot is above it
        lines = [line for text, _, _ in item for line in read_text(text, None, True)]
        reading = texts.read(lines)
        slot = Slot(
            item[0][2],
            pending.day.date,
            times[0],
            times[1],
            reading.title,
            reading.kind or kind or "session",
            reading.speakers,
        )
        slot.timed, slot.in_block = False, True
        slot.ends_at_midnight = times[2]
        slot.session, slot.location, slot.title_links = heading, reading.location, reading.links
        slot.links = materials
        place += 1
        pending.day.slots.insert(place, slot)
    return True


def blocks_by_time(day: Day, written: dict[int, str]) -> None:
    """A slot whose times hold the slots after it (``10:10-12:00 Session 1`` above
    ``10:10-11:00 Keynote``, ``11:00-11:15 ...``) is their session's heading, not a slot."""
    index = 0
    while index < len(day.slots):
        outer = day.slots[index]
        inner = [slot for slot in day.slots[index + 1 :] if slot.timed]
        held = []
        if (
            outer.timed
            and outer.end is not None
            and not outer.ends_at_midnight
            and not any(not s.role for s in outer.speakers if not s.group)
        ):
            for slot in inner:
                end = slot.end or slot.start
                if outer.location and slot.location and not shares_room(outer, slot):
                    break  # a slot in another room at the same time: parallel, not held
                if outer.start <= slot.start < outer.end and end <= outer.end:
                    held.append(slot)
                else:
                    break
        if (held and held[0].start == outer.start) or len(held) >= 2:
            heading = written.get(id(outer), outer.title)
            for slot in held:
                if not slot.session or slot.session == outer.session:
                    slot.session = heading
                    if slot.kind == "session" and session_kind(heading):
                        slot.kind = session_kind(heading) or slot.kind
            day.slots.remove(outer)
            continue
        index += 1


def items_under(below: list[tuple[str, bool, int]]) -> list[list[tuple[str, bool, int]]]:
    """Lines under a session, as its items: each bullet starts one, and so does each line
    that is not people (a paper's title; its authors follow on lines of their own)."""
    items: list[list[tuple[str, bool, int]]] = []
    for line in below:
        text = clean_text(line[0])
        if (
            items
            and not line[1]
            and read_people(unmark(text)[0])
            and not read_people(clean_text(items[-1][-1][0]))
        ):
            items[-1].append(line)
        else:
            items.append([line])
    return items


def role_line(pending: PendingSlot, role: str, value: str, offset: int) -> None:
    """``- moderator: Jane Doe``, ``- title: ...``, ``- room: ...`` under a slot."""
    if role == "title":
        pending.parts.insert(0 if pending.match is None else len(pending.parts), (f"`{value}`", None, True))
    elif role == "location":
        pending.details.append(("location", value, offset))
    elif role == "kind":
        pending.details.append(("kind", value, offset))
    else:
        pending.people.append((role, value, offset))


def add_people(slot: Slot, role: str, names: str, offset: int, problems: list[Problem]) -> None:
    """The people a ``- moderator: ...`` or ``- panelists: ...`` line under a slot names."""
    people = read_people(names, lenient=True) or []
    if not people:
        problems.append(
            Problem(offset, RoadsWarning.DETAIL, f"{role} {names!r} names no one: write 'Name (Affiliation)'")
        )
        return
    shown = {"speakers": "", "panelists": "", "host": "host"}.get(role, role)
    slot.speakers.extend(
        Speaker(p.name, p.role or shown, p.group, p.affiliation, p.honorific) for p in people
    )


def is_detail_key(key: str) -> bool:
    """Whether ``key:`` under a slot is a detail's (or a near miss of one, said wrong); a
    name or a title before a colon is not."""
    folded = " ".join(key.lower().split())
    if folded in DETAIL_KEYS or folded in ROLE_KEYS:
        return True
    return bool(difflib.get_close_matches(folded, DETAIL_KEYS, n=1, cutoff=0.8)) and len(folded.split()) == 1
