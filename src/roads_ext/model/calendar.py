"""Calendars as data: what a ``schedule`` or ``important-dates`` block puts in its
calendar files, where those files go, and the checks on the moments they hold.
Knows nothing of Sphinx (nor of icalendar: :mod:`roads_ext.output.ics` writes the bytes).

* :class:`EventInfo` and :func:`parse_event`: the ``schedule`` options that describe
  the event as a whole (``:part-of:``, ``:organizers:`` ...);
* :class:`CalendarRecord`: one block, as its calendar files show it;
* :func:`calendar_path`: a block's (or a slot's) file, its names cut to what a
  file system takes (255 bytes a name);
* :func:`event_keys`: what names each slot's event from one build to the next (its
  ``UID``): its ``id``, or its kind and its number among the slots of that kind;
* :func:`feed_address`: where a program's calendar is subscribed to (``webcal:``);
* :func:`moment_problem`, :func:`check_program`: a date or time that no calendar can
  hold (before year 1 or after 9999 once in UTC), or a local time that does not
  exist or happens twice at a daylight-saving change;
* :func:`observances`: a time zone as ``VTIMEZONE`` observances with yearly
  ``RRULE`` rules, the form every common client reads.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import hashlib
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import quote, urlsplit

from ..diagnostics import RoadsWarning
from .dates import Zone, daylight_saving_problem, format_time, range_problem
from .important_dates import ImportantDate
from .problems import Problem
from .program import Program, Slot

CALENDAR_DIR = "_calendar"
#: the longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or units)
NAME_BYTES = 255


# --- the event a program belongs to ------------------------------------------------------


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


_PART_OF = re.compile(r"^(?P<name>.*?)\s*<(?P<url>[^<>]+)>$")


def parse_part_of(text: str) -> tuple[str, str]:
    """``Example Conference 2030 <https://conf.example/>`` -> ``("Example Conference 2030", "https://conf.example/")``;
    a name alone has no URL."""
    match = _PART_OF.match(text.strip())
    if match:
        return match.group("name"), match.group("url")
    return text.strip(), ""


def parse_organizers(text: str) -> list[str]:
    """``A, B and C`` -> ``["A", "B", "C"]``."""
    return [name.strip() for name in re.split(r"\s*,\s*|\s+and\s+", text) if name.strip()]


def parse_event(
    options: dict[str, str], organizers_line: int, link_problem: Callable[[str], str | None]
) -> tuple[EventInfo, list[tuple[str, str]]]:
    """A ``schedule``'s event options as :class:`EventInfo`, and the problems found as
    ``(option, message)``. ``link_problem`` says why a URL may not be linked, if it may not."""
    problems: list[tuple[str, str]] = []
    event = EventInfo(
        name=options.get("event", ""),
        location=options.get("location", ""),
        attendance=options.get("attendance", "in-person"),
        status=options.get("status", "scheduled"),
    )
    event.part_of, url = parse_part_of(options.get("part-of", ""))
    if url:
        problem = link_problem(url)
        if problem:
            problems.append(("part-of", f"part-of link {url!r} {problem}; it is left out"))
        else:
            event.part_of_url = url
    event.organizers = [(name, organizers_line) for name in parse_organizers(options.get("organizers", ""))]
    if event.attendance != "online" and not event.location:
        problems.append(
            (
                "",
                "no :location: (the venue, such as 'Room 3, Miami Beach Convention Center'): "
                "calendars and search engines need one for an in-person event",
            )
        )
    return event, problems


# --- a block's calendar ---------------------------------------------------------------------


@dataclass
class CalendarRecord:
    """One ``schedule`` or ``important-dates`` block, as its calendar files show it."""

    docname: str
    anchor: str
    title: str
    zone: Zone
    program: Program | None = None
    dates: list[ImportantDate] | None = None
    event: EventInfo = field(default_factory=EventInfo)

    def path(self, slot: str = "") -> str:
        return calendar_path(self.docname, self.anchor, slot)

    def paths(self) -> list[str]:
        """Every calendar file of the block: its own, and one per slot of a program."""
        slots = self.program.slots() if self.program is not None else []
        return [self.path(), *(self.path(slot.slug) for slot in slots)]

    def years(self) -> tuple[int, int]:
        """The first and last year of the block's moments (for its time zone's rules)."""
        found = [slot.date.year for slot in self.program.slots()] if self.program else []
        found += [item.date.year for item in self.dates or []]
        return (min(found), max(found)) if found else (2000, 2000)


@dataclass
class SpeakerNames:
    """The name the registry declares for a speaker's name as written, in the edition of
    the program's page: ``Castellane`` may be one person in the 2023 program and another
    in the 2024 one (without editions, every page is in the edition "")."""

    declared: dict[tuple[str, str], str] = field(default_factory=dict)  # (edition, written) -> declared
    editions: dict[str, str] = field(default_factory=dict)  # docname -> edition

    def of(self, docname: str, written: str) -> str:
        """The declared name, or the name as written (a guest)."""
        return self.declared.get((self.editions.get(docname, ""), written), written)


def file_name(stem: str, suffix: str = "") -> str:
    """``stem + suffix``, with the stem cut so that the whole is at most 255 bytes of
    UTF-8; a cut stem ends with a digest of the whole one, so two long names that
    begin alike still make two files."""
    if len((stem + suffix).encode()) <= NAME_BYTES:
        return stem + suffix
    digest = hashlib.sha256(stem.encode()).hexdigest()[:12]
    room = NAME_BYTES - len(suffix.encode()) - len(digest) - 1
    cut = stem.encode()[:room].decode("utf-8", "ignore")  # never half a character
    return f"{cut}-{digest}{suffix}"


def calendar_path(docname: str, anchor: str, slot: str = "") -> str:
    """A block's calendar file (a slot's, given its slug) in the output, with ``/``
    separators; every name in it within the file system's limit."""
    folders = [CALENDAR_DIR, *(file_name(part) for part in docname.split("/"))]
    if slot:
        return "/".join([*folders, file_name(anchor), file_name(slot, ".ics")])
    return "/".join([*folders, file_name(anchor, ".ics")])


