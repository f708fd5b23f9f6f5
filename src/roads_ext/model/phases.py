"""The workshop's phases, from the dates the site already declares.

Knows nothing of Sphinx. The milestones are the submission deadline and the
notification (important dates, found by their labels) and the workshop's day (the
program's days, or an important date labelled as the workshop). The phase at any
moment follows from them:

=============== ==================================================================
``call-open``    before the submission deadline is over
``reviewing``    after it, before the notification
``accepted``     after the notification, while the site has no program
``program-out``  after the notification (or with no call dates) when the site has a program
``today``        on the workshop's day, in the venue's time zone
``held``         after the day
``announced``    before the day, when the site declares no call dates and no program
=============== ==================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .problems import did_you_mean

PHASES = ("announced", "call-open", "reviewing", "accepted", "program-out", "today", "held")
#: the milestones an author can name in ``roads_phase_dates``
MILESTONES = ("submission", "notification", "workshop")

_EXCLUDED = ("camera", "registration", "rebuttal", "review", "author response", "early")


def milestone_of(label: str) -> str | None:
    """Which milestone an important date's label names, read from its words:
    ``Paper submission`` / ``Submission deadline`` -> submission, ``Notification of
    acceptance`` / ``Author notification`` -> notification, ``Workshop day`` -> workshop.
    A camera-ready, registration or review date is none of them."""
    folded = " ".join(re.findall(r"[a-z]+", label.lower()))
    if any(word in folded for word in _EXCLUDED):
        return None
    if re.search(r"\b(notification|notifications|acceptance|decisions?)\b", folded):
        return "notification"
    if re.search(r"\b(submission|submissions|submit|due|deadline)\b", folded):
        return "submission"
    if re.search(r"\bworkshop\b", folded):
        return "workshop"
    return None


@dataclass(frozen=True)
class Milestones:
    """When the call closes, when authors are told, and the day (in the venue's zone)."""

    submission: dt.datetime | None = None  # the deadline is over (the call is closed)
    notification: dt.datetime | None = None  # the notification's day is over
    day_start: dt.datetime | None = None
    day_end: dt.datetime | None = None
    has_program: bool = False

    def boundaries(self) -> list[dt.datetime]:
        moments = {self.submission, self.notification, self.day_start, self.day_end}
        return sorted(moment for moment in moments if moment is not None)


def phase_at(now: dt.datetime, milestones: Milestones) -> str:
    """The phase at ``now`` (see the module's table)."""
    m = milestones
    if m.day_end is not None and now >= m.day_end:
        return "held"
    if m.day_start is not None and now >= m.day_start:
        return "today"
    if m.submission is not None and now < m.submission:
        return "call-open"
    if m.notification is not None and now < m.notification:
        return "reviewing"
    if m.has_program:
        return "program-out"
    if m.notification is not None:
        return "accepted"
    return "reviewing" if m.submission is not None else "announced"


def reachable(milestones: Milestones) -> list[str]:
    """The phases a site with these milestones is ever in, in order: the one before its
    first milestone and the one from each on (one phase for a site with none)."""
    boundaries = milestones.boundaries()
    first = boundaries[0] - dt.timedelta(microseconds=1) if boundaries else dt.datetime.now(dt.UTC)
    found = [phase_at(moment, milestones) for moment in [first, *boundaries]]
    return list(dict.fromkeys(found))


def changes_after(now: dt.datetime, milestones: Milestones) -> list[tuple[dt.datetime, str]]:
    """The changes of phase still to come after ``now``: ``[(moment, phase from then)]``.

    A page built now embeds them; a visitor's browser whose clock is past one shows
    the later phase, since the site is rebuilt only when somebody pushes."""
    changes = []
    current = phase_at(now, milestones)
    for moment in milestones.boundaries():
        if moment <= now:
            continue
        phase = phase_at(moment, milestones)
        if phase != current:
            changes.append((moment, phase))
            current = phase
    return changes


def parse_phases(text: str) -> tuple[tuple[str, ...], list[str]]:
    """``held`` or ``call-open, reviewing`` -> the phases, and what was wrong."""
    found: list[str] = []
    problems: list[str] = []
    for word in re.split(r"[\s,]+", text.strip().lower()):
        if not word:
            continue
        if word not in PHASES:
            problems.append(
                f"unknown phase {word!r}{did_you_mean(word, PHASES)}; the phases are {', '.join(PHASES)}"
            )
        elif word not in found:
            found.append(word)
    return tuple(found), problems
