"""Accepted papers from the CSV files conference tools write: Mini-Conf's ``papers.csv``,
CMT's and HotCRP's exports. Knows nothing of Sphinx.

- **Mini-Conf** ``papers.csv``: ``UID, title, authors, abstract, keywords, session``
  (``sessions`` too, and optionally ``pdf_url``); authors, keywords and sessions separated
  by ``|``. Every paper is accepted.
- **CMT**: ``Paper ID, Paper Title, Abstract, Authors, Author Names, Author Emails, Track
  Name, Primary Subject Area, Secondary Subject Areas, Status`` (or ``Decision``) and many
  more; ``Authors`` as ``Jane Roe (Univ A)*; John Doe (Univ B)`` (``*``: the contact
  author). ``Accept (Poster)``, ``Accept (Spotlight)``, ``Accept (Oral)``, ``Reject``.
- **HotCRP**: one row per paper (``ID``, ``Title``, ``Authors``, ``Abstract``, ``Decision``)
  or one row per author (``paper, title, first, last, email, affiliation``, and
  ``decision`` where the export has it), an author's rows in the paper's order.

An e-mail address is never read: the columns that hold them are skipped, and one written
in any other cell is left out with a problem. A rejected paper is kept with the decision
``rejected`` (the list shows it only when asked to), as the plain CSV reader does.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ...diagnostics import RoadsWarning
from ..papers import Paper, PapersResult, check_link, read_decision
from ..problems import Problem
from .common import without_email

#: columns that hold e-mail addresses (or people's private details): never read
PRIVATE = re.compile(r"e-?mail|conflict|reviewer|contact", re.IGNORECASE)


def csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row of a CSV with a header as ``(line, {folded column name: cell})``; the
    first column of a name wins. Raises :class:`csv.Error` where the CSV breaks."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    header = [" ".join(name.lower().split()) for name in next(reader, [])]
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        cells: dict[str, str] = {}
        for name, cell in zip(header, row, strict=False):
            cells.setdefault(name, cell)
        yield reader.line_num, cells


def csv_header(text: str) -> list[str]:
    """The folded names of a CSV's columns (none when its first line is no CSV)."""
    try:
        header = next(csv.reader(io.StringIO(text.lstrip("\ufeff").split("\n", 1)[0])), [])
    except csv.Error:
        return []
    return [" ".join(name.lower().split()) for name in header]


class _Reader:
    """What every tool's CSV reader shares: its rows, its result, a cell read without e-mails."""

    def __init__(self, tool: str) -> None:
        self.tool = tool
        self.result = PapersResult()

    def rows(self, text: str) -> Iterator[tuple[int, dict[str, str]]]:
        """:func:`csv_rows`; where the CSV breaks, a problem, and no more rows."""
        line = 1
        try:
            for line, cells in csv_rows(text):
                yield line, cells
        except csv.Error as error:
            self.broken(error, line + 1)

    def cell(self, cells: dict[str, str], line: int, *names: str) -> str:
        """The first of ``names`` that the row has, on one line, an e-mail left out."""
        for name in names:
            if name in cells and not PRIVATE.search(name):
                kept, had_email = without_email(" ".join(cells[name].split()))
                if had_email:
                    self.result.problems.append(
                        Problem(
                            line,
                            RoadsWarning.IMPORT,
                            f"the {self.tool} column {name!r}: an e-mail address is never published; "
                            "it is left out",
                        )
                    )
                return kept
        return ""

    def decision(self, written: str, title: str, line: int) -> str | None:
        decision = read_decision(written)
        if decision is None:
            self.result.problems.append(
                Problem(
                    line,
                    RoadsWarning.PAPER,
                    f"{title!r}: the {self.tool} decision {written!r} is no decision (Accept (Oral), Accept "
                    "(Spotlight), Accept (Poster), Accept, Reject); the paper is left out",
                )
            )
        return decision

    def add(self, line: int, **fields: object) -> None:
        title = str(fields.get("title") or "")
        if not title:
            self.result.problems.append(
                Problem(line, RoadsWarning.PAPER, f"a {self.tool} row with no title; it is left out")
            )
            return
        key = str(fields.pop("key", "") or "")
        if key and not re.match(r"^[A-Za-z0-9_-]{1,64}$", key):
            key = ""
        pdf, problem = check_link(str(fields.pop("pdf", "") or ""), "the PDF")
        if problem:
            self.result.problems.append(Problem(line, RoadsWarning.LINK, f"{title!r}: {problem}"))
        self.result.papers.append(
            Paper(key=key, pdf=pdf, line=line, position=len(self.result.papers), **fields)  # type: ignore[arg-type]
        )

    def broken(self, error: csv.Error, line: int) -> PapersResult:
        self.result.problems.append(
            Problem(line, RoadsWarning.FILE, f"is not valid CSV at this line ({error}); the rest is left out")
        )
        return self.result


