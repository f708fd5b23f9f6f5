"""Dates, times and time zones as authors write them, and important dates.

Knows nothing of Sphinx. Every parser returns what it could read plus a list of
:class:`Problem` (a line offset, a warning subtype and a message that says what
to write instead); nothing here raises to the author.

Accepted forms::

    dates   2023-06-08 · June 8, 2023 · Thursday, June 8, 2023 · 8 June 2023 · Jun 8 2023
    times   8:30am · 8:30 AM · 8.30 a.m. · 8am · 08:30 · 20:30 · noon · midnight
    zones   an IANA name (America/Los_Angeles, Europe/Paris, UTC) or AoE
            (Anywhere on Earth, UTC-12)
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

# --- time zones --------------------------------------------------------------------

#: "Anywhere on Earth": a deadline holds until the day is over everywhere (UTC-12)
AOE = "AoE"
AOE_ZONE = dt.timezone(dt.timedelta(hours=-12), "AoE")
_AOE_SPELLINGS = {
    "aoe",
    "a.o.e.",
    "anywhere on earth",
    "anywhere-on-earth",
    "utc-12",
    "utc-12:00",
    "gmt-12",
    "etc/gmt+12",
}
_UTC_SPELLINGS = {"utc", "gmt", "z", "etc/utc", "utc+0", "utc+00:00"}


#: files of a zone database that are no zone of a place: ``localtime`` is the build
#: machine's own zone (a site would follow wherever it is built), ``posixrules`` a
#: default for POSIX TZ strings, ``Factory`` a zone of "-00" for machines not set up;
#: ``posix/`` and ``right/`` (leap seconds) are copies of the zones under other names
_NOT_ZONES = {"localtime", "posixrules", "factory"}
_NOT_ZONE_FOLDERS = ("posix/", "right/")
_NOT_ZONE_MEANING = {
    "localtime": "the zone of the machine that builds the site, wherever that is",
    "posixrules": "the rules for TZ strings without rules of their own",
    "factory": "the zone of a machine whose zone was never set",
}


def is_place_zone(name: str) -> bool:
    """Whether a name of the zone database is a zone a venue can be in (not
    ``localtime``, ``posixrules``, ``Factory``, ``posix/...`` or ``right/...``)."""
    folded = name.lower()
    return folded not in _NOT_ZONES and not folded.startswith(_NOT_ZONE_FOLDERS)


@lru_cache(maxsize=1)
def _listed_zones() -> frozenset[str]:
    """The zones the tzdata package lists, read from its one list: each of them is a name
    :func:`_zone_names` has too, found without walking the zone database's files."""
    from importlib import resources  # only for a zone's name: a site may have none

    try:
        with resources.files("tzdata").joinpath("zones").open("r") as listed:
            return frozenset(line.strip() for line in listed if line.strip())
    except (ImportError, OSError):
        return frozenset()


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """lower-case name -> IANA name, for every zone of a place this machine knows."""
    return {name.lower(): name for name in zoneinfo.available_timezones() if is_place_zone(name)}


@dataclass(frozen=True)
class Zone:
    """A time zone as the author named it: an IANA zone, or AoE."""

    name: str  # "America/Los_Angeles", "UTC" or "AoE"

    @property
    def is_aoe(self) -> bool:
        return self.name == AOE

    @property
    def tzinfo(self) -> dt.tzinfo:
        if self.is_aoe:
            return AOE_ZONE
        return zoneinfo.ZoneInfo(self.name)

    @property
    def iana(self) -> str | None:
        """The IANA key for a calendar's TZID (None for AoE and UTC: those go as UTC)."""
        return None if self.is_aoe or self.name == "UTC" else self.name

    def abbreviation(self, when: dt.datetime) -> str:
        """``PDT``, ``CEST``, ``AoE``; ``UTC-07:00`` where the zone has no letters."""
        if self.is_aoe:
            return AOE
        local = when.astimezone(self.tzinfo)
        name = local.tzname() or ""
        return name if name and name[0].isalpha() else utc_offset_label(local)

    def describe(self, when: dt.datetime, aoe: str = "Anywhere on Earth") -> str:
        """``America/Los_Angeles, UTC−07:00`` or ``Anywhere on Earth, UTC−12:00``
        (``aoe``: what Anywhere on Earth is called in the site's language)."""
        local = when.astimezone(self.tzinfo)
        label = aoe if self.is_aoe else self.name
        return f"{label}, {utc_offset_label(local)}"


