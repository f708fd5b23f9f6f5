"""frab schedules, as frab and pretalx write them (``schedule.json`` and
``schedule.xml``), read into a program's days and slots. Knows nothing of Sphinx.

The JSON (the c3voc community's schema, ``validator/json/schema.json``)::

    {"schedule": {"version": "...", "conference": {"acronym": ..., "title": ...,
      "time_zone_name": "Europe/Berlin", "days": [{"index": 1, "date": "2026-06-08",
      "rooms": {"Hall A": [{"guid": ..., "code": ..., "id": 12, "date":
      "2026-06-08T09:00:00+02:00", "start": "09:00", "duration": "00:30", "room": "Hall A",
      "title": ..., "subtitle": ..., "track": ..., "type": "Talk", "abstract": ...,
      "description": ..., "persons": [{"name": ...} | {"public_name": ...}],
      "links": [{"url": ..., "title": ...}], "attachments": [...], "url": ...}]}}]}}}

The XML (its XSD, ``validator/xsd/schedule.xml.xsd``) holds the same fields, an event's
as its child elements (:mod:`.frab_xml`). Each event becomes a slot: its title (a subtitle
after a colon), its kind from its type, its persons as speakers, its room as the slot's
location, its track, its abstract (else its description), its links and attachments, and
its page (``url``) as a link. What cannot be used is a problem at the event's line, named by
its JSON path (``schedule.conference.days[0].rooms["Hall A"][2]``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...diagnostics import RoadsWarning
from ..dates import Zone
from ..pasted import Speaker
from ..problems import Problem
from ..program.data import Link, Slot
from ..program.details import slugify
from .common import (
    Entry,
    ImportedProgram,
    Lines,
    aware,
    clean,
    kind_of_type,
    material,
    read_duration,
    read_zone,
    safe_link,
    unique_slugs,
    without_email,
)


@dataclass
class FrabEvent:
    """An event's fields as both forms of a frab schedule hold them (all text)."""

    where: str
    line: int
    title: str = ""
    subtitle: str = ""
    kind: str = ""
    date: str = ""
    start: str = ""
    duration: str = ""
    room: str = ""
    track: str = ""
    abstract: str = ""
    description: str = ""
    code: str = ""
    persons: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (title, url), attachments too
    url: str = ""
    day_date: str = ""  # the date of its day (``2026-06-08``): with ``start``, where ``date`` is missing


@dataclass
class FrabReading:
    """A schedule's events as read, with the file's zone, and what is wrong so far."""

    zone_name: str = ""
    events: list[FrabEvent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unknown_types: set[str] = field(default_factory=set)


def program_of(reading: FrabReading, zone: Zone | None, tool: str) -> ImportedProgram:
    """The program of a frab schedule's events, placed in ``zone``, else in the file's
    (neither: left for the directive to :meth:`~.ImportedProgram.place`)."""
    result = ImportedProgram(tool=tool)
    result.problems.extend(reading.problems)
    file_zone = read_zone(reading.zone_name)
    if reading.zone_name and file_zone is None:
        result.problems.append(
            Problem(
                0,
                RoadsWarning.TIMEZONE,
                f"the time zone {reading.zone_name!r} (time_zone_name) is not one; the times are "
                "read with the offsets each event's date gives",
            )
        )
    result.entries = [e for event in reading.events if (e := _entry(event, reading, result)) is not None]
    unique_slugs([entry.slot for entry in result.entries])
    if zone or file_zone:
        result.place(zone or file_zone)  # type: ignore[arg-type]
    return result


def _entry(event: FrabEvent, reading: FrabReading, result: ImportedProgram) -> Entry | None:
    """The slot of one event, or None when it is left out (with a problem).
    It is long because each field is read and checked in turn, its problem beside it."""
    offset = event.line - 1
    problems = result.problems

    def text(value: str, name: str) -> str:
        kept, had_email = without_email(value)
        if had_email:
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{event.where}.{name}: an e-mail address is never published; it is left out",
                )
            )
        return kept

    title = text(clean(event.title), "title")
    if not title:
        problems.append(Problem(offset, RoadsWarning.SCHEDULE, f"{event.where} has no title; it is left out"))
        return None
    subtitle = text(clean(event.subtitle), "subtitle")
    if subtitle:
        title = f"{title}: {subtitle}"
    start = _start(event, reading.zone_name)
    if start is None:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIME,
                f"{event.where} ({title!r}): its date {event.date!r} is not a date and time like "
                "'2026-06-08T09:00:00+02:00'; it is left out",
            )
        )
        return None
    duration = read_duration(event.duration) if event.duration else None
    if event.duration and duration is None:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIME,
                f"{event.where} ({title!r}): its duration {event.duration!r} is not hours and "
                "minutes like '00:30'; it is shown without its end",
            )
        )
    kind = kind_of_type(clean(event.kind))
    if kind is None:
        if event.kind not in reading.unknown_types:
            reading.unknown_types.add(event.kind)
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{event.where}.type {clean(event.kind)!r} is no kind of slot (talk, keynote, "
                    "workshop, panel, poster, break, ...); its events are shown as talks",
                )
            )
        kind = "contributed"
    speakers = []
    for index, person in enumerate(event.persons):
        name = clean(person)
        if not name or without_email(name)[1]:
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{event.where}.persons[{index}] ({title!r}) is no name"
                    + (" (an e-mail address is never published)" if name else "")
                    + "; it is left out",
                )
            )
            continue
        speakers.append(Speaker(name))
    slot = Slot(
        offset=offset,
        date=start.date(),
        start=start.time(),
        end=None,
        title=title,
        kind=kind,
        speakers=speakers,
        abstract=text(event.abstract.strip() or event.description.strip(), "abstract"),
        location=text(clean(event.room), "room"),
        track=text(clean(event.track), "track"),
        slug=slugify(event.code, "") or slugify(title),
        id_offset=offset,
        plain_abstract=True,
    )
    slot.links = _links(event, offset, title, problems)
    return Entry(event.line, event.where, start, start + duration if duration else None, slot)


