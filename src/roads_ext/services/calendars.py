"""The calendar records of every page: what the ``schedule`` and ``important-dates``
blocks show, as plain data (:class:`~roads_ext.model.calendar.CalendarRecord`) in a
storage domain, purged and merged per page; and the mark that asks for a link to a
record's calendar file. :mod:`roads_ext.output.calendars` writes the files and makes
the links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

from ..core.storage import StorageDomain
from ..i18n import _
from ..model.calendar import CalendarRecord

#: node attribute: (docname, block anchor, slot slug or "") a calendar link points to
CALENDAR_ATTR = "roads_calendar"


class CalendarDomain(StorageDomain):
    """The calendar records of every page, per document (no roles, no directives:
    a domain is where Sphinx keeps per-document data it purges and merges)."""

    name = "roads-calendar"
    label = "Workshop calendars"
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> [CalendarRecord], in source order
        "records": {},
        # calendar file -> (its record, the record's digest) as of the last build, for
        # output.calendars: build-wide, kept from build to build
        "digests": {},
    }
    per_page = ("records",)
    data_version = 2

    @property
    def records(self) -> dict[str, list[CalendarRecord]]:
        return self.data["records"]

    def add(self, record: CalendarRecord) -> None:
        self.records.setdefault(record.docname, []).append(record)

    def all(self) -> list[CalendarRecord]:
        return [record for docname in sorted(self.records) for record in self.records[docname]]


def records(env: BuildEnvironment) -> dict[str, list[CalendarRecord]]:
    """docname -> the calendar records of that page."""
    return CalendarDomain.of(env).records


def all_records(env: BuildEnvironment) -> list[CalendarRecord]:
    return CalendarDomain.of(env).all()


def record_digests(env: BuildEnvironment) -> dict[str, tuple[CalendarRecord, str]]:
    """What :mod:`roads_ext.output.calendars` keeps of each record for the next build."""
    return CalendarDomain.of(env).data.setdefault("digests", {})


def add_record(env: BuildEnvironment, record: CalendarRecord) -> None:
    CalendarDomain.of(env).add(record)


def ask_for_calendar_link(
    node: nodes.Element, docname: str, anchor: str, slot: str, text: str, label: str
) -> None:
    """Have ``node`` end with an "Add to calendar" link on HTML sites, the only ones
    with calendar files. A paragraph gets the link (after " · " when it has text);
    a slot's table cell gets a paragraph holding it. Nothing is added to the tree
    before then: a large program has a link per slot, and every transform walks
    every node."""
    node[CALENDAR_ATTR] = (docname, anchor, slot, text, label)


def calendar_paragraph(docname: str, anchor: str, text: str) -> nodes.paragraph:
    """The paragraph under a program or a dates table that links its whole calendar."""
    paragraph = nodes.paragraph(classes=["roads-calendar"])
    ask_for_calendar_link(
        paragraph,
        docname,
        anchor,
        "",
        text,
        _("An iCalendar file for Google Calendar, Outlook or Apple Calendar"),
    )
    return paragraph
