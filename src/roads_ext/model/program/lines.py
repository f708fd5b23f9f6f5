"""A pasted program's lines brought to one shape, whatever form they were pasted in: a
list (any bullet, or none), Markdown pipe tables, tab-separated cells copied from a web
page, CSV. Knows nothing of Sphinx.

A table's header names its columns in any order (``Speaker | Title | Time``); a time is
found in whichever cell holds one; cells that only mark emptiness (``-``, ``TBD``) are
empty; rules between sessions (``---``) are no lines of the program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import match_date, match_date_without_year
from ..pasted import clean_text
from .clock import TIME_ONLY, times_as_read
from .text import EMPTY_MARKERS

_BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>(?:[-*+•]|\d+[.)])\s+)?(?P<text>.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
#: a thematic break between sessions: ``---``, ``***``, ``___``
_THEMATIC_BREAK = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
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
    "abstract": "abstract",
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
    return next((COLUMNS[part] for part in parts if part in COLUMNS and part not in ("to", "from", "what")), None)


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
    heading: bool = False  # "### Session 1", "**Morning session**"
    markdown_heading: bool = False  # "### Session 1": a heading whatever comes before it


@dataclass
class Cells:
    """A table row or CSV record, read by column."""

    time: str  # the time written, "" when no cell holds one
    parts: list[tuple[str, str | None]]  # the other cells as written, with their column
    abstract: str = ""


def program_lines(lines: list[str], csv_text: bool = False) -> list[Line]:
    """The program's lines as :class:`Line` s, whatever form they were pasted in:
    a list (any bullet, or none), Markdown pipe tables (header and ``|---|`` rows read
    for what each column holds), tab-separated lines, or CSV with a header row."""
    result: list[Line] = []
    columns: list[str | None] | None = None
    first = next((line for line in lines if line.strip()), "")
    if csv_text or _csv_header(first):
        return _csv_lines(lines)
    in_table = False
    tab_columns: list[str | None] | None = None  # the header of tab-separated lines
    for offset, raw in enumerate(lines):
        if not raw.strip():
            in_table = False
            continue
        stripped = raw.strip()
        if stripped.startswith("|") or (in_table and "|" in stripped):
            if _TABLE_RULE.match(stripped.replace(" ", "")):
                in_table = True
                continue
            cells = [cell.strip() for cell in stripped.strip("|").split("|")]
            names = [column_name(cell) for cell in cells]
            following = next((line.strip() for line in lines[offset + 1 :] if line.strip()), "")
            header_row = not in_table and _TABLE_RULE.match(following.replace(" ", "")) is not None
            if header_row and (any(names) or not any(_cell_time(cell) for cell in cells)):
                # the header row: what each column holds ("Time (New Orleans)", "Speaker")
                columns = names if any(names) else None
                in_table = True
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
            result.append(Line(offset, 0, False, stripped, cells, columns))
            continue
        in_table = False
        columns = None
        if _THEMATIC_BREAK.match(raw):
            continue
        parts = _BULLET.match(raw.rstrip())
        assert parts is not None  # the pattern matches any line
        indent = len(parts.group("indent").expandtabs())
        text = parts.group("text")
        if "\t" in text.strip():
            cells = [cell.strip() for cell in text.strip().split("\t")]
            names = [column_name(cell) for cell in cells]
            if all(names) and any(name in ("time", "start") for name in names):
                tab_columns = names  # a header row copied with the table: "Time, Speaker, Title, Room"
                continue
            result.append(Line(offset, indent, bool(parts.group("bullet")), text, cells, tab_columns))
            continue
        tab_columns = None
        markdown_heading = bool(re.match(r"^#{1,6}\s", text))
        heading = markdown_heading or bool(re.fullmatch(r"\*\*[^*].*\*\*:?|__[^_].*__:?", text.strip()))
        result.append(Line(offset, indent, bool(parts.group("bullet")), text, heading=heading,
                           markdown_heading=markdown_heading))
    return result


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
    return TIME_ONLY.match(times_as_read(clean_text(cell).strip("*_ ")))


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
        elif not time and not start and column in (None, "time") and _cell_time(cell):
            time = clean_text(cell).strip("*_ ").rstrip(":.")
        else:
            parts.append((cell, column))
    if start:
        time = f"{start}-{end}" if end else start
    if affiliations:
        # an affiliation column belongs with the speakers: right after their cell
        at = next((i + 1 for i, (_, column) in enumerate(parts) if column == "speakers"), len(parts))
        parts[at:at] = [(cell, "affiliation") for cell in affiliations]
    return Cells(time, parts, abstract)
