"""frab's ``schedule.xml`` (as frab and pretalx write it; the c3voc XSD,
``validator/xsd/schedule.xml.xsd``), read through :mod:`.frab`. Knows nothing of Sphinx.

::

    <schedule><version>...</version>
      <conference><title>...</title><acronym>...</acronym>
        <time_zone_name>Europe/Berlin</time_zone_name>...</conference>
      <day index="1" date="2026-06-08" start="..." end="...">
        <room name="Hall A">
          <event guid="..." id="12"><date>2026-06-08T09:00:00+02:00</date>
            <start>09:00</start><duration>00:30</duration><room>Hall A</room>
            <title>...</title><subtitle/><track>...</track><type>Talk</type>
            <abstract>...</abstract><description>...</description>
            <persons><person id="3">Name</person></persons>
            <links><link href="https://...">Title</link></links>
            <attachments><attachment href="...">Title</attachment></attachments>
            <url>...</url></event>

Each element keeps the line it starts at (expat tells it), so that a problem names the
event's line. An external entity is never fetched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from ...diagnostics import RoadsWarning
from ..dates import Zone
from ..problems import Problem
from .common import ImportedProgram
from .frab import FrabEvent, FrabReading, program_of


@dataclass
class Element:
    tag: str
    attributes: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def child(self, tag: str) -> Element | None:
        return next((child for child in self.children if child.tag == tag), None)

    def child_text(self, tag: str) -> str:
        found = self.child(tag)
        return found.text if found is not None else ""


class XmlError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def parse_xml(text: str) -> Element:
    """The tree of ``text``, each element with its line; :class:`XmlError` when it is no XML."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = Element("", {}, 0)
    stack = [root]

    def start(tag: str, attributes: dict[str, str]) -> None:
        element = Element(tag, attributes, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        stack[-1].text += chunk

    def refuse(*_args: object) -> int:
        raise XmlError(parser.CurrentLineNumber, "declares an external entity, which is never read")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.ExternalEntityRefHandler = refuse
    parser.EntityDeclHandler = lambda *args: refuse()
    try:
        parser.Parse(text.lstrip("\ufeff"), True)
    except expat.ExpatError as error:
        raise XmlError(error.lineno, f"is not valid XML ({expat.errors.messages[error.code]})") from None
    if not root.children:
        raise XmlError(1, "is not valid XML (no element)")
    return root.children[0]


def read_frab_xml(schedule: Element, zone: Zone | None) -> ImportedProgram:
    """A program from a frab schedule's XML (its root, ``<schedule>``)."""
    reading = FrabReading()
    conference = schedule.child("conference")
    reading.zone_name = " ".join(conference.child_text("time_zone_name").split()) if conference else ""
    days = [child for child in schedule.children if child.tag == "day"]
    if not days:
        reading.problems.append(
            Problem(
                schedule.line - 1, RoadsWarning.IMPORT, "<schedule> has no <day> element; no slot is read"
            )
        )
    for day_index, day in enumerate(days, start=1):
        for room in (child for child in day.children if child.tag == "room"):
            room_name = room.attributes.get("name", "")
            events = [child for child in room.children if child.tag == "event"]
            for index, event in enumerate(events, start=1):
                where = f"<day> {day_index}, <room name={room_name!r}>, <event> {index}"
                found = _event(event, where, room_name)
                found.day_date = day.attributes.get("date", "")
                reading.events.append(found)
    return program_of(reading, zone, "frab XML")


def _event(event: Element, where: str, room: str) -> FrabEvent:
    persons = event.child("persons")
    links: list[tuple[str, str]] = []
    for group, tag in (("links", "link"), ("attachments", "attachment")):
        holder = event.child(group)
        for link in holder.children if holder is not None else []:
            if link.tag == tag:
                links.append((link.text.strip(), link.attributes.get("href", "")))
    return FrabEvent(
        where=where,
        line=event.line,
        title=event.child_text("title"),
        subtitle=event.child_text("subtitle"),
        kind=event.child_text("type"),
        date=event.child_text("date").strip(),
        start=event.child_text("start"),
        duration=event.child_text("duration").strip(),
        room=event.child_text("room") or room,
        track=event.child_text("track"),
        abstract=event.child_text("abstract"),
        description=event.child_text("description"),
        code=event.attributes.get("code", "") or event.child_text("slug") or _event_id(event),
        persons=[person.text for person in persons.children if person.tag == "person"] if persons else [],
        links=links,
        url=event.child_text("url").strip(),
    )


def _event_id(event: Element) -> str:
    written = event.attributes.get("id", "")
    return f"event-{written}" if written.isdigit() else ""
