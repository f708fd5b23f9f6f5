"""A program's live links (stream, video call, chat) and its materials, as a page shows them.

A slot's live links come from its details (``- stream: URL``, ``- call: URL``,
``- chat: URL``) or from the ``schedule`` directive's ``:live:`` option, one line per room
(``Hall A: stream https://...``; a line without a room is for every slot without a room of
its own, but breaks). They are :class:`~roads_ext.model.program.data.Link` s of kind
``live``, shown apart from the materials, in a line the script ``roads-live.js`` marks on
the workshop's day (the current and the next slot), and says before it when they open and
after it that they are closed. Without the script, they are always listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes

from ..core.marks import LIVE_PROGRAM_CLASS
from ..i18n import _
from ..model.formats import N_
from ..model.program import Program, Slot
from ..model.program.data import Link
from ..model.program.materials import LIVE, read_live_lines

#: kinds of slot a ``:live:`` line without a room leaves out: nothing is streamed in them
NOT_STREAMED = ("break", "lunch", "social")
#: the labels of live links, to translate
LIVE_LINK_LABELS = {"Stream": N_("Stream"), "Call": N_("Call"), "Chat": N_("Chat")}


def live_classes(program: Program) -> list[str]:
    """The program's block's class when a slot has live links: roads-live.js works on it."""
    return (
        [LIVE_PROGRAM_CLASS]
        if any(link.kind == LIVE for slot in program.slots() for link in slot.links)
        else []
    )


def live_lines(value: str | None) -> str:
    """The ``:live:`` option: its lines as written (one live link per line or per ``;``)."""
    return "\n".join(line.strip() for line in (value or "").strip().splitlines())


def add_room_links(program: Program, written: str, warn: Callable[[str, int], None]) -> None:
    """Give each slot the live links of its room (``:live:``); ``warn(message, line)`` says
    a line that is not one, or one for a room no slot is in (``line`` from the option's)."""
    links, problems = read_live_lines(written)
    for problem in problems:
        warn(problem.message, problem.offset)
    slots = program.slots()
    for link in links:
        room = " ".join(link.room.split()).casefold()
        if room:
            found = [slot for slot in slots if " ".join(slot.location.split()).casefold() == room]
        else:
            found = [slot for slot in slots if not slot.location and slot.kind not in NOT_STREAMED]
        if room and not found:
            rooms = sorted({slot.location for slot in slots if slot.location})
            known = f"the rooms are {', '.join(map(repr, rooms))}" if rooms else "no slot names a room"
            warn(
                f"live link for room {link.room!r} is for no slot: {known}; it is left out",
                link.line,
            )
        wrong = material_problem(Link(link.label, link.url, link.line, LIVE))
        if wrong:
            warn(
                f"{link.label.lower()} link {link.url!r} for {link.room or 'every room'!r} {wrong}; it is left out",
                link.line,
            )
            continue
        for slot in found:
            if not any(own.kind == LIVE and own.label == link.label for own in slot.links):
                slot.links.append(Link(link.label, link.url, slot.offset, LIVE))


def material_problem(link: Link) -> str | None:
    """Why a material or live link is none: it must be an ``http(s)://`` address."""
    if re.match(r"^\s*https?://[^\s/]", link.url, re.IGNORECASE):
        return None
    return "is not an http(s):// address: write the whole address, like 'https://example.org/slides.pdf'"


def live_paragraph(slot: Slot) -> nodes.paragraph | None:
    """The slot's live links, in a line of their own: ``Live: Stream · Call · Chat``."""
    live = [link for link in slot.links if link.kind == LIVE]
    if not live:
        return None
    line = nodes.paragraph(classes=["roads-slot-live"])
    label = _("Live:") + " "
    line += nodes.inline(label, label, classes=["roads-label"])
    links = nodes.inline(classes=["roads-live-links"])
    for index, link in enumerate(live):
        if index:
            links += nodes.Text(" · ")
        shown = _(LIVE_LINK_LABELS[link.label]) if link.label in LIVE_LINK_LABELS else link.label
        links += nodes.reference(
            shown, shown, refuri=link.url, classes=["roads-live-link", f"roads-live-{link.label.lower()}"]
        )
    line += links
    return line
