"""``python -m roads_ext program FILE``: how a pasted program is read, slot by slot.

An organizer checks a paste in seconds, before building: each slot as the reader sees it
(day, time, kind, title, speakers, room, session) under the line it was read from, then
every warning the build would give, with its line. ``--json`` prints the same as data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..model.dates import Zone, format_date, parse_date, parse_zone
from ..model.program import Program, Slot, kind_label, parse_program

USAGE = "python -m roads_ext program FILE [--timezone ZONE] [--day DAY] [--year-of DAY] [--csv] [--json]"


def _arguments(argv: list[str], prog: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Print how a pasted program is read: each slot beside its line, then the warnings.",
    )
    parser.add_argument(
        "file", help="the program as pasted (a text, Markdown or CSV file; - for standard input)"
    )
    parser.add_argument(
        "--timezone", default="", help="the venue's zone, as the directive's :timezone: (IANA name)"
    )
    parser.add_argument("--day", default="", help="the day, as after the directive's name (June 8, 2023)")
    parser.add_argument(
        "--year-of", default="", help="the site's roads_workshop_date: the year of a day written without one"
    )
    parser.add_argument(
        "--csv", action="store_true", help="read the file as CSV (the default for .csv files)"
    )
    parser.add_argument("--json", action="store_true", help="print the reading as JSON")
    return parser.parse_args(argv)


def _date(text: str, what: str) -> dt.date | None:
    if not text:
        return None
    date, _, problem = parse_date(text)
    if problem:
        raise SystemExit(f"{what}: {problem}")
    return date


def speakers_shown(slot: Slot) -> list[str]:
    return [
        (f"{s.role}: " if s.role else "") + s.written + (f" ({s.affiliation})" if s.affiliation else "")
        for s in slot.speakers
    ]


def slot_data(slot: Slot) -> dict:
    """A slot as the corpus's JSON files write it (``tests/programs/README.md``)."""
    data: dict = {
        "day": slot.date.isoformat(),
        "start": f"{slot.start:%H:%M}",
        "end": f"{slot.end:%H:%M}" if slot.end else None,
        "kind": None if slot.kind == "session" else slot.kind,
        "title": slot.heading,
    }
    if slot.speakers:
        data["speakers"] = speakers_shown(slot)
    if slot.location:
        data["room"] = slot.location
    if slot.session:
        data["session"] = slot.session
    if not slot.timed:
        data["timed"] = False
    if slot.abstract:
        data["abstract"] = slot.abstract
    if slot.links:
        # a live link (stream, call, chat) says so; a material is [label, URL]
        data["links"] = [
            [link.label, link.url, *(["live"] if link.kind == "live" else [])] for link in slot.links
        ]
    return data


def render(program: Program, lines: list[str], zone: Zone | None) -> str:
    """The reading as text: a block per slot, its source line below it, then the warnings."""
    out: list[str] = []
    for day in program.days:
        out.append(f"{format_date(day.date)}" + (f"  ({zone.name})" if zone else ""))
        for slot in day.slots:
            when = f"{slot.start:%H:%M}" + (f"-{slot.end:%H:%M}" if slot.end else "")
            if not slot.timed:
                when = f"({when})"
            kind = kind_label(slot.kind) if slot.kind != "session" else "-"
            out.append(f"  {slot.offset + 1:>4}  {when:<13} {kind:<17} {slot.heading}")
            details = []
            if slot.speakers:
                details.append("with " + ", ".join(speakers_shown(slot)))
            if slot.location:
                details.append(f"in {slot.location}")
            if slot.session:
                details.append(f"session: {slot.session}")
            if not slot.timed:
                details.append("no time of its own: shown at the times in brackets")
            for detail in details:
                out.append(f"{'':39}{detail}")
            source = lines[slot.offset].strip() if 0 <= slot.offset < len(lines) else ""
            out.append(f"{'':8}| {source[:100]}")
    if program.problems:
        out.append("")
        out.append(f"{len(program.problems)} warning(s):")
        for problem in sorted(program.problems, key=lambda p: p.offset):
            out.append(f"  line {problem.offset + 1}: [roads.{problem.subtype}] {problem.message}")
    else:
        out.append("")
        out.append("no warnings")
    return "\n".join(out)


def main(argv: list[str], prog: str = "python -m roads_ext program") -> int:
    arguments = _arguments(argv, prog)
    if arguments.file == "-":
        text = sys.stdin.read()
        csv_text = arguments.csv
    else:
        path = Path(arguments.file)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            print(f"{prog}: cannot read {arguments.file}: {error}", file=sys.stderr)
            return 2
        csv_text = arguments.csv or path.suffix.lower() == ".csv"
    zone = None
    if arguments.timezone:
        zone, problem = parse_zone(arguments.timezone)
        if zone is None:
            print(f"{prog}: {problem}", file=sys.stderr)
            return 2
    first_day = _date(arguments.day, "--day")
    year_of = _date(arguments.year_of, "--year-of")
    lines = text.splitlines()
    program = parse_program(lines, first_day, year_of, csv_text, zone)
    if arguments.json:
        data = {
            "slots": [slot_data(slot) for slot in program.slots()],
            "warnings": [
                {"line": p.offset + 1, "type": f"roads.{p.subtype}", "message": p.message}
                for p in sorted(program.problems, key=lambda p: p.offset)
            ],
        }
        print(json.dumps(data, indent=1, ensure_ascii=False))
    else:
        print(render(program, lines, zone))
    return 0
