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

This module decides what goes in the files, which to (re)write, and links them;
:mod:`roads_ext.ics` makes their bytes, and is imported only when one is written.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from . import __version__
from .i18n import _
from .model.calendar import CALENDAR_DIR, CalendarRecord, EventInfo, calendar_path
from .model.dates import now_for_build
from .shared import build_now, marked_nodes, warn

__all__ = ["CALENDAR_DIR", "CalendarRecord", "EventInfo", "build_now", "calendar_path"]

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: node attribute: (docname, block anchor, slot slug or "") a calendar link points to
CALENDAR_ATTR = "roads_calendar"


# --- on the build environment ---------------------------------------------------------


def records(env: BuildEnvironment) -> dict[str, list[CalendarRecord]]:
    if not hasattr(env, "roads_calendars"):
        env.roads_calendars = {}  # type: ignore[attr-defined]  # pickled with the environment
    return env.roads_calendars  # type: ignore[attr-defined]


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


def on_builder_inited(app: Sphinx) -> None:
    now, problem = now_for_build(dict(os.environ))
    app.env.roads_now = now  # type: ignore[attr-defined]
    if problem:
        warn(problem, "date", None)


def writes_files(builder: Builder) -> bool:
    """Calendar files go with HTML sites; an epub or help file has no use for them."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


# --- the calendar files --------------------------------------------------------------------


def speaker_names(app: Sphinx) -> dict[str, str]:
    """Written name -> the name the registry declares (for calendars): a short form
    (``M. Mitzenmacher``) found as its person reference in the page is."""
    from .registry import PeopleDomain

    domain = PeopleDomain.of(app.env)
    names = {}
    for record in all_records(app.env):
        for slot in record.program.slots() if record.program else []:
            for speaker in slot.speakers:
                person = None if speaker.group else domain.lookup(speaker.name, record.docname)
                names[speaker.name] = person.name if person else speaker.name
    return names


#: in the doctree directory (Sphinx's cache): what each calendar file was made from
STAMPS_FILE = "roads-calendars.json"


@functools.cache
def code_digest() -> str:
    """A digest of roads_ext's own code: a changed extension (an editable install
    being worked on) remakes every calendar file, as a changed program does."""
    package = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.glob("*.py")) + sorted(package.glob("model/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def record_stamp(app: Sphinx, record: CalendarRecord, names: dict[str, str]) -> str:
    """A digest of everything a record's calendar files are made from."""
    speakers = sorted({names[s.name] for slot in (record.program.slots() if record.program else [])
                       for s in slot.speakers})
    # the organizers' names without their lines: moving a block down its page changes no file
    event = replace(record.event, organizers=[(name, 0) for name, _ in record.event.organizers])
    material = pickle.dumps((
        replace(record, event=event), speakers, app.config.project, app.config.html_baseurl, app.builder.name,
        str(app.outdir), os.environ.get("SOURCE_DATE_EPOCH", ""), code_digest(),
    ))
    return hashlib.sha256(material).hexdigest()


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    """Write the calendar files whose sources changed since the last build (all of
    them on a fresh one). An unchanged calendar keeps its file, DTSTAMP included:
    remaking 2,000 slots' files after one page was edited took longer than the
    rest of that rebuild."""
    if exception is not None or not writes_files(app.builder):
        return
    out = Path(app.outdir)
    stamps_path = Path(app.doctreedir) / STAMPS_FILE
    try:
        previous = json.loads(stamps_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    names = speaker_names(app)
    everything = all_records(app.env)
    stamps = {record.path(): record_stamp(app, record, names) for record in everything}
    stale = [record for record in everything
             if previous.get(record.path()) != stamps[record.path()] or not (out / record.path()).exists()]
    if stale:
        # icalendar is imported here, not with the extension: builds that write no
        # calendar (other builders, sites without a program, rebuilds that changed
        # no program) do not pay for it
        from .ics import calendar_files

        for relative, content in sorted(calendar_files(app, stale, names).items()):
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != content:
                target.write_bytes(content)
    if stamps != previous:
        stamps_path.parent.mkdir(parents=True, exist_ok=True)
        stamps_path.write_text(json.dumps(stamps, indent=0, sort_keys=True), encoding="utf-8")


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


def calendar_paragraph(docname: str, anchor: str, text: str) -> nodes.paragraph:
    """The paragraph under a program or a dates table that links its whole calendar."""
    paragraph = nodes.paragraph(classes=["roads-calendar"])
    ask_for_calendar_link(paragraph, docname, anchor, "", text,
                          _("An iCalendar file for Google Calendar, Outlook or Apple Calendar"))
    return paragraph


class AddCalendarLinks(SphinxPostTransform):
    """Make the links asked for by :func:`ask_for_calendar_link` (HTML sites only);
    elsewhere a paragraph left empty goes."""

    default_priority = 40

    def run(self, **kwargs: Any) -> None:
        builder = transform_builder(self)
        html_site = writes_files(builder)
        here = builder.get_target_uri(self.env.docname) if builder.name != "singlehtml" else ""
        for node in marked_nodes(self.document, CALENDAR_ATTR):
            docname, anchor, slot, text, label = node[CALENDAR_ATTR]
            del node[CALENDAR_ATTR]
            if not html_site:
                if isinstance(node, nodes.paragraph) and not len(node):
                    node.parent.remove(node)
                continue
            target = calendar_path(docname, anchor, slot)
            uri = relative_uri(here, target) if here else target
            link = nodes.reference(text, text, refuri=uri, classes=["roads-ics"], reftitle=label)
            if isinstance(node, nodes.paragraph):
                if len(node):
                    node += nodes.Text(" · ")
                node += link
            else:
                node += nodes.paragraph("", "", link, classes=["roads-slot-links"])


def setup_calendar(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-purge-doc", purge_records)
    app.connect("env-merge-info", merge_records)
    app.connect("build-finished", write_calendars)
    app.add_post_transform(AddCalendarLinks)