def utc_offset_label(when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


#: ``UTC+2``, ``GMT-5``, ``UTC+02:00``, ``UTC−3`` (a minus sign): an offset from UTC
_UTC_OFFSET = re.compile(r"^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
#: letters only, as time-zone abbreviations are written (``PT``, ``CEST``)
_ABBREVIATION = re.compile(r"^[a-z]{2,5}$")


def parse_zone(text: str) -> tuple[Zone | None, str | None]:
    """``(zone, None)`` or ``(None, why)`` with a did-you-mean where one is close.

    An IANA name, AoE, UTC, or an offset from UTC of whole hours (``UTC+2``, the zone
    ``Etc/GMT-2``). An abbreviation (``CEST``, ``PT``) names no zone: several zones share
    each, so none is guessed at (see :func:`abbreviation_zone`)."""
    word = " ".join(text.strip().strip("()").split()).replace("\u2212", "-")
    if not word:
        return None, "no time zone given"
    folded = word.lower()
    if folded not in _AOE_SPELLINGS:
        folded = folded.rstrip(".")
    if folded in _AOE_SPELLINGS:
        return Zone(AOE), None
    if folded in _UTC_SPELLINGS:
        return Zone("UTC"), None
    if _UTC_OFFSET.match(folded):
        offset = utc_offset(folded)  # None past UTC±14
        if offset is None or offset % dt.timedelta(hours=1):
            return None, (
                f"{word!r} is no zone of its own: write the IANA name of the venue's zone "
                "(such as 'Asia/Kolkata' for UTC+05:30)"
            )
        hours = offset // dt.timedelta(hours=1)
        if hours == 0:
            return Zone("UTC"), None
        if hours == -12:
            return Zone(AOE), None
        # the zone database names offsets the other way round: UTC+2 is Etc/GMT-2
        return Zone(f"Etc/GMT{-hours:+d}"), None
    if word in _listed_zones() and is_place_zone(word):  # as written: no need to list every zone
        return Zone(word), None
    names = _zone_names()
    if folded in names:
        return Zone(names[folded]), None
    file = folded.removeprefix("/etc/").removeprefix("/usr/share/zoneinfo/")
    if not is_place_zone(file):
        # localtime, posix/Europe/Paris: a file of the zone database, not a venue's zone
        meaning = _NOT_ZONE_MEANING.get(file, "a copy of a zone, for other programs")
        same = names.get(file.split("/", 1)[-1]) if "/" in file else None
        hint = f"; did you mean {same!r}?" if same else ""
        return None, (
            f"{word!r} is not a venue's time zone but a file of the zone database ({meaning}{hint}); "
            "write an IANA name such as 'America/Los_Angeles' or 'Europe/Paris', or 'AoE' for "
            "Anywhere on Earth"
        )
    choices = {**names, "aoe": AOE}
    close = difflib.get_close_matches(folded, list(choices), n=1, cutoff=0.6)
    if close and _ABBREVIATION.match(folded) and close[0] != "aoe":
        # CEST is not EST: an abbreviation a letter off another names another zone
        return None, (
            f"{word!r} is an abbreviation that several zones share; write the venue's IANA zone "
            "(such as 'Europe/Paris' for CEST, 'America/Los_Angeles' for PT), or 'AoE'"
        )
    hint = f" (did you mean {choices[close[0]]!r}?)" if close else ""
    return None, (
        f"unknown time zone {word!r}{hint}; write an IANA name such as "
        "'America/Los_Angeles' or 'Europe/Paris', or 'AoE' for Anywhere on Earth"
    )


def abbreviation_zone(word: str, zone: Zone | None, date: dt.date) -> Zone | None:
    """``zone`` when ``word`` is its abbreviation on ``date`` (``PDT`` for
    America/Los_Angeles in June, or the season-less ``PT``), else None: an abbreviation
    is read only as the zone the block is in, never guessed from its letters (and
    ``PST`` in June, an hour off, is not read at all)."""
    if zone is None or zone.iana is None or not _ABBREVIATION.match(word.lower()):
        return None
    try:
        named = dt.datetime.combine(date, dt.time(12), zone.tzinfo).tzname() or ""
    except (OverflowError, ValueError):
        return None
    names = {named.upper()}
    if len(named) == 3 and named[1] in "SD":  # PST, PDT: PT
        names.add(named[0] + named[2])
    elif len(named) == 4 and named[2] in "SD":  # AKST: AKT
        names.add(named[:2] + named[3])
    return zone if named[:1].isalpha() and word.upper() in names else None


def utc_offset(word: str) -> dt.timedelta | None:
    """The offset from UTC that ``word`` names exactly (``UTC``, ``GMT``, ``Z``,
    ``UTC+2``, ``UTC−05:30``, ``AoE``), or None."""
    folded = " ".join(word.strip().strip("()").split()).replace("\u2212", "-").lower()
    if folded in _AOE_SPELLINGS:
        return dt.timedelta(hours=-12)
    if folded in _UTC_SPELLINGS:
        return dt.timedelta(0)
    found = _UTC_OFFSET.match(folded)
    if found is None:
        return None
    hours, minutes = int(found.group(2)), int(found.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return (-1 if found.group(1) == "-" else 1) * dt.timedelta(hours=hours, minutes=minutes)


def looks_like_zone(word: str) -> bool:
    """Whether a word after a date was meant as a zone, so that a wrong one is reported.

    A zone, a word with a slash (``Europe/Pariss``) or one close to a zone or to AoE
    (``AEO``); anything else (``TBC``, ``tentative``) is a note.
    """
    word = word.strip("()")
    if not word:
        return False
    if parse_zone(word)[0] is not None or "/" in word or not is_place_zone(word):
        return True
    folded = word.lower()
    return bool(
        difflib.get_close_matches(folded, ["aoe"], n=1, cutoff=0.6)
        or difflib.get_close_matches(folded, list(_zone_names()), n=1, cutoff=0.8)
    )


# --- dates ---------------------------------------------------------------------------

#: English month and day names, fixed: ``calendar.month_name`` and ``%B`` follow the
#: process locale, and under ``LC_ALL=de_DE.UTF-8`` would read "Juni" and reject "June"
MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES) if name}
_MONTHS.update({name[:3].lower(): number for number, name in enumerate(MONTH_NAMES) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): number for number, name in enumerate(DAY_NAMES)}
_WEEKDAYS.update({name[:3].lower(): number for number, name in enumerate(DAY_NAMES)})

#: (a fifth digit after the year or a third after the day makes no date: ``June 8, 20233``)
_ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_WORD = r"[A-Za-z]+\.?"
_MDY = re.compile(
    rf"(?:(?P<wd>{_WORD}),?\s+)?(?P<mon>{_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)"
)
_DMY = re.compile(
    rf"(?:(?P<wd>{_WORD}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_WORD}),?\s+(?P<y>\d{{4}})(?!\d)"
)


#: a date in digits, day and month in either order: ``22/04/2024``, ``Monday 22.04.2024``
_NUMERIC_DATE = re.compile(
    rf"(?:(?P<wd>{_WORD}),?\s+)?(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})(?!\d)"
)


def match_date(text: str) -> tuple[re.Match | None, str]:
    """The longest date written at the start of ``text``, and its form."""
    text = text.strip()
    for form, pattern in (("iso", _ISO_DATE), ("mdy", _MDY), ("dmy", _DMY), ("numeric", _NUMERIC_DATE)):
        match = pattern.match(text)
        if match:
            return match, form
    return None, ""


_MD_NO_YEAR = re.compile(
    rf"(?:(?P<wd>{_WORD}),?\s+)?(?P<mon>{_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.])"
)
_DM_NO_YEAR = re.compile(
    rf"(?:(?P<wd>{_WORD}),?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_WORD})(?![\w])"
)


def match_date_without_year(text: str) -> re.Match | None:
    """``Thursday, June 8`` or ``8 June`` at the start of ``text``: a day whose year is
    given elsewhere (the workshop's date). Only a real month name counts."""
    text = text.strip()
    for pattern in (_MD_NO_YEAR, _DM_NO_YEAR):
        match = pattern.match(text)
        if match and match.group("mon").rstrip(".").lower() in _MONTHS:
            weekday = match.group("wd")
            if weekday and weekday.rstrip(".").lower() not in _WEEKDAYS:
                continue
            return match
    return None


def date_in_year(match: re.Match, year: int) -> tuple[dt.date | None, str | None]:
    """The day a :func:`match_date_without_year` match names, in ``year``."""
    written = match.group(0).strip()
    month = _MONTHS[match.group("mon").rstrip(".").lower()]
    day = int(match.group("d"))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, f"{written!r} is not a date: {calendar.month_name[month]} {year} has {last} days"
    date = dt.date(year, month, day)
    weekday = match.group("wd")
    if weekday and _WEEKDAYS[weekday.rstrip(".").lower()] != date.weekday():
        return None, (
            f"{written!r} is not a day of {year}: {date:%B} {date.day}, {year} is a {date:%A}; "
            "write the date with its year"
        )
    return date, None


def looks_like_date(text: str) -> bool:
    """A line that was meant as a date: it names a month or weekday, or is all digits and dashes."""
    words = re.findall(r"[A-Za-z]+", text)
    if any(w.lower() in _MONTHS or w.lower() in _WEEKDAYS for w in words[:3]):
        return True
    return bool(re.match(r"^\s*\d{4}-\d", text))


def parse_date(text: str) -> tuple[dt.date | None, int, str | None]:
    """Read a date at the start of ``text``: ``(date, characters used, problem)``."""
    match, form = match_date(text)
    stripped = text.strip()
    if match is None:
        return None, 0, (f"{stripped!r} is not a date: write it as 'June 8, 2023' or '2023-06-08'")
    used = len(text) - len(text.lstrip()) + match.end()
    groups = match.groupdict()
    if form == "numeric":
        numeric = _numeric_day_month(groups)
        if isinstance(numeric, str):
            return None, used, f"{match.group(0)!r} {numeric}"
        groups = {**groups, "d": str(numeric[0]), "m": str(numeric[1])}
        month = numeric[1]
    elif form == "iso":
        month = int(groups["m"])
    else:
        month = _MONTHS.get(groups["mon"].rstrip(".").lower(), 0)
        if not month:
            close = difflib.get_close_matches(groups["mon"].lower(), list(_MONTHS), n=1, cutoff=0.6)
            hint = f" (did you mean {MONTH_NAMES[_MONTHS[close[0]]]!r}?)" if close else ""
            return None, used, f"{match.group(0)!r} is not a date: {groups['mon']!r} is not a month{hint}"
    year, day = int(groups["y"]), int(groups["d"])
    if year < 1:
        return (
            None,
            used,
            (
                f"{match.group(0)!r} is not a date: there is no year 0 (the calendar "
                "goes from 1 BC to AD 1); write a year from 1 to 9999"
            ),
        )
    if not 1 <= month <= 12:
        return None, used, f"{match.group(0)!r} is not a date: there is no month {month}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, used, (f"{match.group(0)!r} is not a date: {MONTH_NAMES[month]} {year} has {last} days")
    date = dt.date(year, month, day)
    weekday = groups.get("wd")
    if weekday:
        number = _WEEKDAYS.get(weekday.rstrip(".").lower())
        if number is None:
            return None, used, f"{match.group(0)!r} is not a date: {weekday!r} is not a day of the week"
        if number != date.weekday():
            return (
                None,
                used,
                (
                    f"{match.group(0)!r} is not a date: {MONTH_NAMES[month]} {date.day}, {year} "
                    f"is a {DAY_NAMES[date.weekday()]}, not a {DAY_NAMES[number]}"
                ),
            )
    return date, used, None


def _numeric_day_month(groups: dict) -> tuple[int, int] | str:
    """``(day, month)`` of a date in digits, or why it cannot be told: a part over 12 is the
    day; else the weekday written with it decides; else the date is ambiguous."""
    first, second, year = int(groups["a"]), int(groups["b"]), int(groups["y"])
    readings = []
    for day, month in ((first, second), (second, first)):
        if (
            1 <= month <= 12
            and 1 <= day <= calendar.monthrange(year, month)[1]
            and (day, month) not in readings
        ):
            readings.append((day, month))
    weekday = (groups.get("wd") or "").rstrip(".").lower()
    if weekday in _WEEKDAYS and len(readings) > 1:
        readings = [
            r for r in readings if dt.date(year, r[1], r[0]).weekday() == _WEEKDAYS[weekday]
        ] or readings
    if len(readings) == 1:
        return readings[0]
    if not readings:
        return "is not a date"
    return "could be read day first or month first: write the month's name ('June 8, 2023') or '2023-06-08'"


def format_date(date: dt.date) -> str:
    """``Thursday, June 8, 2023``"""
    return f"{DAY_NAMES[date.weekday()]}, {MONTH_NAMES[date.month]} {date.day}, {date.year}"


# --- times -----------------------------------------------------------------------------

TIME_PATTERN = (
    r"(?:(?P<{p}word>noon|midnight)"
    r"|(?<!\d)(?P<{p}h>\d{{1,2}})(?:[:.h](?P<{p}m>\d{{2}})(?::\d{{2}})?(?!\d))?"
    r"(?:\s*(?P<{p}ap>[ap]\.?\s?m\b\.?))?(?![:.]?\d))"
)
_TIME = re.compile(TIME_PATTERN.format(p=""), re.IGNORECASE)


@dataclass(frozen=True)
class ClockTime:
    """A time of day as written: hour and minute, and am/pm if it was given."""

    hour: int
    minute: int
    meridiem: str = ""  # "am", "pm" or "" for a 24-hour time
    padded: bool = False  # written with a leading zero ("08:30"): a 24-hour clock

    def resolved(self, meridiem: str | None = None) -> dt.time:
        """The 24-hour time, reading a bare hour with ``meridiem`` if given."""
        half = self.meridiem or (meridiem if 1 <= self.hour <= 12 else "") or ""
        hour = self.hour
        if half == "am":
            hour = 0 if hour == 12 else hour
        elif half == "pm":
            hour = hour if hour == 12 else hour + 12
        return dt.time(hour, self.minute)


def clock_from_groups(groups: dict[str, str | None], prefix: str = "") -> tuple[ClockTime | None, str | None]:
    """A :class:`ClockTime` from a match of :data:`TIME_PATTERN`, or a problem."""
    word = groups.get(f"{prefix}word")
    if word:
        return (ClockTime(12, 0, "pm") if word.lower() == "noon" else ClockTime(12, 0, "am")), None
    hour = int(groups[f"{prefix}h"] or 0)
    minute = int(groups.get(f"{prefix}m") or 0)
    meridiem = (groups.get(f"{prefix}ap") or "").lower().replace(".", "").replace(" ", "")
    written = f"{groups[f'{prefix}h']}:{minute:02d}{meridiem}"
    if minute > 59:
        return None, f"{written!r} is not a time: minutes go up to 59"
    if meridiem == "pm" and 13 <= hour <= 23 and groups.get(f"{prefix}m"):
        meridiem = ""  # "13:15 pm", as some programs write the afternoon: a 24-hour time
    if meridiem and not 1 <= hour <= 12:
        return None, f"{written!r} is not a time: with am/pm the hour is 1 to 12"
    if hour > 23:
        return None, f"{written!r} is not a time: hours go up to 23 (or write am/pm)"
    written_hour = groups[f"{prefix}h"] or ""
    padded = len(written_hour) == 2 and written_hour.startswith("0")
    return ClockTime(hour, minute, meridiem, padded), None


def parse_time(text: str) -> tuple[ClockTime | None, int, str | None]:
    """Read a time at the start of ``text``: ``(time, characters used, problem)``."""
    stripped = text.lstrip()
    match = _TIME.match(stripped)
    if match is None:
        return None, 0, f"{text.strip()!r} is not a time: write it as '8:30am' or '20:30'"
    clock, problem = clock_from_groups(match.groupdict())
    return clock, len(text) - len(stripped) + match.end(), problem


def format_time(time: dt.time) -> str:
    """``8:30 AM``, ``12:00 PM``"""
    hour = time.hour % 12 or 12
    return f"{hour}:{time.minute:02d}\u202f{'AM' if time.hour < 12 else 'PM'}"


# --- moments a calendar can hold -------------------------------------------------------

_UTC = dt.UTC


def _hours(delta: dt.timedelta) -> str:
    minutes = round(abs(delta.total_seconds()) / 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours} hour{'s' if hours != 1 else ''}" if hours else ""
    if minutes:
        text += f"{' ' if text else ''}{minutes} minutes"
    return text or "0 minutes"


def _clock(when: dt.datetime) -> str:
    return format_time(when.time()).replace("\u202f", " ")


def _zone_label(zone: Zone) -> str:
    return "Anywhere on Earth (AoE)" if zone.is_aoe else zone.name


def range_problem(date: dt.date, time: dt.time | None, zone: Zone, whole_day: bool = False) -> str | None:
    """Why ``date`` (at ``time`` in ``zone``) cannot be in a calendar, or None.

    Calendars, ``<time>`` elements and Python keep moments in UTC between January 1,
    year 1 and December 31, 9999: a local time near either end in a zone behind or
    ahead of UTC, or the end of December 31, 9999 (a whole day ends at midnight after
    it), falls outside.
    """
    tz = zone.tzinfo
    moments = [(date, time or dt.time(0))]
    if whole_day:
        if date == dt.date.max:
            return (
                f"the end of {format_date(date)}, {_zone_label(zone)}, is after the last moment a "
                "calendar can hold (December 31, 9999, UTC): write an earlier date"
            )
        moments.append((date + dt.timedelta(days=1), dt.time(0)))
    for day, clock in moments:
        try:
            dt.datetime.combine(day, clock, tz).astimezone(_UTC)
        except (OverflowError, ValueError):
            early = day.year == 1
            what = (
                f"the end of {format_date(date)}"
                if whole_day and day != date
                else f"{format_date(day)}, {_clock(dt.datetime.combine(day, clock))}"
            )
            return (
                f"{what}, {_zone_label(zone)}, is {'before the first' if early else 'after the last'} "
                f"moment a calendar can hold ({'January 1, year 1' if early else 'December 31, 9999'}, "
                f"UTC): write a{' later' if early else 'n earlier'} date"
            )
    return None


def daylight_saving_problem(date: dt.date, time: dt.time, zone: Zone) -> str | None:
    """Whether ``time`` on ``date`` does not exist in ``zone`` (the clocks skip it) or
    happens twice (they go back over it): what is assumed then, and what to write."""
    if zone.iana is None:
        return None
    tz = zone.tzinfo
    first = dt.datetime.combine(date, time, tz)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    try:
        real = first.astimezone(_UTC).astimezone(tz)
    except OverflowError:
        return None
    day = format_date(date)
    before, after = first.utcoffset() or dt.timedelta(0), second.utcoffset() or dt.timedelta(0)
    if real.replace(tzinfo=None) != first.replace(tzinfo=None):
        # in a gap: zoneinfo reads it with the offset before the change, as RFC 5545 does
        jump = _hours(after - before)
        return (
            f"{_clock(first)} does not exist on {day} in {zone.name}: the clocks go forward "
            f"{jump} that night; it is taken as {_clock(real)} {zone.abbreviation(real)}, "
            f"the same moment; write {_clock(real)} to say so, or a time outside the change"
        )
    later = second.astimezone(_UTC)
    return (
        f"{_clock(first)} happens twice on {day} in {zone.name}: the clocks go back "
        f"{_hours(before - after)} that night; the first one, "
        f"{_clock(first)} {zone.abbreviation(first)} ({utc_offset_label(first)}), is assumed; "
        f"to mean the second one, write it in UTC ({_clock(later)} UTC)"
    )


def now_for_build(environ: dict[str, str]) -> tuple[dt.datetime, str | None]:
    """The build's "now": ``SOURCE_DATE_EPOCH`` if set (reproducible builds), else the clock."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return dt.datetime.fromtimestamp(int(raw), dt.UTC), None
        except (ValueError, OverflowError, OSError):
            return (
                dt.datetime.now(dt.UTC).replace(microsecond=0),
                f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds; the clock is used",
            )
    return dt.datetime.now(dt.UTC).replace(microsecond=0), None
