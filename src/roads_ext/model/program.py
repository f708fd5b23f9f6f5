"""A workshop program, read from the lines an organizer pastes. Knows nothing of Sphinx.

Programs are read as they are published, in any of the forms workshop sites use::

    ## Schedule (Thursday, June 8)
    * 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
    * 8:40am-9:40am - Keynote #1: Prof. Jane Doe (Harvard)
    * 9:40am-10:05am - Invited Talk: John Roe
    `A Title on the Line Below`
      - slides: https://example.org/slides.pdf

    | Time | Event |
    |---|---|
    | 9:00 - 9:40 | **Keynote: Title**<br>*Jane Doe (MIT)* |

    Start,End,Title,Speaker,Affiliation      (CSV, inline or from a file)

:func:`program_lines` brings every form (a list with any bullet or none, Markdown pipe
tables, tab-separated cells, CSV) to one shape, :class:`Line`; :func:`parse_program`
groups a slot's first line with the lines that belong to it (a title in backticks, quotes
or italics below it, ``- key: value`` details) and :func:`read_parts` tells the title, the
kind (from the slot's label: ``Keynote #1``, ``Invited Talk -``, ``Lunch (Ballroom A)``),
the speakers (``Name (Affiliation)``, ``Name, University``, honorifics left out, nicknames
kept) and the room apart. Times without am/pm are read as a person would (``12:30 - 2:00``
is a lunch); a day without a year takes the workshop's (``workshop_date``); session
headings group the slots below them; ``17:50 Finish`` ends the day.

Problems come back as :class:`~roads_ext.model.dates.Problem` with a line offset: one per
line that cannot be read, saying what to write instead.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from .dates import (
    TIME_PATTERN,
    ClockTime,
    Problem,
    Zone,
    abbreviation_zone,
    clock_from_groups,
    date_in_year,
    did_you_mean,
    format_time,
    looks_like_date,
    match_date,
    match_date_without_year,
    parse_date,
    utc_offset,
)
from .formats import N_
from .pasted import (
    HONORIFICS,
    Speaker,
    clean_text,
    html_tags,
    leading_mark,
    looks_like_room,
    markdown_links,
    read_people,
    split_outside_parentheses,
    split_speakers,
    trailing_parenthesis,
    unmark,
)

# --- kinds of slot ------------------------------------------------------------------

#: kind -> (label shown, words an author may write for it)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "opening": (
        N_("Opening"),
        (
            "opening",
            "opening remarks",
            "welcome",
            "welcome and opening remarks",
            "introduction",
            "intro",
            "welcome remarks",
            "introductory remarks",
        ),
    ),
    "keynote": (
        N_("Keynote"),
        (
            "keynote",
            "keynote talk",
            "keynote speech",
            "keynote address",
            "keynote speaker",
            "keynote lecture",
            "keynotes",
            "plenary",
            "plenary talk",
        ),
    ),
    "invited": (
        N_("Invited talk"),
        ("invited talk", "invited", "invited speaker", "invited talks", "invited lecture", "talk"),
    ),
    "contributed": (
        N_("Contributed talk"),
        (
            "contributed talk",
            "contributed talks",
            "contributed",
            "oral",
            "orals",
            "oral talk",
            "oral talks",
            "oral presentation",
            "oral presentations",
            "oral session",
            "spotlight",
            "spotlights",
            "spotlight talk",
            "spotlight talks",
            "spotlight session",
            "lightning talks",
            "paper presentations",
            "paper talks",
            "accepted papers",
            "contributed papers",
            "best paper talk",
        ),
    ),
    "panel": (
        N_("Panel"),
        (
            "panel",
            "panel discussion",
            "panels",
            "discussion",
            "panel session",
            "round table",
            "roundtable",
            "fireside chat",
        ),
    ),
    "poster": (N_("Poster session"), ("poster session", "posters", "poster", "poster sessions")),
    "break": (
        N_("Break"),
        (
            "break",
            "coffee break",
            "coffee",
            "tea break",
            "coffee and tea",
            "breakfast",
            "registration",
            "afternoon break",
            "morning break",
        ),
    ),
    "lunch": (N_("Lunch"), ("lunch", "lunch break")),
    "social": (N_("Social"), ("social", "reception", "dinner", "networking", "happy hour", "socialize")),
    "closing": (
        N_("Closing"),
        (
            "closing",
            "closing remarks",
            "concluding remarks",
            "awards and closing",
            "awards",
            "closing session",
            "closing and awards",
            "wrap-up",
            "wrap up",
            "conclusion",
            "conclusions",
        ),
    ),
    "session": (N_("Session"), ("session",)),
}
#: kinds whose slots are talks (a schema.org sub-event each, speakers as performers)
TALK_KINDS = ("keynote", "invited", "contributed", "panel", "poster", "session")
_ALIASES = {alias: kind for kind, (_, aliases) in KINDS.items() for alias in aliases}
#: the kinds' words, longest first: a label is the longest of them that begins a slot's text
#: (looked up word by word: one regular expression of them all took 30 ms to compile)
_ALIASES_LONGEST = sorted(_ALIASES, key=len, reverse=True)
_FIRST_LETTERS = re.compile(r"[a-z]+")
#: the first word's letters -> the kinds' words that begin with it, longest first
_ALIASES_BY_FIRST: dict[str, list[str]] = {}
for _alias in _ALIASES_LONGEST:
    _ALIASES_BY_FIRST.setdefault(_alias.split()[0].split("-")[0], []).append(_alias)
#: a numbered label as programs write it: ``Keynote #3``, ``Oral Talk 1``, ``Poster Session II``
_NUMBER = r"(?:\s*#\s*\d+|\s+\d+[a-z]?|\s+(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\b)"
#: what follows a kind's label: its number, then a separator and the rest of the text
_AFTER_LABEL = re.compile(
    rf"(?P<number>{_NUMBER})?(?:\s*[:–—]\s*|\s+-+\s+|\s*(?=\()|\s*$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: what follows a kind's words at the start of a title: ``Coffee Break and Socialize``, ``Lunch Break``
_AFTER_KIND_WORDS = re.compile(
    rf"{_NUMBER}?(?:\s*$|\s*[&/+:(–—-]|\s+(?:and|with|from|by|&)\b)", re.IGNORECASE
)


class Label(NamedTuple):
    """A kind's label at the start of a slot's text: ``Keynote #1`` in ``Keynote #1: Jane Doe``."""

    label: str  # as written, with its number
    alias: str  # the kind's words, lower case
    rest: str  # what follows the separator


def _aliases_for(folded: str) -> list[str]:
    first = _FIRST_LETTERS.match(folded)
    return _ALIASES_BY_FIRST.get(first.group(), []) if first else []


def match_label(text: str) -> Label | None:
    folded = text.lower()
    for alias in _aliases_for(folded):
        if folded.startswith(alias):
            after = _AFTER_LABEL.match(text, len(alias))
            if after:
                return Label(text[: len(alias)] + (after.group("number") or ""), alias, after.group("rest"))
    return None


