"""Times as programs write them: ranges, am/pm read as a person reads them, zones after a
time, the day's end. Knows nothing of Sphinx.

A day runs forward: a 12-hour time written without am/pm that would go back before the
latest time of the day is the afternoon (``12:45`` then ``02:15``), when that makes a
plausible gap; ``12:30 - 2:00`` is a lunch. A time in UTC, UTC±H or AoE is converted to the
venue's; the venue's own abbreviation that day is the venue's time; any other is a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ...diagnostics import RoadsWarning
from ..dates import (
    TIME_PATTERN,
    ClockTime,
    Zone,
    abbreviation_zone,
    clock_from_groups,
    format_time,
    utc_offset,
)
from ..pasted import clean_text
from ..problems import Problem
from .data import Day

_T_START = TIME_PATTERN.format(p="s_")
_T_END = TIME_PATTERN.format(p="e_")
_RANGE = r"\s*(?:--|-|–|—|−|~|to|until)\s*"
#: zone abbreviations programs write after a time (upper case only: "ET" is no word of a title)
ZONE_ABBREVIATIONS = (
    *("PT", "PST", "PDT", "MT", "MST", "MDT", "CT", "CST", "CDT", "ET", "EST", "EDT"),
    *("AKT", "AKST", "AKDT", "HT", "HST", "BST", "IST", "WET", "WEST", "CET", "CEST", "EET", "EEST"),
    *("MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT"),
)
#: :data:`ZONE_ABBREVIATIONS` as a pattern, their common letters shared: the same words, in a
#: pattern compiled several times faster (a test checks that both name the same words)
ZONE_ABBREVIATION_PATTERN = (
    r"(?:P[SD]?T|M[SD]?T|C[SD]?T|CES?T|E[SD]?T|EES?T|AK[SD]?T|HS?T|HKT|BST|IST|MSK|JST|KST|SGT|"
    r"WES?T|AE[SD]T|AC[SD]T|AWST|NZ[SD]T)"
)
_ZONE_WORD = (
    r"(?:(?:UTC|GMT)(?:[+−-]\d{{1,2}}(?::?\d{{2}})?)?(?![\w+−-])|AoE\b|(?-i:"
    + ZONE_ABBREVIATION_PATTERN
    + r"\b))"
)
#: a zone written after a time: "9:00 PT", "13:00 UTC+2", "(PT)"; the zone's pattern written
#: once, its closing parenthesis asked for where an opening one was (a pattern that wrote
#: the zone twice, in and out of parentheses, took half again as long to compile)
_ZONE_AFTER = r"(?:(?P<{p}zparen>\s*\(\s*)|\s+)(?P<{p}zone>" + _ZONE_WORD + r")(?({p}zparen)\s*\))"
_Z_START = _ZONE_AFTER.format(p="s_")
_Z_END = _ZONE_AFTER.format(p="e_")
SLOT = re.compile(
    rf"^(?P<start>{_T_START})(?:{_Z_START})?(?:{_RANGE}(?P<end>{_T_END})(?:{_Z_END})?)?"
    r"(?:\s*[-–—:|]\s+|\s*[-–—:|]$|\s*\t\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


@functools.cache
def time_only() -> re.Pattern:
    """A cell that holds only a time or a range, as :data:`SLOT` reads them. Compiled on
    first use, for only tables' and CSV files' cells are asked about (it is as long as
    :data:`SLOT`, and a program written as a list never needs it)."""
    return re.compile(
        rf"^(?P<start>{_T_START})(?:{_Z_START})?(?:{_RANGE}(?P<end>{_T_END})(?:{_Z_END})?)?\s*[:.]?$",
        re.IGNORECASE,
    )


_NOON = re.compile(r"\b12(?::00)?\s*(noon|midnight)\b", re.IGNORECASE)


#: a range of 24-hour times written without a colon: "1600 -- 1610", "0930-1030"
_FOUR_DIGITS = re.compile(
    r"^(\s*)([01]\d|2[0-3])([0-5]\d)(\s*(?:-{1,2}|–|—|to)\s*)([01]\d|2[0-3])([0-5]\d)(?!\d)"
)


def times_as_read(text: str) -> str:
    """``12 noon`` is ``noon``, ``12 midnight`` ``midnight``: one time, not a time and a title;
    ``1600 -- 1610`` is ``16:00 -- 16:10`` (a range of four digits each is no year)."""
    if "12" in text:
        text = _NOON.sub(r"\1", text)
    if text[:1].isdigit() or text[:1].isspace():
        text = _FOUR_DIGITS.sub(r"\1\2:\3\4\5:\6", text)
    return text


#: the longest gap a time without am/pm may leave after the day's latest time, read as the afternoon
_PLAUSIBLE_GAP = dt.timedelta(hours=6)


def _resolve(clock: ClockTime, latest: dt.time | None, end_of: bool = False) -> dt.time:
    """A time of day; a 12-hour time written without am/pm is read as a person would: a
    day runs forward, so a time that would go back before ``latest`` is the afternoon
    when that leaves a plausible gap (``11:30`` then ``1:00``; ``12:45`` then ``02:15``).
    ``end_of``: ``latest`` is the start of the same slot (``10:30 - 1:00`` ends at 1 pm).
    A padded hour (``08:30``) is a 24-hour clock's, unless the day is past noon already."""
    moment = clock.resolved()
    if clock.meridiem or not 1 <= clock.hour <= 11:
        return moment
    if latest is None:
        # the day's first time: "1-1:45" on a 12-hour clock is a workshop's afternoon, not a night
        # (a night's is written 01:00, or 1am); "7:30" and later is the morning
        if 1 <= clock.hour <= 6 and not clock.padded:
            return moment.replace(hour=clock.hour + 12)
        return moment
    if clock.padded and latest < dt.time(12):
        return moment
    if moment < latest:
        afternoon = moment.replace(hour=clock.hour + 12)
        gap = dt.datetime.combine(dt.date.min, afternoon) - dt.datetime.combine(dt.date.min, latest)
        if end_of or dt.timedelta(0) <= gap <= _PLAUSIBLE_GAP:
            return afternoon
    return moment


