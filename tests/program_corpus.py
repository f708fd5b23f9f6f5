"""The program corpus: programs as workshops publish them, and what a careful person reads
in each (``NAME.json`` beside ``NAME.md``/``.txt``/``.csv``; the format is in
``tests/programs/README.md``). Shared by the corpus tests and by the score printed for
the blind set.

    python tests/program_corpus.py tests/programs           # every program's score
    python tests/program_corpus.py tests/programs NAME -v   # one program, slot by slot
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from roads_ext.cli.program import slot_data
from roads_ext.model.dates import parse_date, parse_zone
from roads_ext.model.program import Program, Slot, parse_program

#: the site's ``roads_workshop_date``: the day of programs that name none, the year of those without one
WORKSHOP = dt.date(2023, 7, 11)
DEFAULT_ZONE = "Europe/Paris"
SOURCES = (".md", ".txt", ".csv", ".rst")
FIELDS = ("day", "start", "end", "kind", "title", "speakers", "room", "session", "timed")


@dataclass
class Case:
    name: str
    source: Path
    text: str
    day: dt.date | None
    zone: str
    expected: list[dict]
    warnings: list[str]
    form: str
    named_day: dt.date | None = None  # the day the program's own text names, when it names one
    day_asserted: bool = True  # False: the JSON says nothing of the day (see ``cases``)
    build_warnings: tuple[str, ...] = ()  # warnings of the site build, not of the reading (a link's)

    @property
    def program_day(self) -> dt.date:
        """The day of slots the JSON gives no day: the one the text names, else the
        directive's argument, else the site's workshop date."""
        return self.named_day or self.day or WORKSHOP

    def read(self) -> Program:
        zone, _ = parse_zone(self.zone)
        return parse_program(self.text.splitlines(), first_day=self.day, workshop_date=WORKSHOP,
                             csv_text=self.source.suffix == ".csv", zone=zone)


def cases(folder: Path, strict_day: bool = True) -> list[Case]:
    """The programs of ``folder``. ``strict_day=False``: a program whose JSON names no day
    (no ``date``, ``day`` or slot ``day``) has its slots' day not asserted. The format says
    such a program is read on the day its text names, or the workshop's; its writer did not
    say which (the blind set was written before ``date`` was in the format)."""
    found = []
    for expected in sorted(folder.glob("*.json")):
        source = next((expected.with_suffix(s) for s in SOURCES if expected.with_suffix(s).exists()), None)
        if source is None:
            raise AssertionError(f"{expected.name} has no program beside it")
        data = json.loads(expected.read_text(encoding="utf-8"))
        day = parse_date(data["day"])[0] if data.get("day") else None
        named = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        says_day = bool(named or day or any(slot.get("day") for slot in data["slots"]))
        found.append(Case(expected.stem, source, source.read_text(encoding="utf-8"), day,
                          data.get("timezone") or DEFAULT_ZONE, data["slots"], data.get("warnings", []),
                          data.get("form", ""), named, strict_day or says_day,
                          tuple(data.get("build_warnings", []))))
    return found


def as_read(slot: Slot, program_day: dt.date) -> dict:
    """A slot in the corpus's terms, every field filled in: what ``python -m roads_ext program
    --json`` prints of it."""
    return normalized(slot_data(slot), program_day)


def as_read_dict(expected: dict, case: Case) -> dict:
    """An expected slot with every field filled in."""
    return normalized(expected, case.program_day)


def normalized(expected: dict, program_day: dt.date) -> dict:
    return {
        "day": expected.get("day") or program_day.isoformat(),
        "start": expected["start"],
        "end": expected.get("end"),
        "kind": expected.get("kind"),
        "title": expected.get("title", ""),
        "speakers": list(expected.get("speakers", [])),
        "room": expected.get("room", ""),
        "session": expected.get("session", ""),
        "timed": expected.get("timed", True),
    }


@dataclass
class Score:
    slots: int  # slots expected
    right: int  # read right in every field
    by_field: dict[str, int]  # right in each field
    warnings: list[str]
    unexpected_warnings: list[str]
    differences: list[str]


def score(case: Case) -> Score:
    program = case.read()
    day = case.program_day
    expected = [normalized(slot, day) for slot in case.expected]
    read = [as_read(slot, day) for slot in program.slots()]
    if not case.day_asserted:
        for slot in read:
            slot["day"] = day.isoformat()  # the day is not asserted: every slot is on the program's day
    # align the slots read with those expected by day, start and title, so one missed
    # slot does not count every slot after it as wrong
    keys = lambda slots: [(s["day"], s["start"], s["title"].lower()[:12]) for s in slots]  # noqa: E731
    matcher = difflib.SequenceMatcher(None, keys(expected), keys(read), autojunk=False)
    pairs: list[tuple[dict | None, dict | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.extend(zip(expected[i1:i2], read[j1:j2], strict=True))
        else:
            pairs.extend((e, None) for e in expected[i1:i2])
            pairs.extend((None, r) for r in read[j1:j2])
    right = 0
    by_field = dict.fromkeys(FIELDS, 0)
    differences = []
    for want, got in pairs:
        if want is None:
            differences.append(f"  extra slot read: {got}")
            continue
        if got is None:
            differences.append(f"  slot not read: {want}")
            continue
        wrong = [f for f in FIELDS if want[f] != got[f]]
        for f in FIELDS:
            by_field[f] += f not in wrong
        if not wrong:
            right += 1
        else:
            differences.append(f"  {want['start']} {want['title'][:40]!r}: " + "; ".join(
                f"{f} {got[f]!r} != {want[f]!r}" for f in wrong))
    if any("links" in slot for slot in case.expected):
        # a program that says its slots' links (materials, live links) has every slot's asserted
        for want, got in zip(case.expected, program.slots(), strict=False):
            links = slot_data(got).get("links", [])
            if want.get("links", []) != links:
                differences.append(f"  {want['start']} {want.get('title', '')[:40]!r}: links {links!r} != "
                                   f"{want.get('links', [])!r}")
    warnings = [f"{p.offset}: {p.subtype}: {p.message}" for p in program.problems]
    unexpected = [w for w in warnings if not any(part in w for part in case.warnings)]
    missing = [part for part in case.warnings if not any(part in w for w in warnings)]
    differences.extend(f"  warning expected, not given: {part!r}" for part in missing)
    return Score(len(expected), right, by_field, warnings, unexpected, differences)


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    strict = "--lenient-day" not in argv
    only = [a for a in argv[1:] if not a.startswith("-")]
    verbose = "-v" in argv
    total = right = warned = 0
    fields = dict.fromkeys(FIELDS, 0)
    for case in cases(folder, strict_day=strict):
        if only and not any(o in case.name for o in only):
            continue
        result = score(case)
        total += result.slots
        right += result.right
        warned += len(result.unexpected_warnings)
        for f in FIELDS:
            fields[f] += result.by_field[f]
        mark = "ok " if result.right == result.slots and not result.unexpected_warnings and not result.differences \
            else "   "
        print(f"{mark}{case.name}: {result.right}/{result.slots}, {len(result.unexpected_warnings)} warnings")
        if verbose or (only and mark != "ok "):
            for line in result.differences:
                print(line)
            for warning in result.unexpected_warnings:
                print(f"  warning: {warning}")
    print(f"\n{right} of {total} slots read right; " + ", ".join(f"{f} {n}" for f, n in fields.items())
          + f"; {warned} warnings not expected")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
