"""Calendar files (``.ics``, RFC 5545) for programs and important dates.

The ``schedule`` and ``important-dates`` directives record what they show as a
:class:`CalendarRecord` on the build environment (purged and merged per document,
so parallel and incremental builds agree). When the build has finished, every
record becomes a calendar file under ``_calendar/`` in the HTML output, written
with the icalendar library:

* ``_calendar/<page>/<block>.ics``: the whole program, or all the dates;
* ``_calendar/<page>/<block>/<slot>.ics``: one slot, for its own link.

UIDs are derived from the project, the page and the slot's anchor, so they stay
the same from build to build; DTSTAMP is the build time, ``SOURCE_DATE_EPOCH``
when it is set, so two builds of the same sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import icalendar
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .model.dates import ImportantDate, Zone, format_date, now_for_build
from .model.program import Program, Slot, kind_label
from .shared import page_url, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

CALENDAR_DIR = "_calendar"
#: node attribute: (docname, block anchor, slot slug or "") a calendar link points to
CALENDAR_ATTR = "roads_calendar"


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
    line: int
    title: str
    zone: Zone
    program: Program | None = None
    dates: list[ImportantDate] | None = None
    event: EventInfo = field(default_factory=EventInfo)

    def path(self, slot: str = "") -> str:
        """The calendar file's path in the output, with ``/`` separators."""
        base = f"{CALENDAR_DIR}/{self.docname}/{self.anchor}"
        return f"{base}/{slot}.ics" if slot else f"{base}.ics"


# --- on the build environment ---------------------------------------------------------


def records(env: BuildEnvironment) -> dict[str, list[CalendarRecord]]:
    if not hasattr(env, "roads_calendars"):
        env.roads_calendars = {}
    return env.roads_calendars


def all_records(env: BuildEnvironment) -> list[CalendarRecord]:
    found = records(env)
    return [record for docname in sorted(found) for record in found[docname]]


def add_record(env: BuildEnvironment, record: CalendarRecord) -> None:
    records(env).setdefault(record.docname, []).append(record)