def _start(event: FrabEvent, zone_name: str) -> dt.datetime | None:
    """An event's start: its ``date`` (with its offset), else its day's date and its
    ``start`` in the schedule's zone (an export that leaves the event's date out)."""
    written = event.date.strip() or (
        f"{event.day_date.strip()}T{event.start.strip()}" if event.day_date else ""
    )
    try:
        moment = dt.datetime.fromisoformat(written)
    except ValueError:
        return None
    return aware(moment, zone_name)


def _links(event: FrabEvent, offset: int, title: str, problems: list[Problem]) -> list[Link]:
    """The event's page, links and attachments that are http(s) addresses."""
    links: list[Link] = []
    written = [("", event.url)] if event.url else []
    for label, url in [*written, *event.links]:
        if safe_link(url):
            links.append(material(label or "Link", url, offset))
        else:
            what = "an e-mail address is never published" if "@" in url else "it is not an http(s) link"
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.LINK,
                    f"{event.where} ({title!r}): the link {url.strip()[:60]!r}: {what}; it is left out",
                )
            )
    return links


# --- the JSON form ---------------------------------------------------------------------


def read_frab_json(data: dict[str, Any], text: str, zone: Zone | None) -> ImportedProgram:
    """A program from a frab schedule's JSON (``data``, parsed from ``text``)."""
    reading = FrabReading()
    conference = data["schedule"]["conference"]
    reading.zone_name = clean(conference.get("time_zone_name"))
    lines = Lines(text)
    days = conference.get("days")
    if not isinstance(days, list):
        reading.problems.append(
            Problem(0, RoadsWarning.IMPORT, "schedule.conference.days is not a list of days; no slot is read")
        )
        days = []
    for day_index, day in enumerate(days):
        rooms = day.get("rooms") if isinstance(day, dict) else None
        if not isinstance(rooms, dict):
            where = f"schedule.conference.days[{day_index}].rooms"
            line = lines.find(Lines.json_pair("index", day.get("index")) if isinstance(day, dict) else "")
            reading.problems.append(
                Problem(
                    line - 1, RoadsWarning.IMPORT, f"{where} is not an object of rooms; the day is left out"
                )
            )
            continue
        for room, events in rooms.items():
            where = f"schedule.conference.days[{day_index}].rooms[{json.dumps(room, ensure_ascii=False)}]"
            lines.find(json.dumps(room, ensure_ascii=False) + ":")
            if not isinstance(events, list):
                reading.problems.append(
                    Problem(
                        lines.find() - 1,
                        RoadsWarning.IMPORT,
                        f"{where} is not a list of events; it is left out",
                    )
                )
                continue
            for index, event in enumerate(events):
                found = _json_event(event, f"{where}[{index}]", room, lines, reading.problems)
                found.day_date = _text(day.get("date"))
                reading.events.append(found)
    return program_of(reading, zone, "frab JSON")


def _json_event(event: Any, where: str, room: str, lines: Lines, problems: list[Problem]) -> FrabEvent:
    """One event of the JSON as :class:`FrabEvent` (its line: its guid's, else its id's)."""
    if not isinstance(event, dict):
        return FrabEvent(where, lines.find())
    get: Callable[[str], str] = lambda name: _text(event.get(name))  # noqa: E731
    line = lines.find(
        Lines.json_pair("guid", event.get("guid")),
        Lines.json_pair("id", event.get("id")),
        Lines.json_pair("title", event.get("title")),
    )
    persons = _list(event.get("persons"))
    links = []
    for group in ("links", "attachments"):
        for link in _list(event.get(group)):
            if isinstance(link, dict):
                links.append((_text(link.get("title")), _text(link.get("url") or link.get("href"))))
            elif isinstance(link, str):
                links.append(("", link))
    return FrabEvent(
        where=where,
        line=line,
        title=get("title"),
        subtitle=get("subtitle"),
        kind=get("type"),
        date=get("date"),
        start=get("start"),
        duration=get("duration"),
        room=get("room") or room,
        track=get("track"),
        abstract=get("abstract"),
        description=get("description"),
        code=get("code")
        or get("slug")
        or (f"event-{event['id']}" if isinstance(event.get("id"), int) else ""),
        persons=[
            _text(person.get("name") or person.get("public_name"))
            if isinstance(person, dict)
            else _text(person)
            for person in persons
        ],
        links=links,
        url=get("url"),
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
