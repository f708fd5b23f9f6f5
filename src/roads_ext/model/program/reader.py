"""The program reader: a pasted program's lines, read one kind of line at a time.

:func:`~.lines.program_lines` brings every form to :class:`~.lines.Line` s. The reader
then looks at each line once and hands it to the method for its kind: a table row, a
heading, a line with a time (a slot starts), a line under a slot (a detail, the title on
the line below, the panelists as sub-bullets), a day, a session heading, the day's end,
or a line without a time between slots (a coffee break, the second talk of a session:
a slot of its own, given its times by :func:`~.details.place_untimed`). A slot's text is
read only once it is complete, by :class:`~.roles.SlotTextReader`, from all its parts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from ...diagnostics import RoadsWarning
from ..dates import (
    Zone,
    looks_like_date,
)
from ..pasted import clean_text, read_people, unmark
from ..problems import Problem
from .clock import SLOT, close_day, read_times, times_as_read
from .data import Day, Link, Program, Slot
from .days import (
    BETWEEN_SESSIONS,
    CHAIR,
    DURATION,
    PAGE_TITLE,
    STATED_ZONE,
    TRIED_A_TIME,
    ZONE_LINE,
    date_in_prose,
    day_of,
    is_prose,
    looks_like_a_date_line,
    names_a_day,
    read_day,
    time_after_title,
    unbracket_time,
)
from .details import DETAIL_KEYS, assign_slugs, finish_days, read_detail
from .kinds import END_WORDS, PROGRAM_WORDS, is_block_label, kind_of_words, read_label, session_kind
from .lines import Line, empty_cell, extra_cells, find_date, find_date_without_year, program_lines, read_cells
from .materials import cell_links, material_label, take_materials
from .messages import NO_DAY, html_problem, unreadable
from .people import mentions_qa
from .roles import Reading, SlotTextReader
from .slots import (
    DETAIL,
    DROPPED,
    ROLE_KEYS,
    SESSION_LINE,
    PendingSlot,
    add_people,
    blocks_by_time,
    is_detail_key,
    lines_below,
    role_line,
    split_block,
)


class ProgramReader:
    """Reads one program. ``known_people``: the names declared on the site, which make a
    name surely a person's."""

    def __init__(
        self,
        first_day: dt.date | None = None,
        workshop_date: dt.date | None = None,
        zone: Zone | None = None,
        known_people: Collection[str] = (),
    ) -> None:
        self.program = Program()
        self.problems = self.program.problems
        self.zone = zone
        known = first_day or workshop_date
        self.year = known.year if known else None
        self.day: Day | None = Day(-1, first_day) if first_day else None
        if self.day is None and workshop_date is not None:
            self.day = Day(-1, workshop_date)
        if self.day:
            self.program.days.append(self.day)
        self.session = ""
        self.session_kind: str | None = None
        self.pending: PendingSlot | None = None
        #: the session before a spanning cell's theme, while rows of that theme are read
        self.row_group: tuple[str, str | None] | None = None
        self.row_group_open = False
        #: a session whose slots are written under its line: (its indent, the session before it)
        self.block: tuple[int, str, str | None] | None = None
        self.detail_key: str | None = None
        self.texts = SlotTextReader(known_people)
        self.in_prose = False  # the line above was a sentence about the program
        self.stated_zone = ""  # "All times are in UTC": the zone of every time written without one
        self.written: dict[int, str] = {}  # a slot's text after its time, as written (for a session it opens)

    # -- the whole program ------------------------------------------------------------------

    def read(self, lines: list[str], csv_text: bool = False) -> Program:
        for line in program_lines(lines, csv_text):
            self.read_line(line)
        self.close_slot()
        for day in self.program.days:
            day.slots = [slot for slot in day.slots if slot.title != DROPPED]
            blocks_by_time(day, self.written)
        finish_days(self.program)
        assign_slugs(self.program)
        if not self.program.slots() and not any(
            p.subtype in (RoadsWarning.TIME, RoadsWarning.DATE) for p in self.problems
        ):
            self.problems.append(
                Problem(
                    0,
                    RoadsWarning.EMPTY,
                    (
                        "has no slots: write one line per slot, like '8:30am-8:40am - Welcome (Workshop "
                        "Organizers)', and give the day after the directive name"
                    ),
                )
            )
        self.program.days = [day for day in self.program.days if day.slots]
        return self.program

    def read_line(self, line: Line) -> None:
        if line.paragraph_start or line.cells is not None or line.heading:
            self.in_prose = False
        if (
            self.pending is not None
            and line.cells is None
            and not line.markdown_heading
            and (
                line.indent > self.pending.indent
                or (
                    line.bullet
                    and (
                        self.pending.heading
                        or (
                            not self.pending.bullet
                            and self.pending.match is not None
                            and not self.pending.from_table
                        )
                    )
                )
            )
        ):
            self.on_line_under_slot(line)
            return
        self.detail_key = None
        if line.cells is not None:
            self.on_table_row(line)
        elif line.heading:
            self.on_heading(line)
        else:
            self.on_line(line)

    # -- one method per kind of line ------------------------------------------------------

    def on_line_under_slot(self, line: Line) -> None:
        """A line indented under a slot: a ``- key: value`` detail, an abstract's next
        line, or more of the slot (its title below it, its panelists as sub-bullets)."""
        pending = self.pending
        assert pending is not None
        text = line.text.strip()
        detail = DETAIL.match(text) if line.bullet else None
        if detail and is_detail_key(detail.group("key")):
            key = " ".join(detail.group("key").lower().split())
            self.detail_key = key
            value = (detail.group("value") or "").strip()
            if key in ROLE_KEYS and key not in DETAIL_KEYS:
                role_line(pending, ROLE_KEYS[key], value, line.offset)
            else:
                pending.details.append((detail.group("key"), value, line.offset))
            return
        if self.detail_key == "abstract" and pending.details and not line.bullet:
            key, value, where = pending.details[-1]
            pending.details[-1] = (key, value + "\n" + text, where)
            return
        text = unbracket_time(text)
        plain = times_as_read(clean_text(text))
        if SLOT.match(plain) and not looks_like_a_date_line(plain) and not DURATION.match(plain):
            # "11:00 Session 2" with "• 11:10 First round" under it: the session holds timed slots
            self._open_block(pending)
            self.on_line(Line(line.offset, line.indent, line.bullet, text))
            return
        pending.below.append((text, line.bullet, line.offset))

    def on_table_row(self, line: Line) -> None:
        """A table row or CSV record: a slot (timed or not), a day, a session heading, or
        more of the slot above (its title or speaker in a row of their own)."""
        assert line.cells is not None
        offset = line.offset
        self._spanning_theme(line)
        extra = extra_cells(line)
        if extra is not None:
            self.problems.append(extra)
        cells = read_cells(line)
        if not cells.time:
            texts = [clean_text(cell) for cell, _ in cells.parts if clean_text(cell)]
            if not texts:
                return
            text = " ".join(texts)
            if self.pending is not None and self._continues(self.pending, cells.parts):
                self.pending.parts.extend((cell, column, True) for cell, column in cells.parts)
                return
            if self.block is not None and self.pending is not None:
                self.pending.below.append((" — ".join(cell for cell, _ in cells.parts), True, offset))
                return
            if (
                find_date(text)
                or find_date_without_year(text)
                or (len(texts) == 1 and self._heading_like(text))
            ):
                self.close_slot()
                self._day_or_session(text, offset, table=True)
                return
            time_cell = next(
                (
                    cell
                    for cell, column in zip(line.cells, line.columns or [], strict=False)
                    if column == "time"
                ),
                "",
            )
            if (time_cell.strip() and not empty_cell(time_cell)) or TRIED_A_TIME.match(texts[0]):
                self.close_slot()
                self.problems.append(unreadable(line.text, offset))  # a time column, but no time in it
                return
            self.start_slot(offset, 0, None, [(cell, column, False) for cell, column in cells.parts])
            return
        self.close_slot()
        match = SLOT.match(times_as_read(cells.time))
        if match is None or match.group("rest").strip():
            self.problems.append(unreadable(line.text, offset))
            return
        first = " ".join(clean_text(cell) for cell, _ in cells.parts)
        if first.strip(" .!*_").lower() in END_WORDS:
            close_day(self.day, match, offset, self.problems, self.zone)
            return
        self.start_slot(offset, 0, match, [(cell, column, False) for cell, column in cells.parts])
        if self.pending is not None:
            self.pending.from_table = True
        if cells.materials and self.pending is not None:
            self.pending.materials += [
                m for cell, column in cells.materials for m in cell_links(cell, column, offset)
            ]
        if cells.abstract and self.pending is not None:
            self.pending.details.append(("abstract", cells.abstract, offset))

    def _zone_statement(self, text: str) -> bool:
        """``The below is stated in UTC time.``, ``All times are UTC+2``: the times written
        without a zone after it are in that zone, and are converted to the venue's."""
        found = STATED_ZONE.search(text)
        if found is None:
            return False
        self.stated_zone = found.group("zone").replace(" ", "").replace("−", "-")
        return not (find_date(text) or find_date_without_year(text))  # a day's line says more

    def _time_at_end(self, line: Line, plain: str) -> bool:
        """``Opening Remarks Sat 29 Jul 08:50 a.m.``, ``Session 1 (16:00 – 16:45)``: a slot
        whose time (and day) come after its title, read as if written before it."""
        moved = time_after_title(plain)
        if moved is None or (self.pending is not None and line.indent > self.pending.indent):
            return False
        slot_text, date_text = moved
        if date_text and not (
            self.day is not None and self.day.date == day_of(date_text, self.day.date.year)
        ):
            self.close_slot()
            self._day_or_session(date_text, line.offset, table=False, sure=True)
        self.on_line(Line(line.offset, line.indent, line.bullet, slot_text))
        return True

    def _spanning_theme(self, line: Line) -> None:
        """A cell that spans the rows below it (a theme, a session), copied from a web
        page's table: the rows after this one have one cell fewer. Its theme is their
        session, until the break after them."""
        assert line.cells is not None
        if self.row_group is not None and not self.row_group_open:
            self.session, self.session_kind = self.row_group
            self.row_group = None
        self.row_group_open = False
        if (
            line.spans_below
            and line.columns
            and line.columns[0] in ("time", "start")
            and not empty_cell(line.cells[1])
        ):
            self.close_slot()  # the slot above ends before the theme begins
            group = clean_text(line.cells[1])
            if self.row_group is None:
                self.row_group = (self.session, self.session_kind)
            self.session, self.session_kind = group, session_kind(group)
            self.row_group_open = True
            line.cells = [line.cells[0], *line.cells[2:]]
        elif self.row_group is not None:
            self.row_group_open = True

    def on_heading(self, line: Line) -> None:
        """``### Session 1: Invited Talks``, ``**Morning session**``, ``## Schedule (June 8)``;
        a bold line under a slot that has no title yet is its title."""
        text = clean_text(line.text.lstrip("#").strip())
        if (
            not line.markdown_heading
            and self.pending is not None
            and not line.bullet
            and self._wants_title(self.pending, text)
        ):
            self.pending.below.append((line.text.strip(), False, line.offset))
            return
        if self._zone_statement(text):
            return
        # "#### 10:00-10:10 Opening", "###### **- 1PM--1:10PM: Opening**": a slot written as a heading
        slot_text = re.sub(r"^[-*•]\s+", "", text)
        if SLOT.match(times_as_read(slot_text)) and not looks_like_a_date_line(slot_text):
            written = re.sub(r"^#{1,6}\s+", "", line.text.strip())
            written = re.sub(r"^(\*\*|__)(.*)\1:?$", r"\2", written).strip()
            self.on_line(Line(line.offset, line.indent, line.bullet, re.sub(r"^[-*•]\s+", "", written)))
            if self.pending is not None:
                self.pending.heading = True
            return
        if is_prose(text):
            self._prose(text, line.offset)
            return
        self.close_slot()
        self._day_or_session(text, line.offset, table=False)

    def on_line(self, line: Line) -> None:
        """A list line or a plain line: a slot with its time, the day's end, the program's
        own heading, more of the slot above, a day, a chair, a session, or a slot without
        a time."""
        offset = line.offset
        text = unbracket_time(line.text.strip())
        plain = times_as_read(clean_text(text))
        match = SLOT.match(plain) if plain else None
        if match and DURATION.match(plain):
            match = None  # "15 mins - discussion & short break": a length, not a time
        if match and not looks_like_a_date_line(plain):
            self.close_slot()
            rest = match.group("rest").strip()
            raw = SLOT.match(times_as_read(text))
            if raw and clean_text(raw.group("rest")) == clean_text(rest):
                rest = raw.group("rest").strip()  # as written: its links and HTML are read, not lost
            if clean_text(rest).strip(" .!*_").lower() in END_WORDS:
                close_day(self.day, match, offset, self.problems, self.zone)
                return
            self.start_slot(offset, line.indent, match, [(rest, None, False)] if rest else [])
            if self.pending is not None:
                self.pending.bullet = line.bullet
            return
        if plain.strip(" .!*_").lower() in END_WORDS:
            self.close_slot()
            return
        if self._zone_statement(plain) or ZONE_LINE.match(plain):
            return  # "Timezone: Pacific/Honolulu", "All times in CEST": the directive's zone says it
        if self._time_at_end(line, plain):
            return
        if (
            re.match(rf"^(?:{'|'.join(PROGRAM_WORDS)})\b", plain, re.IGNORECASE)
            and not find_date(plain)
            and not find_date_without_year(plain)
        ):
            self.close_slot()  # the program's own heading: "Schedule (all times CEST)"
            return
        if (
            (looks_like_date(plain) or names_a_day(plain))
            and not re.match(r"^\d{1,2}[:.]\d", plain)
            and (find_date(plain) or find_date_without_year(plain) or not self._belongs_to_slot(line))
        ):
            self.close_slot()
            self._day_or_session(plain, offset, table=False, sure=True)
            return
        chair = unmark(plain)[0]
        if CHAIR.match(chair) and (self.session or self.pending is None):
            self.close_slot()
            self._chair(chair)
            return
        if self._belongs_to_slot(line):
            assert self.pending is not None
            self.pending.below.append((text, line.bullet, offset))
            return
        if self.pending is None and (is_prose(plain) or (self.in_prose and not line.paragraph_start)):
            self._prose(plain, offset)
            self.in_prose = True  # the lines of its paragraph after it are prose too
            return
        if (
            self.pending is None
            and not self.program.slots()
            and PAGE_TITLE.search(plain)
            and len(plain.split()) <= 8
        ):
            return  # "VLDB PhD Workshop", "Workshop program": the page's title above the program
        self.close_slot()
        if TRIED_A_TIME.match(plain) and not DURATION.match(plain):
            self.problems.append(unreadable(plain, offset))
            return
        if SESSION_LINE.match(plain) and not re.match(r"^\d", plain):
            self.session, self.session_kind = plain.rstrip(":"), session_kind(plain)
            return
        if self._slot_without_time(plain):
            # "15 mins - short break": its length is no part of its title
            self.start_slot(offset, line.indent, None, [(DURATION.sub("", text), None, False)])
            return
        self.problems.append(unreadable(plain, offset))

    # -- slots ---------------------------------------------------------------------------

    def start_slot(
        self, offset: int, indent: int, match: re.Match | None, parts: list[tuple[str, str | None, bool]]
    ) -> None:
        self.close_slot()
        if self.block is not None and indent <= self.block[0]:
            _, self.session, self.session_kind = self.block  # the block's session is over
            self.block = None
        pending = PendingSlot(offset, indent, match, self.day, self.session, self.session_kind, parts)
        if self.day is not None and not self.day.undated:
            pending.slot = Slot(offset, self.day.date, dt.time(0), None, DROPPED, "session")
            self.day.slots.append(pending.slot)
        self.pending = pending

    def close_slot(self) -> None:
        """Read the slot being read, now that it is complete: its times, what its lines
        below give it, its text, its details. It is long because it is the one place a
        slot's parts come together, in the order each depends on the one before."""
        pending, self.pending = self.pending, None
        if pending is None:
            return
        day = pending.day
        if day is None:
            self.problems.append(Problem(pending.offset, RoadsWarning.DATE, NO_DAY))
            return
        if day.undated:
            if not day.slots_told:
                self.problems.append(
                    Problem(
                        pending.offset,
                        RoadsWarning.DATE,
                        (
                            f"{pending.written.strip()!r} is left out: the day above it is not a date; correct the "
                            "day's line, and its slots are read"
                        ),
                    )
                )
            return
        assert pending.slot is not None
        slot = pending.slot
        if pending.match is not None:
            times = read_times(pending.match, pending.offset, day, self.problems, self.zone, self.stated_zone)
            if times is None:
                return  # said; the directive quotes the line left out
            slot.start, slot.end = times.start, times.end
            slot.ends_at_midnight, slot.zoned = times.ends_at_midnight, times.zoned
        else:
            slot.timed = False
        materials = [*take_materials(pending.offset, pending.parts, []), *pending.materials]
        if not pending.parts and pending.below:
            # "9:00–9:05" on a line of its own: the lines below it are the slot's
            text, _bullet, _offset = pending.below.pop(0)
            pending.parts.append((text, None, False))
        head = self._reading(pending)
        if pending.below and split_block(
            pending, head, (slot.start, slot.end, slot.ends_at_midnight), self.texts
        ):
            return
        materials += take_materials(pending.offset, pending.parts, pending.below)  # a block's are its slots'
        taken, description = lines_below(pending, head) if pending.below else ([], [])
        reading = self._reading(pending, taken)
        if reading.unread_tags:
            self.problems.append(html_problem(pending, reading.unread_tags))
        kind = reading.kind or "session"
        if not reading.title and not reading.speakers and kind == "session":
            where = pending.match.group("start").strip() if pending.match else pending.written
            self.problems.append(
                Problem(
                    pending.offset,
                    RoadsWarning.SCHEDULE,
                    (
                        f"the slot at {where} has no title: write it after the time, "
                        "like '8:30am-8:40am - Welcome'; this slot is left out"
                    ),
                )
            )
            return
        slot.title, slot.kind, slot.speakers = reading.title, kind, list(reading.speakers)
        self.written[id(slot)] = " ".join(
            clean_text(text) for text, _, _ in pending.parts if clean_text(text)
        )
        slot.location = reading.location
        slot.qa = slot.kind != "panel" and mentions_qa(reading.label or "")
        slot.title_links = [link for link in reading.links if link not in reading.materials]
        slot.links.extend(
            Link(material_label(label), url, pending.offset) for label, url in reading.materials
        )
        slot.links.extend(materials)
        slot.session = pending.session
        if self.row_group is not None and slot.kind in BETWEEN_SESSIONS:
            # a spanning theme ends at the break after its rows
            slot.session = self.row_group[0]
            self.session, self.session_kind = self.row_group
            self.row_group = None
        if pending.session_kind and slot.kind == "session":
            slot.kind = pending.session_kind
        for role, names, offset in pending.people:
            add_people(slot, role, names, offset, self.problems)
        description = [*reading.notes, *description]
        if description:
            where = pending.below[0][2] - pending.offset if pending.below else 0
            slot.abstract, slot.abstract_offset = "\n".join(description), where
        for key_written, value, where in pending.details:
            read_detail(slot, key_written, value, where, self.problems)

    def _open_block(self, pending: PendingSlot) -> None:
        """The slot above holds timed slots written under it: it is their session's heading."""
        if pending.slot is not None:
            pending.slot.title = DROPPED
        heading = " ".join(clean_text(text) for text, _, _ in pending.parts if clean_text(text))
        self.pending = None
        self.block = (pending.indent, self.session, self.session_kind)
        self.session, self.session_kind = heading, session_kind(heading)

    def _reading(self, pending: PendingSlot, below: list[str] = ()) -> Reading:  # type: ignore[assignment]
        return pending.reading(self.texts, below)

    # -- what a line without a time is --------------------------------------------------

    def _wants_title(self, pending: PendingSlot, text: str = "") -> bool:
        """Whether the slot above still lacks its title: a talk that names only its label or speakers."""
        if text and (self._heading_like(text) or kind_of_words(text)):
            return False
        reading = self._reading(pending)
        talk = reading.kind is None or reading.kind in ("keynote", "invited", "contributed", "panel")
        return talk and (not reading.title or reading.title == reading.label)

    def _continues(self, pending: PendingSlot, parts: list[tuple[str, str | None]]) -> bool:
        """Whether a row without a time is more of the slot above: its title set off, or
        its people, in a row of their own, where the slot above lacks them. A row that names
        a kind (``Coffee break``) is a slot of its own."""
        if len(parts) != 1:
            return False
        cell, column = parts[0]
        inner, mark = unmark(clean_text(cell))
        if kind_of_words(inner) and not read_people(inner):
            return False
        reading = self._reading(pending)
        if is_block_label(reading.label) and not mark:
            return False  # "Contributed talks" above: a row below it is one of its talks
        if column == "speakers" or (not mark and read_people(inner) and not reading.speakers):
            return not reading.speakers
        if mark or column == "title":
            return self._wants_title(pending) or (bool(mark) and mark not in "*_")
        return False

    def _belongs_to_slot(self, line: Line) -> bool:
        """Whether a line without a time, not indented under the slot above, is more of
        it: its title set off on the next line, its people on a line of their own, or a
        line with no bullet under a slot that has one."""
        pending = self.pending
        if pending is None:
            return False
        text = clean_text(line.text)
        inner, mark = unmark(text)
        if SESSION_LINE.match(inner) and not mark:
            return False
        if line.bullet and line.indent <= pending.indent:
            return False  # an item of the same list is no part of the slot above
        if kind_of_words(inner) and not read_people(inner):
            reading = self._reading(pending)
            if (reading.title and reading.title != reading.label) or pending.below:
                return False  # "*Coffee break*" under a talk: a slot of its own, without a time
        if mark:
            return True
        if read_people(inner):
            return True
        reading = self._reading(pending)
        if kind_of_words(inner) and reading.title and reading.title != reading.label:
            return False  # "Coffee break" under a talk: a slot of its own
        return not line.bullet

    def _slot_without_time(self, text: str) -> bool:
        """A line between slots that is a slot itself, written without a time: ``Coffee break``."""
        label = read_label(clean_text(text))
        return label is not None or (self.day is not None and bool(self.program.slots() or self.pending))

    def _heading_like(self, text: str) -> bool:
        inner, mark = unmark(text)
        return (
            bool(SESSION_LINE.match(inner))
            or (mark == "*" and text.startswith("**"))
            or bool(re.match(rf"^(?:{'|'.join(PROGRAM_WORDS)})\b", inner, re.IGNORECASE))
        )

    def _chair(self, chair: str) -> None:
        """``Chair: Jane Doe`` under a session heading: part of the heading."""
        if not self.session:
            self.session = chair
            return
        for slot in self.day.slots if self.day else []:
            if slot.session == self.session:
                slot.session = f"{self.session} · {chair}"
        self.session = f"{self.session} · {chair}"

    # -- days and sessions -------------------------------------------------------------

    def _prose(self, text: str, offset: int) -> None:
        """A sentence above or beside the program: the day it names, if any, is the program's."""
        found = date_in_prose(text)
        if found is not None and (self.day is None or self.day.date != found[0]):
            self.close_slot()
            self._day_or_session(found[1], offset, table=False, sure=True)

    def _day_or_session(self, text: str, offset: int, table: bool, sure: bool = False) -> None:
        """A heading or a line without a time: a new day, a session heading, or the
        program's own heading (``Schedule``), which is left as it is."""
        found = read_day(text, offset, self.program, self.year, self.problems, table, sure)
        if isinstance(found, Day):
            self._new_day(found)
        elif isinstance(found, str):
            self.session, self.session_kind = found, session_kind(found)

    def _new_day(self, day: Day) -> None:
        self.day, self.session, self.session_kind = day, "", None


def parse_program(
    lines: list[str],
    first_day: dt.date | None = None,
    workshop_date: dt.date | None = None,
    csv_text: bool = False,
    zone: Zone | None = None,
    known_people: Collection[str] = (),
) -> Program:
    """Read the program's lines (the directive's body, or a file's). Never raises.

    ``workshop_date`` (the site's ``roads_workshop_date``) gives the year of a day
    written without one (``Schedule (Thursday, June 8)``).
    """
    return ProgramReader(first_day, workshop_date, zone, known_people).read(lines, csv_text)
