"""``roads-quickstart DIR`` (or ``python -m roads_ext new DIR``): a new workshop site.

Writes a complete starter site from the templates in ``templates/quickstart``: ``conf.py``,
the pages (home, speakers, committee, call for papers, program, dates, contact) with
commented examples, ``.readthedocs.yaml``, the lock of tested versions, a two-command
``dev.py``, ``.gitignore`` and a README. The workshop's name, date, time zone and
conference come from options, or are asked for on a terminal.

Every value is checked before anything is written (a clear message, never a traceback),
and written escaped for where it goes: a Python literal in ``conf.py``, escaped Markdown
in the pages, a JSON string in YAML front matter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import html
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "quickstart"
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
#: CommonMark's backslash escapes: any ASCII punctuation
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


class QuickstartError(ValueError):
    """A value the user gave that cannot make a site; the message says what to give."""


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text (every punctuation mark escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def check_name(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise QuickstartError(f'the {what} is empty; give it, e.g. --name "Workshop on Example Systems"')
    if any(ch in value for ch in "\r\n\t") or not value.isprintable():
        raise QuickstartError(f"the {what} {value!r} must be one line of text, without control characters")
    if len(value) > 200:
        raise QuickstartError(f"the {what} is {len(value)} characters long; 200 at most")
    return value


#: the pages give the call's dates before the workshop's day
SUBMISSION_BEFORE = dt.timedelta(days=60)
NOTIFICATION_BEFORE = dt.timedelta(days=30)
CAMERA_READY_BEFORE = dt.timedelta(days=14)
#: the days a site can be written for: its dates are read with four-digit years (the
#: submission deadline too, 60 days before the day), and a whole day must end before
#: the last moment a calendar holds (December 31, 9999, in UTC)
FIRST_DAY = dt.date(1000, 1, 1) + SUBMISSION_BEFORE
LAST_DAY = dt.date.max - dt.timedelta(days=1)


def check_date(value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QuickstartError(
            f"the date {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-06-08"
        ) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        why = (
            "its submission deadline, 60 days before, would need a year before 1000"
            if day < FIRST_DAY
            else "a whole day must end before the last moment a calendar holds"
        )
        raise QuickstartError(
            f"the date {value.strip()!r} is out of range ({why}); give a day from "
            f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        )
    return day


def check_timezone(value: str) -> str:
    import zoneinfo

    from ..model.dates import is_place_zone

    value = value.strip()
    # not localtime, posixrules, Factory: the files of the zone database that are no place's
    known = {name for name in zoneinfo.available_timezones() if is_place_zone(name)}
    if (value in known and "/" in value) or value == "UTC":
        return value
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise QuickstartError(
        f"the time zone {value!r} is not an IANA time zone name{hint}; "
        "give the venue's, e.g. Europe/Paris or America/New_York"
    )


def check_url(value: str) -> str:
    value = value.strip()
    if value and not re.match(r"https?://[^\s<>]+$", value):
        raise QuickstartError(f"the conference URL {value!r} must be an http(s):// address")
    return value


def check_conference(conference: str, conference_url: str) -> tuple[str, str]:
    """The conference's name and address, as the program's ``:part-of:`` can hold them:
    a name alone, or a name with its address; an address alone has nothing to name."""
    conference = check_name(conference, "conference's name") if conference.strip() else ""
    conference_url = check_url(conference_url)
    if conference_url and not conference:
        raise QuickstartError(
            f"the conference URL {conference_url!r} is given without the conference's name; "
            'give it too, e.g. --conference "Example Conference 2026"'
        )
    if conference and not conference_url and re.search(r"<[^<>]+>$", conference):
        # ":part-of: Name <link>" reads the last <...> as the conference's link
        raise QuickstartError(
            f"the conference's name {conference!r} ends in '<...>', which the program reads as "
            "the conference's address; give the address with --conference-url, or write the "
            "name without the angle brackets"
        )
    return conference, conference_url


def check_target(target: Path) -> Path:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise QuickstartError(f"{target} already exists and is not an empty folder; give a new folder's name")
    return target


def _long_date(day: dt.date) -> str:
    """``Monday, June 8, 2026``: the form roads_ext's directives read (English, always)."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def context(name: str, day: dt.date, timezone: str, conference: str, conference_url: str) -> dict[str, str]:
    """Every placeholder of the templates, escaped for where it goes."""
    workshop = _long_date(day)
    # option values as YAML strings: MyST reads a directive's options as YAML, where a
    # " #" would start a comment
    part_of = ""
    if conference:  # with its address, "Name <https://...>"; checked by check_conference
        written = f"{conference} <{conference_url}>" if conference_url else conference
        part_of = f":part-of: {json.dumps(written, ensure_ascii=False)}\n"
    subtitle = f"A workshop at {conference}" if conference else "A workshop"
    description = f"{name}: {workshop}" + (f", at {conference}" if conference else "") + "."
    return {
        "project_py": repr(name),
        "author_py": repr(f"the organizers of {name}"),
        "copyright_py": repr(f"{day.year}, the organizers of {name}"),
        "year_py": repr(str(day.year)),
        "timezone_py": repr(timezone),
        # html_title is HTML: the theme shows it as written
        "html_title_py": repr(html.escape(f"{name} · {conference}" if conference else name, quote=False)),
        "subtitle_py": repr(subtitle),
        "footer_py": repr(workshop),
        "description_yaml": json.dumps(description, ensure_ascii=False),
        "project_md": markdown_text(name),
        "when_md": markdown_text(workshop),
        "conference_md": markdown_text(f", at {conference}") if conference else "",
        "workshop_date": workshop,
        "submission_date": _long_date(day - SUBMISSION_BEFORE),
        "notification_date": _long_date(day - NOTIFICATION_BEFORE),
        "camera_ready_date": _long_date(day - CAMERA_READY_BEFORE),
        "timezone": timezone,
        "event_option": json.dumps(name, ensure_ascii=False),
        "part_of_option": part_of,
        "extension_requirement": f"roads_ext=={__version__}",
        "extension_requirement_py": repr(f"roads_ext=={__version__}"),
    }


