"""The slots each person speaks in, across the site's programs: what a speaker's card
links to, and how an accepted paper names the slot it is presented in."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

from ..i18n import _, formats
from ..model.calendar import CalendarRecord
from ..model.formats import Formats
from ..model.program import Slot, kind_label
from .calendars import all_records
from .registry import PeopleDomain


def kind_shown(kind: str) -> str:
    """A slot kind's label in the site's language."""
    return _(kind_label(kind))


def heading_shown(slot: Slot) -> str:
    """What a slot is called on the page: its title, or its kind's label, translated."""
    return slot.title or kind_shown(slot.kind)


class Talk(NamedTuple):
    """A slot a person speaks in, as their card links to it."""

    docname: str
    anchor: str  # the slot's anchor on that page
    summary: str  # ``Keynote: Title, Thursday, June 8, 2023, 8:40 AM PDT``, in the site's language


#: (page, block anchor) -> (its record, the formats, its slots' summaries) as of the last build
SummaryCache = dict[tuple[str, str], tuple[CalendarRecord, tuple[str, str, bool], tuple[str, ...]]]


def talks_by_person(
    env: BuildEnvironment, cache: SummaryCache | None = None
) -> dict[tuple[str, str], list[Talk]]:
    """(edition, person key) -> the slots they speak in, in program order: each speaker's
    name found as their reference in the slot is resolved in the program's edition
    (guests have no card).

    ``cache``: the slots' summaries of the last build, kept in the environment. A record of
    a page not re-read is the very object it was then (the environment pickles it once),
    and its summaries are not made again (a date and time formatted per slot: 2,000 on the
    bench's large site, on every rebuild). Replaced by this build's."""
    domain = PeopleDomain.of(env)
    shown = formats(env.config)
    # the formats by name: a Babel locale pickled with the environment would bring its data
    shown_key = (str(shown.locale), shown.clock, shown.english)
    earlier = dict(cache or {})
    if cache is not None:
        cache.clear()
    found: dict[tuple[str, str], list[Talk]] = {}
    for record in all_records(env):
        edition = domain.edition_of(record.docname)
        slots = record.program.slots() if record.program else []
        kept = earlier.get((record.docname, record.anchor))
        if kept is not None and kept[0] is record and kept[1] == shown_key and len(kept[2]) == len(slots):
            summaries = kept[2]
        else:
            summaries = tuple(slot_summary(record, slot, shown) for slot in slots)
        if cache is not None:
            cache[record.docname, record.anchor] = (record, shown_key, summaries)
        for slot, summary in zip(slots, summaries, strict=True):
            talk = Talk(record.docname, f"{record.anchor}-{slot.slug}", summary)
            for speaker in slot.speakers:
                key = (
                    None if speaker.group else domain.find(" ".join(speaker.name.split()), record.docname).key
                )
                if key is not None:
                    found.setdefault((edition, key), []).append(talk)
    return found


def slot_summary(record: CalendarRecord, slot: Slot, shown: Formats) -> str:
    """``Keynote: Title, Thursday, June 8, 2023, 8:40 AM PDT`` (``Keynote, ...`` untitled)."""
    zone = record.zone.abbreviation(slot.start_at(record.zone))
    title = heading_shown(slot)
    if slot.show_kind and not slot.generic_title:  # as Slot.labelled_title, translated
        # TRANSLATORS: a slot's kind and its title, as "Keynote: Sparse networks"
        title = _("%(kind)s: %(title)s") % {"kind": kind_shown(slot.kind), "title": slot.title}
    return f"{title}, {shown.date(slot.date)}, {shown.time(slot.start)} {zone}"
