"""``roads-quickstart DIR`` (or ``python -m roads_ext new DIR``): a new workshop site.

Writes a complete starter site from the templates in ``templates/quickstart``: ``conf.py``,
the pages (home, speakers, committee, call for papers, program, dates, contact) with
commented examples, ``.readthedocs.yaml``, the lock of tested versions, a two-command
``dev.py``, ``.gitignore``, a README and a favicon (the workshop's initials, drawn by the
social card's code). The workshop's name, date, time zone and conference come from
options, or are asked for on a terminal.

The site carries roads_ext itself: the wheel of the roads_ext that writes it (built with
``pip wheel`` from its source tree, or the wheel it was installed from), in ``wheels/``,
named with its hash in ``requirements/docs.lock``; so the site builds from its own folder,
with ``pip install --require-hashes``, on any machine and on Read the Docs. With
``--from-index`` (once a release is on a package index) the lock names the release instead,
hashed as pip downloads it, and no wheel is carried.

Every value is checked before anything is written (a clear message, never a traceback),
and written escaped for where it goes: a Python literal in ``conf.py``, escaped Markdown
in the pages, a JSON string in YAML front matter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

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
    }


def render(template: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        return values[match.group(1)]

    return _PLACEHOLDER.sub(value, template)


#: where a site keeps the roads_ext wheel it carries
WHEELS = "wheels"
LOCK = Path("requirements") / "docs.lock"
FAVICON = "favicon.png"
#: its size: a browser scales it down to its 16 or 32 px, and 2x screens see it sharp
FAVICON_SIZE = 96
#: words left out of a workshop's initials
_SMALL_WORDS = frozenset(["a", "an", "and", "at", "for", "in", "of", "on", "the", "to"])
#: what copying a source tree to build its wheel leaves out: environments, build output
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv*", "_build", "build", "dist", "node_modules", "*.egg-info", "__pycache__"
)


def _pip(*arguments: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", *map(str, arguments)], capture_output=True, text=True)


def _last_lines(result: subprocess.CompletedProcess, count: int = 8) -> str:
    lines = (result.stderr or result.stdout).strip().splitlines()
    return "\n".join(f"    {line}" for line in lines[-count:])


def source_tree() -> Path | None:
    """The checkout this roads_ext runs from (``src/roads_ext`` beside a pyproject.toml
    naming roads_ext), or None for an installed copy."""
    import tomllib

    package = Path(__file__).resolve().parent.parent  # this module is in roads_ext/cli/
    root = package.parent.parent
    if package != root / "src" / "roads_ext" or not (root / "pyproject.toml").is_file():
        return None
    try:
        project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return root if project.get("project", {}).get("name") == "roads_ext" else None


def installed_wheel() -> Path | None:
    """The wheel file this roads_ext was installed from, when pip recorded one that is still
    there (``direct_url.json``; a site's own .venv has it from the site's ``wheels/``)."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution("roads_ext").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    if not recorded:
        return None
    url = urlparse(json.loads(recorded).get("url", ""))
    path = Path(unquote(url.path))
    if url.scheme == "file" and path.suffix == ".whl" and path.is_file():
        return path
    return None


def check_wheel(wheel: Path) -> Path:
    """A roads_ext wheel of this very version (the site's files are this version's)."""
    parts = wheel.name.split("-")
    if not wheel.is_file() or wheel.suffix != ".whl" or len(parts) < 5:
        raise QuickstartError(f"{wheel} is not a wheel file (roads_ext-{__version__}-py3-none-any.whl)")
    if parts[0].lower().replace(".", "_") != "roads_ext" or parts[1] != __version__:
        raise QuickstartError(
            f"{wheel.name} is not a wheel of roads_ext {__version__}, the version writing the site"
        )
    return wheel


def build_wheel(into: Path) -> Path:
    """The wheel of the running roads_ext, in ``into``: built by ``pip wheel`` from a copy of
    its source tree (the tree itself is left as it was), or the wheel it was installed from."""
    root = source_tree()
    if root is None:
        found = installed_wheel()
        if found is None:
            raise QuickstartError(
                "this roads_ext is neither a source checkout nor installed from a wheel file, so "
                "there is no wheel to carry in the site; give one with --wheel FILE, or use "
                f"--from-index if roads_ext {__version__} is on your package index"
            )
        return Path(shutil.copy2(check_wheel(found), into))
    copy = into / "source"
    shutil.copytree(root, copy, ignore=_NOT_SOURCE)
    built = _pip("wheel", "--no-deps", "--quiet", "--wheel-dir", into, copy)
    wheels = sorted(into.glob("roads_ext-*.whl"))
    if built.returncode != 0 or len(wheels) != 1:
        raise QuickstartError(f"building roads_ext's wheel with pip failed:\n{_last_lines(built)}")
    shutil.rmtree(copy)
    return check_wheel(wheels[0])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def carried_requirement(wheel: Path) -> str:
    """The lock's lines naming the wheel carried in ``wheels/``, with its hash (a path
    relative to the site's folder, where dev.py and Read the Docs run pip)."""
    return (
        "# roads_ext itself: the wheel of the roads_ext that wrote this site, carried in wheels/\n"
        "# (written by roads-quickstart; a newer one: see README.md)\n"
        f"./{WHEELS}/{wheel.name} \\\n    --hash=sha256:{sha256(wheel)}\n"
    )


