"""What is written under a slot (``- key: value`` details), the slots' anchors, and the
checks made once a day is read. Knows nothing of Sphinx."""

from __future__ import annotations

import re
import unicodedata

from ...diagnostics import RoadsWarning
from ..awards import read_award, unknown_award
from ..materials import read_board
from ..pasted import split_speakers
from ..problems import Problem, did_you_mean
from .data import Link, PaperRef, Program, Slot
from .kinds import read_kind
from .materials import LIVE, LIVE_LABELS, MATERIAL
from .rooms import is_parallel, slots_before, track_rooms

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
    "award",
    "stream",
    "call",
    "chat",
)
#: a paper in a session with its board: ``aB3dE5fG7h (board 12)``, ``aB3dE5fG7h (12)``
PAPER_ON_BOARD = re.compile(r"^(?P<paper>[^()]*?)\s*\((?P<board>[^()]*)\)$")
#: a paper of the accepted-papers list, named by its forum id or its anchor (``paper-...``)
PAPER_REFERENCE = re.compile(r"^#?[A-Za-z0-9_~-]{1,80}$")


def slugify(text: str, fallback: str = "slot") -> str:
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    return "-".join(words[:6]) or fallback


def read_detail(slot: Slot, key: str, value: str, offset: int, problems: list[Problem]) -> str | None:
    """Apply ``- key: value`` to ``slot``; the key read, or None after a problem. One
    branch per key, each with its own warning. It is long because a detail is read
    best in one place, key by key."""
    key = key.strip().lower()
    if key not in DETAIL_KEYS:
        hint = did_you_mean(key, DETAIL_KEYS)
        problems.append(
            Problem(
                offset,
                RoadsWarning.DETAIL,
                (f"unknown detail {key!r}{hint}; the details are {', '.join(DETAIL_KEYS)}"),
            )
        )
        return None
    if not value:
        problems.append(Problem(offset, RoadsWarning.DETAIL, f"detail {key!r} has no value"))
        return None
    if key == "abstract":
        slot.abstract, slot.abstract_offset = value, offset
    elif key == "speakers":
        slot.speakers = split_speakers(value)
    elif key == "kind":
        kind, why = read_kind(value)
        if kind is None:
            problems.append(Problem(offset, RoadsWarning.KIND, why or f"unknown kind {value!r}"))
            return None
        slot.kind = kind
    elif key == "location":
        slot.location = value
    elif key == "award":
        award = read_award(value)
        if not award:
            problems.append(Problem(offset, RoadsWarning.AWARD, unknown_award(value)))
            return None
        slot.award = award
    elif key == "id":
        slug = slugify(value, fallback="")
        if not slug:
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.DETAIL,
                    (
                        f"id {value!r} has no letters or digits to make an anchor of: write it like "
                        "'id: lottery-ticket'; the slot's anchor is made from its title"
                    ),
                )
            )
            return None
        slot.slug, slot.id_offset = slug, offset
    elif key == "papers" or (key == "paper" and PAPER_REFERENCE.match(bare_paper(value))):
        # a paper of the accepted-papers list (a URL is a link, below); "papers" lists several
        written, boards = paper_boards(value, offset, problems)
        wrong = [part for part in written if not PAPER_REFERENCE.match(part)]
        if wrong or not any(written):
            problems.append(
                Problem(
                    offset,
                    RoadsWarning.DETAIL,
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
                slot.papers.append(PaperRef(reference, offset, boards.get(part, "")))
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
                Problem(
                    offset,
                    RoadsWarning.DETAIL,
                    f"{key} {value!r} has no URL: write {example}; it is left out",
                )
            )
            return None
        if key in LIVE_LABELS:
            slot.links.append(Link(LIVE_LABELS[key], url, offset, LIVE))
        else:
            slot.links.append(Link(label.strip() or "Link", url, offset, MATERIAL))
    return key


def bare_paper(value: str) -> str:
    """``aB3dE5fG7h (board 12)`` -> ``aB3dE5fG7h``: a paper reference without its board."""
    found = PAPER_ON_BOARD.match(value.strip())
    return (found["paper"] if found else value).strip().strip("<>")


def paper_boards(value: str, offset: int, problems: list[Problem]) -> tuple[list[str], dict[str, str]]:
    """``id1 (board 12), id2`` -> the papers as written, and each one's board."""
    written: list[str] = []
    boards: dict[str, str] = {}
    for part in value.split(","):
        part = part.strip()
        found = PAPER_ON_BOARD.match(part)
        if found:
            part = found["paper"].strip()
            board, why = read_board(found["board"])
            if why:
                problems.append(Problem(offset, RoadsWarning.BOARD, f"{part!r}: the {why}"))
            elif board:
                boards[part.strip("<>")] = board
        written.append(part.strip("<>"))
    return written, boards


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
                    RoadsWarning.DETAIL,
                    (
                        f"id {base!r} is already used by {owner.heading!r}: give each slot an id of its own; "
                        f"this one's anchor is {slot.slug!r}"
                    ),
                )
            )


