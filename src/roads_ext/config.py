"""Every ``roads_*`` value an organizer may set in ``conf.py``, declared once.

Each :class:`Setting` says its name, the types it may have, its default, what a
change of it rebuilds and what it means; :func:`setup_config` registers them all
with Sphinx in one loop. A value of the wrong type is a ``roads.config`` warning
located in ``conf.py`` (at the line that sets it, the last one where it is set twice),
and its default is used; a value a check refuses, or the part of it refused, is a
warning at the same line saying what is used instead.
The handbook's settings page is generated from these (``tests/test_handbook.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from docutils import nodes

from .core.report import warn
from .core.settings import forget_read_settings
from .diagnostics import RoadsWarning
from .model.dates import parse_date, parse_zone
from .model.editions import read_editions
from .model.formats import read_clock
from .model.phases import MILESTONES
from .model.problems import did_you_mean

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: what a check refuses: the problems, each a sentence and its warning subtype (None: the
#: setting's ``check_subtype``), and the value used instead
Refusal = tuple[list[tuple[str, RoadsWarning | None]], Any]


@dataclass(frozen=True)
class Setting:
    """One ``roads_*`` value of ``conf.py``."""

    name: str
    #: the types a value may have
    types: tuple[type, ...]
    default: Any
    #: what a change rebuilds: "env" re-reads every page, "html" rewrites them
    rebuild: Literal["env", "html", ""]
    #: one line for an organizer, as the handbook's settings page shows it
    meaning: str
    #: a value of the right type that is still wrong: its problems and the value used
    #: instead (see :data:`Refusal`), or None; the warnings' subtype where a problem names none
    check: Callable[[Any], Refusal | None] | None = None
    check_subtype: RoadsWarning = RoadsWarning.CONFIG
    #: then, what the value names in the project (folders of the source directory)
    check_project: Callable[[Any, Sphinx], Refusal | None] | None = None

    def type_names(self) -> str:
        return " or ".join("None" if kind is type(None) else kind.__name__ for kind in self.types)


def _time_zone(value: str) -> Refusal | None:
    """An IANA name or AoE; anything else is a warning, and UTC is used."""
    if not value.strip():
        return None
    zone, problem = parse_zone(value)
    return None if zone is not None else ([(f"{problem}; UTC is used", None)], "UTC")


def _workshop_date(value: str) -> Refusal | None:
    """A date (``2023-06-08``, ``June 8, 2023``); anything else is a warning, and none is used.
    Text after the date (a time: ``2023-06-08T10:00``) is a ``roads.config`` warning, and
    the date alone is used."""
    if not value.strip():
        return None
    date, used, problem = parse_date(value)
    if problem is not None or date is None:
        return [(f"{problem}; it is not used", None)], ""
    written, rest = value[:used].strip(), value[used:].strip()
    if not rest:
        return None
    return [
        (
            f"{rest!r} after the date is left out (the setting is a day, without a time: a "
            f"program's times are in its slots); the day {written!r} is used",
            RoadsWarning.CONFIG,
        )
    ], written


def _clock(value: str | int | None) -> Refusal | None:
    """A clock: "12", "24" or None; anything else is a warning, and the language's clock is used."""
    if value is None or read_clock(value) is not None:
        return None
    problem = (
        'not a clock: write roads_clock = "24" (13:30), "12" (1:30 PM) or None (the '
        "language's own); the language's own is used"
    )
    return [(problem, None)], None


def _phase_dates(value: dict) -> Refusal | None:
    """Keys among the milestones, each an important date's label (text); an unknown key
    is a ``roads.phase`` warning, a label that is not text a ``roads.config`` one, and
    either entry is left out."""
    problems: list[tuple[str, RoadsWarning | None]] = []
    unknown = [key for key in value if key not in MILESTONES]
    if unknown:
        keys = "; ".join(f"unknown key {key!r}{did_you_mean(str(key), MILESTONES)}" for key in unknown)
        problems.append((f"{keys}; the keys are {', '.join(MILESTONES)}; it is left out", None))
    for key, label in value.items():
        if key in MILESTONES and not isinstance(label, str):
            problems.append(
                (
                    f"the value of {key!r} must be an important date's label, as text (such as "
                    f"{_LABEL_EXAMPLES[key]!r}), not {label!r}; it is left out, and the {key} is "
                    "read from the labels' words",
                    RoadsWarning.CONFIG,
                )
            )
    if not problems:
        return None
    kept = {key: label for key, label in value.items() if key in MILESTONES and isinstance(label, str)}
    return problems, kept