def render(template: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(value, template)


def write_site(
    target: Path, name: str, day: dt.date, timezone: str, conference: str = "", conference_url: str = ""
) -> list[Path]:
    """Check every value, then write the starter site into ``target``; the files written."""
    name = check_name(name, "workshop's name")
    day = check_date(day.isoformat())
    timezone = check_timezone(timezone)
    conference, conference_url = check_conference(conference, conference_url)
    check_target(target)
    values = context(name, day, timezone, conference, conference_url)
    written = []
    for source in sorted(TEMPLATES.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts:
            continue
        # dot files are stored as dot-NAME: package data leaves out hidden files
        relative = source.relative_to(TEMPLATES)
        destination = target / relative.parent / re.sub(r"^dot-", ".", relative.name)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".lock":
            destination.write_bytes(source.read_bytes())
        else:
            destination.write_text(render(source.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(destination)
    (target / "dev.py").chmod(0o755)
    return written


def _ask(prompt: str, check: Callable[[str], object], default: str = "") -> str:
    while True:
        shown = f" [{default}]" if default else ""
        answer = input(f"{prompt}{shown}: ").strip() or default
        try:
            check(answer)
        except QuickstartError as problem:
            print(f"  {problem}")
            continue
        return answer


def main(argv: Sequence[str] | None = None, prog: str = "roads-quickstart") -> int:
    parser = argparse.ArgumentParser(
        prog=prog, description="Write a new workshop website (Sphinx + roads_ext) into DIR."
    )
    parser.add_argument("dir", type=Path, help="the new site's folder (new, or empty)")
    parser.add_argument("--name", help='the workshop\'s name, e.g. "Workshop on Example Systems"')
    parser.add_argument("--date", help="the workshop's day, YYYY-MM-DD")
    parser.add_argument("--timezone", help="the venue's IANA time zone, e.g. Europe/Paris")
    parser.add_argument("--conference", help="the conference it is part of (optional)")
    parser.add_argument("--conference-url", default="", help="the conference's web address (optional)")
    args = parser.parse_args(argv)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    missing = [option for option in ("name", "date", "timezone") if getattr(args, option) is None]
    if missing and not interactive:
        parser.error(
            "give "
            + ", ".join(f"--{option}" for option in missing)
            + " (or run it in a terminal to be asked)"
        )
    try:
        check_target(args.dir)
        if args.name is None:
            args.name = _ask("Workshop name", lambda v: check_name(v, "workshop's name"))
        if args.date is None:
            args.date = _ask("Workshop date (YYYY-MM-DD)", check_date)
        if args.timezone is None:
            args.timezone = _ask("Venue's time zone (IANA, e.g. Europe/Paris)", check_timezone)
        if args.conference is None and interactive:
            # optional, unless its address was given
            args.conference = _ask(
                "Conference it is part of" + (" (its name)" if args.conference_url else " (optional)"),
                lambda v: check_conference(v, args.conference_url),
            )
        written = write_site(
            args.dir,
            args.name,
            check_date(args.date),
            args.timezone,
            args.conference or "",
            args.conference_url,
        )
    except QuickstartError as problem:
        parser.error(str(problem))
    except (EOFError, KeyboardInterrupt):
        print()
        return 1
    print(
        f"Wrote {len(written)} files into {args.dir}. Next:\n"
        f"    cd {args.dir}\n    python3 dev.py docs --serve"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