#: a last line that closes the day: ``17:50 Finish``, ``End``
END_WORDS = (
    "end",
    "finish",
    "the end",
    "end of workshop",
    "end of the workshop",
    "end of day",
    "end of the day",
    "workshop ends",
    "adjourn",
    "adjournment",
    "close",
    "workshop closes",
)
#: headings that name the program itself, not a session in it
PROGRAM_WORDS = (
    "schedule",
    "program",
    "programme",
    "agenda",
    "tentative schedule",
    "final schedule",
    "workshop schedule",
    "workshop program",
    "workshop programme",
    "tentative program",
    "final program",
    "timetable",
)

DETAIL_KEYS = (
    "abstract",
    "speakers",
    "kind",
    "slides",
    "video",
    "paper",
    "papers",
    "code",
    "poster",
    "link",
    "location",
    "id",
)
#: a paper of the accepted-papers list, named by its forum id or its anchor (``paper-...``)
PAPER_REFERENCE = re.compile(r"^#?[A-Za-z0-9_~-]{1,80}$")


def kind_label(kind: str) -> str:
    return KINDS.get(kind, (kind.title(), ()))[0]


def read_kind(word: str) -> tuple[str | None, str | None]:
    """``(kind, None)`` for a known kind or alias, else ``(None, why)``."""
    folded = " ".join(word.lower().split())
    if folded in KINDS:
        return folded, None
    if folded in _ALIASES:
        return _ALIASES[folded], None
    hint = did_you_mean(folded, [*KINDS, *_ALIASES])
    return None, f"unknown slot kind {word!r}{hint}; the kinds are {', '.join(KINDS)}"


def kind_of_words(title: str) -> str | None:
    """The kind a title names by its first words (``Lunch Break``, ``Welcome and Opening
    Remarks``), or None. Words later in a title never count: ``Closing the Gap`` is a talk."""
    title = title.strip()
    folded = title.lower()
    for alias in _aliases_for(folded):
        if folded.startswith(alias) and _AFTER_KIND_WORDS.match(title, len(alias)):
            return _ALIASES[alias]
    return None


# --- the data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    offset: int


@dataclass(frozen=True)
class PaperRef:
    """A paper a slot presents: ``- paper: <forum id or anchor>`` (resolved at write time)."""

    reference: str  # as written, without a leading ``#``
    offset: int


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
    location: str = ""
    slug: str = ""  # the slot's anchor, unique in its program
    id_offset: int | None = None  # where an ``id`` detail set the slug
    end_implied: bool = False
    session: str = ""  # the session heading above it, if any
    ends_at_midnight: bool = False  # "23:00 - 24:00": ``end`` is 00:00 of the next day
    zoned: bool = False  # its times were written in UTC (or UTC+2, AoE) and converted exactly
    title_links: list[tuple[str, str]] = field(default_factory=list)  # (text, URL) in the title

    @property
    def heading(self) -> str:
        """What the slot is called: its title, or its kind's label."""
        return self.title or kind_label(self.kind)

    @property
    def generic_title(self) -> bool:
        """A title that only names the kind ("Keynote", "Coffee break", "Keynote #3")."""
        if not self.title:
            return True
        match = match_label(self.title)
        return bool(match and not match.rest)

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


# --- reading ----------------------------------------------------------------------------

