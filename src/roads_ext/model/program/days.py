"""Days in a program: a line, heading, caption or sentence that names a day, as programs
write them (``Day 1 - Monday, March 25, 2024``, ``## Schedule (Thursday, June 8)``,
``Workshop draft schedule - Wednesday, December 13th``, ``The workshop will be held on
Sunday, December 7, 2025.``). Knows nothing of Sphinx."""

from __future__ import annotations

import datetime as dt
import re

from ...diagnostics import RoadsWarning
from ..dates import (
    date_in_year,
    looks_like_date,
    match_date,
    match_date_without_year,
    parse_date,
)
from ..problems import Problem
from .data import Day, Program
from .kinds import PROGRAM_WORDS
from .lines import find_date, find_date_without_year

#: a time in brackets at the start of a line: "[08:45 - 08:50] Intro", "(9:00-9:30) Welcome"
_BRACKETED_TIME = re.compile(
    r"^(?P<lead>[-*•]\s+)?[\[(]\s*(?P<time>\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:-+|–|—|to)\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?)?)\s*[\])]\s*:?\s*",
    re.IGNORECASE,
)


def unbracket_time(text: str) -> str:
    """``[08:45 - 08:50] Intro`` as ``08:45 - 08:50 Intro``: brackets around a slot's time."""
    match = _BRACKETED_TIME.match(text)
    if match is None:
        return text
    return f"{match.group('lead') or ''}{match.group('time')} {text[match.end() :]}"


CHAIR = re.compile(r"^(?:session\s+)?(?:chairs?|moderators?|hosts?|chaired by)\s*:?\s*\S", re.IGNORECASE)
#: a length at the start of a line, not a time: "15 mins - break", "1 hour: posters"
DURATION = re.compile(r"^\s*\d{1,3}\s*(?:min(?:ute)?s?|hrs?|hours?|h)\b\.?\s*[-–—:]?\s*", re.IGNORECASE)
#: a line that begins where a time would, with words for one: its time could not be read
TRIED_A_TIME = re.compile(
    r"^(?:\d|half\s+past|quarter\s+(?:past|to)|noon\b|midnight\b|soon\b|later\b|tbd\b|tba\b"
    r"|(?:around|about|approx\.?|approximately|circa|ca\.|at)\s+(?:\d|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|noon)\b)",
    re.IGNORECASE,
)
#: a page's title above its program: "VLDB PhD Workshop", "Workshop program"
PAGE_TITLE = re.compile(
    r"\b(?:workshop|schedule|program|programme|agenda|symposium|conference|summit)\b", re.IGNORECASE
)
#: kinds that stand between sessions, in none of them
BETWEEN_SESSIONS = ("break", "lunch", "social", "opening", "closing")
#: a time (or a range) at the end of a line, after the slot's words
TIME_AT_END = re.compile(
    r"(?<![\w:.])(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[-–—]|to)\s*)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*$",
    re.IGNORECASE,
)
#: a time range in a parenthesis at the end of a heading: "Session 1 (16:00 – 16:45, CEST (GMT+2))"
TIME_IN_PARENTHESIS = re.compile(
    r"\(\s*(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:-+|–|—|to)\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)"
    r"(?:[^()]|\([^()]*\))*\)\s*$",
    re.IGNORECASE,
)
#: a sentence that says in which zone the program's times are written, when it is UTC
STATED_ZONE = re.compile(
    r"^[^=]*\b(?:times?|schedule|program(?:me)?|below|above)\b[^.=]{0,40}?\b(?:in|are|is)\s+"
    r"(?P<zone>UTC(?:\s*[+−-]\s*\d{1,2}(?::?\d{2})?)?)(?![\w+−-])",
    re.IGNORECASE,
)
#: a line that only says the program's time zone
ZONE_LINE = re.compile(
    r"^(?:[A-Za-z][A-Za-z .]{1,40}=\s*(?:UTC|GMT)\s*[+−-]?\s*\d"  # "EDT = UTC-4 (noon start)"
    r"|(?:time\s*zone|timezone|all times(?: are)?(?: in| listed in)?|times in)\b.{0,40}$)",
    re.IGNORECASE,
)


#: words of a heading that names the program itself, not a session in it
_PROGRAM_HEADING = re.compile(r"\b(?:schedule|agenda|programme|program|timetable)\b", re.IGNORECASE)


def undated(offset: int, told: bool = False) -> Day:
    """A day line whose date could not be read: the slots below it are left out, each
    named in a warning (``told``: the one warning about the day says so)."""
    return Day(offset, dt.date.min, undated=True, slots_told=told)