# --- a program's events from one build to the next ------------------------------------------


def event_keys(slots: list[Slot]) -> list[str]:
    """What names each of a program's ``slots`` (in the order written) in its event's
    ``UID``, from the sources alone (Read the Docs builds from a clean checkout: nothing
    is kept from the build before):

    * a slot given an ``id`` (``- id: lottery-ticket``): that id, as its anchor has it;
    * any other: its kind and its number among the slots of that kind without an id, in
      the order written: ``keynote#2`` is the program's second keynote.

    So moving a slot to another time or day (where no slot of its kind is crossed),
    changing its room, its speakers or its title's words keeps its key; a slot inserted
    or moved among others of its kind keeps theirs when it is given an id. A kind
    number has a ``#``, which no id has (ids are letters, digits and hyphens).
    """
    counted: dict[str, int] = {}
    keys = []
    for slot in slots:
        if slot.id_offset is not None:
            keys.append(slot.slug)
        else:
            counted[slot.kind] = counted.get(slot.kind, 0) + 1
            keys.append(f"{slot.kind}#{counted[slot.kind]}")
    return keys


def feed_address(base_url: str, path: str) -> tuple[str, str] | None:
    """A calendar file's absolute address, and the same as a ``webcal:`` one (what a
    calendar application subscribes to), on a site whose address is ``base_url``
    (``html_baseurl``); None when the site has no http(s) address to give."""
    parts = urlsplit(base_url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    address = f"{parts.netloc}{parts.path.rstrip('/')}/{quote(path, safe='/')}"
    return f"{parts.scheme.lower()}://{address}", f"webcal://{address}"


# --- moments a calendar can hold -----------------------------------------------------------


def check_program(program: Program, zone: Zone) -> list[Problem]:
    """Leave out of ``program`` the slots no calendar can hold, and report them; report
    the times a daylight-saving change skips or repeats (those slots are kept)."""
    problems: list[Problem] = []
    for day in program.days:
        kept = []
        for slot in day.slots:
            why = range_problem(slot.date, slot.start, zone)
            if why is None and slot.end is not None:
                why = range_problem(slot.date, slot.end, zone)
            if why is not None:
                problems.append(
                    Problem(slot.offset, RoadsWarning.DATE, f"{slot.heading!r}: {why}; this slot is left out")
                )
                continue
            kept.append(slot)
            if slot.zoned:
                continue  # written in UTC: one moment, converted exactly
            # one warning a slot: its start's, else its end's (an end implied by the
            # next slot's start is that slot's problem)
            clocks = [slot.start] if slot.end is None or slot.end_implied else [slot.start, slot.end]
            if slot.ends_at_midnight:
                clocks = [slot.start]
            for clock in clocks:
                why = daylight_saving_problem(slot.date, clock, zone)
                if why:
                    # the page and the calendar show what the warning says the time is read as
                    consequence = move_skipped_times(slot, zone)
                    problems.append(
                        Problem(slot.offset, RoadsWarning.TIME, f"{slot.heading!r}: {why}{consequence}")
                    )
                    break
        day.slots = kept
    program.days = [day for day in program.days if day.slots]
    return problems


def _real(date: dt.date, clock: dt.time, zone: Zone) -> dt.time:
    """A local time a daylight-saving change skips, as the moment it names (2:30 AM on the
    night the clocks go to 3:00 AM is 3:30 AM); any other time as it is."""
    if zone.iana is None:
        return clock
    first = dt.datetime.combine(date, clock, zone.tzinfo)
    real = first.astimezone(_UTC).astimezone(zone.tzinfo)
    return real.time().replace(fold=0) if real.replace(tzinfo=None) != first.replace(tzinfo=None) else clock


def move_skipped_times(slot: Slot, zone: Zone) -> str:
    """Set a slot's times that a daylight-saving change skips to the moments they name
    (it changes ``slot``), so that the page and the calendar show the same; returns what
    that makes of the slot, for the warning, if it matters ("" if not)."""
    start, end = _real(slot.date, slot.start, zone), slot.end
    if end is not None and not slot.ends_at_midnight:
        end = _real(slot.date, end, zone)
    if (start, end) == (slot.start, slot.end):
        return ""
    slot.start, slot.end = start, end
    if end is not None and not slot.ends_at_midnight and end <= start:
        slot.end = None if slot.end_implied else start
        if not slot.end_implied:
            shown = format_time(start).replace("\u202f", " ")
            return (
                f"; the slot then ends when it starts ({shown}): write its end after {shown}, "
                "or both times outside the change"
            )
    return ""


_UTC = dt.UTC
_FIRST = dt.datetime(1, 1, 1, tzinfo=_UTC)
_LAST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=_UTC)