def index_requirement(into: Path) -> str:
    """The lock's lines naming this version of roads_ext on the package index pip uses,
    with the hash of the wheel pip downloads from it."""
    got = _pip(
        "download",
        "--no-deps",
        "--only-binary",
        ":all:",
        "--quiet",
        "--dest",
        into,
        f"roads_ext=={__version__}",
    )
    wheels = sorted(into.glob("roads_ext-*.whl"))
    if got.returncode != 0 or len(wheels) != 1:
        raise QuickstartError(
            f"roads_ext {__version__} was not found on your package index (pip download failed); "
            f"leave out --from-index, and the site carries roads_ext's wheel itself:\n{_last_lines(got, 3)}"
        )
    return (
        "# roads_ext itself, from the package index\n"
        f"roads-ext=={__version__} \\\n    --hash=sha256:{sha256(wheels[0])}\n"
    )


def initials(name: str) -> str:
    """Up to two letters for the favicon: the first letters of the name's words, small words
    left out (accents dropped; "W" for a name without a Latin letter or digit)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", plain)
    kept = [word for word in words if word.lower() not in _SMALL_WORDS] or words
    return "".join(word[0] for word in kept)[:2].upper() or "W"


def draw_favicon(name: str, target: Path) -> None:
    """``favicon.png``: the workshop's initials as the social card draws a title
    (``social.render_card``, its colours and font), cut square around them. PNG, which
    every browser takes as an icon, and the e-book builder too (not .ico)."""
    from PIL import Image, ImageChops

    from ..output.social import COLOUR_FIELDS, render_card

    card = render_card(initials(name))
    background = Image.new("RGB", card.size, COLOUR_FIELDS["background"])
    # the title's pixels, right of the card's accent bar (the card's left half if none)
    bar = 40
    text = ImageChops.difference(card, background).crop((bar, 0, *card.size)).getbbox()
    left, top, right, bottom = (0, 0, card.height - bar, card.height) if text is None else text
    left, right = left + bar, right + bar
    side = max(right - left, bottom - top) * 5 // 4
    x, y = (left + right - side) // 2, (top + bottom - side) // 2
    square = card.crop((x, y, x + side, y + side))
    square.resize((FAVICON_SIZE, FAVICON_SIZE), Image.Resampling.LANCZOS).save(
        target, format="PNG", optimize=True
    )


def write_site(
    target: Path,
    name: str,
    day: dt.date,
    timezone: str,
    conference: str = "",
    conference_url: str = "",
    *,
    wheel: Path | None = None,
    from_index: bool = False,
) -> list[Path]:
    """Check every value, then write the starter site into ``target``; the files written.

    roads_ext goes in as ``wheel``, or the wheel of the running roads_ext (``build_wheel``),
    carried in the site; with ``from_index``, as the release on the package index."""
    name = check_name(name, "workshop's name")
    day = check_date(day.isoformat())
    timezone = check_timezone(timezone)
    conference, conference_url = check_conference(conference, conference_url)
    check_target(target)
    if wheel is not None and from_index:
        raise QuickstartError("give --wheel or --from-index, not both")
    values = context(name, day, timezone, conference, conference_url)
    with tempfile.TemporaryDirectory(prefix="roads-quickstart-") as work:
        # roads_ext first: a failure leaves nothing half-written
        if from_index:
            carried, requirement = None, index_requirement(Path(work))
        else:
            carried = check_wheel(wheel) if wheel is not None else build_wheel(Path(work))
            requirement = carried_requirement(carried)
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
        with (target / LOCK).open("a", encoding="utf-8") as lock:
            lock.write(requirement)
        if carried is not None:
            (target / WHEELS).mkdir()
            written.append(Path(shutil.copyfile(carried, target / WHEELS / carried.name)))
        draw_favicon(name, target / FAVICON)
        written.append(target / FAVICON)
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
    carried = parser.add_mutually_exclusive_group()
    carried.add_argument(
        "--wheel",
        type=Path,
        metavar="FILE",
        help=f"the roads_ext {__version__} wheel the site carries (default: built from this roads_ext)",
    )
    carried.add_argument(
        "--from-index",
        action="store_true",
        help=f"name roads_ext {__version__} on the package index in the site's lock, instead of "
        "carrying its wheel (once a release is on an index)",
    )
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
            wheel=args.wheel,
            from_index=args.from_index,
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