def _zone_written(groups: dict[str, str | None], prefix: str) -> str:
    return (groups.get(f"{prefix}zone") or "").strip()


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
                    RoadsWarning.TIME,
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
            RoadsWarning.TIMEZONE,
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


@dataclass(frozen=True)
class SlotTimes:
    """A slot's times as read, in the venue's zone."""

    start: dt.time
    end: dt.time | None
    ends_at_midnight: bool = False  # "23:00 - 24:00": ``end`` is 00:00 of the next day
    zoned: bool = False  # written in UTC (or UTC+2, AoE) and converted exactly


def read_times(
    match: re.Match,
    offset: int,
    day: Day | None,
    problems: list[Problem],
    zone: Zone | None = None,
    stated_zone: str = "",
) -> SlotTimes | None:
    """The times of a slot's line (a match of ``SLOT``), or None after a problem. Moves the
    day's latest time on, for the next time without am/pm.

    It is long because each way a time can be wrong (minutes, an end before the start, a
    zone that is not the venue's, a guessed am/pm, a night time) is said here, where the
    time is read, each with what to write instead."""
    groups = match.groupdict()
    quoted = clean_text(match.string).replace("\n", " ")
    start, problem = clock_from_groups(groups, "s_")
    if problem or start is None:
        problems.append(Problem(offset, RoadsWarning.TIME, f"{problem}; this slot is left out"))
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
                problems.append(Problem(offset, RoadsWarning.TIME, f"{problem}; this slot is left out"))
                return None
    if day is None:
        problems.append(
            Problem(
                offset,
                RoadsWarning.DATE,
                (
                    "no day for this slot: give the date after the directive name "
                    "('```{schedule} June 8, 2023') or on a line of its own above the slots; this slot is left out"
                ),
            )
        )
        return None
    start_zone, end_zone = _zone_written(groups, "s_"), _zone_written(groups, "e_")
    if not start_zone and not end_zone and stated_zone:
        start_zone = stated_zone  # "The times below are in UTC", said once above the program
    written_zone = start_zone or end_zone
    if start_zone and end_zone and start_zone != end_zone:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIMEZONE,
                (
                    f"{quoted!r} starts in {start_zone} and ends in {end_zone}: write both times in one zone, "
                    "the venue's (without a zone) or UTC; this slot is left out"
                ),
            )
        )
        return None
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
                    RoadsWarning.TIME,
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
                        RoadsWarning.TIME,
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
                    RoadsWarning.TIME,
                    (
                        f"{quoted!r} is read as {format_time(start_time)} to {format_time(end_time)} "
                        f"({hours:g} hours): its end has no am/pm and is taken as the afternoon; write "
                        f"'{_clock(start_time)} - {_clock(end_time)}' to confirm, or the times in order with "
                        "am/pm or on a 24-hour clock"
                    ).replace("\u202f", " "),
                )
            )
    day.latest = (
        end_time if end_time is not None and not midnight else (dt.time(23, 59) if midnight else start_time)
    )
    return SlotTimes(start_time, end_time, midnight, exact)


def _clock(moment: dt.time) -> str:
    """``1:30am``, ``9:30pm``: a time as an author writes it with am/pm."""
    return f"{moment.hour % 12 or 12}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def close_day(
    day: Day | None, match: re.Match, offset: int, problems: list[Problem], zone: Zone | None = None
) -> None:
    """``17:50 Finish``: the last slot ends then; the line is no slot. ``17:50 UTC Finish``
    is read in the venue's time, as a slot's times are."""
    if day is None or not day.slots or day.undated:
        return
    last = day.slots[-1]
    clock, problem = clock_from_groups(match.groupdict(), "s_")
    if problem or clock is None:
        problems.append(Problem(offset, RoadsWarning.TIME, f"{problem}; the day's end is left out"))
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
