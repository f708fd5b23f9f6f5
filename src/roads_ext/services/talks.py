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


def talks_by_person(env: BuildEnvironment) -> dict[tuple[str, str], list[Talk]]:
    """(edition, person key) -> the slots they speak in, in program order: each speaker's
    name found as their reference in the slot is resolved in the program's edition
    (guests have no card)."""
    domain = PeopleDomain.of(env)
    found: dict[tuple[str, str], list[Talk]] = {}
    for record in all_records(env):
        edition = domain.edition_of(record.docname)
        for slot in record.program.slots() if record.program else []:
            talk = Talk(
                record.docname,
                f"{record.anchor}-{slot.slug}",
                slot_summary(record, slot, formats(env.config)),
            )
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
