"""Calendar files (``.ics``, RFC 5545) for programs and important dates.

The ``schedule`` and ``important-dates`` directives record what they show as a
:class:`~roads_ext.model.calendar.CalendarRecord` (plain data) in the
:class:`CalendarDomain` (purged and merged per document, so parallel and
incremental builds agree). When the build has finished, every
record becomes a calendar file under ``_calendar/`` in the HTML output, written
with the icalendar library:

* ``_calendar/<page>/<block>.ics``: the whole program (every slot of every day and
  room: a feed to subscribe to, linked as ``webcal:`` too where the site's address,
  ``html_baseurl``, is known), or all the dates;
* ``_calendar/<page>/<block>/<slot>.ics``: one slot, for its own link.

UIDs are derived from the sources alone, never from an earlier build (Read the Docs
builds from a clean checkout): the project, the page, the block, and the slot's ``id``
or its kind and number among the slots of that kind
(:func:`~roads_ext.model.calendar.event_keys`), so a slot moved, given another room,
other speakers or a reworded title is the same event to a calendar that has it. No
``SEQUENCE`` and no ``LAST-MODIFIED``: nothing in the sources says how often, or when,
an event changed. DTSTAMP is the build time, ``SOURCE_DATE_EPOCH`` when it is set, so
two builds of the same sources give the same bytes.

This module decides what goes in the files, which to (re)write, and links them;
:mod:`roads_ext.output.ics` makes their bytes from the records and the build's "now"
(it does not import this module), and is imported only when one is written.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ..core.build import build_now, code_digest, cyclic_collector_paused, is_html_site, start_build_clock
from ..core.pages import marked_nodes, transform_builder
from ..i18n import _
from ..model.calendar import CALENDAR_DIR, CalendarRecord, SpeakerNames, calendar_path, feed_address
from ..services.calendars import CALENDAR_ATTR, CalendarDomain, all_records, record_digests, records

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


# --- on the build environment ---------------------------------------------------------


# --- the calendar files --------------------------------------------------------------------


def speaker_names(app: Sphinx) -> SpeakerNames:
    """(edition, written name) -> the name the registry declares (for calendars): a
    short form (``M. Mitzenmacher``) found as its person reference in the page is."""
    from ..services.registry import PeopleDomain

    domain = PeopleDomain.of(app.env)
    names = SpeakerNames()
    for record in all_records(app.env):
        edition = names.editions[record.docname] = domain.edition_of(record.docname)
        for slot in record.program.slots() if record.program else []:
            for speaker in slot.speakers:
                person = None if speaker.group else domain.lookup(speaker.name, record.docname)
                names.declared[(edition, speaker.name)] = person.name if person else speaker.name
    return names


def paper_lines(app: Sphinx) -> dict[str, str]:
    """A slot's paper reference -> ``Title (Authors)`` (for calendars): the papers the
    program's slots name (``- paper: <forum id>``) that an accepted-papers list shows."""
    from ..services.papers import find_paper

    lines = {}
    for record in all_records(app.env):
        for slot in record.program.slots() if record.program else []:
            for ref in slot.papers:
                found = find_paper(app.env, ref.reference)
                if found is not None:
                    paper = found[2]
                    lines[ref.reference] = paper.title + (
                        f" ({', '.join(paper.authors)})" if paper.authors else ""
                    )
    return lines


#: in the doctree directory (Sphinx's cache): what each calendar file was made from
STAMPS_FILE = "roads-calendars.json"
#: in the stamps file: every calendar file roads_ext wrote, to remove those no record makes any more
FILES_KEY = "files written"


def _digest(value: object) -> str:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer)
    # no memo: pickle writes an object it met before as a reference to it, so two equal
    # programs whose objects are shared differently (a text read once and kept) gave two stamps
    pickler.fast = True
    pickler.dump(value)
    return hashlib.sha256(buffer.getvalue()).hexdigest()


def record_digest(
    record: CalendarRecord, earlier: dict[str, tuple[CalendarRecord, str]] | None = None
) -> str:
    """A digest of the record itself. ``earlier``: the digests of the last build, by
    file, kept in the environment: a record of a page not re-read is the very object it
    was then (the environment pickles it once), and is not pickled again to digest it."""
    kept = (earlier or {}).get(record.path())
    if kept is not None and kept[0] is record:
        return kept[1]
    # the organizers' names without their lines: moving a block down its page changes no file
    event = replace(record.event, organizers=[(name, 0) for name, _ in record.event.organizers])
    digest = _digest(replace(record, event=event))
    if earlier is not None:
        earlier[record.path()] = (record, digest)
    return digest


