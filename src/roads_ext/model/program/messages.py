"""What the reader says when it cannot read a line, in the words an organizer needs:
what was wrong, what to write instead, and what is left out. Knows nothing of Sphinx."""

from __future__ import annotations

import re

from ...diagnostics import RoadsWarning
from ..pasted import clean_text
from ..problems import Problem
from .slots import PendingSlot

NO_DAY = (
    "no day for this slot: give the date after the directive name "
    "('```{schedule} June 8, 2023') or on a line of its own above the slots; this slot is left out"
)


def unreadable(text: str, offset: int) -> Problem:
    text = clean_text(text).replace("\n", " ")
    if re.match(r"^(?:\d|noon\b|midnight\b)", text, re.IGNORECASE):
        return Problem(
            offset,
            RoadsWarning.TIME,
            (
                f"cannot read the time at the start of {text!r}: write '8:30am-8:40am - Title' "
                "or '14:00-15:00 Title'; this line is left out"
            ),
        )
    return Problem(
        offset,
        RoadsWarning.TIME,
        (
            f"{text!r} starts with neither a time nor a date: a slot reads "
            "'8:30am-8:40am - Title (Speaker)', a day 'Thursday, June 8, 2023', a session heading "
            "'### Session 1: Invited Talks'; this line is left out"
        ),
    )


def html_problem(pending: PendingSlot, tags: list[str]) -> Problem:
    quoted = pending.text
    shown = " ".join(dict.fromkeys(tags))
    return Problem(
        pending.offset,
        RoadsWarning.HTML,
        (
            f"raw HTML in {quoted!r}: {shown} {'is' if len(set(tags)) == 1 else 'are'} shown as text, never run; "
            "write Markdown instead (**bold**, *italics*, [text](https://...)) or plain text"
        ),
    )
