"""The ``schedule`` directive: a program's lines read by :mod:`roads_ext.model.program`,
rendered as one table per day, each slot's speakers as person references, its links
checked, its calendar recorded (:mod:`roads_ext.services.calendars`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.blocks import block_anchor, directive_zone, workshop_date
from ..core.directive import RoadsDirective, sanitize
from ..core.links import absolute_link_problem, link_problem
from ..core.marks import SLOT_PAPERS_ATTR, TIME_ATTR
from ..core.nodes import captioned_table, entry, row
from ..core.options import choice, text
from ..core.report import warn
from ..diagnostics import RoadsWarning, quoted
from ..i18n import _, formats
from ..model.calendar import CalendarRecord, EventInfo, check_program, parse_event
from ..model.dates import Zone, parse_date
from ..model.formats import N_, Formats
from ..model.imports import SCHEDULE_FORMATS, ImportedProgram, schedule_import
from ..model.program import Day, Program, Slot, parse_program
from ..model.program.materials import LIVE
from ..model.program.rooms import check_rooms, is_parallel
from ..services.awards import badge
from ..services.calendars import add_record, ask_for_calendar_link, calendar_paragraph
from ..services.registry import person_reference
from ..services.talks import heading_shown, kind_shown
from .live import add_room_links, live_classes, live_lines, live_paragraph, material_problem
from .rooms import declared_rooms, rooms_grid
from .slot_roles import people_lines, qa_mark

if TYPE_CHECKING:
    pass

#: node attribute on a program's "Times are in ..." note: the venue's zone
ZONE_NOTE_ATTR = "roads_zone_note"
#: what the note says for the line roads-times.js fills in (the visitor's own zone)
LOCAL_NOTE = N_("Under each time: the venue’s zone, or your own time where it differs.")
#: between the start and the end of a slot
RANGE_DASH = "\u2009–\u2009"
#: the labels of a slot's links named by their detail (``- slides: ...``), to translate;
#: a label an author writes (``- link: Poster PDF https://...``) is shown as written
LINK_LABELS = {
    "Slides": N_("Slides"),
    "Video": N_("Video"),
    "Paper": N_("Paper"),
    "Code": N_("Code"),
    "Poster": N_("Poster"),
    "Link": N_("Link"),
}

ATTENDANCE = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}
STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved-online": "https://schema.org/EventMovedOnline",
}


# --- a slot's parts ----------------------------------------------------------


def detail_link_problem(url: str) -> str | None:
    """Why a slot's link (``- slides: ...``) that :func:`link_problem` lets through is no
    link either: text around an address (a backtick, an rST link's ``<...>``) would be
    taken for a page of the site."""
    if re.search(r"[`<>\"'\s\\]", url.strip()):
        return "is not a URL: write the address alone, like 'https://example.org/slides.pdf'"
    return None


def title_node(heading: str, links: list[tuple[str, str]]) -> nodes.strong:
    """A slot's title, its Markdown links (checked: http(s) only) made links again."""
    title = nodes.strong(heading, classes=["roads-slot-title"])
    rest = heading
    for shown, url in links:
        before, found, after = rest.partition(shown)
        if not found or not shown:
            continue
        if before:
            title += nodes.Text(before)
        title += nodes.reference(shown, shown, refuri=url)
        rest = after
    if rest:
        title += nodes.Text(rest)
    return title


def time_range_paragraph(
    start: dt.datetime, end: dt.datetime | None, zone: Zone, shown: Formats
) -> nodes.paragraph:
    """``8:30 AM – 9:00 AM`` as one text node; for HTML the times become ``<time>``
    elements. A node per time and per dash, in every row of a large program, made
    the tree that every later transform walks a good deal larger."""
    times = [(moment.isoformat(), shown.time(moment.timetz())) for moment in (start, end) if moment]
    text = RANGE_DASH.join(label for _value, label in times)
    paragraph = nodes.paragraph(text, text, classes=["roads-when"])
    paragraph[TIME_ATTR] = times
    paragraph["roads_zone"] = zone.name
    return paragraph


def left_out_line(message: str, lines: Sequence[str], offset: int) -> str:
    """What a warning that leaves a line of the directive out adds, so that an organizer
    can find it again: the line as written, quoted (shortened), unless the message quotes
    its words already (a title, the whole line) and leaves out only a time."""
    if not message.endswith("left out") or not 0 <= offset < len(lines):
        return ""
    written = " ".join(lines[offset].split())
    unquoted = written
    for part in re.findall(_QUOTED, message):
        unquoted = unquoted.replace(part, " ")
    if not re.search(r"[^\W\d_]{2,}", re.sub(_TIME_WORDS, " ", unquoted)):
        return ""
    return f": {quoted(written)}"


_QUOTED = r"'([^']+)'"
#: what a slot's line holds besides its words: times, am/pm, noon and midnight
_TIME_WORDS = r"(?i)\b(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight)\b"


# --- the directive --------------------------------------------------------------------------


class ScheduleDirective(RoadsDirective):
    """The program: ``8:30am-8:40am - Title (Speakers)`` lines under a day."""

    warning_subtype = RoadsWarning.SCHEDULE
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    known_options = {
        "timezone": text,
        "event": text,
        "location": text,
        "part-of": text,
        "organizers": text,
        "attendance": choice(*ATTENDANCE),
        "status": choice(*STATUS),
        "name": text,
        "file": text,
        "live": live_lines,
        "rooms": text,
        "format": choice(*SCHEDULE_FORMATS),
    }

    def run_checked(self) -> list[nodes.Node]:
        lines, csv_text, where = list(self.content), False, None
        if self.checked_options.get("format") and not self.checked_options.get("file"):
            self.warn(
                "has :format: but no :file:; it is ignored (it says how the file is read)",
                RoadsWarning.OPTION,
                option="format",
            )
        if self.checked_options.get("file"):
            if self.content:
                self.warn(
                    "has both :file: and lines of its own: the lines are left out; put the "
                    "program in the file or in the directive, not both",
                    RoadsWarning.OPTION,
                    option="file",
                )
            found = self.read_file(self.checked_options["file"])
            if found is None:
                return []
            lines, csv_text, where = found
            imported = self.read_import(lines, csv_text, where)
            if imported is not None:
                return self.render_program(imported[0], imported[1], [], where)
            csv_text = self.checked_options.get("format", "csv" if csv_text else "text") == "csv"
        if not lines:
            self.warn(
                "is empty: write one line per slot, like '8:30am-8:40am - Welcome "
                "(Workshop Organizers)', under the day",
                RoadsWarning.EMPTY,
            )
            return []
        first_day = None
        if self.arguments:
            first_day, used, problem = parse_date(self.arguments[0])
            rest = self.arguments[0][used:].strip(" -–—:,.")
            if problem:
                self.warn(problem, RoadsWarning.DATE)
            elif rest:
                # a day's label goes before its date, on a day line of the program
                self.warn(
                    f"{rest!r} after the date is ignored: the argument is the day alone; to label "
                    f"the day, start the program with '{rest} - {self.arguments[0][:used].strip()}'",
                    RoadsWarning.DATE,
                )
        zone = directive_zone(self, required=True) or Zone("UTC")
        program = parse_program(lines, first_day, workshop_date(self), csv_text, zone)
        return self.render_program(program, zone, lines, where)

    def read_import(self, lines: list[str], csv_text: bool, where: str) -> tuple[Program, Zone] | None:
        """The program of a conference tool's export (:mod:`roads_ext.model.imports`) in
        the ``:file:``, and its zone (``:timezone:``, else the file's, else the site's), or
        None for a file of program lines or CSV."""
        written_zone = self.checked_options.get("timezone")
        zone = directive_zone(self, required=False) if written_zone else None
        forced = self.checked_options.get("format") or ("csv" if csv_text else None)
        imported: ImportedProgram | None = schedule_import("\n".join(lines), Path(where).suffix, forced, zone)
        if imported is None:
            return None
        if imported.zone is None:
            imported.place(directive_zone(self, required=bool(imported.entries)) or Zone("UTC"))
        if imported.venue and not self.checked_options.get("location"):
            self.checked_options["location"] = imported.venue  # the export's venue, unless :location: says
        if not imported.program.days and not imported.problems:
            self.warn(f"{where!r} ({imported.tool}) has no session with a time", RoadsWarning.EMPTY)
        return imported.program, imported.zone or Zone("UTC")

    def render_program(
        self, program: Program, zone: Zone, lines: list[str], where: str | None
    ) -> list[nodes.Node]:
        """The program's tables, and its problems as located warnings."""
        program = self.with_live_links(program)
        said = [*program.problems, *check_program(program, zone), *check_rooms(program, self.rooms())]
        issues = sorted(said, key=lambda p: p.offset)
        for each in issues:
            message = each.message + left_out_line(each.message, lines, each.offset)
            if where is None:
                self.warn(message, each.subtype, self.content_line(each.offset))
            else:  # a line of the :file:, named at its line there (an exported file, not retyped)
                warn(f"{self.name}: {message}", each.subtype, f"{where}:{each.offset + 1}")
        if not program.days:
            return []

        anchor = block_anchor(self, "schedule")
        event = self.event_info()
        record = CalendarRecord(
            self.env.docname,
            anchor,
            event.name or f"Program · {self.config.project}",
            zone,
            program=program,
            event=event,
        )
        self.check_links(program, where)

        block = nodes.container(classes=["roads-schedule", *live_classes(program)], ids=[anchor])
        self.state.document.ids[anchor] = block
        self.unique_slot_anchors(program, anchor, block)
        self.label(block, event.name or "Program", anchor)
        self.set_source_info(block)
        starts = [day.slots[0].start_at(zone) for day in program.days]
        offsets = {start.utcoffset() for start in starts}
        # a program across a daylight-saving change names the zone, each day's table its offset
        where = zone.describe(starts[0], _("Anywhere on Earth")) if len(offsets) == 1 else zone.name
        note = nodes.paragraph(classes=["roads-zone-note"])
        note[ZONE_NOTE_ATTR] = zone.name
        before, _zone, after = _("Times are in %(zone)s.").partition("%(zone)s")
        note += nodes.Text(before)
        note += nodes.strong(where, where)
        note += nodes.Text(after)
        block += note
        block += calendar_paragraph(self.env.docname, anchor, _("Add the program to your calendar (.ics)"))
        for day in program.days:
            block += self.day_block(record, day, zone)
        add_record(self.env, record)
        return [block]

    def with_live_links(self, program: Program) -> Program:
        """The program, its slots given their rooms' live links (``:live:``)."""
        if self.checked_options.get("live"):
            add_room_links(program, self.checked_options["live"], self.warn_live)
        return program

    def warn_live(self, message: str, line: int) -> None:
        """A ``:live:`` line's warning, at that line of the option (``:live:`` and the lines
        under it; in MyST's ``---`` block, ``live: |`` and the lines under it)."""
        first = next(
            (
                number + (value in ("|", "|-", ">", ">-"))
                for number, name, value in self.option_lines()
                if name == "live"
            ),
            self.option_line("live"),
        )
        self.warn(message, RoadsWarning.LIVE, first + line)

    def read_file(self, written: str) -> tuple[list[str], bool, str] | None:
        """The lines of ``:file:`` (relative to the page, or ``/``-rooted at the source
        folder), only from inside the project; CSV when it ends in ``.csv``."""
        source, path, problem = self.read_project_text(written)
        if problem == "lies outside the project":
            self.warn(
                f"file {written!r} is outside the project: put the program file in the documentation folder",
                RoadsWarning.OPTION,
                option="file",
            )
            return None
        if source is None or path is None:
            reason = (
                "cannot be read"
                if problem == "does not exist" or (path is not None and "(" in problem)
                else problem
            )
            self.warn(
                f"file {written!r} {reason}: give a file of the project, like "
                "':file: program.csv' (a CSV export) or ':file: program.md'",
                RoadsWarning.OPTION,
                option="file",
            )
            return None
        return source.splitlines(), path.suffix.lower() == ".csv", str(path)

    def event_info(self) -> EventInfo:
        options = self.checked_options
        line = self.option_line("organizers") if options.get("organizers") else self.lineno
        event, problems = parse_event(
            options, line, lambda url: link_problem(url) or absolute_link_problem(url)
        )
        for option, message in problems:
            if option:
                self.warn(message, RoadsWarning.LINK, self.option_line(option))
            else:
                self.warn(message, RoadsWarning.EVENT)
        return event

    def unique_slot_anchors(self, program: Program, anchor: str, block: nodes.Element) -> None:
        """Each slot's anchor (``schedule-coffee-break``) is the page's only one: a slot
        whose anchor another block or slot of the page has already takes ``-2`` ...; the
        page's later blocks make way for the slots' anchors (they are taken here)."""
        document = self.state.document
        slugs = {slot.slug for slot in program.slots()}
        for slot in program.slots():
            base = slot.slug
            number = 1
            while f"{anchor}-{slot.slug}" in document.ids or (slot.slug != base and slot.slug in slugs):
                number += 1
                slot.slug = f"{base}-{number}"
            if slot.slug != base:
                slugs.add(slot.slug)
                if slot.id_offset is not None:
                    self.warn(
                        f"id {base!r} makes the anchor {anchor + '-' + base!r}, which another block or slot "
                        f"of this page has already: this slot's anchor is {anchor + '-' + slot.slug!r}; "
                        "give it another id",
                        RoadsWarning.DETAIL,
                        self.content_line(slot.id_offset),
                    )
            document.ids[f"{anchor}-{slot.slug}"] = block

    def abstract_lines(self, parsed: list[nodes.Node], slot: Slot) -> None:
        """The lines of an abstract's nodes as lines of the page: reStructuredText numbers
        them from the abstract's own first line (a warning about a link in it named line 1)."""
        if type(self.state).__module__.startswith("myst_parser"):
            return
        first = self.content_line(slot.abstract_offset)
        for tree in parsed:
            if isinstance(tree, nodes.Element):
                for node in tree.findall(nodes.Element):
                    if node.line:
                        node.line = first + node.line - 1

    def check_links(self, program: Program, where: str | None = None) -> None:
        """Leave out the links that are none, each said at its line (of the ``:file:``, if
        the program is read from one)."""
        for slot in program.slots():
            kept_in_title = []
            for shown, url in slot.title_links:
                problem = link_problem(url) or (
                    None if re.match(r"^\s*https?://", url, re.IGNORECASE) else "is not an http(s) link"
                )
                if problem:
                    self.warn_at(
                        f"link {url!r} in the title {slot.heading!r} {problem}; its text {shown!r} is shown "
                        "without it",
                        slot.offset,
                        where,
                    )
                else:
                    kept_in_title.append((shown, url))
            slot.title_links = kept_in_title
            kept = []
            for link in slot.links:
                problem = link_problem(link.url) or detail_link_problem(link.url) or material_problem(link)
                if problem:
                    self.warn_at(
                        f"{link.label.lower()} link {link.url!r} {problem}; it is left out",
                        link.offset,
                        where,
                    )
                else:
                    kept.append(link)
            slot.links = kept

    def warn_at(self, message: str, offset: int, where: str | None) -> None:
        """A link's warning at line ``offset`` of the program: of the directive, or of its ``:file:``."""
        if where is None:
            self.warn(message, RoadsWarning.LINK, self.content_line(offset))
        else:
            warn(f"{self.name}: {message}", RoadsWarning.LINK, f"{where}:{offset + 1}")

    def rooms(self) -> list[str]:
        """The rooms ``:rooms:`` declares, in their order."""
        return declared_rooms(self.checked_options.get("rooms", ""))

    def day_block(self, record: CalendarRecord, day: Day, zone: Zone) -> nodes.Element:
        """A day's table, or a grid of its rooms when they run side by side (program/rooms.py)."""
        if not is_parallel(day.slots):
            return self.day_table(record, day.date, day.label, day.slots, zone)
        shown = formats(self.config)
        return rooms_grid(
            record,
            day,
            zone,
            self.rooms(),
            shown,
            lambda slot: self.slot_row(record, slot, zone, room_line=False),  # the grid says the room
            lambda start, end: time_range_paragraph(start, end, zone, shown),
        )

    def day_table(
        self, record: CalendarRecord, date: dt.date, label: str, slots: list[Slot], zone: Zone
    ) -> nodes.table:
        caption = formats(self.config).date(date) + (f" · {label}" if label else "")
        abbreviation = zone.abbreviation(slots[0].start_at(zone))
        table, body = captioned_table(
            self,
            "roads-schedule-table",
            caption,
            [(_("Time (%(zone)s)") % {"zone": abbreviation}, 25), (_("Session"), 75)],
        )
        session = ""
        for slot in slots:
            if slot.session and slot.session != session:
                heading = entry("", nodes.paragraph("", "", nodes.strong(slot.session, slot.session)))
                heading["morecols"] = 1
                heading_row = row(heading)
                heading_row["classes"] += ["roads-session-row"]
                body += heading_row
            session = slot.session
            body += self.slot_row(record, slot, zone)
        return table

    def abstract_node(self, slot: Slot) -> nodes.container:
        """A slot's abstract: parsed as the page's markup, or, from a tool's export, its
        text as written (never parsed)."""
        if slot.plain_abstract:
            paragraphs = [
                " ".join(part.split()) for part in re.split(r"\n\s*\n", slot.abstract) if part.strip()
            ]
            return nodes.container(
                "", *(nodes.paragraph(p, p) for p in paragraphs), classes=["roads-abstract"]
            )
        parsed = self.parse_text_to_nodes(slot.abstract, offset=self.content_offset + slot.abstract_offset)
        self.abstract_lines(parsed, slot)
        return nodes.container("", *sanitize(parsed, self), classes=["roads-abstract"])

    def slot_row(self, record: CalendarRecord, slot: Slot, zone: Zone, room_line: bool = True) -> nodes.row:
        line = self.content_line(slot.offset)
        when = time_range_paragraph(slot.start_at(zone), slot.end_at(zone), zone, formats(self.config))
        session: list[nodes.Node] = [nodes.target("", "", ids=[f"{record.anchor}-{slot.slug}"])]
        head = nodes.paragraph(classes=["roads-slot-head"])
        if slot.show_kind:
            kind = kind_shown(slot.kind)
            head += nodes.inline(kind, kind, classes=["roads-kind", f"roads-kind-{slot.kind}"])
            head += nodes.Text(" ")
        heading = heading_shown(slot)
        head += title_node(heading, slot.title_links if slot.title else [])
        award = badge(slot.award) if slot.award else None
        if award is not None:  # "- award: best paper"
            head += [nodes.Text(" "), award]
        head.extend(qa_mark(slot))
        if slot.track:
            head += nodes.Text(" ")
            head += nodes.inline(slot.track, slot.track, classes=["roads-badge", "roads-badge-track"])
        session.append(head)
        # a line per role: speakers or panelists, then chair, moderator, ... (slot_roles.py);
        # each linked to their card; a guest declared nowhere is shown as written
        session.extend(
            people_lines(
                slot,
                lambda speaker: person_reference(
                    self.env,
                    speaker.written,
                    strict=False,
                    by="schedule",
                    location=(self.get_source_info()[0], line),
                ),
            )
        )
        if slot.location and room_line:
            session.append(nodes.paragraph(slot.location, slot.location, classes=["roads-slot-location"]))
        if slot.abstract:
            session.append(self.abstract_node(slot))
        if slot.papers:
            papers = nodes.paragraph(classes=["roads-slot-papers"])
            papers[SLOT_PAPERS_ATTR] = [
                (ref.reference, self.env.docname, self.content_line(ref.offset), ref.board)
                for ref in slot.papers
            ]
            session.append(papers)
        cell = entry("", *session)
        calendar_holder: nodes.Element = cell
        live = live_paragraph(slot)
        if live is not None:
            cell += live
        materials = [link for link in slot.links if link.kind != LIVE]
        if materials:
            extras = nodes.paragraph(classes=["roads-slot-links"])
            for link in materials:
                if len(extras):
                    extras += nodes.Text(" · ")
                label = _(LINK_LABELS[link.label]) if link.label in LINK_LABELS else link.label
                extras += nodes.reference(label, label, refuri=link.url)
            cell += extras
            calendar_holder = extras
        ask_for_calendar_link(
            calendar_holder,
            self.env.docname,
            record.anchor,
            slot.slug,
            _("Add to calendar"),
            _("Add “%(title)s” to your calendar") % {"title": heading},
        )
        result = row(entry("", when), cell)
        result["classes"] += ["roads-slot", f"roads-slot-{slot.kind}"]
        if not slot.timed:
            result["classes"].append("roads-slot-untimed")  # written without a time: its block's times
        result.source, result.line = self.get_source_info()[0], line
        return result


# --- at write time: speakers and their cards ---------------------------------------------------


# --- HTML: <time>, and schema.org ----------------------------------------------------------------