def read_day(
    text: str,
    offset: int,
    program: Program,
    year: int | None,
    problems: list[Problem],
    table: bool,
    sure: bool = False,
) -> Day | str | None:
    """A heading or a line without a time: a day (added to ``program``; an undated one,
    whose slots are left out, where its date cannot be read), a session heading's text, or
    None (the program's own heading, ``Schedule``, which is left as it is)."""
    text = text.strip().rstrip(":")
    where = find_date(text)
    date = None
    label_end = None
    if where is not None:
        date, _, problem = parse_date(text[where[0] :])
        if problem:
            problems.append(Problem(offset, RoadsWarning.DATE, problem))
            return undated(offset)
        label_end = where[0]
    else:
        short = find_date_without_year(text) if (looks_like_date(text) or sure) else None
        if short is not None:
            label_end = text.find(short.group(0))
            if year is None:
                written = short.group(0).strip()
                problems.append(
                    Problem(
                        offset,
                        RoadsWarning.DATE,
                        (
                            f"{written!r} has no year: write the date with its year ('{written}, 2023'), give it "
                            'after the directive\'s name, or set roads_workshop_date = "2023-06-08" in conf.py; '
                            "the slots of this day are left out"
                        ),
                    )
                )
                return undated(offset, told=True)
            date, problem = date_in_year(short, year)
            if problem:
                problems.append(Problem(offset, RoadsWarning.DATE, problem))
                return undated(offset)
        elif (
            looks_like_date(text)
            and not table
            and not re.search(r"session", text, re.IGNORECASE)
            and (sure or len(text.split()) <= 4)
        ):
            problems.append(
                Problem(offset, RoadsWarning.DATE, parse_date(text)[2] or f"{text!r} is not a date")
            )
            return undated(offset)
    if date is not None:
        label = text[:label_end].strip(" -–—:,(|*_#")
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
            problems.append(
                Problem(offset, RoadsWarning.DATE, f"{text!r}: this day is already in the program")
            )
            return None
        new = Day(offset, date, label)
        program.days.append(new)
        return new
    if (
        text.lower().strip(" :") in PROGRAM_WORDS
        or not text
        or (_PROGRAM_HEADING.search(text) and len(text.split()) <= 6)
    ):
        return None  # "Draft Agenda for Workshop": the program's own heading
    return text


def names_a_day(text: str) -> bool:
    """A short line that names a day (``Workshop draft schedule - Wednesday, December 13th``)."""
    where = find_date(text)
    if where is None:
        short = find_date_without_year(text)
        if short is None:
            return False
        start = text.find(short.group(0))
        where = (start, start + len(short.group(0)))
    rest = text[: where[0]] + text[where[1] :]
    return len(rest.split()) <= 6


def date_at_end(text: str) -> int | None:
    """Where a day written at the end of ``text`` begins (``... Sat 29 Jul``), or None."""
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        start = boundary.start()
        rest = text[start:]
        match = match_date_without_year(rest) or match_date(rest)[0]
        if match and len(rest.strip()) == len(match.group(0).strip()):
            return start
    return None


def is_prose(text: str) -> bool:
    """A sentence about the program, not a line of it: ``The workshop will be held on ...``."""
    words = text.split()
    return (
        (len(words) >= 8 and text.rstrip().endswith((".", "!", ":")))
        or len(words) >= 11
        or bool(re.match(r"^(?:note|please|all times|times are)\b", text, re.IGNORECASE))
    )


def looks_like_a_date_line(text: str) -> bool:
    """``8 June 2023`` or ``12 June`` starts with digits but is a day, not a slot."""
    return bool(match_date(text)[0] and not re.match(r"^\d{1,2}[:.]\d", text)) or bool(
        match_date_without_year(text) and re.match(r"^\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]", text)
    )


def date_in_prose(text: str) -> tuple[dt.date, str] | None:
    """The first whole date a sentence names, and as written: ``on December 15th, 2023``
    names December 15, 2023 (``on`` is no weekday)."""
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        date, used, problem = parse_date(text[boundary.start() :])
        if date is not None and problem is None:
            return date, text[boundary.start() : boundary.start() + used]
    return None


def time_after_title(text: str) -> tuple[str, str] | None:
    """A line whose time comes after its title, as the slot's line with the time first,
    and the day written before the time (or ""): ``Opening Remarks Sat 29 Jul 08:50 a.m.``
    is ``("08:50 a.m. Opening Remarks", "Sat 29 Jul")``; ``Session 1 (16:00 – 16:45, CEST)``
    is ``("16:00 – 16:45 Session 1", "")``. None for a line that has none."""
    in_parenthesis = TIME_IN_PARENTHESIS.search(text)
    if in_parenthesis and in_parenthesis.start() > 0:
        before = text[: in_parenthesis.start()].rstrip(" -–—|,·")
        return f"{in_parenthesis.group('time')} {before}", ""
    at_end = TIME_AT_END.search(text)
    if at_end is None or at_end.start() == 0:
        return None
    before = text[: at_end.start()].rstrip(" -–—|,·")
    date_text = ""
    day_at = date_at_end(before)
    if day_at is not None:
        before, date_text = before[:day_at].rstrip(" -–—|,·"), before[day_at:]
    if not before:
        return None
    return f"{at_end.group().strip()} {before}", date_text


def day_of(text: str, year: int) -> dt.date | None:
    """The day ``text`` names, in ``year`` when it names none."""
    short = match_date_without_year(text)
    if short is not None:
        return date_in_year(short, year)[0]
    return parse_date(text)[0]
