"""Important dates as authors write them (``Paper submission: May 1, 2023 (AoE)``), and
each one's state at a moment (passed, next, upcoming). Knows nothing of Sphinx; the
dates, times and zones themselves are :mod:`roads_ext.model.dates`'."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..diagnostics import RoadsWarning
from .dates import (
    AOE,
    Zone,
    abbreviation_zone,
    daylight_saving_problem,
    looks_like_zone,
    match_date,
    parse_date,
    parse_time,
    parse_zone,
    range_problem,
)
from .problems import Problem


@dataclass(frozen=True)
class ImportantDate:
    """One deadline or milestone: a whole day, or a moment, in a zone."""

    offset: int
    label: str
    date: dt.date
    time: dt.time | None = None
    zone: Zone | None = None  # None: a whole day, wherever you are
    note: str = ""

    @property
    def all_day(self) -> bool:
        return self.time is None

    def start(self) -> dt.datetime:
        """The moment (timed) or the start of the day in its zone (AoE if none)."""
        zone = (self.zone or Zone(AOE)).tzinfo
        return dt.datetime.combine(self.date, self.time or dt.time(0), zone)

    def over_at(self) -> dt.datetime:
        """When it has passed: the moment itself, or the end of the day in its zone.

        A day given without a zone is over when it is over everywhere on Earth.
        """
        if self.time is not None:
            return self.start()
        zone = (self.zone or Zone(AOE)).tzinfo
        return dt.datetime.combine(self.date + dt.timedelta(days=1), dt.time(0), zone)

    def passed(self, now: dt.datetime) -> bool:
        return now >= self.over_at()


@dataclass
class DatesResult:
    items: list[ImportantDate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_LABEL_SPLIT = re.compile(r"\s*(?::\s+|\s—\s|\s–\s|\s-\s|\s\|\s)")

_BULLET = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def split_label(line: str) -> list[str]:
    """``[label, date]``: at the first separator after which a date is written, so that a
    label may hold one (``Papers (Track A: long): May 1, 2023``); else at the first."""
    for separator in _LABEL_SPLIT.finditer(line):
        if match_date(_unemphasized(line[separator.end() :]))[0] is not None:
            return [line[: separator.start()], line[separator.end() :]]
    return _LABEL_SPLIT.split(line, maxsplit=1)


#: Markdown's emphasis around a whole label or date (``**Paper submission**``): the lines
#: of ``important-dates`` are read as text, not as Markdown
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")


def _unemphasized(text: str) -> str:
    found = _EMPHASIS.match(text.strip())
    return found.group(2) if found else text


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line.strip(), count=1)


def parse_moment(
    text: str, offset: int, default_zone: Zone | None
) -> tuple[dt.date | None, dt.time | None, Zone | None, str, list[Problem]]:
    """``June 1, 2023, 11:59pm AoE (note)`` -> date, time, zone, note, problems."""
    problems: list[Problem] = []
    date, used, problem = parse_date(text)
    if problem:
        return None, None, None, "", [Problem(offset, RoadsWarning.DATE, problem)]
    rest = text[used:].strip().lstrip(",").strip()
    rest = re.sub(r"^(?:at|@)\s+", "", rest)
    time = None
    if rest[:1].isdigit() or re.match(r"(?i)(noon|midnight)\b", rest):
        clock, used, problem = parse_time(rest)
        if problem or clock is None:
            return (
                None,
                None,
                None,
                "",
                [Problem(offset, RoadsWarning.TIME, problem or f"{rest!r} is not a time")],
            )
        time = clock.resolved()
        rest = rest[used:].strip()
    zone = default_zone
    note = ""
    if rest:
        match = re.match(
            r"^\(?((?:utc|gmt)\s*[+\u2212-]\s*\d[\d:]*|[^()\s,;]+(?:\s+on\s+earth)?)\)?(?=$|[\s,;])",
            rest,
            re.IGNORECASE,
        )
        word = match.group(1) if match else ""
        known, why = parse_zone(word) if word else (None, None)
        if match and known is None and date is not None:
            known = abbreviation_zone(word, default_zone, date)
            if known is not None:
                why = None
        if match and known and (looks_like_zone(word) or match.group(0).startswith("(") or why is None):
            zone = known
            rest = rest[match.end() :].strip(" ,;")
        elif match and looks_like_zone(word):
            assumed = f"the block's zone, {zone.name}, is assumed" if zone else "UTC is assumed"
            problems.append(Problem(offset, RoadsWarning.TIMEZONE, f"{why}; {assumed}"))
            rest = rest[match.end() :].strip(" ,;")
            zone = zone or Zone("UTC")
        note = rest.strip("() ")
    if time is not None and zone is None:
        problems.append(
            Problem(
                offset,
                RoadsWarning.TIMEZONE,
                (
                    f"{text.strip()!r} has a time but no time zone: add one ('11:59pm AoE', "
                    "'17:00 Europe/Paris') or give the directive a :timezone:; UTC is assumed"
                ),
            )
        )
        zone = Zone("UTC")
    return date, time, zone, note, problems


def parse_important_dates(lines: list[str], default_zone: Zone | None = None) -> DatesResult:
    """Read ``Label: date [time] [zone]`` lines (a Markdown list or plain lines).

    A line that cannot be read is reported and left out; the others are kept in
    the order written.
    """
    result = DatesResult()
    for offset, raw in enumerate(lines):
        if not raw.strip():
            continue
        line = strip_bullet(raw)
        parts = split_label(line)
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            result.problems.append(
                Problem(
                    offset,
                    RoadsWarning.DATE,
                    (
                        f"{line!r} does not read 'Label: date': write for example "
                        "'Paper submission: May 1, 2023 (AoE)'; this line is left out"
                    ),
                )
            )
            continue
        label, value = _unemphasized(parts[0].strip()), _unemphasized(parts[1].strip())
        date, time, zone, note, problems = parse_moment(value, offset, default_zone)
        if date is None:  # the line is left out: say which
            result.problems.extend(
                Problem(p.offset, p.subtype, f"{label!r}: {p.message}; this date is left out")
                for p in problems
            )
            continue
        result.problems.extend(problems)
        why = range_problem(date, time, zone or Zone(AOE), whole_day=time is None)
        if why is not None:
            result.problems.append(
                Problem(offset, RoadsWarning.DATE, f"{label!r}: {why}; this date is left out")
            )
            continue
        why = daylight_saving_problem(date, time, zone) if time is not None and zone else None
        if why is not None:
            result.problems.append(Problem(offset, RoadsWarning.TIME, f"{label!r}: {why}"))
        result.items.append(ImportantDate(offset, label, date, time, zone, note))
    return result


def date_states(over_at: list[dt.datetime], now: dt.datetime) -> list[str]:
    """``passed``, ``next`` or ``upcoming`` for dates that are over at these moments
    (:meth:`ImportantDate.over_at`): the earliest not yet over is the next one."""
    upcoming = [moment for moment in over_at if now < moment]
    first = min(upcoming, default=None)
    return ["passed" if now >= moment else "next" if moment == first else "upcoming" for moment in over_at]
