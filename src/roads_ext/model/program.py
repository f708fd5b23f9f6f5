"""A workshop program, read from the lines an organizer pastes. Knows nothing of Sphinx.

One slot a line, as published programs write them; a line that is a date starts
a day; indented ``- key: value`` lines under a slot add details::

    Thursday, June 8, 2023
    - 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
    - 8:40am-9:20am - Keynote: The lottery ticket hypothesis (Jonathan Frankle)
      - slides: https://example.org/slides.pdf
      - abstract: Why sparse networks train well.
    - 10:00am-10:30am - Coffee break
    - 3:00pm-4:00pm - Panel discussion (Furong Huang, Bilge Acun; moderator: Chen Luo)

* The time is ``start-end`` (``8:30am-8:40am``, ``8:30-8:40am``, ``14:00–15:00``)
  or a start alone (the slot then ends when the next one starts).
* ``Kind: Title`` names the kind (``Keynote:``, ``Invited talk:``, ``Panel:`` ...);
  otherwise the kind is read from the title's words (``Coffee break`` is a break).
* A parenthesis at the end of the line names the speakers, by the names the site
  declares them with; ``Role: Name`` gives a role, and a group such as ``Workshop
  Organizers`` or ``TBA`` is shown as written.

Problems come back as :class:`~roads_ext.model.dates.Problem` with a line offset.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from .dates import (
    TIME_PATTERN,
    Problem,
    Zone,
    clock_from_groups,
    did_you_mean,
    looks_like_date,
    match_date,
    parse_date,
)
from .formats import N_

# --- kinds of slot ------------------------------------------------------------------

#: kind -> (label shown, words an author may write for it)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "opening": (N_("Opening"), ("opening", "opening remarks", "welcome", "welcome and opening remarks",
                            "introduction", "intro")),
    "keynote": (N_("Keynote"), ("keynote", "keynote talk", "keynote speech", "keynote address",
                            "keynotes", "plenary", "plenary talk")),
    "invited": (N_("Invited talk"), ("invited talk", "invited", "invited speaker", "invited talks",
                                     "talk")),
    "contributed": (N_("Contributed talk"), ("contributed talk", "contributed talks", "contributed",
                                         "oral", "orals", "spotlight", "spotlights", "lightning talks",
                                         "paper presentations", "paper talks")),
    "panel": (N_("Panel"), ("panel", "panel discussion", "panels", "discussion")),
    "poster": (N_("Poster session"), ("poster session", "posters", "poster", "poster sessions")),
    "break": (N_("Break"), ("break", "coffee break", "coffee", "tea break", "coffee and tea")),
    "lunch": (N_("Lunch"), ("lunch", "lunch break")),
    "social": (N_("Social"), ("social", "reception", "dinner", "networking", "happy hour")),
    "closing": (N_("Closing"), ("closing", "closing remarks", "concluding remarks", "awards and closing",
                            "awards")),
    "session": (N_("Session"), ("session",)),
}
#: kinds whose slots are talks (a schema.org sub-event each, speakers as performers)
TALK_KINDS = ("keynote", "invited", "contributed", "panel", "poster", "session")
_ALIASES = {alias: kind for kind, (_, aliases) in KINDS.items() for alias in aliases}
#: words in the title that give away the kind, first match wins
_KIND_WORDS = (
    ("keynote", "keynote"), ("plenary", "keynote"), ("panel", "panel"), ("poster", "poster"),
    ("lunch", "lunch"), ("coffee", "break"), ("break", "break"), ("closing", "closing"),
    ("concluding", "closing"), ("opening", "opening"), ("welcome", "opening"),
    ("invited", "invited"), ("contributed", "contributed"), ("spotlight", "contributed"),
    ("lightning", "contributed"), ("oral", "contributed"), ("reception", "social"),
    ("social", "social"), ("dinner", "social"), ("networking", "social"),
)
#: words that make a name in parentheses a group shown as written, not a person
GROUP_WORDS = ("organizer", "organiser", "committee", "chairs", "tba", "tbd", "all ", "everyone",
               "authors", "speakers", "panelists", "participants", "attendees", "team")

DETAIL_KEYS = ("abstract", "speakers", "kind", "slides", "video", "paper", "code", "poster",
               "link", "location", "id")


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


def infer_kind(title: str) -> str:
    words = title.lower()
    for word, kind in _KIND_WORDS:
        if re.search(rf"\b{word}", words):
            return kind
    return "session"


# --- the data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str = ""
    group: bool = False  # "Workshop Organizers": shown as written, not looked up


@dataclass(frozen=True)
class Link:
    label: str
    url: str
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
    location: str = ""
    slug: str = ""  # the slot's anchor, unique in its program
    id_offset: int | None = None  # where an ``id`` detail set the slug
    end_implied: bool = False

    @property
    def heading(self) -> str:
        """What the slot is called: its title, or its kind's label."""
        return self.title or kind_label(self.kind)

    @property
    def generic_title(self) -> bool:
        """A title that only names the kind ("Keynote", "Coffee break")."""
        return not self.title or self.title.lower() in _ALIASES

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
        return dt.datetime.combine(self.date, self.end, zone.tzinfo) if self.end else None

    @property
    def is_talk(self) -> bool:
        return self.kind in TALK_KINDS


