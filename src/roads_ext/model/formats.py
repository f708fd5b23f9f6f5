"""Dates and times as the site's language writes them, with Babel. Knows nothing of Sphinx.

Authors write dates in English or ISO, whatever the site's language (see
:mod:`roads_ext.model.dates`); what a page shows is formatted here, for the
locale of Sphinx's ``language``::

    en     Thursday, June 8, 2023     8:30 AM
    de     Donnerstag, 8. Juni 2023   08:30
    fr     jeudi 8 juin 2023          08:30

The clock (12 or 24 hours) is the locale's own unless the site chooses one.
Calendar files and structured data are not formatted here: they stay
language-neutral (ISO 8601 and RFC 5545).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, match_skeleton

from .dates import DAY_NAMES, MONTH_NAMES

#: the clocks a site may choose; None is the locale's own
CLOCKS = ("12", "24")
#: the hour cycle each clock is, as ``Intl.DateTimeFormat`` names it
HOUR_CYCLES = {"12": "h12", "24": "h23"}
#: a time never breaks across lines ("8:30 AM", "8 h 30")
_INNER_SPACE = re.compile(r"[ \u00a0]")
#: languages written from the fixed English tables of :mod:`roads_ext.model.dates`, as
#: Babel writes them (tests/test_i18n.py compares every time of day and thousands of
#: dates): loading Babel's locale data would cost every English build some 30 ms
ENGLISH = frozenset({"en", "en_US"})


def N_(message: str) -> str:
    """Mark a message to translate where it is defined (Babel's extractor finds it);
    it is translated where it is shown, in the site's language."""
    return message


def read_clock(value: object) -> str | None:
    """A ``roads_clock`` as written (``"24"``, ``24``, ``"24h"``) as ``"12"`` or ``"24"``;
    None for None and for anything that is not a clock."""
    if value is None or isinstance(value, bool):
        return None
    written = str(value).strip().lower().removesuffix("h")
    return written if written in CLOCKS else None


def parse_locale(language: str | None) -> tuple[Locale, str | None]:
    """Babel's locale for a Sphinx ``language`` (``de``, ``pt_BR``, ``zh-TW``, ``sr@latin``),
    and a problem when Babel knows neither it nor its language (English is used then)."""
    written = (language or "en").strip() or "en"
    scripted = written.replace("@latin", "_Latn").replace("@cyrillic", "_Cyrl")
    candidates = [
        scripted.replace("-", "_"),
        written.split("@")[0].replace("-", "_"),
        re.split(r"[-_@]", written)[0],
    ]
    for candidate in candidates:
        try:
            return Locale.parse(candidate), None
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return Locale.parse("en"), (
        f"language {written!r} is not a locale Babel knows: dates and times "
        "are written in English; set language to a code such as 'de', 'fr' "
        "or 'pt_BR'"
    )


def locale_clock(locale: Locale) -> str:
    """``"24"`` where the locale's short time uses a 24-hour clock (``HH:mm``), else ``"12"``."""
    pattern = re.sub(r"'[^']*'", "", locale.time_formats["short"].pattern)
    return "24" if re.search(r"[Hk]", pattern) else "12"


@lru_cache(maxsize=32)
def _time_pattern(locale: Locale, clock: str) -> str:
    """The locale's pattern for hour and minute on this clock (``h:mm a``, ``HH:mm``)."""
    skeletons = locale.datetime_skeletons
    wanted = "hmm" if clock == "12" else "Hmm"
    found = wanted if wanted in skeletons else match_skeleton(wanted, skeletons)
    if found is None:  # a locale without skeletons: its own short pattern
        return locale.time_formats["short"].pattern
    return str(skeletons[found])


@lru_cache(maxsize=4096)
def _format_time(locale: Locale, clock: str, hour: int, minute: int) -> str:
    shown = format_time(dt.time(hour, minute), _time_pattern(locale, clock), locale=locale)
    return _INNER_SPACE.sub("\u202f", shown)


@lru_cache(maxsize=4096)
def _format_date(locale: Locale, date: dt.date) -> str:
    return format_date(date, "full", locale=locale)


@dataclass(frozen=True)
class Formats:
    """How one site writes dates and times: its locale and its clock."""

    locale: Locale
    clock: str  # "12" or "24"
    #: written from the fixed English tables, without Babel's locale data
    english: bool = False

    @classmethod
    def of(cls, language: str | None, clock: str | None = None) -> Formats:
        """For a Sphinx ``language``; ``clock`` ``"12"`` or ``"24"`` overrides the locale's
        (anything else is the locale's: the Sphinx side reports a wrong value)."""
        clock = str(clock) if clock is not None else ""
        if ((language or "en").strip().replace("-", "_") or "en") in ENGLISH:
            return cls(Locale("en"), clock if clock in CLOCKS else "12", english=True)
        locale, _ = parse_locale(language)
        return cls(locale, clock if clock in CLOCKS else locale_clock(locale))

    @property
    def hour_cycle(self) -> str:
        """``h12`` or ``h23``, for the visitor's-own-time script."""
        return HOUR_CYCLES[self.clock]

    def date(self, date: dt.date) -> str:
        """The full date: ``Thursday, June 8, 2023``, ``Donnerstag, 8. Juni 2023``."""
        if self.english:  # Babel's "EEEE, MMMM d, y"
            return f"{DAY_NAMES[date.weekday()]}, {MONTH_NAMES[date.month]} {date.day}, {date.year}"
        return _format_date(self.locale, date)

    def time(self, time: dt.time) -> str:
        """Hour and minute on this clock: ``8:30 AM``, ``08:30`` (spaces never break)."""
        if self.english and self.clock == "12":  # Babel's "h:mm a"
            return f"{time.hour % 12 or 12}:{time.minute:02d}\u202f{'AM' if time.hour < 12 else 'PM'}"
        if self.english:  # Babel's "HH:mm"
            return f"{time.hour:02d}:{time.minute:02d}"
        return _format_time(self.locale, self.clock, time.hour, time.minute)


STATUS_LABELS = {"passed": N_("Passed"), "next": N_("Next"), "upcoming": N_("Upcoming")}
