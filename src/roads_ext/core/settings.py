"""The settings that must be read to be used (a zone, a date, the editions), read once per
build. Their values were checked when conf.py was read (:mod:`roads_ext.config`, which
registers and checks every ``roads_*`` value): a wrong one was reported at its line there
and replaced, so reading them here never warns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.dates import Zone, parse_date, parse_zone
from ..model.editions import Editions, read_editions

if TYPE_CHECKING:
    from sphinx.config import Config


@dataclass(frozen=True)
class ReadSettings:
    """The settings that must be read to be used, as this build reads them."""

    #: ``roads_timezone``; None where it is not set
    zone: Zone | None
    #: ``roads_workshop_date``; None where it is not set
    workshop_date: dt.date | None
    #: ``roads_editions``
    editions: Editions

    @classmethod
    def of(cls, config: Config) -> ReadSettings:
        zone = parse_zone(config.roads_timezone)[0] or Zone("UTC") if config.roads_timezone else None
        date = str(config.roads_workshop_date or "").strip()
        return cls(
            zone=zone,
            workshop_date=parse_date(date)[0] if date else None,
            editions=read_editions(config.roads_editions)[0],
        )


#: where a build's :class:`ReadSettings` are kept on its config (a name Sphinx does not pickle)
_READ_ATTR = "_roads_read_settings"


def read_settings(config: Config) -> ReadSettings:
    """The build's settings, read once (on first use after conf.py was checked)."""
    found = config.__dict__.get(_READ_ATTR)
    if found is None:
        found = ReadSettings.of(config)
        setattr(config, _READ_ATTR, found)
    return found


def forget_read_settings(config: Config) -> None:
    """After conf.py's values are checked (and a wrong one replaced): read them again."""
    config.__dict__.pop(_READ_ATTR, None)