@dataclass
class Day:
    offset: int
    date: dt.date
    label: str = ""
    slots: list[Slot] = field(default_factory=list)


@dataclass
class Program:
    days: list[Day] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def slots(self) -> list[Slot]:
        return [slot for day in self.days for slot in day.slots]


# --- reading ----------------------------------------------------------------------------

_T_START = TIME_PATTERN.format(p="s_")
_T_END = TIME_PATTERN.format(p="e_")
_SLOT = re.compile(
    rf"^(?P<start>{_T_START})(?:\s*(?:-|–|—|to)\s*(?P<end>{_T_END}))?"
    r"(?:\s*[-–—:|]\s+|\s*[-–—:|]$|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>(?:[-*+]|\d+[.)])\s+)?(?P<text>.*)$")
_DETAIL = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{0,19}):(?:\s+(?P<value>.*))?$")
_PREFIX = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z &/-]{0,40}?)(?:\s+#?\d+)?\s*:\s+(?P<title>.+)$")


def slugify(text: str, fallback: str = "slot") -> str:
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    return "-".join(words[:6]) or fallback


def find_date(text: str) -> tuple[int, int] | None:
    """Where a date is written in ``text``: ``(start, end)`` of the first one."""
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        match, _ = match_date(text[boundary.start():])
        if match:
            return boundary.start(), boundary.start() + match.end()
    return None


def split_speakers(text: str) -> list[Speaker]:
    """``A, B and C; moderator: D`` -> speakers, with roles and groups told apart."""
    speakers: list[Speaker] = []
    for part in re.split(r"\s*;\s*", text):
        role = ""
        match = re.match(r"^(?P<role>[A-Za-z][A-Za-z -]{0,30}?):\s*(?P<rest>.+)$", part)
        if match:
            role, part = match.group("role").strip(), match.group("rest")
        for entry in re.split(r"\s*,\s*|\s+(?:and|&)\s+", part):
            entry = re.sub(r"^(?:and|&)\s+", "", entry.strip())
            entry = re.sub(r"\s*\([^()]*\)", "", entry).strip()  # "Name (Harvard)"
            if not entry:
                continue
            padded = f" {entry.lower()} "
            group = any(word in padded for word in GROUP_WORDS)
            speakers.append(Speaker(entry, role, group))
    return speakers


def _trailing_parenthesis(title: str) -> tuple[str, str] | None:
    """``("Title", "inside")`` for a title that ends with ``(inside)``."""
    if not title.endswith(")"):
        return None
    depth = 0
    for index in range(len(title) - 1, -1, -1):
        depth += title[index] == ")"
        depth -= title[index] == "("
        if depth == 0:
            return title[:index].strip(), title[index + 1 : -1].strip()
    return None


def _unquote(title: str) -> str:
    title = title.strip()
    for left, right in (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’")):
        if len(title) > 1 and title.startswith(left) and title.endswith(right):
            return title[1:-1].strip()
    return title


def read_slot_text(rest: str, offset: int, problems: list[Problem]) -> tuple[str, str, list[Speaker]]:
    """``Kind: Title (Speakers)`` -> title, kind, speakers."""
    rest = rest.strip()
    kind = None
    prefix = _PREFIX.match(rest)
    if prefix and len(prefix.group("prefix").split()) <= 4:
        found, why = read_kind(prefix.group("prefix"))
        if found:
            kind, rest = found, prefix.group("title").strip()
        elif difflib.get_close_matches(" ".join(prefix.group("prefix").lower().split()),
                                       list(_ALIASES), n=1, cutoff=0.8):
            # a near miss of a kind ("Keynot:"); other words before a colon are the title's
            problems.append(Problem(offset, "kind", why or f"unknown kind {prefix.group('prefix')!r}"))
    speakers: list[Speaker] = []
    parenthesis = _trailing_parenthesis(rest)
    if parenthesis and parenthesis[1] and not re.search(r"\d", parenthesis[1]):
        rest, speakers = parenthesis[0], split_speakers(parenthesis[1])
    title = _unquote(rest.rstrip(" -–—:"))
    if kind is None:
        kind = infer_kind(title)
    return title, kind, speakers


def parse_program(lines: list[str], first_day: dt.date | None = None) -> Program:
    """Read the program's lines (the directive's body). Never raises."""
    program = Program()
    problems = program.problems
    day: Day | None = Day(-1, first_day) if first_day else None
    slot: Slot | None = None
    slot_indent = 0
    detail_key: str | None = None
    if day:
        program.days.append(day)

    for offset, raw in enumerate(lines):
        if not raw.strip():
            continue
        parts = _BULLET.match(raw.rstrip())
        assert parts is not None  # the pattern matches any line
        indent, bullet, text = len(parts.group("indent").expandtabs()), parts.group("bullet"), parts.group("text")

        # -- a detail of the slot above, or the continuation of one
        if slot is not None and indent > slot_indent:
            detail = _DETAIL.match(text) if bullet else None
            if detail:
                detail_key = read_detail(slot, detail.group("key"), (detail.group("value") or "").strip(),
                                         offset, problems)
            elif detail_key == "abstract":
                slot.abstract += "\n" + text.strip()
            else:
                problems.append(Problem(offset, "detail", (
                    f"{text.strip()!r} is not a detail: write '- key: value' under the slot, where key is "
                    f"one of {', '.join(DETAIL_KEYS)}")))
            continue
        detail_key = None
        text = text.lstrip("#").strip()

        # -- a slot
        match = _SLOT.match(text)
        if match:
            slot = None
            new = read_slot(match, offset, day, problems)
            if new is None or day is None:  # read_slot warned of a slot with no day
                continue
            day.slots.append(new)
            slot, slot_indent = new, indent
            continue

        slot = None
        # -- a day
        if looks_like_date(text) and not re.match(r"^\d{1,2}[:.]\d", text):
            where = find_date(text)
            if where is None:
                problems.append(Problem(offset, "date", parse_date(text)[2] or f"{text!r} is not a date"))
                continue
            date, _, problem = parse_date(text[where[0]:])
            if problem or date is None:
                problems.append(Problem(offset, "date", problem or f"{text!r} is not a date"))
                continue
            label = text[: where[0]].strip(" -–—:,")
            if day is not None and not day.slots and day.offset == -1 and day.date == date:
                day.offset, day.label = offset, label  # the argument's day, written again
            elif any(d.date == date for d in program.days):
                problems.append(Problem(offset, "date", f"{text!r}: this day is already in the program"))
            else:
                day = Day(offset, date, label)
                program.days.append(day)
            continue
        if re.match(r"^(?:\d|noon\b|midnight\b)", text, re.IGNORECASE):
            problems.append(Problem(offset, "time", (
                f"cannot read the time at the start of {text!r}: write '8:30am-8:40am - Title' "
                "or '14:00-15:00 Title'; this line is left out")))
        else:
            problems.append(Problem(offset, "time", (
                f"{text!r} starts with neither a time nor a date: a slot reads "
                "'8:30am-8:40am - Title (Speaker)', a day 'Thursday, June 8, 2023'; this line is left out")))

    finish_days(program)
    assign_slugs(program)
    no_slots = not program.days or not program.slots()
    if no_slots and not any(p.subtype in ("time", "date") for p in problems):
        problems.append(Problem(0, "empty", (
            "has no slots: write one line per slot, like '8:30am-8:40am - Welcome (Workshop "
            "Organizers)', and give the day after the directive name")))
    program.days = [d for d in program.days if d.slots]
    return program


def read_slot(match: re.Match, offset: int, day: Day | None, problems: list[Problem]) -> Slot | None:
    groups = match.groupdict()
    start, problem = clock_from_groups(groups, "s_")
    if problem or start is None:
        problems.append(Problem(offset, "time", f"{problem}; this slot is left out"))
        return None
    end = None
    if groups.get("end"):
        end, problem = clock_from_groups(groups, "e_")
        if problem or end is None:
            problems.append(Problem(offset, "time", f"{problem}; this slot is left out"))
            return None
    if day is None:
        problems.append(Problem(offset, "date", (
            "no day for this slot: give the date after the directive name "
            "('```{schedule} June 8, 2023') or on a line of its own above the slots; this slot is left out")))
        return None
    start_time = start.resolved()
    end_time = None
    if end is not None:
        end_time = end.resolved()
        if not start.meridiem and end.meridiem:
            start_time = start.resolved(end.meridiem)  # "11:30-12:30pm"
            if start_time > end_time:
                start_time = start.resolved("am" if end.meridiem == "pm" else "pm")
        if end_time <= start_time:
            written = match.group("start").strip() + "-" + match.group("end").strip()
            problems.append(Problem(offset, "time", (
                f"{written!r} ends before it starts: write the earlier time first "
                "(a slot cannot run past midnight); this slot is left out")))
            return None
    title, kind, speakers = read_slot_text(groups["rest"], offset, problems)
    if not title and not speakers and kind == "session":
        problems.append(Problem(offset, "schedule", (
            f"the slot at {match.group('start').strip()} has no title: write it after the time, "
            "like '8:30am-8:40am - Welcome'; this slot is left out")))
        return None
    return Slot(offset, day.date, start_time, end_time, title, kind, speakers)


def read_detail(slot: Slot, key: str, value: str, offset: int, problems: list[Problem]) -> str | None:
    """Apply ``- key: value`` to ``slot``; the key read, or None after a problem."""
    key = key.strip().lower()
    if key not in DETAIL_KEYS:
        hint = did_you_mean(key, DETAIL_KEYS)
        problems.append(Problem(offset, "detail", (
            f"unknown detail {key!r}{hint}; the details are {', '.join(DETAIL_KEYS)}")))
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
            problems.append(Problem(offset, "detail", (
                f"id {value!r} has no letters or digits to make an anchor of: write it like "
                "'id: lottery-ticket'; the slot's anchor is made from its title")))
            return None
        slot.slug, slot.id_offset = slug, offset
    else:  # a link: "slides: https://..." or "link: Label https://..."
        label, _, url = value.rpartition(" ") if key == "link" else (key.title(), "", value)
        url = url.strip().strip("<>")
        if not re.search(r"[:/.#]", url):
            # "link: Slides" or "slides: TBA": no URL, and linking the word would lead nowhere
            example = ("'link: Label URL', like 'link: Recording https://example.org/video'" if key == "link"
                       else f"'{key}: https://...', or leave the detail out until there is one")
            problems.append(Problem(offset, "detail", f"{key} {value!r} has no URL: write {example}; it is left out"))
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
            slot.slug = slugify(f"{slot.kind} {people[0]}" if slot.generic_title and people
                                else slot.title or slot.kind)
        base, number = slot.slug, 1
        while slot.slug in taken:
            number += 1
            slot.slug = f"{base}-{number}"
        taken[slot.slug] = slot
        if slot.id_offset is not None and owner is not None:
            program.problems.append(Problem(slot.id_offset, "detail", (
                f"id {base!r} is already used by {owner.heading!r}: give each slot an id of its own; "
                f"this one's anchor is {slot.slug!r}")))


def finish_days(program: Program) -> None:
    """Fill in implied ends, and report slots that overlap or come out of order."""
    for day in program.days:
        previous: Slot | None = None
        for slot in day.slots:
            if previous is not None:
                if previous.end is None:
                    if slot.start <= previous.start:
                        program.problems.append(Problem(slot.offset, "overlap", (
                            f"{slot.heading!r} starts at {slot.start:%H:%M}, not after "
                            f"{previous.heading!r} at {previous.start:%H:%M}: write the slots in order")))
                    else:
                        previous.end, previous.end_implied = slot.start, True
                elif slot.start < previous.end:
                    program.problems.append(Problem(slot.offset, "overlap", (
                        f"{slot.heading!r} starts at {slot.start:%H:%M}, before {previous.heading!r} "
                        f"ends at {previous.end:%H:%M}: the slots overlap")))
            previous = slot