_T_START = TIME_PATTERN.format(p="s_")
_T_END = TIME_PATTERN.format(p="e_")
_RANGE = r"\s*(?:--|-|–|—|−|~|to|until)\s*"
#: zone abbreviations programs write after a time (upper case only: "ET" is no word of a title)
ZONE_ABBREVIATIONS = (
    "PT",
    "PST",
    "PDT",
    "MT",
    "MST",
    "MDT",
    "CT",
    "CST",
    "CDT",
    "ET",
    "EST",
    "EDT",
    "AKT",
    "AKST",
    "AKDT",
    "HT",
    "HST",
    "BST",
    "IST",
    "WET",
    "WEST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "JST",
    "KST",
    "HKT",
    "SGT",
    "AEST",
    "AEDT",
    "ACST",
    "ACDT",
    "AWST",
    "NZST",
    "NZDT",
)
_ZONE_WORD = (
    r"(?:(?:UTC|GMT)(?:[+−-]\d{{1,2}}(?::?\d{{2}})?)?(?![\w+−-])|AoE\b|(?-i:(?:"
    + "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True))
    + r")\b))"
)
#: a zone written after a time: "9:00 PT", "13:00 UTC+2", "(PT)"
_ZONE_AFTER = r"(?:\s*\(\s*(?P<{p}zone_p>" + _ZONE_WORD + r")\s*\)|\s+(?P<{p}zone>" + _ZONE_WORD + r"))"
_Z_START = _ZONE_AFTER.format(p="s_")
_Z_END = _ZONE_AFTER.format(p="e_")
_SLOT = re.compile(
    rf"^(?P<start>{_T_START})(?:{_Z_START})?(?:{_RANGE}(?P<end>{_T_END})(?:{_Z_END})?)?"
    r"(?:\s*[-–—:|]\s+|\s*[-–—:|]$|\s*\t\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TIME_ONLY = re.compile(
    rf"^(?P<start>{_T_START})(?:{_Z_START})?(?:{_RANGE}(?P<end>{_T_END})(?:{_Z_END})?)?\s*[:.]?$",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b12(?::00)?\s*(noon|midnight)\b", re.IGNORECASE)


def times_as_read(text: str) -> str:
    """``12 noon`` is ``noon``, ``12 midnight`` ``midnight``: one time, not a time and a title."""
    return _NOON.sub(r"\1", text) if "12" in text else text


_BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>(?:[-*+•]|\d+[.)])\s+)?(?P<text>.*)$")
_DETAIL = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,19}):(?:\s+(?P<value>.*))?$")
_PREFIX = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z &/-]{0,40}?)(?:\s+#?\d+)?\s*:\s+(?P<title>.+)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
#: a table's or a CSV file's column names, and what each column holds
COLUMNS = {
    "time": "time",
    "times": "time",
    "when": "time",
    "start": "start",
    "begin": "start",
    "from": "start",
    "start time": "start",
    "end": "end",
    "until": "end",
    "to": "end",
    "end time": "end",
    "title": "title",
    "event": "title",
    "session": "title",
    "talk": "title",
    "topic": "title",
    "activity": "title",
    "program": "title",
    "programme": "title",
    "what": "title",
    "item": "title",
    "agenda": "title",
    "description": "title",
    "speaker": "speakers",
    "speakers": "speakers",
    "presenter": "speakers",
    "presenters": "speakers",
    "who": "speakers",
    "author": "speakers",
    "authors": "speakers",
    "speaker(s)": "speakers",
    "affiliation": "affiliation",
    "institution": "affiliation",
    "organization": "affiliation",
    "kind": "kind",
    "type": "kind",
    "room": "location",
    "location": "location",
    "where": "location",
    "abstract": "abstract",
}


def column_name(cell: str) -> str | None:
    """What a header cell names (``Time (New Orleans)`` -> ``time``), or None."""
    words = re.sub(r"\(.*?\)", "", clean_text(cell)).strip().strip("*:").lower()
    return COLUMNS.get(words)


def slugify(text: str, fallback: str = "slot") -> str:
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    return "-".join(words[:6]) or fallback


def find_date(text: str) -> tuple[int, int] | None:
    """Where a date is written in ``text``: ``(start, end)`` of the first one."""
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        match, _ = match_date(text[boundary.start() :])
        if match:
            return boundary.start(), boundary.start() + match.end()
    return None


def find_date_without_year(text: str) -> re.Match | None:
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        match = match_date_without_year(text[boundary.start() :])
        if match:
            return match
    return None


def _unquote(title: str) -> str:
    inner, mark = unmark(title)
    return inner if mark and mark not in "*_" else title.strip()


@dataclass
class Reading:
    """What one slot's text says, once every part of it is read."""

    title: str = ""
    label: str = ""  # "Keynote #1": the kind's label as written
    kind: str | None = None
    speakers: list[Speaker] = field(default_factory=list)
    location: str = ""
    marked: bool = False  # the title was set off (quotes, backticks, italics): a talk's title
    links: list[tuple[str, str]] = field(default_factory=list)  # Markdown links in the text: (text, URL)


def read_parts(
    rest: str, offset: int, problems: list[Problem], extras: tuple[str, ...] = (), speakers_text: str = ""
) -> Reading:
    """Read a slot's text: its first line (``rest``), the lines below it that belong to it
    (``extras``: a title in backticks, ``<br>`` parts of a table cell, further cells) and a
    table's speaker column (``speakers_text``)."""
    reading = Reading()
    as_written = [rest, *extras, speakers_text]
    reading.links = [link for part in as_written for link in markdown_links(part)]
    dropped = [tag for part in as_written for tag in html_tags(part)[0]]
    shown = [tag for part in as_written for tag in html_tags(part)[1]]
    if dropped or shown:
        quoted = " ".join(" ".join(part.split()) for part in as_written if part.strip())
        what = []
        if dropped:
            what.append(
                f"{' '.join(dict.fromkeys(dropped))} {'is' if len(set(dropped)) == 1 else 'are'} left out"
            )
        if shown:
            what.append(
                f"{' '.join(dict.fromkeys(shown))} {'is' if len(set(shown)) == 1 else 'are'} shown as text"
            )
        problems.append(
            Problem(
                offset,
                "html",
                (
                    f"raw HTML in {quoted!r}: {' and '.join(what)}, never run; write Markdown instead "
                    "(**bold**, *italics*, [text](https://...)) or plain text"
                ),
            )
        )
    lines = [part for part in clean_text(rest).split("\n") if part.strip()]
    head = lines[0] if lines else ""
    more = [*lines[1:], *(part for extra in extras for part in clean_text(extra).split("\n") if part.strip())]

    # -- the kind's label: "Keynote #1:", "Invited Talk -", "Lunch (Ballroom A)", "Oral Talk 1"
    label = match_label(head)
    if label:
        reading.label = " ".join(label.label.split())
        reading.kind = _ALIASES[label.alias]
        head = label.rest.strip()
    else:
        prefix = _PREFIX.match(head)
        if (
            prefix
            and len(prefix.group("prefix").split()) <= 4
            and difflib.get_close_matches(
                " ".join(prefix.group("prefix").lower().split()), list(_ALIASES), n=1, cutoff=0.8
            )
        ):
            # a near miss of a kind ("Keynot:"); other words before a colon are the title's
            why = read_kind(prefix.group("prefix"))[1]
            problems.append(Problem(offset, "kind", why or f"unknown kind {prefix.group('prefix')!r}"))

    # -- a room or the speakers in a parenthesis at the end: "(Ballroom A)", "(Jane Doe, MIT)"
    trailing = trailing_parenthesis(head)
    lead = leading_mark(head)
    if (
        trailing
        and lead
        and lead[2]
        and read_people(re.sub(r"^(?:[-–—:|,]+\s*)+|^by\s+", "", lead[2]), lenient=True)
    ):
        trailing = None  # '"Title" - Jane Doe (Aff), John Roe (Aff)': each affiliation stays with its speaker
    elif (
        trailing
        and len(pieces := split_outside_parentheses(head, r"\s+[-–—]+\s+")) == 2
        and read_people(pieces[1])
        and not read_people(pieces[0])
    ):
        trailing = None  # 'Title - Jane Doe (Aff), John Roe (Aff)'
    if trailing and trailing[1]:
        before, inside = trailing
        if looks_like_room(inside):
            reading.location, head = inside, before
        elif not re.search(r"\d", inside) and not (before and read_people(before)):
            # "Jane Doe (Harvard)": an affiliation, read with the name below
            people = read_people(inside, lenient=True)
            if people:
                reading.speakers, head = people, before

    # -- the rest of the first line: a title, people, or "Title - People" / "People - Title"
    title, speakers, marked = _title_and_people(head, bool(reading.label), bool(more) or bool(speakers_text))
    if speakers:
        reading.speakers = [*reading.speakers, *speakers]
    if reading.label and title.startswith("("):
        title = f"{reading.label} {title}"  # "Lunch (on your own)"
    reading.title, reading.marked = title, marked

    # -- the lines below: a title in backticks or quotes, speakers in italics, a room
    for part in more:
        _read_more(reading, part)
    if speakers_text.strip():
        written = clean_text(speakers_text).replace("\n", ", ")
        # a speaker column that names no one readable is shown as written, never dropped
        reading.speakers.extend(read_people(written, lenient=True) or [Speaker(written, group=True)])
    if not reading.title:
        reading.title = reading.label

    # -- the kind: from the label; else from the first words of an unmarked title without speakers
    if reading.kind is None and not reading.marked and not any(not s.group for s in reading.speakers):
        reading.kind = kind_of_words(reading.title)
    return reading


def _title_and_people(text: str, labelled: bool, more_below: bool) -> tuple[str, list[Speaker] | None, bool]:
    """Tell a talk's title from the people in ``text``: ``"Title", Jane Doe, University``,
    ``*Title* - Jane Doe (Aff)``, ``Jane Doe - "Title"``, ``Jane Doe`` after a label."""
    text = text.strip().strip("-–—:|,").strip()
    if not text:
        return "", None, False
    whole, mark = unmark(text)
    if mark:
        return whole, None, True
    lead = leading_mark(text)
    if lead and lead[2]:
        inside, mark, after = lead
        after = re.sub(r"^(?:[-–—:|,]+\s*)+|^by\s+", "", after).strip()
        people = read_people(after, lenient=True) if after else None
        if people:
            return inside, people, True
    # "Title, *Jane Doe, John Roe*": people set off in italics after the title
    italics = re.match(r"^(?P<title>.+?)\s*(?:,|[-–—]+)\s*(?P<people>\*[^*]+\*|_[^_]+_)$", text)
    if italics and (people := read_people(italics.group("people")[1:-1], lenient=True)):
        return italics.group("title"), people, False
    # "Title - Jane Doe (Aff)" or "Jane Doe - "Title""
    for separator in (r"\s+[-–—]+\s+", r"\s*\|\s*", r",\s+"):
        pieces = split_outside_parentheses(text, separator)
        if len(pieces) < 2:
            continue
        if separator == r",\s+":
            continue
        first, remainder = pieces[0], " - ".join(pieces[1:])
        inner, mark = unmark(remainder)
        people_after = read_people(inner, lenient=True) if mark in ("*", "_") else read_people(remainder)
        if people_after and not read_people(first):
            inner, mark = unmark(first)
            return inner, people_after, bool(mark)
        people_before = read_people(first)
        inner, mark = unmark(remainder)
        if people_before and mark:
            return inner, people_before, True
    # a label, then people only: "Keynote #1: Prof. Jane Doe (Harvard)", "Invited Talk: Jane Doe"
    if labelled or more_below or HONORIFICS.match(text):
        people = read_people(text)
        if people and not any(s.group for s in people):
            return "", people, False
    return text, None, False


def _read_more(reading: Reading, part: str) -> None:
    """One line below a slot's first, or one part of its table cell."""
    inner, mark = unmark(part)
    people = read_people(inner, lenient=mark in "*_" and bool(mark))
    if (mark and mark not in "*_") or (mark and not people):
        # a title set off in backticks or quotes (or italics that name no one)
        if (
            reading.title
            and reading.title != reading.label
            and not reading.speakers
            and read_people(reading.title)
        ):
            reading.speakers = read_people(reading.title) or []
            reading.title = ""
        if not reading.title or reading.title == reading.label:
            reading.title, reading.marked = inner, True
        else:
            reading.title = f"{reading.title}: {inner}"
        return
    if people:
        reading.speakers.extend(people)
        return
    trailing = trailing_parenthesis(inner)
    if looks_like_room(inner) and (trailing is None or not trailing[0]):
        reading.location = inner.strip("()")
        return
    if not reading.title or reading.title == reading.label:
        reading.title = inner
    else:
        reading.title = f"{reading.title} · {inner}"


def _session_kind(heading: str) -> str | None:
    """The kind a session heading gives its talks: ``Session 1: Invited Talks`` -> invited."""
    text = re.sub(r"^(?:session|part|block)\s*#?\s*\w{0,3}\s*[:.–—-]\s*", "", heading, flags=re.IGNORECASE)
    kind = kind_of_words(text)
    if kind is None:
        # the kind's words anywhere in the heading: "Morning Keynotes", "Contributed Talks"
        words = f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "
        kind = next(
            (
                _ALIASES[alias]
                for alias in _ALIASES_LONGEST
                if f" {alias} " in words or f" {alias}s " in words
            ),
            None,
        )
    return kind if kind in TALK_KINDS and kind != "session" else None


# --- the lines of a program, whatever form they were pasted in ------------------------------


@dataclass
class Line:
    """One line of the program, in a common shape: a list line's text, or a table's cells."""

    offset: int
    indent: int = 0
    bullet: bool = False
    text: str = ""
    cells: list[str] | None = None  # a Markdown table row, a tab-separated line, a CSV record
    columns: list[str | None] | None = None  # what each cell holds, from the header
    heading: bool = False  # "### Session 1", "**Morning session**"


def program_lines(lines: list[str], csv_text: bool = False) -> list[Line]:
    """The program's lines as :class:`Line` s, whatever form they were pasted in:
    a list (any bullet, or none), Markdown pipe tables (header and ``|---|`` rows read
    for what each column holds), tab-separated lines, or CSV with a header row."""
    result: list[Line] = []
    columns: list[str | None] | None = None
    first = next((line for line in lines if line.strip()), "")
    if csv_text or _csv_header(first):
        return _csv_lines(lines)
    in_table = False
    tab_columns: list[str | None] | None = None  # the header of tab-separated lines
    for offset, raw in enumerate(lines):
        if not raw.strip():
            in_table = False
            continue
        stripped = raw.strip()
        if stripped.startswith("|") or (in_table and "|" in stripped):
            if _TABLE_RULE.match(stripped.replace(" ", "")):
                in_table = True
                continue
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            names = [column_name(cell) for cell in cells]
            if (
                not in_table
                and not any(_cell_time(cell) for cell in cells)
                and not (find_date(" ".join(cells)) or find_date_without_year(" ".join(cells)))
            ):
                # the header row: what each column holds ("Time (New Orleans)", "Speaker")
                columns = names
                in_table = True
                continue
            in_table = True
            result.append(Line(offset, 0, False, stripped, cells, columns))
            continue
        in_table = False
        columns = None
        parts = _BULLET.match(raw.rstrip())
        assert parts is not None  # the pattern matches any line
        indent = len(parts.group("indent").expandtabs())
        text = parts.group("text")
        if "\t" in text.strip():
            cells = [cell.strip() for cell in text.strip().split("\t")]
            names = [column_name(cell) for cell in cells]
            if all(names) and any(name in ("time", "start") for name in names):
                tab_columns = names  # a header row copied with the table: "Time, Speaker, Title, Room"
                continue
            result.append(Line(offset, indent, bool(parts.group("bullet")), text, cells, tab_columns))
            continue
        tab_columns = None
        heading = bool(re.match(r"^#{1,6}\s", text)) or bool(
            re.fullmatch(r"\*\*[^*].*\*\*:?|__[^_].*__:?", text.strip())
        )
        result.append(Line(offset, indent, bool(parts.group("bullet")), text, heading=heading))
    return result


def _csv_header(line: str) -> bool:
    import csv

    if "," not in line:
        return False
    cells = next(csv.reader([line.strip()]), [])
    names = [column_name(cell) for cell in cells]
    return len(cells) >= 2 and all(names) and any(n in ("time", "start") for n in names)


def _csv_lines(lines: list[str]) -> list[Line]:
    import csv

    result: list[Line] = []
    columns: list[str | None] | None = None
    for offset, raw in enumerate(lines):
        if not raw.strip():
            continue
        cells = [cell.strip() for cell in next(csv.reader([raw.strip()]), [])]
        if columns is None and _csv_header(raw):
            columns = [column_name(cell) for cell in cells]
            continue
        result.append(Line(offset, 0, False, raw.strip(), cells, columns))
    return result


def _cell_time(cell: str) -> re.Match | None:
    return _TIME_ONLY.match(times_as_read(clean_text(cell).strip("*_ ")))


def _from_cells(line: Line) -> tuple[str, str, tuple[str, ...], str, str, str]:
    """A table row or CSV record -> ``(time text, first text, more texts, speakers,
    location, abstract)``; the time text is empty when no cell holds a time."""
    cells = line.cells or []
    columns = list(line.columns or [])
    columns += [None] * (len(cells) - len(columns))
    time = ""
    start = end = ""
    texts: list[str] = []
    speakers, affiliation, kind, location, abstract = [], "", "", "", ""
    for cell, column in zip(cells, columns, strict=False):
        if not cell.strip():
            continue
        if column == "start":
            start = clean_text(cell)
        elif column == "end":
            end = clean_text(cell)
        elif column == "speakers":
            speakers.append(cell)
        elif column == "affiliation":
            affiliation = clean_text(cell)
        elif column == "kind":
            kind = clean_text(cell)
        elif column == "location":
            location = clean_text(cell)
        elif column == "abstract":
            abstract = " ".join(clean_text(cell).split())
        elif not time and not start and _cell_time(cell):
            time = clean_text(cell).strip("*_ ").rstrip(":.")
        else:
            texts.append(cell)
    if start:
        time = f"{start}-{end}" if end else start
    people = "; ".join(speakers)
    if people and affiliation:
        people = f"{people} ({affiliation})"
    first = texts[0] if texts else ""
    if kind:
        first = f"{kind}: {first}" if first else kind
    return time, first, tuple(texts[1:]), people, location, abstract


def parse_program(
    lines: list[str],
    first_day: dt.date | None = None,
    workshop_date: dt.date | None = None,
    csv_text: bool = False,
    zone: Zone | None = None,
) -> Program:
    """Read the program's lines (the directive's body, or a file's). Never raises.

    ``workshop_date`` (the site's ``roads_workshop_date``) gives the year of a day
    written without one (``Schedule (Thursday, June 8)``).
    """
    program = Program()
    problems = program.problems
    day: Day | None = Day(-1, first_day) if first_day else None
    known = first_day or workshop_date
    year = known.year if known else None
    if day is None and workshop_date is not None:
        day = Day(-1, workshop_date)
    if day:
        program.days.append(day)
    pending: _Pending | None = None
    session = ""
    session_kind: str | None = None
    detail_key: str | None = None

    def close() -> None:
        nonlocal pending
        if pending is not None:
            pending.finish(problems, zone)
            pending = None

    for line in program_lines(lines, csv_text):
        offset = line.offset
        # -- a detail of the slot above, or the continuation of one
        if pending is not None and line.cells is None and line.indent > pending.indent and not line.heading:
            text = line.text
            detail = _DETAIL.match(text) if line.bullet else None
            if detail:
                detail_key = detail.group("key").strip().lower()
                pending.details.append((detail.group("key"), (detail.group("value") or "").strip(), offset))
            elif detail_key == "abstract" and pending.details:
                key, value, where = pending.details[-1]
                pending.details[-1] = (key, value + "\n" + text.strip(), where)
            elif not line.bullet:
                pending.extras.append(text.strip())
            else:
                problems.append(
                    Problem(
                        offset,
                        "detail",
                        (
                            f"{text.strip()!r} is not a detail: write '- key: value' under the slot, where key is "
                            f"one of {', '.join(DETAIL_KEYS)}"
                        ),
                    )
                )
            continue
        detail_key = None

        if line.cells is not None:
            if line.columns and len(line.cells) > len(line.columns):
                extra = [cell for cell in line.cells[len(line.columns) :] if cell.strip()]
                line.cells = line.cells[: len(line.columns)]
                if extra:
                    problems.append(
                        Problem(
                            offset,
                            "schedule",
                            (
                                f"{clean_text(line.text)!r} has more cells than the header has columns: "
                                f"{', '.join(repr(clean_text(cell)) for cell in extra)} "
                                f"{'is' if len(extra) == 1 else 'are'} left out; give the column a header, "
                                "or put the text in a cell of its own column"
                            ),
                        )
                    )
            time, first, more, people, location, abstract = _from_cells(line)
            if not time:
                texts = [clean_text(c) for c in line.cells if clean_text(c)]
                if not texts:
                    continue
                text = " ".join(texts)
                if (
                    pending is not None
                    and len(texts) == 1
                    and _continues(
                        pending, line.cells[0] if len([c for c in line.cells if c.strip()]) == 1 else text
                    )
                ):
                    pending.extras.append(next(c for c in line.cells if c.strip()))
                    continue
                close()
                if len(texts) > 1 and not (find_date(text) or find_date_without_year(text)):
                    problems.append(_unreadable(line.text, offset))  # cells, but none with a time
                    continue
                found = _day_or_session(text, offset, program, day, year, problems, table=True)
                day, session, session_kind = _after_heading(found, day, session, session_kind)
                continue
            close()
            match = _SLOT.match(times_as_read(time))
            if match is None or match.group("rest").strip():
                problems.append(_unreadable(line.text, offset))
                continue
            if clean_text(first).strip(" .!*_").lower() in END_WORDS and not more and not people:
                _close_day(day, match, offset, problems, zone)
                continue
            pending = _Pending(
                offset, 0, match, first, list(more), people, location, day, session, session_kind
            )
            if abstract:
                pending.details.append(("abstract", abstract, offset))
            if day is not None and not day.undated:
                day.slots.append(pending.slot_placeholder)
            continue

        text = clean_text(line.text.lstrip("#").strip()) if line.heading else line.text.strip()
        if line.heading:
            close()
            found = _day_or_session(text, offset, program, day, year, problems, table=False)
            day, session, session_kind = _after_heading(found, day, session, session_kind)
            continue

        plain = times_as_read(clean_text(text))
        match = _SLOT.match(plain) if plain else None
        if match and not _looks_like_a_date_line(plain):
            close()
            rest = match.group("rest").strip()
            raw = _SLOT.match(times_as_read(text))
            if raw and clean_text(raw.group("rest")) == clean_text(rest):
                rest = raw.group("rest").strip()  # as written: its links and HTML are read, not lost
            if clean_text(rest).strip(" .!*_").lower() in END_WORDS:
                _close_day(day, match, offset, problems, zone)
                continue
            pending = _Pending(offset, line.indent, match, rest, [], "", "", day, session, session_kind)
            if day is not None and not day.undated:
                day.slots.append(pending.slot_placeholder)
            continue

        if plain.strip(" .!").lower() in END_WORDS:
            close()
            continue
        if (
            re.match(rf"^(?:{'|'.join(PROGRAM_WORDS)})\b", plain, re.IGNORECASE)
            and not find_date(plain)
            and not (find_date_without_year(plain))
        ):
            close()  # the program's own heading: "Schedule (all times CEST)"
            continue
        if pending is not None and _continues(pending, text):
            pending.extras.append(text)
            continue
        close()
        if looks_like_date(plain) and not re.match(r"^\d{1,2}[:.]\d", plain):
            found = _day_or_session(plain, offset, program, day, year, problems, table=False)
            if isinstance(found, Day):
                day, session, session_kind = found, "", None
            continue
        chair = unmark(plain)[0]
        if session and re.match(
            r"^(?:session\s+)?(?:chairs?|moderators?|host)\s*:\s*\S", chair, re.IGNORECASE
        ):
            # "Chair: Jane Doe" under a session heading: part of the heading
            for slot in day.slots if day else []:
                if slot.session == session:
                    slot.session = f"{session} · {chair}"
            session = f"{session} · {chair}"
            continue
        if re.match(r"^(?:session|part)\b|.*\bsession\s*$", plain, re.IGNORECASE) and not re.match(
            r"^\d", plain
        ):
            session, session_kind = plain.rstrip(":"), _session_kind(plain)
            continue
        problems.append(_unreadable(plain, offset))
    close()

    for one in program.days:
        one.slots = [slot for slot in one.slots if slot.title != _DROPPED]
    finish_days(program)
    assign_slugs(program)
    if not program.slots() and not any(p.subtype in ("time", "date") for p in problems):
        problems.append(
            Problem(
                0,
                "empty",
                (
                    "has no slots: write one line per slot, like '8:30am-8:40am - Welcome (Workshop "
                    "Organizers)', and give the day after the directive name"
                ),
            )
        )
    program.days = [d for d in program.days if d.slots]
    return program


def _looks_like_a_date_line(text: str) -> bool:
    """``8 June 2023`` or ``12 June`` starts with digits but is a day, not a slot."""
    return bool(match_date(text)[0] and not re.match(r"^\d{1,2}[:.]\d", text)) or bool(
        match_date_without_year(text) and re.match(r"^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]", text)
    )


def _unreadable(text: str, offset: int) -> Problem:
    text = clean_text(text).replace("\n", " ")
    if re.match(r"^(?:\d|noon\b|midnight\b)", text, re.IGNORECASE):
        return Problem(
            offset,
            "time",
            (
                f"cannot read the time at the start of {text!r}: write '8:30am-8:40am - Title' "
                "or '14:00-15:00 Title'; this line is left out"
            ),
        )
    return Problem(
        offset,
        "time",
        (
            f"{text!r} starts with neither a time nor a date: a slot reads "
            "'8:30am-8:40am - Title (Speaker)', a day 'Thursday, June 8, 2023', a session heading "
            "'### Session 1: Invited Talks'; this line is left out"
        ),
    )


def _continues(pending: _Pending, text: str) -> bool:
    """Whether a line without a time belongs to the slot above: its title in backticks,
    quotes or italics, or the people of the slot written on a line of their own."""
    inner, mark = unmark(clean_text(text))
    if mark:
        return True
    return bool(read_people(inner)) and not re.search(r"session\s*$", inner, re.IGNORECASE)


def _close_day(
    day: Day | None, match: re.Match, offset: int, problems: list[Problem], zone: Zone | None = None
) -> None:
    """``17:50 Finish``: the last slot ends then; the line is no slot. ``17:50 UTC Finish``
    is read in the venue's time, as a slot's times are."""
    if day is None or not day.slots or day.undated:
        return
    last = day.slots[-1]
    clock, problem = clock_from_groups(match.groupdict(), "s_")
    if problem or clock is None:
        problems.append(Problem(offset, "time", f"{problem}; the day's end is left out"))
        return
    written_zone = _zone_written(match.groupdict(), "s_")
    moment = _resolve(clock, None if written_zone else day.latest)
    if written_zone:
        quoted = clean_text(match.string).replace("\n", " ")
        converted, _exact = _in_zone(
            written_zone, day.date, moment, zone or Zone("UTC"), quoted, offset, problems
        )
        if converted is None:
            return
        moment = converted
    if last.end is None and moment > last.start:
        last.end = moment
    day.latest = moment


_DROPPED = "\x00dropped"


def _after_heading(
    found: Day | str | None, day: Day | None, session: str, session_kind: str | None
) -> tuple[Day | None, str, str | None]:
    """The day, session and session kind after a heading ``_day_or_session`` read: a new
    day starts with no session; a session heading keeps the day."""
    if isinstance(found, Day):
        return found, "", None
    if isinstance(found, str):
        return day, found, _session_kind(found)
    return day, session, session_kind


def _day_or_session(
    text: str,
    offset: int,
    program: Program,
    day: Day | None,
    year: int | None,
    problems: list[Problem],
    table: bool,
) -> Day | str | None:
    """A heading or a line without a time: a new day, a session heading, or the
    program's own heading (``Schedule``), which is left as it is."""
    text = text.strip().rstrip(":")
    where = find_date(text)
    date = None
    label_end = None
    if where is not None:
        date, _, problem = parse_date(text[where[0] :])
        if problem:
            problems.append(Problem(offset, "date", problem))
            return _undated(offset)
        label_end = where[0]
    else:
        short = find_date_without_year(text) if looks_like_date(text) else None
        if short is not None:
            label_end = text.find(short.group(0))
            if year is None:
                written = short.group(0).strip()
                problems.append(
                    Problem(
                        offset,
                        "date",
                        (
                            f"{written!r} has no year: write the date with its year ('{written}, 2023'), give it "
                            'after the directive\'s name, or set roads_workshop_date = "2023-06-08" in conf.py; '
                            "the slots of this day are left out"
                        ),
                    )
                )
                return _undated(offset, told=True)
            date, problem = date_in_year(short, year)
            if problem:
                problems.append(Problem(offset, "date", problem))
                return _undated(offset)
        elif looks_like_date(text) and not table and not re.search(r"session", text, re.IGNORECASE):
            problems.append(Problem(offset, "date", parse_date(text)[2] or f"{text!r} is not a date"))
            return _undated(offset)
    if date is not None:
        label = text[:label_end].strip(" -–—:,(|")
        if label.lower() in PROGRAM_WORDS:
            label = ""
        given = next((d for d in program.days if d.offset == -1 and not d.slots and d.date == date), None)
        if given is not None:
            # the day given by the argument or roads_workshop_date, written again here
            given.offset, given.label = offset, label
            program.days.remove(given)
            program.days.append(given)
            return given
        if any(d.date == date for d in program.days):
            problems.append(Problem(offset, "date", f"{text!r}: this day is already in the program"))
            return None
        new = Day(offset, date, label)
        program.days.append(new)
        return new
    if text.lower().strip(" :") in PROGRAM_WORDS or not text:
        return None
    return text


def _undated(offset: int, told: bool = False) -> Day:
    """A day line whose date could not be read: the slots below it are left out, each
    named in a warning (``told``: the one warning about the day says so)."""
    return Day(offset, dt.date.min, undated=True, slots_told=told)


def _resolve(clock, latest: dt.time | None, end_of: bool = False) -> dt.time:
    """A time of day; a 12-hour time written without am/pm is read as a person would:
    ``2:00`` after a morning is the afternoon, ``12:30 - 2:00`` a lunch. ``end_of``:
    ``latest`` is the start of the same slot (``10:30 - 1:00`` ends at 1 pm)."""
    moment = clock.resolved()
    if clock.meridiem or clock.padded or not 1 <= clock.hour <= 11:
        return moment
    if latest is None:
        return moment  # the day's first time as written: "1:30" may be a night's (a clock change)
    if moment < latest and (end_of or clock.hour <= 7):
        return moment.replace(hour=clock.hour + 12)
    return moment


class _Pending:
    """A slot being read: its first line, then what follows it, read once complete."""

    def __init__(
        self,
        offset: int,
        indent: int,
        match: re.Match,
        rest: str,
        extras: list[str],
        speakers: str,
        location: str,
        day: Day | None,
        session: str,
        session_kind: str | None,
    ) -> None:
        self.offset, self.indent, self.match = offset, indent, match
        self.rest, self.extras, self.speakers_text, self.location = rest, extras, speakers, location
        self.day, self.session, self.session_kind = day, session, session_kind
        self.details: list[tuple[str, str, int]] = []
        self.written = clean_text(match.string).replace("\n", " ")  # what the slot's line says
        date = day.date if day else dt.date(1970, 1, 1)
        self.slot_placeholder = Slot(offset, date, dt.time(0), None, _DROPPED, "session")

    def finish(self, problems: list[Problem], zone: Zone | None = None) -> None:
        slot = self.slot_placeholder
        if self.day is None:
            problems.append(
                Problem(
                    self.offset,
                    "date",
                    (
                        "no day for this slot: give the date after the directive name "
                        "('```{schedule} June 8, 2023') or on a line of its own above the slots; this slot is left out"
                    ),
                )
            )
            return
        if self.day.undated and self.day.slots_told:
            return
        if self.day.undated:
            # the day above is no date: the slot is left out, and named
            written = self.written if self.match.group("rest") else f"{self.written} {clean_text(self.rest)}"
            problems.append(
                Problem(
                    self.offset,
                    "date",
                    (
                        f"{written.strip()!r} is left out: the day above it is not a date; correct the day's "
                        "line, and its slots are read"
                    ),
                )
            )
            return
        read = read_slot(
            self.match,
            self.offset,
            self.day,
            problems,
            self.rest,
            tuple(self.extras),
            self.speakers_text,
            zone,
        )
        if read is None:
            return
        for name, value in vars(read).items():
            setattr(slot, name, value)
        if self.location and not slot.location:
            slot.location = self.location
        slot.session = self.session
        if self.session_kind and slot.kind == "session":
            slot.kind = self.session_kind
        for key_written, value, where in self.details:
            read_detail(slot, key_written, value, where, problems)


def _zone_written(groups: dict[str, str | None], prefix: str) -> str:
    return (groups.get(f"{prefix}zone") or groups.get(f"{prefix}zone_p") or "").strip()


def _in_zone(
    written_zone: str,
    date: dt.date,
    moment: dt.time,
    zone: Zone,
    quoted: str,
    offset: int,
    problems: list[Problem],
) -> tuple[dt.time | None, bool]:
    """A time written with a zone after it, as the venue's time: ``(time, exact)``, or
    ``(None, False)`` after a problem. UTC, ``UTC±H[:MM]`` and AoE are converted exactly;
    an abbreviation of the venue's own zone on that date (``PT``, ``PDT``) is the time as written."""
    fixed = utc_offset(written_zone)
    venue = zone.name if not zone.is_aoe else "AoE"
    if fixed is not None:
        try:
            local = dt.datetime.combine(date, moment, dt.timezone(fixed)).astimezone(zone.tzinfo)
        except (OverflowError, ValueError):
            local = None
        if local is None or local.date() != date:
            problems.append(
                Problem(
                    offset,
                    "time",
                    (
                        f"{quoted!r}: {moment:%H:%M} {written_zone} is not on {date.isoformat()} in the venue's "
                        f"zone ({venue}): write the slot's times in the venue's time, without a zone, under "
                        "its own day; this slot is left out"
                    ),
                )
            )
            return None, False
        return local.timetz().replace(tzinfo=None), True
    if abbreviation_zone(written_zone, zone, date) is not None:
        return moment, False
    own = zone.abbreviation(dt.datetime.combine(date, moment, zone.tzinfo))
    problems.append(
        Problem(
            offset,
            "timezone",
            (
                f"{quoted!r}: {written_zone!r} is not the venue's zone ({venue}, {own} on that day): "
                f"write the times in the venue's time without a zone ('{moment:%H:%M} Title'), or in UTC "
                f"('{moment:%H:%M} UTC'), as UTC+2 or AoE; this slot is left out"
            ),
        )
    )
    return None, False


#: a slot longer than this, made by reading a time without am/pm as the afternoon, is asked about
_LONG_GUESS = dt.timedelta(hours=4)


def read_slot(
    match: re.Match,
    offset: int,
    day: Day | None,
    problems: list[Problem],
    rest: str | None = None,
    extras: tuple[str, ...] = (),
    speakers_text: str = "",
    zone: Zone | None = None,
) -> Slot | None:
    groups = match.groupdict()
    quoted = clean_text(match.string).replace("\n", " ")
    start, problem = clock_from_groups(groups, "s_")
    if problem or start is None:
        problems.append(Problem(offset, "time", f"{problem}; this slot is left out"))
        return None
    end = None
    midnight = False
    if groups.get("end"):
        if re.fullmatch(
            r"24(?:[:.h]00)?", (groups.get("e_h") or "") + (f":{groups['e_m']}" if groups.get("e_m") else "")
        ) and not groups.get("e_ap"):
            end, midnight = ClockTime(0, 0, "", True), True  # "23:00 - 24:00": the end of the day
        else:
            end, problem = clock_from_groups(groups, "e_")
            if problem or end is None:
                problems.append(Problem(offset, "time", f"{problem}; this slot is left out"))
                return None
    if day is None:
        problems.append(
            Problem(
                offset,
                "date",
                (
                    "no day for this slot: give the date after the directive name "
                    "('```{schedule} June 8, 2023') or on a line of its own above the slots; this slot is left out"
                ),
            )
        )
        return None
    start_zone, end_zone = _zone_written(groups, "s_"), _zone_written(groups, "e_")
    written_zone = start_zone or end_zone
    if start_zone and end_zone and start_zone != end_zone:
        problems.append(
            Problem(
                offset,
                "timezone",
                (
                    f"{quoted!r} starts in {start_zone} and ends in {end_zone}: write both times in one zone, "
                    "the venue's (without a zone) or UTC; this slot is left out"
                ),
            )
        )
        return None
    guessed_start = not written_zone and not start.meridiem and not start.padded and 1 <= start.hour <= 11
    start_time = _resolve(start, None if written_zone else day.latest)
    end_time = None
    guessed_pm = False
    if end is not None:
        end_time = _resolve(end, start_time, end_of=True) if not midnight else dt.time(0)
        guessed_pm = (
            not midnight
            and not end.meridiem
            and not end.padded
            and 1 <= end.hour <= 11
            and end_time.hour >= 12
        )
        if not start.meridiem and end.meridiem:
            guessed_start = False
            start_time = start.resolved(end.meridiem)  # "11:30-12:30pm"
            if start_time > end_time and end_time != dt.time(0):
                start_time = start.resolved("am" if end.meridiem == "pm" else "pm")
        if end_time == dt.time(0) and start_time > end_time:
            midnight = True  # "11:30pm - 12:00am", "11:00 PM - midnight": the slot ends at midnight
        if end_time <= start_time and not midnight:
            written = match.group("start").strip() + "-" + match.group("end").strip()
            problems.append(
                Problem(
                    offset,
                    "time",
                    (
                        f"{written!r} ends before it starts: write the earlier time first "
                        "(a slot cannot run past midnight); this slot is left out"
                    ),
                )
            )
            return None
    exact = False
    if written_zone:
        zone = zone or Zone("UTC")
        converted, exact = _in_zone(written_zone, day.date, start_time, zone, quoted, offset, problems)
        if converted is None:
            return None
        start_time = converted
        if end_time is not None:
            if midnight and exact:
                problems.append(
                    Problem(
                        offset,
                        "time",
                        (
                            f"{quoted!r}: a slot that ends at midnight is written in the venue's time, "
                            "without a zone; this slot is left out"
                        ),
                    )
                )
                return None
            if not midnight:
                converted, _exact = _in_zone(written_zone, day.date, end_time, zone, quoted, offset, problems)
                if converted is None:
                    return None
                end_time = converted
    if guessed_pm and end_time is not None and not midnight:
        length = dt.datetime.combine(day.date, end_time) - dt.datetime.combine(day.date, start_time)
        if length > _LONG_GUESS:
            hours = length.total_seconds() / 3600
            problems.append(
                Problem(
                    offset,
                    "time",
                    (
                        f"{quoted!r} is read as {format_time(start_time)} to {format_time(end_time)} "
                        f"({hours:g} hours): its end has no am/pm and is taken as the afternoon; write "
                        f"'{_clock(start_time)} - {_clock(end_time)}' to confirm, or the times in order with "
                        "am/pm or on a 24-hour clock"
                    ).replace("\u202f", " "),
                )
            )
    elif guessed_start and start_time.hour < 6 and day.latest is None:
        problems.append(
            Problem(
                offset,
                "time",
                (
                    f"{quoted!r}: {match.group('start').strip()} has no am/pm and is read as "
                    f"{_clock(start_time)}, at night; write '{start.hour}:{start.minute:02d}pm' or "
                    f"'{start.hour + 12}:{start.minute:02d}' for the afternoon, or "
                    f"'{start.hour}:{start.minute:02d}am' to confirm"
                ),
            )
        )
    day.latest = (
        end_time if end_time is not None and not midnight else (dt.time(23, 59) if midnight else start_time)
    )
    reading = read_parts(groups["rest"] if rest is None else rest, offset, problems, extras, speakers_text)
    kind = reading.kind or "session"
    if not reading.title and not reading.speakers and kind == "session":
        problems.append(
            Problem(
                offset,
                "schedule",
                (
                    f"the slot at {match.group('start').strip()} has no title: write it after the time, "
                    "like '8:30am-8:40am - Welcome'; this slot is left out"
                ),
            )
        )
        return None
    slot = Slot(offset, day.date, start_time, end_time, _unquote(reading.title), kind, reading.speakers)
    slot.location = reading.location
    slot.ends_at_midnight = midnight
    slot.zoned = exact
    slot.title_links = reading.links
    return slot


def _clock(moment: dt.time) -> str:
    """``1:30am``, ``9:30pm``: a time as an author writes it with am/pm."""
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def read_detail(slot: Slot, key: str, value: str, offset: int, problems: list[Problem]) -> str | None:
    """Apply ``- key: value`` to ``slot``; the key read, or None after a problem."""
    key = key.strip().lower()
    if key not in DETAIL_KEYS:
        hint = did_you_mean(key, DETAIL_KEYS)
        problems.append(
            Problem(
                offset, "detail", (f"unknown detail {key!r}{hint}; the details are {', '.join(DETAIL_KEYS)}")
            )
        )
        return None
    if not value:
        problems.append(Problem(offset, "detail", f"detail {key!r} has no value"))
        return None
    if key == "abstract":
        slot.abstract, slot.abstract_offset = value, offset
    elif key == "speakers":
        slot.speakers = split_speakers(value)
    elif key == "kind":
        kind, why = read_kind(value)
        if kind is None:
            problems.append(Problem(offset, "kind", why or f"unknown kind {value!r}"))
            return None
        slot.kind = kind
    elif key == "location":
        slot.location = value
    elif key == "id":
        slug = slugify(value, fallback="")
        if not slug:
            problems.append(
                Problem(
                    offset,
                    "detail",
                    (
                        f"id {value!r} has no letters or digits to make an anchor of: write it like "
                        "'id: lottery-ticket'; the slot's anchor is made from its title"
                    ),
                )
            )
            return None
        slot.slug, slot.id_offset = slug, offset
    elif key == "papers" or (key == "paper" and PAPER_REFERENCE.match(value.strip().strip("<>"))):
        # a paper of the accepted-papers list (a URL is a link, below); "papers" lists several
        written = [part.strip().strip("<>") for part in value.split(",")]
        wrong = [part for part in written if not PAPER_REFERENCE.match(part)]
        if wrong or not any(written):
            problems.append(
                Problem(
                    offset,
                    "detail",
                    (
                        f"{key} {value!r} is not a paper reference: write the paper's forum id or its anchor, "
                        "like 'papers: aB3dE5fG7h, paper-xk3pq9rt2a' (a URL goes in 'paper: https://...'); "
                        "it is left out"
                    ),
                )
            )
            return None
        known = {paper.reference for paper in slot.papers}
        for part in written:
            reference = part.lstrip("#")
            if reference not in known:
                known.add(reference)
                slot.papers.append(PaperRef(reference, offset))
    else:  # a link: "slides: https://..." or "link: Label https://..."
        label, _, url = value.rpartition(" ") if key == "link" else (key.title(), "", value)
        url = url.strip().strip("<>")
        if not re.search(r"[:/.#]", url):
            # "link: Slides" or "slides: TBA": no URL, and linking the word would lead nowhere
            example = (
                "'link: Label URL', like 'link: Recording https://example.org/video'"
                if key == "link"
                else f"'{key}: https://...', or leave the detail out until there is one"
            )
            problems.append(
                Problem(offset, "detail", f"{key} {value!r} has no URL: write {example}; it is left out")
            )
            return None
        slot.links.append(Link(label.strip() or "Link", url, offset))
    return key


def assign_slugs(program: Program) -> None:
    """Give every slot an anchor of its own (an HTML id and a calendar file's name).

    Done once the details are read: an ``id`` detail is kept unless another slot's
    ``id`` took it first, and anchors made from titles make way for those given.
    """
    slots = program.slots()
    taken: dict[str, Slot] = {}
    for slot in slots:
        if slot.id_offset is not None and slot.slug not in taken:
            taken[slot.slug] = slot
    for slot in slots:
        owner = taken.get(slot.slug)
        if owner is slot:
            continue
        if slot.id_offset is None:
            people = [s.name for s in slot.speakers if not s.group]
            slot.slug = slugify(
                f"{slot.kind} {people[0]}" if slot.generic_title and people else slot.title or slot.kind
            )
        base, number = slot.slug, 1
        while slot.slug in taken:
            number += 1
            slot.slug = f"{base}-{number}"
        taken[slot.slug] = slot
        if slot.id_offset is not None and owner is not None:
            program.problems.append(
                Problem(
                    slot.id_offset,
                    "detail",
                    (
                        f"id {base!r} is already used by {owner.heading!r}: give each slot an id of its own; "
                        f"this one's anchor is {slot.slug!r}"
                    ),
                )
            )


def finish_days(program: Program) -> None:
    """Fill in implied ends, and report slots that overlap or come out of order."""
    for day in program.days:
        previous: Slot | None = None
        for slot in day.slots:
            if previous is not None:
                if previous.end is None:
                    if slot.start <= previous.start:
                        program.problems.append(
                            Problem(
                                slot.offset,
                                "overlap",
                                (
                                    f"{slot.heading!r} starts at {slot.start:%H:%M}, not after "
                                    f"{previous.heading!r} at {previous.start:%H:%M}: write the slots in order"
                                ),
                            )
                        )
                    else:
                        previous.end, previous.end_implied = slot.start, True
                elif slot.start < previous.end or previous.ends_at_midnight:
                    program.problems.append(
                        Problem(
                            slot.offset,
                            "overlap",
                            (
                                f"{slot.heading!r} starts at {slot.start:%H:%M}, before {previous.heading!r} "
                                f"ends at {previous.end:%H:%M}: the slots overlap"
                            ),
                        )
                    )
            previous = slot
