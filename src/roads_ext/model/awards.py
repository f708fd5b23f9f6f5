"""Awards and highlights: the one vocabulary of a paper's ``award`` and a slot's ``- award:``.

Knows nothing of Sphinx. An award is one of :data:`AWARDS` (its key names its badge's
class, ``roads-badge-best-paper``); what organizers write for it is read by
:func:`read_award`: any case, ``-``/``_`` for spaces, US or UK spelling, a trailing
"award" or "prize", a plural, and a typo one or two letters off a known spelling. A
decision's badge (oral, spotlight, poster) is the same badge as the award of that name,
so a paper that is an oral and a slot with ``- award: oral`` look alike.
"""

from __future__ import annotations

import difflib
import re

from ..diagnostics import quoted
from .formats import N_

#: award key -> its badge's label, in the order badges are shown
AWARDS = {
    "best-paper": N_("Best paper"),
    "best-poster": N_("Best poster"),
    "best-student-paper": N_("Best student paper"),
    "honourable-mention": N_("Honourable mention"),
    "oral": N_("Oral"),
    "spotlight": N_("Spotlight"),
}

#: written words (folded: lower case, single spaces) -> award key
_SPELLINGS = {
    "best paper": "best-paper",
    "outstanding paper": "best-paper",
    "best poster": "best-poster",
    "best student paper": "best-student-paper",
    "honourable mention": "honourable-mention",
    "honorable mention": "honourable-mention",
    "honourable": "honourable-mention",
    "honorable": "honourable-mention",
    "hon mention": "honourable-mention",
    "mention": "honourable-mention",
    "oral": "oral",
    "contributed talk": "oral",
    "spotlight": "spotlight",
}

#: what a message lists as the words to write
WRITE = "best paper, best poster, best student paper, honourable mention, oral or spotlight"


def fold(word: str) -> str:
    """``Best-Paper Award!`` -> ``best paper``: lower case, words only, no trailing
    "award"/"prize", no plural."""
    words = re.findall(r"[a-z]+", word.lower().replace("_", " "))
    while words and words[-1] in ("award", "awards", "prize", "winner"):
        words.pop()
    if words and words[-1].endswith("s") and " ".join(words)[:-1] in _SPELLINGS:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def read_award(written: str) -> str | None:
    """The award key of what an organizer wrote (``Best Paper Award``, ``best-papr``,
    ``Honorable mention``), ``""`` for nothing written, or None for an unknown word."""
    folded = fold(written)
    if not folded:
        return "" if not written.strip() else None
    if folded in _SPELLINGS:
        return _SPELLINGS[folded]
    close = difflib.get_close_matches(folded, list(_SPELLINGS), n=1, cutoff=0.86)
    return _SPELLINGS[close[0]] if close else None


def award_label(key: str) -> str:
    """The badge's label of an award key (to translate), or ``""``."""
    return AWARDS.get(key, "")


def unknown_award(written: str) -> str:
    """The message for a word :func:`read_award` does not know: what to write instead."""
    close = difflib.get_close_matches(fold(written), list(_SPELLINGS), n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown award {quoted(written)}{hint}: write {WRITE}; it is left out"
