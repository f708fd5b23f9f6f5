"""A pasted program's lines brought to one shape, whatever form they were pasted in: a
list (any bullet, or none), Markdown pipe tables, tab-separated cells copied from a web
page, CSV. Knows nothing of Sphinx.

A table's header names its columns in any order (``Speaker | Title | Time``); a time is
found in whichever cell holds one; cells that only mark emptiness (``-``, ``TBD``) are
empty; rules between sessions (``---``) are no lines of the program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...diagnostics import RoadsWarning
from ..dates import match_date, match_date_without_year
from ..pasted import clean_text, looks_like_room
from ..problems import Problem
from .clock import time_only, times_as_read
from .materials import MATERIAL_COLUMNS
from .text import EMPTY_MARKERS

_BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>(?:[-*+•]|\d+[.)])\s+)?(?P<text>.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
#: a thematic break between sessions: ``---``, ``***``, ``___``
_THEMATIC_BREAK = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
#: an attribute list a page builder reads (kramdown, MyST): ``{: .table}``, ``{.px-3}``
_ATTRIBUTES = re.compile(
    r"^\s*(?:\{:?\s*[.#][^{}]*\}|@def\s.*|\{\{.*\}\}|\{%.*%\}|<!--.*-->|\+\+\+|:::+\s*\{?[\w-]*\}?)\s*$"
)
#: a table's or a CSV file's column names, and what each column holds
COLUMNS = {
    "time": "time",
    "times": "time",
    "when": "time",
    "start": "start",
    "begin": "start",
    "from": "start",
    "start time": "start",
    "end": "end",
    "until": "end",
    "to": "end",
    "finish": "end",
    "end time": "end",
    "title": "title",
    "paper": "title",
    "papers": "title",
    "presentation": "title",
    "talk title": "title",
    "title of talk": "title",
    "details": "title",
    "content": "title",
    "event": "title",
    "session": "title",
    "talk": "title",
    "topic": "title",
    "activity": "title",
    "program": "title",
    "programme": "title",
    "what": "title",
    "item": "title",
    "agenda": "title",
    "description": "title",
    "speaker": "speakers",
    "speakers": "speakers",
    "presenter": "speakers",
    "presenters": "speakers",
    "who": "speakers",
    "name": "speakers",
    "speaker name": "speakers",
    "invited speaker": "speakers",
    "presenter(s)": "speakers",
    "author(s)": "speakers",
    "author": "speakers",
    "authors": "speakers",
    "speaker(s)": "speakers",
    "affiliation": "affiliation",
    "institution": "affiliation",
    "organization": "affiliation",
    "kind": "kind",
    "format": "kind",
    "category": "kind",
    "type": "kind",
    "room": "location",
    "venue": "location",
    "place": "location",
    "location": "location",
    "where": "location",
    "track": "location",  # parallel tracks: a track is read as a room (model/program/rooms.py)
    "abstract": "abstract",
    # a column of materials: its links are the slot's (see .materials)
    **{name: f"material:{name}" for name in MATERIAL_COLUMNS},
}


def column_name(cell: str) -> str | None:
    """What a header cell names (``Time (New Orleans)`` -> ``time``), or None."""
    words = re.sub(r"\(.*?\)", "", clean_text(cell)).strip().strip("*:").lower()
    if words in COLUMNS:
        return COLUMNS[words]
    # "Talk Title", "Speaker / Affiliation": a short header that names one of the columns
    parts = re.findall(r"[a-z()]+", words)
    if not 1 < len(parts) <= 3:
        return None
    return next(
        (COLUMNS[part] for part in parts if part in COLUMNS and part not in ("to", "from", "what")), None
    )


def find_date(text: str) -> tuple[int, int] | None:
    """Where a date is written in ``text``: ``(start, end)`` of the first one."""
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        match, _ = match_date(text[boundary.start() :])
        if match:
            return boundary.start(), boundary.start() + match.end()
    return None


def find_date_without_year(text: str) -> re.Match | None:
    for boundary in re.finditer(r"(?:^|(?<=\W))\w", text):
        match = match_date_without_year(text[boundary.start() :])
        if match:
            return match
    return None


@dataclass
class Line:
    """One line of the program, in a common shape: a list line's text, or a table's cells."""

    offset: int
    indent: int = 0
    bullet: bool = False
    text: str = ""
    cells: list[str] | None = None  # a Markdown table row, a tab-separated line, a CSV record
    columns: list[str | None] | None = None  # what each cell holds, from the header
    zone: str = ""  # a zone the time column's header names: "Time (UTC)"
    spans_below: bool = False  # its second cell spans the rows below it, which have one cell fewer
    heading: bool = False  # "### Session 1", "**Morning session**"
    paragraph_start: bool = True  # the first line of a paragraph (a blank line, or nothing, above it)
    markdown_heading: bool = False  # "### Session 1": a heading whatever comes before it


@dataclass
class Cells:
    """A table row or CSV record, read by column."""

    time: str  # the time written, "" when no cell holds one
    parts: list[tuple[str, str | None]]  # the other cells as written, with their column
    abstract: str = ""
    materials: list[tuple[str, str]] = field(
        default_factory=list
    )  # a material column's cells: (cell, column)


def program_lines(lines: list[str], csv_text: bool = False) -> list[Line]:
    """The program's lines as :class:`Line` s, whatever form they were pasted in:
    a list (any bullet, or none), Markdown pipe tables (header and ``|---|`` rows read
    for what each column holds), tab-separated lines, or CSV with a header row.

    It is long because it is one pass over the lines, with the table's state (its header,
    its zone, whether a row is inside it) kept as it goes: split, it would pass that state
    around."""
    if any("<tr" in line.lower() or "<td" in line.lower() for line in lines):
        lines = html_tables_as_pipes(lines)
    result: list[Line] = []
    columns: list[str | None] | None = None
    header_zone = ""
    first = next((line for line in lines if line.strip()), "")
    if csv_text or _csv_header(first):
        return _csv_lines(lines)
    in_table = False
    tab_columns: list[str | None] | None = None  # the header of tab-separated lines
    tab_zone = ""
    for offset, raw in enumerate(lines):
        if not raw.strip():
            in_table = False
            continue
        stripped = raw.strip()
        if stripped.startswith("|") or (in_table and "|" in stripped):
            if _TABLE_RULE.match(stripped.replace(" ", "")):
                in_table = True
                continue
            # "\|" is a pipe inside a cell (Markdown's escape), not a cell's edge
            cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", stripped.strip("|"))]
            names = [column_name(cell) for cell in cells]
            following = next((line.strip() for line in lines[offset + 1 :] if line.strip()), "")
            header_row = not in_table and _TABLE_RULE.match(following.replace(" ", "")) is not None
            if header_row and (any(names) or not any(_cell_time(cell) for cell in cells)):
                # the header row: what each column holds ("Time (New Orleans)", "Speaker")
                columns = names if any(names) else None
                header_zone = _header_zone(cells, names)
                in_table = True
                result.extend(_captions(offset, cells, names))
                continue
            if (
                not in_table
                and not any(_cell_time(cell) for cell in cells)
                and not (find_date(" ".join(cells)) or find_date_without_year(" ".join(cells)))
                and any(names)
            ):
                columns = names
                in_table = True
                continue
            in_table = True
            result.append(
                Line(offset, 0, False, stripped, cells, columns, zone=header_zone if columns else "")
            )
            continue
        in_table = False
        columns = None
        header_zone = ""
        if _THEMATIC_BREAK.match(raw) or _ATTRIBUTES.match(raw):
            continue  # a rule between sessions; "{: .table}", "{.px-3}": a page's attributes
        parts = _BULLET.match(raw.rstrip())
        assert parts is not None  # the pattern matches any line
        indent = len(parts.group("indent").expandtabs())
        text, bullet = parts.group("text"), bool(parts.group("bullet"))
        if "\t" in text.strip() and (not parts.group("bullet") or _cell_time(text.strip().split("\t")[0])):
            cells = [cell.strip() for cell in text.strip().split("\t")]
            names = [column_name(cell) for cell in cells]
            if any(name in ("time", "start") for name in names) and not any(_cell_time(c) for c in cells):
                # a header row copied with the table: "Time, Speaker, Title, Room", "Time (CEST), Day 1: ..."
                tab_columns = names
                tab_zone = _header_zone(cells, names)
                result.extend(_captions(offset, cells, names))
                continue
            zone = tab_zone if tab_columns else ""
            result.append(Line(offset, indent, bullet, text, cells, tab_columns, zone=zone))
            continue
        tab_columns = None
        text = text.replace("\t", " ")  # a tab inside a list's item is a space
        markdown_heading = bool(re.match(r"^#{1,6}\s", text))
        heading = markdown_heading or bool(re.fullmatch(r"\*\*[^*].*\*\*:?|__[^_].*__:?", text.strip()))
        starts = offset == 0 or not lines[offset - 1].strip()  # a paragraph's first line
        line = Line(offset, indent, bullet, text, heading=heading, markdown_heading=markdown_heading)
        line.paragraph_start = starts
        result.append(line)
    _infer_columns(result)
    _spanning_cells(result)
    return result


def _spanning_cells(lines: list[Line]) -> None:
    """A row with one cell more than its header, followed by rows of the header's width:
    its extra cell spans them (a theme, copied from a web page's table with rowspan)."""
    for index, line in enumerate(lines[:-1]):
        following = lines[index + 1]
        if (
            line.cells is not None
            and line.columns
            and following.cells is not None
            and following.columns is line.columns
            and len(line.cells) == len(line.columns) + 1
            and len(following.cells) == len(line.columns)
        ):
            line.spans_below = True


#: a zone written in a time column's header: "Time (UTC)", "Start (UTC+2)", "Time (AoE)"
_HEADER_ZONE = re.compile(r"\(\s*((?:UTC|GMT)(?:\s*[+−-]\s*\d{1,2}(?::?\d{2})?)?|AoE)\s*\)", re.IGNORECASE)


def _header_zone(cells: list[str], names: list[str | None]) -> str:
    for cell, name in zip(cells, names, strict=False):
        if name in ("time", "start", "end"):
            found = _HEADER_ZONE.search(clean_text(cell))
            if found:
                return found.group(1).replace(" ", "").upper().replace("AOE", "AoE")
    return ""


_HTML_ROW = re.compile(r"<tr\b[^>]*>(?P<row>.*?)(?:</tr\s*>|(?=<tr\b)|$)", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(
    r"<t(?P<kind>[dh])\b[^>]*>(?P<cell>.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|$)", re.IGNORECASE | re.DOTALL
)


def html_tables_as_pipes(lines: list[str]) -> list[str]:
    """An HTML table pasted from a page's source, as the Markdown pipe table it shows: a
    row per ``<tr>`` at the line where it begins (the table's other lines left blank),
    ``<th>`` cells as the header; the cells' own markup is read as any pasted HTML is."""
    text = "\n".join(lines)
    result = list(lines)
    for table in re.finditer(r"<table\b.*?(?:</table\s*>|$)", text, re.IGNORECASE | re.DOTALL):
        first = text.count("\n", 0, table.start())
        last = text.count("\n", 0, table.end())
        for index in range(first, last + 1):
            result[index] = ""
        header_done = False
        for row in _HTML_ROW.finditer(table.group()):
            cells = list(_HTML_CELL.finditer(row.group("row")))
            if not cells:
                continue
            at = text.count("\n", 0, table.start() + row.start())
            shown = [" ".join(cell.group("cell").replace("|", "¦").split()) for cell in cells]
            result[at] = "| " + " | ".join(shown) + " |"
            if not header_done:
                header_done = True
                if all(cell.group("kind").lower() == "h" for cell in cells) and at + 1 <= last:
                    # the header's rule, on the table's next blank line
                    below = next((i for i in range(at + 1, last + 1) if not result[i]), None)
                    if below is not None:
                        result[below] = "|" + "---|" * len(cells)
    return result


def _captions(offset: int, cells: list[str], names: list[str | None]) -> list[Line]:
    """A header cell that names no column (``**Morning**``, ``Day 1: Tue, April 25``) is the
    table's caption: a heading for the rows below it (a session, or a day)."""
    captions = [
        clean_text(cell).strip("*_ ")
        for cell, name in zip(cells, names, strict=True)
        if name is None and not empty_cell(cell)
    ]
    if len(captions) != 1 or len([cell for cell in cells if not empty_cell(cell)]) > 2:
        return []
    return [Line(offset, 0, False, captions[0], heading=True, markdown_heading=True)]


#: places a virtual session happens in, named in a column of their own
PLATFORMS = re.compile(
    r"^(?:zoom|gather(?:\.town)?|slideslive|youtube|discord|slack|teams|webex|underline|"
    r"online|virtual|hybrid|in[- ]person|livestream|rocket\.?chat|miro|whova|gathertown)\b",
    re.IGNORECASE,
)


def _infer_columns(lines: list[Line]) -> None:
    """A table's columns that no header names, read from all their cells: one whose short
    values repeat down the table (``Zoom``, ``Gather.Town``; ``Talk``, ``Keynote``) holds
    the slots' place, or their kind."""
    from .kinds import read_label

    tables: list[list[Line]] = []
    for line in lines:
        if line.cells is None:
            continue
        if tables and tables[-1][-1].columns is line.columns and tables[-1][-1].offset + 3 >= line.offset:
            tables[-1].append(line)
        else:
            tables.append([line])
    for rows in tables:
        width = len(rows[0].columns) if rows[0].columns else max(len(row.cells or []) for row in rows)
        known = list(rows[0].columns or []) + [None] * width
        guessed: list[str | None] = list(known[:width])
        changed = False
        for index in range(width):
            if known[index] is not None:
                continue
            values = [
                clean_text(row.cells[index])
                for row in rows
                if row.cells and index < len(row.cells) and not empty_cell(row.cells[index])
            ]
            if len(values) < 3 or any(_cell_time(value) for value in values):
                continue
            short = all(len(value.split()) <= 3 for value in values)
            platforms = sum(bool(PLATFORMS.match(value)) for value in values)
            repeated = len(set(values)) <= 0.6 * len(values)
            if short and platforms >= len(values) / 2:
                guessed[index], changed = "location", True
            elif short and repeated:
                kinds = sum(bool(read_label(value)) for value in values)
                rooms = sum(bool(looks_like_room(value)) for value in values)
                column = (
                    "kind" if kinds >= len(values) / 2 else "location" if rooms >= len(values) / 2 else "kind"
                )
                guessed[index], changed = column, True  # a kind column whose values are none is a note
        if changed:
            for row in rows:
                row.columns = guessed


def _csv_header(line: str) -> bool:
    import csv

    if "," not in line:
        return False
    cells = next(csv.reader([line.strip()]), [])
    names = [column_name(cell) for cell in cells]
    return len(cells) >= 2 and all(names) and any(n in ("time", "start") for n in names)


def _csv_lines(lines: list[str]) -> list[Line]:
    import csv

    result: list[Line] = []
    columns: list[str | None] | None = None
    for offset, raw in enumerate(lines):
        if not raw.strip():
            continue
        cells = [cell.strip() for cell in next(csv.reader([raw.strip()]), [])]
        if columns is None and _csv_header(raw):
            columns = [column_name(cell) for cell in cells]
            continue
        result.append(Line(offset, 0, False, raw.strip(), cells, columns))
    return result


def _cell_time(cell: str) -> re.Match | None:
    return time_only().match(times_as_read(clean_text(cell).strip("*_ ")))


def empty_cell(cell: str) -> bool:
    """A cell that holds nothing, or only marks its emptiness (``-``, ``TBD``, ``&nbsp;``)."""
    return clean_text(cell).strip("*_ ").lower() in EMPTY_MARKERS


def read_cells(line: Line) -> Cells:
    """A table row or CSV record by column: the time (from a time column, or whichever
    cell holds one), and the other cells with what their column holds."""
    cells = line.cells or []
    columns = list(line.columns or [])
    columns += [None] * (len(cells) - len(columns))
    time = ""
    start = end = ""
    parts: list[tuple[str, str | None]] = []
    abstract = ""
    affiliations: list[str] = []
    materials: list[tuple[str, str]] = []
    for cell, column in zip(cells, columns, strict=False):
        if empty_cell(cell):
            continue
        if column == "start":
            start = clean_text(cell)
        elif column == "end":
            end = clean_text(cell)
        elif column == "abstract":
            abstract = " ".join(clean_text(cell).split())
        elif column == "affiliation":
            affiliations.append(cell)
        elif column is not None and column.startswith("material:"):
            materials.append((cell, column.removeprefix("material:")))
        elif not time and not start and column in (None, "time") and _cell_time(cell):
            time = clean_text(cell).strip("*_ ").rstrip(":.")
        elif (
            time
            and not end
            and not parts
            and column in (None, "time", "end")
            and _cell_time(cell)
            and not re.search(r"[-–—~]|\bto\b", time)
        ):
            end = clean_text(cell).strip("*_ ").rstrip(":.")  # "8:30am<tab>8:40am<tab>Opening": start, end
        else:
            parts.append((cell, column))
    if start:
        time = f"{start}-{end}" if end else start
    elif time and end:
        time = f"{time}-{end}"
    if time and line.zone and not re.search(r"[A-Za-z]{2,}\s*$", time.replace("am", "").replace("pm", "")):
        time = f"{time} {line.zone}"  # "Time (UTC)": the header's zone is every time's in it
    if affiliations:
        # an affiliation column belongs with the speakers: right after their cell
        at = next((i + 1 for i, (_, column) in enumerate(parts) if column == "speakers"), len(parts))
        parts[at:at] = [(cell, "affiliation") for cell in affiliations]
    return Cells(time, parts, abstract, materials)


def extra_cells(line: Line) -> Problem | None:
    """Cells past the header's columns: left out of ``line``, and said."""
    if line.cells is None or not line.columns or len(line.cells) <= len(line.columns):
        return None
    extra = [cell for cell in line.cells[len(line.columns) :] if not empty_cell(cell)]
    line.cells = line.cells[: len(line.columns)]
    if not extra:
        return None
    return Problem(
        line.offset,
        RoadsWarning.SCHEDULE,
        (
            f"{clean_text(line.text)!r} has more cells than the header has columns: "
            f"{', '.join(repr(clean_text(cell)) for cell in extra)} "
            f"{'is' if len(extra) == 1 else 'are'} left out; give the column a header, "
            "or put the text in a cell of its own column"
        ),
    )
