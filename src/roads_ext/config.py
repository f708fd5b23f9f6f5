"""Every ``roads_*`` value an organizer may set in ``conf.py``, declared once.

Each :class:`Setting` says its name, the types it may have, its default, what a
change of it rebuilds and what it means; :func:`setup_config` registers them all
with Sphinx in one loop. A value of the wrong type is a ``roads.config`` warning
located in ``conf.py`` (at the line that sets it), and its default is used.
The README's settings table lists exactly these (``tests/test_diagnostics.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from docutils import nodes

from .diagnostics import RoadsWarning
from .model.dates import did_you_mean, parse_date, parse_zone
from .model.editions import read_editions
from .model.formats import read_clock
from .model.phases import MILESTONES
from .shared import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


@dataclass(frozen=True)
class Setting:
    """One ``roads_*`` value of ``conf.py``."""

    name: str
    #: the types a value may have
    types: tuple[type, ...]
    default: Any
    #: what a change rebuilds: "env" re-reads every page, "html" rewrites them
    rebuild: Literal["env", "html", ""]
    #: one line for an organizer, as in the README
    meaning: str
    #: a value of the right type that is still wrong: ``(problem, the value used instead)``
    #: or None; the warning's subtype
    check: Callable[[Any], tuple[str, Any] | None] | None = None
    check_subtype: RoadsWarning = RoadsWarning.CONFIG

    def type_names(self) -> str:
        return " or ".join("None" if kind is type(None) else kind.__name__ for kind in self.types)


def _time_zone(value: str) -> tuple[str, Any] | None:
    """An IANA name or AoE; anything else is a warning, and UTC is used."""
    if not value.strip():
        return None
    zone, problem = parse_zone(value)
    return None if zone is not None else (f"{problem}; UTC is used", "UTC")


def _workshop_date(value: str) -> tuple[str, Any] | None:
    """A date (``2023-06-08``, ``June 8, 2023``); anything else is a warning, and none is used."""
    if not value.strip():
        return None
    _, _, problem = parse_date(value)
    return None if problem is None else (f"{problem}; it is not used", "")


def _clock(value: str | int | None) -> tuple[str, Any] | None:
    """A clock: "12", "24" or None; anything else is a warning, and the language's clock is used."""
    if value is None or read_clock(value) is not None:
        return None
    return (
        'not a clock: write roads_clock = "24" (13:30), "12" (1:30 PM) or None (the '
        "language's own); the language's own is used"
    ), None


def _phase_dates(value: dict) -> tuple[str, Any] | None:
    """Keys among the milestones; any other is a warning and is left out."""
    unknown = [key for key in value if key not in MILESTONES]
    if not unknown:
        return None
    problems = "; ".join(f"unknown key {key!r}{did_you_mean(str(key), MILESTONES)}" for key in unknown)
    kept = {key: label for key, label in value.items() if key in MILESTONES}
    return f"{problems}; the keys are {', '.join(MILESTONES)}; it is left out", kept


def _editions(value: Any) -> tuple[str, Any] | None:
    """Folder names, each once; what cannot be used is a warning and is left out."""
    editions, problems = read_editions(value)
    if not problems:
        return None
    kept = (
        {name: editions.label(name) for name in editions.names}
        if isinstance(value, dict)
        else list(editions.names)
    )
    return "; ".join(problems), kept


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "roads_timezone",
        (str,),
        "",
        "env",
        "the venue's IANA time zone (or AoE) for schedule and important-dates blocks "
        "without a :timezone: of their own",
        check=_time_zone,
        check_subtype=RoadsWarning.TIMEZONE,
    ),
    Setting(
        "roads_workshop_date",
        (str,),
        "",
        "env",
        'the workshop\'s day ("2023-06-08"): the day of a schedule that names none, and the '
        'year of a day written without one ("Schedule (Thursday, June 8)")',
        check=_workshop_date,
        check_subtype=RoadsWarning.DATE,
    ),
    Setting(
        "roads_social_card",
        (dict, type(None)),
        None,
        "html",
        "the sharing image drawn at build time: a dict of title, subtitle and footer "
        "(the title defaults to the project's name), its colours background, accent, "
        "color and muted (CSS colours) and its fonts font and title_font (.ttf/.otf "
        "files in the project); None draws none",
    ),
    Setting(
        "roads_clock",
        (str, int, type(None)),
        None,
        "env",
        'the clock of the times shown: "12" (1:30 PM) or "24" (13:30); None is the '
        "clock of the site's language (24 hours in German and French, 12 in English)",
        check=_clock,
        check_subtype=RoadsWarning.LOCALE,
    ),
    Setting(
        "roads_phase_dates",
        (dict,),
        {},
        "env",
        "which important dates are the submission deadline, the notification and the "
        "workshop, by their labels, where the labels' words do not say",
        check=_phase_dates,
        check_subtype=RoadsWarning.PHASE,
    ),
    Setting(
        "roads_editions",
        (list, tuple, dict, type(None)),
        None,
        "env",
        "the site's editions, each a top-level folder of docs/, newest (the current one) "
        "first: a list of folder names, or a dict of folder names to labels; None is a "
        "single-edition site",
        check=_editions,
        check_subtype=RoadsWarning.EDITION,
    ),
    Setting(
        "roads_inline_styles",
        (bool,),
        True,
        "html",
        "each page carries the site's styles (roads-styles.css) in its head instead of "
        "linking them: the first page a visitor opens is drawn one request sooner; False "
        "links the file, which a browser then keeps from page to page",
    ),
)


def conf_py_location(app: Sphinx, name: str) -> nodes.Element | None:
    """A node standing for the line of ``conf.py`` that sets ``name`` (or the file):
    a warning about a setting names where the organizer wrote it."""
    if not app.confdir:
        return None
    path = Path(app.confdir) / "conf.py"
    where = nodes.Element()
    where.source = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return where
    assignment = re.compile(rf"^\s*{re.escape(name)}\s*(?::[^=]*)?=")
    where.line = next((number for number, line in enumerate(lines, 1) if assignment.match(line)), None)
    return where


def check_settings(app: Sphinx, config: Config) -> None:
    """A value of the wrong type, or one its check refuses, is a warning at its line in
    conf.py, and the default (or the check's replacement) is used instead."""
    for entry in SETTINGS:
        value = getattr(config, entry.name)
        if not isinstance(value, entry.types):
            warn(
                f"{entry.name} = {value!r} in conf.py must be {entry.type_names()}, not "
                f"{type(value).__name__}; the default {entry.default!r} is used",
                RoadsWarning.CONFIG,
                conf_py_location(app, entry.name),
            )
            setattr(config, entry.name, entry.default)
            continue
        found = entry.check(value) if entry.check else None
        if found is not None:
            problem, instead = found
            warn(
                f"{entry.name} = {value!r} in conf.py: {problem}",
                entry.check_subtype,
                conf_py_location(app, entry.name),
            )
            setattr(config, entry.name, instead)


def setup_config(app: Sphinx) -> None:
    for entry in SETTINGS:
        # the types are checked by check_settings, with a located warning (Sphinx's own
        # check would warn without a line and keep the wrong value)
        app.add_config_value(entry.name, entry.default, entry.rebuild, description=entry.meaning)
    # before the families' own config-inited handlers (social's runs at 900)
    app.connect("config-inited", check_settings, priority=100)
