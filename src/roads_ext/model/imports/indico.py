"""Indico's event export (``/export/event/ID.json?detail=contributions``), read into a
program's days and slots. Knows nothing of Sphinx.

::

    {"count": 1, "results": [{"id": "42", "title": ..., "timezone": "Europe/Zurich",
      "contributions": [{"id": "7", "db_id": 7, "title": ...,
        "startDate": {"date": "2026-06-08", "time": "09:00:00", "tz": "Europe/Zurich"},
        "endDate": {...}, "duration": 30, "room": "Hall A", "location": "Main Building",
        "description": ..., "speakers": [{"fullName": "Doe, Jane", "first_name": "Jane",
        "last_name": "Doe", "affiliation": ..., "email": ...}], "track": ..., "session": ...,
        "type": "Talk", "url": "https://indico.example.org/event/42/contributions/7/"}]}]}

Each scheduled contribution becomes a slot: its title, its kind from its type, its
speakers (names and affiliations; never an e-mail), its room (else its location) as the
slot's location, its track, its session (a heading over its slots), its description as
its abstract, and its page as a link. A contribution not in the timetable (no
``startDate``) is left out, with a problem at its line named by its JSON path
(``results[0].contributions[3]``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...diagnostics import RoadsWarning
from ..dates import Zone
from ..pasted import Speaker
from ..problems import Problem
from ..program.data import Slot
from ..program.details import slugify
from .common import (
    Entry,
    ImportedProgram,
    Lines,
    aware,
    clean,
    kind_of_type,
    material,
    read_zone,
    safe_link,
    unique_slugs,
    without_email,
)


def read_indico(data: dict[str, Any], text: str, zone: Zone | None) -> ImportedProgram:
    """A program from Indico's export (``data``, parsed from ``text``): the contributions
    of its events (``results[]``), placed in ``zone``, else the first event's zone."""
    result = ImportedProgram(tool="Indico")
    lines = Lines(text)
    file_zone: Zone | None = None
    unknown_types: set[str] = set()
    for event_index, event in enumerate(data["results"]):
        if not isinstance(event, dict) or not isinstance(event.get("contributions"), list):
            continue
        zone_name = clean(event.get("timezone")) or _date_zone(event.get("startDate"))
        result.venue = result.venue or without_email(clean(event.get("location")))[0]
        file_zone = file_zone or read_zone(zone_name)
        for index, contribution in enumerate(event["contributions"]):
            where = f"results[{event_index}].contributions[{index}]"
            entry = _entry(contribution, where, zone_name, lines, result.problems, unknown_types)
            if entry is not None:
                result.entries.append(entry)
    unique_slugs([entry.slot for entry in result.entries])
    if zone or file_zone:
        result.place(zone or file_zone)  # type: ignore[arg-type]
    return result


def _date_zone(value: object) -> str:
    return clean(value.get("tz")) if isinstance(value, dict) else ""


def _moment(value: object, zone_name: str) -> dt.datetime | None:
    """``{"date": "2026-06-08", "time": "09:00:00", "tz": "Europe/Zurich"}`` as a moment."""
    if not isinstance(value, dict):
        return None
    try:
        moment = dt.datetime.fromisoformat(f"{clean(value.get('date'))}T{clean(value.get('time'))}")
    except ValueError:
        return None
    return aware(moment, _date_zone(value) or zone_name)


def _entry(
    contribution: Any,
    where: str,
    zone_name: str,
    lines: Lines,
    problems: list[Problem],
    unknown_types: set[str],
) -> Entry | None:
    """The slot of one contribution, or None when it is left out (with a problem).
    It is long because each field is read and checked in turn, its problem beside it."""
    if not isinstance(contribution, dict):
        problems.append(
            Problem(lines.find() - 1, RoadsWarning.IMPORT, f"{where} is not an object; it is left out")
        )
        return None
    line = lines.find(
        Lines.json_pair("db_id", contribution.get("db_id")),
        Lines.json_pair("id", contribution.get("id")),
        Lines.json_pair("title", contribution.get("title")),
    )
    offset = line - 1

    def text(value: object, name: str) -> str:
        kept, had_email = without_email(value.strip() if isinstance(value, str) else "")
        if had_email:
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{where}.{name}: an e-mail address is never published; it is left out",
                )
            )
        return kept

    title = clean(text(contribution.get("title"), "title"))
    if not title:
        problems.append(Problem(offset, RoadsWarning.SCHEDULE, f"{where} has no title; it is left out"))
        return None
    start = _moment(contribution.get("startDate"), zone_name)
    if start is None:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIME,
                f"{where} ({title!r}) has no startDate: it is not in the event's timetable; it is left out",
            )
        )
        return None
    end = _moment(contribution.get("endDate"), zone_name)
    duration = contribution.get("duration")
    if end is None and isinstance(duration, int | float) and not isinstance(duration, bool) and duration > 0:
        end = start + dt.timedelta(minutes=duration)
    if end is not None and end <= start:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIME,
                f"{where} ({title!r}) ends when it starts or before; shown without its end",
            )
        )
        end = None
    written_type = clean(contribution.get("type"))
    kind = kind_of_type(written_type)
    if kind is None:
        if written_type not in unknown_types:
            unknown_types.add(written_type)
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{where}.type {written_type!r} is no kind of slot (talk, keynote, workshop, panel, "
                    "poster, break, ...); its contributions are shown as talks",
                )
            )
        kind = "contributed"
    slot = Slot(
        offset=offset,
        date=start.date(),
        start=start.time(),
        end=None,
        title=title,
        kind=kind,
        speakers=_speakers(contribution.get("speakers"), where, title, offset, problems),
        abstract=text(contribution.get("description"), "description"),
        location=clean(
            text(contribution.get("room"), "room") or text(contribution.get("location"), "location")
        ),
        track=clean(text(contribution.get("track"), "track")),
        session=clean(text(contribution.get("session"), "session")),
        slug=_slug(contribution) or slugify(title),
        id_offset=offset,
        plain_abstract=True,
    )
    url = clean(contribution.get("url"))
    if url and safe_link(url):
        slot.links.append(material("Link", url, offset))
    elif url:
        problems.append(
            Problem(
                offset, RoadsWarning.LINK, f"{where}.url {url[:60]!r} is not an http(s) link; it is left out"
            )
        )
    return Entry(line, where, start, end, slot)


def _slug(contribution: dict[str, Any]) -> str:
    written = contribution.get("friendly_id") or contribution.get("db_id") or contribution.get("id")
    return f"contribution-{slugify(str(written), '')}" if written not in (None, "") else ""


def _speakers(value: object, where: str, title: str, offset: int, problems: list[Problem]) -> list[Speaker]:
    """Speakers by name (``first_name last_name``, else ``fullName``, ``Last, First``
    turned round) and affiliation; an e-mail is never read."""
    speakers: list[Speaker] = []
    for index, person in enumerate(value if isinstance(value, list) else []):
        if not isinstance(person, dict):
            continue
        name = clean(f"{clean(person.get('first_name'))} {clean(person.get('last_name'))}")
        if not name:
            full = clean(person.get("fullName"))
            last, comma, first = full.partition(",")
            name = clean(f"{first} {last}") if comma else full
        if not name or without_email(name)[1]:
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.IMPORT,
                    f"{where}.speakers[{index}] ({title!r}) has no name"
                    + (" (an e-mail address is never published)" if name else "")
                    + "; it is left out",
                )
            )
            continue
        affiliation, had_email = without_email(clean(person.get("affiliation")))
        speakers.append(Speaker(name, affiliation="" if had_email else affiliation))
    return speakers