def record_stamp(
    app: Sphinx,
    record: CalendarRecord,
    names: SpeakerNames,
    papers: dict[str, str] | None = None,
    earlier: dict[str, tuple[CalendarRecord, str]] | None = None,
) -> str:
    """A digest of everything a record's calendar files are made from."""
    slots = record.program.slots() if record.program else []
    speakers = sorted({names.of(record.docname, s.name) for slot in slots for s in slot.speakers})
    shown_papers = sorted({(papers or {}).get(ref.reference, "") for slot in slots for ref in slot.papers})
    return _digest(
        (
            record_digest(record, earlier),
            speakers,
            shown_papers,
            app.config.project,
            app.config.html_baseurl,
            app.builder.name,
            str(app.outdir),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            code_digest(),
        )
    )


def write_calendars(app: Sphinx, exception: Exception | None) -> None:
    """Write the calendar files whose sources changed since the last build (all of
    them on a fresh one). An unchanged calendar keeps its file, DTSTAMP included:
    remaking 2,000 slots' files after one page was edited took longer than the
    rest of that rebuild."""
    if exception is not None or not is_html_site(app.builder):
        return
    with cyclic_collector_paused():
        _write_calendars(app)


def _write_calendars(app: Sphinx) -> None:
    out = Path(app.outdir)
    stamps_path = Path(app.doctreedir) / STAMPS_FILE
    try:
        previous = json.loads(stamps_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = {}
    names = speaker_names(app)
    papers = paper_lines(app)
    everything = all_records(app.env)
    digests = dict(record_digests(app.env))
    stamps: dict[str, Any] = {
        record.path(): record_stamp(app, record, names, papers, digests) for record in everything
    }
    stale = [
        record
        for record in everything
        if previous.get(record.path()) != stamps[record.path()] or not (out / record.path()).exists()
    ]
    if stale:
        # icalendar is imported here, not with the extension: builds that write no
        # calendar (other builders, sites without a program, rebuilds that changed
        # no program) do not pay for it
        from .ics import calendar_files

        folders: set[Path] = set()
        for relative, content in sorted(
            calendar_files(app, stale, names, build_now(app.env), papers).items()
        ):
            target = out / relative
            if target.parent not in folders:  # a folder per page, for all its slots' files
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            if not target.exists() or target.read_bytes() != content:
                target.write_bytes(content)
    # the files made before that no record makes now (a slot renamed, a block removed):
    # only those roads_ext wrote itself, as its stamps say
    made = sorted({path for record in everything for path in record.paths()})
    before = previous.get(FILES_KEY, [])
    for relative in sorted(set(before if isinstance(before, list) else []) - set(made)):
        if not isinstance(relative, str) or not relative.startswith(CALENDAR_DIR + "/") or ".." in relative:
            continue
        target = out / relative
        if target.is_file():
            target.unlink()
            folder = target.parent
            while folder != out and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    stamps[FILES_KEY] = made
    if stamps != previous:
        stamps_path.parent.mkdir(parents=True, exist_ok=True)
        stamps_path.write_text(json.dumps(stamps, indent=0, sort_keys=True), encoding="utf-8")


# --- links to them ---------------------------------------------------------------------------


class AddCalendarLinks(SphinxPostTransform):
    """Make the links asked for by :func:`ask_for_calendar_link` (HTML sites only);
    elsewhere a paragraph left empty goes."""

    default_priority = 40

    def run(self, **kwargs: Any) -> None:
        builder = transform_builder(self)
        html_site = is_html_site(builder)
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
                if not slot:
                    self.add_feed_link(node, docname, anchor, target)
            else:
                node += nodes.paragraph("", "", link, classes=["roads-slot-links"])

    def add_feed_link(self, paragraph: nodes.paragraph, docname: str, anchor: str, target: str) -> None:
        """Beside a program's download link, the same file as a ``webcal:`` link, which a
        calendar application subscribes to (and reads again as the program changes).
        Only where the site's address is known (``html_baseurl``): a subscription needs
        an absolute address, and a page cannot tell where it is served from without a
        script. The address is made here from the site's http(s) address, never from an
        author's text."""
        found = feed_address(self.config.html_baseurl or "", target)
        if found is None:
            return
        if not any(r.anchor == anchor and r.program is not None for r in records(self.env).get(docname, [])):
            return  # the dates' file: its events are no feed
        text = _("Subscribe (webcal)")
        title = _("Subscribe in your calendar application: it follows the changes to the program")
        paragraph += nodes.Text(" · ")
        paragraph += nodes.reference(text, text, refuri=found[1], classes=["roads-webcal"], reftitle=title)


def keep_record_digests(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Digest the records once every page is read (``env-get-updated``), before Sphinx
    pickles the environment: the next build finds them there. No page to rewrite."""
    kept = record_digests(env)
    earlier = dict(kept)
    kept.clear()
    for record in all_records(env):
        kept[record.path()] = (record, record_digest(record, earlier))
    return []


def setup_calendar(app: Sphinx) -> None:
    app.add_domain(CalendarDomain)
    app.connect("builder-inited", start_build_clock)
    app.connect("env-get-updated", keep_record_digests)
    app.connect("build-finished", write_calendars)
    app.add_post_transform(AddCalendarLinks)
