"""What every reader of a conference tool's export shares: where an entry stands in the
file, times and durations, e-mail addresses left out, kinds of slot from a tool's types,
and a program's days made from its slots. Knows nothing of Sphinx."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import zoneinfo
from dataclasses import dataclass, field

from ...diagnostics import RoadsWarning
from ..dates import Zone, parse_zone
from ..problems import Problem
from ..program.data import Day, Link, Program, Slot
from ..program.details import slugify
from ..program.kinds import read_kind

#: an e-mail address anywhere in a text
EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
#: a frab or Indico duration: ``00:30``, ``1:30``, ``0:45:00``
_DURATION = re.compile(r"^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$")
#: a tool's type of session, as its words, -> our kind (what :func:`read_kind` does not read
#: as the tool means it: "Talk" is a contributed talk at a conference, not an invited one)
TYPE_KINDS = {
    "talk": "contributed",
    "lecture": "contributed",
    "presentation": "contributed",
    "paper": "contributed",
    "short talk": "contributed",
    "long talk": "contributed",
    "lightning talk": "contributed",
    "invited talk": "invited",
    "workshop": "session",
    "tutorial": "session",
    "hands-on": "session",
    "meeting": "session",
    "discussion": "panel",
    "panel": "panel",
    "other": "contributed",
}


class Lines:
    """Where things stand in a file's text: the line (1-based) of the next needle at or
    after the last one found, so that entries read in the file's order are found in turn."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line = 1  # the line of ``at``, counted on from the last find (a file is read once)

    def find(self, *needles: str) -> int:
        """The line of the first of ``needles`` found from the cursor on (the cursor then
        moves there), or the cursor's line when none is."""
        for needle in needles:
            if not needle:
                continue
            found = self.text.find(needle, self.at)
            if found >= 0:
                self.line += self.text.count("\n", self.at, found)
                self.at = found
                break
        return self.line

    @staticmethod
    def json_pair(key: str, value: object) -> str:
        """``"key": value`` as JSON writes it (for :meth:`find`), or "" for no value."""
        if value is None or value == "":
            return ""
        return f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"


def without_email(text: str) -> tuple[str, bool]:
    """``text`` with every e-mail address left out, and whether it had one."""
    if "@" not in text:
        return text, False
    cleaned, count = EMAIL.subn("", text)
    return " ".join(cleaned.split()) if count else text, bool(count)


def clean(value: object) -> str:
    """A text field on one line, spaces made single; "" for anything that is not text."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def read_duration(written: str) -> dt.timedelta | None:
    """``00:30`` -> 30 minutes; None for anything else."""
    match = _DURATION.match(written.strip())
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def read_zone(written: str) -> Zone | None:
    """The zone a file names (``Europe/Berlin``), or None."""
    zone, _problem = parse_zone(written) if written.strip() else (None, None)
    return zone


@functools.lru_cache(maxsize=256)
def kind_of_type(written: str) -> str | None:
    """Our kind for a tool's type of session (``Talk``, ``Keynote``, ``Workshop``), or None."""
    folded = " ".join(written.lower().replace("_", " ").split())
    if not folded:
        return "contributed"
    if folded in TYPE_KINDS:
        return TYPE_KINDS[folded]
    kind, _why = read_kind(folded)
    return kind


def safe_link(url: str) -> bool:
    """Whether ``url`` is an http(s) address a slot may link to."""
    return bool(re.match(r"^https?://[^/\s\"'<>`\\]+[^\s\"'<>`\\]*$", url.strip(), re.IGNORECASE))


@dataclass
class Entry:
    """One session of an export as read, before it is placed in a day: its moment (aware),
    its end, and the slot's fields."""

    line: int
    where: str  # its JSON path or its element, for a warning
    start: dt.datetime
    end: dt.datetime | None
    slot: Slot


@dataclass
class ImportedProgram:
    """A program read from a tool's export: its days and slots, the zone it was read in
    (the directive's, else the file's; None until :meth:`place` when neither names one),
    and what could not be used (``program.problems``)."""

    program: Program = field(default_factory=Program)
    zone: Zone | None = None
    tool: str = ""  # "frab JSON", "frab XML", "Indico"
    entries: list[Entry] = field(default_factory=list)
    venue: str = ""  # where the event is, as the export names it (Indico's event location)

    @property
    def problems(self) -> list[Problem]:
        return self.program.problems

    def place(self, zone: Zone) -> None:
        """Its slots placed in the days of ``zone``."""
        place_entries(self.entries, zone, self)


def place_entries(entries: list[Entry], zone: Zone, result: ImportedProgram) -> None:
    """The slots of ``entries`` in ``zone``, each in the day of its start there, by start
    (then room, as the file has them); a slot that ends after the next midnight but one
    loses its end, with a problem."""
    tz = zone.tzinfo
    days: dict[dt.date, Day] = {}
    for entry in sorted(entries, key=lambda e: e.start):
        slot = entry.slot
        start = entry.start.astimezone(tz)
        slot.date, slot.start = start.date(), start.time().replace(tzinfo=None)
        slot.end = None
        if entry.end is not None:
            end = entry.end.astimezone(tz)
            if end.date() == start.date():
                slot.end = end.time().replace(tzinfo=None)
            elif end.date() == start.date() + dt.timedelta(days=1) and end.time() == dt.time(0):
                slot.end, slot.ends_at_midnight = dt.time(0), True
            else:
                result.problems.append(
                    Problem(
                        slot.offset,
                        RoadsWarning.TIME,
                        f"{entry.where} ({slot.title!r}) ends the next day ({end.isoformat()}); "
                        "a slot ends on the day it starts: it is shown without its end",
                    )
                )
        day = days.get(slot.date)
        if day is None:
            day = days[slot.date] = Day(slot.offset, slot.date)
        day.slots.append(slot)
    result.program.days = [days[date] for date in sorted(days)]
    result.zone = zone


def unique_slugs(slots: list[Slot]) -> None:
    """Each slot's anchor (made from the tool's code or id) unique in the program."""
    taken: set[str] = set()
    for slot in slots:
        base, number = slot.slug or slugify(slot.title), 1
        slot.slug = base
        while slot.slug in taken:
            number += 1
            slot.slug = f"{base}-{number}"
        taken.add(slot.slug)


def aware(moment: dt.datetime, zone_name: str) -> dt.datetime | None:
    """``moment`` with its zone: as written when it has an offset, else in ``zone_name``."""
    if moment.tzinfo is not None:
        return moment
    try:
        return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone_name or "UTC"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def material(label: str, url: str, offset: int) -> Link:
    """A slot's link, its label one the schedule translates where it names one."""
    known = {"slides": "Slides", "video": "Video", "recording": "Video", "paper": "Paper", "code": "Code"}
    folded = label.strip().lower()
    return Link(known.get(folded, label.strip() or "Link"), url.strip(), offset)
