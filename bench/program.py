"""The program slots: the one part of the synthetic workshop that depends on the `schedule` directive.

When the installed roads_ext registers the ``schedule`` directive,
:func:`program_part` returns :class:`ScheduleProgram`, which writes each track's
slots as a ``schedule`` (roads) or as what an organizer types by hand: one
``list-table`` per day with the zone named, kind and title, speakers linked to
their cards, a label per slot, and on each speaker's card an "In the program:"
line linking to their slots. Without the directive it returns no part and says
why: the slots are then left out of *both* variants and the bench prints that
the program is not measured. Nothing stands in for it.

What the hand-written variant does not have: calendar (.ics) files and their
"Add to calendar" links, ``<time>`` elements with the visitor's local time and
the schema.org ``Event`` data. roads_ext makes them; their cost is in its time.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = """\
import sys
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
src = sys.argv[1]
app = Sphinx(src, src, src + "/_out", src + "/_doctrees", "html", status=None, warning=None)
print("schedule" in directives._directives)
"""


def has_schedule_directive() -> bool:
    """Whether the installed roads_ext registers a ``schedule`` directive."""
    with tempfile.TemporaryDirectory() as src:
        (Path(src) / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\n')
        (Path(src) / "index.md").write_text("# probe\n")
        done = subprocess.run([sys.executable, "-c", PROBE, src], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"could not load roads_ext to look for the schedule directive:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1] == "True"


def program_part():
    """``(part, note)``: the program writer for both variants, or None and why not."""
    if not has_schedule_directive():
        return None, (
            "not available: the installed roads_ext has no `schedule` directive, "
            "so the program slots are left out of both variants and not measured"
        )
    return ScheduleProgram(), (
        "written with roads_ext's `schedule` directive and by hand as one `list-table` "
        "per day; the hand-written site has no calendar files, `<time>` elements or Event data"
    )


#: the first day of every track's program
FIRST_DAY = dt.date(2026, 6, 1)
ZONE = "UTC"


class ScheduleProgram:
    name = "schedule"

    def write(self, variant: str, workshop, track) -> str:
        days: dict[int, list] = {}
        for slot in track.slots:
            days.setdefault(slot.day, []).append(slot)
        if variant == "roads":
            return self.roads(workshop, track, days)
        return self.hand(workshop, track, days)

    # -- with roads_ext -------------------------------------------------------------

    def roads(self, workshop, track, days) -> str:
        lines = ["```{schedule}", f":timezone: {ZONE}", f":location: {track.location}",
                 f":name: program-{track.docname}", ""]
        for day, slots in days.items():
            lines.append(f"Day {day} - {format_date(day_date(day))}")
            for slot in slots:
                lines.append(f"- {slot.start}-{slot.end} {slot_heading(slot)}" + (
                    f" ({', '.join(workshop.people[key].name for key in slot.speakers)})" if slot.speakers else ""))
        lines.append("```\n")
        return "\n".join(lines)

    # -- by hand ----------------------------------------------------------------------

    def hand(self, workshop, track, days) -> str:
        parts = [f"Times are in **{ZONE}**.\n"]
        for day, slots in days.items():
            rows = []
            for slot in slots:
                kind, title = kind_and_title(slot)
                heading = f"{kind} **{title}**" if kind else f"**{title}**"
                cell = f"({slot_anchor(track, slot)})=\n\n    {heading}"
                if slot.speakers:
                    # a panel's people are its panelists, as roads_ext labels them
                    label = "*Panelists:* " if slot.kind == "panel" else ""
                    cell += "\n\n    " + label + ", ".join(person_link(workshop.people[key]) for key in slot.speakers)
                rows.append(f"* - {clock(slot.start)}\u2009–\u2009{clock(slot.end)}\n  - {cell}")
            parts.append(
                f"```{{list-table}} {format_date(day_date(day))} · Day {day}\n:header-rows: 1\n"
                f":stub-columns: 1\n:widths: 25 75\n\n* - Time ({ZONE})\n  - Session\n"
                + "\n".join(rows) + "\n```\n"
            )
        return "\n".join(parts)

    def card_line(self, workshop, key: str) -> str:
        """The "In the program:" line of a hand-written speaker card."""
        talks = _TALKS.get(id(workshop))
        if talks is None or talks[0] is not workshop.tracks:
            by_person: dict[str, list[str]] = {}
            for track in workshop.tracks:
                for slot in track.slots:
                    label = slot_summary(slot)
                    for speaker in slot.speakers:
                        by_person.setdefault(speaker, []).append(
                            f"[{label}]({track.docname}.md#{slot_anchor(track, slot)})")
            talks = _TALKS[id(workshop)] = (workshop.tracks, by_person)
        links = talks[1].get(key, [])
        return "In the program: " + "; ".join(links) if links else ""


_TALKS: dict[int, tuple[list, dict[str, list[str]]]] = {}


def day_date(day: int) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=day - 1)


def format_date(date: dt.date) -> str:
    return f"{date:%A}, {date:%B} {date.day}, {date.year}"


def clock(hhmm: str) -> str:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return f"{hour % 12 or 12}:{minute:02d}\u202f{'AM' if hour < 12 else 'PM'}"


KIND_LABELS = {"keynote": "Keynote", "invited talk": "Invited talk", "panel": "Panel"}


def slot_heading(slot) -> str:
    """The slot as an organizer writes it in a schedule line."""
    if slot.kind in ("keynote", "invited talk"):
        return f"{KIND_LABELS[slot.kind]}: {slot.title}"
    return slot.title  # "Panel: ...", "Coffee break", "Lunch", "Welcome and opening remarks"


def kind_and_title(slot) -> tuple[str, str]:
    """What the page shows: the kind's label (where the title does not say it) and the title."""
    if slot.kind in ("keynote", "invited talk"):
        return KIND_LABELS[slot.kind], slot.title
    if slot.kind == "panel":
        return "Panel", slot.title.split(": ", 1)[1]
    return "", slot.title


def slot_summary(slot) -> str:
    kind, title = kind_and_title(slot)
    return f"{kind}: {title}, {format_date(day_date(slot.day))}, {clock(slot.start)} {ZONE}"


def slot_anchor(track, slot) -> str:
    """``program-<page>-<words of the title>``, numbered from the second on (as roads_ext does)."""
    anchors = _ANCHORS.get(id(track))
    if anchors is None or anchors[0] is not track.slots:
        seen: set[str] = set()
        found = {}
        for number, each in enumerate(track.slots):
            base = slugify(kind_and_title(each)[1])
            slug, count = base, 1
            while slug in seen:
                count += 1
                slug = f"{base}-{count}"
            seen.add(slug)
            found[number] = f"program-{track.docname}-{slug}"
        anchors = _ANCHORS[id(track)] = (track.slots, found)
    return anchors[1][track.slots.index(slot)]


_ANCHORS: dict[int, tuple[list, dict[int, str]]] = {}


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())[:6]) or "slot"


def person_link(person) -> str:
    return f'[{person.name}](#person-{person.key} "{person.tooltip}")'