#: a label for each milestone, for a warning's example
_LABEL_EXAMPLES = {"submission": "Papers in", "notification": "Results out", "workshop": "Workshop day"}


def _editions(value: Any) -> Refusal | None:
    """Folder names, each once; what cannot be used is a warning and is left out."""
    editions, problems = read_editions(value)
    if not problems:
        return None
    return [("; ".join(problems), None)], _kept_editions(value, editions.names, editions.label)


def _kept_editions(value: Any, names: Iterable[str], label: Callable[[str], str]) -> Any:
    """``roads_editions`` with only ``names``, in the form it was written (list or dict)."""
    return {name: label(name) for name in names} if isinstance(value, dict) else list(names)


def _edition_folders(value: Any, app: Sphinx) -> Refusal | None:
    """An edition is a folder of the source directory that holds pages: one that does not
    (no such folder: ``"2025"`` before it is written, ``"index"``) is a warning and is left
    out, so that the next edition is the current one."""
    editions, _ = read_editions(value)
    if not editions.names:
        return None
    suffixes = _source_suffixes(app)
    srcdir = Path(app.srcdir)
    empty = [name for name in editions.names if not _holds_a_page(srcdir / name, suffixes)]
    if not empty:
        return None
    problems: list[tuple[str, RoadsWarning | None]] = [
        (
            f"no page is in the folder {name}/ of the source directory"
            f"{'' if (srcdir / name).is_dir() else ' (there is no such folder)'}: an edition is a "
            f"folder of its pages, so write them there; {name!r} is left out",
            None,
        )
        for name in empty
    ]
    kept = [name for name in editions.names if name not in empty]
    return problems, _kept_editions(value, kept, editions.label)


def _source_suffixes(app: Sphinx) -> tuple[str, ...]:
    """The file endings of pages (``.rst``, ``.md``), before Sphinx's own handler has
    turned ``source_suffix`` into a dict."""
    written = app.config.source_suffix
    if isinstance(written, str):
        written = [written]
    found = {*(written or ()), *app.registry.source_suffix}
    return tuple(sorted(str(suffix) for suffix in found if suffix))


def _holds_a_page(folder: Path, suffixes: tuple[str, ...]) -> bool:
    if not folder.is_dir():
        return False
    return any(path.name.endswith(suffixes) and path.is_file() for path in folder.rglob("*"))


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
        check_project=_edition_folders,
    ),
    Setting(
        "roads_archival",
        (bool,),
        True,
        "env",
        "whether the workshop's papers are archival (published as proceedings): False "
        'says "non-archival" on each accepted-papers list and in each BibTeX entry\'s note',
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
    a warning about a setting names where the organizer wrote it. Set twice, the last
    assignment is the one that takes effect, and the one named."""
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
    where.line = max((number for number, line in enumerate(lines, 1) if assignment.match(line)), default=None)
    return where


def _checks_of(entry: Setting, app: Sphinx) -> list[Callable[[Any], Refusal | None]]:
    """A setting's checks, in order: of the value alone, then of what it names in the project."""
    checks = [entry.check] if entry.check else []
    project_check = entry.check_project
    if project_check is not None:
        checks.append(lambda value: project_check(value, app))
    return checks


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
        written = value
        for check in _checks_of(entry, app):  # the second sees what the first kept
            found = check(value)
            if found is None:
                continue
            problems, value = found
            where = conf_py_location(app, entry.name)  # conf.py read once for all its problems
            for problem, subtype in problems:
                warn(
                    f"{entry.name} = {written!r} in conf.py: {problem}", subtype or entry.check_subtype, where
                )
            setattr(config, entry.name, value)
    forget_read_settings(config)  # read again from the values kept


def setup_config(app: Sphinx) -> None:
    for entry in SETTINGS:
        # the types are checked by check_settings, with a located warning (Sphinx's own
        # check would warn without a line and keep the wrong value)
        app.add_config_value(entry.name, entry.default, entry.rebuild, description=entry.meaning)
    # before the families' own config-inited handlers (social's runs at 900)
    app.connect("config-inited", check_settings, priority=100)
