"""A program's data: its days and slots, as the reader leaves them. Knows nothing of Sphinx."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..dates import Zone
from ..pasted import Speaker
from ..problems import Problem
from .kinds import TALK_KINDS, kind_label, read_label


@dataclass(frozen=True)
class Link:
    """A slot's link: a material (``slides``, ``video``, ...) or, of ``kind`` ``"live"``, a
    live link (``stream``, ``call``, ``chat``) for the day itself."""

    label: str
    url: str
    offset: int
    kind: str = "material"  # "material" or "live"


@dataclass(frozen=True)
class PaperRef:
    """A paper a slot presents: ``- paper: <forum id or anchor>`` (resolved at write time)."""

    reference: str  # as written, without a leading ``#``
    offset: int
    board: str = ""  # its poster board in this session: ``- papers: aB3dE5fG7h (board 12)``


@dataclass
class Slot:
    offset: int
    date: dt.date
    start: dt.time
    end: dt.time | None
    title: str
    kind: str
    speakers: list[Speaker] = field(default_factory=list)
    abstract: str = ""
    abstract_offset: int = 0
    links: list[Link] = field(default_factory=list)
    papers: list[PaperRef] = field(default_factory=list)  # the accepted papers it presents
    award: str = ""  # ``- award: best paper``: an award key (model/awards.py)
    location: str = ""
    slug: str = ""  # the slot's anchor, unique in its program
    id_offset: int | None = None  # where an ``id`` detail set the slug
    end_implied: bool = False
    session: str = ""  # the session heading above it, if any
    track: str = ""  # its track, as a conference tool's export names it
    plain_abstract: bool = False  # an abstract from a tool's export: shown as text, not parsed
    ends_at_midnight: bool = False  # "23:00 - 24:00": ``end`` is 00:00 of the next day
    zoned: bool = False  # its times were written in UTC (or UTC+2, AoE) and converted exactly
    title_links: list[tuple[str, str]] = field(default_factory=list)  # (text, URL) in the title
    timed: bool = True  # False: written without a time; its times are its block's (or the gap it fills)
    in_block: bool = False  # written under its session's line, whose times it has
    qa: bool = False  # its label gives it questions and answers ("Invited Talk + Q&A")

    @property
    def heading(self) -> str:
        """What the slot is called: its title, or its kind's label."""
        return self.title or kind_label(self.kind)

    @property
    def generic_title(self) -> bool:
        """A title that only names the kind ("Keynote", "Coffee break", "Keynote #3")."""
        if not self.title:
            return True
        match = read_label(self.title)
        return bool(match and not match.rest and not match.handover)

    @property
    def show_kind(self) -> bool:
        """Whether to show the kind's label beside the title (not when it repeats it)."""
        label = kind_label(self.kind).lower().split()[0]
        return self.kind != "session" and label not in self.title.lower()

    @property
    def labelled_title(self) -> str:
        """``Keynote: Title``, or the heading alone where it already says the kind."""
        if self.show_kind and not self.generic_title:
            return f"{kind_label(self.kind)}: {self.title}"
        return self.heading

    def start_at(self, zone: Zone) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start, zone.tzinfo)

    def end_at(self, zone: Zone) -> dt.datetime | None:
        if self.end is None:
            return None
        date = self.date + dt.timedelta(days=1) if self.ends_at_midnight else self.date
        return dt.datetime.combine(date, self.end, zone.tzinfo)

    @property
    def is_talk(self) -> bool:
        return self.kind in TALK_KINDS


@dataclass
class Day:
    offset: int
    date: dt.date
    label: str = ""
    slots: list[Slot] = field(default_factory=list)
    latest: dt.time | None = None  # the latest time read so far, for 12-hour times without am/pm
    undated: bool = False  # a day whose date could not be read: its slots are left out, each named
    slots_told: bool = False  # its one warning said its slots are left out (a day without a year)


@dataclass
class Program:
    days: list[Day] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def slots(self) -> list[Slot]:
        return [slot for day in self.days for slot in day.slots]
