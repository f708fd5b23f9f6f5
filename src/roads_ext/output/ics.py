"""The calendar files' bytes, made with the icalendar library (RFC 5545).

Imported by :func:`roads_ext.output.calendars.write_calendars` when an HTML site is
written, so that nothing else pays for importing icalendar. It reads the records
(:mod:`roads_ext.model.calendar`) and is given the build's "now"; it imports
nothing of :mod:`roads_ext.output.calendars`.

Time zones are written as yearly ``RRULE`` rules (:func:`roads_ext.model.calendar.observances`),
not as icalendar's one ``RDATE`` listing every change: Mozilla's ical.js (Thunderbird,
Nextcloud) ignores such an ``RDATE``, and showed every summer event an hour late.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import icalendar

from ..core.pages import page_url
from ..model.calendar import CalendarRecord, SpeakerNames, event_keys, feed_address, observances
from ..model.dates import Zone, format_date
from ..model.important_dates import ImportantDate
from ..model.program import Slot, kind_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def uid(app: Sphinx, record: CalendarRecord, key: str) -> str:
    """Stable across builds: the project, the page, the block and the slot's key
    (:func:`roads_ext.model.calendar.event_keys`), hashed."""
    digest = hashlib.sha256(f"{app.config.project}\0{record.docname}\0{record.anchor}\0{key}".encode())
    host = urlparse(app.config.html_baseurl or "").hostname or "roads-ext.invalid"
    return f"{digest.hexdigest()[:32]}@{host}"


def new_calendar(app: Sphinx, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//roads_ext//{app.config.project}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _moment(value: dt.datetime, zone: Zone) -> dt.datetime:
    """A time for DTSTART/DTEND: in its IANA zone (TZID), else in UTC (AoE is UTC-12).
    No client is left to guess: a local time that a daylight-saving change skips is
    written as the time it is read as (2:30 AM on the night the clocks go to 3:00 AM is
    3:30 AM), and one that happens twice in UTC (RFC 5545 means the first, ical.js
    reads the second)."""
    if zone.iana:
        if not _changing(value):
            return value  # neither skipped nor repeated: nearly every time
        local = value.astimezone(dt.UTC).astimezone(value.tzinfo)
        if not _changing(local):
            return local
    return value.astimezone(dt.UTC)


def _changing(value: dt.datetime) -> bool:
    """Whether a local time is skipped or repeated by a clock change (whichever of the two
    a repeated one means: the second, ``fold=1``, is one written in UTC and converted)."""
    return value.replace(fold=0).utcoffset() != value.replace(fold=1).utcoffset()


def slot_event(
    app: Sphinx,
    record: CalendarRecord,
    slot: Slot,
    key: str,
    now: dt.datetime,
    names: SpeakerNames,
    papers: dict[str, str] | None = None,
) -> icalendar.Event:
    """A slot's event; ``key`` names it in its ``UID`` (its :func:`event_keys` entry).
    Its room is its ``LOCATION`` (else the venue's), each of its links (materials, live
    links: whatever ``slot.links`` holds) a labelled line of its ``DESCRIPTION``, where
    every client shows it; its ``URL`` is its row on the page."""
    zone = record.zone
    event = icalendar.Event()
    event.add("uid", uid(app, record, key))
    event.add("dtstamp", now)
    event.add("dtstart", _moment(slot.start_at(zone), zone))
    end = slot.end_at(zone)
    if end is not None:
        event.add("dtend", _moment(end, zone))
    summary = slot.labelled_title
    people = [names.of(record.docname, s.name) for s in slot.speakers]
    if people:
        summary += f" ({', '.join(people)})"
    event.add("summary", summary)
    description = []
    if record.event.name:
        description.append(record.event.name)
    with_affiliations = [
        f"{names.of(record.docname, s.name)} ({s.affiliation})" for s in slot.speakers if s.affiliation
    ]
    if with_affiliations:
        # a guest's affiliation is said nowhere else in the event (a declared person's card says it)
        description.append(f"Speakers: {', '.join(with_affiliations)}")
    if slot.abstract:
        description.append(" ".join(slot.abstract.split()))
    for ref in slot.papers:  # an unknown paper was a warning on the page
        if (papers or {}).get(ref.reference):
            description.append(f"Paper: {(papers or {})[ref.reference]}")
    for link in slot.links:
        description.append(f"{link.label or 'Link'}: {link.url}")
    if description:
        event.add("description", "\n\n".join(description))
    location = slot.location or record.event.location
    if location:
        event.add("location", location)
    event.add("categories", [kind_label(slot.kind)])
    url = page_url(app, record.docname, f"{record.anchor}-{slot.slug}")
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if record.event.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def date_event(app: Sphinx, record: CalendarRecord, item: ImportantDate, now: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(app, record, f"{item.label}\0{item.offset}"))
    event.add("dtstamp", now)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    description = []
    if item.all_day:
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        if item.zone is not None and item.zone.is_aoe:
            over = item.over_at().astimezone(dt.UTC)
            description.append(
                f"Until the end of {format_date(item.date)}, Anywhere on Earth "
                f"(UTC-12), that is {over:%Y-%m-%d %H:%M} UTC."
            )
    else:
        zone = item.zone or Zone("UTC")
        event.add("dtstart", _moment(item.start(), zone))
        event.add("dtend", _moment(item.start(), zone))
        if zone.is_aoe:
            description.append(f"{item.start():%H:%M} Anywhere on Earth (UTC-12).")
    event.add("summary", item.label)
    if item.note:
        description.append(item.note)
    if description:
        event.add("description", "\n".join(description))
    url = page_url(app, record.docname, record.anchor)
    if url:
        event.add("url", url)
    return event


_END = b"END:VCALENDAR\r\n"


@functools.lru_cache(maxsize=64)
def timezone_block(name: str, first_year: int, last_year: int) -> bytes:
    """The ``VTIMEZONE`` of IANA zone ``name`` for events from ``first_year`` to
    ``last_year``, serialized: the zone's changes as yearly rules."""
    timezone = icalendar.Timezone()
    timezone.add("tzid", name)
    for observance in observances(name, first_year, last_year):
        part = icalendar.TimezoneDaylight() if observance.daylight else icalendar.TimezoneStandard()
        part.add("dtstart", observance.start)
        part.add("tzoffsetfrom", observance.offset_from)
        part.add("tzoffsetto", observance.offset_to)
        if observance.name:
            part.add("tzname", observance.name)
        if observance.byday:
            rule = {"freq": "yearly", "bymonth": observance.start.month, "byday": observance.byday}
            if observance.until is not None:
                rule["until"] = observance.until
            part.add("rrule", rule)
        timezone.add_component(part)
    return timezone.to_ical()


