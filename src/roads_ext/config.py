"""Every ``roads_*`` value an organizer may set in ``conf.py``, declared once.

Each :class:`Setting` says its name, the types it may have, its default, what a
change of it rebuilds and what it means; :func:`setup_config` registers them all
with Sphinx in one loop. A value of the wrong type is a ``roads.config`` warning
located in ``conf.py`` (at the line that sets it), and its default is used.
The README's settings table lists exactly these (``tests/test_diagnostics.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from docutils import nodes

from .diagnostics import RoadsWarning
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

    def type_names(self) -> str:
        return " or ".join("None" if kind is type(None) else kind.__name__ for kind in self.types)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "roads_timezone",
        (str,),
        "",
        "env",
        "the venue's IANA time zone (or AoE) for schedule and important-dates blocks "
        "without a :timezone: of their own",
    ),
    Setting(
        "roads_social_card",
        (dict, type(None)),
        None,
        "html",
        "the texts of the sharing image drawn at build time: a dict of title, subtitle "
        "and footer (the title defaults to the project's name); None draws none",
    ),
)


def setting(name: str) -> Setting:
    return next(entry for entry in SETTINGS if entry.name == name)


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


def check_types(app: Sphinx, config: Config) -> None:
    """A value of the wrong type is a located warning, and the default is used instead."""
    for entry in SETTINGS:
        value = getattr(config, entry.name)
        if isinstance(value, entry.types):
            continue
        warn(
            f"{entry.name} = {value!r} in conf.py must be {entry.type_names()}, not "
            f"{type(value).__name__}; the default {entry.default!r} is used",
            RoadsWarning.CONFIG,
            conf_py_location(app, entry.name),
        )
        setattr(config, entry.name, entry.default)


def setup_config(app: Sphinx) -> None:
    for entry in SETTINGS:
        # the types are checked by check_types, with a located warning (Sphinx's own
        # check would warn without a line and keep the wrong value)
        app.add_config_value(entry.name, entry.default, entry.rebuild, description=entry.meaning)
    # before the families' own config-inited handlers (social's runs at 900)
    app.connect("config-inited", check_types, priority=100)
