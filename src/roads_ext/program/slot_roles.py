"""Who a slot names, by role: its speakers (a panel's panelists: "Panelists: ..."), then
one line per other role as the program names it ("Chair: ...", "Moderator: ...",
"Q&A: ..."), and a slot whose label gives it questions and answers marked "Q&A". In
schema.org data (:func:`slot_people_ld`), speakers and panelists are the sub-event's
``performer`` s; a chair, moderator, host or the Q&A's lead is a ``contributor``, as a
``Role`` whose ``roleName`` is their role (schema.org's way of saying the part a person
plays in a property's value)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes

from ..i18n import _
from ..model.formats import N_
from ..model.pasted import Speaker
from ..model.program import Slot

#: a role's words as shown before its people (one person, several), translated (with the
#: language's colon); a role no entry names is shown as the program writes it, capitalized
ROLE_LABELS = {
    "panelist": (N_("Panelist:"), N_("Panelists:")),
    "chair": (N_("Chair:"), N_("Chairs:")),
    "co-chair": (N_("Co-chair:"), N_("Co-chairs:")),
    "moderator": (N_("Moderator:"), N_("Moderators:")),
    "host": (N_("Host:"), N_("Hosts:")),
    "discussant": (N_("Discussant:"), N_("Discussants:")),
    "q&a": (N_("Q&A:"), N_("Q&A:")),
}
#: the mark of a talk whose label gives it questions and answers ("Invited Talk + Q&A")
QA_MARK = N_("Q&A")


def role_groups(slot: Slot) -> list[tuple[str, list[Speaker]]]:
    """``(role, people)`` in the order the slot shows them: its speakers first (role
    ``""``, or ``"panelist"`` in a panel), then each other role as it first appears."""
    groups: dict[str, list[Speaker]] = {}
    for speaker in slot.speakers:
        role = speaker.role.lower()
        if not role and slot.kind == "panel" and not speaker.group:
            role = "panelist"
        groups.setdefault(role, []).append(speaker)
    presenting = [role for role in ("", "panelist") if role in groups]
    return [(role, groups[role]) for role in (*presenting, *(r for r in groups if r not in presenting))]


def role_label(role: str, count: int) -> str:
    if role in ROLE_LABELS:
        one, several = ROLE_LABELS[role]
        return _(several) if count > 1 else _(one)
    return role[:1].upper() + role[1:] + ":"


def people_lines(slot: Slot, person: Callable[[Speaker], nodes.Node]) -> list[nodes.paragraph]:
    """A line per role: ``Ada Lovelace (Harvard)``, ``Panelists: A, B``, ``Moderator: C``;
    ``person`` makes a speaker's node (a reference to their card, or a guest's name)."""
    lines = []
    for role, people in role_groups(slot):
        line = nodes.paragraph(
            classes=["roads-slot-speakers"] + ([f"roads-slot-{_css(role)}"] if role else [])
        )
        if role:
            label = role_label(role, len(people)) + " "
            line += nodes.inline(label, label, classes=["roads-role"])
        for index, speaker in enumerate(people):
            if index:
                line += nodes.Text(", ")
            if speaker.group:
                line += nodes.inline(speaker.name, speaker.name, classes=["roads-group"])
            else:
                line += person(speaker)
            if speaker.affiliation:
                shown = f" ({speaker.affiliation})"
                line += nodes.inline(shown, shown, classes=["roads-affiliation"])
        lines.append(line)
    return lines


def qa_mark(slot: Slot) -> list[nodes.Node]:
    """`` Q&A`` after a talk's title whose label gives it questions and answers."""
    if not slot.qa:
        return []
    mark = _(QA_MARK)
    return [nodes.Text(" "), nodes.inline(mark, mark, classes=["roads-kind", "roads-qa"])]


def slot_people_ld(slot: Slot, described: Callable[[Speaker], dict[str, Any]]) -> dict[str, Any]:
    """A sub-event's ``performer`` (speakers, panelists) and ``contributor`` (everyone
    in another role, each a ``Role`` with its ``roleName``); ``described`` gives a
    person's short description (a reference to the full one)."""
    data: dict[str, Any] = {}
    for role, people in role_groups(slot):
        who = [described(speaker) for speaker in people if not speaker.group]
        if not who:
            continue
        if role in ("", "panelist"):
            data.setdefault("performer", []).extend(who)
        else:
            data.setdefault("contributor", []).extend(
                {"@type": "Role", "roleName": role, "contributor": one} for one in who
            )
    return data


def _css(role: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in role).strip("-") or "role"