def purge_records(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    records(env).pop(docname, None)


def merge_records(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = records(other)
    for docname in docnames:
        if docname in theirs:
            records(env)[docname] = theirs[docname]


def build_now(env: BuildEnvironment) -> dt.datetime:
    """This build's "now", fixed for the whole build (see :func:`on_builder_inited`)."""
    now = getattr(env, "roads_now", None)
    if now is None:
        now, _ = now_for_build(dict(os.environ))
    return now


def on_builder_inited(app: Sphinx) -> None:
    now, problem = now_for_build(dict(os.environ))
    app.env.roads_now = now
    if problem:
        warn(problem, "date", None)


def writes_files(builder: Builder) -> bool:
    """Calendar files go with HTML sites; an epub or help file has no use for them."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


# --- the calendar files --------------------------------------------------------------------


def uid(app: Sphinx, record: CalendarRecord, key: str) -> str:
    """Stable across builds: the project, the page, the block and the slot, hashed."""
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
    """A time for DTSTART/DTEND: in its IANA zone (TZID), else in UTC (AoE is UTC-12)."""
    if zone.iana:
        return value
    return value.astimezone(dt.UTC)


def slot_event(app: Sphinx, record: CalendarRecord, slot: Slot, now: dt.datetime,
               names: dict[str, str]) -> icalendar.Event:
    zone = record.zone
    event = icalendar.Event()
    event.add("uid", uid(app, record, slot.slug))
    event.add("dtstamp", now)
    event.add("dtstart", _moment(slot.start_at(zone), zone))
    end = slot.end_at(zone)
    if end is not None:
        event.add("dtend", _moment(end, zone))
    summary = slot.heading
    if slot.show_kind and not slot.generic_title:
        summary = f"{kind_label(slot.kind)}: {summary}"
    people = [names.get(s.name, s.name) for s in slot.speakers]
    if people:
        summary += f" ({', '.join(people)})"
    event.add("summary", summary)
    description = []
    if record.event.name:
        description.append(record.event.name)
    if slot.abstract:
        description.append(" ".join(slot.abstract.split()))
    for link in slot.links:
        description.append(f"{link.label}: {link.url}")
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
    description = []
    if item.all_day:
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        if item.zone is not None and item.zone.is_aoe:
            over = item.over_at().astimezone(dt.UTC)
            description.append(f"Until the end of {format_date(item.date)}, Anywhere on Earth "
                               f"(UTC-12), that is {over:%Y-%m-%d %H:%M} UTC.")
    else:
        zone = item.zone or Zone("UTC")
        event.add("dtstart", _moment(item.start(), zone))
        event.add("dtend", _moment(item.start(), zone))
        event.add("transp", "TRANSPARENT")
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


def speaker_names(app: Sphinx) -> dict[str, str]:
    """Written name -> the name the registry declares (for calendars)."""
    from .registry import PeopleDomain

    domain = PeopleDomain.of(app.env)
    names = {}
    for record in all_records(app.env):
        for slot in record.program.slots() if record.program else []:
            for speaker in slot.speakers:
                person = None if speaker.group else domain.lookup(speaker.name)
                names[speaker.name] = person.name if person else speaker.name
    return names




_END = b"END:VCALENDAR\r\n"


def timezone_blocks(calendar: icalendar.Calendar) -> bytes:
    """The VTIMEZONE components ``calendar``'s events need, serialized. They do not
    depend on the events' dates, so one block serves every calendar of a zone."""
    calendar.add_missing_timezones()
    return b"".join(timezone.to_ical() for timezone in calendar.timezones)


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

    def assemble(self, name: str, zones: bytes, events: list[bytes]) -> bytes:
        """A calendar file from parts serialized once each: what icalendar writes for
        a calendar of these time zones and events (RFC 5545 puts VTIMEZONE first)."""
        head = self._head.replace(self._placeholder_line, self._name_line(name), 1)
        return head + zones + b"".join(events) + _END


def calendar_files(app: Sphinx) -> dict[str, bytes]:
    """Every calendar file of the site: output path -> bytes.

    Each event and each time zone is serialized once, however many calendars it
    is in (a program's own file and one per slot): that was most of the time of a
    large program's files.
    """
    now = build_now(app.env)
    names = speaker_names(app)
    heads = CalendarHeads(app)
    files: dict[str, bytes] = {}
    for record in all_records(app.env):
        whole = new_calendar(app, record.title)
        serialized: list[bytes] = []
        slot_zones: bytes | None = None
        if record.program is not None:
            for slot in record.program.slots():
                event = slot_event(app, record, slot, now, names)
                whole.add_component(event)
                serialized.append(event.to_ical())
                if slot_zones is None:  # every slot of a program is in the program's zone
                    alone = new_calendar(app, "")
                    alone.add_component(event)
                    slot_zones = timezone_blocks(alone)
                files[record.path(slot.slug)] = heads.assemble(
                    f"{slot.heading} · {record.title}", slot_zones, serialized[-1:]
                )
        for item in record.dates or []:
            event = date_event(app, record, item, now)
            whole.add_component(event)
            serialized.append(event.to_ical())
        files[record.path()] = heads.assemble(record.title, timezone_blocks(whole), serialized)
    return files


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not writes_files(app.builder):
        return
    out = Path(app.outdir)
    for relative, content in sorted(calendar_files(app).items()):
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)


# --- links to them ---------------------------------------------------------------------------


def transform_builder(transform: SphinxPostTransform) -> Builder:
    """The builder, for a post-transform (``self.app`` is deprecated from Sphinx 9)."""
    app = getattr(transform.env, "_app", None) or transform.app
    return app.builder


def ask_for_calendar_link(node: nodes.Element, docname: str, anchor: str, slot: str, text: str,
                          label: str) -> None:
    """Have ``node`` end with an "Add to calendar" link on HTML sites, the only ones
    with calendar files. A paragraph gets the link (after " · " when it has text);
    a slot's table cell gets a paragraph holding it. Nothing is added to the tree
    before then: a large program has a link per slot, and every transform walks
    every node."""
    node[CALENDAR_ATTR] = (docname, anchor, slot, text, label)


class AddCalendarLinks(SphinxPostTransform):
    """Make the links asked for by :func:`ask_for_calendar_link` (HTML sites only);
    elsewhere a paragraph left empty goes."""

    default_priority = 40

    def run(self, **kwargs: Any) -> None:
        builder = transform_builder(self)
        html_site = writes_files(builder)
        here = builder.get_target_uri(self.env.docname) if builder.name != "singlehtml" else ""
        for node in list(self.document.findall(nodes.Element)):
            if CALENDAR_ATTR not in node:
                continue
            docname, anchor, slot, text, label = node[CALENDAR_ATTR]
            del node[CALENDAR_ATTR]
            if not html_site:
                if isinstance(node, nodes.paragraph) and not len(node):
                    node.parent.remove(node)
                continue
            base = f"{CALENDAR_DIR}/{docname}/{anchor}"
            target = f"{base}/{slot}.ics" if slot else f"{base}.ics"
            uri = relative_uri(here, target) if here else target
            link = nodes.reference(text, text, refuri=uri, classes=["roads-ics"], reftitle=label)
            if isinstance(node, nodes.paragraph):
                if len(node):
                    node += nodes.Text(" · ")
                node += link
            else:
                node += nodes.paragraph("", "", link, classes=["roads-slot-links"])


def setup_calendar(app: Sphinx) -> None:
    app.add_config_value("roads_timezone", "", "env", types=[str])
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-purge-doc", purge_records)
    app.connect("env-merge-info", merge_records)
    app.connect("build-finished", write_calendars)
    app.add_post_transform(AddCalendarLinks)