def finish_days(program: Program) -> None:
    """Fill in implied ends, give the slots written without a time their times, and report
    slots that overlap or come out of order (on a day of parallel rooms, only slots that
    share a room: :mod:`.rooms`)."""
    track_rooms(program)
    for day in program.days:
        parallel = is_parallel(day.slots)
        earlier: list[Slot] = []
        for slot in day.slots:
            if not slot.timed:
                continue
            for previous in slots_before(slot, earlier, parallel):
                if after_slot(slot, previous, program.problems):
                    break
            earlier.append(slot)
        place_untimed(day.slots, program.problems)


def after_slot(slot: Slot, previous: Slot, problems: list[Problem]) -> bool:
    """``slot`` after ``previous``: ``previous`` ends when it starts if its end was not
    written; a slot that starts before it ends, or not after it starts, is said (True)."""
    if previous.end is None:
        if slot.start <= previous.start:
            problems.append(
                Problem(
                    slot.offset,
                    RoadsWarning.OVERLAP,
                    (
                        f"{slot.heading!r} starts at {slot.start:%H:%M}, not after "
                        f"{previous.heading!r} at {previous.start:%H:%M}: write the slots in order"
                    ),
                )
            )
            return True
        previous.end, previous.end_implied = slot.start, True
    elif slot.start < previous.end or previous.ends_at_midnight:
        problems.append(
            Problem(
                slot.offset,
                RoadsWarning.OVERLAP,
                (
                    f"{slot.heading!r} starts at {slot.start:%H:%M}, before {previous.heading!r} "
                    f"ends at {previous.end:%H:%M}: the slots overlap"
                ),
            )
        )
        return True
    return False


#: kinds of talk: one written without a time under a block of talks ("Contributed talks",
#: "Oral session 2", a poster session) is one of that block's
_CONTAINERS = ("contributed", "poster", "session", "panel", "invited", "keynote")


def place_untimed(slots: list[Slot], problems: list[Problem]) -> None:
    """A slot written without a time (a coffee break between two rows, the second talk of
    a session) takes the gap it fills exactly, between the end of the slot above and the
    start of the next; where there is no gap it is part of the block above, and has its times."""
    for index, slot in enumerate(slots):
        if slot.timed or slot.in_block:
            continue
        above = next((s for s in reversed(slots[:index]) if s.timed), None)
        below = next((s for s in slots[index + 1 :] if s.timed), None)
        if (
            above is not None
            and above.end is not None
            and below is not None
            and below.start > above.end
            and not above.ends_at_midnight
        ):
            slot.start, slot.end = above.end, below.start
        elif above is not None:
            slot.start, slot.end, slot.ends_at_midnight = above.start, above.end, above.ends_at_midnight
            if not (
                above.kind in _CONTAINERS
                and slot.kind in _CONTAINERS
                and (above.generic_title or above.kind in ("contributed", "poster", "panel"))
            ):
                when = f"{above.start:%H:%M}" + (f"-{above.end:%H:%M}" if above.end else "")
                problems.append(
                    Problem(
                        slot.offset,
                        RoadsWarning.SCHEDULE,
                        (
                            f"{slot.heading!r} has no time: it is shown at {when}, the time of {above.heading!r} "
                            "above it; write its own time before it, like '10:30-11:00 "
                            f"{slot.heading}'"
                        ),
                    )
                )
        elif below is not None:
            slot.start, slot.end = below.start, below.start
            problems.append(
                Problem(
                    slot.offset,
                    RoadsWarning.SCHEDULE,
                    (
                        f"{slot.heading!r} has no time: it is shown at {below.start:%H:%M}, when "
                        f"{below.heading!r} below it starts; write its own time before it"
                    ),
                )
            )
