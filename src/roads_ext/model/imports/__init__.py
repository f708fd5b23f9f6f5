"""Conference tools' exports, read into the program and paper models. Knows nothing of
Sphinx; one module per tool:

- :mod:`.frab`, :mod:`.frab_xml`: frab schedules (JSON and XML) as frab and pretalx write them;
- :mod:`.indico`: Indico's event export, ``/export/event/ID.json?detail=contributions``;
- :mod:`.paper_csv`: Mini-Conf's ``papers.csv``, CMT's and HotCRP's CSV exports.

The format is read from the content (:func:`schedule_import`, :func:`papers_import`), or
forced by the directive's ``:format:``. A program file that is none of them (a pasted
program, a CSV of slots) is left to :mod:`roads_ext.model.program`; a papers file that is
none of them to :mod:`roads_ext.model.papers`, as before.
"""

from __future__ import annotations

import json
from typing import Any

from ...diagnostics import RoadsWarning
from ..dates import Zone
from ..papers import PapersResult, parse_csv, parse_openreview
from ..problems import Problem
from .common import ImportedProgram

# each tool's reader is imported when a file of its format is read: a site that imports
# nothing loads none of them (nor expat)

__all__ = [
    "PAPER_FORMATS",
    "SCHEDULE_FORMATS",
    "ImportedProgram",
    "csv_tool",
    "json_shape",
    "papers_import",
    "schedule_import",
]

#: ``:format:`` of ``schedule``: a tool's export, or the lines an organizer writes
SCHEDULE_FORMATS = ("frab", "indico", "text", "csv")
#: ``:format:`` of ``accepted-papers``
PAPER_FORMATS = ("openreview", "csv", "miniconf", "cmt", "hotcrp")
#: what a warning about a file of an unknown shape names
SCHEDULE_TOOLS = (
    "frab or pretalx schedule JSON ({'schedule': {'conference': ...}}), frab or pretalx schedule "
    "XML (<schedule>), Indico's event export ({'results': [{'contributions': [...]}]})"
)
PAPER_TOOLS = (
    "an OpenReview export ({'notes': [...]}), Mini-Conf's papers.csv (UID,title,authors,...), "
    "a CMT export (Paper ID,Paper Title,...), a HotCRP export (ID,Title,... or paper,title,first,last,...), "
    "or a CSV with the columns title,authors,url,decision,track"
)


def _json(text: str) -> tuple[Any, Problem | None]:
    try:
        return json.loads(text.lstrip("\ufeff")), None
    except json.JSONDecodeError as error:
        return None, Problem(
            error.lineno - 1, RoadsWarning.FILE, f"is not valid JSON ({error.msg}, column {error.colno})"
        )
    except RecursionError:
        return None, Problem(0, RoadsWarning.FILE, "is nested too deeply to be read")


def json_shape(data: Any) -> str:
    """``frab``, ``indico`` or "" for JSON of another shape."""
    if isinstance(data, dict):
        schedule = data.get("schedule")
        if isinstance(schedule, dict) and isinstance(schedule.get("conference"), dict):
            return "frab"
        results = data.get("results")
        if isinstance(results, list) and any(
            isinstance(event, dict) and isinstance(event.get("contributions"), list) for event in results
        ):
            return "indico"
    return ""


def schedule_import(text: str, suffix: str, forced: str | None, zone: Zone | None) -> ImportedProgram | None:
    """The program of a tool's export in ``text``, or None for a file of lines or CSV
    (``:format: text`` or ``csv``, or content that is neither JSON nor XML)."""
    if forced in ("text", "csv"):
        return None
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if forced is None and head not in ("{", "[", "<"):
        return None
    if head == "<" or (forced == "frab" and head not in ("{", "[")):
        return _frab_xml(text, zone)
    data, problem = _json(text)
    if problem is not None:
        return _refused(problem)
    shape = json_shape(data)
    if forced and shape != forced:
        want = "frab" if forced == "frab" else "Indico"
        return _refused(
            Problem(
                0,
                RoadsWarning.IMPORT,
                f"is not {want}'s export (:format: {forced}); the formats read are {SCHEDULE_TOOLS}",
            )
        )
    if shape == "frab":
        from .frab import read_frab_json

        return read_frab_json(data, text, zone)
    if shape == "indico":
        from .indico import read_indico

        return read_indico(data, text, zone)
    return _refused(
        Problem(0, RoadsWarning.IMPORT, f"is JSON of an unknown shape; the formats read are {SCHEDULE_TOOLS}")
    )


def _frab_xml(text: str, zone: Zone | None) -> ImportedProgram:
    from .frab_xml import XmlError, parse_xml, read_frab_xml

    try:
        root = parse_xml(text)
    except XmlError as error:
        return _refused(Problem(error.line - 1, RoadsWarning.FILE, str(error)))
    if root.tag != "schedule":
        return _refused(
            Problem(
                root.line - 1,
                RoadsWarning.IMPORT,
                f"is XML whose root is <{root.tag}>, not a frab <schedule>; the formats read are {SCHEDULE_TOOLS}",
            )
        )
    return read_frab_xml(root, zone)


def _refused(problem: Problem) -> ImportedProgram:
    result = ImportedProgram()
    result.problems.append(problem)
    return result


def csv_tool(header: list[str]) -> str:
    """The tool whose CSV export has ``header``: miniconf, cmt, hotcrp, or csv (ours)."""
    names = set(header)
    if "uid" in names and "title" in names:
        return "miniconf"
    if "paper id" in names and "paper title" in names:
        return "cmt"
    if "title" in names and (
        {"first", "last"} <= names
        or "paper" in names
        or ("id" in names and names & {"abstract", "email", "topics"})
    ):
        return "hotcrp"
    return "csv"


def papers_import(text: str, suffix: str, forced: str | None) -> PapersResult:
    """The papers of ``text``: an OpenReview export or our CSV as before, or a tool's CSV
    export (read from its header, or ``forced``). A schedule given to the papers list is
    refused, with a problem that says so."""
    from .paper_csv import csv_header, parse_cmt, parse_hotcrp, parse_miniconf

    fmt = forced or ("csv" if suffix == ".csv" else "openreview")
    if fmt == "csv" and forced is None:
        fmt = csv_tool(csv_header(text))
    if fmt == "openreview" and forced is None and text.lstrip("\ufeff \t\r\n")[:1] == "{":
        data, _problem = _json(text)
        shape = json_shape(data)
        if shape:
            result = PapersResult()
            result.problems.append(
                Problem(
                    1,
                    RoadsWarning.IMPORT,
                    f"is {'a frab' if shape == 'frab' else 'an Indico'} schedule, not a list of papers: give it to "
                    f"the schedule directive's :file:; the papers formats read are {PAPER_TOOLS}",
                )
            )
            return result
    readers = {
        "openreview": parse_openreview,
        "csv": parse_csv,
        "miniconf": parse_miniconf,
        "cmt": parse_cmt,
        "hotcrp": parse_hotcrp,
    }
    return readers[fmt](text)
