"""The program at write time: a speaker's card linked to their slots (found once per
build, in a storage domain of what each person speaks in), ``<time>`` elements for HTML,
and the site's programs as schema.org ``Event`` data."""

from __future__ import annotations

import datetime as dt
import html
import weakref
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.marks import ENTRY_ATTR, PERSON_ATTR, TIME_ATTR
from ..core.pages import internal_link, json_ld_script, marked_nodes, page_url
from ..core.report import warn
from ..core.storage import StorageDomain
from ..diagnostics import RoadsWarning
from ..i18n import _, formats
from ..model.calendar import CalendarRecord
from ..model.dates import Zone
from ..model.formats import Formats
from ..model.pasted import Speaker
from ..model.program import Slot
from ..services.awards import award_json_ld
from ..services.calendars import all_records, records
from ..services.registry import PeopleDomain, declared_person_json_ld, page_of
from ..services.talks import Talk, talks_by_person
from .rooms import room_ld
from .schedule import ATTENDANCE, LOCAL_NOTE, RANGE_DASH, STATUS, ZONE_NOTE_ATTR
from .slot_roles import slot_people_ld

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class LinkCardsToSlots(SphinxPostTransform):
    """A speaker's card links to the slot(s) they speak in."""

    default_priority = 25

    def run(self, **kwargs: Any) -> None:
        # found once per build by pages_to_rewrite: walking every slot of the site
        # again for every page made the write phase grow as pages x slots
        talks = _TALKS.get(self.env)
        if talks is None:
            talks = talks_by_person(self.env)
        if not talks:
            return
        domain = PeopleDomain.of(self.env)
        for card in marked_nodes(self.document, PERSON_ATTR):
            person = (domain.edition_of(page_of(card, self.env.docname)), card[PERSON_ATTR])
            if card.get(ENTRY_ATTR) != "card" or person not in talks:
                continue
            body = card.next_node(nodes.container) or card
            line = nodes.paragraph(classes=["roads-card-slots"])
            label = _("In the program:") + " "
            line += nodes.inline(label, label, classes=["roads-label"])
            for index, talk in enumerate(talks[person]):
                if index:
                    line += nodes.Text("; ")
                # no title: it would only repeat the link's text
                line += internal_link(
                    self, talk.docname, talk.anchor, nodes.inline(talk.summary, talk.summary)
                )
            body += line


#: environment -> person key -> the slots they speak in, for the build under way
_TALKS: weakref.WeakKeyDictionary[BuildEnvironment, dict[tuple[str, str], list[Talk]]] = (
    weakref.WeakKeyDictionary()
)


class ProgramDomain(StorageDomain):
    """What the pages were last written from, for the whole site: a digest of each
    person's slots (their cards) and of the site's programs (the home page's schema.org
    data). Found after every page is read (:func:`pages_to_rewrite`), in the main
    process: nothing per page to purge or merge."""

    name = "roads-program"
    label = "Workshop programs"
    initial_data: ClassVar[dict[str, Any]] = {
        "talks": {},  # (edition, person key) -> the slots they speak in
        "programs": [],  # every program of the site
        "summaries": {},  # what talks_by_person() keeps for the next build
    }
    per_page = ()  # build-wide: found anew after each read, in the main process
    data_version = 3  # 2: the talks and programs themselves, not digests; 3: summaries


