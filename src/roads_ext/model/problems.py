"""Something wrong in an author's input, as every reader of the model reports it.

Every parser of the model returns what it could read plus a list of :class:`Problem`;
nothing here raises to the author. The Sphinx side turns each into a located
``roads.<subtype>`` warning. Knows nothing of Sphinx.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from ..diagnostics import RoadsWarning


@dataclass(frozen=True, init=False)
class Problem:
    """One problem: where, its warning subtype, and a message that says what to write instead.

    ``offset`` is where its reader says: lines below the block's first line (a program,
    important dates), or a line of a file, 1-based, 0 for the file as a whole (accepted
    papers). ``subtype`` is always a :class:`RoadsWarning` member (a value given is taken
    as its member, for a caller outside the package)."""

    offset: int
    subtype: RoadsWarning
    message: str

    def __init__(self, offset: int, subtype: RoadsWarning | str, message: str) -> None:
        object.__setattr__(self, "offset", offset)
        object.__setattr__(self, "subtype", RoadsWarning.of(subtype))
        object.__setattr__(self, "message", message)

    @property
    def line(self) -> int:
        """A file reader's ``offset``: the line in the file, 1-based (0: the whole file)."""
        return self.offset


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