# --- time zones as calendar clients read them -------------------------------------------------


@dataclass(frozen=True)
class Observance:
    """One ``STANDARD`` or ``DAYLIGHT`` part of a ``VTIMEZONE`` (RFC 5545, 3.6.5)."""

    daylight: bool
    name: str
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    start: dt.datetime  # local, naive, on the clock before the change (offset_from)
    byday: str = ""  # "2SU", "-1SU": a yearly rule in start's month; "" for once
    until: dt.datetime | None = None  # UTC: the last change by this rule, if it stops


@dataclass(frozen=True)
class _Change:
    at: dt.datetime  # UTC
    daylight: bool
    name: str
    offset_from: dt.timedelta
    offset_to: dt.timedelta

    @property
    def local(self) -> dt.datetime:
        return self.at.replace(tzinfo=None) + self.offset_from

    def days(self) -> set[str]:
        """The ``BYDAY`` values this change's date fits: ``2SU``, and ``-1SU`` if it is the last."""
        local = self.local
        weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[local.weekday()]
        found = {f"{(local.day - 1) // 7 + 1}{weekday}"}
        if local.day + 7 > _calendar.monthrange(local.year, local.month)[1]:
            found.add(f"-1{weekday}")
        return found


def _state(tz: dt.tzinfo, at: dt.datetime) -> tuple[dt.timedelta, bool, str]:
    local = at.astimezone(tz)
    return local.utcoffset() or dt.timedelta(0), bool(local.dst()), local.tzname() or ""


