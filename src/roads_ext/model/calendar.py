"""A program or a dates block as the data its calendar files are made from. No Sphinx.

:mod:`roads_ext.calendar` keeps these on the build environment and links them;
:mod:`roads_ext.ics` turns them into bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import ImportantDate, Zone
from .program import Program

CALENDAR_DIR = "_calendar"


@dataclass
class EventInfo:
    """What a program says about the event as a whole (for calendars and schema.org)."""

    name: str = ""
    location: str = ""
    part_of: str = ""
    part_of_url: str = ""
    organizers: list[tuple[str, int]] = field(default_factory=list)  # (name, line)
    attendance: str = "in-person"
    status: str = "scheduled"


@dataclass
class CalendarRecord:
    """One ``schedule`` or ``important-dates`` block, as data."""

    docname: str
    anchor: str
    title: str
    zone: Zone
    program: Program | None = None
    dates: list[ImportantDate] | None = None
    event: EventInfo = field(default_factory=EventInfo)

    def path(self, slot: str = "") -> str:
        return calendar_path(self.docname, self.anchor, slot)


def calendar_path(docname: str, anchor: str, slot: str = "") -> str:
    """A block's calendar file (a slot's, given its slug) in the output, with ``/`` separators."""
    base = f"{CALENDAR_DIR}/{docname}/{anchor}"
    return f"{base}/{slot}.ics" if slot else f"{base}.ics"