#: ``Jane Roe (Univ A)*``: an author as the tools write one, the affiliation and the
#: contact mark left out
_AUTHOR = re.compile(r"^(.*?)\s*(?:\([^()]*\))?\s*\*?\s*$")


def names(text: str, separator: str) -> tuple[str, ...]:
    """The names of a cell, each without the affiliation in parentheses after it."""
    return tuple(
        name
        for part in text.split(separator)
        if (name := " ".join(_AUTHOR.match(part.strip()).group(1).split()))  # type: ignore[union-attr]
    )


#: a row per author: the ``iscontact`` values of a contact who is not an author
_NOT_AN_AUTHOR = frozenset({"contact_only", "contact only", "contact-only"})


def parse_miniconf(text: str) -> PapersResult:
    """Papers from Mini-Conf's ``papers.csv``."""
    reader = _Reader("Mini-Conf")
    for line, cells in reader.rows(text):
        reader.add(
            line,
            key=reader.cell(cells, line, "uid"),
            title=reader.cell(cells, line, "title"),
            authors=names(reader.cell(cells, line, "authors"), "|"),
            abstract=cells.get("abstract", "").strip() and reader.cell(cells, line, "abstract"),
            keywords=names(reader.cell(cells, line, "keywords"), "|"),
            pdf=reader.cell(cells, line, "pdf_url", "pdf"),
            # a paper in several sessions ("Poster Session 2|Poster Session 3"): the first
            session=next(iter(names(reader.cell(cells, line, "sessions", "session"), "|")), ""),
            # a column that says how it is presented (a Mini-Conf site may add one)
            decision=read_decision(reader.cell(cells, line, "paper_type", "type", "decision", "presentation"))
            or "accepted",
        )
    return reader.result


def parse_cmt(text: str) -> PapersResult:
    """Papers from a CMT export (accepted and rejected, by their Status)."""
    reader = _Reader("CMT")
    for line, cells in reader.rows(text):
        title = reader.cell(cells, line, "paper title", "title")
        written = reader.cell(cells, line, "author names", "authors")
        authors = names(written, ";")
        decision = reader.decision(reader.cell(cells, line, "decision", "status"), title, line)
        if decision is None:
            continue
        areas = [reader.cell(cells, line, "primary subject area")]
        areas += reader.cell(cells, line, "secondary subject areas").split(";")
        reader.add(
            line,
            key=reader.cell(cells, line, "paper id"),
            title=title,
            authors=authors,
            abstract=reader.cell(cells, line, "abstract"),
            keywords=tuple(k for k in (" ".join(a.split()) for a in areas) if k),
            track=reader.cell(cells, line, "track name"),
            decision=decision,
        )
    return reader.result


def parse_hotcrp(text: str) -> PapersResult:
    """Papers from a HotCRP export: a row per paper, or a row per author."""
    reader = _Reader("HotCRP")
    header = csv_header(text)
    by_author = "first" in header or "last" in header
    #: paper id -> the fields of its paper so far (a row per author)
    papers: dict[str, dict[str, object]] = {}
    for line, cells in reader.rows(text):
        key = reader.cell(cells, line, "paper", "id", "paper id")
        title = reader.cell(cells, line, "title")
        if by_author:
            paper = papers.setdefault(key or title, {"line": line, "key": key, "title": title, "authors": ()})
            name = " ".join(f"{reader.cell(cells, line, 'first')} {reader.cell(cells, line, 'last')}".split())
            # (the column is read as it is: it holds no address, but its name says "contact")
            if name and cells.get("iscontact", "").strip().casefold() not in _NOT_AN_AUTHOR:
                paper["authors"] = (*paper["authors"], name)  # type: ignore[misc]
            if "decision" in cells:
                paper["decision"] = reader.cell(cells, line, "decision")
            continue
        decision = reader.decision(reader.cell(cells, line, "decision"), title, line)
        if decision is None:
            continue
        authors = reader.cell(cells, line, "authors")
        reader.add(
            line,
            key=key,
            title=title,
            authors=names(authors, ";") if ";" in authors else names(authors, ","),
            abstract=reader.cell(cells, line, "abstract"),
            keywords=names(reader.cell(cells, line, "topics"), ";"),
            decision=decision,
        )
    for paper in papers.values():
        at = int(paper.pop("line"))  # type: ignore[call-overload]
        decision = reader.decision(str(paper.pop("decision", "")), str(paper["title"]), at)
        if decision is not None:
            reader.add(at, decision=decision, **paper)
    return reader.result