def timezone_blocks(record: CalendarRecord) -> bytes:
    """The ``VTIMEZONE`` components of the zones ``record``'s events are written in."""
    zones = set()
    if record.program is not None and record.zone.iana:
        zones.add(record.zone.iana)
    for item in record.dates or []:
        if not item.all_day and item.zone is not None and item.zone.iana:
            zones.add(item.zone.iana)
    first, last = record.years()
    return b"".join(timezone_block(name, first, last) for name in sorted(zones))


class CalendarHeads:
    """The lines before a calendar's components, serialized once per build: from one
    file to the next only the calendar's name differs."""

    _PLACEHOLDER = "roads-calendar-name"

    def __init__(self, app: Sphinx) -> None:
        self._template = new_calendar(app, self._PLACEHOLDER)
        self._placeholder_line = self._name_line(self._PLACEHOLDER)
        self._head = self._template.to_ical()[: -len(_END)]
        assert self._head.count(self._placeholder_line) == 1

    def _name_line(self, name: str) -> bytes:
        # icalendar's own escaping and line folding
        return self._template.content_line("X-WR-CALNAME", icalendar.vText(name)).to_ical() + b"\r\n"

    def assemble(self, name: str, zones: bytes, events: list[bytes], feed: bytes = b"") -> bytes:
        """A calendar file from parts serialized once each: what icalendar writes for
        a calendar of these time zones and events (RFC 5545 puts VTIMEZONE first);
        ``feed``: a subscribed calendar's own lines (:func:`feed_lines`)."""
        head = self._head.replace(self._placeholder_line, self._name_line(name) + feed, 1)
        return head + zones + b"".join(events) + _END


#: how often a calendar application subscribed to a program should read it again
REFRESH = dt.timedelta(hours=6)


def feed_lines(app: Sphinx, record: CalendarRecord) -> bytes:
    """The lines that make a program's file a feed (RFC 7986): how often to read it
    again (``REFRESH-INTERVAL``, and Outlook's ``X-PUBLISHED-TTL``), and where from
    (``SOURCE``) when the site's address is known. Sorted as icalendar sorts them."""
    part = icalendar.Calendar()
    part.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    found = feed_address(app.config.html_baseurl or "", record.path())
    if found is not None:
        part.add("source", found[0], parameters={"VALUE": "URI"})
    part.add("x-published-ttl", icalendar.vDuration(REFRESH))
    serialized = part.to_ical()
    return serialized[serialized.index(b"\r\n") + 2 : -len(_END)]


def calendar_files(
    app: Sphinx,
    chosen: list[CalendarRecord],
    names: SpeakerNames,
    now: dt.datetime,
    papers: dict[str, str] | None = None,
) -> dict[str, bytes]:
    """The calendar files of the ``chosen`` records: output path -> bytes.
    ``names``: each speaker's name as written, in its page's edition -> the name the
    registry declares;
    ``now``: the build's time, each event's DTSTAMP; ``papers``: a slot's paper
    reference -> ``Title (Authors)``, for its description.

    Each event and each time zone is serialized once, however many calendars it
    is in (a program's own file and one per slot): that was most of the time of a
    large program's files.
    """
    heads = CalendarHeads(app)
    files: dict[str, bytes] = {}
    for record in chosen:
        zones = timezone_blocks(record)
        serialized: list[bytes] = []
        if record.program is not None:
            slots = record.program.slots()
            for slot, key in zip(slots, event_keys(slots), strict=True):
                serialized.append(slot_event(app, record, slot, key, now, names, papers).to_ical())
                files[record.path(slot.slug)] = heads.assemble(
                    f"{slot.heading} · {record.title}", zones, serialized[-1:]
                )
        for item in record.dates or []:
            serialized.append(date_event(app, record, item, now).to_ical())
        feed = feed_lines(app, record) if record.program is not None else b""
        files[record.path()] = heads.assemble(record.title, zones, serialized, feed)
    return files