def talks_fingerprints(talks: dict[tuple[str, str], list[Talk]]) -> dict[tuple[str, str], tuple[Talk, ...]]:
    """The talks themselves, compared with the last build's (no digest to make of them)."""
    return {key: tuple(found) for key, found in talks.items()}


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Cards whose slots changed are on pages that were not re-read: rewrite them."""
    stored = ProgramDomain.of(env).data
    old = stored["talks"]
    # every page is read by now: what each person speaks in, for LinkCardsToSlots
    # (kept beside the environment, not in it: it would be pickled with it)
    talks = _TALKS[env] = talks_by_person(env, stored.setdefault("summaries", {}))
    new = stored["talks"] = talks_fingerprints(talks)
    changed = {key for key in set(old) | set(new) if old.get(key) != new.get(key)}
    # the cards of these people, declared or named alone in a list
    pages = PeopleDomain.of(env).pages_showing(changed)
    # the home page describes the site's programs (add_event_json_ld): rewrite it when one changed
    # the records themselves: those of pages not re-read are the last build's very objects
    programs = [(r.docname, r.anchor, r.zone, r.event, r.program) for r in all_records(env) if r.program]
    if stored["programs"] != programs:
        stored["programs"] = programs
        pages = pages | {app.config.root_doc}
    return sorted(pages & set(env.found_docs))


class HtmlTimes(SphinxPostTransform):
    """``<time datetime="2023-06-08T08:30:00-07:00">`` for every time shown (HTML only)."""

    default_priority = 45
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        shown = formats(self.config)
        for node in marked_nodes(self.document, TIME_ATTR):
            times = node[TIME_ATTR]
            zone = Zone(node["roads_zone"])
            markup = RANGE_DASH.join(self.time_markup(value, label, zone, shown) for value, label in times)
            if isinstance(node, nodes.inline):
                node["classes"] = []  # replace_self would copy them onto a wrapper
                node.replace_self(nodes.raw("", markup, format="html"))
            else:
                # the line roads-times.js fills with the visitor's own time, there from the
                # start with its height reserved (roads.css), so that filling it moves nothing
                first = dt.datetime.fromisoformat(times[0][0])
                markup += f'<span class="roads-local-time"> {html.escape(zone.abbreviation(first))}</span>'
                node.children = []
                node += nodes.raw("", markup, format="html")
        for note in marked_nodes(self.document, ZONE_NOTE_ATTR):
            note += nodes.raw(
                "", f'<span class="roads-local-note"> {html.escape(_(LOCAL_NOTE))}</span>', format="html"
            )

    @staticmethod
    def time_markup(value: str, label: str, zone: Zone, shown: Formats) -> str:
        moment = dt.datetime.fromisoformat(value)
        where = zone.describe(moment, _("Anywhere on Earth"))
        title = f"{shown.date(moment.date())}, {label} {zone.abbreviation(moment)} ({where})"
        return (
            f'<time class="roads-time" datetime="{html.escape(value)}" '
            f'data-roads-zone="{html.escape(zone.name)}" title="{html.escape(title)}">'
            f"{html.escape(label)}</time>"
        )


def person_ld(app: Sphinx, name: str, docname: str, speaker: Speaker | None = None) -> dict[str, Any]:
    """A speaker or organizer, described as declared, or as the program writes them (a
    guest: the name, and the honorific and affiliation the program gives)."""
    declared = declared_person_json_ld(app, name, docname)  # the full name or a form only one person has
    if declared:
        return declared
    data: dict[str, Any] = {"@type": "Person", "name": name}
    if speaker is not None and speaker.honorific:
        data["honorificPrefix"] = speaker.honorific
    if speaker is not None and speaker.affiliation:
        data["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return data


def slot_json_ld(
    app: Sphinx, record: CalendarRecord, slot: Slot, location: dict[str, Any] | None
) -> dict[str, Any]:
    """A talk of the program as a schema.org ``Event``: its times, room, people and award."""
    zone, event = record.zone, record.event
    attendance, status = ATTENDANCE[event.attendance], STATUS[event.status]
    sub: dict[str, Any] = {
        "@type": "Event",
        "name": slot.heading,
        "startDate": slot.start_at(zone).isoformat(),
        "eventAttendanceMode": attendance,
        "eventStatus": status,
    }
    end = slot.end_at(zone)
    if end is not None:
        sub["endDate"] = end.isoformat()
    if slot.location:  # its room, in the venue
        sub["location"] = room_ld(slot.location, location)
    elif location:
        sub["location"] = location
    # speakers and panelists perform, a chair or moderator contributes (slot_roles.py);
    # the full description is in the event's own performer list, in this same
    # JSON-LD document, where nodes with one @id are one node
    sub.update(
        slot_people_ld(
            slot,
            lambda s: {
                key: value
                for key, value in person_ld(app, s.name, record.docname, s).items()
                if key in ("@type", "@id", "name")
            },
        )
    )
    if slot.abstract:
        sub["description"] = " ".join(slot.abstract.split())
    if slot.award:  # schema.org gives an award to a work, not to an event: to the work it features
        sub["workFeatured"] = {
            "@type": "CreativeWork",
            "name": slot.heading,
            "award": award_json_ld(slot.award),
        }
    slot_url = page_url(app, record.docname, f"{record.anchor}-{slot.slug}")
    if slot_url:
        sub["url"] = slot_url
    return sub


#: the talks of all the site's programs up to which the home page describes each one
#: whole; beyond, as a summary that points to its page, which describes it whole
HOME_PAGE_TALKS = 200


def event_json_ld(app: Sphinx, record: CalendarRecord, *, summary: bool = False) -> dict[str, Any]:
    """The workshop as a schema.org ``Event``, with a ``subEvent`` per talk and their
    performers (``summary``: without them)."""
    program, event, zone = record.program, record.event, record.zone
    slots = program.slots() if program else []
    first, last = slots[0], slots[-1]
    attendance, status = ATTENDANCE[event.attendance], STATUS[event.status]
    location: dict[str, Any] | None = None
    if event.location:
        location = {"@type": "Place", "name": event.location, "address": event.location}
    elif event.attendance == "online":
        location = {"@type": "VirtualLocation", "url": page_url(app, record.docname) or None}
    url = page_url(app, record.docname, record.anchor)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.name or app.config.project,
        "startDate": first.start_at(zone).isoformat(),
        "endDate": (last.end_at(zone) or last.start_at(zone)).isoformat(),
        "eventAttendanceMode": attendance,
        "eventStatus": status,
    }
    if url:
        data["url"] = url
    if location:
        data["location"] = location
    if event.part_of:
        data["superEvent"] = {"@type": "Event", "name": event.part_of}
        if event.part_of_url:
            data["superEvent"]["url"] = event.part_of_url
    if event.organizers:
        data["organizer"] = [person_ld(app, name, record.docname) for name, _ in event.organizers]
    if summary:
        return data
    performers: dict[str, dict[str, Any]] = {}
    sub_events = []
    for slot in slots:
        if not slot.is_talk:
            continue
        who = [person_ld(app, s.name, record.docname, s) for s in slot.speakers if not s.group]
        for person in who:
            performers.setdefault(person.get("@id", person["name"]), person)
        sub_events.append(slot_json_ld(app, record, slot, location))
    if performers:
        data["performer"] = list(performers.values())
    if sub_events:
        data["subEvent"] = sub_events
    return data


def add_event_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The page's programs as schema.org ``Event`` s; the home page, when it holds none,
    describes the site's programs (the workshop itself) with their own page's URLs."""
    if doctree is None:
        return
    found = records(app.env).get(pagename, [])
    summary = False
    if pagename == app.config.root_doc and not any(record.program for record in found):
        found = [record for record in all_records(app.env) if record.docname != pagename]
        # a conference's thousands of talks would be most of its home page, and remade
        # with it on every rebuild: there, each program points to its page
        talks = sum(slot.is_talk for record in found if record.program for slot in record.program.slots())
        summary = talks > HOME_PAGE_TALKS
    for record in found:
        if record.program is None or not record.program.slots():
            continue
        data = event_json_ld(app, record, summary=summary)
        context["metatags"] = context.get("metatags", "") + json_ld_script(data)


def check_organizers(app: Sphinx, env: BuildEnvironment) -> None:
    domain = PeopleDomain.of(env)
    for record in all_records(env):
        for name, line in record.event.organizers:
            if domain.find(name, record.docname).key is None:
                warn(
                    f"schedule: unknown organizer {name!r}{domain.suggestion(name, record.docname)}; declare them with a "
                    "speaker-card or committee",
                    RoadsWarning.SPEAKER,
                    (record.docname, line),
                )
