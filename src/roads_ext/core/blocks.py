"""What the block directives (``schedule``, ``important-dates``, ``accepted-papers``)
share: a block's anchor, its time zone, the workshop's day."""

from __future__ import annotations

import datetime as dt
import re

from ..diagnostics import RoadsWarning
from ..model.dates import Zone, parse_zone
from .directive import RoadsDirective
from .pages import unique_id
from .settings import read_settings


def directive_zone(directive: RoadsDirective, required: bool) -> Zone | None:
    """The ``:timezone:`` option, else ``roads_timezone``; a warning when wrong or missing."""
    written = directive.checked_options.get("timezone")
    site_zone = read_settings(directive.config).zone
    if not written and site_zone is not None:
        return site_zone  # a wrong roads_timezone was reported once, at its line of conf.py
    if not written:
        if required:
            directive.warn(
                "no time zone: add ':timezone: America/Los_Angeles' (an IANA name, or AoE), "
                "or set roads_timezone in conf.py; the times are taken as UTC",
                RoadsWarning.TIMEZONE,
            )
            return Zone("UTC")
        return None
    zone, problem = parse_zone(written)
    if zone is None:
        directive.warn(f"{problem}; the times are taken as UTC", RoadsWarning.TIMEZONE, option="timezone")
        return Zone("UTC")
    return zone


def workshop_date(directive: RoadsDirective) -> dt.date | None:
    """``roads_workshop_date`` from conf.py: the day of a program without one, and the
    year of a day written without it (a value that is no date was refused, with a
    warning at its line, when conf.py was read: see :mod:`roads_ext.config`)."""
    return read_settings(directive.config).workshop_date


def block_anchor(directive: RoadsDirective, default: str) -> str:
    """``schedule``, ``schedule-2`` ... unique on the page, or the ``:name:`` given."""
    base = re.sub(r"[^a-z0-9-]+", "-", directive.checked_options.get("name", default).lower()).strip("-")
    return unique_id(directive.state.document, base or default)