def _changes(tz: dt.tzinfo, start: dt.datetime, end: dt.datetime) -> list[_Change]:
    """Every change of offset or name between two UTC moments (a day apart at least)."""
    changes = []
    step = dt.timedelta(days=1)
    at, before = start, _state(tz, start)
    while at < end:
        following = min(at + step, end)
        after = _state(tz, following)
        if after != before:
            low, high = at, following  # the change is in (low, high]
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _state(tz, middle) == before:
                    low = middle
                else:
                    high = middle
            high = high.replace(microsecond=0)
            changes.append(_Change(high, after[1], after[2], before[0], after[0]))
        at, before = following, after
    return changes


@lru_cache(maxsize=64)
def observances(name: str, first_year: int, last_year: int) -> tuple[Observance, ...]:
    """The IANA zone ``name`` from the year before ``first_year`` to the year after
    ``last_year``, as observances: the state at the start, then each kind of change
    as a yearly rule (``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU``) for as long as it
    holds, or once. Mozilla's ical.js (Thunderbird, Nextcloud) ignores an ``RDATE``
    that lists several dates; Google, Apple and Outlook read rules too."""
    tz = zoneinfo.ZoneInfo(name)
    first, last = max(first_year - 1, 1), min(last_year + 1, 9999)
    start = max(dt.datetime(first, 1, 1, tzinfo=_UTC), _FIRST + dt.timedelta(days=1))
    end = min(dt.datetime(last, 12, 31, tzinfo=_UTC), _LAST - dt.timedelta(days=1))
    offset, daylight, abbreviation = _state(tz, start)
    found = [Observance(daylight, abbreviation, offset, offset, dt.datetime(first, 1, 1))]
    changes = _changes(tz, start, end) if start < end else []
    groups: dict[tuple, list[_Change]] = {}
    for change in changes:
        kind = (change.daylight, change.name, change.offset_from, change.offset_to)
        groups.setdefault(kind, []).append(change)
    for group in groups.values():
        run: list[_Change] = []
        days: set[str] = set()
        steps: list[_Change | None] = [*group, None]  # None: the end of the group
        for step in steps:
            if step is not None and run:  # does it go on the run's yearly rule?
                previous = run[-1].local
                local = step.local
                fits = days & step.days()
                if (
                    local.year == previous.year + 1
                    and local.month == previous.month
                    and local.time() == previous.time()
                    and fits
                ):
                    run.append(step)
                    days = fits
                    continue
            if run:
                found.append(_observance(run, days, last))
            run, days = ([step], step.days()) if step is not None else ([], set())
    found[1:] = sorted(found[1:], key=lambda o: (o.start, o.daylight))
    return tuple(found)


def _observance(run: list[_Change], days: set[str], last_year: int) -> Observance:
    head = run[0]
    base = Observance(head.daylight, head.name, head.offset_from, head.offset_to, head.local)
    if len(run) == 1:
        return base
    byday = min(days, key=lambda day: (not day.startswith("-"), day))  # "last Sunday" reads best
    # a rule still in use at the end of the years looked at goes on; one that stopped ends
    until = None if run[-1].local.year >= last_year else run[-1].at
    return Observance(head.daylight, head.name, head.offset_from, head.offset_to, head.local, byday, until)
